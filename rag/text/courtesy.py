"""Courtesies of South Asian English in a question, read as the plain words the rules know.

Why: researchers writing Indian English ask "Kindly list the papers that use GPT-4o", "what all papers use Lean?",
"please do the needful", "can you explain what they found, sir?". Read as typed, "kindly" is taken for part of the
topic (no abstract has it, so the list is refused), "what all" asks no list, and "do the needful" or "sir" are
words of the question. Each is read as what it means in the English the rules were written for: "kindly" and the
requests to act and to share go, "what all papers" is "which papers", an address typed as one goes.
"""

from __future__ import annotations

import re

# (courtesy, plain words): "kindly" is "please"; "what all papers" is "which papers", "what all they found" is "what
# they found"; requests to act on the question and forms of address say nothing of it.
_PLAIN = (
    # not inside quotes: "which abstracts use the word 'kindly'?"
    (re.compile(r"(?<![\"'‘“])\bkindly\s+(?![\"'’”])", re.I), ""),
    (re.compile(r"\bwhat\s+all\s+(?=(?:papers|works|studies|abstracts|benchmarks|datasets|models|methods)\b)", re.I),
     "which "),
    (re.compile(r"\bwhat\s+all\s+(?!the\b|these\b|those\b|of\b|-)(?=[a-z])", re.I), "what "),
    (re.compile(r"[,.;]?\s*\b(?:(?:please|pls|and)\s+)?(?:do|doing)\s+the\s+needful\b(?:\s+(?:asap|soon))?[.!]*",
                re.I), ""),
    (re.compile(r"[,.;]?\s*\b(?:please|pls)\s+revert(?:\s+(?:back|asap|soon|at\s+the\s+earliest))*\b[.!]*", re.I), ""),
    (re.compile(r"[,.;]?\s*\b(?:and\s+)?(?:please\s+|pls\s+)?share\s+(?:the\s+)?same\b(?:\s+(?:asap|soon))?[.!]*",
                re.I), ""),
    # an address, typed in lower case after a comma at the end ("..., sir?") or first ("Respected sir, ...", "Sir
    # kindly tell ..."): "Which papers compare to SIR?" asks about SIR
    (re.compile(r",\s*(?:sir|ma['’]am|madam)(?=\s*[?.!]*\s*$)"), ""),
    (re.compile(r"^(?:(?:[Rr]espected|[Dd]ear)\s+)?(?:[Ss]ir|[Mm]a['’]am|[Mm]adam)\b[,:]?\s+(?=[a-zA-Z])"), ""),
)


def plain_courtesy(question: str) -> str:
    """The question with its courtesies read plainly ("Kindly list ..." -> "list ...")."""
    for courtesy, plain in _PLAIN:
        question = courtesy.sub(plain, question)
    return question.strip()
