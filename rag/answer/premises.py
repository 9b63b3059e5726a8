"""A "why did it fail?" question whose premise the abstract contradicts.

"Why did DeepSeek-Prover fail to prove any of the FIMO problems?" asks for a reason behind a failure; its
abstract says the model "successfully proved 5 out of 148 problems in the ... FIMO benchmark, while GPT-4 failed to
prove any". Quoting that sentence as the reason would answer a question about something that did not happen.
"""

from __future__ import annotations

import re

from rag.text.sentences import split_sentences
from rag.text.tokens import STOPWORDS

_WHY_FAILED = re.compile(r"\bwhy\s+(?:did|does|do|is|was|were|are)\b(?P<who>.*?)\b(?P<failed>fail\w*|"
                         r"(?:do|did|does|doing|end(?:ed)? up doing|perform\w*|work\w*)\s+worse|underperform\w*|"
                         r"lag\w*|fall\s+short|fell\s+short|lose|lost|loses)\b(?P<rest>[^?]*)", re.I)
_SUCCEEDED = re.compile(r"\b(?:successfully|outperform\w*|surpass\w*|prevail\w*|better than|beat\w*|exceed\w*|"
                        r"superior to)\b", re.I)
_FAILED = re.compile(r"\b(?:fail\w*|worse|underperform\w*|lag\w*|fall\w* short|fell short|struggl\w*)\b", re.I)
_CONTRAST = re.compile(r"\b(?:while|whereas|but|unlike)\b", re.I)
_FRAME = {"any", "prove", "proving", "solve", "solving", "end", "plain", "problems", "tasks", "judging", "doing"}


def contradicted_failure(question: str, text: str) -> str:
    """The abstract's sentence saying the paper succeeded where the question says it failed ("prevails over
    self-testing" for "why did it do worse than self-testing?"), or ""."""
    match = _WHY_FAILED.search(question)
    if match is None:
        return ""
    # What it failed at or against: "to prove any of the FIMO problems" -> FIMO; "than plain self-testing".
    words = [w for w in re.findall(r"[\w-]+", match["rest"]) if w.lower() not in STOPWORDS | _FRAME and len(w) > 2]
    if not words:
        return ""
    for sentence in split_sentences(text):
        if not all(re.search(rf"\b{re.escape(w)}", sentence, re.I) for w in words[:2]):
            continue
        success = _SUCCEEDED.search(sentence)
        failure = _FAILED.search(sentence)
        contrast = _CONTRAST.search(sentence)
        # "our model successfully proved 5 ..., while GPT-4 failed": the failure is another's, unless the question
        # asks about that other ("why did GPT-4 fail on FIMO?").
        other = sentence[contrast.end():] if contrast is not None else ""
        who = [w for w in re.findall(r"[\w-]+", match["who"]) if w.lower() not in STOPWORDS and len(w) > 2]
        if success and (failure is None or (contrast is not None and
                                            success.start() < contrast.start() < failure.start() and
                                            not any(re.search(rf"\b{re.escape(w)}", other, re.I) for w in who))):
            return sentence
    return ""
