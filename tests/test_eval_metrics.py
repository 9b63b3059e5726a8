"""Answer metrics on hand-made outcomes; every expected figure is worked out by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.answer_metrics import (
    METRICS,
    SUMMARY_KEYS,
    Outcome,
    by_type,
    fact_found,
    percentile,
    score_question,
    summarise,
)
from eval.report import README_HEADER, metrics_table

README = Path(__file__).resolve().parents[1] / "README.md"


def scored(**kwargs) -> Outcome:
    outcome = Outcome(**kwargs)
    outcome.metrics = score_question(outcome)
    return outcome


@pytest.fixture
def outcomes() -> list[Outcome]:
    return [
        # A: first gold at rank 2 (the repeated p1 is one paper), cites one gold and one other paper,
        # finds 1140 (written 1,140 in the gold facts) but not 18%, 2 of 3 sentences verified.
        scored(type="factoid", unanswerable=False, gold_ids=["p1"], facts=["1,140", "18%"],
               ranking=["p3", "p1", "p1", "p2"], cited=["p1", "p2"], answer_text="It has 1140 tasks; 118% faster.",
               sentences_verified=2, sentences_total=3, latency_ms=100),
        # B: list of 7 gold papers, 4 of them in the top 5 -> recall 4/min(5, 7) = 0.8; cites 3 of the 7.
        scored(type="list", unanswerable=False, gold_ids=[f"p{i}" for i in range(1, 8)],
               ranking=["p1", "p2", "x", "p3", "p4", "p5", "p6"], cited=["p1", "p2", "p3"],
               answer_text="p1, p2 and p3", sentences_verified=3, sentences_total=3, latency_ms=300),
        # C: refused; one gold title is unknown to the index and still counts: recall 1/2, rr 1/2.
        scored(type="comparative", unanswerable=False, gold_ids=["p1"], gold_unknown=1, facts=["x"],
               ranking=["p9", "p1"], refused=True, answer_text="The abstracts do not answer this. p1 x",
               latency_ms=200),
        # D: unanswerable and refused: right.
        scored(type="unanswerable", unanswerable=True, refused=True, latency_ms=400),
        # E: unanswerable but answered, 1 of 2 sentences verified.
        scored(type="unanswerable", unanswerable=True, cited=["p5"], answer_text="Something.",
               sentences_verified=1, sentences_total=2, latency_ms=1000),
    ]


def test_per_question_metrics(outcomes):
    a, b, c, d, e = (o.metrics for o in outcomes)
    assert a["hit@5"] == 1 and a["recall@5"] == 1 and a["rr"] == 0.5
    assert a["citation_precision"] == 0.5 and a["citation_recall"] == 1
    assert a["fact_recall"] == 0.5 and a["grounded"] == pytest.approx(2 / 3)
    assert a["score"] == pytest.approx((1 + 0.5 + 1 + 0.5) / 4)

    assert b["recall@5"] == pytest.approx(0.8) and b["rr"] == 1
    assert b["citation_precision"] == 1 and b["citation_recall"] == pytest.approx(3 / 7)
    assert b["fact_recall"] is None
    assert b["score"] == pytest.approx((0.8 + 1 + 3 / 7) / 3)

    # A refusal keeps its retrieval figures, has no precision, and finds no facts even if the text holds them.
    assert c["recall@5"] == 0.5 and c["rr"] == 0.5 and c["hit@5"] == 1
    assert c["citation_precision"] is None and c["citation_recall"] == 0 and c["fact_recall"] == 0
    assert c["grounded"] is None and c["score"] == 0

    assert d["score"] == 1 and e["score"] == 0
    assert d["recall@5"] is None and e["citation_precision"] is None and e["grounded"] == 0.5


def test_summary(outcomes):
    s = summarise(outcomes)
    assert (s["n"], s["n_answerable"], s["n_unanswerable"]) == (5, 3, 2)
    assert s["hit@5"] == 1
    assert s["recall@5"] == pytest.approx((1 + 0.8 + 0.5) / 3)
    assert s["mrr"] == pytest.approx((0.5 + 1 + 0.5) / 3)
    assert s["citation_precision"] == pytest.approx((0.5 + 1) / 2)  # C refused: not averaged
    assert s["citation_recall"] == pytest.approx((1 + 3 / 7 + 0) / 3)
    assert s["fact_recall"] == pytest.approx((0.5 + 0) / 2)  # B has no facts
    assert s["unanswerable_refusal_rate"] == 0.5
    assert s["false_refusal_rate"] == pytest.approx(1 / 3)
    assert s["grounded_rate"] == pytest.approx((2 + 3 + 1) / (3 + 3 + 2))  # pooled over A, B, E
    assert s["latency_ms_p50"] == 300
    assert s["latency_ms_p95"] == pytest.approx(400 + 0.8 * 600)  # position 0.95 * 4 = 3.8


def test_by_type_and_empty_groups(outcomes):
    types = by_type(outcomes)
    assert list(types) == ["factoid", "list", "comparative", "unanswerable"]
    assert types["unanswerable"]["unanswerable_refusal_rate"] == 0.5
    assert types["unanswerable"]["recall@5"] is None  # nothing to average: null, not 0
    assert types["list"]["unanswerable_refusal_rate"] is None
    assert summarise([])["latency_ms_p50"] is None


@pytest.mark.parametrize(
    ("fact", "text", "found"),
    [
        ("1,140", "BigCodeBench has 1140 tasks", True),
        ("1140", "1,140 fine-grained tasks", True),
        ("39.9%", r"a pass@10 of only 39.9\% (43.7\% with feedback)", True),
        ("ghosts", "a new dataset: GHOSTS.", True),
        ("18%", "solving up to 118% of", False),
        ("18%", "solving up to 18% of 397", True),
        ("95.1", "top results of 95.12 on HumanEval", False),
        ("95.1", "top results of 95.1 on HumanEval.", True),
        ("1,329", "a dataset of 11,329 lemmas", False),
        ("$0.43", "on average, $0.43 USD", True),
        ("diversif", "cross-domain data diversification", True),
        ("", "anything", False),
    ],
)
def test_fact_matching(fact, text, found):
    assert fact_found(fact, text) is found


def test_percentile_interpolates_like_numpy():
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([10, 20, 30, 40], 95) == pytest.approx(38.5)
    assert percentile([7], 95) == 7


def test_every_metric_is_a_summary_figure(outcomes):
    # METRICS is the single definition; summarise() must produce each of its keys, and the keys of
    # summary.json (read by `eval compare` on old runs) must not change.
    assert set(METRICS) <= set(summarise(outcomes))
    assert SUMMARY_KEYS == (
        "hit@5", "recall@5", "mrr", "citation_precision", "citation_recall", "fact_recall",
        "unanswerable_refusal_rate", "false_refusal_rate", "grounded_rate", "latency_ms_p50", "latency_ms_p95",
    )
    assert all(m.what and m.over for m in METRICS.values())


def readme_metrics_table() -> str:
    lines = README.read_text(encoding="utf-8").splitlines()
    header = "| " + " | ".join(README_HEADER) + " |"
    assert header in lines, f"README.md has no metrics table starting with {header!r}"
    start = lines.index(header)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[start:end])


def test_readme_metrics_table_is_rendered_from_metrics():
    assert readme_metrics_table() == metrics_table(), (
        "README.md's metrics table differs from eval/answer_metrics.py METRICS; "
        "replace it with the output of `.venv/bin/python -m eval.report`"
    )
