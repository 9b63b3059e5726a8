"""A small index's vectors as flat arrays, saved with its snapshot (rag/index/snapshot.py).

A one-shot `paperchat ask` spent half its time importing and opening Chroma (the import alone is ~0.5 s) to search
a few hundred vectors. For a store of up to MAX_PAPERS papers the snapshot of a version also holds every chunk's
vector and every stored sentence vector, so a read-only command whose store shows that version searches these
with one matrix product (exact cosine, as Chroma's HNSW approximates it) and never loads Chroma. Chroma stays the
store of record: every write goes to it, a larger store is searched there, and so is anything at all when the
replica is missing, stale or unreadable.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.index.dense import DenseHit, sentence_id

# Decided by the paper count a view already has: counting a store's chunks makes Chroma load its whole vector index
# (+200 MB at 100,000 chunks), which a reader of a large store should not pay at open. 5,000 papers are ~12,500
# chunks on the built-in corpus's 2.5 per paper: ~20 MB of float32 vectors; beyond it Chroma's index searches.
MAX_PAPERS = 5_000
_CHUNKS, _CHUNK_VECTORS = "chunks.json", "chunk_vectors.npy"
_SENTENCES, _SENTENCE_VECTORS = "sentences.json", "sentence_vectors.npy"


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)


@dataclass
class Replica:
    chunk_ids: list[str]
    paper_ids: list[str]  # of each chunk
    texts: list[str]  # of each chunk
    vectors: np.ndarray  # one unit vector per chunk
    sentence_ids: dict[str, int]  # sentence_id(text) -> row of sentence_matrix
    sentence_matrix: np.ndarray  # one vector per stored sentence

    def count(self) -> int:
        return len(self.chunk_ids)

    def dense_search(self, vector: np.ndarray, k: int, total: int | None = None) -> list[DenseHit]:
        """The k nearest chunks by cosine, best first (ChromaStore.dense_search's answer, computed exactly)."""
        if not self.chunk_ids:
            return []
        similarity = self.vectors @ _unit(np.asarray(vector, dtype=np.float32))
        k = min(k, len(similarity))
        top = np.argpartition(-similarity, k - 1)[:k]
        top = top[np.argsort(-similarity[top], kind="stable")]
        return [DenseHit(chunk_id=self.chunk_ids[i], paper_id=self.paper_ids[i], text=self.texts[i],
                         similarity=float(similarity[i])) for i in top]

    def sentence_vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these sentence texts; absent ones are left out (ChromaStore.sentence_vectors)."""
        rows = {t: self.sentence_ids.get(sentence_id(t)) for t in texts}
        return {t: self.sentence_matrix[row] for t, row in rows.items() if row is not None}

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _CHUNKS).write_text(json.dumps({"ids": self.chunk_ids, "paper_ids": self.paper_ids,
                                                  "texts": self.texts}, ensure_ascii=False), encoding="utf-8")
        np.save(folder / _CHUNK_VECTORS, self.vectors)
        (folder / _SENTENCES).write_text(json.dumps(list(self.sentence_ids)), encoding="utf-8")
        np.save(folder / _SENTENCE_VECTORS, self.sentence_matrix)

    @classmethod
    def load(cls, folder: Path) -> Replica | None:
        """The replica saved in `folder`, or None when there is none or it does not read back whole."""
        try:
            chunks = json.loads((folder / _CHUNKS).read_text(encoding="utf-8"))
            vectors = np.load(folder / _CHUNK_VECTORS)
            sentences = json.loads((folder / _SENTENCES).read_text(encoding="utf-8"))
            sentence_vectors = np.load(folder / _SENTENCE_VECTORS)
            replica = cls(list(chunks["ids"]), list(chunks["paper_ids"]), list(chunks["texts"]), vectors,
                          {sid: row for row, sid in enumerate(sentences)}, sentence_vectors)
        except (OSError, ValueError, TypeError, KeyError):
            return None
        n = len(replica.chunk_ids)
        if not (len(replica.paper_ids) == len(replica.texts) == n == len(vectors) and
                len(sentences) == len(sentence_vectors)):
            return None
        return replica


def build(chunk_ids: list[str], paper_ids: list[str], texts: list[str], vectors: Sequence[Sequence[float]],
          sentence_ids: list[str], sentence_vectors: Sequence[Sequence[float]]) -> Replica:
    """A replica from what a store holds (ChromaStore.replica reads it)."""
    dim = len(vectors[0]) if len(vectors) else 0
    chunks = _unit(np.asarray(vectors, dtype=np.float32).reshape(len(chunk_ids), dim))
    sentences = np.asarray(sentence_vectors, dtype=np.float32).reshape(len(sentence_ids), -1 if sentence_ids else 0)
    return Replica(chunk_ids, paper_ids, texts, chunks, {sid: row for row, sid in enumerate(sentence_ids)}, sentences)
