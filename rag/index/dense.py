"""What the two vector searches share, Chroma's (rag/index/store.py) and the flat replica's (rag/index/replica.py):
the hit a search returns, and the key a sentence's vector is stored under."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class DenseHit:
    chunk_id: str
    paper_id: str
    text: str
    similarity: float


def sentence_id(text: str) -> str:
    """A sentence's key among the stored sentence vectors: its text's hash, so the answerer, which sees texts, can
    look it up without knowing where the text came from."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
