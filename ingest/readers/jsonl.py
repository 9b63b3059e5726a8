"""JSON Lines: paper exports (`title`, `abstract`), BEIR `corpus.jsonl` (`_id`, `title`, `text`) and the
arXiv metadata snapshot (`id`, `title`, `abstract`, `authors`, `update_date`). One reader, three key maps."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.records import Records, Rejected, make_paper


def flavour_of(first: dict) -> str:
    if "_id" in first and "text" in first:
        return "beir"
    if "abstract" in first and ("update_date" in first or "versions" in first or "submitter" in first):
        return "arxiv"
    return "papers"


def read(path: Path, max_chars: int = 200_000) -> Records:
    flavour: str | None = None
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            where = f"line {number}"
            try:
                line = raw_line.decode("utf-8").strip()
            except UnicodeDecodeError as exc:
                yield Rejected(path.name, where, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
                continue
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Rejected(path.name, where, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(obj, dict):
                yield Rejected(path.name, where, "not a JSON object")
                continue
            flavour = flavour or flavour_of(obj)
            if flavour == "beir":
                yield make_paper(obj, source=path.name, where=where, id_key="_id", text_key="text", max_chars=max_chars)
            else:
                if flavour == "arxiv" and isinstance(obj.get("authors_parsed"), list):
                    names = [" ".join(reversed([part for part in a[:2] if part])) for a in obj["authors_parsed"]]
                    obj = {**obj, "authors": names}
                if flavour == "arxiv" and obj.get("id") and not obj.get("url"):
                    obj = {**obj, "url": f"https://arxiv.org/abs/{obj['id']}"}
                yield make_paper(obj, source=path.name, where=where, max_chars=max_chars)
