"""What an acronym stands for, as an abstract spells it out.

"What does ESMA stand for?" is answered by the words an abstract writes beside the acronym ("the Enumerated
Signed-continued-fraction Massey Approve (ESMA) algorithm"), and by nothing else: an abstract that uses an acronym
without spelling it out ("the HACL* cryptographic library") does not say what it stands for, whatever its other
sentences about it say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text.sentences import split_sentences

# "what does X stand for", "short for", "what's the acronym expand to", "the full name of X", "spelled out".
_ASKS = re.compile(r"\bstands?\s+for\b|\bshort\s+for\b|\bexpan(?:ds?|ded)\s+(?:to|into|in)\b|\bexpansion\b|"
                   r"\bspell(?:s|ed)?\s+out\b|\bfull\s+(?:name|form)\b|\bacronym\b|\babbreviation\b", re.I)
# A token that reads as an acronym: two or more capitals, maybe digits or a trailing mark ("HACL*", "GPT-4").
_ACRONYM = re.compile(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*[A-Z][\w*+-]*")
# Words an expansion may leave out of its initials ("Process Reinforcement through IMplicit rEwards").
_SMALL = frozenset("a an and as at by for from in of on or the to through with via".split())
_MOST_WORDS = 12
_THE_ACRONYM = re.compile(r"\bthe\s+(?:acronym|abbreviation)\b", re.I)
_WORD = re.compile(r"[\w'-]+")


def asks_expansion(question: str) -> bool:
    return _ASKS.search(question) is not None


def asked_acronym(question: str, own_names: Sequence[str]) -> str:
    """The acronym nearest the cue ("what does HACL* stand for" -> "HACL*"); with none written in capitals, the
    paper's own name where it is one and the question has it ("what does esma stand for") or names nothing ("what's
    the acronym expand to?"); else ""."""
    cue = _ASKS.search(question)
    if cue is None:
        return ""
    found = list(_ACRONYM.finditer(question))
    if not found:
        own = [n for n in own_names if _ACRONYM.fullmatch(n)]
        typed = [n for n in own if n.lower() in question.lower()]
        return next(iter(typed or (own if _THE_ACRONYM.search(question) else [])), "")
    return min(found, key=lambda m: min(abs(m.start() - cue.start()), abs(m.end() - cue.end())))[0]


def expansion(acronym: str, text: str) -> tuple[str, tuple[int, int]] | None:
    """The sentence spelling `acronym` out and where in it the words doing so are, or None. The words are next to
    the acronym in brackets, either way round ("Enumerated ... Approve (ESMA)", "PRIME (Process Reinforcement
    through IMplicit rEwards)"), and their capitals, or failing that their initials, are its letters."""
    letters = _letters(acronym)
    if len(letters) < 2:
        return None
    bracketed = re.escape(acronym)
    for sentence in split_sentences(text):
        for m in re.finditer(rf"\(\s*{bracketed}s?\s*\)", sentence):
            words = list(_WORD.finditer(sentence, 0, m.start()))[-_MOST_WORDS:]
            for start in range(len(words) - 1, -1, -1):
                if _spells([w[0] for w in words[start:]], letters):
                    return sentence, (words[start].start(), words[-1].end())
        for m in re.finditer(rf"(?<![\w-]){bracketed}s?\s*\(([^()]{{3,160}})\)", sentence):
            if _spells(_WORD.findall(m[1]), letters):
                return sentence, m.span(1)
        # "ESMA, which stands for ...", "ESMA (short for ...)": said in words.
        if m := re.search(rf"(?<![\w-]){bracketed}s?\W{{0,3}}(?:which\s+|that\s+)?(?:stands|is\s+short|short)\s+for\s+"
                          r"(?P<words>[^.,;()]{3,160})", sentence):
            return sentence, m.span("words")
    # A title whose words spell it: "Process Reinforcement through Implicit Rewards" for PRIME's paper.
    title = text.split("\n", 1)[0]
    words = list(_WORD.finditer(title.split(":", 1)[0]))
    if words and len(words) <= _MOST_WORDS and _spells([w[0] for w in words], letters):
        return title, (words[0].start(), words[-1].end())
    return None


def _letters(acronym: str) -> str:
    """The letters an expansion must spell: the capitals ("HACL*" -> "HACL", "LLMs" -> "LLM")."""
    return "".join(c for c in acronym if c.isupper())


def _spells(words: list[str], letters: str) -> bool:
    if not words or words[0].lower() in _SMALL:
        return False
    capitals = "".join(c for w in words for c in w if c.isupper())
    initials = "".join(w[0] for w in words if w.lower() not in _SMALL).upper()
    return capitals == letters or initials == letters
