"""What a question must be before anything is loaded for it: not empty, not over the length limit."""

from __future__ import annotations

from rag.errors import QuestionError


def check_question(question: str | None, limit: int) -> str:
    """The question with its whitespace collapsed; QuestionError when it cannot be asked as it is."""
    question = " ".join((question or "").split())
    if not question:
        raise QuestionError("The question is empty: type a question about the indexed papers.")
    if len(question) > limit:
        raise QuestionError(f"The question is {len(question):,} characters long; the limit is {limit:,}. "
                            "Please shorten it.")
    return question
