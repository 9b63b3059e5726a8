"""The rows of a comparison that asks about something ("how do they search over candidates?", "which is better
on HumanEval?"): each named paper answers the aspect from its own abstract."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.answer.comparison import aspect_answer, cells_for
from rag.answer.plan import asks_which_is_better
from rag.text.names import mention_pattern
from rag.types import Answer, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.plan import Plan

PER_ROW = 2  # sentences quoted per paper at most
ROW_RATIO = 0.85  # a second sentence joins a row when it scores this close to the row's best


def aspect_rows(chosen: Sequence[Paper], shape: Plan, question: str, found: Gathered) -> Answer:
    scored = found.scored_in([p.paper_id for p in chosen])
    terms = [t.text for t in shape.terms]
    figure = bool(terms) and asks_which_is_better(question)
    rows = []
    for paper in chosen:
        own = [s for s in scored if s.paper_id == paper.paper_id]
        if figure:
            # Each paper's figure on the named benchmark, or nothing: never a number from another benchmark.
            own = [s for s in own if all(mention_pattern(t).search(s.text) for t in terms)]
        picked = own[:1] + [s for s in own[1:PER_ROW] if s.score >= ROW_RATIO * own[0].score]
        texts = [s.text for s in sorted(picked, key=lambda s: s.position)]
        result = cells_for(paper).get("results")
        if not figure and result is not None and result.sentence not in texts:
            texts.append(result.sentence)  # the paper's key result, so a row says what the approach achieved
        rows.append((paper, texts))
    absent = f"no {' / '.join(terms)} result in the abstract" if figure else ""
    return aspect_answer(rows, found.view.papers, aspect=shape.aspect, query=question, searched=found.searched,
                         absent=absent)
