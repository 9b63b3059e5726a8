"""Turns chosen abstract sentences into an Answer: one citation number per paper, in order of first use."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.extractive import ScoredSentence
from rag.types import Answer, AnswerSentence, Citation, Paper

_MARKER = re.compile(r"\[(\d+)\]")


def escape_markers(text: str) -> str:
    """A `[3]` inside an abstract is data, not a citation: escaped, it renders the same but no longer parses."""
    return _MARKER.sub(r"\\[\1\\]", text)


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
    text = " ".join(f"{escape_markers(s.text)} [{s.citations[0]}]" for s in sentences)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations, sentences=sentences)


def refusal(closest: Sequence[Paper], *, query: str, searched: str, reason: str = "") -> Answer:
    lines = [reason or "The indexed abstracts do not answer this question."]
    if closest:
        lines.append("Closest papers (not evidence for an answer):")
        lines += [f"- {p.title}" for p in closest]
    return Answer(query=query, searched_query=searched, answer="\n".join(lines), refused=True)


def list_answer(matches: Sequence, papers: dict[str, Paper], *, topic: str, query: str, searched: str) -> Answer:
    """One bullet per matching paper, each quoting the sentence that shows the match."""
    book = CitationBook(papers)
    sentences = []
    lines = [f"{len(matches)} paper{'s' if len(matches) != 1 else ''} in the index match “{topic}”:"]
    for match in matches:
        n = book.cite(match.paper.paper_id, match.sentence)
        sentences.append(AnswerSentence(text=match.sentence, citations=[n]))
        lines.append(f"- **{escape_markers(match.paper.title)}** [{n}]: {escape_markers(match.sentence)}")
    return Answer(query=query, searched_query=searched, answer="\n".join(lines), citations=book.citations,
                  sentences=sentences, kind="list")


def comparative_answer(chosen: Sequence[Paper], papers: dict[str, Paper], *, query: str, searched: str,
                       missing: Sequence[str] = ()) -> Answer:
    from rag.comparison import compare

    book = CitationBook(papers)
    text, rows, sentences = compare(chosen, book)
    if missing:
        text += "\n\n" + "; ".join(f"No indexed paper mentions “{name}”." for name in missing)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations,
                  sentences=sentences, kind="comparative", table=rows)
