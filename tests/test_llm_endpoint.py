"""The OpenAI-compatible client against a real HTTP server on loopback: both reply shapes, and every failure
turned into words that say what to change."""

from __future__ import annotations

import pytest
from fake_openai import closed_port_url

from rag.generation.base import GenerationError
from rag.generation.openai_compat import OpenAICompatible

MESSAGES = [{"role": "user", "content": "Say hello."}]


@pytest.fixture(autouse=True)
def clean(openai_server):
    openai_server.reset()
    openai_server.reply = lambda messages: "Hello there, reader. Two sentences [1]."


def test_streamed_reply_arrives_in_pieces_and_the_request_has_the_openai_shape(openai_server):
    client = OpenAICompatible(openai_server.url, "fake-model", api_key="sk-test", max_tokens=77)
    pieces = list(client.stream(MESSAGES))
    assert len(pieces) > 3 and "".join(pieces) == "Hello there, reader. Two sentences [1]."
    body = openai_server.requests[-1]
    assert body["model"] == "fake-model" and body["messages"] == MESSAGES and body["stream"] is True
    assert body["max_tokens"] == 77 and body["temperature"] == 0.0
    assert openai_server.headers[-1]["Authorization"] == "Bearer sk-test"


def test_unstreamed_reply_comes_whole(openai_server):
    client = OpenAICompatible(openai_server.url, "fake-model", stream=False)
    assert list(client.stream(MESSAGES)) == ["Hello there, reader. Two sentences [1]."]
    assert openai_server.requests[-1]["stream"] is False
    assert "Authorization" not in openai_server.headers[-1]  # no key configured, none sent


def test_unreachable_endpoint_says_to_start_the_server_or_unset_the_url():
    url = closed_port_url()
    with pytest.raises(GenerationError) as caught:
        list(OpenAICompatible(url, "fake-model").stream(MESSAGES))
    message = str(caught.value)
    assert f"Cannot reach the LLM at {url}" in message
    assert "is the server (Ollama, vLLM, …) running there?" in message and "unset PAPERCHAT_LLM_BASE_URL" in message


@pytest.mark.parametrize("stream", [True, False])
def test_wrong_model_name_lists_the_models_the_server_has(openai_server, stream):
    with pytest.raises(GenerationError) as caught:
        list(OpenAICompatible(openai_server.url, "llama9", stream=stream).stream(MESSAGES))
    message = str(caught.value)
    assert "has no model named 'llama9'" in message and "It serves: fake-model." in message
    assert "PAPERCHAT_LLM_MODEL" in message


def test_slow_endpoint_times_out_with_the_setting_to_raise(openai_server):
    openai_server.delay_s = 1.5
    with pytest.raises(GenerationError) as caught:
        list(OpenAICompatible(openai_server.url, "fake-model", timeout_s=0.3).stream(MESSAGES))
    assert "did not answer within 0.3 s" in str(caught.value) and "PAPERCHAT_LLM__TIMEOUT_S" in str(caught.value)


def test_rejected_key_names_the_variable_and_never_the_key(openai_server):
    openai_server.api_key = "sk-right"
    with pytest.raises(GenerationError) as caught:
        list(OpenAICompatible(openai_server.url, "fake-model", api_key="sk-wrong").stream(MESSAGES))
    message = str(caught.value)
    assert "HTTP 401" in message and "PAPERCHAT_LLM_API_KEY" in message and "sk-wrong" not in message


def test_a_base_url_without_v1_gets_a_hint(openai_server):
    with pytest.raises(GenerationError, match="usually ends in /v1"):
        list(OpenAICompatible(openai_server.url.removesuffix("/v1"), "fake-model").stream(MESSAGES))


def test_a_url_that_is_not_http_is_refused_before_any_request():
    with pytest.raises(GenerationError, match="must start with http:// or https://"):
        OpenAICompatible("localhost:11434", "m")


def test_without_a_model_name_the_servers_only_model_is_used(openai_server):
    client = OpenAICompatible(openai_server.url, "")
    assert "".join(client.stream(MESSAGES)).startswith("Hello")
    assert openai_server.requests[-1]["model"] == "fake-model" and client.name == "openai:fake-model"
    openai_server.models = ["a", "b"]
    try:
        with pytest.raises(GenerationError, match=r"No LLM model is set.*It serves: a, b"):
            list(OpenAICompatible(openai_server.url, "").stream(MESSAGES))
    finally:
        openai_server.models = ["fake-model"]
