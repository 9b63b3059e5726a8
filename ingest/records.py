"""What a reader yields: good papers, and rejected records with where they came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rag.ids import paper_id_from_title
from rag.text import clean_text
from rag.types import Paper


@dataclass(frozen=True)
class Rejected:
    source: str
    where: str  # "line 12", "record 40"
    reason: str

    def __str__(self) -> str:
        return f"{self.source}, {self.where}: {self.reason}"


class InputError(Exception):
    """A whole file cannot be read; the message says what to do."""


Record = Paper | Rejected
Records = Iterator[Record]


def make_paper(
    raw: dict, *, source: str, where: str, id_key: str = "id", text_key: str = "abstract", max_chars: int = 200_000
) -> Record:
    """Builds a Paper from a loose dict, or says why not."""
    title = clean_text(str(raw.get("title") or ""))
    abstract = clean_text(str(raw.get(text_key) or ""))
    if not title:
        return Rejected(source, where, "empty title")
    if not abstract:
        return Rejected(source, where, f"empty {text_key}")
    if len(abstract) > max_chars:
        return Rejected(source, where, f"{text_key} is {len(abstract):,} characters, over the {max_chars:,} limit")
    raw_id = str(raw.get(id_key) or "").strip()
    authors = raw.get("authors") or ()
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ",").split(",") if a.strip()]
    year = _year(raw.get("year") or raw.get("date") or raw.get("update_date") or raw.get("published"))
    return Paper(
        paper_id=raw_id or paper_id_from_title(title),
        title=title,
        abstract=abstract,
        authors=tuple(str(a) for a in authors),
        year=year,
        url=str(raw.get("url") or ""),
        source=source,
    )


def _year(value: object) -> int | None:
    if value is None:
        return None
    text = str(value)
    for i in range(len(text) - 3):
        chunk = text[i : i + 4]
        if chunk.isdigit() and 1900 <= int(chunk) <= 2100:
            return int(chunk)
    return None
