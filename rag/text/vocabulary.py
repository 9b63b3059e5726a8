"""The words a corpus uses, looked up in any of the forms a writer may give them: an inflection ("tokenizers" for
"tokenizer", "optimising", "running"), British or American spelling (-ise/-ize, -our/-or). Not stemmed further:
"speculation" is no "speculative", and that difference is the point (a question about speculative decoding is
about something no abstract here has)."""

from __future__ import annotations

import bisect
import re
from collections import Counter

_WORD = re.compile(r"[a-z][a-z0-9]*")
NAME_SHARE = 0.8
_INFLECTION = re.compile(r"(?:ing|ed|es|s|ly)$")


def _form(word: str) -> str:
    word = word.lower()
    word = re.sub(r"is(?=e|ed|es|er|ers|ing|ation|ations)", "iz", word)
    return word.replace("our", "or")


def _root(word: str) -> str:
    if len(word) <= 6:
        return word
    root = _INFLECTION.sub("", word)
    # "running" -> "run", not "runn"; "actually" -> "actual"
    return root[:-1] if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "ls" else root


class Vocabulary:
    def __init__(self, text: str) -> None:
        self._words = sorted({_form(w) for w in _WORD.findall(text.lower())})
        # Words the corpus writes capitalised (four times in five or more: "python" turns up in a URL or a code
        # name now and then): names, however a question types them ("Isabelle", "Python").
        counts: dict[str, Counter[str]] = {}
        for w in re.findall(r"\b[A-Za-z][A-Za-z0-9]*\b", text):
            counts.setdefault(w.lower(), Counter())[w] += 1
        self._names = {}
        for low, forms in counts.items():
            capitalised = sum(n for form, n in forms.items() if form[0].isupper())
            if capitalised >= NAME_SHARE * sum(forms.values()):
                self._names[low] = max((f for f in forms if f[0].isupper()), key=forms.__getitem__)

    def as_written(self, word: str) -> str:
        """A word typed in lower case as the corpus writes it when it only ever writes it as a name ("isabelle" ->
        "Isabelle"); the word itself otherwise."""
        return self._names.get(word, word) if word.islower() else word

    def uses(self, word: str) -> bool:
        """Whether the corpus has the word, or a word it starts (its root without an inflection)."""
        parts = _WORD.findall(word.lower())
        return all(self._starts(_root(_form(part))) for part in parts)

    def _starts(self, root: str) -> bool:
        at = bisect.bisect_left(self._words, root)
        return at < len(self._words) and self._words[at].startswith(root)
