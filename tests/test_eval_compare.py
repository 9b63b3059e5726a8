"""`eval compare` on two hand-made run folders: metric deltas, differing settings, changed questions."""

from __future__ import annotations

import json

from eval.compare_command import compare_runs, delta
from eval.runner import load_run
from ui.cli import main


def record(qid: str, score: float, refused: bool = False, cited: tuple[str, ...] = ("P",),
           facts: tuple[str, ...] = (), answer: str = "an answer") -> dict:
    return {"id": qid, "type": "factoid", "question": f"question {qid}?", "answer": answer, "refused": refused,
            "metrics": {"score": score}, "citations": [{"title": t} for t in cited], "facts_found": list(facts),
            "error": None}


def write_run(folder, summary: dict, records: list[dict]):
    folder.mkdir()
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    (folder / "results.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def summary(**figures) -> dict:
    return {"n": 3, "settings_hash": "aaa", "question_set": "dev.jsonl", "question_set_digest": "d1",
            "settings": {"answer": {"refuse_below": 0.3}, "retrieval": {"top_papers": 6}},
            "per_type": {"factoid": {"n": 3, "mean_score": 0.5}}, **figures}


def test_compare_shows_deltas_settings_and_changed_questions(tmp_path, capsys):
    a = write_run(tmp_path / "a", summary(**{"recall@5": 0.8, "false_refusal_rate": 0.1, "latency_ms_p50": 900.0}),
                  [record("q1", 1.0), record("q2", 0.5, facts=("18%",)), record("q3", 1.0), record("q4", 1.0)])
    b_summary = summary(**{"recall@5": 0.9, "false_refusal_rate": 0.2, "latency_ms_p50": 800.0})
    b_summary["settings"]["answer"]["refuse_below"] = 0.4
    b_summary["settings_hash"] = "bbb"
    b = write_run(tmp_path / "b", b_summary,
                  [record("q1", 0.0, refused=True, cited=()), record("q2", 0.75, facts=("18%", "397")),
                   record("q3", 1.0, answer="worded differently"), record("q5", 1.0)])
    text = compare_runs(load_run(a), load_run(b), names=("a", "b"))

    assert "| recall@5 | 0.800 | 0.900 | +0.100 better |" in text
    assert "| false_refusal_rate | 0.100 | 0.200 | +0.100 worse |" in text  # lower is better here
    assert "| latency_ms_p50 | 900 | 800 | -100 better |" in text
    assert "| answer.refuse_below | `0.3` | `0.4` |" in text and "top_papers" not in text.split("## Settings")[1]
    assert "## Questions that changed (2)" in text
    assert "| q1 | factoid | score 1.000 → 0.000; now refused; cites +0 −1 papers |" in text
    assert "facts +397" in text
    assert "| q3 |" not in text  # same score, citations and facts: a rewording is not a change
    assert "only in A: q4" in text and "only in B: q5" in text
    # Worst change first in the details.
    assert text.index("### q1") < text.index("### q2")

    out = tmp_path / "cmp.md"
    assert main(["eval", "compare", str(a), str(b), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") in capsys.readouterr().out


def test_compare_of_a_folder_that_is_not_a_run_says_so(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["eval", "compare", str(tmp_path / "empty"), str(tmp_path / "empty")]) == 2
    assert "summary.json is missing" in capsys.readouterr().err


def test_delta_direction():
    assert delta("fact_recall", 0.5, 0.5) == "="
    assert delta("fact_recall", 0.5, None) == ""
    assert delta("latency_ms_p95", 100.0, 150.0) == "+50 worse"
