"""A refusal is a normal answer: it says why the abstracts do not answer, and names the closest papers
(which are not evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.types import Answer, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered


def refusal(closest: Sequence[Paper], *, query: str, searched: str, reason: str = "") -> Answer:
    lines = [reason or "The indexed abstracts do not answer this question."]
    if closest:
        lines.append("Closest papers (not evidence for an answer):")
        lines += [f"- {p.title}" for p in closest]
    return Answer(query=query, searched_query=searched, answer="\n".join(lines), refused=True)


def refuse(question: str, found: Gathered, reason: str) -> Answer:
    """A refusal naming the three papers retrieval ranked first."""
    closest = [found.view.papers[e.paper_id] for e in found.retrieved[:3]]
    return refusal(closest, query=question, searched=found.searched, reason=reason)
