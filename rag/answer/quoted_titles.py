"""Papers cited by their titles in quotes: "in the 'Evaluating Large Language Models Trained on Code' paper", "the
paper titled “...”". A title quoted loosely is still the indexed paper's ("'Self-play Theorem Provers'" is STP's,
"'Program Synthesis with LLMs'" is "Program Synthesis with Large Language Models"); one no indexed paper has is a
paper the index lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.answer.naming import spelled_out
from rag.text.clippings import spell_out
from rag.types import Paper

# A quote opens after no letter ("the authors' paper" quotes nothing).
# A quote closes with the mark that pairs its opening one: in "following “what benchmark did the 'can LMs falsify'
# paper introduce”" the title is 'can LMs falsify', not everything from “ to the first '.
_OPEN = r"(?:(?P<dq>\")|(?P<sq>')|(?P<lq>“)|‘)"
_CLOSE = r"(?(dq)\"|(?(sq)'|(?(lq)[”\"]|[’'])))"


# Inside a quote, a single quote mark is an apostrophe ("LLM's", "models' ") or opens a quote of its own.
_APOSTROPHE = r"(?<=\w)'(?=\w)|(?<=s)'(?=\s)"


def _quote(chars: str) -> str:
    """A quote of 12 or more of these characters (a class without quote marks) and apostrophes."""
    return f"{_OPEN}(?P<title>(?:{chars}|{_APOSTROPHE}){{12,}}?){_CLOSE}"


_QUOTED = re.compile(r"(?P<before>\b(?:paper|article|study|titled|entitled|called)\s+)?(?<![\w'’])" +
                     _quote(r"[^\"“”‘’']") + r"(?![\w'’])(?=\s+(?P<after>paper|article|study|abstract)\b)?")
_TITLE_WORD = re.compile(r"[a-z0-9]+")
# A title quoted loosely is an indexed one when all the quote's words are the title's ("'Self-play Theorem Provers'"
# is STP's), or this share of them, and they are at least half of the title's words or of its part after a colon
# ("Attention Is All You Need" is not "Scope is all you need: ...").
TITLE_OVERLAP = 0.8
TITLE_COVERED = 0.5


# A quote that is all a bracket holds glosses what comes before it: "dynamic inference ('size up the situation')".
_BRACKETED_QUOTE = re.compile(r"\(\s*" + _quote(r"[^\"“”‘’'()]") + r"\s*\)")


def _quoted_titles(question: str) -> list[str]:
    return [m["title"].strip() for m in _QUOTED.finditer(question)
            if (m["before"] or m["after"]) and len(m["title"].split()) >= 3] + \
        [m["title"].strip(" .…") for m in _BRACKETED_QUOTE.finditer(question) if len(m["title"].split()) >= 3]


# A title typed as a label before the question, unquoted: "Scaling test-time compute w/o verification or RL — which
# base LLMs ...?", "the off-policy RL realizability paper: ...". Only the label: a title's words later in a question
# may be what is asked.
_LABEL = re.compile(r"^\s*(?P<title>[^:?—–]{12,}?)\s*(?::\s|\s[—–-]{1,2}\s|[—–])")


# A label is a title only when it covers this much of it: "repository-level code completion:" is a topic, though
# every word of it is in "RLCoder: ... for Repository-Level Code Completion".
LABEL_COVERED = 0.6


def _titled(title: str, papers: Iterable[Paper], label: bool = False) -> str | None:
    """The paper a title quoted loosely is, or None. An acronym the title spells out is its words ("'Program
    Synthesis with LLMs'" is "Program Synthesis with Large Language Models"). A `label` must cover more of it."""
    quoted = _Quoted(title)
    return next((paper.paper_id for paper in papers if quoted.names(paper.title, label)), None)


def _title_words(text: str) -> set[str]:
    """A title's words, a plural's or verb's "s" aside: "'falls out of a tree'" is CoCoNUT's "does not fall out of a
    tree"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in _TITLE_WORD.findall(text.lower())}


class _Quoted:
    """A title as typed, read once: its words and its acronyms."""

    def __init__(self, title: str) -> None:
        title = spell_out(title)  # "w/o verification": "without verification"
        self.words = _title_words(title)
        self.acronyms = re.findall(r"[A-Z][A-Za-z]*[A-Z]s?", title)

    def _shared(self, part: str, shortest: int = 3) -> tuple[int, set[str]]:
        t = _title_words(part)
        return len(self.words & t) + sum(a.lower() not in t and spelled_out(a, part, shortest)
                                         for a in self.acronyms), t

    def _all_in(self, part: str, t: set[str]) -> bool:
        """Every word typed is the title's, an acronym as the words it stands for ("'can LMs falsify'")."""
        spelled = {_title_words(a).pop() for a in self.acronyms if spelled_out(a, part, 2)}
        return self.words - spelled <= t

    def names(self, title: str, label: bool = False) -> bool:
        """Whether it is this title, loosely."""
        covered = LABEL_COVERED if label else TITLE_COVERED
        for part in {title, *title.split(":")[1:]}:
            shared, t = self._shared(part)
            if (self._all_in(part, t) and not label) or \
                    shared >= max(TITLE_OVERLAP * len(self.words), covered * len(t)):
                return True
        # The name before a title's colon, each word of it typed ("the Good Bad Missing paper", "'LMs as compilers'"
        # for "Language Models as Compilers: ..."); "Attention Is All You Need" is no "Scope is all you need".
        head, colon, _ = title.partition(":")
        shared, t = self._shared(head, shortest=2)
        return bool(colon) and shared >= max(len(self.words), TITLE_COVERED * len(t))


def titled_paper(name: str, papers: Iterable[Paper]) -> str | None:
    """The paper a name typed loosely from its title is ("Good Bad Missing"), or None."""
    return _titled(name, list(papers))


def untitled(question: str, papers: Iterable[Paper]) -> list[str]:
    """Titles the question quotes as a paper's that no indexed paper has, even loosely."""
    papers = list(papers)
    return [title for title in _quoted_titles(question) if _titled(title, papers) is None]


def without_quoted_titles(question: str) -> str:
    """The question without the titles it quotes: a title says which paper, not what is asked of it."""
    question = _QUOTED.sub(lambda m: " " if (m["before"] or m["after"]) and len(m["title"].split()) >= 3 else m[0],
                           question)
    return _BRACKETED_QUOTE.sub(lambda m: " " if len(m["title"].split()) >= 3 else m[0], question)


def without_title(question: str, title: str) -> str:
    """The question without a paper's whole title, quoted or not, or quoted loosely, and without the titles it
    quotes: "'Scaling Test-Time Compute Without Verification or RL is Suboptimal': do verifier-based methods scale
    better?" and "'test-time compute w/o verification or RL is suboptimal' - base model sizes?" ask nothing about
    going without verification."""
    question = re.sub(re.escape(title), " ", question, flags=re.I)
    question = _ANY_QUOTE.sub(lambda m: " " if _Quoted(m["title"].strip()).names(title) else m[0], question)
    return without_quoted_titles(_without_title_run(question, title))


# Unquoted, typed as the words of the title in a row ("the scaling test time compute without verification paper"):
# this many of them at least.
TITLE_RUN = 4


def _without_title_run(question: str, title: str) -> str:
    """The question without the longest run of the title's words it types in a row, hyphens as spaces."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    for n in range(len(words), TITLE_RUN - 1, -1):
        for i in range(len(words) - n + 1):
            run = r"[\s-]+".join(re.escape(w) for w in words[i:i + n])
            if (found := re.search(rf"(?<![\w-]){run}(?![\w-])", question, re.I)) is not None:
                return f"{question[:found.start()]} {question[found.end():]}"
    return question


# Any words in quotes, where a title quoted loosely is looked for once the paper is known.
_ANY_QUOTE = re.compile(r"(?<![\w'’])" + _quote(r"[^\"“”‘’']") + r"(?![\w'’])")


def quoted_title_spans(question: str, title: str) -> list[tuple[int, int]]:
    """Where the question quotes this title, loosely or cut short ("REFUTE / “Can Language Models Falsify?” — what
    share ...", "('Towards Neural Synthesis for SMT-Assisted...')"): names there say which paper, not what is asked."""
    return [m.span() for m in _ANY_QUOTE.finditer(question)
            if len(m["title"].split()) >= 3 and _Quoted(m["title"].strip(" .…")).names(title)]


def quoted_papers(question: str, papers: Iterable[Paper]) -> list[str]:
    """The papers whose titles the question quotes, loosely ("the 'Program Synthesis with LLMs' paper")."""
    papers = list(papers)
    return list(dict.fromkeys(pid for title in _quoted_titles(question) if (pid := _titled(title, papers))))


def labelled_paper(question: str, papers: Iterable[Paper]) -> str | None:
    """The paper whose title, loosely, is the label the question opens with ("Scaling test-time compute w/o
    verification or RL — ..."), or None."""
    match = _LABEL.match(question)
    if not match or len(match["title"].split()) < 3:
        return None
    return _titled(match["title"].strip(), list(papers), label=True)
