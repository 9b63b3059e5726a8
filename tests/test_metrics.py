"""Paper-level metrics: hand-computed cases, and agreement with trec_eval (pytrec_eval) on random runs."""

import math
import random

import pytest
import pytrec_eval

from eval.metrics import dedupe, mean_scores, mrr_at_k, ndcg_at_k, per_query, recall_at_k


def test_two_relevant_papers_at_ranks_one_and_three():
    judged = {"a": 1, "b": 1}
    ranking = ["a", "x", "b"]
    # DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
    assert ndcg_at_k(ranking, judged, 10) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(ranking, judged, 10) == pytest.approx(0.91972, abs=1e-5)
    assert recall_at_k(ranking, judged, 100) == 1.0
    assert mrr_at_k(ranking, judged, 10) == 1.0


def test_a_paper_seen_twice_counts_once_at_its_best_rank():
    judged = {"a": 1, "b": 1}
    ranking = ["x", "a", "a", "b"]  # two chunks of paper a
    assert dedupe(ranking) == ["x", "a", "b"]
    # b moves up to rank 3 once the second "a" is dropped: (1/log2(3) + 1/log2(4)) / (1 + 1/log2(3))
    assert ndcg_at_k(ranking, judged, 10) == pytest.approx(0.69343, abs=1e-5)
    assert mrr_at_k(ranking, judged, 10) == 0.5
    # the duplicate must not take a slot of the cut: b is still inside the top 3
    assert recall_at_k(ranking, judged, 3) == 1.0


def test_graded_relevance_uses_the_grade_as_linear_gain():
    judged = {"a": 2, "b": 1, "c": 0}
    ranking = ["b", "c", "a"]
    # DCG = 1 + 2/log2(4) = 2; ideal = 2 + 1/log2(3)
    assert ndcg_at_k(ranking, judged, 10) == pytest.approx(2 / (2 + 1 / math.log2(3)))
    assert mrr_at_k(["c", "a"], judged, 10) == 0.5  # grade 0 is not relevant


def test_cut_offs_leave_out_what_lies_below_them():
    judged = {"deep": 1}
    ranking = [f"x{i}" for i in range(10)] + ["deep"]  # rank 11
    assert ndcg_at_k(ranking, judged, 10) == 0.0
    assert mrr_at_k(ranking, judged, 10) == 0.0
    assert recall_at_k(ranking, judged, 100) == 1.0
    assert recall_at_k(ranking, judged, 10) == 0.0


def test_means_skip_unjudgeable_queries_and_count_empty_rankings_as_zero():
    qrels = {"q1": {"a": 1}, "q2": {"b": 1, "c": 1}, "q3": {"d": 0}}
    run = {"q1": ["a"], "q3": ["d"]}  # q2 retrieved nothing
    assert set(per_query(run, qrels)) == {"q1", "q2"}
    assert mean_scores(run, qrels) == {"ndcg@10": 0.5, "recall@100": 0.5, "mrr@10": 0.5}


def _trec(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], measures: set[str]) -> dict[str, dict]:
    # Strictly falling scores, so trec_eval's tie-breaking (by doc id) never reorders our ranking.
    scored = {qid: {pid: float(len(r) - i) for i, pid in enumerate(r)} for qid, r in run.items()}
    return pytrec_eval.RelevanceEvaluator(qrels, measures).evaluate(scored)


def _random_case(seed: int) -> tuple[dict[str, list[str]], dict[str, dict[str, int]]]:
    rng = random.Random(seed)
    docs = [f"d{i}" for i in range(400)]
    qrels, run = {}, {}
    for q in range(40):
        qid = f"q{q}"
        judged = rng.sample(docs, rng.randint(1, 12))
        qrels[qid] = {pid: rng.choice([0, 1, 1, 2, 3]) for pid in judged}
        qrels[qid][judged[0]] = max(1, qrels[qid][judged[0]])  # at least one relevant
        pool = judged + rng.sample(docs, 200)
        rng.shuffle(pool)
        run[qid] = dedupe(pool)[: rng.randint(5, 150)]
    return run, qrels


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_pytrec_eval_on_random_graded_runs(seed):
    run, qrels = _random_case(seed)
    ours = per_query(run, qrels)
    trec = _trec(run, qrels, {"ndcg_cut.10", "recall.100"})
    trec_mrr = _trec({q: r[:10] for q, r in run.items()}, qrels, {"recip_rank"})
    nonzero = 0
    for qid, scores in ours.items():
        assert scores["ndcg@10"] == pytest.approx(trec[qid]["ndcg_cut_10"], abs=1e-9)
        assert scores["recall@100"] == pytest.approx(trec[qid]["recall_100"], abs=1e-9)
        assert scores["mrr@10"] == pytest.approx(trec_mrr[qid]["recip_rank"], abs=1e-9)
        nonzero += scores["ndcg@10"] > 0
    assert nonzero >= 5  # the comparison exercised real hits, not only zeros


def test_agrees_with_pytrec_eval_on_the_hand_made_cases():
    qrels = {"q1": {"a": 1, "b": 1}, "q2": {"a": 2, "b": 1, "c": 0}, "q3": {"deep": 1}}
    run = {"q1": ["a", "x", "b"], "q2": ["b", "c", "a"], "q3": [f"x{i}" for i in range(10)] + ["deep"]}
    ours = per_query(run, qrels)
    trec = _trec(run, qrels, {"ndcg_cut.10", "recall.100", "recip_rank"})
    for qid in qrels:
        assert ours[qid]["ndcg@10"] == pytest.approx(trec[qid]["ndcg_cut_10"])
        assert ours[qid]["recall@100"] == pytest.approx(trec[qid]["recall_100"])
    # trec_eval's recip_rank has no cut: it differs from MRR@10 exactly when the first hit is below 10
    assert trec["q3"]["recip_rank"] == pytest.approx(1 / 11) and ours["q3"]["mrr@10"] == 0.0
