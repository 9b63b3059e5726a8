"""A list asked of the words the abstracts write, answered by those words, not by meaning.

Why: a researcher studying the field's vocabulary asks "which abstracts use the word 'interactive'?", "which papers
contain the term "verifier"?", "who uses the exact phrase 'human expert'?". Matched by meaning, the answer lists
papers about interaction or verification that never write the word, and misses some that write it in passing;
the question asks for the word, so the abstracts are searched for it (its inflections: "verifiers", "verifier-based"),
each paper listed with the sentence that writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.text.sentences import split_sentences
from rag.types import Paper

_WORD_NOUN = (r"(?:(?:exact|literal|actual)\s+)?(?:word|words|term|terms|phrase|phrases|string|adjective|noun|verb|"
              r"expression|wording)")
# "which abstracts use the word 'interactive'", "contain the term "verifier"", "the adjective 'interactive' - which
# abstracts use it": quoted words said to be words.
_TERMS = r"(?P<terms>(?:[\"'‘“][^\"'’”]{2,40}[\"'’”](?:\s*(?:,|or|and|/)\s*)?)+)"
_WORDS_SAID = re.compile(rf"\bthe\s+{_WORD_NOUN}\s+{_TERMS}", re.I)
# "which abstracts contain 'pass@k'?", "who uses 'test-time' or 'inference-time'?": quoted after a verb of writing.
_QUOTED_AFTER = re.compile(r"\b(?:use|uses|using|contain|contains|containing|write|writes|mention|mentions|have|has|"
                           r"name|names|say|says|talks?\s+about)\s+(?:the\s+)?" + _TERMS, re.I)
_ASKS_PAPERS = re.compile(r"\b(?:which|what|who|any)\b.{0,40}?\b(?:abstracts?|papers?|works?|studies|ones)\b|^\s*who\b|"
                          r"\bwhich\s+abstracts?\b", re.I)
_QUOTED = re.compile(r"[\"'‘“](?P<term>[^\"'’”]{2,40})[\"'’”]")
_INFLECTION = r"(?:s|es|ed|d|ing)?"


def words_asked(question: str) -> list[str]:
    """The words a list question asks which abstracts write, or [] when it asks no such thing."""
    for sentence in split_sentences(question):
        # asked in the sentence quoting the words: "Most abstracts say 'efficient'. Which ones ...?" asks no word
        said = _WORDS_SAID.search(sentence) or _QUOTED_AFTER.search(sentence)
        if said is not None and _ASKS_PAPERS.search(sentence):
            return [m["term"].strip() for m in _QUOTED.finditer(said["terms"])]
    return []


def writing(terms: Iterable[str], papers: Iterable[Paper], titles: bool = True) -> list[tuple[Paper, str]]:
    """Each paper whose abstract (or title, with `titles`) writes one of the terms, with the first sentence that
    does (its first sentence when only the title does)."""
    patterns = [re.compile(rf"(?<![\w-]){re.escape(t)}{_INFLECTION}(?![\w])", re.I) for t in terms]
    found = []
    for paper in papers:
        sentences = split_sentences(paper.abstract)
        hit = next((s for s in sentences if any(p.search(s) for p in patterns)), None)
        if hit is None and titles and any(p.search(paper.title) for p in patterns):
            hit = sentences[0] if sentences else paper.title
        if hit is not None:
            found.append((paper, hit))
    return found
