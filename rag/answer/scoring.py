"""Extractive answers: pick the abstract sentences that answer the question and cite each to its paper.

Nothing is generated, so nothing can be invented: every answer sentence is a sentence some abstract says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from rag.index.sentence_vectors import embedding_texts
from rag.text.names import key_names, mention_pattern
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize
from rag.types import Evidence, Paper

NAME_WEIGHT = 0.3
_QUANTITY = re.compile(r"\b(how (many|much|large|big|fast|long|often|well)|what (percentage|fraction|proportion|share|"
                       r"accuracy|number|size)|by how|pass@\w*|accuracy|score|rate|speedup|cost|improvement)\b",
                       re.I)
_DIGIT = re.compile(r"\d")
_DEFINITION = re.compile(r"^(what (is|are)|what does .+ do|describe|explain|tell me about|summari[sz]e)\b", re.I)
_HOW = re.compile(r"^how (can|could|do|does|did|to|is|are)\b", re.I)
_LINK = re.compile(r"https?://|github\.com|\bavailable at\b", re.I)
_LINK_QUESTION = re.compile(r"\b(code|link|url|github|website|available|download|release[sd]?|repository)\b", re.I)
_INTRODUCES = re.compile(r"\b(we (propose|introduce|present|develop)|called|named|dubbed|is an?|are an?)\b", re.I)


@dataclass
class ScoredSentence:
    paper_id: str
    position: int  # index of the sentence in its abstract
    text: str
    dense: float
    lexical: float
    score: float
    paper_rank: int
    # The paper's retrieval score (fused): how close its whole abstract is. 0 where no retrieval scored it, which
    # turns off the list rule that reads it (listing._close_on_both).
    paper_score: float = 0.0


def score_sentences(
    question: str,
    question_vector: np.ndarray,
    evidence: Sequence[Evidence],
    papers: dict[str, Paper],
    embed: Callable[[list[str]], np.ndarray],
    idf: Callable[[str], float],
    rank_penalty: float = 0.01,
) -> list[ScoredSentence]:
    """Every sentence of every retrieved paper, scored by meaning (cosine) and by shared rare words.

    `rank_penalty` lets retrieval break near-ties for a single answer; a list question judges each paper on
    its own sentences and passes 0.

    The words of a name the question asks about ("RLCoder") count little in the word overlap, since every
    sentence of that paper is about it; instead every sentence of a paper that mentions the name gains."""
    names = key_names(question)
    name_tokens = {t for n in names for t in tokenize(n)}
    q_tokens = set(tokenize(question))
    content = q_tokens - name_tokens
    weight = (sum(idf(t) for t in content) + NAME_WEIGHT * sum(idf(t) for t in name_tokens)) or 1.0
    mentions = [mention_pattern(n) for n in names]
    wants_number = bool(_QUANTITY.search(question))
    wants_definition = bool(_DEFINITION.search(question))
    wants_method = bool(_HOW.search(question))
    wants_link = bool(_LINK_QUESTION.search(question))
    lowered_names = [n.lower() for n in names]
    rows: list[tuple[Evidence, int, str]] = []
    texts: list[str] = []  # what is embedded: the texts whose vectors ingest stored
    for ev in evidence:
        paper = papers[ev.paper_id]
        for position, (sentence, text) in enumerate(zip(split_sentences(paper.abstract), embedding_texts(paper),
                                                        strict=True)):
            rows.append((ev, position, sentence))
            texts.append(text)
    if not rows:
        return []
    vectors = embed(texts)
    dense = vectors @ question_vector
    scored = []
    about_names = {ev.paper_id: any(m.search(papers[ev.paper_id].abstract + papers[ev.paper_id].title)
                                    for m in mentions) for ev in evidence}
    for (ev, position, sentence), cosine in zip(rows, dense, strict=True):
        words = set(tokenize(sentence))
        shared = sum(idf(t) for t in content & words) + NAME_WEIGHT * sum(idf(t) for t in name_tokens & words)
        lexical = shared / weight
        score = 0.55 * float(cosine) + 0.45 * min(lexical, 1.0) - rank_penalty * ev.rank
        if about_names.get(ev.paper_id):
            score += 0.1  # the question names something this paper mentions
        if wants_number and _DIGIT.search(sentence):
            score += 0.08
        introduces = bool(_INTRODUCES.search(sentence))
        if wants_definition and introduces and any(n in sentence.lower() for n in lowered_names):
            score += 0.15  # "What is X?" is answered by the sentence that introduces X
        elif wants_method and introduces:
            score += 0.06  # "How can one ...?" is answered by what a paper proposes
        if _LINK.search(sentence) and not wants_link:
            score -= 0.15  # "code is at https://..." rarely answers a research question
        scored.append(ScoredSentence(ev.paper_id, position, sentence, float(cosine), lexical, score, ev.rank, ev.fused))
    scored.sort(key=lambda s: -s.score)
    return scored


def pick_answer_sentences(
    scored: Sequence[ScoredSentence], max_sentences: int, top_ratio: float = 0.6, other_ratio: float = 0.85
) -> list[ScoredSentence]:
    """The best sentence and those close to it, then ordered readably: by paper, then as the abstract reads.

    The best sentence's paper may fill the answer with sentences fairly close to it (0.75 -> 0.6, and as many of
    its sentences as the answer holds, was 3: fact recall on the dev set 0.79 -> 0.86, the key figure is often the
    third-best sentence); another paper gets in only with a sentence nearly as good, since each extra paper is one
    more citation the reader must check."""
    if not scored:
        return []
    best = scored[0]
    chosen = [best]
    per: dict[str, int] = {best.paper_id: 1}
    for s in scored[1:]:
        if len(chosen) >= max_sentences:
            break
        same = s.paper_id == best.paper_id
        if s.score < (top_ratio if same else other_ratio) * best.score:
            continue
        if not same and per.get(s.paper_id, 0) >= 1:
            continue
        per[s.paper_id] = per.get(s.paper_id, 0) + 1
        chosen.append(s)
    paper_order = {pid: i for i, pid in enumerate(dict.fromkeys(s.paper_id for s in chosen))}
    return sorted(chosen, key=lambda s: (paper_order[s.paper_id], s.position))
