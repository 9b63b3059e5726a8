"""Sentence splitting tuned for abstracts: abbreviations, decimals, URLs and `et al.` don't end a sentence."""

from __future__ import annotations

import re

_ABBREV = {
    "e.g", "i.e", "etc", "et al", "al", "vs", "fig", "figs", "eq", "eqs", "cf", "resp", "approx", "no", "nos",
    "dr", "mr", "ms", "prof", "sec", "tab", "vol", "ca", "viz", "incl", "w.r.t", "u.s", "avg", "std",
}
# A candidate boundary: end punctuation, optional closing quote/bracket, whitespace, then a plausible start.
_BOUNDARY = re.compile(r"([.!?])([\"')\]]*)\s+(?=[\"'(\[]?[A-Z0-9$\\])")


def split_sentences(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end(2)
        candidate = text[start:end]
        if match.group(1) == "." and _ends_with_abbreviation(candidate):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _ends_with_abbreviation(candidate: str) -> bool:
    words = candidate[:-1].rsplit(None, 2)
    if not words:
        return False
    last = words[-1].lower().lstrip("([\"'")
    two = " ".join(words[-2:]).lower() if len(words) >= 2 else last
    if last in _ABBREV or two in _ABBREV:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.").
    return bool(re.fullmatch(r"[a-z]|([a-z]\.)+[a-z]", last))


# A sentence that spells out the one before it: "To address this problem, we propose CodeTree, a framework to explore
# the search space ..." is followed by "Specifically, we adopted a unified tree structure to explore different coding
# strategies": what is explored is said there.
_ELABORATES = re.compile(r"^(?:Specifically|More specifically|In particular|Concretely|Namely|That is|In detail)\b")


def elaborates(sentence: str) -> bool:
    """Whether a sentence spells out the one before it (a quoted sentence is better read with it)."""
    return bool(_ELABORATES.match(sentence))


# A sentence that limits the one before it: "ChatGPT-4 is surprisingly adept at optimizing ..." is followed by
# "However, this is only the case in interactive use, with a human expert in the loop".
_QUALIFIES = re.compile(r"^(?:However|But|Yet|Nevertheless|Nonetheless|That said|Still|Unfortunately|In contrast|"
                        r"On the other hand|Conversely)\b")


def qualifies(sentence: str) -> bool:
    """Whether a sentence limits or contrasts the one before it (a quoted claim is not quoted without it)."""
    return bool(_QUALIFIES.match(sentence))


def read_with_previous(sentence: str) -> bool:
    """Whether a sentence belongs with the one before it when that one is quoted: it spells it out or limits it."""
    return elaborates(sentence) or qualifies(sentence)


# A clause that starts asking: a question word or a request ("which ...", "and how ...", "is there ...", "list ...").
# What a quiz's option or a citation hunt's clause is, when it is a question of its own rather than a name.
ASKS = re.compile(r"^\s*(?:(?:and|also|plus|then)\s+)?(?:which|what|how|who|why|where|when|is\s+there|are\s+there|"
                  r"does|do|is|are|can|any|anything|give|list|name|show|find)\b", re.I)
