"""One real run of a small question set through the built-in engine, and the CLI wiring around it."""

from __future__ import annotations

import json

import pytest

from eval.answer_metrics import SUMMARY_KEYS
from eval.questionset import load_questions
from eval.run_command import OverrideError, apply_overrides, resolve_question_file
from eval.runner import load_run, run_questions, write_run

SMALL_SET = [
    {"id": "lemmas", "type": "factoid", "question": "How many lemmas are in the dataset built from IMO proofs in Lean?",
     "expected_titles": ["A Lean Dataset for International Math Olympiad: Small Steps towards Writing Math Proofs "
                         "for Hard Problems"], "expected_facts": ["1,329"]},
    {"id": "bench", "type": "followup", "question": "What benchmarks did it use?", "history": ["What is RLCoder?"],
     "expected_titles": ["rlcoder: reinforcement learning for repository-level code completion"]},
    {"id": "ghost", "type": "comparative", "question": "Compare DotaMath and the Ghost Prover.",
     "expected_titles": ["DotaMath: Decomposition of Thought with Code Assistance and Self-correction for "
                         "Mathematical Reasoning", "Ghost Prover: A Paper That Does Not Exist"]},
    {"id": "protein", "type": "unanswerable", "question": "How is protein folding predicted from sequences?"},
]


@pytest.fixture(scope="module")
def written_run(engine, tmp_path_factory):
    folder = tmp_path_factory.mktemp("evalrun")
    lines = [json.dumps(q) for q in SMALL_SET]
    lines.insert(2, '{"id": "broken", "question": ')
    (folder / "small.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []
    run = run_questions(engine, load_questions(folder / "small.jsonl"), progress=lambda *a: seen.append(a))
    out = folder / "run"
    write_run(run, out)
    return run, out, seen


def test_run_writes_every_file(written_run):
    _, out, _ = written_run
    names = {p.name for p in out.iterdir()}
    assert {"results.jsonl", "summary.json", "report.md", "metrics_by_type.png", "latency.png"} <= names
    for png in ("metrics_by_type.png", "latency.png"):
        assert (out / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary, records = load_run(out)
    assert set(SUMMARY_KEYS) | {"n", "settings_hash", "settings", "code_version"} <= set(summary)
    assert summary["n"] == 4 and [r["id"] for r in records] == ["lemmas", "bench", "ghost", "protein"]
    assert summary["settings"]["retrieval"]["top_papers"] >= 1 and len(summary["settings_hash"]) == 12
    assert summary["n_by_type"] == {"factoid": 1, "followup": 1, "comparative": 1, "unanswerable": 1}
    report = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("## Overall", "## By type", "## Worst questions", "## How the figures are computed"):
        assert heading in report
    assert "![metrics_by_type.png](metrics_by_type.png)" in report


def test_malformed_line_and_unknown_title_are_reported(written_run):
    run, _, _ = written_run
    assert len(run.problems) == 1 and run.problems[0].startswith("line 3:")
    assert run.summary["unknown_titles"] == {"ghost": ["Ghost Prover: A Paper That Does Not Exist"]}
    ghost = next(r for r in run.records if r["id"] == "ghost")
    # The missing paper stays a gold paper nobody can find: at most half of the gold can be retrieved or cited.
    assert ghost["metrics"]["recall@5"] <= 0.5 and ghost["metrics"]["citation_recall"] <= 0.5
    assert "no indexed paper has the title" in (run.out_dir / "report.md").read_text(encoding="utf-8")


def test_records_hold_what_compare_and_the_report_need(written_run, engine):
    run, _, seen = written_run
    lemmas, bench, _, protein = run.records
    assert lemmas["gold_titles"][0].startswith("A Lean Dataset") and lemmas["ranking"]
    assert lemmas["ranking"][0]["paper_id"] in engine.papers
    assert all(key in lemmas for key in ("answer", "citations", "searched_query", "refused", "metrics",
                                         "latency_ms", "facts_found", "facts_missing", "sentences"))
    assert lemmas["facts_found"] + lemmas["facts_missing"] == ["1,329"]
    assert len(bench["history_latency_ms"]) == 1 and protein["history_latency_ms"] == []
    assert protein["metrics"]["recall@5"] is None
    assert protein["metrics"]["score"] == (1.0 if protein["refused"] else 0.0)
    assert seen[0] == (0, 4, "lemmas") and seen[-1] == (4, 4, "")


def test_overrides_change_settings_and_refuse_unknown_keys(engine):
    changed = apply_overrides(engine.settings, ["answer.refuse_below=0.5", "retrieval.retriever=bm25"])
    assert changed.answer.refuse_below == 0.5 and changed.retrieval.retriever == "bm25"
    assert changed.settings_hash() != engine.settings.settings_hash()
    assert changed.data_dir == engine.settings.data_dir
    with pytest.raises(OverrideError, match="refuse_bellow"):
        apply_overrides(engine.settings, ["answer.refuse_bellow=0.5"])
    with pytest.raises(OverrideError, match="KEY=VALUE"):
        apply_overrides(engine.settings, ["answer.refuse_below"])
    with pytest.raises(OverrideError):
        apply_overrides(engine.settings, ["retrieval.top_papers=0"])  # below the field's minimum


def test_cli_knows_run_and_compare(tmp_path):
    from ui.cli import build_parser

    args = build_parser().parse_args(["eval", "run", "dev", "--out", str(tmp_path), "--set", "answer.max_sentences=3"])
    assert (args.eval_command, args.file, args.overrides) == ("run", "dev", ["answer.max_sentences=3"])
    assert resolve_question_file("dev").name == "dev.jsonl"
    with pytest.raises(FileNotFoundError, match="shipped sets: dev"):
        resolve_question_file(str(tmp_path / "nope.jsonl"))
    args = build_parser().parse_args(["eval", "compare", "a", "b"])
    assert args.eval_command == "compare"
