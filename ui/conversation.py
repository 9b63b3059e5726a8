"""One chat session's turns: what the page renders, exports and sends back to the engine as history.

Kept as plain data (no Gradio objects) so export and rendering can be tested without a browser, and so the
conversation store (ui/conversation_store.py) can write it down and read it back after a reload.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rag.text.controls import LONE_SURROGATE
from rag.types import Answer

TITLE_CHARS = 80  # a conversation's name in the side list: its first question, cut here


@dataclass
class Turn:
    question: str
    answer: Answer | None = None  # None when the question failed or was stopped; `error` then says why
    error: str = ""
    scope: tuple[str, ...] = ()  # the paper ids the question was asked within; empty: every indexed paper
    stopped: bool = False  # the reader pressed Stop before the answer was finished

    def __post_init__(self) -> None:
        # A lone surrogate (bytes that were not text) cannot be sent to the browser or written to an export, and
        # kept in the history it would fail every later question: the turn keeps a displayable copy.
        self.question = LONE_SURROGATE.sub("\ufffd", self.question)
        self.scope = tuple(self.scope)


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)
    id: str = ""  # its key in the conversation store; empty until its first turn is saved
    title: str = ""  # the name the reader gave it; empty: named after its first question
    # The question being answered right now: Stop turns it into a stopped turn, even while the answer's
    # generator is still being cancelled, so a late answer cannot land after the reader stopped it.
    pending: Turn | None = None

    def history(self) -> list[str]:
        """Earlier questions that were answered: failed ones would only confuse follow-up condensing."""
        return [t.question for t in self.turns if t.answer is not None]

    def answered(self) -> list[tuple[int, Turn]]:
        """(1-based turn number, turn) for the answered turns; the number is what anchors and exports use."""
        return [(i, t) for i, t in enumerate(self.turns, start=1) if t.answer is not None]

    def name(self) -> str:
        """What the side list shows: the given title, else the first question, on one line."""
        text = " ".join((self.title or (self.turns[0].question if self.turns else "") or "New conversation").split())
        return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"
