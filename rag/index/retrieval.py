"""Paper-level retrieval: dense chunks max-pooled per paper, BM25 over whole papers, fused.

Ranking papers (not chunks) is the per-paper diversity: one paper's many chunks take one slot, so a long
abstract cannot crowd the others out, and `top_papers` counts distinct papers.

Fusion is a convex combination of min-max normalised scores by default. On SciFact train it beat the best of 162
weighted reciprocal-rank-fusion settings by 0.6 nDCG@10 points (bench/README.md): rank fusion throws away how far
ahead the first hits are, and on claims like SciFact's that margin is informative.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from rag.settings import RetrievalSettings
from rag.types import Evidence, Paper

if TYPE_CHECKING:
    from rag.index.dense import DenseHit
    from rag.index.lexical import LexicalIndex
    from rag.index.replica import Replica
    from rag.index.store import ChromaStore

CHUNKS_PER_PAPER = 3  # dense candidates are fetched as chunks; about this many per paper
MAX_DENSE_FETCHES = 3  # each fetch doubles the chunks asked for, until enough distinct papers came back


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
        self, store: ChromaStore | Replica, embed_query: Callable[[str], np.ndarray], lexical: LexicalIndex,
        papers: dict[str, Paper],
    ) -> None:
        self.store = store
        self.embed_query = embed_query
        self.lexical = lexical
        self.papers = papers

    def search(self, query: str, settings: RetrievalSettings, k: int | None = None,
               vector: np.ndarray | None = None) -> list[Evidence]:
        """The best `k` papers for `query`; `vector` is the query's embedding when the caller has it already."""
        k = k or settings.top_papers
        depth = max(settings.candidates, k)
        scores: dict[str, _Scores] = {}
        if settings.retriever in ("dense", "hybrid"):
            if vector is None:
                vector = self.embed_query(query)
            for rank, hit in enumerate(self._dense_papers(vector, depth)):
                scores[hit.paper_id] = _Scores(dense=hit.similarity, dense_rank=rank, chunk_id=hit.chunk_id,
                                               chunk_text=hit.text)
        if settings.retriever in ("bm25", "hybrid"):
            for rank, (paper_id, score) in enumerate(self.lexical.search(query, depth)):
                entry = scores.setdefault(paper_id, _Scores())
                entry.lexical, entry.lexical_rank = score, rank
        scores = {pid: s for pid, s in scores.items() if pid in self.papers}
        fused = fuse(scores, settings)
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

    def _dense_papers(self, vector: np.ndarray, depth: int) -> list[DenseHit]:
        """Each paper's best chunk, best first, for at least `depth` papers when the store has them.

        Chunks are fetched, not papers, so a paper with many close chunks could fill the list; asking again
        for more chunks keeps Recall@depth counted over `depth` distinct papers."""
        n_chunks, total = depth * CHUNKS_PER_PAPER, self.store.count()
        best: dict[str, DenseHit] = {}
        for _ in range(MAX_DENSE_FETCHES):
            best = {}
            for hit in self.store.dense_search(vector, n_chunks, total):  # sorted: a paper's first hit is its best
                best.setdefault(hit.paper_id, hit)
            if len(best) >= depth or n_chunks >= total:
                break
            n_chunks *= 2
        return list(best.values())[:depth]


def fuse(scores: Mapping[str, _Scores], settings: RetrievalSettings) -> dict[str, float]:
    """One score per paper. A retriever's own scores when it runs alone; for hybrid either a weighted sum of
    each list's min-max normalised scores (a paper missing from a list gets that list's floor, 0) or
    weighted reciprocal-rank fusion."""
    if settings.retriever == "dense":
        return {pid: s.dense or 0.0 for pid, s in scores.items()}
    if settings.retriever == "bm25":
        return {pid: s.lexical or 0.0 for pid, s in scores.items()}
    if settings.fusion == "rrf":
        return {pid: _rrf(s, settings) for pid, s in scores.items()}
    dense = _minmax({pid: s.dense for pid, s in scores.items() if s.dense is not None})
    lexical = _minmax({pid: s.lexical for pid, s in scores.items() if s.lexical is not None})
    return {
        pid: settings.dense_weight * dense.get(pid, 0.0) + settings.bm25_weight * lexical.get(pid, 0.0)
        for pid in scores
    }


def _minmax(values: Mapping[str, float]) -> dict[str, float]:
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    if hi - lo < 1e-12:  # one candidate, or all tied: each is the list's best
        return dict.fromkeys(values, 1.0)
    return {pid: (v - lo) / (hi - lo) for pid, v in values.items()}


def _rrf(s: _Scores, settings: RetrievalSettings) -> float:
    total = 0.0
    if s.dense_rank is not None:
        total += settings.dense_weight / (settings.rrf_k + s.dense_rank + 1)
    if s.lexical_rank is not None:
        total += settings.bm25_weight / (settings.rrf_k + s.lexical_rank + 1)
    return total
