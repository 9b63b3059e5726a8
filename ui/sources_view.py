"""The sources panel: per citation, the paper, its abstract with the quoted sentence highlighted, and the scores.

Built as HTML because the highlight sits inside the abstract; every piece of paper text is escaped first.
Each highlighted sentence carries its position in the citation's quote (`data-q`), so a click on one `[n]` in
the chat can light up only the sentence(s) behind that marker (ui/page_assets.py). Each card can put its paper
in the chat's scope, and, on a phone where the panel sits below the chat, leads back to the answer.
"""

from __future__ import annotations

import re
from html import escape

from rag.types import Answer, Citation, Evidence, Paper
from ui.answer_view import QUOTE_JOIN, closest_papers, near_anchor, source_anchor
from ui.conversation import Conversation
from ui.inert_markdown import web_url

EMPTY = '<div class="sources-empty">Sources of each answer appear here: click a citation such as [1] to open it.</div>'


def quoted_parts(abstract: str, quote: str) -> list[tuple[int, int, list[int]]]:
    """Where the quoted sentence(s) sit in the abstract, each span with the positions in the quote of the
    sentences it holds (overlapping ones merge); whitespace may differ, so words are matched loosely."""
    spans = []
    for position, part in enumerate(quote.split(QUOTE_JOIN)):
        words = part.split()
        if not words:
            continue
        match = re.search(r"\s+".join(re.escape(w) for w in words), abstract)
        if match:
            spans.append((*match.span(), [position]))
    spans.sort()
    merged: list[tuple[int, int, list[int]]] = []
    for start, end, positions in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] + positions)
        else:
            merged.append((start, end, positions))
    return merged


def quote_spans(abstract: str, quote: str) -> list[tuple[int, int]]:
    """Where the quoted sentence(s) sit in the abstract, merged where they overlap."""
    return [(start, end) for start, end, _ in quoted_parts(abstract, quote)]


def highlighted_abstract(abstract: str, quote: str) -> str:
    """The abstract as escaped HTML with the quoted sentences in <mark>; the quote alone if it is not found."""
    spans = quoted_parts(abstract, quote)
    if not spans:
        return f'<mark class="quoted">{escape(quote)}</mark>'
    out, last = [], 0
    for start, end, positions in spans:
        out.append(escape(abstract[last:start]))
        out.append(f'<mark class="quoted" data-q="{" ".join(map(str, positions))}">{escape(abstract[start:end])}'
                   "</mark>")
        last = end
    out.append(escape(abstract[last:]))
    return "".join(out)


def _card_actions(paper_id: str) -> str:
    """Ask within this paper (the page's script hands the id to the chat's scope), and the way back to the
    answer that a phone needs (shown only when the panel sits below the chat)."""
    return (f'<div class="card-actions"><button type="button" class="scope-add" data-paper="{escape(paper_id)}">'
            "Ask within this paper</button>"
            '<button type="button" class="back-to-answer">↑ Back to the answer</button></div>')


def _score(value: float | None, digits: int) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _preview(quote: str, limit: int = 160) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + "…"


def _scores(evidence: Evidence | None, citation: Citation) -> str:
    # Support 0.0 means "not scored" (comparison cells are chosen by role, not by score), so it is left out.
    cells = [("support", _score(citation.support, 2))] if citation.support else []
    if evidence is not None:
        cells += [
            ("dense", _score(evidence.dense, 3)),
            ("lexical", _score(evidence.lexical, 2)),
            ("fused", _score(evidence.fused, 4)),
            ("rank", str(evidence.rank + 1)),
        ]
    if not cells:
        return ""
    head = "".join(f"<th>{name}</th>" for name, _ in cells)
    body = "".join(f"<td>{value}</td>" for _, value in cells)
    return f'<table class="scores"><tr>{head}</tr><tr>{body}</tr></table>'


def _byline(paper: Paper | None) -> str:
    """Authors, year and venue, as far as the record carried them (a reference library does; the built-in
    corpus has none, and then nothing is shown)."""
    if paper is None:
        return ""
    authors = list(paper.authors)
    shown = ", ".join(authors[:3]) + (" et al." if len(authors) > 3 else "")
    bits = [b for b in (shown, str(paper.year or ""), paper.venue) if b]
    return f'<div class="byline">{escape(" · ".join(bits))}</div>' if bits else ""


def citation_html(citation: Citation, answer: Answer, paper: Paper | None, turn: int) -> str:
    evidence = next((e for e in answer.evidence if e.paper_id == citation.paper_id), None)
    abstract = paper.abstract if paper else (evidence.text if evidence else "")
    verdict = (
        '<span class="verdict ok">supported</span>'
        if citation.supported
        else '<span class="verdict bad">⚠ not supported</span>'
    )
    flagged = [s for s in answer.sentences if not s.verified and citation.n in s.citations]
    notes = "".join(
        f'<li>“{escape(s.text)}” — {escape(s.reason or "not supported by this abstract")}</li>' for s in flagged
    )
    link = ""
    url = web_url(paper.link) if paper else None
    if url:
        link = f' · <a href="{escape(url)}" target="_blank" rel="noopener noreferrer">paper</a>'
    return (
        f'<details class="source" id="{source_anchor(turn, citation.n)}">'
        f'<summary><span class="cite-n">[{citation.n}]</span> <span class="source-title">{escape(citation.title)}'
        f"</span> {verdict}"
        f'<span class="quote-preview">“{escape(_preview(citation.quote))}”</span></summary>'
        + _byline(paper)
        + f'<p class="abstract">{highlighted_abstract(abstract, citation.quote)}</p>'
        + (f'<ul class="unsupported-notes">{notes}</ul>' if notes else "")
        + _scores(evidence, citation)
        + f'<div class="paper-id">id <code>{escape(citation.paper_id)}</code>{link}</div>'
        + _card_actions(citation.paper_id) + "</details>"
    )


def closest_html(answer: Answer, papers: dict[str, Paper], turn: int) -> str:
    """A refusal's closest papers, each a card with its abstract: not evidence, but a place to look next."""
    cards = []
    for k, (paper_id, title) in enumerate(closest_papers(answer), start=1):
        paper = papers.get(paper_id)
        abstract = paper.abstract if paper else ""
        cards.append(
            f'<details class="source near" id="{near_anchor(turn, k)}"><summary><span class="source-title">'
            f'{escape(title)}</span></summary><p class="abstract">{escape(abstract)}</p>'
            f'<div class="paper-id">id <code>{escape(paper_id)}</code></div>{_card_actions(paper_id)}</details>'
        )
    if not cards:
        return ""
    return '<p class="near-heading">The closest papers (not evidence for an answer):</p>' + "".join(cards)


def sources_html(conversation: Conversation, papers: dict[str, Paper]) -> str:
    """Every answered turn's sources, newest first and open; older turns fold away but stay linkable."""
    answered = conversation.answered()
    if not answered:
        return EMPTY
    sections = []
    for position, (turn, entry) in enumerate(reversed(answered)):
        answer = entry.answer
        assert answer is not None
        if answer.citations:
            body = "".join(citation_html(c, answer, papers.get(c.paper_id), turn) for c in answer.citations)
        else:
            body = ('<p class="no-sources">No abstract supports an answer to this question.</p>'
                    + closest_html(answer, papers, turn))
        sections.append(
            f'<details class="turn-sources" id="turn-{turn}"{" open" if position == 0 else ""}>'
            f"<summary>Sources for “{escape(entry.question)}”</summary>{body}</details>"
        )
    return "".join(sections)
