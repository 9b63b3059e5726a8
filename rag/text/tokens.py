"""Word tokens for BM25 and for lexical sentence scoring: lower-cased, stop words out, Snowball-stemmed.

One definition, so a word the index counts is the word the answerer and the verifier compare.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

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


def long_words(text: str, ignore: frozenset[str] = frozenset()) -> list[str]:
    """The words of five letters or more that say what a question is about: no stopwords, no names (capitals or
    digits past the first letter: those are looked up as names), none of `ignore` (lower case)."""
    return [w for w in re.findall(r"[A-Za-z][\w-]*", text)
            if len(w) >= 5 and w.lower() not in STOPWORDS | ignore and not re.search(r"[A-Z0-9]", w[1:])]


def word_pairs(text: str) -> list[str]:
    """Two words side by side, neither a stopword nor short ("error feedback" of "does giving it error feedback
    help?"), lower-cased: a phrase a sentence can share with a question, where single words are too common."""
    words = re.findall(r"[a-z][a-z-]*", text.lower())
    return list(dict.fromkeys(f"{a} {b}" for a, b in itertools.pairwise(words)
                              if len(a) >= 4 and len(b) >= 4 and a not in STOPWORDS and b not in STOPWORDS))
