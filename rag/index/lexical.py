"""BM25 over whole papers (title weighted by repetition + abstract), with the same tokens used to score
sentences lexically in the answerer.

An index can be saved to a folder and loaded back memory-mapped (rag/index/snapshot.py keys it by the store's
version): at 100,000 papers, tokenising and indexing take tens of seconds, loading well under one.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rag.text.tokens import tokenize
from rag.types import Paper

FILE = "lexical.json"  # paper ids, document frequencies and parameters; bm25s's own files sit beside it


class LexicalIndex:
    def __init__(self, papers: Sequence[Paper], title_repeat: int = 1, k1: float = 0.9, b: float = 0.4) -> None:
        import bm25s

        self.paper_ids = [p.paper_id for p in papers]
        self.params = {"title_repeat": title_repeat, "k1": k1, "b": b}
        docs = [tokenize(" ".join([p.title] * title_repeat + [p.abstract])) for p in papers]
        self._df: Counter[str] = Counter()
        for doc in docs:
            self._df.update(set(doc))
        self._n = max(len(docs), 1)
        self._bm25 = bm25s.BM25(k1=k1, b=b) if docs else None
        if self._bm25 is not None:
            self._bm25.index(docs, show_progress=False)

    def idf(self, token: str) -> float:
        return math.log(1 + (self._n - self._df.get(token, 0) + 0.5) / (self._df.get(token, 0) + 0.5))

    def papers_using(self, word: str) -> int:
        """How many papers use a word (as BM25 reads it: stemmed); a stopword counts as used by every paper."""
        tokens = tokenize(word)
        if not tokens:
            return self._n
        return min(self._df.get(t, 0) for t in tokens)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        tokens = [t for t in tokenize(query) if t in self._df]
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.paper_ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(str(folder), show_progress=False)
        state = {"paper_ids": self.paper_ids, "df": self._df, "n": self._n, "params": self.params,
                 "empty": self._bm25 is None}
        (folder / FILE).write_text(json.dumps(state), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """The index `save` wrote, its score matrix memory-mapped (pages are read as queries touch them)."""
        import bm25s

        state = json.loads((folder / FILE).read_text(encoding="utf-8"))
        index = cls.__new__(cls)
        index.paper_ids, index.params, index._n = state["paper_ids"], state["params"], state["n"]
        index._df = Counter(state["df"])
        index._bm25 = None if state["empty"] else bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        return index
