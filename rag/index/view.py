"""What one question reads about the index, as one immutable object.

A question is answered from exactly one view, passed to every phase: an ingest that finishes mid-question
swaps the engine's view for the next question, never the papers under a running one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag.text.corpus import joined
from rag.types import Paper

if TYPE_CHECKING:
    from rag.answer.mentions import Lexicon
    from rag.index.lexical import LexicalIndex
    from rag.index.replica import Replica
    from rag.index.retrieval import Retriever
    from rag.index.store import ChromaStore
    from rag.text.vocabulary import Vocabulary


@dataclass(frozen=True)
class IndexView:
    papers: dict[str, Paper]
    lexical: LexicalIndex
    retriever: Retriever
    corpus_text: str  # the whole index as one text, to tell at once whether any abstract mentions a name

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The words the index uses, in any form (built on first use, once per view)."""
        from rag.text.vocabulary import Vocabulary

        return Vocabulary(self.corpus_text)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The names this index knows (built on the first question, once per view)."""
        from rag.answer.mentions import Lexicon

        return Lexicon(self.papers, self.corpus_text, self.lexical.papers_using, lambda: self.vocabulary)


def read_view(store: ChromaStore, embed_query: Callable[[str], np.ndarray], title_repeat: int,
              snapshots: Path | None = None, version: str = "") -> IndexView:
    """The stored papers and BM25 over them (no model is loaded here). With `snapshots` (a folder) and the
    store's `version` read just before, they are loaded from the snapshot of that version when there is one, and
    otherwise built and saved there (rag/index/snapshot.py)."""
    from rag.index import snapshot
    from rag.index.lexical import LexicalIndex
    from rag.index.replica import MAX_PAPERS

    # A write cut short (a dead writer's mark found at open) may have changed chunks without stamping a version:
    # then the store itself is read, never the snapshot of the version it still shows.
    usable = snapshots and version and version != "absent" and not store.recovered
    key = snapshot.snapshot_key(version, title_repeat) if usable else ""
    loaded = snapshot.load(snapshots, key) if snapshots and key else None
    if loaded is not None:
        papers, lexical = loaded
    else:
        stored = store.stored_papers()
        papers = {pid: sp.paper for pid, sp in stored.items() if sp.complete}
        lexical = LexicalIndex(list(papers.values()), title_repeat)
        # Saved only when no write landed while reading: then these papers are exactly that version's.
        if snapshots and key and store.version() == version:
            snapshot.save(snapshots, key, papers, lexical)
    if snapshots and key and store.stamps_files and len(papers) <= MAX_PAPERS and \
            not snapshot.has_replica(snapshots, key):
        # A small store's vectors too, for readers that skip Chroma (rag/index/replica.py); they find the snapshot
        # by the stamp file, so only a store that writes one gets them, and only when still at this version.
        replica = store.replica()
        if store.version() == version:
            snapshot.add_replica(snapshots, key, replica)
    return _view(papers, lexical, store, embed_query)


def _view(papers: dict[str, Paper], lexical: LexicalIndex, vectors: ChromaStore | Replica,
          embed_query: Callable[[str], np.ndarray]) -> IndexView:
    from rag.index.retrieval import Retriever

    corpus_text = joined(papers.values())
    return IndexView(papers, lexical, Retriever(vectors, embed_query, lexical, papers), corpus_text)


def quick_view(data_dir: Path, collection: str, embed_query: Callable[[str], np.ndarray], title_repeat: int,
               snapshots: Path) -> tuple[IndexView, str] | None:
    """The view of an embedded store read without loading Chroma, with the version it is of: when the stamp file
    names a version whose snapshot holds the vectors too, and no write is under way or was cut short. None
    otherwise (then the store is opened, as read_view does)."""
    from rag.index import snapshot
    from rag.index.recovery import untouched
    from rag.index.store import stamped_version

    version = stamped_version(data_dir, collection)
    if not version or not untouched(Path(data_dir) / "chroma", collection):
        return None
    key = snapshot.snapshot_key(version, title_repeat)
    loaded = snapshot.load(snapshots, key)
    replica = snapshot.load_replica(snapshots, key) if loaded is not None else None
    if loaded is None or replica is None:
        return None
    papers, lexical = loaded
    return _view(papers, lexical, replica, embed_query), version
