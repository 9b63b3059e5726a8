"""The names a question offers to choose between ("gpt-4 or claude?", "under mit or apache 2.0?").

When a paper's abstract names none of them, it cannot say which: the answer is one of the offered names, and
quoting the abstract's nearest sentence would answer something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Two alternatives of a word each (a version may follow), joined by "or" or a slash ("GPT-4 or Claude", "MIT or
# Apache 2.0", "PPO or with GRPO", "PPO/GRPO").
_EITHER = re.compile(r"(?<![\w-])(?P<a>[\w.+-]+(?:\s+[\d.]+)?)"
                     r"(?:\s*,?\s+or\s+(?:with\s+|by\s+|using\s+|via\s+)?|/(?=\S))"
                     r"(?P<b>[\w.+-]+(?:\s+[\d.]+)?)(?![\w-])", re.I)


_ARTICLES = frozenset({"the", "a", "an"})


def offered_names(question: str, is_name: Callable[[str], bool]) -> list[str]:
    """The alternatives of every "A or B" in the question where one side at least is a name (`is_name` judges its
    first word; a side with a version number, "Apache 2.0", is one); [] when there is none."""
    offered: list[str] = []
    for match in _EITHER.finditer(question):
        sides = [match["a"], match["b"]]
        if any(not re.search(r"[a-z]", side.split()[0], re.I) or side.split()[0].lower() in _ARTICLES
               for side in sides):
            continue  # "the 3/8/32B-sized LLMs": sizes, not alternatives
        if any(is_name(side.split()[0]) or len(side.split()) > 1 for side in sides):
            offered += sides
    return offered

