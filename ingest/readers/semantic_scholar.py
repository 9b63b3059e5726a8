"""Semantic Scholar Graph API papers (`paperId`, `title`, `abstract`, `externalIds`, `authors`), one per line, a
JSON array, or an API page `{"data": [...]}`; read through the JSON reader (ingest.readers.jsonl)."""

from __future__ import annotations

from ingest.library import library_paper
from ingest.records import Found, Rejected


def looks_like(obj: dict) -> bool:
    return "paperId" in obj or "externalIds" in obj


def paper(obj: dict, source: str, where: str, max_chars: int = 200_000) -> Found | Rejected:
    external = obj.get("externalIds") or {}
    venue = obj.get("venue") or (obj.get("journal") or {}).get("name") or ""
    authors = [str(a.get("name") or "") for a in obj.get("authors") or [] if isinstance(a, dict)]
    return library_paper(
        title=str(obj.get("title") or ""), abstract=str(obj.get("abstract") or ""), source=source, where=where,
        authors=authors, year=obj.get("year") or obj.get("publicationDate"), venue=str(venue),
        doi=str(external.get("DOI") or ""), arxiv_id=str(external.get("ArXiv") or "").lower(),
        url=str(obj.get("url") or ""), max_chars=max_chars,
    )
