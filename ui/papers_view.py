"""The Papers tab's content: a filterable list of the indexed papers and one paper's details.

Filtering is a plain word match over what the list shows (a browsing aid, not retrieval): every typed word
must occur in the title, id, authors or abstract.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from rag.types import Paper
from ui.inert_markdown import as_typed, web_url

COLUMNS = ["Title", "Year", "Paper id"]  # the id stays last: a picked row is read by its last cell
NO_SELECTION = '<div class="paper-empty">Pick a paper in the list to read its abstract and ask about it.</div>'


def filter_papers(papers: dict[str, Paper], query: str) -> list[Paper]:
    words = query.lower().split()

    def matches(paper: Paper) -> bool:
        haystack = " ".join((paper.title, paper.paper_id, " ".join(paper.authors), paper.abstract)).lower()
        return all(w in haystack for w in words)

    found = [p for p in papers.values() if matches(p)]
    found.sort(key=lambda p: p.title.lower())
    return found


def paper_columns(papers: Iterable[Paper]) -> list[str]:
    """The columns worth showing: one that would be empty for every paper (no year anywhere) is left out."""
    has_year = any(p.year for p in papers)
    return [c for c in COLUMNS if c != "Year" or has_year]


def paper_rows(papers: Sequence[Paper], columns: Sequence[str] = COLUMNS) -> list[list[str]]:
    cells = {"Title": lambda p: p.title, "Year": lambda p: str(p.year or ""), "Paper id": lambda p: p.paper_id}
    return [[cells[c](p) for c in columns] for p in papers]


def count_line(shown: int, matched_all: int, total: int, query: str) -> str:
    if not query.strip():
        return f"{total} papers indexed" + (f" (first {shown} shown)" if shown < total else "")
    # The count is Markdown: the typed filter is shown as typed, never as markup.
    return f"{matched_all} of {total} papers match “{as_typed(' '.join(query.split()))}”" + (
        f" (first {shown} shown)" if shown < matched_all else ""
    )


def paper_html(paper: Paper) -> str:
    meta = [f"id <code>{escape(paper.paper_id)}</code>"]
    if paper.authors:
        meta.append(escape(", ".join(paper.authors)))
    if paper.year:
        meta.append(str(paper.year))
    url = web_url(paper.url)
    if url:
        meta.append(f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">link</a>')
    return (
        f'<div class="paper-detail"><h3>{escape(paper.title)}</h3>'
        f'<div class="paper-meta">{" · ".join(meta)}</div>'
        f'<p class="abstract">{escape(paper.abstract)}</p></div>'
    )


def question_about(paper: Paper, question: str) -> str:
    """Names the paper in the question, so retrieval (which reads titles) brings that paper's abstract.

    Plain text for the question box and the engine; the chat shows it through `as_typed`, like any question."""
    question = " ".join(question.split()) or "What does this paper propose, and what does it find?"
    return f"{question} (about the paper “{paper.title}”)"
