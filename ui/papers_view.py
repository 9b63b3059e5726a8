"""The Papers tab's content: a filterable list of the indexed papers and one paper's details.

Filtering is a browsing aid, not retrieval (ui/paper_query.py says what the box means): every typed word must
occur in the title, id, authors or abstract, and `year:` / `author:` terms keep papers by year and by author.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape

from rag.types import Paper
from ui.inert_markdown import as_typed, web_url
from ui.paper_query import parse_query

# The id stays last: a picked row is read by its last cell.
COLUMNS = ["Title", "Authors", "Year", "Paper id"]
OPTIONAL = {"Authors": lambda p: bool(p.authors), "Year": lambda p: bool(p.year)}
SEARCH_LABEL = "Search titles, authors, ids and abstracts"
SEARCH_INFO = "Narrow by year or author: year:2023, year:2022-2024, author:sato (accents and case do not count)"
SEARCH_PLACEHOLDER = "e.g. lean proof year:2022-2024 author:sato"
NO_SELECTION = '<div class="paper-empty">Pick a paper in the list to read its abstract and ask about it.</div>'
MAX_AUTHOR_CHARS = 40  # one name in the list; a broken export's "author" can be a whole paragraph


def filter_papers(papers: dict[str, Paper], query: str) -> list[Paper]:
    """The papers the box's text keeps, by title; malformed terms limit nothing (`count_line` names them)."""
    wanted = parse_query(query)
    found = [p for p in papers.values() if wanted.keeps(p)]
    found.sort(key=lambda p: p.title.lower())
    return found


def paper_columns(papers: Iterable[Paper]) -> list[str]:
    """The columns worth showing: one that would be empty for every paper (no year anywhere) is left out."""
    papers = list(papers)
    return [c for c in COLUMNS if c not in OPTIONAL or any(OPTIONAL[c](p) for p in papers)]


def short_authors(authors: Sequence[str]) -> str:
    """The list's Authors cell: "Kenji Sato", "Kenji Sato and Wei Chen", "Kenji Sato et al."; the paper's
    details show them all."""
    names = [n if len(n) <= MAX_AUTHOR_CHARS else n[: MAX_AUTHOR_CHARS - 1] + "…"
             for n in (" ".join(a.split()) for a in authors[:2])]
    if len(authors) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


def paper_rows(papers: Sequence[Paper], columns: Sequence[str] = COLUMNS) -> list[list[str]]:
    """Text cells; a year is four digits, so the table's header sort (natural order) sorts it as a number."""
    cells: dict[str, Callable[[Paper], str]] = {
        "Title": lambda p: p.title, "Authors": lambda p: short_authors(p.authors),
        "Year": lambda p: str(p.year or ""), "Paper id": lambda p: p.paper_id,
    }
    return [[cells[c](p) for c in columns] for p in papers]


def count_line(shown: int, matched_all: int, total: int, query: str) -> str:
    problems = "".join(f" · {as_typed(p)}" for p in parse_query(query).problems)
    if not query.strip():
        return f"{total} papers indexed" + (f" (first {shown} shown)" if shown < total else "")
    # The count is Markdown: the typed filter is shown as typed, never as markup.
    return f"{matched_all} of {total} papers match “{as_typed(' '.join(query.split()))}”" + (
        f" (first {shown} shown)" if shown < matched_all else ""
    ) + problems


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
