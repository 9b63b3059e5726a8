"""The conversation as a Markdown document with a reference list, and the cited papers as BibTeX.

One numbering runs through the document: every answer's markers are renumbered to the paper's entry in the
reference list (the chat numbers each answer from [1]; a document citing [1] for three different papers would
mislead), and each entry names its BibTeX key, so the document reads on its own and cites into a paper draft.

Titles, authors, quotes, ids and URLs come from the indexed data and may be hostile: in the Markdown they go
through ui/inert_markdown.py (no link, image or HTML can form; only http(s) URLs are linked), written with
backslash escapes rather than HTML entities so that the file reads as typed in any editor; in BibTeX every
special character is written as a command, so no brace or backslash can end a field early.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rag.text.markers import MARKER, numbers_of
from rag.types import Answer, Citation, Paper
from ui.conversation import Conversation
from ui.inert_markdown import as_typed, code_span, formatting_only, web_url
from ui.table_cells import without_summary

_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")
_ARXIV_URL = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?P<id>[^?#]+?)(?:\.pdf)?/?$", re.I)
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(?P<id>10\.\d{4,9}/\S+)$", re.I)
_BIBTEX_SPECIAL = {
    # Braces as commands, not `\{`: BibTeX counts every brace, escaped or not, to find where a field ends.
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_STOPWORDS = {"a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "via", "towards", "toward", "is"}


@dataclass(frozen=True)
class Reference:
    number: int  # position in the document's reference list
    key: str  # BibTeX key
    paper: Paper


def _ascii_words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[A-Za-z0-9]+", plain)


def _base_key(paper: Paper) -> str:
    """author-year-word when the paper says who and when; otherwise the first telling title word(s)."""
    words = [w.lower() for w in _ascii_words(paper.title)]
    telling = [w for w in words if w not in _STOPWORDS] or words or ["paper"]
    surname = _ascii_words(paper.authors[0])[-1].lower() if paper.authors and _ascii_words(paper.authors[0]) else ""
    if surname:
        return f"{surname}{paper.year or ''}{telling[0]}"
    return "".join(telling[:2]) + (str(paper.year) if paper.year else "")


def references(conversation: Conversation, papers: dict[str, Paper]) -> list[Reference]:
    """Every cited paper once, in order of first citation, with a unique BibTeX key."""
    seen: dict[str, Reference] = {}
    used: set[str] = set()
    for _, turn in conversation.answered():
        assert turn.answer is not None
        for citation in turn.answer.citations:
            if citation.paper_id in seen:
                continue
            paper = papers.get(citation.paper_id) or Paper(citation.paper_id, citation.title, "")
            base = key = _base_key(paper)
            suffix = 0
            while key in used:
                suffix += 1
                key = f"{base}{chr(ord('a') + suffix - 1) if suffix <= 26 else suffix}"
            used.add(key)
            seen[citation.paper_id] = Reference(len(seen) + 1, key, paper)
    return list(seen.values())


def _reference_line(ref: Reference) -> str:
    paper = ref.paper
    bits = [f"**{_line(paper.title)}**."]
    if paper.authors:
        bits.append(_line(", ".join(paper.authors)) + ".")
    if paper.venue.strip():
        bits.append(f"*{_line(paper.venue)}*.")
    if paper.year:
        bits.append(f"{paper.year}.")
    bits.append(f"id {code_span(paper.paper_id)}")
    if paper.url:
        url = web_url(paper.url)
        bits.append(f"<{url}>" if url else _line(paper.url))
    bits.append(f"(BibTeX {code_span(ref.key)})")
    return f"{ref.number}. " + " ".join(bits)


def _line(text: str) -> str:
    """Data on one line, shown as typed."""
    return as_typed(" ".join(text.split()), entities=False)


def _quote(citation: Citation) -> str:
    return _line(citation.quote)


def _renumbered(markdown: str, answer: Answer, refs: dict[str, Reference]) -> str:
    """The answer's own markers as reference-list numbers; a number that cites nothing stays as it was."""
    cited = {c.n: refs[c.paper_id].number for c in answer.citations if c.paper_id in refs}

    def number(match: re.Match[str]) -> str:
        numbers = numbers_of(match)
        if not all(n in cited for n in numbers):
            return match.group(0)
        return "[" + ", ".join(str(n) for n in dict.fromkeys(cited[n] for n in numbers)) + "]"

    return MARKER.sub(number, markdown)


def conversation_markdown(conversation: Conversation, papers: dict[str, Paper], now: datetime | None = None) -> str:
    """The whole conversation; the answers keep their Markdown (tables included) as the engine wrote it."""
    refs = {r.paper.paper_id: r for r in references(conversation, papers)}
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# paperchat conversation", "", f"Exported {stamp}. Answers quote the indexed abstracts.", ""]
    for number, turn in enumerate(conversation.turns, start=1):
        lines += [f"## {number}. {_line(turn.question)}", ""]
        if turn.scope:
            within = "; ".join(f"“{_line(papers[p].title) if p in papers else code_span(p)}”" for p in turn.scope)
            lines += [f"*Asked within: {within}*", ""]
        answer = turn.answer
        if answer is None:
            lines += ["*Stopped before it was answered.*" if turn.stopped else f"*Not answered: {_line(turn.error)}*",
                      ""]
            continue
        if answer.searched_query != answer.query:
            lines += [f"*Searching for: {_line(answer.searched_query)}*", ""]
        text = formatting_only(without_summary(answer.answer.strip()), entities=False)
        lines += [_renumbered(text, answer, refs), ""]
        for sentence in answer.sentences:
            if not sentence.verified:
                reason = formatting_only(" ".join(sentence.reason.split()), entities=False)
                lines.append(f"> ⚠ Not supported by its source: “{_line(sentence.text)}” — "
                             f"{_renumbered(reason, answer, refs)}")
        if any(not s.verified for s in answer.sentences):
            lines.append("")
        if answer.citations:
            lines.append("Sources:")
            for c in answer.citations:
                lines.append(f"- [{refs[c.paper_id].number}] {_line(c.title)} — “{_quote(c)}”")
            lines.append("")
    lines += ["## References", ""]
    lines += [_reference_line(r) for r in refs.values()] or ["No paper was cited."]
    return "\n".join(lines) + "\n"


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def identifiers(paper: Paper) -> tuple[str, str]:
    """(arXiv id, DOI): the record's own when it carries them, else what the paper's id or URL tells; "" for
    what none does."""
    url = web_url(paper.url) or ""
    arxiv = _ARXIV_URL.match(url)
    eprint = (paper.arxiv_id if _ARXIV_ID.match(paper.arxiv_id) else paper.paper_id if _ARXIV_ID.match(paper.paper_id)
              else arxiv["id"] if arxiv and _ARXIV_ID.match(arxiv["id"]) else "")
    doi_url = _DOI_URL.match(url)
    doi = (paper.doi if _DOI.match(paper.doi) else paper.paper_id if _DOI.match(paper.paper_id)
           else doi_url["id"] if doi_url else "")
    return eprint, doi


def bibtex_entry(ref: Reference) -> str:
    paper = ref.paper
    fields = [("title", "{" + bibtex_escape(paper.title) + "}")]  # double braces keep the title's capitals
    if paper.authors:
        fields.append(("author", " and ".join(bibtex_escape(a) for a in paper.authors)))
    if paper.year:
        fields.append(("year", str(paper.year)))
    if paper.venue.strip():
        fields.append(("howpublished", bibtex_escape(paper.venue)))  # the field @misc styles print for a venue
    eprint, doi = identifiers(paper)
    if eprint:
        fields += [("eprint", eprint), ("archivePrefix", "arXiv")]
    if doi:
        fields.append(("doi", bibtex_escape(doi)))
    url = web_url(paper.url)
    if url:  # no `javascript:` link in a reader's PDF; a web URL holds no brace or backslash
        fields.append(("url", url))
    if paper.abstract:  # what makes the file a library paperchat (or Zotero) can ingest again
        fields.append(("abstract", bibtex_escape(paper.abstract)))
    fields.append(("note", bibtex_escape(f"paperchat id: {paper.paper_id}")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{ref.key},\n{body}\n}}\n"


def conversation_bibtex(conversation: Conversation, papers: dict[str, Paper]) -> str:
    entries = [bibtex_entry(r) for r in references(conversation, papers)]
    return "\n".join(entries) if entries else "% No paper was cited in this conversation.\n"


def write_exports(conversation: Conversation, papers: dict[str, Paper], folder: Path) -> tuple[Path, Path]:
    """Writes both files for the download buttons; fixed names, so the downloads are named sensibly."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / "paperchat-conversation.md"
    bibtex = folder / "paperchat-references.bib"
    markdown.write_text(conversation_markdown(conversation, papers), encoding="utf-8")
    bibtex.write_text(conversation_bibtex(conversation, papers), encoding="utf-8")
    return markdown, bibtex
