"""The words a corpus uses, looked up in any of the forms a writer may give them: an inflection ("tokenizers" for
"tokenizer", "optimising", "running"), British or American spelling (-ise/-ize, -our/-or). Not stemmed further:
"speculation" is no "speculative", and that difference is the point (a question about speculative decoding is
about something no abstract here has)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from rag.text.tokens import STOPWORDS

_WORD = re.compile(r"[a-z][a-z0-9]*")
# Prefixes an asker joins to a word with a hyphen that leave what it is about as it was ("mid-task", "pre-training");
# not "semi-", "non-", "multi-" ..., which make another subject ("semi-supervised learning").
HYPHEN_PREFIXES = frozenset({"mid", "pre", "post", "re", "co"})
NAME_SHARE = 0.8
_WITHIN = re.compile(r"(?<=[a-z0-9,;)] )[A-Za-z][A-Za-z0-9]*\b")
_INFLECTION = re.compile(r"(?:ing|ed|es|s|ly)$")
_HEAD_OF = re.compile(r"(?<=[a-z0-9,;)] )([A-Z][A-Za-z0-9]*)(?= of [A-Z0-9])")


def run_together(word: str, first: Callable[[str], bool], second: Callable[[str], bool]) -> bool:
    """Whether a word is two words of three letters or more written as one ("runtime", "supercomputers"): a split
    whose first part `first` knows and whose rest `second` does."""
    return any(first(word[:i]) and second(word[i:]) for i in range(3, len(word) - 2))


def _form(word: str) -> str:
    word = word.lower()
    word = re.sub(r"is(?=e|ed|es|er|ers|ing|ation|ations)", "iz", word)
    return word.replace("our", "or")


def _root(word: str) -> str:
    if len(word) <= 6:
        # A short verb's inflection too ("keeps", "giving", "varied"), leaving three letters or more; not a word's
        # own ending ("class", "focus", "alias", "this").
        if len(word) >= 5 and not re.search(r"(?:ss|us|is|as|os)$", word):
            return re.sub(r"(?<=[a-z]{3})(?:ing|ed|s)$", "", word)
        return word
    root = _INFLECTION.sub("", word)
    # "running" -> "run", not "runn"; "actually" -> "actual"
    return root[:-1] if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "ls" else root


class Vocabulary:
    def __init__(self, text: str) -> None:
        self._words = sorted({_form(w) for w in set(_WORD.findall(text.lower()))})
        # Words the corpus writes capitalised within sentences (NAME_SHARE of the time or more: "python" turns up
        # in a URL now and then) are names, however a question types them ("Isabelle", "Python"). Only words after
        # a lower-case word, a digit or a comma count: a sentence's or a title's first word is capitalised anyway.
        counts: dict[str, Counter[str]] = {}
        # "Game of 24", "Game of Life": a word capitalised only as the head of a longer name is that name's, not
        # one alone ("for Minecraft game" is a plain game).
        heads = Counter(_HEAD_OF.findall(text))
        self._heads_only = set()
        for word, n in Counter(_WITHIN.findall(text)).items():
            counts.setdefault(word.lower(), Counter())[word] += n
            if word[0].isupper() and heads[word] >= n:
                self._heads_only.add(word.lower())
        self._names = {}
        # Written in capitals within sentences ("MATH" of "GSM8K and MATH"): a name, however English has the word.
        self._upper = {form for forms in counts.values() for form in forms if len(form) > 1 and form.isupper()}
        self._plain: set[str] = set()  # written in lower case within sentences NAME_SHARE of the time or more
        for low, forms in counts.items():
            capitalised = sum(n for form, n in forms.items() if form[0].isupper())
            # "miniF2F", "xCodeEval": a capital inside makes a name to type as much as one in front. Plain words
            # are reckoned by the first letter alone, as a sentence reads them ("in miniF2F" is no model's name).
            named = sum(n for form, n in forms.items() if not form.islower())
            if named >= NAME_SHARE * sum(forms.values()):
                self._names[low] = max((f for f in forms if not f.islower()), key=forms.__getitem__)
            if sum(forms.values()) - capitalised >= NAME_SHARE * sum(forms.values()):
                self._plain.add(low)

    def as_written(self, word: str) -> str:
        """A word typed in lower case as the corpus writes it when it writes it as a name (capitalised within
        sentences, NAME_SHARE of the time: "isabelle" -> "Isabelle"); the word itself otherwise."""
        return self._names.get(word, word) if word.islower() else word

    def name_typed_lower(self, word: str) -> str:
        """The name a word typed in lower case stands for ("isabelle" -> "Isabelle", "mpi" -> "MPI"), or "" when
        it is no name. Three letters stand for an acronym only: "lot" is no "LoT", "pro" no "Pro"."""
        if len(word) < 3 or not word.islower() or (len(word) > 5 and word.endswith("ly")):
            return ""  # an adverb ("mostly") is no name, whatever name it starts ("Mostly Basic Programming ...")
        written = self.as_written(word)
        if written == word or (len(word) <= 3 and not written.isupper()):
            return ""
        # A verb the abstracts inflect in lower case ("executed", "executing") is a word, however a name writes it
        # ("Think-and-Execute"); a plural is no such sign ("copilots").
        stem = word[:-1] if word.endswith("e") else word
        return "" if any(self.plain(form) for form in (f"{stem}ed", f"{stem}ing")) and \
            written != written.upper() else written

    def writes_upper(self, word: str) -> bool:
        """Whether the corpus writes the word in capitals within a sentence ("MATH", "APPS")."""
        return word.upper() in self._upper

    def heads_a_name_only(self, word: str) -> bool:
        """Whether the corpus capitalises the word only as the head of a longer name ("Game" of "Game of 24")."""
        return word.lower() in self._heads_only

    def plain(self, word: str) -> bool:
        """Whether the corpus writes the word in lower case within sentences (NAME_SHARE of the time or more):
        an ordinary word, not a name, however a title capitalises it ("Activation", "Calcium")."""
        return word.lower() in self._plain

    def uses_most(self, phrase: str) -> bool:
        """Whether the corpus has most of a phrase's words, stopwords aside ("plain repeated sampling": "repeated
        sampling" will do); a phrase of no such words is met."""
        from rag.text.tokens import STOPWORDS

        words = [w for w in re.findall(r"[A-Za-z][\w-]*", phrase) if len(w) >= 3 and w.lower() not in STOPWORDS]
        return 2 * sum(self.uses(w) for w in words) >= len(words)

    def uses(self, word: str) -> bool:
        """Whether the corpus has the word, or a word it starts (its root without an inflection)."""
        parts = _WORD.findall(word.lower())
        # A short part of a hyphened word is a word of its own, not a start: "sim-to-real" is no "similar" ("no" of
        # "no-search" is the asker's).
        # A prefix before a hyphen ("mid-task", "non-trivial") is no word the corpus must have: the rest decides.
        return all(True if len(parts) > 1 and at < len(parts) - 1 and part in HYPHEN_PREFIXES
                   else self.has(part) or part in STOPWORDS if len(parts) > 1 and len(part) <= 3
                   else self._starts(_root(_form(part))) for at, part in enumerate(parts))

    def written_apart(self, word: str) -> bool:
        """Whether the corpus writes a compound as two words ("runtime": "run time", "codebase": "code base"):
        the asker's closed-up spelling of what an abstract has."""
        word = word.lower()
        return word.isalpha() and run_together(word, self.has, self.uses)

    def versioned(self, name: str) -> bool:
        """Whether the corpus writes a name run together with a version ("Qwen2.5", "Llama3"): a family of models."""
        stem = _form(name.lower())
        at = bisect.bisect_left(self._words, stem)
        while at < len(self._words) and self._words[at].startswith(stem):
            if self._words[at][len(stem):len(stem) + 1].isdigit():
                return True
            at += 1
        return False

    def has(self, word: str) -> bool:
        """Whether the corpus has exactly this word (in any case and spelling variant), no inflection allowed."""
        word = _form(word)
        at = bisect.bisect_left(self._words, word)
        return at < len(self._words) and self._words[at] == word

    def _starts(self, root: str) -> bool:
        at = bisect.bisect_left(self._words, root)
        return at < len(self._words) and self._words[at].startswith(root)
