"""OpenAlex works (JSON Lines, a JSON array, or an API page `{"results": [...]}`), read through the JSON reader
(ingest.readers.jsonl), which hands each object here.

OpenAlex does not ship abstracts as text (a licensing choice): `abstract_inverted_index` maps each word to its
positions, and the text is those words put back in order.
"""

from __future__ import annotations

from ingest.library import arxiv_id_of, library_paper
from ingest.records import Found, Rejected


def looks_like(obj: dict) -> bool:
    return "abstract_inverted_index" in obj or str(obj.get("id") or "").startswith("https://openalex.org/")


def abstract_text(inverted: object) -> str:
    """{"Large": [0], "models": [1, 4], ...} -> "Large models ... models"."""
    if not isinstance(inverted, dict):
        return ""
    placed = {}
    for word, positions in inverted.items():
        for position in positions if isinstance(positions, list) else ():
            if isinstance(position, int):
                placed[position] = str(word)
    return " ".join(placed[p] for p in sorted(placed))


def paper(obj: dict, source: str, where: str, max_chars: int = 200_000) -> Found | Rejected:
    primary = obj.get("primary_location") or {}
    venue = (primary.get("source") or {}).get("display_name") or ""
    landing = [str(loc.get("landing_page_url") or "") for loc in obj.get("locations") or [] if isinstance(loc, dict)]
    ids = obj.get("ids") or {}
    authors = [
        str((a.get("author") or {}).get("display_name") or a.get("raw_author_name") or "")
        for a in obj.get("authorships") or [] if isinstance(a, dict)
    ]
    doi = str(obj.get("doi") or ids.get("doi") or "")
    url = str(primary.get("landing_page_url") or "") or doi
    return library_paper(
        title=str(obj.get("title") or obj.get("display_name") or ""),
        abstract=abstract_text(obj.get("abstract_inverted_index")) or str(obj.get("abstract") or ""),
        source=source, where=where, authors=authors,
        year=obj.get("publication_year") or obj.get("publication_date"), venue=str(venue), doi=doi,
        arxiv_id=arxiv_id_of(doi, url, *landing), url=url, max_chars=max_chars,
    )
