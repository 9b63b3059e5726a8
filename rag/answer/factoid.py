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
