"""The page's own limits, met the way a careless or hostile client would meet them: an oversized upload to the
running page, a question set too large to evaluate, and papers-per-answer out of range sent straight to the API
(the Settings slider cannot go there). Each is refused with a message that names the limit."""

from __future__ import annotations

import json

import httpx
import pytest

from ui.evaluate_tab import MAX_QUESTIONS, MAX_UPLOAD_BYTES, EvaluationError, evaluate


def _question(i: int) -> str:
    return json.dumps({"id": f"q{i}", "type": "factoid", "question": f"What is RLCoder, question {i}?",
                       "expected_titles": ["RLCoder: Reinforcement Learning for Repository-Level Code Completion"]})


def test_the_running_page_refuses_an_upload_over_the_limit_while_it_arrives(app_url):
    upload = f"{app_url}gradio_api/upload"
    small = httpx.post(upload, files={"files": ("set.jsonl", _question(1).encode())}, timeout=60)
    assert small.status_code == 200 and small.json()[0].endswith("set.jsonl")
    big = httpx.post(upload, files={"files": ("big.jsonl", b"x" * (MAX_UPLOAD_BYTES + 1))}, timeout=60)
    assert big.status_code == 413
    assert f"maximum allowed size of {MAX_UPLOAD_BYTES} bytes" in big.text


def test_an_oversized_question_set_gets_a_message_with_the_limit(engine, write):
    path = write("huge.jsonl", (_question(1) + "\n") * (MAX_UPLOAD_BYTES // len(_question(1)) + 2))
    with pytest.raises(EvaluationError, match=r"huge.jsonl is 2.\d MB; an uploaded question set may be at most 2 MB. "
                       r"Split it into smaller files. The command line has no such limit: `paperchat eval run FILE`."):
        evaluate(engine, "dev", str(path))


def test_too_many_questions_are_refused_before_any_is_asked(engine, write, tmp_path):
    path = write("many.jsonl", "\n".join(_question(i) for i in range(MAX_QUESTIONS + 1)))
    assert path.stat().st_size < MAX_UPLOAD_BYTES  # it is the count that is refused here, not the size
    with pytest.raises(EvaluationError, match=rf"many.jsonl has {MAX_QUESTIONS + 1:,} questions; the page runs at "
                       rf"most {MAX_QUESTIONS:,} at a time"):
        evaluate(engine, None, str(path), out_root=tmp_path)
    assert not list(tmp_path.glob("paperchat-eval-*"))  # nothing was run or written


@pytest.mark.parametrize(("top_papers", "message"), [
    (500, "Value 500 is greater than maximum value 20."), (0, "Value 0 is less than minimum value 1.")])
def test_papers_per_answer_out_of_range_through_the_api_is_refused_with_the_bound(app_url, top_papers, message):
    """The Settings slider's own bounds (1-20) hold for a client that skips the page and calls the API."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(app_url, verbose=False)
    with pytest.raises(AppError, match=message):
        client.predict("What is RLCoder?", "hybrid", top_papers, api_name="/ask")
    chat = client.predict("What is RLCoder?", "hybrid", 3, api_name="/ask")[1]
    assert len(chat) == 2 and "RLCoder" in json.dumps(chat)  # the refused call left no turn behind
