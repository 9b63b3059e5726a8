"""Metrics of one evaluation run: per question, then averaged into the flat figures of `summary.json`.

Everything here works on plain data (paper ids, strings, booleans), so the figures can be checked by hand
and do not depend on the engine.

`METRICS` below is the one place where each summary figure is defined: what it measures, which questions it
averages over, and which way is better. The report (`eval/report.py`), `paperchat eval compare`, the charts
and the table in README.md (`python -m eval.report` prints it; a test keeps the two equal) are derived from it.

Per question (answerable questions with gold papers; unanswerable ones have none of these): `hit@5`,
`recall@5`, `rr` (1 / rank of the first gold paper, 0 when none was retrieved; `mrr` is its mean),
`citation_precision` (none when the answer cites nothing), `citation_recall`, `fact_recall` (a refusal finds
no facts) and `grounded` (verified sentences / sentences; none for a refusal), plus `score` for sorting.

Gold titles that match no indexed paper stay in the denominators: the answer could not find them, and the
report lists them so the question set or the index can be fixed. Averages are means over questions, each
question weighing the same (`grounded_rate` pools sentences instead). A figure is `null` when no question
qualifies for it (e.g. no unanswerable questions in the set).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eval.metrics import dedupe

K = 5

# Views that show a chosen subset of the metrics (a metric's `views` says where it appears).
TYPE_TABLE = "type_table"  # the per-type table of the report
TYPE_CHART = "type_chart"  # a bar per type in metrics_by_type.png (0–1 quality figures)
COMPARE_BY_TYPE = "compare_by_type"  # the narrow per-type table of `eval compare` (next to the mean score)


@dataclass(frozen=True)
class Metric:
    """One figure of `summary.json`, defined once (Markdown text; no `|` needed, but it is escaped)."""

    what: str  # how it is computed; README table and the report's definitions
    over: str  # which questions (or sentences) the summary figure averages over
    lower_is_better: bool = False  # higher is better unless set; the report and `compare` mark changes with it
    short: str = ""  # column label in narrow tables; the key itself when empty
    detail: str = ""  # the finer print, in the report's definitions only
    views: frozenset[str] = frozenset({TYPE_TABLE})


_GOLD = "answerable questions with gold titles"
_GOLD_REFUSED = f"{_GOLD} (a refusal counts with what it retrieved)"
_LATENCY_OVER = "every question (history turns excluded)"

# In the order of `summary.json`, the report and `compare`.
METRICS: dict[str, Metric] = {
    "hit@5": Metric(
        "1 if any gold paper is among the first 5 distinct papers of the retrieval ranking "
        "(`Answer.evidence` by rank, chunks mapped to papers)", _GOLD_REFUSED),
    "recall@5": Metric(
        "gold papers among the first 5 distinct papers of the ranking / min(5, gold papers): a list question "
        "with 7 gold papers scores 1 when all 5 are gold", _GOLD_REFUSED,
        views=frozenset({TYPE_TABLE, TYPE_CHART, COMPARE_BY_TYPE})),
    "mrr": Metric(
        "mean of 1 / rank of the first gold paper in the whole ranking (0 when none was retrieved)", _GOLD_REFUSED),
    "citation_precision": Metric(
        "cited papers that are gold / cited papers",
        "answered (not refused) answerable questions with gold titles and ≥1 citation", short="cit. P",
        detail="a refusal has no citations to be precise about (`false_refusal_rate` counts refusals instead)",
        views=frozenset({TYPE_TABLE, TYPE_CHART, COMPARE_BY_TYPE})),
    "citation_recall": Metric(
        "gold papers cited / gold papers (not capped: an answer must cite them all)",
        f"{_GOLD} (a refusal counts 0)", short="cit. R", views=frozenset({TYPE_TABLE, TYPE_CHART})),
    "fact_recall": Metric(
        "expected facts found in the answer text (and its comparison table) / expected facts",
        "answerable questions with expected facts (a refusal counts 0)", short="facts",
        detail="case-insensitive, `1,140` = `1140`, `39.9\\%` = `39.9%`, a number never matches inside a longer "
               "one (`18%` is not in `118%`)",
        views=frozenset({TYPE_TABLE, TYPE_CHART, COMPARE_BY_TYPE})),
    "unanswerable_refusal_rate": Metric(
        "refused / `unanswerable` questions", "questions of type unanswerable", short="refused (unans.)"),
    "false_refusal_rate": Metric(
        "refused / answerable questions", "answerable questions", lower_is_better=True, short="false refusals"),
    "grounded_rate": Metric(
        "answer sentences the verifier marked verified / all answer sentences",
        "sentences of every non-refused answer, pooled (unanswerable questions included)", short="grounded",
        views=frozenset({TYPE_TABLE, TYPE_CHART})),
    "latency_ms_p50": Metric(
        "median wall-clock time of the asked question (not its history turns)", _LATENCY_OVER,
        lower_is_better=True, short="p50 ms", detail="percentiles by linear interpolation between the closest ranks"),
    "latency_ms_p95": Metric(
        "95th percentile of the same wall-clock time", _LATENCY_OVER, lower_is_better=True, short="p95 ms",
        detail="percentiles by linear interpolation between the closest ranks", views=frozenset()),
}

SUMMARY_KEYS = tuple(METRICS)
LOWER_IS_BETTER = frozenset(k for k, m in METRICS.items() if m.lower_is_better)
# The answer-quality figures, per question and in the summary under the same names.
ANSWER_KEYS = ("citation_precision", "citation_recall", "fact_recall")


def keys_in(view: str) -> tuple[str, ...]:
    """The metrics a view shows, in `METRICS` order."""
    return tuple(k for k, m in METRICS.items() if view in m.views)


def short_label(key: str) -> str:
    """The column label of a metric in narrow tables."""
    metric = METRICS.get(key)
    return metric.short if metric is not None and metric.short else key


@dataclass
class Outcome:
    """What one question produced, reduced to what the metrics need."""

    type: str
    unanswerable: bool
    gold_ids: Sequence[str] = ()
    gold_unknown: int = 0  # gold titles that match no indexed paper
    facts: Sequence[str] = ()
    ranking: Sequence[str] = ()  # paper ids in retrieval order; repeats allowed (chunks), first one counts
    cited: Sequence[str] = ()  # paper ids of the citations
    answer_text: str = ""
    refused: bool = False
    sentences_verified: int = 0
    sentences_total: int = 0
    latency_ms: float = 0.0
    metrics: dict[str, Any] = field(default_factory=dict)


def normalise_for_facts(text: str) -> str:
    # Bold is how an answer shows the asked value ("a dataset of **1,329 lemmas**"), not part of what it says.
    text = unicodedata.normalize("NFKC", text).lower().replace("**", "")
    text = re.sub(r"\\([%$&_#])", r"\1", text)
    text = re.sub(r"(?<=\d)[,\u2009\u202f](?=\d{3}(?!\d))", "", text)
    return " ".join(text.split())


def fact_found(fact: str, text: str) -> bool:
    """Substring match, except that a number must not be part of a longer one: `18%` is not in `118%`."""
    needle = normalise_for_facts(fact)
    if not needle:
        return False
    pattern = re.escape(needle)
    if needle[0].isdigit():
        pattern = r"(?<![\d.])" + pattern
    if needle[-1].isdigit():
        pattern += r"(?![\d]|\.\d)"
    return re.search(pattern, normalise_for_facts(text)) is not None


def score_question(o: Outcome) -> dict[str, Any]:
    """The per-question metrics (see the module docstring); `None` where one does not apply."""
    m: dict[str, Any] = dict.fromkeys(("hit@5", "recall@5", "rr", *ANSWER_KEYS, "grounded"))
    gold = set(o.gold_ids)
    gold_size = len(gold) + o.gold_unknown
    ranking = dedupe(o.ranking)
    cited = dedupe(o.cited)
    if not o.unanswerable and gold_size:
        top = ranking[:K]
        found = len(gold & set(top))
        m["hit@5"] = 1.0 if found else 0.0
        m["recall@5"] = found / min(K, gold_size)
        m["rr"] = next((1.0 / r for r, pid in enumerate(ranking, start=1) if pid in gold), 0.0)
        m["citation_recall"] = 0.0 if o.refused else len(gold & set(cited)) / gold_size
        if cited and not o.refused:
            m["citation_precision"] = len(gold & set(cited)) / len(cited)
    if not o.unanswerable and o.facts:
        m["fact_recall"] = 0.0 if o.refused else sum(fact_found(f, o.answer_text) for f in o.facts) / len(o.facts)
    if not o.refused and o.sentences_total:
        m["grounded"] = o.sentences_verified / o.sentences_total
    m["score"] = question_score(o, m)
    return m


def question_score(o: Outcome, m: dict[str, Any]) -> float:
    """One number to sort questions by in the report: how right this single answer was, 0 to 1."""
    if o.unanswerable:
        return 1.0 if o.refused else 0.0
    if o.refused:
        return 0.0
    parts = [m[k] for k in ("recall@5", *ANSWER_KEYS) if m[k] is not None]
    return sum(parts) / len(parts) if parts else 1.0


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default), without needing numpy arrays."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The flat summary figures over `outcomes` (each must already carry `metrics` from `score_question`)."""
    answerable = [o for o in outcomes if not o.unanswerable]
    unanswerable = [o for o in outcomes if o.unanswerable]
    answered = [o for o in outcomes if not o.refused]
    total_sentences = sum(o.sentences_total for o in answered)
    latencies = [o.latency_ms for o in outcomes]
    summary: dict[str, Any] = {
        "n": len(outcomes),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "hit@5": _mean(o.metrics["hit@5"] for o in answerable),
        "recall@5": _mean(o.metrics["recall@5"] for o in answerable),
        "mrr": _mean(o.metrics["rr"] for o in answerable),
        "citation_precision": _mean(o.metrics["citation_precision"] for o in answerable),
        "citation_recall": _mean(o.metrics["citation_recall"] for o in answerable),
        "fact_recall": _mean(o.metrics["fact_recall"] for o in answerable),
        "unanswerable_refusal_rate": _mean(1.0 if o.refused else 0.0 for o in unanswerable),
        "false_refusal_rate": _mean(1.0 if o.refused else 0.0 for o in answerable),
        "grounded_rate": sum(o.sentences_verified for o in answered) / total_sentences if total_sentences else None,
        "latency_ms_p50": percentile(latencies, 50),
        "latency_ms_p95": percentile(latencies, 95),
        "mean_score": _mean(o.metrics["score"] for o in outcomes),
    }
    return summary


def by_type(outcomes: Sequence[Outcome]) -> dict[str, dict[str, Any]]:
    """The same summary per question type, types in order of first appearance."""
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(o.type, []).append(o)
    return {t: summarise(group) for t, group in groups.items()}
