"""Limits on what one question may ask for: each refused with a one-line message that says what to change."""

from __future__ import annotations

import pytest
from cli_runner import run_cli

from rag.engine import QuestionError


@pytest.mark.parametrize("value", ["0", "51", "many"])
def test_top_papers_out_of_range_is_a_usage_error_naming_the_bounds(tmp_path, value):
    result = run_cli("ask", "--top-papers", value, "What is RLCoder?", data_dir=tmp_path)
    assert result.returncode == 2
    assert "argument --top-papers:" in result.stderr
    expected = f"expected a whole number, got '{value}'" if value == "many" else f"between 1 and 50, got {value}"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_top_papers_out_of_range_in_the_environment_names_the_variable(tmp_path):
    result = run_cli("ask", "What is RLCoder?", data_dir=tmp_path, PAPERCHAT_RETRIEVAL__TOP_PAPERS="500")
    assert result.returncode == 2
    assert result.stderr.startswith(
        "paperchat: invalid setting retrieval.top_papers='500' (env PAPERCHAT_RETRIEVAL__TOP_PAPERS): "
        "Input should be less than or equal to 50")
    assert "Traceback" not in result.stderr


def test_a_question_over_the_length_limit_is_refused_with_the_limit(fresh_engine, tmp_path):
    question = "Which benchmark does RLCoder use? " * 40
    with pytest.raises(QuestionError, match=r"The question is 1,359 characters long; the limit is 1,000"):
        fresh_engine.ask(question)
    result = run_cli("ask", question, data_dir=tmp_path)
    assert result.returncode == 2
    assert "the limit is 1,000. Please shorten it." in result.stderr
    assert "Traceback" not in result.stderr
