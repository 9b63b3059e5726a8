"""Stable identifiers derived from content, so that re-ingesting the same text is a no-op."""

from __future__ import annotations

import hashlib
import re

from rag.text.clean import normalise_title


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def paper_id_from_title(title: str) -> str:
    """A readable slug plus a short hash: unique enough, and stable across runs."""
    norm = normalise_title(title)
    slug = re.sub(r"[^a-z0-9]+", "-", norm).strip("-")[:48].rstrip("-")
    return f"{slug or 'paper'}-{content_hash(norm)[:8]}"
