"""JSON Lines: paper exports (`title`, `abstract`), BEIR `corpus.jsonl` (`_id`, `title`, `text`) and the
arXiv metadata snapshot (`id`, `title`, `abstract`, `authors`, `update_date`). One reader, three key maps.

A `.json` file holding one array of such objects is read too: exports often come that way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.records import BOM, InputError, LocatedRecords, Records, Rejected, make_paper, not_utf8, unlocated


def flavour_of(first: dict) -> str:
    if "_id" in first and "text" in first:
        return "beir"
    if "abstract" in first and ("update_date" in first or "versions" in first or "submitter" in first):
        return "arxiv"
    return "papers"


def read(path: Path, max_chars: int = 200_000) -> Records:
    return unlocated(read_located(path, max_chars))


def read_located(path: Path, max_chars: int = 200_000) -> LocatedRecords:
    with path.open("rb") as handle:
        start = handle.read(64).lstrip()
    if start.startswith(b"[") or start.startswith(BOM.encode() + b"["):
        yield from _records(path, _array_items(path), max_chars)
    else:
        yield from _records(path, _lines(path), max_chars)


def _lines(path: Path) -> Iterator[tuple[str, object]]:
    """(where, decoded object or Rejected) per non-blank line; bad lines cost only themselves."""
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"line {number}"
            try:
                line = raw_line.decode("utf-8").strip()
            except UnicodeDecodeError as exc:
                yield where, not_utf8(path.name, where, f"0x{raw_line[exc.start]:02X}")
                continue
            if number == 1:
                line = line.lstrip(BOM)
            if not line:
                continue
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as exc:
                yield where, Rejected(path.name, where, f"not valid JSON ({exc.msg})")


def _array_items(path: Path) -> Iterator[tuple[str, object]]:
    try:
        items = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path.name} is not valid UTF-8 (byte {exc.start:,}); save it as UTF-8.") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path.name} is a JSON array that does not parse (line {exc.lineno}: {exc.msg}); "
            "fix it, or export one JSON object per line (JSON Lines)."
        ) from exc
    if not isinstance(items, list):
        raise InputError(f"{path.name} holds one JSON value, not an array of papers.")
    for number, item in enumerate(items, start=1):
        yield f"record {number}", item


def _records(path: Path, items: Iterable[tuple[str, object]], max_chars: int) -> LocatedRecords:
    flavour: str | None = None
    for where, obj in items:
        if isinstance(obj, Rejected):
            yield obj
            continue
        if not isinstance(obj, dict):
            yield Rejected(path.name, where, "not a JSON object")
            continue
        flavour = flavour or flavour_of(obj)
        if flavour == "beir":
            if not str(obj.get("title") or "").strip() and str(obj.get("_id") or "").strip():
                # BEIR corpora have documents without titles (TREC-COVID, NFCorpus...): they must stay findable,
                # so they are named by their id rather than rejected.
                obj = {**obj, "title": f"Untitled document {obj['_id']}"}
            yield make_paper(obj, source=path.name, where=where, id_key="_id", text_key="text", max_chars=max_chars)
            continue
        if flavour == "arxiv" and isinstance(obj.get("authors_parsed"), list):
            names = [" ".join(reversed([str(part) for part in a[:2] if part])) for a in obj["authors_parsed"]]
            obj = {**obj, "authors": names}
        if flavour == "arxiv" and obj.get("id") and not obj.get("url"):
            obj = {**obj, "url": f"https://arxiv.org/abs/{obj['id']}"}
        yield make_paper(obj, source=path.name, where=where, max_chars=max_chars)
