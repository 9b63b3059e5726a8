"""PNG charts of one run: quality per question type, and how long answers take.

Figures are built without pyplot: no global state and no display, so the Evaluate tab can draw charts from
several request threads, and CI needs no backend set-up.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from eval.answer_metrics import TYPE_CHART, keys_in, percentile

METRICS_CHART = "metrics_by_type.png"
LATENCY_CHART = "latency.png"
TYPE_METRICS = keys_in(TYPE_CHART)  # 0–1 quality figures; the refusal rates are merged into one bar


def _correct_refusals(summary: dict) -> float | None:
    """Per type, the rate of the right refusal behaviour: refusing for unanswerable, answering otherwise."""
    if summary["n_unanswerable"]:
        return summary["unanswerable_refusal_rate"]
    rate = summary["false_refusal_rate"]
    return None if rate is None else 1 - rate


def metrics_chart(per_type: dict[str, dict], path: Path) -> Path:
    types = list(per_type)
    series = {m: [per_type[t].get(m) for t in types] for m in TYPE_METRICS}
    series["right refusal behaviour"] = [_correct_refusals(per_type[t]) for t in types]
    width = 0.8 / len(series)
    fig = Figure(figsize=(max(7.0, 1.4 * len(types) + 3), 4.5))
    ax = fig.subplots()
    for i, (name, values) in enumerate(series.items()):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(types))]
        # A metric that does not apply to a type (None) gets no bar, not a misleading zero.
        kept = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
        ax.bar([x for x, _ in kept], [v for _, v in kept], width, label=name)
    ax.set_xticks(range(len(types)), [f"{t}\n(n={per_type[t]['n']})" for t in types])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (0–1)")
    ax.set_title("Metrics per question type")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def latency_chart(latencies_ms: list[float], path: Path) -> Path:
    fig = Figure(figsize=(7, 4))
    ax = fig.subplots()
    if latencies_ms:
        ax.hist(latencies_ms, bins=min(30, max(5, len(latencies_ms) // 2)), color="#4c72b0", alpha=0.85)
        for q, style in ((50, "--"), (95, ":")):
            value = percentile(latencies_ms, q)
            ax.axvline(value, color="black", linestyle=style, label=f"p{q} = {value:,.0f} ms")
        ax.legend()
    ax.set_xlabel("latency per question (ms, history turns excluded)")
    ax.set_ylabel("questions")
    ax.set_title("Latency distribution")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    return path


def write_charts(run, out_dir: Path) -> list[Path]:
    return [
        metrics_chart(run.per_type, out_dir / METRICS_CHART),
        latency_chart([r["latency_ms"] for r in run.records], out_dir / LATENCY_CHART),
    ]
