"""Checks every answer sentence against the text it cites, whatever composed the answer.

A sentence is verified when its figures agree with the cited text (rag/answer/figures.py: every number in it
is there, under the same condition, and its counts of a total match) and its words or its meaning are close
enough to that text. Citations to sources that were not retrieved are removed, never re-pointed. A generated
sentence that names two or more of the answer's papers compares them, and must cite each one it names (a quoted
sentence is what its abstract says, whoever it names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

import numpy as np

from rag.answer.figures import figure_problem
from rag.text.markers import SPACED_MARKER, numbers_of, strip_markers
from rag.text.names import mention_pattern, short_name
from rag.text.numbers import plain, read
from rag.text.tokens import tokenize
from rag.types import Answer, Citation, Paper

LEXICAL_SUPPORT = 0.6  # share of the sentence's content words found in the cited text
DENSE_SUPPORT = 0.75  # cosine of sentence and cited text


def numbers_in(text: str) -> set[str]:
    """The numbers `text` writes, as the verifier reads them ("1,000" and "one thousand" are both 1000)."""
    return {plain(v) for v in read(strip_markers(text)).values}


def verify(answer: Answer, retrieved: Collection[str], embed: Callable[[list[str]], np.ndarray]) -> Answer:
    known = {c.n: c for c in answer.citations if c.paper_id in retrieved}
    dropped = {c.n for c in answer.citations} - set(known)
    answer.citations = [c for c in answer.citations if c.n in known]
    generated = not answer.mode.startswith("extractive")
    for sentence in answer.sentences:
        lost = [n for n in sentence.citations if n not in known]
        sentence.citations = [n for n in sentence.citations if n in known]
        if not sentence.citations:
            sentence.verified = False
            sentence.reason = (f"its citation {', '.join(f'[{n}]' for n in lost)} pointed to a source that was not "
                               "retrieved and was removed") if lost else "cites no source"
            continue
        uncited = _named_not_cited(sentence.text, sentence.citations, answer.citations) if generated else ""
        if uncited:
            sentence.verified, sentence.reason = False, uncited
            continue
        cited = " ".join(known[n].quote for n in sentence.citations)
        sentence.verified, sentence.reason = _supported(sentence.text, cited, embed)
    if dropped:
        answer.answer = SPACED_MARKER.sub(lambda m: _without(m, dropped), answer.answer)
    for citation in answer.citations:
        citation.supported = all(
            s.verified for s in answer.sentences if citation.n in s.citations
        )
    return answer


def _named_not_cited(text: str, cited: list[int], citations: list[Citation]) -> str:
    """Why a sentence comparing papers fails to cite them all ("" when it names fewer than two or cites all)."""
    named = {c.n: name for c in citations if (name := _short_title(c.title)) and mention_pattern(name).search(text)}
    missing = [name for n, name in named.items() if n not in cited]
    if len(named) < 2 or not missing:
        return ""
    return (f"it compares {' and '.join(named.values())} but cites no source of {' or '.join(missing)}")


def _short_title(title: str) -> str:
    """What a paper is called, when its title gives a short name ("DotaMath: ..."); "" when it does not."""
    name = short_name(Paper("", title, ""))
    return name if name != title else ""


def _supported(sentence: str, cited: str, embed: Callable[[list[str]], np.ndarray]) -> tuple[bool, str]:
    problem = figure_problem(strip_markers(sentence), strip_markers(cited))
    if problem:
        return False, problem
    if sentence.strip() in cited:
        return True, "quoted verbatim"
    words = set(tokenize(sentence))
    lexical = len(words & set(tokenize(cited))) / len(words) if words else 0.0
    if lexical >= LEXICAL_SUPPORT:
        return True, f"{lexical:.0%} of its words are in the cited text"
    vectors = embed([sentence, cited])
    cosine = float(vectors[0] @ vectors[1])
    if cosine >= DENSE_SUPPORT:
        return True, f"close in meaning to the cited text (cosine {cosine:.2f})"
    return False, f"not supported by the cited text (word overlap {lexical:.0%}, cosine {cosine:.2f})"


def _without(marker: re.Match[str], dropped: set[int]) -> str:
    """A marker less the numbers that were dropped; nothing when none is left."""
    kept = [n for n in numbers_of(marker) if n not in dropped]
    if len(kept) == len(numbers_of(marker)):
        return marker.group(0)
    return f" [{', '.join(map(str, kept))}]" if kept else ""
