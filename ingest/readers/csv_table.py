"""CSV (or TSV) exports with a header row holding at least `title` and `abstract`."""

from __future__ import annotations

import csv
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

REQUIRED = ("title", "abstract")
# Over-long fields are rejected by make_paper with a message about the limit; csv's own limit would only
# say "field larger than field limit". The file's size bounds the memory either way.
FIELD_LIMIT = 2**31 - 1


def read(path: Path, max_chars: int = 200_000) -> Records:
    return unlocated(read_located(path, max_chars))


def read_located(path: Path, max_chars: int = 200_000) -> LocatedRecords:
    csv.field_size_limit(FIELD_LIMIT)
    # surrogateescape: an undecodable byte rejects only the row it is in (see bad_bytes).
    with path.open(newline="", encoding="utf-8", errors="surrogateescape") as handle:
        sample = handle.read(8192)
        handle.seek(0)
        delimiter = "\t" if path.suffix.lower() == ".tsv" or sample.count("\t") > sample.count(",") else ","
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [h.strip().lstrip(BOM).strip().lower() for h in next(reader, [])]
        except csv.Error as exc:
            raise InputError(f"{path.name}: the header row is not valid CSV ({exc}).") from exc
        missing = [col for col in REQUIRED if col not in header]
        if missing:
            raise InputError(
                f"{path.name}: the header has no {' or '.join(repr(m) for m in missing)} column "
                f"(found: {', '.join(header) or 'nothing'}). A CSV needs 'title' and 'abstract' columns."
            )
        while True:
            first_line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejected(path.name, f"line {first_line}", f"not valid CSV ({exc})")
                continue
            last_line = reader.line_num
            where = f"line {first_line}" if last_line == first_line else f"lines {first_line}-{last_line}"
            if not any(cell.strip() for cell in row):
                continue
            if byte := bad_bytes("".join(row)):
                yield not_utf8(path.name, where, byte)
                continue
            yield make_paper(dict(zip(header, row, strict=False)), source=path.name, where=where, max_chars=max_chars)
