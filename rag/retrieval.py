"""Paper-level retrieval: dense chunks max-pooled per paper, BM25 over whole papers, fused by weighted RRF.

Ranking papers (not chunks) is the per-paper diversity: one paper's many chunks take one slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rag.settings import RetrievalSettings
from rag.types import Evidence, Paper

if TYPE_CHECKING:
    from rag.embedder import Embedder
    from rag.lexical import LexicalIndex
    from rag.store import ChromaStore

CHUNKS_PER_PAPER = 3  # dense candidates are fetched as chunks; about this many per paper


@dataclass
class _Scores:
    dense: float | None = None
    dense_rank: int | None = None
    lexical: float | None = None
    lexical_rank: int | None = None
    chunk_id: str = ""
    chunk_text: str = ""


class Retriever:
    def __init__(
        self, store: ChromaStore, embedder: Embedder, lexical: LexicalIndex, papers: dict[str, Paper]
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.lexical = lexical
        self.papers = papers

    def search(self, query: str, settings: RetrievalSettings, k: int | None = None) -> list[Evidence]:
        k = k or settings.top_papers
        depth = max(settings.candidates, k)
        scores: dict[str, _Scores] = {}
        if settings.retriever in ("dense", "hybrid"):
            hits = self.store.dense_search(self.embedder.embed_query(query), depth * CHUNKS_PER_PAPER)
            rank = 0
            for hit in hits:  # sorted by similarity, so the first hit of a paper is its best chunk
                entry = scores.setdefault(hit.paper_id, _Scores())
                if entry.dense is None:
                    entry.dense, entry.dense_rank = hit.similarity, rank
                    entry.chunk_id, entry.chunk_text = hit.chunk_id, hit.text
                    rank += 1
        if settings.retriever in ("bm25", "hybrid"):
            for rank, (paper_id, score) in enumerate(self.lexical.search(query, depth)):
                entry = scores.setdefault(paper_id, _Scores())
                entry.lexical, entry.lexical_rank = score, rank
        fused = {pid: self._fuse(s, settings) for pid, s in scores.items() if pid in self.papers}
        ranked = sorted(fused, key=lambda pid: -fused[pid])[:k]
        evidence = []
        for rank, pid in enumerate(ranked):
            s, paper = scores[pid], self.papers[pid]
            evidence.append(
                Evidence(
                    paper_id=pid, title=paper.title, text=s.chunk_text or paper.abstract, chunk_id=s.chunk_id,
                    dense=s.dense, lexical=s.lexical, fused=fused[pid], rank=rank,
                )
            )
        return evidence

    @staticmethod
    def _fuse(s: _Scores, settings: RetrievalSettings) -> float:
        if settings.retriever == "dense":
            return s.dense or 0.0
        if settings.retriever == "bm25":
            return s.lexical or 0.0
        total = 0.0
        if s.dense_rank is not None:
            total += settings.dense_weight / (settings.rrf_k + s.dense_rank + 1)
        if s.lexical_rank is not None:
            total += settings.bm25_weight / (settings.rrf_k + s.lexical_rank + 1)
        return total
