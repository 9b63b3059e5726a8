"""A result asked under a setting nobody ran: "what MATH score would DotaMath get if finetuned on InfinityMATH
instead of DotaMathQA?".

An abstract reports what its authors ran; a figure it gives is for their setting, so quoting it (or a table of both
papers' figures) would answer a question about a run that never happened.
"""

from __future__ import annotations

import re

# "would <it / the model / DotaMath> get ... if ...", "if X were trained on Y, what would it score?"; not the
# asker's own sum ("how many problems would I have in total?").
_WOULD_IF = re.compile(r"\bwould\s+(?!(?:i|we|you|that|this)\b)(?:[\w.'’-]+\s+){1,3}?(?:get|score|reach|achieve|do|"
                       r"perform|gain|improve|drop|change)\b[^?]*?(?P<setting>\bif\b[^?]*)|"
                       r"(?P<setting2>\bif\s+(?!(?:i|we|you)\b)(?:[\w.-]+\s+){1,6}?(?:were|had been)\b[^?,]*)"
                       r"[^?]*\bwould\b", re.I)


# What makes the supposed setting a run nobody made: other data or training ("instead of", "were trained on"); an
# ablation ("if the retriever were removed") an abstract may report, so it is left to the evidence.
_OTHER_RUN = re.compile(r"\binstead\b|\b(?:trained|fine-?tuned|finetuned|pre-?trained|distilled)\b", re.I)


def hypothetical(question: str) -> str:
    """The setting a question supposes of a run nobody made ("if finetuned on infinitymath instead of dotamathqa"),
    lower-cased at its start, or ""."""
    match = _WOULD_IF.search(question)
    setting = (match["setting"] or match["setting2"]).strip() if match else ""
    return setting[:1].lower() + setting[1:] if _OTHER_RUN.search(setting) else ""
