"""`paperchat eval run FILE`: ask a question set through the chat's engine and write a comparable run folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from eval.answer_metrics import SUMMARY_KEYS
from rag.errors import PaperchatError
from rag.text.controls import strip_controls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="question set (JSONL), or the name of a shipped one: dev")
    parser.add_argument("--out", type=Path, help="run folder to write (default: runs/eval-<time>-<settings hash>)")
    parser.add_argument(
        "--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
        help="override any setting for this run, e.g. --set answer.refuse_below=0.35 (repeatable)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress line")


class OverrideError(PaperchatError, ValueError):
    pass


def apply_overrides(settings, overrides: list[str]):
    """`answer.refuse_below=0.35` -> a new Settings; unknown keys are refused, not silently ignored."""
    if not overrides:
        return settings
    data: dict[str, Any] = settings.model_dump()
    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise OverrideError(f"--set {item!r}: expected KEY=VALUE, e.g. answer.refuse_below=0.35")
        *parents, leaf = key.strip().split(".")
        node = data
        for part in parents:
            if not isinstance(node.get(part), dict):
                raise OverrideError(f"--set {item!r}: no settings group {part!r}; groups: {_groups(data)}")
            node = node[part]
        # A dict-valued setting (llm.llamaindex_kwargs) takes a JSON object; a group's settings are set one by one.
        if leaf not in node or (isinstance(node[leaf], dict) and not raw.lstrip().startswith("{")):
            raise OverrideError(f"--set {item!r}: no setting {leaf!r} there; known: {', '.join(sorted(node))}")
        try:
            node[leaf] = json.loads(raw)
        except json.JSONDecodeError:
            node[leaf] = raw  # a bare word: pydantic validates and converts it
    from pydantic import ValidationError

    try:
        return type(settings)(**data).resolved()
    except ValidationError as exc:
        raise OverrideError(f"--set: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc


def _groups(data: dict[str, Any]) -> str:
    return ", ".join(k for k, v in data.items() if isinstance(v, dict))


def resolve_question_file(name: str) -> Path:
    from eval.questionset import shipped_sets

    path = Path(name)
    if path.exists():
        return path
    shipped = shipped_sets()
    if name in shipped:
        return shipped[name]
    known = ", ".join(shipped) or "none"
    raise FileNotFoundError(f"no question set at {name} (shipped sets: {known})")


def print_progress(done: int, total: int, qid: str) -> None:
    """One line rewritten in place on a terminal; in a log, a line every 10 questions instead of a smear."""
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r  {done}/{total} questions{f' (asking {qid})' if qid else ''}".ljust(50) + end)
    elif done and (done % 10 == 0 or done == total):
        sys.stderr.write(f"  {done}/{total} questions\n")
    sys.stderr.flush()


def run(args: argparse.Namespace, settings) -> int:
    from eval.questionset import load_questions
    from eval.report import tokens_line
    from eval.runner import REPORT, default_out_dir, run_questions, write_run
    from ingest.writer import ensure_builtin_corpus, open_engine

    try:
        settings = apply_overrides(settings, args.overrides)
        path = resolve_question_file(args.file)
        questions = load_questions(path)
    except (OverrideError, OSError) as exc:  # a question file too large to be one is an OSError too
        print(strip_controls(f"paperchat eval run: {exc}"), file=sys.stderr)
        return 2
    for problem in questions.problems:  # they quote the file's own ids
        print(strip_controls(f"{path}: {problem}"), file=sys.stderr)
    if not questions.questions:
        print(f"paperchat eval run: no usable questions in {path}", file=sys.stderr)
        return 2
    engine = open_engine(settings)
    ensure_builtin_corpus(engine, progress=not args.quiet)
    out_dir = args.out or default_out_dir(engine.settings.settings_hash())
    result = run_questions(engine, questions, progress=None if args.quiet else print_progress)
    write_run(result, out_dir)
    summary = result.summary
    for qid, titles in summary["unknown_titles"].items():
        for title in titles:
            print(f"{path}: {qid}: no indexed paper has the title {title!r}", file=sys.stderr)
    width = max(len(k) for k in SUMMARY_KEYS)
    print(f"{summary['n']} questions, settings {summary['settings_hash']}")
    for key in SUMMARY_KEYS:
        value = summary[key]
        print(f"  {key:<{width}}  {'–' if value is None else round(value, 3)}")
    if tokens_line(summary):
        print(f"  {tokens_line(summary)}")
    if summary["errors"]:
        print(f"  {summary['errors']} question(s) failed with an error; see the report", file=sys.stderr)
    print(f"wrote {out_dir / REPORT} (and results.jsonl, summary.json, charts)")
    skipped = any(p.skipped for p in questions.problems)
    return 1 if skipped or summary["errors"] else 0
