"""What the gather phase hands to composing: the retrieved papers and the question's sentence scores, each
computed once per question, plus the engine's parts a question may use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from rag.answer.scoring import ScoredSentence, score_sentences
from rag.index.view import IndexView
from rag.settings import RetrievalSettings, Settings
from rag.types import Evidence

if TYPE_CHECKING:
    from rag.generation.base import Generator


@dataclass
class Tools:
    """The engine's parts a question uses besides the view; the encoder is only loaded when a phase calls it."""

    settings: Settings
    embed_query: Callable[[str], np.ndarray]
    embed_sentences: Callable[[Sequence[str]], np.ndarray]
    generator: Generator | None = None


@dataclass
class Gathered:
    """What the gather phase found: the retrieved papers, and the question's sentence scores, computed once."""

    searched: str
    retrieved: list[Evidence]
    vector: np.ndarray | None
    view: IndexView
    tools: Tools
    retrieval: RetrievalSettings | None = None  # the question's retrieval settings (None: the engine's)
    _scored: list[ScoredSentence] | None = field(default=None, repr=False)
    _scored_in: dict[tuple[str, ...], list[ScoredSentence]] = field(default_factory=dict, repr=False)
    _scored_for: dict[tuple[str, int], list[ScoredSentence]] = field(default_factory=dict, repr=False)
    # The question's names no abstract has (strong, weak): several answer paths ask, each scan reads every abstract.
    unknown: tuple[list[str], list[str]] | None = field(default=None, repr=False)

    def scored_in(self, paper_ids: Sequence[str]) -> list[ScoredSentence]:
        """The question's sentence scores inside these papers only (no retrieval-rank penalty): what a question
        about named papers is answered from."""
        wanted = tuple(paper_ids)
        if wanted not in self._scored_in:
            vector = self.vector if self.vector is not None else self.tools.embed_query(self.searched)
            papers = self.view.papers
            evidence = [Evidence(paper_id=pid, title=papers[pid].title, text=papers[pid].abstract, rank=0)
                        for pid in wanted if pid in papers]
            self._scored_in[wanted] = score_sentences(self.searched, vector, evidence, papers,
                                                      self.tools.embed_sentences, self.view.lexical.idf,
                                                      rank_penalty=0.0)
        return self._scored_in[wanted]

    def scored_in_for(self, text: str, paper_ids: Sequence[str]) -> list[ScoredSentence]:
        """Another text's sentence scores inside these papers only: one ask of a question that has two."""
        papers = self.view.papers
        evidence = [Evidence(paper_id=pid, title=papers[pid].title, text=papers[pid].abstract, rank=0)
                    for pid in dict.fromkeys(paper_ids) if pid in papers]
        return score_sentences(text, self.tools.embed_query(text), evidence, papers, self.tools.embed_sentences,
                               self.view.lexical.idf, rank_penalty=0.0)

    def search(self, text: str, k: int) -> tuple[list[Evidence], np.ndarray | None]:
        """The best `k` papers for another text than the question (a list's topic), with that text's vector."""
        retrieval = self.retrieval or self.tools.settings.retrieval
        vector = self.tools.embed_query(text) if retrieval.retriever != "bm25" else None
        return self.view.retriever.search(text, retrieval, k=k, vector=vector), vector

    def scored_for(self, text: str, k: int) -> list[ScoredSentence]:
        """The sentences of the best `k` papers for `text`, scored against it, each paper judged on its own
        sentences (no retrieval-rank penalty); a list asks again for its whole topic after its parts."""
        if (text, k) not in self._scored_for:
            hits, vector = self.search(text, k)
            if vector is None:
                vector = self.tools.embed_query(text)
            self._scored_for[text, k] = score_sentences(text, vector, hits, self.view.papers,
                                                        self.tools.embed_sentences, self.view.lexical.idf,
                                                        rank_penalty=0.0)
        return self._scored_for[text, k]

    def scored(self) -> list[ScoredSentence]:
        if self._scored is None:
            vector = self.vector if self.vector is not None else self.tools.embed_query(self.searched)
            self._scored = score_sentences(self.searched, vector, self.retrieved, self.view.papers,
                                           self.tools.embed_sentences, self.view.lexical.idf)
        return self._scored
