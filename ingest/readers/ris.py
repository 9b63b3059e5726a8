"""RIS (.ris), the tagged format EndNote, Zotero, Mendeley and PubMed export: `TY  - ` opens a record, `ER  - `
closes it, `TI`/`T1` title, `AB`/`N2` abstract, `AU`/`A1` authors, `PY`/`Y1`/`DA` year, `DO` DOI, `UR` link.

rispy reads the tags; the records are cut at their `ER` lines first so each one keeps its line number and a broken
record costs only itself.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.library import arxiv_id_of, first_last, library_paper
from ingest.records import BOM, Found, LocatedRecords, Records, Rejected, bad_bytes, not_utf8, unlocated
from ingest.source import Source, open_source

_START = re.compile(r"^TY  -", re.M)
_END = re.compile(r"^ER  -", re.M)


def looks_like(head: str) -> bool:
    return head.lstrip(BOM).lstrip().startswith("TY  -")


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    import rispy

    name = source.name
    text = source.stream.read().decode("utf-8", errors="surrogateescape").lstrip(BOM).replace("\r\n", "\n")
    for line, record in _records(text):
        where = f"line {line}"
        if not _END.search(record):
            yield Rejected(name, where, "record has no end line (ER  - ): the file is cut short or the record broken")
            continue
        if byte := bad_bytes(record):
            yield not_utf8(name, where, byte)
            continue
        try:
            entries = rispy.loads(record, skip_unknown_tags=True, enforce_list_tags=False)
        except (OSError, ValueError, KeyError) as exc:
            yield Rejected(name, where, f"not valid RIS ({exc}); fix the record")
            continue
        for entry in entries:
            yield _paper(entry, name, where, max_chars)


def _records(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each record, from its TY line to the next TY line."""
    starts = [m.start() for m in _START.finditer(text)]
    return [(text.count("\n", 0, start) + 1, text[start:end]) for start, end in zip(starts, [*starts[1:], len(text)],
                                                                                    strict=True)]


def _paper(entry: dict, name: str, where: str, max_chars: int) -> Found | Rejected:
    def first(*keys: str) -> str:
        for key in keys:
            value = entry.get(key)
            if isinstance(value, list):
                value = " ".join(str(v) for v in value)
            if value:
                return str(value).strip()
        return ""

    authors = [*(entry.get("authors") or []), *(entry.get("first_authors") or [])]
    urls = entry.get("urls") or []
    url = urls[0] if isinstance(urls, list) and urls else str(urls or "")
    return library_paper(
        title=first("title", "primary_title"), abstract=first("abstract", "notes_abstract"), source=name, where=where,
        authors=[first_last(a) for a in dict.fromkeys(authors)], year=first("year", "publication_year", "date"),
        venue=first("journal_name", "secondary_title", "alternate_title3", "publisher"), doi=first("doi"),
        arxiv_id=arxiv_id_of(*(urls if isinstance(urls, list) else [url])), url=url, max_chars=max_chars,
    )
