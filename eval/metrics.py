"""Ranking metrics at paper level, written to agree with trec_eval (and so with BEIR, which calls pytrec_eval).

Conventions, each one a choice trec_eval makes and our tests check against pytrec_eval:
- a ranking is de-duplicated first (a paper counts once, at its best rank): several chunks of one paper
  must not earn credit twice, nor push other papers down;
- nDCG gain is the qrel grade itself (linear, not 2**grade - 1), discounted by log2(rank + 1); the ideal
  ranking is built from all judged papers with grade > 0;
- a paper is relevant for Recall and MRR when its grade is > 0;
- queries whose qrels hold no relevant paper are left out of the means (they cannot be scored); queries
  that retrieved nothing score 0 and stay in (trec_eval would silently drop them and flatter the mean).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

Qrels = Mapping[str, Mapping[str, int]]  # query id -> paper id -> grade
Run = Mapping[str, Sequence[str]]  # query id -> paper ids, best first


def dedupe(ranking: Iterable[str]) -> list[str]:
    """Keeps each paper at its first (best) position."""
    return list(dict.fromkeys(ranking))


def ndcg_at_k(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    ranked = dedupe(ranking)[:k]
    dcg = sum(judged.get(pid, 0) / math.log2(i + 2) for i, pid in enumerate(ranked) if judged.get(pid, 0) > 0)
    ideal_gains = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal_gains))
    return dcg / idcg if idcg > 0 else 0.0


def recall_at_k(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    relevant = {pid for pid, g in judged.items() if g > 0}
    if not relevant:
        return 0.0
    return len(relevant.intersection(dedupe(ranking)[:k])) / len(relevant)


def mrr_at_k(ranking: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    for i, pid in enumerate(dedupe(ranking)[:k]):
        if judged.get(pid, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


METRICS = {
    "ndcg@10": lambda r, j: ndcg_at_k(r, j, 10),
    "recall@100": lambda r, j: recall_at_k(r, j, 100),
    "mrr@10": lambda r, j: mrr_at_k(r, j, 10),
}


def scorable(qrels: Qrels) -> list[str]:
    """Query ids that have at least one relevant paper, in qrels order."""
    return [qid for qid, judged in qrels.items() if any(g > 0 for g in judged.values())]


def per_query(run: Run, qrels: Qrels) -> dict[str, dict[str, float]]:
    return {qid: {name: fn(run.get(qid, ()), qrels[qid]) for name, fn in METRICS.items()} for qid in scorable(qrels)}


def mean_scores(run: Run, qrels: Qrels) -> dict[str, float]:
    """Mean of each metric over the scorable queries; all zeros when there are none."""
    scores = per_query(run, qrels)
    n = len(scores)
    return {name: (sum(s[name] for s in scores.values()) / n if n else 0.0) for name in METRICS}
