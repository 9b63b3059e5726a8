"""Questions about one named paper that its abstract is not where the answer is.

Who wrote it and when are in the paper's record (a reference library's export fills them; the built-in abstracts
have none), so they are answered from there, or refused when the record has none: the abstract's best sentence is
no answer to "who are the authors". Details an abstract rarely states (its license, optimiser, learning rate,
batch size, hardware) must be in the abstract to be answered at all.
"""

from __future__ import annotations

import re

from rag.answer.citations import CitationBook
from rag.answer.refusal import refusal
from rag.text.names import short_name
from rag.types import Answer, AnswerSentence, Paper

_ASKS_AUTHORS = re.compile(r"\bwho (?:are|were|is|was) (?:the |its )?authors?\b|\bwho wrote\b|\bauthors? of\b|"
                           r"\bwritten by\b|\bwho (?:are|were) behind\b", re.I)
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b|\bwhen (?:was|did|were)\b.*\b(?:publish\w*|come out|came out|"
                        r"appear\w*|released?)\b|\bcome out\b|\bpublication (?:year|date)\b", re.I)
# A detail asked by its word, and the forms an abstract would state it in.
_DETAILS = [
    ("license", re.compile(r"\blicen[cs]\w*", re.I), re.compile(r"\blicen[cs]\w*|\bMIT\b|\bApache\b|\bGPL\b|"
                                                                 r"\bCC[- ]BY\b", re.I)),
    ("optimiser", re.compile(r"\boptimi[sz]er\b", re.I), re.compile(r"\boptimi[sz]er\b|\bAdam\w*|\bSGD\b", re.I)),
    ("learning rate", re.compile(r"\blearning[- ]rates?\b", re.I), re.compile(r"\blearning[- ]rates?\b", re.I)),
    ("batch size", re.compile(r"\bbatch[- ]sizes?\b", re.I), re.compile(r"\bbatch[- ]sizes?\b", re.I)),
    ("hardware", re.compile(r"\b(?:hardware|gpus?|tpus?)\b", re.I),
     re.compile(r"\b(?:hardware|gpus?|tpus?|A100|H100|V100)\b", re.I)),
]


def record_answer(paper: Paper, question: str, searched: str) -> Answer | None:
    """The answer to "who wrote X" / "when did X come out" from X's record, a refusal when the record lacks it,
    or None for any other question."""
    name = short_name(paper)
    if _ASKS_AUTHORS.search(question):
        if not paper.authors:
            return refusal([paper], query=question, searched=searched,
                           reason=f"The index has no authors for {name}, and its abstract does not name them.")
        said = f"{paper.title} is by {', '.join(paper.authors)}" + (f" ({paper.year})." if paper.year else ".")
        return _from_record(paper, said, question, searched)
    if _ASKS_YEAR.search(question):
        if not paper.year:
            return refusal([paper], query=question, searched=searched,
                           reason=f"The index has no year for {name}, and its abstract does not give one.")
        return _from_record(paper, f"{paper.title} is from {paper.year}.", question, searched)
    return None


def missing_detail(paper: Paper, question: str) -> str:
    """The detail a question asks of this paper ("which optimiser") that its abstract never states, or ""."""
    for label, asked, stated in _DETAILS:
        if asked.search(question) and not stated.search(paper.abstract):
            return label
    return ""


def _from_record(paper: Paper, said: str, question: str, searched: str) -> Answer:
    """One sentence from the record, cited with the record as its quote: it is what the index says, not the
    abstract, and reads as such."""
    book = CitationBook({paper.paper_id: paper})
    n = book.cite(paper.paper_id, said)
    return Answer(query=question, searched_query=searched, answer=f"From the index record: {said} [{n}]",
                  citations=book.citations, sentences=[AnswerSentence(text=said, citations=[n])], kind="factoid")
