"""CSV (or TSV) exports with a header row holding at least `title` and `abstract`."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
    name = source.name
    sample = source.head.decode("utf-8", errors="replace")
    delimiter = "\t" if source.suffix == ".tsv" or sample.count("\t") > sample.count(",") else ","

    def check(header: list[str]) -> None:
        missing = [col for col in REQUIRED if col not in header]
        if missing:
            raise InputError(
                f"{name}: the header has no {' or '.join(repr(m) for m in missing)} column "
                f"(found: {', '.join(header) or 'nothing'}). A CSV needs 'title' and 'abstract' columns."
            )

    for row in table_rows(source, check, delimiter):
        yield row if isinstance(row, Rejected) else make_paper(row.cells, source=name, where=row.where,
                                                               max_chars=max_chars)


@dataclass(frozen=True)
class Row:
    where: str  # "line 7", or "lines 7-9" for a quoted field spanning lines
    cells: dict[str, str]  # by lower-cased column name


def table_rows(source: Source, check_header: Callable[[list[str]], None],
               delimiter: str = ",") -> Iterator[Row | Rejected]:
    """Every data row of a CSV export by column name, for each CSV dialect's reader (this one, Zotero's): a row
    that does not parse, or holds bytes that are not UTF-8, is rejected alone; blank rows are skipped.
    `check_header` raises InputError for a header the format cannot use."""
    csv.field_size_limit(FIELD_LIMIT)
    name = source.name
    # surrogateescape: an undecodable byte rejects only the row it is in (see bad_bytes).
    with io.TextIOWrapper(source.stream, encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [h.strip().lstrip(BOM).strip().lower() for h in next(reader, [])]
        except csv.Error as exc:
            raise InputError(f"{name}: the header row is not valid CSV ({exc}).") from exc
        check_header(header)
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
            yield Row(where, dict(zip(header, row, strict=False)))
