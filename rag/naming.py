"""Finds the paper a name refers to: a title, a title's acronym ("DotaMath"), or a method named only inside
an abstract ("Meta Agent Search"). Used by comparisons and by follow-up condensing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.text import normalise_title
from rag.types import Paper

_INTRO = re.compile(r"\b(?:propose|introduce|present|develop|design|call|name|dub|term)\w*\b", re.I)


def short_name(paper: Paper) -> str:
    """The part of a title before its colon when that part is short: what people call the paper."""
    head = paper.title.split(":", 1)[0].strip()
    return head if ":" in paper.title and len(head.split()) <= 4 else paper.title


def find_paper(name: str, papers: Iterable[Paper]) -> Paper | None:
    """Best paper for a name, or None when no title or abstract mentions it."""
    papers = list(papers)
    wanted = normalise_title(name)
    if not wanted:
        return None
    for paper in papers:  # exact short name or whole title
        if normalise_title(short_name(paper)) == wanted or normalise_title(paper.title) == wanted:
            return paper
    in_title = [p for p in papers if re.search(rf"\b{re.escape(wanted)}\b", normalise_title(p.title))]
    if len(in_title) == 1:
        return in_title[0]
    pattern = re.compile(rf"(?<![\w-]){re.escape(name.strip())}(?![\w-])", re.I)
    scored = []
    for paper in papers:
        hits = pattern.findall(paper.abstract)
        if not hits:
            continue
        introduced = any(_INTRO.search(s) and pattern.search(s) for s in re.split(r"(?<=[.!?])\s+", paper.abstract))
        in_title_bonus = 5 if paper in in_title else 0
        scored.append((in_title_bonus + 3 * introduced + len(hits), paper))
    if scored:
        scored.sort(key=lambda t: -t[0])
        return scored[0][1]
    return in_title[0] if in_title else None


_NAME = re.compile(r"\b(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*")


def names_in(text: str) -> list[str]:
    """Acronyms and CamelCase names ("RLCoder", "GSM8K", "DeepSeek-Prover") in the order they appear."""
    return list(dict.fromkeys(m.group(0) for m in _NAME.finditer(text)))
