"""The Markdown report of one run: figures first, then the questions worth reading, then the definitions.

The same text is written to `report.md` and shown in the Evaluate tab, so it avoids HTML and keeps the charts
as plain image links that the tab can leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eval.answer_metrics import METRICS, SUMMARY_KEYS, TYPE_TABLE, keys_in, short_label

WORST_SHOWN = 10
ANSWER_CHARS = 700

# Which questions each summary figure averages over (from METRICS).
OVER = {key: metric.over for key, metric in METRICS.items()}

README_HEADER = ("figure", "what", "averaged over")


def metric_definitions() -> list[str]:
    """One Markdown bullet per summary figure, from METRICS."""
    lines = []
    for key, m in METRICS.items():
        what = f"{m.what}; {m.detail}" if m.detail else m.what
        lower = " (lower is better)" if m.lower_is_better else ""
        lines.append(f"- **{key}**{lower}: {what}. Averaged over {m.over}.")
    return lines


DEFINITIONS = "\n".join([
    "## How the figures are computed",
    "",
    "Papers are matched to `expected_titles` by normalised title (case, spacing, punctuation and LaTeX ignored).",
    "A gold title that matches no indexed paper still counts as a gold paper that was not found (listed above).",
    '"Answerable" means every type but `unanswerable`. Averages weigh every question the same.',
    "",
    *metric_definitions(),
    "- **score** (per question, for sorting only): unanswerable: 1 if refused else 0; answerable and refused: 0;",
    "  otherwise the mean of its recall@5, citation precision, citation recall and fact recall that apply.",
    "  An engine error counts as a refusal and is listed under errors.",
    "",
])


def fmt(value: Any, key: str = "") -> str:
    if value is None:
        return "–"
    if key.startswith("latency"):
        return f"{value:,.0f}"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *(line(r) for r in rows)])


TYPE_COLUMNS = keys_in(TYPE_TABLE)
SHORT = {key: metric.short for key, metric in METRICS.items() if metric.short}


def metrics_table() -> str:
    """The Markdown table of the metrics that README.md shows (a test keeps README.md equal to it)."""
    return table(README_HEADER, [[f"`{key}`", m.what, m.over] for key, m in METRICS.items()])


def overall_table(summary: dict[str, Any]) -> str:
    rows = [[f"**{k}**", fmt(summary.get(k), k), OVER[k]] for k in SUMMARY_KEYS]
    return table(["metric", "value", "averaged over"], rows)


def type_table(per_type: dict[str, dict[str, Any]]) -> str:
    rows = [[t, str(s["n"]), *(fmt(s.get(k), k) for k in TYPE_COLUMNS)] for t, s in per_type.items()]
    return table(["type", "n", *(short_label(k) for k in TYPE_COLUMNS)], rows)


def quote_block(text: str, limit: int = ANSWER_CHARS) -> str:
    text = text.strip() or "(empty)"
    if len(text) > limit:
        text = text[:limit].rstrip() + " …"
    return "\n".join("> " + line if line.strip() else ">" for line in text.splitlines())


def gold_line(record: dict[str, Any]) -> str:
    """Each gold paper with where it landed, so a miss reads as retrieval or as answering at a glance."""
    ranks = {r["paper_id"]: i for i, r in enumerate(record["ranking"], start=1)}
    cited = {c["paper_id"] for c in record["citations"]}
    parts = []
    for pid, title in zip(record["gold_paper_ids"], record["gold_titles"], strict=True):
        where = f"rank {ranks[pid]}" if pid in ranks else f"not among the {len(record['ranking'])} retrieved"
        parts.append(f"{title} ({where}{', cited' if pid in cited else ', not cited'})")
    parts += [f"{t} (no indexed paper has this title)" for t in record["unknown_titles"]]
    return "; ".join(parts)


def question_section(record: dict[str, Any]) -> str:
    m = record["metrics"]
    lines = [f"### {record['id']} ({record['type']}): score {fmt(m['score'])}", ""]
    for i, turn in enumerate(record["history"], start=1):
        lines.append(f"- history {i}: {turn}")
    lines.append(f"- **question**: {record['question']}")
    if record["searched_query"] and record["searched_query"] != record["question"]:
        lines.append(f"- searched: {record['searched_query']}")
    if record["gold_paper_ids"] or record["unknown_titles"]:
        lines.append(f"- gold: {gold_line(record)}")
    off = [c["title"] for c in record["citations"] if not c["gold"]]
    if off and record["type"] != "unanswerable":
        lines.append(f"- cited, not gold: {'; '.join(off)}")
    if record["expected_facts"]:
        lines.append(f"- facts missing: {', '.join(record['facts_missing']) or 'none'}")
    unverified = [s["text"] for s in record["sentences"] if not s["verified"]]
    if unverified:
        lines.append(f"- unverified sentences: {len(unverified)} of {len(record['sentences'])}")
    state = "refused" if record["refused"] else f"answered ({record['kind']})"
    lines.append(f"- {state}; {fmt(record['latency_ms'], 'latency')} ms")
    if record["error"]:
        lines.append(f"- **error**: {record['error']}")
    lines += ["", quote_block(record["answer"]), ""]
    return "\n".join(lines)


def all_questions_table(records: Sequence[dict[str, Any]]) -> str:
    rows = []
    for r in records:
        m = r["metrics"]
        rows.append([r["id"], r["type"], fmt(m["score"]), fmt(m["recall@5"]), fmt(m["rr"]),
                     fmt(m["citation_precision"]), fmt(m["citation_recall"]), fmt(m["fact_recall"]),
                     "yes" if r["refused"] else "", fmt(m["grounded"]), fmt(r["latency_ms"], "latency")])
    return table(["id", "type", "score", "recall@5", "rr", "cit. P", "cit. R", "facts", "refused", "grounded",
                  "ms"], rows)


def worst(records: Sequence[dict[str, Any]], n: int = WORST_SHOWN) -> list[dict[str, Any]]:
    failing = [r for r in records if r["metrics"]["score"] < 1 or r["error"]]
    return sorted(failing, key=lambda r: (r["metrics"]["score"], r["id"]))[:n]


def tokens_line(summary: dict[str, Any]) -> str:
    """One line for the terminal and the report; "" when no model wrote an answer."""
    tokens = summary.get("tokens") or {}
    if not tokens.get("answers"):
        return ""
    n = tokens["answers"]
    return (f"{n} answer{'s' * (n != 1)} written by {summary.get('backend', 'a model')}: {tokens['prompt']:,} prompt "
            f"and {tokens['completion']:,} completion tokens (per answer {tokens['prompt_mean']:g} and "
            f"{tokens['completion_mean']:g}; counted with tiktoken)")


def render_report(run, charts: Sequence[str] = ()) -> str:
    """The whole report; `charts` are image file names next to report.md (none: the tab shows them itself)."""
    s = run.summary
    head = [
        f"# Evaluation: {s.get('question_set', '')}",
        "",
        f"{s['n']} questions ({s['n_answerable']} answerable, {s['n_unanswerable']} unanswerable) over "
        f"{s.get('papers_indexed', '?')} indexed papers · settings `{s.get('settings_hash', '')}` · "
        f"code `{s.get('code_version') or '?'}` · "
        f"question set `{s.get('question_set_digest', '')}` · {s.get('created_at', '')} · "
        f"{s.get('duration_s', '?')} s",
        "",
        *([tokens, ""] if (tokens := tokens_line(s)) else []),
        "## Overall",
        "",
        overall_table(s),
        "",
        "## By type",
        "",
        type_table(run.per_type),
        "",
    ]
    if charts:
        head += ["## Charts", "", *(f"![{name}]({name})" for name in charts), ""]
    issues = list(run.problems)
    issues += [f"{qid}: no indexed paper has the title {t!r}" for qid, ts in s.get("unknown_titles", {}).items()
               for t in ts]
    issues += [f"{r['id']}: {r['error']}" for r in run.records if r["error"]]
    if issues:
        head += ["## Problems", "", *(f"- {i}" for i in issues), ""]
    bad = worst(run.records)
    head += [f"## Worst questions ({len(bad)} shown)", ""]
    head += [question_section(r) for r in bad] or ["Every question scored 1.", ""]
    head += ["## All questions", "", all_questions_table(run.records), "", DEFINITIONS]
    return "\n".join(head)


if __name__ == "__main__":  # `python -m eval.report`: the metrics table for README.md
    print(metrics_table())
