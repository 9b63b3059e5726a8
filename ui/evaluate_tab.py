"""The Evaluate tab: run a shipped or uploaded question set through the chat's own engine, see report and charts.

A thin adapter over eval/: `evaluate()` does the work and is testable without a browser; `add_evaluate_tab()`
only lays out the widgets and feeds gr.Progress. Call it inside the app's `gr.Blocks()` context. Given the
Settings tab's controls, a run uses the session's retriever, papers per answer and answer backend (the same
answers the chat gives), and its status line says which.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.questionset import load_questions, shipped_sets
from eval.report import render_report
from eval.runner import REPORT, RESULTS, SUMMARY, Run, run_questions, write_run
from rag.errors import PaperchatError
from ui.session_settings import AVAILABLE_BACKENDS, SessionEngine

# A question set is a few hundred bytes a question: 2 MB is thousands of questions, hours of asking on a small
# server. The same number caps every upload to the page (Gradio's `max_file_size`, see ui/page_assets.py), so a
# larger file is stopped while it uploads, before it fills the server's disk.
MAX_UPLOAD_BYTES = 2_000_000
MAX_QUESTIONS = 2_000  # one evaluation holds the tab's single slot: a run this size already takes about an hour
UPLOAD_HINT = (f"…or upload a question set (JSONL: one {{id, type, question, expected_titles, expected_facts, "
               f"history}} a line; at most {MAX_UPLOAD_BYTES // 1_000_000} MB, {MAX_QUESTIONS:,} questions)")
TOO_MANY = "The command line has no such limit: `paperchat eval run FILE`."


class EvaluationError(PaperchatError, ValueError):
    """Shown to the user as is: it says what to pick or fix."""


@dataclass
class EvaluationView:
    status: str
    report: str
    charts: dict[str, str] = field(default_factory=dict)  # file name -> path
    files: list[str] = field(default_factory=list)
    run: Run | None = None


def pick_question_file(choice: str | None, uploaded: str | None) -> Path:
    """An upload wins over the drop-down: uploading is the more deliberate act."""
    if uploaded:
        path = Path(uploaded)
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_UPLOAD_BYTES:
            raise EvaluationError(
                f"{path.name} is {size / 1e6:.1f} MB; an uploaded question set may be at most "
                f"{MAX_UPLOAD_BYTES / 1e6:.0f} MB. Split it into smaller files. {TOO_MANY}"
            )
        return path
    shipped = shipped_sets()
    if choice in shipped:
        return shipped[choice]
    raise EvaluationError("Pick a shipped question set or upload a JSONL file.")


def evaluate(engine, choice: str | None, uploaded: str | None,
             progress: Callable[[int, int, str], None] | None = None, out_root: Path | None = None) -> EvaluationView:
    path = pick_question_file(choice, uploaded)
    if not engine.papers:
        raise EvaluationError("No papers are indexed yet: ingest some before evaluating.")
    try:
        questions = load_questions(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"Cannot read {path.name}: {exc}") from exc
    if not questions.questions:
        details = "; ".join(str(p) for p in questions.problems[:5])
        raise EvaluationError(f"No usable questions in {path.name}" + (f": {details}" if details else "."))
    if len(questions.questions) > MAX_QUESTIONS:
        raise EvaluationError(
            f"{path.name} has {len(questions.questions):,} questions; the page runs at most {MAX_QUESTIONS:,} at a "
            f"time. Split it into smaller files. {TOO_MANY}"
        )
    run = run_questions(engine, questions, progress=progress)  # a SessionEngine: the session's settings
    # Under the system temp folder, which Gradio serves back as downloads without extra allowed_paths.
    out_dir = Path(tempfile.mkdtemp(prefix="paperchat-eval-", dir=out_root))
    write_run(run, out_dir)
    s = run.summary
    status = (f"**{s['n']} questions** from `{path.name}` · settings `{s['settings_hash']}` · {s['duration_s']} s"
              f" · written to `{out_dir}`")
    if isinstance(engine, SessionEngine):
        status += f"\n\nRun with this session's settings: {engine.summary.removeprefix('**Settings:** ')}."
    if run.problems:
        status += f"\n\n{len(run.problems)} problem(s) in the file, see the report."
    return EvaluationView(
        status=status,
        report=render_report(run, charts=()),
        charts={p.name: str(p) for p in run.charts},
        files=[str(out_dir / name) for name in (REPORT, SUMMARY, RESULTS)] + [str(p) for p in run.charts],
        run=run,
    )


def add_evaluate_tab(engine, session: Sequence[Any] = (), available: Collection[str] = AVAILABLE_BACKENDS) -> None:
    """`session`: the Settings tab's retriever, papers-per-answer, backend and strict controls, in that order;
    without them a run uses the server's settings."""
    import gradio as gr

    from eval.charts import LATENCY_CHART, METRICS_CHART

    shipped = list(shipped_sets())
    with gr.Tab("Evaluate"):
        gr.Markdown(
            "Ask every question of a set through the same engine as the chat, then score retrieval, citations, "
            "facts, refusals and grounding. The same as `paperchat eval run FILE`."
        )
        with gr.Row():
            choice = gr.Dropdown(choices=shipped, value=shipped[0] if shipped else None, label="Shipped question set")
            uploaded = gr.File(label=UPLOAD_HINT, file_types=[".jsonl"], type="filepath", elem_id="eval-upload")
        button = gr.Button("Run evaluation", variant="primary", elem_id="eval-run")
        status = gr.Markdown(elem_id="eval-status")
        # No label over the charts: it would cover their own titles. They wrap below each other on narrow screens.
        with gr.Row(elem_id="eval-charts"):
            metrics_chart = gr.Image(label="Metrics per question type", show_label=False, type="filepath",
                                     interactive=False, min_width=480, elem_id="metrics-chart")
            latency_chart = gr.Image(label="Latency", show_label=False, type="filepath", interactive=False,
                                     min_width=480, elem_id="latency-chart")
        report = gr.Markdown()
        files = gr.File(label="Run files (compare two with `paperchat eval compare`)", file_count="multiple",
                        interactive=False)

        # Progress before the session's values: Gradio puts it at its position among the inputs.
        def on_run(choice_value, uploaded_value, progress=gr.Progress(), *chosen):  # noqa: B008 (how Gradio injects it)
            def tick(done: int, total: int, qid: str) -> None:
                asking = f" (asking {qid})" if qid else ""
                progress(done / total if total else 1.0, desc=f"{done}/{total} questions{asking}")

            try:
                asked = SessionEngine(engine, *chosen, available=available) if chosen else engine
                view = evaluate(asked, choice_value, uploaded_value, progress=tick)
            except ValueError as exc:  # EvaluationError, or a session setting out of range
                raise gr.Error(str(exc)) from exc
            return (view.status, view.charts.get(METRICS_CHART), view.charts.get(LATENCY_CHART), view.report,
                    view.files)

        # One evaluation at a time: a second would only halve the speed of both and of the chat.
        button.click(on_run, inputs=[choice, uploaded, *session],
                     outputs=[status, metrics_chart, latency_chart, report, files], concurrency_limit=1)
