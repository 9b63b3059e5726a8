"""CSV (or TSV) exports with a header row holding at least `title` and `abstract`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ingest.records import (
    BOM,
    InputError,
    LocatedRecords,
    Records,
    Rejected,
    bad_bytes,
    make_paper,
    not_utf8,
    unlocated,
)
from ingest.source import Source, open_source

REQUIRED = ("title", "abstract")
# Over-long fields are rejected by make_paper with a message about the limit; csv's own limit would only
# say "field larger than field limit". The file's size bounds the memory either way.
FIELD_LIMIT = 2**31 - 1


def looks_like(head: str) -> bool:
    """A header line naming both columns, for input with no extension to go by (a pipe, standard input)."""
    first = head.lstrip(BOM).partition("\n")[0].lower()
    cells = {cell.strip().strip('"') for cell in first.replace("\t", ",").split(",")}
    return set(REQUIRED) <= cells


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    csv.field_size_limit(FIELD_LIMIT)
    name = source.name
    sample = source.head.decode("utf-8", errors="replace")
    delimiter = "\t" if source.suffix == ".tsv" or sample.count("\t") > sample.count(",") else ","
    # surrogateescape: an undecodable byte rejects only the row it is in (see bad_bytes).
    with io.TextIOWrapper(source.stream, encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [h.strip().lstrip(BOM).strip().lower() for h in next(reader, [])]
        except csv.Error as exc:
            raise InputError(f"{name}: the header row is not valid CSV ({exc}).") from exc
        missing = [col for col in REQUIRED if col not in header]
        if missing:
            raise InputError(
                f"{name}: the header has no {' or '.join(repr(m) for m in missing)} column "
                f"(found: {', '.join(header) or 'nothing'}). A CSV needs 'title' and 'abstract' columns."
            )
        while True:
            first_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejected(name, f"line {first_line}", f"not valid CSV ({exc})")
                continue
            last_line = reader.line_num
            where = f"line {first_line}" if last_line == first_line else f"lines {first_line}-{last_line}"
            if not any(cell.strip() for cell in row):
                continue
            if byte := bad_bytes("".join(row)):
                yield not_utf8(name, where, byte)
                continue
            yield make_paper(dict(zip(header, row, strict=False)), source=name, where=where, max_chars=max_chars)
