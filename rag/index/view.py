"""What one question reads about the index, as one immutable object.

A question is answered from exactly one view, passed to every phase: an ingest that finishes mid-question
swaps the engine's view for the next question, never the papers under a running one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from rag.types import Paper

if TYPE_CHECKING:
    from rag.answer.mentions import Lexicon
    from rag.index.lexical import LexicalIndex
    from rag.index.retrieval import Retriever
    from rag.index.store import ChromaStore


@dataclass(frozen=True)
class IndexView:
    papers: dict[str, Paper]
    lexical: LexicalIndex
    retriever: Retriever
    corpus_text: str  # the whole index as one text, to tell at once whether any abstract mentions a name

    @cached_property
    def lexicon(self) -> Lexicon:
        """The names this index knows (built on the first question, once per view)."""
        from rag.answer.mentions import Lexicon

        return Lexicon(self.papers, self.corpus_text)


def read_view(store: ChromaStore, embed_query: Callable[[str], np.ndarray], title_repeat: int) -> IndexView:
    """Reads the stored papers and builds BM25 over them (no model is loaded here)."""
    from rag.index.lexical import LexicalIndex
    from rag.index.retrieval import Retriever

    stored = store.stored_papers()
    papers = {pid: sp.paper for pid, sp in stored.items() if sp.complete}
    lexical = LexicalIndex(list(papers.values()), title_repeat)
    corpus_text = "\n".join(f"{p.title}\n{p.abstract}" for p in papers.values())
    return IndexView(papers, lexical, Retriever(store, embed_query, lexical, papers), corpus_text)
