"""Zotero's CSV export ("Export Collection..." -> CSV): columns `Title`, `Abstract Note`, `Author` ("Last, First;
Last, First"), `Publication Year`, `Publication Title`, `DOI`, `Url`, `Extra` (where Zotero keeps "arXiv: ...")."""

from __future__ import annotations

from pathlib import Path

from ingest.library import arxiv_id_of, first_last, library_paper
from ingest.readers.csv_table import table_rows
from ingest.records import BOM, Found, InputError, LocatedRecords, Records, Rejected, unlocated
from ingest.source import Source, open_source

MARK = "abstract note"  # the column no other export names


def looks_like(head: str) -> bool:
    first = head.lstrip(BOM).partition("\n")[0].lower()
    return MARK in {cell.strip().strip('"') for cell in first.split(",")}


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    def check(header: list[str]) -> None:
        if "title" not in header:
            raise InputError(f"{source.name}: a Zotero CSV export needs its 'Title' column; export the collection "
                             "again.")

    for row in table_rows(source, check):
        yield row if isinstance(row, Rejected) else _paper(row.cells, source.name, row.where, max_chars)


def _paper(row: dict[str, str], name: str, where: str, max_chars: int) -> Found | Rejected:
    url = row.get("url", "")
    return library_paper(
        title=row.get("title", ""), abstract=row.get("abstract note", ""), source=name, where=where,
        authors=[first_last(a) for a in row.get("author", "").split(";") if a.strip()],
        year=row.get("publication year") or row.get("date"), venue=row.get("publication title", ""),
        doi=row.get("doi", ""), arxiv_id=arxiv_id_of(row.get("extra", ""), url), url=url, max_chars=max_chars,
    )
