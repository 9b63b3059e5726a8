"""What the asker says does not matter, and lists asked in a word: "(LLM-driven or not, doesn't matter)",
"regardless of version", "plus the one that introduced it", "GSM8K users in the corpus?".

Why: a remark that anything goes narrows nothing ("evolutionary search papers pls (LLM-driven or not, doesn't
matter)"), but its words read as part of what was asked: the list ask was taken for a question about one paper, and
"it, plus the one that introduced it" became the topic of a list of MBPP's users. The paper that introduced a
benchmark is among the papers using it, so asking for it too asks nothing more. "X users?" asks which papers use X.
"""

from __future__ import annotations

import re

_NOT_MATTER = (r"(?:(?:doesn['’]?t|does\s+not|don['’]?t)\s+(?:really\s+)?matter(?:\s+which(?:\s+[\w-]+)?)?|"
               r"regardless(?:\s+of\s+(?:the\s+)?[\w-]+)?|any\s+[\w-]+\s+(?:is|are|will\s+do)\s+fine|"
               r"either\s+(?:is\s+)?fine|either\s+way|whatever(?:\s+the\s+version)?|no\s+matter\s+(?:which|what)(?:\s+version)?)")
# "(LLM-driven or not, doesn't matter)", "(either is fine)", "(whatever)": a bracket saying only that anything goes;
# not "(coding, math, whatever)", which says what, nor "(in any form)", which asks any use of a name.
_BRACKET = re.compile(rf"\s*\(\s*(?:[\w-]+(?:\s+[\w-]+)?\s+or\s+not\b\s*,?\s*(?:{_NOT_MATTER})?|"
                      rf"(?:or\s+)?{_NOT_MATTER})\s*[.!]?\s*\)", re.I)
# ", LLM-driven or not, doesn't matter", ", whatever the version", "- either way": a clause saying so.
_CLAUSE = re.compile(rf"\s*(?:[,;]|\s[-–—]+)\s*(?:[\w-]+(?:\s+[\w-]+)?\s+or\s+not\s*,?\s*)?{_NOT_MATTER}\s*"
                     rf"(?=[.?!]*\s*$|[.?!]\s)", re.I)
# ", plus the one that introduced it", "and also the paper that proposed it".
_INTRODUCER = re.compile(r"\s*,?\s*(?:plus|and(?:\s+also)?|as\s+well\s+as|including)\s+the\s+(?:one|paper|work)s?\s+"
                         r"(?:that|which|who)\s+(?:introduced|proposed|released|created|made)\s+it\b", re.I)
# "GSM8K users in the corpus?", "Lean users here?": which papers use it.
_USERS = re.compile(r"^\s*(?P<name>[A-Z][\w+.-]*(?:\s*/\s*[\w+.-]+)?)\s+users\b(?:\s+(?:in|of)\s+(?:the|this)\s+"
                    r"(?:corpus|collection|index|set|list)|\s+here)?\s*\?")


def without_indifference(question: str) -> str:
    """The question without what the asker says does not matter; "X users?" as which papers use X."""
    text = _INTRODUCER.sub("", _CLAUSE.sub("", _BRACKET.sub("", question)))
    text = _USERS.sub(lambda m: f"Which papers use {m['name']}?", text)
    return text if re.search(r"\w", text) else question
