"""Any server speaking the OpenAI chat-completions protocol (Ollama, vLLM, llama.cpp server, OpenAI), over httpx.

Plain HTTP rather than an SDK: the protocol is two JSON shapes and server-sent events, and owning it lets every
failure (refused connection, unknown model, slow server) be turned into a sentence saying what to change.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx

from rag.generation.base import GenerationError, Message

_UNSET_HINT = "Or unset PAPERCHAT_LLM_BASE_URL for extractive answers."


class OpenAICompatible:
    def __init__(self, base_url: str, model: str, *, api_key: str | None = None, timeout_s: float = 60.0,
                 stream: bool = True, max_tokens: int = 200, temperature: float = 0.0) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise GenerationError(
                f"The LLM base URL {base_url!r} must start with http:// or https:// "
                "(e.g. http://127.0.0.1:11434/v1 for Ollama). " + _UNSET_HINT
            )
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.streaming = stream
        self.max_tokens = max_tokens
        self.temperature = temperature

    @property
    def name(self) -> str:
        return f"openai:{self.model or '?'}"

    def stream(self, messages: list[Message]) -> Iterator[str]:
        try:
            with httpx.Client(timeout=httpx.Timeout(self.timeout_s), headers=self._headers()) as client:
                body = {"model": self._model(client), "messages": messages, "stream": self.streaming,
                        "max_tokens": self.max_tokens, "temperature": self.temperature}
                url = f"{self.base_url}/chat/completions"
                with client.stream("POST", url, json=body) as response:
                    if response.status_code != 200:
                        response.read()
                        self._check(response, client)
                    if not self.streaming:
                        yield _message_content(_json(_read_within(response, self.timeout_s), self.base_url))
                        return
                    yield from _sse_deltas(response, self.base_url, self.timeout_s)
        except httpx.ConnectError as exc:
            raise GenerationError(
                f"Cannot reach the LLM at {self.base_url} ({_reason(exc)}): is the server (Ollama, vLLM, …) running "
                f"there? {_UNSET_HINT}"
            ) from None
        except (httpx.TimeoutException, _Stalled):
            raise GenerationError(
                f"The LLM at {self.base_url} did not answer within {self.timeout_s:g} s: the model may still be "
                "loading, or be too slow for this machine. Raise PAPERCHAT_LLM__TIMEOUT_S, choose a smaller model, "
                f"or try again. {_UNSET_HINT}"
            ) from None
        except httpx.HTTPError as exc:
            raise GenerationError(
                f"Talking to the LLM at {self.base_url} failed ({type(exc).__name__}: {_reason(exc)}). {_UNSET_HINT}"
            ) from None

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    def _model(self, client: httpx.Client) -> str:
        """The configured model; with none configured, the server's only model (vLLM serves exactly one)."""
        if self.model:
            return self.model
        served = self.models(client)
        if len(served) == 1:
            self.model = served[0]
            return self.model
        listed = f"It serves: {', '.join(served)}." if served else "It lists no models."
        raise GenerationError(
            f"No LLM model is set: set PAPERCHAT_LLM_MODEL (or --llm-model) to one that {self.base_url} serves. "
            f"{listed}"
        )

    def models(self, client: httpx.Client) -> list[str]:
        """What GET /models lists; empty when the server has no such route. An unreachable server raises (the
        caller turns that into "cannot reach"), since "no models" would send the user the wrong way."""
        response = client.get(f"{self.base_url}/models")
        try:
            data = response.json() if response.status_code == 200 else {}
        except ValueError:
            return []
        items = (data.get("data") or data.get("models") or []) if isinstance(data, dict) else []
        names = [m.get("id") or m.get("name") for m in items if isinstance(m, dict)]
        return [str(n) for n in names if n]

    def _check(self, response: httpx.Response, client: httpx.Client) -> None:
        if response.status_code == 200:
            return
        said = _error_message(response)
        code = response.status_code
        if code in (401, 403):
            raise GenerationError(
                f"The LLM at {self.base_url} refused the request (HTTP {code}: {said}): set PAPERCHAT_LLM_API_KEY "
                "to a key it accepts."
            )
        if code == 404 and ("model" in said.lower() or "model_not_found" in response.text):
            served = self.models(client)
            listed = f" It serves: {', '.join(served)}." if served else ""
            raise GenerationError(
                f"The LLM at {self.base_url} has no model named {self.model!r} ({said}).{listed} Set "
                "PAPERCHAT_LLM_MODEL (or --llm-model) to one of its models; with Ollama, `ollama list` shows them "
                "and `ollama pull NAME` adds one."
            )
        if code == 404:
            raise GenerationError(
                f"{self.base_url}/chat/completions does not exist (HTTP 404): the base URL of an OpenAI-compatible "
                "server usually ends in /v1, e.g. http://127.0.0.1:11434/v1 (Ollama) or http://127.0.0.1:8000/v1 "
                "(vLLM)."
            )
        raise GenerationError(f"The LLM at {self.base_url} answered HTTP {code}: {said}")


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _json(body: bytes, base_url: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise GenerationError(
            f"The LLM at {base_url} answered with something that is not JSON: is it an OpenAI-compatible API?"
        ) from None


def _error_message(response: httpx.Response) -> str:
    """The server's own words: OpenAI and vLLM nest them under error.message, Ollama puts a string in error."""
    try:
        data = response.json()
    except ValueError:
        return " ".join(response.text.split())[:200] or response.reason_phrase
    if isinstance(data, dict):
        error = data.get("error", data)
        if isinstance(error, dict):
            return str(error.get("message") or error)[:300]
        return str(error)[:300]
    return str(data)[:300]


def _message_content(data: Any) -> str:
    try:
        content = data["choices"][0]["message"].get("content") or ""
    except (KeyError, IndexError, TypeError, AttributeError):
        raise GenerationError(f"The LLM's reply has no choices[0].message: {str(data)[:200]}") from None
    if not isinstance(content, str):
        raise GenerationError(f"The LLM's reply has content that is not text: {str(content)[:200]}")
    return content


def _read_within(response: httpx.Response, timeout_s: float) -> bytes:
    """Reads a whole reply body, giving up after `timeout_s` in all: a server trickling bytes never times out a
    read, and must not hold the answer forever."""
    started = time.monotonic()
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if time.monotonic() - started > timeout_s:
            raise _Stalled
    return bytes(body)


class _Stalled(Exception):
    """The server kept the connection busy (keep-alive comments, empty events) without sending any text."""


def _sse_deltas(response: httpx.Response, base_url: str, timeout_s: float) -> Iterator[str]:
    """Content deltas of a chat-completions event stream: `data: {json}` lines, ending with `data: [DONE]`.

    httpx's read timeout restarts with every byte, so a server that streams `: keep-alive` comments forever would
    hold the answer (and the caller) forever; only text counts as progress here, and `timeout_s` bounds the wait
    for the first piece of text and each gap between pieces."""
    waiting_since = time.monotonic()
    for line in response.iter_lines():
        if time.monotonic() - waiting_since > timeout_s:
            raise _Stalled
        if not line.startswith("data:"):
            continue  # blank separators, ": keep-alive" comments, "event:" lines
        payload = line[len("data:"):].strip()
        if payload == "[DONE]":
            return
        try:
            event = json.loads(payload)
        except ValueError:
            raise GenerationError(f"The LLM at {base_url} sent an event that is not JSON: {payload[:120]}") from None
        for content in _event_contents(event, base_url, payload):
            waiting_since = time.monotonic()
            yield content


def _event_contents(event: Any, base_url: str, payload: str) -> list[str]:
    """The text pieces of one streamed event; an event of another shape is the server's error, said as such."""
    if isinstance(event, dict) and event.get("error"):
        error = event["error"]
        said = error.get("message", error) if isinstance(error, dict) else error
        raise GenerationError(f"The LLM at {base_url} stopped with an error: {said}")
    choices = event.get("choices") if isinstance(event, dict) else None
    if choices is None:
        choices = []
    wrong = GenerationError(
        f"The LLM at {base_url} sent an event that is not a chat-completion chunk: {payload[:120]} "
        "Is it an OpenAI-compatible API?"
    )
    if not isinstance(event, dict) or not isinstance(choices, list):
        raise wrong
    contents = []
    for choice in choices:
        if not isinstance(choice, dict):
            raise wrong
        delta = choice.get("delta")
        if delta is None:
            continue
        if not isinstance(delta, dict):
            raise wrong
        content = delta.get("content")
        if content is None:
            continue
        if not isinstance(content, str):
            raise wrong
        if content:
            contents.append(content)
    return contents
