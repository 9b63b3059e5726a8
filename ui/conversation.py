"""One chat session's turns: what the page renders, exports and sends back to the engine as history.

Kept as plain data (no Gradio objects) so export and rendering can be tested without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.text.controls import LONE_SURROGATE
from rag.types import Answer


@dataclass
class Turn:
    question: str
    answer: Answer | None = None  # None when the question failed; `error` then says why
    error: str = ""

    def __post_init__(self) -> None:
        # A lone surrogate (bytes that were not text) cannot be sent to the browser or written to an export, and
        # kept in the history it would fail every later question: the turn keeps a displayable copy.
        self.question = LONE_SURROGATE.sub("\ufffd", self.question)


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    def history(self) -> list[str]:
        """Earlier questions that were answered: failed ones would only confuse follow-up condensing."""
        return [t.question for t in self.turns if t.answer is not None]

    def answered(self) -> list[tuple[int, Turn]]:
        """(1-based turn number, turn) for the answered turns; the number is what anchors and exports use."""
        return [(i, t) for i, t in enumerate(self.turns, start=1) if t.answer is not None]
