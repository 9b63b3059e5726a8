"""Factoid answers: the chosen abstract sentences, each quoted and cited to its paper."""

from __future__ import annotations

from collections.abc import Sequence

from rag.answer.citations import CitationBook
from rag.answer.scoring import ScoredSentence
from rag.text.markers import escape_markers
from rag.types import Answer, AnswerSentence, Paper


def extractive_answer(
    chosen: Sequence[ScoredSentence], papers: dict[str, Paper], *, query: str, searched: str
) -> Answer:
    book = CitationBook(papers)
    sentences = []
    for s in chosen:
        n = book.cite(s.paper_id, s.text, s.score)
        sentences.append(AnswerSentence(text=s.text, citations=[n]))
    text = " ".join(f"{escape_markers(s.text)} [{s.citations[0]}]" for s in sentences)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations, sentences=sentences)


def findings_first(chosen: Sequence[ScoredSentence], papers: dict[str, Paper]) -> list[ScoredSentence]:
    """A yes/no question is answered by a finding: result and conclusion sentences lead, background follows."""
    from rag.answer.roles import classify
    from rag.text.sentences import split_sentences

    def is_finding(s: ScoredSentence) -> bool:
        n = len(split_sentences(papers[s.paper_id].abstract))
        return classify(s.text, s.position, n) == "results"

    return sorted(chosen, key=lambda s: not is_finding(s))
