"""A model server that misbehaves on purpose (issue 18: F1, F9, F10): whatever it sends, an answer ends within the
LLM timeout, reads a bounded amount of text, and fails in one sentence that says what to change."""

from __future__ import annotations

import threading
import time

import pytest
from fake_openai import events, keep_alive_forever

from rag.generation.answer import MAX_CHARS_PER_TOKEN
from rag.generation.base import GenerationError
from rag.generation.openai_compat import OpenAICompatible
from rag.settings import LLMSettings

MESSAGES = [{"role": "user", "content": "Say hello."}]
CODEX = "How many of the 397 test puzzles does Codex solve with a single try?"


@pytest.fixture(autouse=True)
def clean(openai_server):
    openai_server.reset()


def _within(seconds: float, work) -> object:
    """Runs `work` on a thread and fails the test if it has not finished after `seconds` (a hang, not a speed
    measure: the bound is many times the timeout under test)."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def test_keep_alive_comments_forever_end_in_the_timeout_error(openai_server):
    openai_server.raw_stream = keep_alive_forever(every_s=0.05)
    client = OpenAICompatible(openai_server.url, "fake-model", timeout_s=0.5)
    with pytest.raises(GenerationError) as caught:
        _within(30, lambda: list(client.stream(MESSAGES)))
    assert "did not answer within 0.5 s" in str(caught.value) and "PAPERCHAT_LLM__TIMEOUT_S" in str(caught.value)


def test_text_that_keeps_coming_is_not_cut_by_the_timeout(openai_server):
    """The timeout bounds each wait for text, not the whole reply: a slow but steady model still finishes."""
    openai_server.reply = lambda messages: " ".join(["word"] * 12)
    openai_server.chunk_delay_s = 0.1
    client = OpenAICompatible(openai_server.url, "fake-model", timeout_s=0.6)
    assert "".join(client.stream(MESSAGES)) == " ".join(["word"] * 12)


@pytest.mark.parametrize("payload", [
    ["not", "a", "chunk"],
    {"choices": "abc"},
    {"choices": [1, 2]},
    {"choices": [{"delta": "text"}]},
    {"choices": [{"delta": {"content": {"nested": True}}}]},
    42,
])
def test_events_of_the_wrong_shape_are_one_sentence(openai_server, payload):
    openai_server.raw_stream = events(payload)
    with pytest.raises(GenerationError, match=r"not a chat-completion chunk.*OpenAI-compatible"):
        list(OpenAICompatible(openai_server.url, "fake-model").stream(MESSAGES))


def test_the_cli_says_a_wrong_shape_in_one_line_with_exit_2(engine, openai_server, capsys):
    from ui.cli import main

    openai_server.raw_stream = events({"choices": [{"delta": ["x"]}]})
    code = main(["ask", CODEX, "--data-dir", str(engine.settings.data_dir), "--llm-base-url", openai_server.url,
                 "--llm-model", "fake-model"])
    err = capsys.readouterr().err
    assert code == 2 and "not a chat-completion chunk" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def llm_engine(engine, embedder, openai_server):
    from rag.engine import Engine

    llm = LLMSettings(base_url=openai_server.url, model="fake-model", max_tokens=50, timeout_s=0.5)
    return Engine(engine.settings.model_copy(update={"llm": llm}), embedder=embedder)


def test_a_reply_far_over_max_tokens_is_read_only_up_to_its_budget(llm_engine, openai_server):
    from rag.engine import Engine

    # The budget is what is checked, not the timeout: under a full suite's load the fake server may take more than
    # the module engine's 0.5 s to start a 540 KB reply (it failed once that way), so this engine waits longer.
    llm = llm_engine.settings.llm.model_copy(update={"timeout_s": 10.0})
    patient = Engine(llm_engine.settings.model_copy(update={"llm": llm}), embedder=llm_engine.embedder)
    openai_server.reply = lambda messages: "Codex solves 18% of the puzzles [1]. " * 15_000  # ~540 KB
    streamed = _within(120, lambda: list(patient.ask_stream(CODEX)))
    text = "".join(e for e in streamed[:-1] if isinstance(e, str))
    assert len(text) <= 50 * MAX_CHARS_PER_TOKEN
    assert streamed[-1].mode == "openai:fake-model" and streamed[-1].sentences


def test_the_engine_gives_up_on_a_server_that_only_keeps_alive(llm_engine, openai_server):
    openai_server.raw_stream = keep_alive_forever(every_s=0.05)
    with pytest.raises(GenerationError, match=r"did not answer within 0\.5 s"):
        _within(30, lambda: llm_engine.ask(CODEX))


@pytest.mark.slow
def test_one_visitor_waiting_on_a_stalled_model_does_not_hold_up_another(engine, embedder, openai_server):
    """Two clients of the real page: one asks through a model that only sends keep-alives, the other asks for an
    extractive answer meanwhile and gets it while the first is still waiting."""
    from gradio_client import Client
    from page_server import served

    from rag.engine import Engine

    llm = LLMSettings(base_url=openai_server.url, model="fake-model", timeout_s=20)
    stalled_engine = Engine(engine.settings.model_copy(update={"llm": llm}), embedder=embedder)
    openai_server.raw_stream = keep_alive_forever(every_s=0.2)
    with served(stalled_engine) as url:
        waiting = Client(url, verbose=False).submit(CODEX, api_name="/ask")  # the server's default: the LLM
        deadline = time.monotonic() + 15
        while not openai_server.requests and time.monotonic() < deadline:
            time.sleep(0.1)
        assert openai_server.requests, "the first question never reached the model"
        other = Client(url, verbose=False).predict("What does RLCoder propose?", "hybrid", 6, "extractive", False,
                                                   api_name="/ask")
        assert "RLCoder" in str(other[1]) and not waiting.done()
        first = waiting.result(timeout=60)
    assert "did not answer within 20 s" in str(first[1])
