"""The slow part of opening an index, the paper table and BM25, saved under the store's version.

Opening a 100,000-chunk store used to read every chunk's metadata and rebuild BM25 (30-60 s). The store stamps a
new version after every write (ChromaStore.version), so a snapshot saved under a version is exactly the papers
of that version: a process that finds one loads it (BM25 memory-mapped) instead of rebuilding, and one that finds
none, or only an older one, rebuilds and saves it for the next. An ingest refreshes its own engine afterwards,
so the writer is the one that pays for the rebuild, and readers that share its data folder only load.

A snapshot sits in the data folder, not in the store: with a Chroma server each machine keeps its own, rebuilt
at most once per version. It is a cache: a damaged, foreign or unwritable one is ignored, never trusted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from rag.types import Paper

if TYPE_CHECKING:
    from rag.index.lexical import LexicalIndex
    from rag.index.replica import Replica

FORMAT = 1  # raise when the files below change shape
PAPERS = "papers.json"  # {"fields": [...], "rows": [[...], ...]}: one parse, not one per paper
REPLICA = "replica"  # a small store's vectors (rag/index/replica.py), added to the snapshot of its version
_TUPLES = {f.name for f in dataclasses.fields(Paper) if str(f.type).startswith("tuple")}


def snapshot_key(version: str, title_repeat: int) -> str:
    """Names one snapshot: the store's version, and what else shapes it (BM25's title weight, Paper's fields)."""
    fields = ",".join(f.name for f in dataclasses.fields(Paper))
    return hashlib.sha256(f"{FORMAT}|{version}|{title_repeat}|{fields}".encode()).hexdigest()[:24]


def load(root: Path, key: str) -> tuple[dict[str, Paper], LexicalIndex] | None:
    """The snapshot saved under `key`, or None when there is none or it cannot be read (then the caller
    rebuilds, as without one)."""
    from rag.index.lexical import LexicalIndex

    folder = root / key
    if not (folder / PAPERS).is_file():
        return None
    try:
        table = json.loads((folder / PAPERS).read_text(encoding="utf-8"))
        names = table["fields"]
        tuples = [i for i, name in enumerate(names) if name in _TUPLES]
        papers = {}
        for row in table["rows"]:
            for i in tuples:
                row[i] = tuple(row[i])
            paper = Paper(**dict(zip(names, row, strict=True)))
            papers[paper.paper_id] = paper
        lexical = LexicalIndex.load(folder)
    except (OSError, ValueError, TypeError, KeyError):  # damaged, half-deleted, or written by other code
        return None
    if list(papers) != lexical.paper_ids:
        return None
    return papers, lexical


def load_replica(root: Path, key: str) -> Replica | None:
    """The vectors saved with the snapshot under `key` (rag/index/replica.py), or None."""
    from rag.index.replica import Replica

    return Replica.load(root / key / REPLICA)


def has_replica(root: Path, key: str) -> bool:
    return (root / key / REPLICA).is_dir()


def add_replica(root: Path, key: str, replica: Replica) -> None:
    """Adds the vectors to the saved snapshot under `key`, renamed into place whole (as `save` does); nothing
    when that snapshot is gone or its folder cannot be written."""
    folder = root / key
    with contextlib.suppress(OSError):
        if not (folder / PAPERS).is_file() or (folder / REPLICA).exists():
            return
        scratch = Path(tempfile.mkdtemp(prefix=".saving-", dir=folder))
        try:
            replica.save(scratch)
            os.rename(scratch, folder / REPLICA)  # fails when another process added it first: fine
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def save(root: Path, key: str, papers: dict[str, Paper], lexical: LexicalIndex) -> None:
    """Writes the snapshot into a scratch folder and renames it into place, so a reader never sees half of one;
    older snapshots are removed. A folder that cannot be written (a read-only mount) just means no snapshot."""
    with contextlib.suppress(OSError):
        root.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=".saving-", dir=root))
        try:
            names = [f.name for f in dataclasses.fields(Paper)]
            rows = [[getattr(paper, name) for name in names] for paper in papers.values()]
            (scratch / PAPERS).write_text(json.dumps({"fields": names, "rows": rows}, ensure_ascii=False),
                                          encoding="utf-8")
            lexical.save(scratch)
            os.rename(scratch, root / key)  # fails when another process saved the same snapshot first: fine
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        for other in root.iterdir():
            if other.name != key and not other.name.startswith(".saving-"):
                shutil.rmtree(other, ignore_errors=True)
