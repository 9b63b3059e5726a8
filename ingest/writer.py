"""Ingest owns every write to an index: new papers, and the repair of a vector index a crash damaged.

The faces open an engine through `open_engine`, so a damaged index is rebuilt from its stored texts by
whichever command opens it next, and the engine itself only ever reads.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rag.engine import Engine
from rag.settings import Settings

if TYPE_CHECKING:  # the pipeline (readers, chunking, tiktoken) is imported by the commands that write, not by `ask`
    from ingest.pipeline import IngestReport
    from rag.index.encoder import Embedder

_rebuilt: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()  # reported by the next ingest


def open_engine(settings: Settings, embedder: Embedder | None = None, *, must_exist: bool = False,
                progress: bool = True, quick: bool = False, encoder_early: bool = True) -> Engine:
    """An engine over the configured index, repaired first if a crash damaged its vectors. `quick`: for a command
    that only reads, Chroma is not loaded while the snapshot of its version answers (rag/index/replica.py)."""
    engine = Engine(settings, embedder, must_exist=must_exist, quick=quick, encoder_early=encoder_early)
    repair(engine, progress)
    return engine


def repair(engine: Engine, progress: bool = True) -> int:
    """Rebuilds the vector index when recovery removed it; the chunk texts survived, so nothing is lost."""
    if not engine.vectors_missing:
        return 0
    from ingest.pipeline import rebuild_vectors

    print(f"paperchat: rebuilding the vector index at {engine.location} after an interrupted write",
          file=sys.stderr)
    rebuilt = rebuild_vectors(engine.store, engine.embedder, progress)
    _rebuilt[engine] = _rebuilt.get(engine, 0) + rebuilt
    engine.refresh()
    return rebuilt


def ingest_into(engine: Engine, paths: Iterable[Path], progress: bool = True) -> IngestReport:
    """Adds the papers in `paths` to the engine's index; the engine sees them from its next question."""
    from ingest.pipeline import ingest

    report = ingest(paths, engine.store, engine.embedder, engine.settings.ingest, progress=progress)
    report.rebuilt += _rebuilt.pop(engine, 0)
    engine.refresh()
    return report


def ensure_builtin_corpus(engine: Engine, progress: bool = True) -> IngestReport | None:
    """Ingests the shipped abstracts when the index is empty; None when it was not needed."""
    from ingest.pipeline import BUILTIN_CORPUS

    if engine.papers:
        return None
    return ingest_into(engine, [BUILTIN_CORPUS], progress=progress)
