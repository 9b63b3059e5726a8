"""Records of reference-manager and catalogue exports (BibTeX, RIS, Zotero CSV, OpenAlex, Semantic Scholar) as
papers: one identity rule for all of them, so the same paper from two exports gets the same id.

The id is the DOI when there is one (a DOI names one published paper), else the arXiv id, else the title's slug
(rag.ids), the rule every other reader uses, so a library entry without identifiers still meets the same paper
ingested from a JSONL or the built-in page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from ingest.records import Found, Rejected, make_paper
from rag.ids import paper_id_from_title

_DOI = re.compile(r"10\.\d{4,9}/\S+", re.I)
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(?P<id>.+)$", re.I)
_ARXIV = re.compile(
    r"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*|^)(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?\b",
    re.I,
)
NO_ABSTRACT = ("no abstract: the export holds none for this entry; add one (an abstract field), or export with "
               "abstracts, to ingest it")


def normalise_doi(text: str) -> str:
    """"https://doi.org/10.1145/ABC." -> "10.1145/abc": DOIs are case-insensitive and exports wrap them."""
    match = _DOI.search(text or "")
    return match.group().rstrip(".,;").lower() if match else ""


def arxiv_id_of(*texts: str) -> str:
    """The arXiv id (no version) in an eprint field, an arXiv URL or an arXiv DOI; "" when none holds one."""
    for text in texts:
        text = (text or "").strip()
        if doi := _ARXIV_DOI.match(normalise_doi(text)):
            return doi.group("id")
        if match := _ARXIV.search(text):
            return match.group("id").lower()
    return ""


def first_last(name: str) -> str:
    """"Lample, Guillaume" -> "Guillaume Lample": exports write "Last, First"; the page and answers write names as
    people say them, and an author filter then matches either way."""
    last, comma, first = str(name).partition(",")
    return " ".join(f"{first} {last}".split()) if comma else " ".join(str(name).split())


@cache
def _latex():  # built once: pylatexenc compiles its macro tables on construction
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def latex_to_text(text: str) -> str:
    """BibTeX values are LaTeX: {\\"u} is ü, \\textbf{x} is x, $O(n^2)$ is O(n^2); the chunker and the reader
    want the text a reader sees."""
    if not any(c in text for c in "\\{}$~"):
        return text
    try:
        plain = _latex().latex_to_text(text)
    except Exception:  # pylatexenc is tolerant, but a value is the user's data: keep it rather than lose the entry
        return text
    return plain.replace("\xa0", " ").replace("<cit.>", "").strip()


def library_paper(
    *, title: str, abstract: str, source: str, where: str, authors: Iterable[str] = (), year: object = None,
    venue: str = "", doi: str = "", arxiv_id: str = "", url: str = "", max_chars: int = 200_000,
) -> Found | Rejected:
    """A library record as a paper with the cross-export id, or why not (checked as every reader checks)."""
    if not str(title or "").strip():
        return Rejected(source, where, "no title: give the entry a title to ingest it")
    if not str(abstract or "").strip():
        return Rejected(source, where, NO_ABSTRACT)
    doi = normalise_doi(doi)
    arxiv_id = arxiv_id or arxiv_id_of(doi, url)
    raw = {"title": title, "abstract": abstract, "authors": [a for a in authors if a], "year": year, "url": url}
    found = make_paper(raw, source=source, where=where, max_chars=max_chars)
    if isinstance(found, Rejected):
        return found
    paper = found.paper
    own_doi = "" if _ARXIV_DOI.match(doi) else doi
    paper_id = own_doi or arxiv_id or paper_id_from_title(paper.title)
    paper = replace(paper, paper_id=paper_id, venue=" ".join(venue.split()), doi=doi, arxiv_id=arxiv_id)
    return Found(paper, source, where, by_identity=True)
