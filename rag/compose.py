"""Turns chosen abstract sentences into an Answer: one citation number per paper, in order of first use."""

from __future__ import annotations

from collections.abc import Sequence

from rag.extractive import ScoredSentence
from rag.types import Answer, AnswerSentence, Citation, Paper


class CitationBook:
    """Hands out [n] per paper, keeping every quoted sentence of that paper under its number."""

    def __init__(self, papers: dict[str, Paper]) -> None:
        self._papers = papers
        self.citations: list[Citation] = []
        self._by_paper: dict[str, Citation] = {}

    def cite(self, paper_id: str, quote: str, support: float = 0.0) -> int:
        citation = self._by_paper.get(paper_id)
        if citation is None:
            paper = self._papers[paper_id]
            citation = Citation(n=len(self.citations) + 1, paper_id=paper_id, title=paper.title, quote=quote,
                                support=support)
            self._by_paper[paper_id] = citation
            self.citations.append(citation)
        elif quote not in citation.quote:
            citation.quote = f"{citation.quote} … {quote}"
        return citation.n


def extractive_answer(
    chosen: Sequence[ScoredSentence], papers: dict[str, Paper], *, query: str, searched: str
) -> Answer:
    book = CitationBook(papers)
    sentences = []
    for s in chosen:
        n = book.cite(s.paper_id, s.text, s.score)
        sentences.append(AnswerSentence(text=s.text, citations=[n]))
    text = " ".join(f"{s.text} [{s.citations[0]}]" for s in sentences)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations, sentences=sentences)


def refusal(closest: Sequence[Paper], *, query: str, searched: str) -> Answer:
    lines = ["The indexed abstracts do not answer this question."]
    if closest:
        lines.append("Closest papers (not evidence for an answer):")
        lines += [f"- {p.title}" for p in closest]
    return Answer(query=query, searched_query=searched, answer="\n".join(lines), refused=True)
