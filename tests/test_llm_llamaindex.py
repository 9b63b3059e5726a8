"""The LLM layer on llama-index: any llama-index LLM class by import path (here a tiny CustomLLM defined below, and
llama-index's OpenAILike against a loopback server), Ollama through its integration, and the errors each says in
words. Answers come from whichever LLM is configured, streamed through llama-index's streaming chat."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fake_openai import closed_port_url, sources_in
from llama_index.core.base.llms.types import CompletionResponse, CompletionResponseGen, LLMMetadata
from llama_index.core.llms import CustomLLM
from llama_index.core.llms.callbacks import llm_completion_callback

from rag.generation.base import GenerationError
from rag.settings import LLMSettings
from rag.types import Answer

CODEX = "How many of the 397 test puzzles does Codex solve with a single try?"


class QuotingLLM(CustomLLM):
    """The smallest honest model: it repeats the prompt sentence that contains `cue` and cites it."""

    cue: str = "18% of 397"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="quoting-1")

    def _reply(self, prompt: str) -> str:
        n, text = next((n, t) for n, t in re.findall(r"^\[(\d+)\] (.*)$", prompt, re.M) if self.cue in t)
        return f"{text} [{n}]"

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._reply(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        def words() -> Iterator[CompletionResponse]:
            text = ""
            for word in re.findall(r"\S+\s*", self._reply(prompt)):
                text += word
                yield CompletionResponse(text=text, delta=word)

        return words()


def engine_with(engine, embedder, **llm: Any):
    from rag.engine import Engine

    return Engine(engine.settings.model_copy(update={"llm": LLMSettings(**llm)}), embedder=embedder)


def test_a_custom_llama_index_llm_chosen_by_import_path_writes_the_answer(engine, embedder):
    quoting = engine_with(engine, embedder, llamaindex_class=f"{__name__}:QuotingLLM",
                          llamaindex_kwargs={"cue": "18% of 397"})
    events = list(quoting.ask_stream(CODEX))
    answer = events[-1]
    assert isinstance(answer, Answer) and len(events) > 3  # streamed word by word
    assert answer.mode == "llamaindex:QuotingLLM:quoting-1" and answer.kind == "factoid"
    assert "18% of 397 test problems" in answer.answer and answer.answer.endswith("[1]")
    assert [c.title for c in answer.citations] == ["Programming Puzzles"] and answer.sentences[0].verified
    assert answer.tokens["prompt"] > 0 and answer.tokens["completion"] > 0


def test_the_same_custom_llm_writes_comparisons_too(engine, embedder):
    quoting = engine_with(engine, embedder, backend="llamaindex", llamaindex_class=f"{__name__}.QuotingLLM",
                          llamaindex_kwargs={"cue": "574K"})
    answer = quoting.ask("Compare DotaMath and InfinityMATH")
    assert answer.mode == "llamaindex:QuotingLLM:quoting-1" and answer.kind == "comparative"
    assert answer.table[0]["written_by"] == "model" and "574K" in answer.table[0]["summary"]


def test_llama_index_openai_like_by_import_path_answers_from_a_loopback_server(engine, embedder, openai_server):
    openai_server.reset()
    openai_server.reply = lambda m: next(f"{t} [{n}]" for n, t in sources_in(m).items() if "18% of 397" in t)
    like = engine_with(engine, embedder, llamaindex_class="llama_index.llms.openai_like.OpenAILike",
                       llamaindex_kwargs={"model": "fake-model", "api_base": openai_server.url, "api_key": "none",
                                          "is_chat_model": True, "max_retries": 0})
    answer = like.ask(CODEX)
    assert answer.mode == "llamaindex:OpenAILike:fake-model"
    assert openai_server.requests[-1]["stream"] is True and "18% of 397" in answer.answer
    assert answer.sentences[0].verified


def keep_alive_for(seconds: float):
    """A server that holds the stream with SSE comments for `seconds`, then hangs up without a token."""
    def body() -> Iterator[bytes]:
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            yield b": keep-alive\n\n"
            time.sleep(0.05)

    return body


def test_an_integration_whose_client_waits_on_keep_alives_ends_in_our_timeout(engine, embedder, openai_server):
    """The openai SDK's read timeout restarts with every comment; the wait for text is bounded above it."""
    openai_server.reset()
    openai_server.raw_stream = keep_alive_for(8)
    like = engine_with(engine, embedder, llamaindex_class="llama_index.llms.openai_like.OpenAILike", timeout_s=0.5,
                       llamaindex_kwargs={"model": "fake-model", "api_base": openai_server.url, "api_key": "none",
                                          "is_chat_model": True, "max_retries": 0})
    with pytest.raises(GenerationError, match=r"did not answer within 0\.5 s.*PAPERCHAT_LLM__TIMEOUT_S"):
        like.ask(CODEX)


def test_integration_errors_say_what_to_change(engine, embedder, openai_server):
    openai_server.reset()
    url = closed_port_url()
    kwargs = {"api_key": "none", "is_chat_model": True, "max_retries": 0}
    dead = engine_with(engine, embedder, llamaindex_class="llama_index.llms.openai_like.OpenAILike",
                       llamaindex_kwargs={"model": "m", "api_base": url, **kwargs})
    with pytest.raises(GenerationError, match=f"Cannot reach the LLM .* at {url}.*PAPERCHAT_LLM_BASE_URL"):
        dead.ask(CODEX)
    unknown = engine_with(engine, embedder, llamaindex_class="llama_index.llms.openai_like.OpenAILike",
                          llamaindex_kwargs={"model": "nope", "api_base": openai_server.url, **kwargs})
    with pytest.raises(GenerationError, match=r"has no model named 'nope'.*PAPERCHAT_LLM_MODEL"):
        unknown.ask(CODEX)


@pytest.mark.parametrize(("path", "kwargs", "says"), [
    ("", {}, "needs a class: set PAPERCHAT_LLM__LLAMAINDEX_CLASS"),
    ("Anthropic", {}, "is not an import path"),
    ("llama_index.llms.nowhere.Nowhere", {}, "install the integration that provides it"),
    ("llama_index.llms.ollama.Nowhere", {}, "has no 'Nowhere'"),
    ("rag.types.Paper", {}, "is not a llama-index LLM class"),
    (f"{__name__}:QuotingLLM", {"cue": 1, "bogus": True}, "fix PAPERCHAT_LLM__LLAMAINDEX_KWARGS"),
])
def test_a_bad_import_path_or_keyword_setting_is_one_sentence(tmp_path, path, kwargs, says):
    from rag.generation import make_generator

    llm = LLMSettings(backend="llamaindex", llamaindex_class=path, llamaindex_kwargs=kwargs)
    with pytest.raises(GenerationError, match=re.escape(says)):
        make_generator("llamaindex", llm, tmp_path)


@pytest.fixture(scope="module")
def ollama_server():
    from fake_ollama import FakeOllama

    fake = FakeOllama(lambda m: next(f"{t} [{n}]" for n, t in sources_in(m).items() if "18% of 397" in t))
    yield fake
    fake.close()


def test_ollama_answers_through_llama_index_s_ollama_integration(engine, embedder, ollama_server):
    ollama = engine_with(engine, embedder, backend="ollama", base_url=f"{ollama_server.url}/v1", model="llama3.2",
                         max_tokens=64)
    events = list(ollama.ask_stream(CODEX))
    answer = events[-1]
    assert answer.mode == "ollama:llama3.2" and len(events) > 3
    assert "18% of 397 test problems" in answer.answer and answer.sentences[0].verified
    request = ollama_server.requests[-1]
    assert request["stream"] is True and request["options"]["num_predict"] == 64
    assert request["options"]["num_ctx"] == 8192


def test_ollama_errors_say_what_to_change(engine, embedder, ollama_server):
    wrong = engine_with(engine, embedder, backend="ollama", base_url=ollama_server.url, model="llama9")
    with pytest.raises(GenerationError, match=r"has no model named 'llama9'.*ollama pull NAME"):
        wrong.ask(CODEX)
    url = closed_port_url().removesuffix("/v1")
    dead = engine_with(engine, embedder, backend="ollama", base_url=url, model="llama3.2")
    with pytest.raises(GenerationError, match=f"Cannot reach the LLM ollama:llama3.2 at {url}"):
        dead.ask(CODEX)
    with pytest.raises(GenerationError, match="needs a model: set PAPERCHAT_LLM_MODEL"):
        engine_with(engine, embedder, backend="ollama").ask(CODEX)
