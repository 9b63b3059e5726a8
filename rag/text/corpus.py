"""The whole index as one text: every title and abstract, joined one way, so a match found in it (does any abstract
mention this name? how many papers use this phrase?) maps back to the paper it is in."""

from __future__ import annotations

from collections.abc import Iterable

from rag.types import Paper


def joined(papers: Iterable[Paper]) -> str:
    return "\n".join(f"{p.title}\n{p.abstract}" for p in papers)


def starts(papers: Iterable[Paper]) -> list[int]:
    """Where each paper begins in `joined(papers)`, in the same order."""
    found, at = [], 0
    for paper in papers:
        found.append(at)
        at += len(paper.title) + len(paper.abstract) + 2
    return found
