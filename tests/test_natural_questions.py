"""Questions worded the way researchers ask, over the built-in corpus: the shapes the issue names, end to end."""

from __future__ import annotations

import json

from cli_runner import run_cli


def _titles(answer) -> list[str]:
    return [row["title"] for row in answer.table or []]


def test_a_named_paper_or_a_described_one_are_both_rows(engine):
    answer = engine.ask("Is KV Prediction or the dynamic-inference code completion method aimed at cutting latency, "
                        "and how?")
    assert answer.kind == "comparative" and len(answer.table) == 2
    assert _titles(answer)[0] == "KV Prediction for Improved Time to First Token"
    assert _titles(answer)[1].startswith("When Neural Code Completion Models Size up the Situation")
    assert {c.paper_id for c in answer.citations} == {row["paper_id"] for row in answer.table}


def test_a_benchmark_the_named_paper_gives_no_figure_for_is_refused_and_says_so(engine, tmp_path):
    answer = engine.ask("What MT-Bench score does Stable Code Instruct get?")
    assert answer.refused and "MT-Bench" in answer.answer and "Stable Code" in answer.answer
    assert answer.citations == []
    result = run_cli("ask", "--json", "What MT-Bench score does Stable Code Instruct get?",
                     data_dir=engine.settings.data_dir)
    data = json.loads(result.stdout)
    assert data["refused"] is True and "MT-Bench" in data["answer"] and data["citations"] == []


def test_possessives_and_three_papers_make_a_comparison_of_all_of_them(engine):
    answer = engine.ask("What does each of Codev-Bench, ExecRepoBench and GitChameleon test?")
    assert answer.kind == "comparative"
    assert [t.split(":")[0] for t in _titles(answer)] == ["Codev-Bench", "ExecRepoBench", "GitChameleon"]


def test_which_is_better_on_a_benchmark_quotes_each_papers_figure_on_it(engine):
    answer = engine.ask("Which gives the bigger jump on HumanEval, LintSeq or FunCoder?")
    assert answer.kind == "comparative" and len(answer.table) == 2
    assert all("HumanEval" in (row["aspect"] or "") for row in answer.table)


def test_a_pronoun_with_nothing_before_it_gets_a_question_back(engine):
    answer = engine.ask("Tell me more about it")
    assert answer.refused and answer.kind == "clarify" and answer.citations == []
    assert "Which paper do you mean?" in answer.answer


def test_them_after_a_list_narrows_that_list(engine):
    first = "Which papers work on formal theorem proving in Lean?"
    answer = engine.ask("Which of them also use Isabelle?", history=[first])
    assert answer.kind == "list" and "Isabelle" in answer.answer
    assert answer.searched_query.startswith("Which papers")
    assert all("Isabelle" in c.quote for c in answer.citations)
