"""Plain-text rendering of an Answer for the terminal."""

from __future__ import annotations

from rag.text.controls import strip_controls
from rag.types import Answer


def answer_as_text(answer: Answer) -> str:
    """The answer, its flagged sentences and its sources, with any escape sequence a title or abstract carried
    removed: the terminal would obey it."""
    lines = []
    if answer.searched_query != answer.query:
        lines.append(f"Searching for: {answer.searched_query}")
        lines.append("")
    lines.append(answer.answer)
    flagged = [s for s in answer.sentences if not s.verified]
    if flagged:
        lines.append("")
        lines += [f"(unsupported) {s.text}: {s.reason}" for s in flagged]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for c in answer.citations:
            lines.append(f"[{c.n}] {c.title} ({c.paper_id})")
    return strip_controls("\n".join(lines))
