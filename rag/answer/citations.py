"""Citation numbering: one `[n]` per paper, in order of first use, every quoted sentence kept under it."""

from __future__ import annotations

from rag.types import Citation, Paper


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
                                support=support, authors=paper.authors, year=paper.year, url=paper.link,
                                venue=paper.venue, doi=paper.doi, arxiv_id=paper.arxiv_id)
            self._by_paper[paper_id] = citation
            self.citations.append(citation)
        elif quote not in citation.quote:
            citation.quote = f"{citation.quote} … {quote}"
        return citation.n
