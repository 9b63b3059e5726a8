"""What a yes/no question asks of a paper beyond what the paper is about.

"Do neural code generators actually make developers finish ML programming tasks faster?" shares "neural code
generation" and "ML programming tasks" with every sentence of the paper it is about, so the sentences that say the
most about them score best ("(Good) Neural code generation models perform significantly better on ML tasks"), and the
finding that answers it ("(Bad) Code generation models cannot significantly improve developers' completion time")
scored 0.42 against 0.62. The words the abstract says in at most one place ("finish", "faster", "actually make")
are what is asked; the finding closest to them answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.answer.scoring import ScoredSentence
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize
from rag.types import Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered

# Asked words the abstract may use in this many places at most and still say what is asked beyond its subject.
RARE_IN_ABSTRACT = 1
# At least this many such words, or the question asks nothing beyond what the paper is about.
MIN_ASKED_WORDS = 2


def distinctive_ask(question: str, paper: Paper) -> str:
    """The question's words that the paper's title and abstract use in at most RARE_IN_ABSTRACT places, in the
    question's order, or "" when fewer than MIN_ASKED_WORDS are left."""
    places = [set(tokenize(paper.title)), *(set(tokenize(s)) for s in split_sentences(paper.abstract))]
    kept = []
    for word in re.findall(r"[A-Za-z][\w'’-]*", question):
        stems = tokenize(word)
        if stems and len(word) >= 3 and sum(all(_in(s, place) for s in stems) for place in places) <= RARE_IN_ABSTRACT:
            kept.append(word)
    return " ".join(kept) if len(kept) >= MIN_ASKED_WORDS else ""


def asked_beyond_subject(found: Gathered, chosen: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """The lead paper's sentences scored for what the question asks beyond its subject, best first; none when the
    question asks nothing beyond it."""
    if not chosen:
        return []
    lead = max(chosen, key=lambda s: s.score).paper_id
    asked = distinctive_ask(found.searched, found.view.papers[lead])
    return found.scored_in_for(asked, [lead]) if asked else []


def _in(stem: str, place: set[str]) -> bool:
    """A stem said in a place, or clipped from a longer word said there ("math" of "mathematical")."""
    return stem in place or (len(stem) >= 4 and any(w.startswith(stem) for w in place))
