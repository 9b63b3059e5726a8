"""A setting a question asks about by its absence ("without code execution feedback", "when it doesn't get X").

An abstract that says the thing only as present ("o3-mini (high) with code execution feedback") gives no result
without it: its figures answer the opposite setting.
"""

from __future__ import annotations

import re

from rag.text.sentences import split_sentences
from rag.text.tokens import STOPWORDS

_WITHOUT = re.compile(r"\b(?:without|w/o|(?:does|do|did|is|are|was|were)\s*n[o']t\s+(?:get|use|have|receive|see)|"
                      r"(?:does|do|did|is|are|was|were)\s+not\s+(?:get|use|have|receive|see)|"
                      r"(?:doesn|don|didn|isn|aren|wasn|weren)['’]?t\s+(?:get|use|have|receive|see)|"
                      r"(?:with|given|has|have|had|having|gets?|got)\s+no)\s+(?:any\s+|the\s+|a\s+|an\s+|its\s+|their\s+|access\s+to\s+)?"
                      r"(?P<thing>[\w-]+(?:\s+(?!(?:and|or|but|on|in|at|for|to)\b)[\w-]+){0,2})", re.I)
# What a question calls a piece of a method, where the abstract names the piece alone ("the functional consensus
# step": "functional consensus").
_PART = frozenset({"step", "steps", "stage", "stages", "module", "modules", "component", "components", "part",
                   "phase", "mechanism", "block", "piece", "trick"})
_NOT_THE_THING = STOPWORDS | _PART
# How an abstract says a thing was absent: "without code execution", "does not utilize ... code execution".
_ABSENT = r"\b(?:without|w/o|no|not|n't|never|lack\w*|absence|free)\b"


def unmet_absence(question: str, text: str) -> str:
    """What the question asks to be absent ("code execution feedback") when `text` has it only as present; ""
    when the question negates nothing, `text` lacks the thing altogether (that is other rules' business) or says
    it was absent somewhere."""
    for match in _WITHOUT.finditer(question):
        words = [w for w in re.findall(r"[\w-]+", match["thing"]) if w.lower() not in _NOT_THE_THING]
        if not words:
            continue
        sentences = [s for s in split_sentences(text)
                     if all(re.search(rf"\b{re.escape(w)}", s, re.I) for w in words)]
        # "39.9% (43.7% when provided with error feedback)": the thing is a variant of a figure given without it.
        first = re.escape(words[0])
        variant = re.compile(rf"\([^)]*\b{first}|\bwhen\s+(?:[\w-]+\s+){{0,3}}?{first}", re.I)
        if sentences and not any(re.search(_ABSENT, s, re.I) or variant.search(s) for s in sentences):
            return match["thing"]
    return ""
