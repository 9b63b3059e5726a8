"""Picks the reader from the input itself (extension, then a look at the first bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ingest.readers import bibtex, csv_table, hf_page, jsonl, ris, zotero_csv
from ingest.records import BOM, InputError, LocatedRecords, Records
from ingest.source import Source, open_source

SUPPORTED = (
    "JSON Lines with title + abstract (.jsonl), BEIR corpus.jsonl (_id, title, text), "
    "arXiv metadata snapshot (.json/.jsonl), a JSON array of such objects (.json), "
    "CSV/TSV with title and abstract columns (.csv/.tsv), "
    "BibTeX with abstract fields (.bib), RIS (.ris), Zotero CSV export, "
    "OpenAlex works and Semantic Scholar papers (.json/.jsonl), "
    "the paper-listing page as text (.txt)"
)

Reader = Callable[..., Records]


# Leading bytes of files people mistake for text exports.
_MAGIC = {
    b"\xff\xfe": "UTF-16 text: save it as UTF-8 and ingest it again",
    b"\xfe\xff": "UTF-16 text: save it as UTF-8 and ingest it again",
    b"\x1f\x8b": "a gzip archive: decompress it (gunzip) and ingest the result",
    b"PK\x03\x04": "a zip archive (or an Excel/Word file): extract or export it as CSV/JSONL first",
    b"BZh": "a bzip2 archive: decompress it (bunzip2) first",
    b"\xfd7zXZ\x00": "an xz archive: decompress it (unxz) first",
    b"%PDF-": "a PDF: paperchat reads abstracts from JSONL/CSV exports, not PDFs",
    b"PAR1": "a Parquet file: export it as JSONL or CSV first",
    b"SQLite format 3\x00": "an SQLite database: export the papers as JSONL or CSV first",
}


def binary_kind(head: bytes) -> str:
    """Why head is not text, or "" when it is: control bytes or a known archive, never a text encoding guess."""
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return what
    if b"\x00" in head:
        return f"binary data (it holds NUL bytes). Supported formats: {SUPPORTED}"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) // 20:
        return f"binary data (it is full of control bytes). Supported formats: {SUPPORTED}"
    return ""


def reader_for(path: Path) -> Reader:
    """The reader for a file, yielding Paper or Rejected; raises InputError now when no reader fits.

    It opens the file again to read it: for a pipe or standard input, use read_records.
    """
    with open_source(path) as source:
        return _module_for(source).read


def read_records(path: Path, max_chars: int = 200_000) -> LocatedRecords:
    """Every record of path as Found or Rejected, from one pass over its bytes, so a pipe or standard input
    (`-`, `/dev/stdin`) is read whole; raises InputError when the input as a whole cannot be read."""
    with open_source(path) as source:
        yield from _module_for(source).read_located(source, max_chars)


def _module_for(source: Source) -> ModuleType:
    if not source.head.strip():
        raise InputError(f"{source.name} is empty: there are no papers in it.")
    if kind := binary_kind(source.head):
        raise InputError(f"{source.name} cannot be read as text: it is {kind}.")
    head = source.head.decode("utf-8", errors="replace").lstrip(BOM)
    if source.suffix in (".bib", ".bibtex") or (source.suffix in ("", ".txt") and bibtex.looks_like(head)):
        return bibtex
    if source.suffix in (".ris",) or ris.looks_like(head):
        return ris
    if source.suffix in (".jsonl", ".ndjson", ".json") or head.lstrip().startswith(("{", "[")):
        return jsonl
    if zotero_csv.looks_like(head):
        return zotero_csv
    if source.suffix in (".csv", ".tsv") or csv_table.looks_like(head):
        return csv_table
    if source.suffix in (".txt", "") and hf_page.looks_like(head):
        return hf_page
    raise InputError(f"Cannot tell the format of {source.name}. Supported formats: {SUPPORTED}.")
