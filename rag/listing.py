"""List questions ("which papers report results on X?"): every matching paper, not only the top few.

A named thing (HumanEval, Lean) is matched exactly in every abstract; a described topic ("reinforcement
learning") matches papers that contain all its content words. Both scan the whole index, so nothing is cut off
by a retrieval depth.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from rag.lexical import tokenize
from rag.naming import key_names, mention_pattern
from rag.sentences import split_sentences
from rag.types import Paper


@dataclass
class Match:
    paper: Paper
    sentence: str
    score: float


def find_matches(
    topic: str, papers: Iterable[Paper], embed: Callable[[list[str]], np.ndarray], topic_vector: np.ndarray
) -> list[Match]:
    names = key_names(topic)
    topic_tokens = set(tokenize(topic))
    matches = []
    for paper in papers:
        sentences = split_sentences(paper.abstract)
        if names:
            patterns = [mention_pattern(n) for n in names]
            hit = [s for s in sentences if all(p.search(s) for p in patterns)]
            if not hit and all(p.search(paper.title) for p in patterns):
                hit = sentences[:1]
            if hit:
                matches.append(Match(paper, _prefer_results(hit), float(len(hit))))
            continue
        paper_tokens = set(tokenize(paper.title + " " + paper.abstract))
        if topic_tokens and topic_tokens <= paper_tokens:
            ranked = sorted(sentences, key=lambda s: -len(topic_tokens & set(tokenize(s))))
            matches.append(Match(paper, ranked[0], float(len(topic_tokens & set(tokenize(ranked[0]))))))
    if matches and not names:
        # Order by how well the cited sentence says it: meaning first, shared words as a tie-break.
        vectors = embed([m.sentence for m in matches])
        for match, cosine in zip(matches, vectors @ topic_vector, strict=True):
            match.score = float(cosine) + 0.05 * match.score
    return sorted(matches, key=lambda m: -m.score)


def _prefer_results(sentences: list[str]) -> str:
    """Of the sentences naming the thing, one with a figure shows a result best."""
    with_numbers = [s for s in sentences if re.search(r"\d", s)]
    return (with_numbers or sentences)[0]
