"""Initialisms a question types for a name or phrase written out elsewhere: "HE" for HumanEval, "LCB" for
LiveCodeBench, "NL" for the "natural language" the same question writes.

Why: researchers shorten names in chat ("CodeTree w/ GPT-4o - numbers for HE, MBPP and CodeContests pls"), and an
initialism no abstract writes read as a name the index lacks, so a question the abstracts answer was refused. Only
an initialism that no abstract writes is read, and only when exactly one name spells it with its capitals, or the
question itself writes the words it stands for; anything else stays as typed (an unknown name is still refused).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# Two to four capitals standing alone, maybe plural ("LMs"): not part of a longer token ("pass@1", "GPT-4", "CI/CD"),
# though a slash may join it to a word in lower case as its alternative ("in-domain/OOD").
_INITIALISM = re.compile(r"(?:(?<![\w@/.+*-])|(?<=[a-z]/))(?P<letters>[A-Z]{2,4})(?P<plural>s?)(?![\w@/+*-]|\.\w)")
# A name joined from two to four capitalised words: "HumanEval", "LiveCodeBench", "CodeContests".
_CAMEL = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+){2,4}(?![\w-])")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_DEFINED = re.compile(r"\s*\(")  # "ES (edit similarity)"
_SMALL = frozenset("a an and as at by for from in of on or the to with".split())


@lru_cache(maxsize=2)
def _camel_names(corpus_text: str) -> dict[str, frozenset[str]]:
    """Each joined name the index writes, by its capitals ("HE": {"HumanEval"})."""
    names: dict[str, set[str]] = {}
    for name in set(_CAMEL.findall(corpus_text)):
        names.setdefault("".join(c for c in name if c.isupper()), set()).add(name)
    return {letters: frozenset(found) for letters, found in names.items()}


# Two to five capitalised words in a row, as a title writes them: "Proof-Oriented Programming".
_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:[ -]+[A-Z][a-z]+){1,4}(?![\w-])")


@lru_cache(maxsize=2)
def _capitalised_phrases(corpus_text: str) -> dict[str, frozenset[str]]:
    """Each run of capitalised words the index writes and the runs within it, by their initials ("POP":
    {"Proof-Oriented Programming"}), three letters or more: two spell out too much."""
    phrases: dict[str, set[str]] = {}
    for run in set(_CAPITALISED_RUN.findall(corpus_text)):
        words = re.findall(r"[A-Z][a-z]+", run)
        for i in range(len(words)):
            for j in range(i + 3, len(words) + 1):
                phrase = re.search(r"[ -]+".join(words[i:j]), run)[0]
                phrases.setdefault("".join(w[0] for w in words[i:j]), set()).add(phrase.lower())
    return {letters: frozenset(found) for letters, found in phrases.items()}


def _spelled_in(text: str, letters: str) -> list[str]:
    """The runs of consecutive words in `text` whose initials are `letters` ("natural language" for NL); the words
    of a hyphenated compound count one by one, small ones too ("out-of-domain" for OOD)."""
    found = []
    for words in ([w for w in _WORD.findall(text) if w.lower() not in _SMALL],
                  [part for w in _WORD.findall(text) if "-" in w or w.lower() not in _SMALL
                   for part in w.split("-") if part]):
        runs = [words[i:i + len(letters)] for i in range(len(words) - len(letters) + 1)]
        found += [" ".join(run) for run in runs
                  if "".join(w[0] for w in run).upper() == letters and not any(w.isupper() for w in run)]
    return list(dict.fromkeys(found))


def _defined_as(phrase: str, letters: str, corpus_text: str) -> bool:
    """Whether an abstract defines the initialism as these words: "Natural Language (NL)"."""
    words = r"[\s-]+".join(map(re.escape, phrase.split()))
    return re.search(rf"(?<![\w-]){words}\s*\(\s*{letters}s?\s*\)", corpus_text, re.I) is not None


def _commoner(letters: str, phrase: str, corpus_text: str) -> bool:
    """Whether the abstracts write the initialism more often than the words it stands for: "MBPP the mostly basic
    programming problems thing" keeps MBPP, which one abstract spells out and the others only name."""
    said = len(re.findall(r"[\s-]+".join(map(re.escape, phrase.split())), corpus_text, re.I))
    return len(re.findall(rf"(?<![\w-]){letters}s?(?![\w-])", corpus_text)) > said


def spell_initialisms(text: str, corpus_text: str, written: Callable[[str], bool]) -> str:
    """`text` with each initialism replaced by what it stands for, when that is certain: words the text writes
    that an abstract defines it as, or for one no abstract writes (`written`), words the text writes before it, the
    one joined name of the index with those capitals, or its one run of capitalised words with those initials."""

    def out(m: re.Match[str]) -> str:
        letters = m["letters"]
        if _DEFINED.match(text, m.end()) or re.search(r"\(\s*$", text[:m.start()]):
            return m[0]  # "edit similarity (ES)": defined where it is typed, the name is asked as well as the words
        # Words the question writes that an abstract defines it as ("where does RL get used ... reinforcement
        # learning", "Reinforcement Learning (RL)"), or, for one no abstract writes, words it wrote before it ("better
        # than natural language ..., despite tuning on NL"); "AI agents acting inside" is no "AI".
        typed = written(m[0]) or written(letters)
        rest = text[:m.start()] + " " + text[m.end():]
        phrase = next((p for p in _spelled_in(rest, letters) if _defined_as(p, letters, corpus_text)
                       and not (typed and _commoner(letters, p, corpus_text))), "") or \
            next(iter(_spelled_in(text[:m.start()], letters) if not typed else []), "")
        if phrase:
            return phrase + ("s" if m["plural"] and not phrase.endswith("s") else "")
        if typed:
            return m[0]
        names = _camel_names(corpus_text).get(letters, frozenset())
        if len(names) == 1 and not m["plural"]:
            return next(iter(names))
        # Or the one run of capitalised words with those initials ("the SMT-assisted POP paper").
        phrases = _capitalised_phrases(corpus_text).get(letters, frozenset())
        return next(iter(phrases)) if not names and len(phrases) == 1 else m[0]

    return _INITIALISM.sub(out, text)
