"""The one interface every answer-writing model meets: chat messages in, text deltas out.

Kept this small so an HTTP endpoint, a local transformers model and a test fake are interchangeable, and so
nothing outside rag/generation/ knows which one is in use.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from rag.errors import PaperchatError

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": ...}


class GenerationError(PaperchatError):
    """The model could not produce a reply; the message says what to change (a URL, a model name, a limit)."""


class Generator(Protocol):
    name: str  # shown as the Answer's mode, e.g. "openai:llama3.2" or "local:SmolLM2-135M-Instruct"

    def stream(self, messages: list[Message]) -> Iterator[str]:
        """Yields the reply as it is produced; raises GenerationError with a readable message on failure."""
        ...


def complete(generator: Generator, messages: list[Message]) -> str:
    """The whole reply at once, for uses where nobody watches tokens arrive (condensing a follow-up)."""
    return "".join(generator.stream(messages))
