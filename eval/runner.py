"""Runs a question set through the engine the chat uses, and writes a run folder that later runs compare to.

A run folder holds `results.jsonl` (one record per question), `summary.json` (the flat figures, the settings
and their hash), `report.md` and the PNG charts. Records carry everything `compare` needs, so two folders
can be compared without the engine.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from eval.answer_metrics import Outcome, by_type, fact_found, score_question, summarise
from eval.metrics import dedupe
from eval.questionset import Question, QuestionSet, TitleIndex

RESULTS = "results.jsonl"
SUMMARY = "summary.json"
REPORT = "report.md"
RANKING_KEPT = 10  # papers of the retrieval ranking stored per question: enough to see where gold landed

# (done, total, question id) -> None; the CLI prints it, the Evaluate tab feeds gr.Progress with it.
Progress = Callable[[int, int, str], None]


@dataclass
class Run:
    records: list[dict[str, Any]]
    summary: dict[str, Any]
    per_type: dict[str, dict[str, Any]]
    problems: list[str] = field(default_factory=list)
    charts: list[Path] = field(default_factory=list)
    out_dir: Path | None = None


def answer_text(answer) -> str:
    """What the user sees: the Markdown answer plus the cells of a comparison table, where facts may sit."""
    parts = [answer.answer or ""]
    for row in answer.table or []:
        parts.extend(str(v) for v in row.values() if v is not None)
    return "\n".join(parts)


def ask_question(engine, q: Question) -> dict[str, Any]:
    """Asks the history turns first, as a user would, then the question; never raises for one bad question."""
    history_latency: list[float] = []
    errors: list[str] = []
    for i, turn in enumerate(q.history):
        started = time.perf_counter()
        try:
            engine.ask(turn, history=list(q.history[:i]))
        except Exception as exc:  # a failing earlier turn is reported; the question itself is still asked
            errors.append(f"history turn {i + 1}: {type(exc).__name__}: {exc}")
        history_latency.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    try:
        answer = engine.ask(q.question, history=list(q.history))
    except Exception as exc:
        latency = (time.perf_counter() - started) * 1000
        errors.append(f"{type(exc).__name__}: {exc}")
        return {"answer": None, "latency_ms": latency, "history_latency_ms": history_latency, "errors": errors}
    latency = (time.perf_counter() - started) * 1000
    return {"answer": answer, "latency_ms": latency, "history_latency_ms": history_latency, "errors": errors}


def record_for(q: Question, asked: dict[str, Any], titles: TitleIndex, papers: dict) -> tuple[dict, Outcome]:
    gold = titles.gold(q.expected_titles)
    answer = asked["answer"]
    text = answer_text(answer) if answer is not None else ""
    ranking = dedupe(e.paper_id for e in sorted(answer.evidence, key=lambda e: e.rank)) if answer else []
    outcome = Outcome(
        type=q.type,
        unanswerable=q.unanswerable,
        gold_ids=gold.paper_ids,
        gold_unknown=len(gold.unknown_titles),
        facts=q.expected_facts,
        ranking=ranking,
        cited=[c.paper_id for c in answer.citations] if answer else [],
        answer_text=text,
        # An engine error is no answer at all: scored like a refusal, and listed under errors in the report.
        refused=answer.refused if answer else True,
        sentences_verified=sum(1 for s in answer.sentences if s.verified) if answer else 0,
        sentences_total=len(answer.sentences) if answer else 0,
        latency_ms=asked["latency_ms"],
    )
    outcome.metrics = score_question(outcome)

    def title_of(pid: str) -> str:
        paper = papers.get(pid)
        return paper.title if paper is not None else pid

    record = {
        "id": q.id,
        "type": q.type,
        "question": q.question,
        "history": list(q.history),
        "expected_titles": list(q.expected_titles),
        "gold_paper_ids": list(gold.paper_ids),
        "gold_titles": [title_of(pid) for pid in gold.paper_ids],
        "unknown_titles": list(gold.unknown_titles),
        "expected_facts": list(q.expected_facts),
        "facts_found": [f for f in q.expected_facts if answer is not None and fact_found(f, text)],
        "facts_missing": [f for f in q.expected_facts if answer is None or not fact_found(f, text)],
        "answer": answer.answer if answer else "",
        "kind": answer.kind if answer else "",
        "mode": answer.mode if answer else "",
        "tokens": dict(answer.tokens) if answer else {},
        "refused": outcome.refused,
        "searched_query": answer.searched_query if answer else "",
        "citations": [
            {"n": c.n, "paper_id": c.paper_id, "title": c.title, "quote": c.quote, "supported": c.supported,
             "gold": c.paper_id in gold.paper_ids}
            for c in (answer.citations if answer else [])
        ],
        "ranking": [{"paper_id": pid, "title": title_of(pid), "gold": pid in gold.paper_ids}
                    for pid in ranking[:RANKING_KEPT]],
        "sentences": [
            {"text": s.text, "citations": list(s.citations), "verified": s.verified, "reason": s.reason}
            for s in (answer.sentences if answer else [])
        ],
        "table": answer.table if answer else None,
        "metrics": outcome.metrics,
        "latency_ms": round(asked["latency_ms"], 1),
        "history_latency_ms": [round(x, 1) for x in asked["history_latency_ms"]],
        "timings_ms": {k: round(v, 1) for k, v in (answer.timings_ms if answer else {}).items()},
        "error": "; ".join(asked["errors"]) or None,
    }
    return record, outcome


def run_questions(engine, questions: QuestionSet, progress: Progress | None = None) -> Run:
    """Asks every question in file order; the engine's index must already hold papers."""
    started = time.perf_counter()
    titles = TitleIndex({pid: p.title for pid, p in engine.papers.items()})
    records: list[dict[str, Any]] = []
    outcomes: list[Outcome] = []
    total = len(questions.questions)
    for done, q in enumerate(questions.questions):
        if progress:
            progress(done, total, q.id)
        record, outcome = record_for(q, ask_question(engine, q), titles, engine.papers)
        records.append(record)
        outcomes.append(outcome)
    if progress:
        progress(total, total, "")
    summary = summarise(outcomes)
    per_type = by_type(outcomes)
    problems = [str(p) for p in questions.problems]
    unknown = {r["id"]: r["unknown_titles"] for r in records if r["unknown_titles"]}
    settings = engine.settings
    summary.update({
        "errors": sum(1 for r in records if r["error"]),
        "backend": engine.backend_for(),
        "tokens": token_totals(records),
        "settings_hash": settings.settings_hash(),
        "settings": settings.model_dump(mode="json"),
        "question_set": questions.name,
        "question_set_digest": questions.digest,
        "n_by_type": {t: s["n"] for t, s in per_type.items()},
        "per_type": per_type,
        "problems": problems,
        "unknown_titles": unknown,
        "papers_indexed": len(engine.papers),
        "code_version": code_version(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - started, 1),
    })
    return Run(records=records, summary=summary, per_type=per_type, problems=problems)


def token_totals(records: list[dict[str, Any]]) -> dict[str, Any]:
    """What the model's answers cost over the run (tiktoken counts; extractive answers and refusals cost none)."""
    written = [r["tokens"] for r in records if r.get("tokens")]
    prompt = sum(t.get("prompt", 0) for t in written)
    completion = sum(t.get("completion", 0) for t in written)
    return {"answers": len(written), "prompt": prompt, "completion": completion,
            "prompt_mean": round(prompt / len(written), 1) if written else None,
            "completion_mean": round(completion / len(written), 1) if written else None}


def code_version() -> str:
    """The git commit that answered (`+dirty` with local edits): equal settings hashes can still hide code changes."""
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=True)
        return done.stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return ""  # an installed package, or no git: the settings hash is all there is
    return commit + ("+dirty" if dirty else "")


def default_out_dir(settings_hash: str, root: Path = Path("runs")) -> Path:
    """`runs/` is git-ignored; the name sorts by time and says which settings produced it."""
    return root / f"eval-{datetime.now().strftime('%Y%m%d-%H%M%S')}-{settings_hash}"


def write_run(run: Run, out_dir: Path) -> Run:
    """Writes results, summary, charts and report; charts are skipped (and said so) without matplotlib."""
    from eval.report import render_report

    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / RESULTS).open("w", encoding="utf-8") as f:
        for record in run.records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    (out_dir / SUMMARY).write_text(json.dumps(run.summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        from eval.charts import write_charts
    except ImportError as exc:  # matplotlib is a declared dependency; an odd install still gets its report
        run.problems.append(f"charts skipped: {exc}")
    else:
        run.charts = write_charts(run, out_dir)
    (out_dir / REPORT).write_text(render_report(run, charts=[p.name for p in run.charts]), encoding="utf-8")
    run.out_dir = out_dir
    return run


def load_run(out_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A written run folder back as (summary, records), for `compare`."""
    out_dir = Path(out_dir)
    summary_path, results_path = out_dir / SUMMARY, out_dir / RESULTS
    for path in (summary_path, results_path):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: is {out_dir} the --out folder of `paperchat eval run`?")
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    records = [json.loads(line) for line in results_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return summary, records
