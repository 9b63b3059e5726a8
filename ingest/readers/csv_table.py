"""CSV (or TSV) exports with a header row holding at least `title` and `abstract`."""

from __future__ import annotations

import csv
from pathlib import Path

from ingest.records import InputError, Records, make_paper

REQUIRED = ("title", "abstract")


def read(path: Path, max_chars: int = 200_000) -> Records:
    csv.field_size_limit(max(max_chars * 4, 1_000_000))
    with path.open(newline="", encoding="utf-8") as handle:
        sample = handle.read(8192)
        handle.seek(0)
        delimiter = "\t" if path.suffix.lower() == ".tsv" or sample.count("\t") > sample.count(",") else ","
        rows = csv.DictReader(handle, delimiter=delimiter)
        header = [h.strip().lower() for h in (rows.fieldnames or [])]
        missing = [col for col in REQUIRED if col not in header]
        if missing:
            raise InputError(
                f"{path.name}: the header has no {' or '.join(repr(m) for m in missing)} column "
                f"(found: {', '.join(header) or 'nothing'}). A CSV needs 'title' and 'abstract' columns."
            )
        for number, row in enumerate(rows, start=2):
            clean = {(k or "").strip().lower(): v for k, v in row.items()}
            yield make_paper(clean, source=path.name, where=f"line {number}", max_chars=max_chars)
