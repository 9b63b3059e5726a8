"""Metrics of one evaluation run: per question, then averaged into the flat figures of `summary.json`.

Everything here works on plain data (paper ids, strings, booleans), so the figures can be checked by hand
and do not depend on the engine.

Per question (answerable questions with gold papers; unanswerable ones have none of these):

- `hit@5`: 1 if any gold paper is among the first 5 distinct papers of the retrieval ranking
  (`Answer.evidence` in rank order, chunks mapped to their paper), else 0.
- `recall@5`: gold papers in those first 5, divided by min(5, number of gold papers), so a list question
  with 7 gold papers scores 1.0 when the top 5 are all gold.
- `rr`: 1 / rank of the first gold paper anywhere in the ranking; 0 when none was retrieved (MRR is its mean).
- `citation_precision`: cited papers that are gold / cited papers (none when the answer cites nothing).
- `citation_recall`: gold papers that are cited / gold papers (not capped: an answer must cite them all).
- `fact_recall`: expected facts found in the answer / expected facts. Matching ignores case, thousands
  separators (`1,140` = `1140`) and LaTeX escapes (`39.9\\%` = `39.9%`); a number must not be part of a
  longer one (`18%` is not found in `118%`). A refusal finds no facts.
- `grounded`: answer sentences marked verified / answer sentences.

Gold titles that match no indexed paper stay in the denominators: the answer could not find them, and the
report lists them so the question set or the index can be fixed.

Averages in the summary (means over questions, each question weighing the same):

- `hit@5`, `recall@5`, `mrr`, `citation_recall`: answerable questions with at least one gold title;
  a refused question counts with what it retrieved, and with citation recall 0.
- `citation_precision`: the same questions, but only those answered with at least one citation (a
  refusal has no citations to be precise about; `false_refusal_rate` counts refusals instead).
- `fact_recall`: answerable questions with at least one expected fact.
- `unanswerable_refusal_rate`: refused / questions of type `unanswerable`.
- `false_refusal_rate`: refused / answerable questions (every other type).
- `grounded_rate`: verified sentences / all sentences, pooled over every answer that was not a refusal
  (unanswerable questions included: an answer that should not exist can still be checked against its quotes).
- `latency_ms_p50`, `latency_ms_p95`: over the asked question of every item (history turns excluded),
  percentiles with linear interpolation between the closest ranks.

A figure is `null` when no question qualifies for it (e.g. no unanswerable questions in the set).
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
RETRIEVAL_KEYS = ("hit@5", "recall@5", "mrr")
ANSWER_KEYS = ("citation_precision", "citation_recall", "fact_recall")
RATE_KEYS = ("unanswerable_refusal_rate", "false_refusal_rate", "grounded_rate")
LATENCY_KEYS = ("latency_ms_p50", "latency_ms_p95")
SUMMARY_KEYS = (*RETRIEVAL_KEYS, *ANSWER_KEYS, *RATE_KEYS, *LATENCY_KEYS)
# Higher is better for every summary figure but these; the report and `compare` mark changes with it.
LOWER_IS_BETTER = frozenset({"false_refusal_rate", *LATENCY_KEYS})


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
    text = unicodedata.normalize("NFKC", text).lower()
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
