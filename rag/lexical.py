"""BM25 over whole papers (title weighted by repetition + abstract), with the same tokens used to score
sentences lexically in the answerer."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from rag.types import Paper

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself yourselves paper papers
    abstract abstracts report reports use uses used using""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[str]:
    words = []
    for raw in _TOKEN.findall(text.lower()):
        for word in raw.split("-") if "-" in raw else (raw,):
            if word and word not in STOPWORDS:
                words.append(_stem(word))
    return words


class LexicalIndex:
    def __init__(self, papers: Sequence[Paper], title_repeat: int = 1, k1: float = 0.9, b: float = 0.4) -> None:
        import bm25s

        self.paper_ids = [p.paper_id for p in papers]
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

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        tokens = [t for t in tokenize(query) if t in self._df]
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens))
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.paper_ids[i], float(scores[i])) for i in top if scores[i] > 0]
