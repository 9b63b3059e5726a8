"""The Evaluate tab: it builds inside a Blocks, and its handler runs an uploaded set through the real engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.evaluate_tab import EvaluationError, add_evaluate_tab, evaluate, pick_question_file

QUESTIONS = [
    {"id": "p3", "type": "factoid", "question": "What share of the P3 test puzzles can Codex solve with a single try?",
     "expected_titles": ["Programming Puzzles"], "expected_facts": ["18%"]},
    {"id": "wmt", "type": "unanswerable", "question": "What BLEU score does the best model reach on WMT14?"},
]


def test_tab_builds_with_its_controls(engine):
    import gradio as gr

    with gr.Blocks() as demo:
        add_evaluate_tab(engine)
    labels = {getattr(block, "label", None) for block in demo.blocks.values()}
    assert {"Evaluate", "Shipped question set", "Latency", "Metrics per question type"} <= labels
    dropdown = next(b for b in demo.blocks.values() if getattr(b, "label", None) == "Shipped question set")
    assert dropdown.value == "dev"
    assert any(getattr(fn, "concurrency_limit", None) == 1 for fn in demo.fns.values())


def test_uploaded_set_runs_and_shows_report_and_charts(engine, write, tmp_path):
    path = write("mine.jsonl", "\n".join(json.dumps(q) for q in QUESTIONS) + "\n{oops\n")
    ticks: list[tuple[int, int, str]] = []
    view = evaluate(engine, "dev", str(path), progress=lambda *a: ticks.append(a), out_root=tmp_path)
    assert view.run is not None and view.run.summary["n"] == 2  # the upload won over the drop-down
    assert ticks[-1] == (2, 2, "")
    assert "`mine.jsonl`" in view.status and "1 problem(s)" in view.status
    assert "## Overall" in view.report and "![" not in view.report  # the tab shows the charts itself
    assert set(view.charts) == {"metrics_by_type.png", "latency.png"}
    assert all(Path(f).is_file() and Path(f).is_relative_to(tmp_path) for f in view.files)
    assert {Path(f).name for f in view.files} >= {"report.md", "summary.json", "results.jsonl"}


def test_nothing_to_run_says_what_to_do(engine, write):
    with pytest.raises(EvaluationError, match="Pick a shipped question set"):
        pick_question_file("no-such-set", None)
    with pytest.raises(EvaluationError, match=r"No usable questions in bad.jsonl: line 1: not valid JSON"):
        evaluate(engine, None, str(write("bad.jsonl", "{not json\n")))
