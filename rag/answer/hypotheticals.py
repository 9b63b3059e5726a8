"""A result asked under a setting nobody ran: "what MATH score would DotaMath get if finetuned on InfinityMATH
instead of DotaMathQA?".

An abstract reports what its authors ran; a figure it gives is for their setting, so quoting it (or a table of both
papers' figures) would answer a question about a run that never happened.
"""

from __future__ import annotations

import re

# "would <it / the model / DotaMath> get ... if ...", "if X were trained on Y, what would it score?"; not the
# asker's own sum ("how many problems would I have in total?").
_WOULD_IF = re.compile(r"\bwould\s+(?!(?:i|we|you|that|this)\b)(?:[\w.-]+\s+){1,3}?(?:get|score|reach|achieve|do|"
                       r"perform|gain|improve|drop|change)\b[^?]*?(?P<setting>\bif\b[^?]*)|"
                       r"(?P<setting2>\bif\s+(?!(?:i|we|you)\b)(?:[\w.-]+\s+){1,6}?(?:were|had been)\b[^?,]*)"
                       r"[^?]*\bwould\b", re.I)


def hypothetical(question: str) -> str:
    """The setting a question supposes ("if finetuned on infinitymath instead of dotamathqa"), or ""."""
    match = _WOULD_IF.search(question)
    return (match["setting"] or match["setting2"]).strip() if match else ""
