"""Questions a paper's record answers (who wrote it, when) and details its abstract must state to be answered."""

from __future__ import annotations

import pytest

from rag.answer.record import missing_detail, record_answer
from rag.types import Paper

WITH_RECORD = Paper("lean", "A Lean Dataset for Olympiad Geometry", "We release 1,329 lemmas, trained with AdamW.",
                    authors=("Kenji Sato", "Anna Müller"), year=2023)
BARE = Paper("bare", "Program Synthesis with Large Language Models", "We evaluate models on MBPP.")


@pytest.mark.parametrize(("paper", "question", "refused", "said"), [
    (WITH_RECORD, "Who are the authors of the Lean dataset paper?", False, "Kenji Sato, Anna Müller (2023)"),
    (WITH_RECORD, "what year did it come out", False, "is from 2023"),
    (BARE, "who wrote the MBPP paper", True, "no authors"),
    (BARE, "When was the MBPP paper published?", True, "no year"),
    (BARE, "What does the MBPP paper evaluate?", None, ""),  # not a question about the record
])
def test_who_wrote_it_and_when_come_from_the_record(paper, question, refused, said):
    answer = record_answer(paper, question, question)
    if refused is None:
        assert answer is None
        return
    assert answer.refused is refused and said in answer.answer
    assert answer.citations == [] if refused else [c.paper_id for c in answer.citations] == [paper.paper_id]


@pytest.mark.parametrize(("paper", "question", "missing"), [
    (BARE, "Which optimizer and learning rate did they use?", "optimiser"),
    (WITH_RECORD, "Which optimizer did they use?", ""),            # AdamW is one
    (BARE, "Is it released under an MIT license?", "license"),
    (BARE, "How many GPUs does it need?", "hardware"),
    (BARE, "What does it evaluate on?", ""),
])
def test_a_detail_abstracts_rarely_give_must_be_in_the_abstract(paper, question, missing):
    assert missing_detail(paper, question) == missing
