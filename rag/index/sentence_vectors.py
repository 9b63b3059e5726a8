"""Sentence vectors for the answerer: computed at ingest and stored with the index, so a question embeds only
itself.

The answerer scores every sentence of the retrieved abstracts by meaning; embedding them at question time cost
~1 s for the first question about a set of papers (the first-ask p95 was 20x the p50). Ingest now embeds each
paper's sentences once and the store keeps them (a companion collection, so every worker of a Chroma server
shares them); a question looks its sentences up by text. Papers ingested before sentence vectors were stored are
embedded on first use, as before, and kept in memory until the next ingest fills them into the store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from rag.text.sentences import split_sentences
from rag.types import Paper

MAX_CACHED = 50_000

Lookup = Callable[[Sequence[str]], Mapping[str, np.ndarray]]


def embedding_texts(paper: Paper) -> list[str]:
    """The texts the answerer embeds for a paper's sentences, in abstract order: the first carries the title,
    since "We propose X" alone does not say what X is about. Ingest stores these and the answer's scoring embeds
    these, so a stored vector is always found (tests/test_sentence_vectors.py checks a question embeds nothing else)."""
    return [f"{paper.title}. {s}" if i == 0 else s for i, s in enumerate(split_sentences(paper.abstract))]


class SentenceVectors:
    """Text -> vector for the answerer: an in-process cache, then the stored vectors, then the encoder."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], lookup: Lookup | None = None,
                 max_cached: int = MAX_CACHED) -> None:
        self._embed = embed
        self._lookup = lookup
        self._max = max_cached
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the chat page and the Evaluate tab ask from several threads
        self.embedded = 0  # sentences this process had to embed itself (papers ingested before vectors were stored)

    def __call__(self, sentences: Sequence[str]) -> np.ndarray:
        with self._lock:
            found = {s: self._cache.get(s) for s in dict.fromkeys(sentences)}
        missing = [s for s, v in found.items() if v is None]
        if missing and self._lookup is not None:
            stored = self._stored(missing)
            for sentence in missing:
                found[sentence] = stored.get(sentence)
            missing = [s for s in missing if found[s] is None]
        if missing:
            for sentence, vector in zip(missing, self._embed(missing), strict=True):
                found[sentence] = vector
            self.embedded += len(missing)
        with self._lock:
            self._cache.update((s, v) for s, v in found.items() if v is not None)
            while len(self._cache) > self._max:
                self._cache.popitem(last=False)
        return np.stack([found[s] for s in sentences])

    def _stored(self, texts: list[str]) -> Mapping[str, np.ndarray]:
        """The stored vectors of these texts. They can always be recomputed, so a store that fails to give them
        (a server gone away for a moment, a collection being rewritten) costs time, never the answer."""
        try:
            return self._lookup(texts) if self._lookup else {}
        except Exception:  # any failure means: embed them here instead
            return {}
