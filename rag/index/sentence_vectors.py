"""Sentence vectors, computed once per process: the same abstracts come back question after question."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

MAX_CACHED = 50_000


class SentenceVectors:
    def __init__(self, embed: Callable[[list[str]], np.ndarray], max_cached: int = MAX_CACHED) -> None:
        self._embed = embed
        self._max = max_cached
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the chat page and the Evaluate tab ask from several threads

    def __call__(self, sentences: Sequence[str]) -> np.ndarray:
        with self._lock:
            found = {s: self._cache.get(s) for s in dict.fromkeys(sentences)}
        missing = [s for s, v in found.items() if v is None]
        if missing:
            for sentence, vector in zip(missing, self._embed(missing), strict=True):
                found[sentence] = vector
            with self._lock:
                self._cache.update((s, found[s]) for s in missing)
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        return np.stack([found[s] for s in sentences])
