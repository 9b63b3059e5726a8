"""Picks the reader from the file itself (extension, then a look at the first bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ingest.readers import csv_table, hf_page, jsonl
from ingest.records import BOM, InputError, LocatedRecords, Records

SUPPORTED = (
    "JSON Lines with title + abstract (.jsonl), BEIR corpus.jsonl (_id, title, text), "
    "arXiv metadata snapshot (.json/.jsonl), a JSON array of such objects (.json), "
    "CSV/TSV with title and abstract columns (.csv/.tsv), "
    "the paper-listing page as text (.txt)"
)

Reader = Callable[..., Records]
LocatedReader = Callable[..., LocatedRecords]


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
    """The reader for path, yielding Paper or Rejected; raises InputError when no reader fits."""
    return _module_for(path).read


def located_reader_for(path: Path) -> LocatedReader:
    """Like reader_for, but the papers come as Found, with their line."""
    return _module_for(path).read_located


def _module_for(path: Path) -> ModuleType:
    if not path.exists():
        raise InputError(f"No such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give the file inside it (for BEIR, {path / 'corpus.jsonl'}).")
    try:
        with path.open("rb") as handle:
            head_bytes = handle.read(4096)
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    if not head_bytes.strip():
        raise InputError(f"{path.name} is empty: there are no papers in it.")
    if kind := binary_kind(head_bytes):
        raise InputError(f"{path.name} cannot be read as text: it is {kind}.")
    head = head_bytes.decode("utf-8", errors="replace").lstrip(BOM)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json") or head.lstrip().startswith(("{", "[")):
        return jsonl
    if suffix in (".csv", ".tsv"):
        return csv_table
    if suffix in (".txt", "") and hf_page.looks_like(path, head):
        return hf_page
    raise InputError(f"Cannot tell the format of {path.name}. Supported formats: {SUPPORTED}.")
