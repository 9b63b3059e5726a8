"""Picks the reader from the file itself (extension, then a look at the first bytes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.readers import csv_table, hf_page, jsonl
from ingest.records import InputError, Records

SUPPORTED = (
    "JSON Lines with title + abstract (.jsonl), BEIR corpus.jsonl (_id, title, text), "
    "arXiv metadata snapshot (.json/.jsonl), CSV/TSV with title and abstract columns (.csv/.tsv), "
    "the paper-listing page as text (.txt)"
)

Reader = Callable[..., Records]


def reader_for(path: Path) -> Reader:
    if not path.exists():
        raise InputError(f"No such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder: give the file inside it (for BEIR, {path / 'corpus.jsonl'}).")
    with path.open("rb") as handle:
        head_bytes = handle.read(4096)
    if not head_bytes.strip():
        raise InputError(f"{path.name} is empty: there are no papers in it.")
    if b"\x00" in head_bytes:
        raise InputError(f"{path.name} looks binary, not text. Supported formats: {SUPPORTED}.")
    head = head_bytes.decode("utf-8", errors="replace")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json") or head.lstrip().startswith("{"):
        return jsonl.read
    if suffix in (".csv", ".tsv"):
        return csv_table.read
    if suffix in (".txt", "") and hf_page.looks_like(path, head):
        return hf_page.read
    raise InputError(f"Cannot tell the format of {path.name}. Supported formats: {SUPPORTED}.")
