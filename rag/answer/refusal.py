"""A refusal is a normal answer: it says why the abstracts do not answer, and names the closest papers
(which are not evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.types import Answer, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered


NO_ANSWER = "The indexed abstracts do not answer this question."  # a refusal for a low score, with no other reason


def refusal(closest: Sequence[Paper], *, query: str, searched: str, reason: str = "") -> Answer:
    lines = [reason or NO_ANSWER]
    if closest:
        lines.append("Closest papers (not evidence for an answer):")
        lines += [f"- {p.title}" for p in closest]
    return Answer(query=query, searched_query=searched, answer="\n".join(lines), refused=True)


def refuse(question: str, found: Gathered, reason: str) -> Answer:
    """A refusal naming the three papers retrieval ranked first."""
    closest = [found.view.papers[e.paper_id] for e in found.retrieved[:3]]
    return refusal(closest, query=question, searched=found.searched, reason=reason)


def for_low_score(answer: Answer) -> bool:
    """Whether the answer is a refusal for nothing scoring close enough, not for a reason found in the question."""
    return answer.refused and answer.answer.startswith(NO_ANSWER)
