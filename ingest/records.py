"""What a reader yields: good papers, and rejected records with where they came from and why.

Each reader has two faces: `read_located(source)` yields `Found` (the paper plus its line) from an input opened
once (ingest.source), which the pipeline needs to point at both lines of a repeated id; `read(path)` yields
plain `Paper`s for everyone else.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rag.errors import PaperchatError
from rag.ids import paper_id_from_title
from rag.text.clean import clean_text
from rag.text.controls import LONE_SURROGATE
from rag.types import Paper

BOM = "\ufeff"
# Real titles stay far below this; a longer one is a broken record (an unclosed quote swallowing lines).
MAX_TITLE_CHARS = 2_000


@dataclass(frozen=True)
class Found:
    """A good paper plus its place in the file, so a later conflict (a repeated id) can point at both lines."""

    paper: Paper
    source: str
    where: str  # "line 12", "record 40"
    # The record had no id, so its id comes from its title alone: a same-titled record is not necessarily the
    # same paper (see pipeline.title_clash).
    id_from_title: bool = False
    # A library export's record (BibTeX, RIS, OpenAlex...): its id comes from its DOI, arXiv id or title, and the
    # same paper may be stored under another id from another export (see ingest.identity).
    by_identity: bool = False


@dataclass(frozen=True)
class Rejected:
    source: str
    where: str  # "line 12", "record 40"
    reason: str

    def __str__(self) -> str:
        return f"{self.source}, {self.where}: {self.reason}"


class InputError(PaperchatError):
    """A whole file cannot be read; the message names it and says what to do."""


LocatedRecords = Iterator[Found | Rejected]
Records = Iterator[Paper | Rejected]


def unlocated(records: LocatedRecords) -> Records:
    for record in records:
        yield record.paper if isinstance(record, Found) else record


def bad_bytes(text: str) -> str:
    """Describes the first undecodable byte of text read with errors="surrogateescape", or "" if none.

    Readers decode that way so one bad byte costs one record, not the whole file.
    """
    for char in text:
        if "\udc80" <= char <= "\udcff":
            return f"0x{ord(char) - 0xDC00:02X}"
    return ""


def not_utf8(source: str, where: str, byte: str) -> Rejected:
    return Rejected(source, where, f"not valid UTF-8 (byte {byte}); save the file as UTF-8 to ingest this record")


def make_paper(
    raw: dict, *, source: str, where: str, id_key: str = "id", text_key: str = "abstract", max_chars: int = 200_000
) -> Found | Rejected:
    """Builds a Paper from a loose dict, or says why not."""
    for key in ("title", text_key):
        value = raw.get(key)
        if value is not None and not isinstance(value, str | int | float):
            return Rejected(source, where, f"{key} is a JSON {type(value).__name__}, not text")
    for key in (id_key, "title", text_key, "url", "authors"):
        if LONE_SURROGATE.search(str(raw.get(key) or "")):
            # A JSON "\udcff" escape decodes to a character no file or database can store.
            return Rejected(source, where, f"{key} holds an escaped half of a character pair (\\uD800-\\uDFFF) that "
                                           "is not text; fix the export to ingest this record")
    title = clean_text(str(raw.get("title") or ""))
    abstract = clean_text(str(raw.get(text_key) or ""))
    if not title:
        return Rejected(source, where, "empty title")
    if len(title) > MAX_TITLE_CHARS:
        return Rejected(
            source, where, f"title is {len(title):,} characters long: a broken record (an unclosed quote?)"
        )
    if not abstract:
        return Rejected(source, where, f"empty {text_key}")
    if len(abstract) > max_chars:
        return Rejected(
            source, where,
            f"{text_key} is {len(abstract):,} characters, over the {max_chars:,} limit: likely a full text or a "
            "broken export, not an abstract (raise PAPERCHAT_INGEST__MAX_ABSTRACT_CHARS to accept it)",
        )
    raw_id = str(raw.get(id_key) or "").strip()
    authors = raw.get("authors") or ()
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ",").split(",") if a.strip()]
    elif not isinstance(authors, list | tuple):
        authors = ()
    year = _year(raw.get("year") or raw.get("date") or raw.get("update_date") or raw.get("published"))
    paper = Paper(
        paper_id=raw_id or paper_id_from_title(title),
        title=title,
        abstract=abstract,
        authors=tuple(str(a) for a in authors),
        year=year,
        url=str(raw.get("url") or ""),
        source=source,
    )
    return Found(paper, source, where, id_from_title=not raw_id)


def _year(value: object) -> int | None:
    if value is None:
        return None
    text = str(value)
    for i in range(len(text) - 3):
        chunk = text[i : i + 4]
        if chunk.isdigit() and 1900 <= int(chunk) <= 2100:
            return int(chunk)
    return None
