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
        if not len(scores):
            return []
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
        state = json.loads((folder / FILE).read_text(encoding="utf-8"))
        index = cls.__new__(cls)
        index.paper_ids, index.params, index._n = state["paper_ids"], state["params"], state["n"]
        index._df = Counter(state["df"])
        index._bm25 = None if state["empty"] else _saved_scores(folder)
        return index


class SavedScores:
    """bm25s's saved index queried with numpy alone. bm25s computes every (token, paper) score when it indexes
    and saves them as one sparse matrix, a column per token; a query's scores are the sum of its tokens' columns,
    which is all this does. Loading bm25s itself imports scipy (~0.5 s of a cold `ask`, more than the query); a
    test holds the two to the same scores, and an index in a form this does not read is loaded by bm25s."""

    def __init__(self, folder: Path) -> None:
        self.data = np.load(folder / "data.csc.index.npy", mmap_mode="r")
        self.indices = np.load(folder / "indices.csc.index.npy", mmap_mode="r")
        self.indptr = np.load(folder / "indptr.csc.index.npy", mmap_mode="r")
        self.vocab: dict[str, int] = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        self.num_docs = int(json.loads((folder / "params.index.json").read_text(encoding="utf-8"))["num_docs"])

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for token in tokens:  # a token asked twice counts twice, as in bm25s
            column = self.vocab.get(token)
            if column is not None:
                start, end = int(self.indptr[column]), int(self.indptr[column + 1])
                scores[self.indices[start:end]] += self.data[start:end]  # a column names each paper once
        return scores


def _saved_scores(folder: Path) -> object:
    """The saved matrix read by SavedScores when it is one (bm25s's "lucene" scores have nothing to add for
    absent tokens); any other form by bm25s."""
    params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
    if params.get("method") == "lucene" and (folder / "data.csc.index.npy").is_file():
        return SavedScores(folder)
    import bm25s

    return bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
