"""The installed `paperchat` command, run as a user would, against a real store in a temporary folder."""

import json

import pytest
from cli_runner import run_cli as run


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("cli")
    first = run("ingest", "--quiet", data_dir=data_dir)
    second = run("ingest", "--quiet", data_dir=data_dir)
    return data_dir, first, second


def test_ingest_reports_the_67_builtin_papers_then_nothing_new(ingested):
    _, first, second = ingested
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("67 papers: 67 new, 0 updated, 0 unchanged; ")
    assert second.stdout.startswith("67 papers: 0 new, 0 updated, 67 unchanged; ")


def test_ask_json_cites_the_lean_dataset_and_quotes_the_lemma_count(ingested):
    data_dir, _, _ = ingested
    result = run("ask", "--json", "How many lemmas are in the dataset built from IMO proofs in Lean?",
                 data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert "1,329" in answer["answer"]
    titles = [c["title"] for c in answer["citations"]]
    assert any(t.startswith("A Lean Dataset for International Math Olympiad:") for t in titles)
    assert answer["query"] == "How many lemmas are in the dataset built from IMO proofs in Lean?"
    assert all({"n", "paper_id", "title", "quote"} <= c.keys() for c in answer["citations"])


def test_ask_without_an_index_says_how_to_build_one(tmp_path):
    result = run("ask", "What is RLCoder?", data_dir=tmp_path / "empty")
    assert result.returncode == 2
    assert "run `paperchat ingest` first" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_json_compares_two_papers_with_a_row_each(ingested):
    data_dir, _, _ = ingested
    result = run("ask", "--json", "Compare DotaMath and InfinityMATH", data_dir=data_dir)
    answer = json.loads(result.stdout)
    assert answer["kind"] == "comparative" and answer["refused"] is False
    assert [row["paper"] for row in answer["table"]] == ["DotaMath", "InfinityMATH"]
    assert len({c["paper_id"] for c in answer["citations"]}) == 2
    assert answer["verified_sentences"] == answer["total_sentences"] > 0


def test_terminal_chat_understands_a_follow_up(ingested):
    data_dir, _, _ = ingested
    result = run("chat", data_dir=data_dir, input="What is RLCoder?\nWhat benchmarks did it use?\n\n")
    assert result.returncode == 0, result.stderr
    assert "Searching for: What benchmarks did RLCoder use?" in result.stdout
    assert result.stdout.count("RLCoder: Reinforcement Learning for Repository-Level Code Completion") >= 2
