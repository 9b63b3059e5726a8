"""Any llama-index LLM as our Generator: chat messages in, text deltas out, through llama-index's streaming chat.

This is the one place answers meet llama-index's LLM interface, so whichever integration writes (our own
endpoint client, Ollama, Anthropic, a custom class) the pipeline sees the same two things: deltas, and a
GenerationError whose message says what to change. Integrations raise their own exception types; they are told
apart by name and status code, so none of their packages is imported to recognise them.

An integration's client may wait on a socket that never delivers text; where its own timeout cannot be trusted,
`timeout_s` bounds each wait for the next piece of text by reading the stream on a worker thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from rag.generation.base import GenerationError, Message

_TIMEOUTS = {"TimeoutException", "APITimeoutError", "TimeoutError", "ReadTimeout", "ConnectTimeout", "Timeout"}
_UNREACHABLE = {"ConnectError", "APIConnectionError", "ConnectionError"}
_REFUSED = {"AuthenticationError", "PermissionDeniedError"}


class LlamaIndexGenerator:
    """A llama-index LLM behind our Generator protocol. `where` and `model` only serve the error messages."""

    def __init__(self, llm: Any, name: str | Callable[[], str], *, where: str = "", model: str = "",
                 timeout_s: float | None = None, stream: bool = True) -> None:
        self.llm = llm
        self._name = name
        self.where = where
        self.model = model
        self.timeout_s = timeout_s
        self.streaming = stream

    @property
    def name(self) -> str:
        return self._name() if callable(self._name) else self._name

    def stream(self, messages: list[Message]) -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        chat = [ChatMessage(role=m["role"], content=m["content"]) for m in messages]
        replies = self._replies(chat)
        if self.timeout_s is not None:
            replies = _each_within(replies, self.timeout_s, self._timed_out)
        try:
            for reply in replies:
                if reply:
                    yield reply
        except GenerationError:
            raise
        except Exception as exc:
            raise self.explain(exc) from None
        finally:
            close = getattr(replies, "close", None)
            if close is not None:
                close()

    def _replies(self, chat: list[Any]) -> Iterator[str]:
        if not self.streaming:
            yield self.llm.chat(chat).message.content or ""
            return
        responses = self.llm.stream_chat(chat)
        try:
            for response in responses:
                yield response.delta or ""
        finally:
            close = getattr(responses, "close", None)
            if close is not None:
                close()  # down to the transport: an HTTP request ends here, not when collected

    def _timed_out(self) -> GenerationError:
        return GenerationError(
            f"The LLM {self.name}{self._at()} did not answer within {self.timeout_s:g} s: the model may still be "
            "loading, or be too slow for this machine. Raise PAPERCHAT_LLM__TIMEOUT_S, choose a smaller model, or "
            "try again."
        )

    def _at(self) -> str:
        return f" at {self.where}" if self.where else ""

    def explain(self, exc: BaseException) -> GenerationError:
        """The integration's exception as a sentence saying what to change."""
        names = {cls.__name__ for cls in type(exc).__mro__}
        said = " ".join(str(exc).split())[:300] or type(exc).__name__
        status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
        if names & _TIMEOUTS:
            return self._timed_out()
        if names & _UNREACHABLE:
            return GenerationError(
                f"Cannot reach the LLM {self.name}{self._at()} ({said}): is its server running there? Set "
                "PAPERCHAT_LLM_BASE_URL to where it listens, or answer with --backend extractive."
            )
        if names & _REFUSED or status in (401, 403):
            return GenerationError(
                f"The LLM {self.name}{self._at()} refused the request ({said}): set its key (PAPERCHAT_LLM_API_KEY, "
                "or the integration's own variable such as ANTHROPIC_API_KEY)."
            )
        if status == 404 and "model" in said.lower():
            return GenerationError(
                f"The LLM{self._at()} has no model named {self.model!r} ({said}). Set PAPERCHAT_LLM_MODEL (or "
                "--llm-model) to one of its models; with Ollama, `ollama list` shows them and `ollama pull NAME` "
                "adds one."
            )
        return GenerationError(f"The LLM {self.name}{self._at()} failed ({type(exc).__name__}: {said}).")


def _each_within(items: Iterator[str], timeout_s: float, timed_out: Callable[[], GenerationError]) -> Iterator[str]:
    """`items`, read on a worker thread, giving up when the next one takes longer than `timeout_s`.

    A socket read cannot be interrupted from outside, so a stalled worker is left behind (a daemon thread that
    ends when its connection does) while the question ends now; whatever it reads after that is dropped."""
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def pump() -> None:
        try:
            for item in items:
                if stop.is_set():
                    break
                pieces.put(("item", item))
            pieces.put(("end", None))
        except BaseException as exc:  # handed to the reading thread
            pieces.put(("error", exc))
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()

    threading.Thread(target=pump, name="paperchat-llm-stream", daemon=True).start()
    try:
        while True:
            try:
                kind, value = pieces.get(timeout=timeout_s)
            except queue.Empty:
                raise timed_out() from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
