"""One paper, whichever export it came from: a library record meets a stored or already-read paper with the same
DOI, the same arXiv id, or the same normalised title (when no DOI or arXiv id says they differ), and takes its id,
so a second export updates the paper instead of adding a copy.

Only library records (Found.by_identity) are matched this way: a JSONL or BEIR record names its paper by its own id,
and two such records with one title are two papers (see ingest.conflicts).
"""

from __future__ import annotations

from dataclasses import fields, replace

from rag.text.clean import normalise_title
from rag.types import Paper

# What a later export may add to a paper without changing its text; an empty value never erases a stored one.
METADATA = ("authors", "year", "url", "venue", "doi", "arxiv_id")


class Identities:
    """Every known paper's DOI, arXiv id and title, pointing at its id."""

    def __init__(self, papers: dict[str, Paper] | None = None) -> None:
        self._papers: dict[str, Paper] = {}
        self._ids: dict[str, str] = {}
        for paper in (papers or {}).values():
            self.add(paper)

    def add(self, paper: Paper) -> None:
        self._papers[paper.paper_id] = paper
        for key in _keys(paper):
            self._ids.setdefault(key, paper.paper_id)

    def known_id(self, paper: Paper) -> str:
        """The id this paper is already known under, or "" when it is new."""
        if paper.paper_id in self._papers:
            return paper.paper_id
        for key in _keys(paper):
            known = self._ids.get(key)
            if known and (not key.startswith("title:") or not _identifiers_differ(paper, self._papers[known])):
                return known
        return ""


def merged(new: Paper, old: Paper) -> Paper:
    """new, under old's id, keeping old's metadata where new has none (a RIS export without venues does not
    erase the venues a BibTeX export gave)."""
    kept = {name: getattr(old, name) for name in METADATA if not getattr(new, name) and getattr(old, name)}
    return replace(new, paper_id=old.paper_id, **kept)


def same_metadata(a: Paper, b: Paper) -> bool:
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Paper) if f.name in METADATA)


def _keys(paper: Paper) -> list[str]:
    keys = [f"doi:{paper.doi}"] if paper.doi else []
    keys += [f"arxiv:{paper.arxiv_id}"] if paper.arxiv_id else []
    title = normalise_title(paper.title)
    return [*keys, f"title:{title}"] if title else keys


def _identifiers_differ(a: Paper, b: Paper) -> bool:
    return bool((a.doi and b.doi and a.doi != b.doi) or (a.arxiv_id and b.arxiv_id and a.arxiv_id != b.arxiv_id))
