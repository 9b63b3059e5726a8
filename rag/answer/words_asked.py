"""A list asked of the words the abstracts write, answered by those words, not by meaning.

Why: a researcher studying the field's vocabulary asks "which abstracts use the word 'interactive'?", "which papers
contain the term "verifier"?", "who uses the exact phrase 'human expert'?". Matched by meaning, the answer lists
papers about interaction or verification that never write the word, and misses some that write it in passing;
the question asks for the word, so the abstracts are searched for it (its inflections: "verifiers", "verifier-based"),
each paper listed with the sentence that writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rag.text.boolean_search import Term
from rag.text.sentences import split_sentences
from rag.types import Paper

_WORD_NOUN = (r"(?:(?:exact|literal|actual)\s+)?(?:word|words|term|terms|phrase|phrases|string|adjective|noun|verb|"
              r"expression|wording)")
# Quoted terms, one or several ("'test-time' or 'inference-time'"), each closed by its own quote ("the model's").
_QUOTE = r"[\"'‘“](?:[^\"'’”]|['’](?=[a-z]))*?[\"'’”](?![a-z])"
_TERMS = rf"(?P<terms>{_QUOTE}(?:\s*(?:,|\bor\b|\band\b|/)\s*{_QUOTE})*)"
# Said last in its clause: "which papers use 'execution feedback' to improve code generation?" asks of its use.
_CLAUSE_END = r"(?=\s*(?:[?.!,;:(—–-]|$))"
# "which abstracts use the word 'interactive'", "contain the term "verifier"", "the adjective 'interactive' - which
# abstracts use it", "Tracking the word "verifier" across the collection": quoted words said to be words.
_WORDS_SAID = re.compile(rf"\bthe\s+{_WORD_NOUN}\s+{_TERMS}", re.I)
# "which abstracts contain 'pass@k'?", "who uses 'test-time' or 'inference-time'?": quoted after a verb of writing.
_QUOTED_AFTER = re.compile(r"\b(?:use|uses|using|contain|contains|containing|write|writes|mention|mentions|have|has|"
                           rf"name|names|say|says|talks?\s+about)\s+(?:the\s+)?{_TERMS}{_CLAUSE_END}", re.I)
# The papers asked for: "which abstracts", "which of the papers", "who uses"; not "which 2024 papers", "which
# benchmarks do papers using the term ... introduce".
_ASKS_PAPERS = re.compile(r"\b(?:which|what)\s+(?:of\s+(?:the|these)\s+)?(?:abstracts?|papers?|works?|studies|ones)\b|"
                          r"(?:^|[-–—:;,]\s*)who\b", re.I)
# Asked of the papers not writing it, or with a condition the words do not say: the plan reads those.
_NOT_PLAIN = re.compile(r"\b(?:not|never|no|without|avoid\w*|lack\w*|omit\w*|free\s+of|except|other\s+than|besides|"
                        r"apart\s+from|but)\b|n['’]t\b", re.I)
_QUOTED = re.compile(r"[\"'‘“](?P<term>(?:[^\"'’”]|['’](?=[a-z]))+?)[\"'’”](?![a-z])")


def words_asked(question: str) -> tuple[list[str], bool]:
    """The words a list question asks which abstracts write, and whether every one must be written ("'safe' and
    'Rust'"), or ([], False) when it asks no such thing."""
    for sentence in split_sentences(question):
        # asked in the sentence quoting the words: "Most abstracts say 'efficient'. Which ones ...?" asks no word
        said = _WORDS_SAID.search(sentence) or _QUOTED_AFTER.search(sentence)
        # a negation in an aside in brackets says what counts ("(expert mathematicians etc. doesn't count)")
        if said is not None and _ASKS_PAPERS.search(sentence) and \
                not _NOT_PLAIN.search(re.sub(r"\([^()]*\)", " ", sentence)):
            terms = [m["term"].strip() for m in _QUOTED.finditer(said["terms"])]
            return terms, bool(re.search(r"\band\b", _QUOTED.sub(" ", said["terms"]), re.I))
    return [], False


def writing(terms: Iterable[str], papers: Iterable[Paper], titles: bool = True,
            every: bool = False) -> list[tuple[Paper, str]]:
    """Each paper whose abstract (or title, with `titles`) writes one of the terms (`every`: all of them), as a
    search's term is met (inflected, spaced or hyphenated, pass@k at any cut-off, a name in capitals as written),
    with the sentence that writes it."""
    patterns = [Term(term).pattern() for term in terms]
    test = all if every else any
    return [(paper, sentence_writing(paper, patterns)) for paper in papers
            if test(p.search(f"{paper.title}\n{paper.abstract}" if titles else paper.abstract) for p in patterns)]


def sentence_writing(paper: Paper, patterns: Sequence[re.Pattern[str]]) -> str:
    """The first sentence of a paper's abstract one of the patterns finds, or its first sentence (a title hit)."""
    sentences = split_sentences(paper.abstract) or [paper.title]
    return next((s for s in sentences if any(p.search(s) for p in patterns)), sentences[0])
