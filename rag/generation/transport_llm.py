"""Our own model clients as llama-index LLMs: the hardened OpenAI-protocol client (openai_compat.py) and the local
transformers model (local_model.py, e.g. the packaged SmolLM2) become `CustomLLM`s, so every backend is a
llama-index LLM and the same objects serve a llama-index application (with the retriever in
rag/integrations/llamaindex_retriever.py).

Why not llama-index's OpenAILike for the openai backend: it reads server-sent events through the openai SDK, whose
read timeout restarts with every byte, so a server sending `: keep-alive` comments forever holds the answer
forever; it retries on its own (each retry another full timeout); and a malformed event surfaces as a validation
traceback. Our client bounds each wait for text, reads no more than asked, and says what to change in one line.
OpenAILike stays one import path away (backend=llamaindex) for anyone who wants it.

Chat is native here: `CustomLLM` would flatten messages into one prompt string, losing the system message that
fences the abstracts as data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from pydantic import PrivateAttr

from rag.generation.base import Message


class Transport(Protocol):
    name: str

    def stream(self, messages: list[Message]) -> Iterator[str]: ...


def _plain(messages: Sequence[ChatMessage]) -> list[Message]:
    return [{"role": str(m.role.value if isinstance(m.role, MessageRole) else m.role), "content": m.content or ""}
            for m in messages]


class TransportLLM(CustomLLM):
    """One of our clients (anything with `name` and `stream(messages)`) as a llama-index chat LLM."""

    context_window: int = 8192
    num_output: int = 200
    _transport: Any = PrivateAttr()

    def __init__(self, transport: Transport, *, context_window: int = 8192, num_output: int = 200) -> None:
        super().__init__(context_window=context_window, num_output=num_output)
        self._transport = transport

    @classmethod
    def class_name(cls) -> str:
        return "paperchat_transport_llm"

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.num_output, is_chat_model=True,
                           model_name=self._transport.name)

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = "".join(self._transport.stream(_plain(messages)))
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        deltas = self._transport.stream(_plain(messages))

        def responses() -> ChatResponseGen:
            text = ""
            try:
                for delta in deltas:
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=delta)
            finally:
                close = getattr(deltas, "close", None)
                if close is not None:
                    close()

        return responses()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text="".join(self._transport.stream([{"role": "user", "content": prompt}])))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        deltas = self._transport.stream([{"role": "user", "content": prompt}])

        def responses() -> CompletionResponseGen:
            text = ""
            for delta in deltas:
                text += delta
                yield CompletionResponse(text=text, delta=delta)

        return responses()
