"""Prompt and reply sizes in tokens, counted with tiktoken: how much evidence fits a model's context window, and
what each answer cost.

One encoding for every backend: a model with another tokenizer (SmolLM2, Llama) counts a little differently, so
the evidence budget keeps a margin rather than trusting the count to the last token.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from rag.generation.base import GenerationError, Message

ENCODING = "cl100k_base"
PER_MESSAGE = 4  # role and separators of one chat message (OpenAI's accounting; others are close)
PER_REPLY = 3  # the assistant turn the reply is primed with
MARGIN = 0.9  # share of the context window a counted prompt may fill: another tokenizer may count more


@lru_cache(maxsize=1)
def _encoding() -> Any:
    import tiktoken

    try:
        return tiktoken.get_encoding(ENCODING)
    except Exception as exc:  # tiktoken downloads missing files: offline that is a network error of some kind
        raise GenerationError(
            f"tiktoken cannot load its {ENCODING} file ({type(exc).__name__}): call "
            "rag.offline.configure_offline() first (it points TIKTOKEN_CACHE_DIR at the copy llama-index-core "
            "ships), or set TIKTOKEN_CACHE_DIR to a folder holding it."
        ) from None


def count(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def chat_tokens(messages: Sequence[Message]) -> int:
    """Tokens of a chat prompt as the model receives it: contents plus each message's framing."""
    return sum(count(m["content"]) + PER_MESSAGE for m in messages) + PER_REPLY


def evidence_budget(fixed_tokens: int, context_window: int, max_tokens: int, evidence_tokens: int) -> int:
    """Tokens left for quoted evidence once the instructions, the question and the reply have their room."""
    room = int(context_window * MARGIN) - max_tokens - fixed_tokens
    if room <= 0:
        raise GenerationError(
            f"The prompt's instructions and question already take {fixed_tokens} tokens, leaving no room for "
            f"evidence in a context window of {context_window} tokens with {max_tokens} kept for the reply: raise "
            "PAPERCHAT_LLM__CONTEXT_WINDOW (if the model reads more) or lower PAPERCHAT_LLM__MAX_TOKENS."
        )
    return min(room, evidence_tokens)
