"""What an acronym stands for, as an abstract spells it out.

"What does ESMA stand for?" is answered by the words an abstract writes beside the acronym ("the Enumerated
Signed-continued-fraction Massey Approve (ESMA) algorithm"), and by nothing else: an abstract that uses an acronym
without spelling it out ("the HACL* cryptographic library") does not say what it stands for, whatever its other
sentences about it say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rag.text.sentences import split_sentences

if TYPE_CHECKING:
    from rag.types import Paper

# "what does X stand for", "short for", "what's the acronym expand to", "the full name of X", "spelled out".
_ASKS = re.compile(r"\bstands?\s+for\b|\bshort\s+for\b|\bexpan(?:ds?|ded)\s+(?:to|into|in)\b|\bexpansion\b|"
                   r"\bspell(?:s|ed)?\s+out\b|\bfull\s+(?:name|form)\b|\bacronym\b|\babbreviation\b", re.I)
# A token that reads as an acronym: two or more capitals, maybe digits or a trailing mark ("HACL*", "GPT-4").
# Also a capital and a digit, a letter said so many times ("P3": Python Programming Puzzles; "B4").
_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z][\w*+-]*|[A-Z][2-9](?![\w-]))")
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
        # "(ESMA)" after its words, or "(known as the ``time to first token'', or TTFT)".
        for m in re.finditer(rf"\(\s*{bracketed}s?\s*\)|[\W_]{{0,3}},?\s+or\s+{bracketed}s?(?![\w-])", sentence):
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
    # "MA-LoT: Multi-Agent Lean-based Long Chain-of-Thought Reasoning ...": a title led by the acronym spells it
    # out after the colon, its capitals holding the letters in order.
    name, colon, rest = title.partition(":")
    if colon and _letters(name.strip()) == letters and (span := _spelled_in_order(rest, letters)):
        start = len(name) + 1
        return title, (start + span[0], start + span[1])
    # "KV Prediction for Improved Time to First Token" for TTFT: the words ending it will do, none the acronym.
    words = list(_WORD.finditer(title.split(":", 1)[0]))[-_MOST_WORDS:]
    for start in range(len(words) - 1):
        run = [w[0] for w in words[start:]]
        if _spells(run, letters) and not any(_letters(w) == letters for w in run):
            return title, (words[start].start(), words[-1].end())
    return None


def _spelled_in_order(text: str, letters: str) -> tuple[int, int] | None:
    """Where the words whose capitals hold `letters` in order (the first word giving the first) are, or None."""
    words = list(_WORD.finditer(text))
    if not words or words[0][0][:1] != letters[:1]:
        return None
    left = letters
    for word in words:
        for c in (c for c in word[0] if c.isupper()):
            if left and c == left[0]:
                left = left[1:]
        if not left:
            return words[0].start(), word.end()
    return None


def _letters(acronym: str) -> str:
    """The letters an expansion must spell: the capitals ("HACL*" -> "HACL", "LLMs" -> "LLM"), a letter with a digit
    that many times ("P3" -> "PPP")."""
    if re.fullmatch(r"[A-Z][2-9]", acronym):
        return acronym[0] * int(acronym[1])
    return "".join(c for c in acronym if c.isupper())


def _spells(words: list[str], letters: str) -> bool:
    if not words or words[0].lower() in _SMALL:
        return False
    capitals = "".join(c for w in words for c in w if c.isupper())
    initials = "".join(w[0] for w in words if w.lower() not in _SMALL).upper()
    every = "".join(w[0] for w in words).upper()  # "Time to First Token": TTFT
    return capitals == letters or initials == letters or (every == letters and words[-1].lower() not in _SMALL)


def defined_as(acronym: str, papers: Iterable[Paper]) -> str:
    """The acronym as the first abstract defining it spells it out, lower-cased ("RL": "reinforcement learning";
    "NL": "natural language"), or "". Only abstracts holding it in brackets are read."""
    for paper in papers:
        if f"({acronym}" in paper.abstract and (found := expansion(acronym, paper.abstract)):
            sentence, (start, end) = found
            return sentence[start:end].lower()
    return ""
