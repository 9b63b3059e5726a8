"""An item the question asks about where the abstract lists the items it covers, and that one is not among them.

"Which new formulas for pi did the ESMA algorithm discover?": its abstract says it "found various known formulas
for e, e^2, tan(1), and ratios of values of Bessel functions". Its sentences about formulas score well, so the
answer quoted them as if they were about pi. When the abstract enumerates what the asked word applies to (the same
word, with the same preposition, before a list), an item it never writes is outside what the paper covers.
"""

from __future__ import annotations

import re

from rag.text.tokens import STOPWORDS
from rag.text.vocabulary import Vocabulary

# "formulas for pi", "results on rust", "agents in minecraft": a plural word, a preposition, then the item.
_ASKED = re.compile(r"\b(?P<head>[a-z]{4,}s)\s+(?P<prep>for|on|in|of)\s+(?:the\s+)?(?P<item>[\w^()+.-]{2,})", re.I)
# A list after it: items of a few words joined by commas, the last by "and" / "or" ("e, e^2, tan(1), and ratios of
# values of Bessel functions"), ending where the clause does. Not prose ("these constants, some providing ...").
_ITEM = r"[^.;:,\s]+(?:\s+[^.;:,\s]+){0,5}"
_LIST = rf"(?P<list>{_ITEM}(?:,\s*{_ITEM})+,?\s+(?:and|or)\s+{_ITEM})(?=\s*(?:[.;:,)]|$))"


def unlisted_item(question: str, abstract: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """The asked item and the abstract's list it is missing from ("pi", "formulas for e, e^2, tan(1), and ratios of
    values of Bessel functions"), or None. Only an item no abstract of the index uses: a word other abstracts have
    ("total", "practice") is as often no item at all ("cases in total"). A short word must be there whole ("pi" is no
    "pillow")."""
    for asked in _ASKED.finditer(question):
        item = asked["item"].strip(".").lower()
        if item in STOPWORDS or item.isdigit() or _writes(abstract, item) or vocabulary.has(item) or \
                (len(item) > 4 and vocabulary.uses(item)):
            continue
        head = re.escape(asked["head"][:-1])  # "formula(s)"
        listing = re.search(rf"\b{head}s?\s+{asked['prep']}\s+{_LIST}", abstract, re.I)
        if listing is not None:
            return asked["item"].strip("."), listing[0].strip()
    return None


def _writes(abstract: str, item: str) -> bool:
    """Whether the abstract has the item in some form: as a word, or as the start of one ("pythonic" for
    "python")."""
    return re.search(rf"(?<![\w-]){re.escape(item)}", abstract, re.I) is not None
