"""Papers a question describes instead of naming ("the olympiad Lean dataset paper", "a paper that translates
Python into Rust"): which indexed paper the description finds, if any."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered


# "the olympiad Lean dataset paper", "that study", a question's opening "imo lean dataset paper - ...": the question
# is about one paper it describes.
ONE_PAPER = re.compile(r"(?:\b(?:the|this|that)\s+|^\s*(?!(?:which|what|whats|does|do|did|is|are|was|were|any|a|an|"
                       r"how|who|can|has|have|in|on|for|from|of)\b))(?P<description>(?:[\w/+&-]+\s+){1,6}?)(?:paper|study|"
                       r"article)\b(?!s)", re.I)


# A paper described before the ask and set off from it, whatever its description ends in ("the minecraft planning
# paper w/ the goal selector --", "in the version-specific benchmark with 116 python problems,"): the names in it
# say which paper, they are not what is asked of it.
DESCRIBING = re.compile(r"^\s*(?:(?:in|for|on|from|about)\s+)?(?:the|that|this)\s+"
                        r"(?P<description>(?:[\w/+.-]+\s+){0,8}?"
                        r"(?:paper|benchmark|dataset|study|work|method|framework|system)\b"
                        r"(?:\s+(?:w/|with|that|which|where|on|about|for|of|introducing|proposing)\s+[^,:;?]{1,80}?)?)\s*"
                        r"(?=,|:|;|\s+[-–—]{1,2}\s+)", re.I)


# What a description calls the work itself, which says nothing of which paper it is.
_WORK_NOUNS = re.compile(r"(?:system|method|model|framework|agent|tool|approach|technique|benchmark|dataset|paper|"
                         r"work|study)s?", re.I)
# "tell me about the system that writes whole research papers by itself": a paper asked about by what its work does.
_TOLD_ABOUT = re.compile(r"^\s*(?:(?:please|so|ok(?:ay)?|hi|hey)[,\s]+)*(?:tell\s+me|what\s+do\s+you\s+know|"
                         r"what\s+can\s+you\s+tell\s+me|give\s+me\s+an\s+overview|explain)\s+(?:about|of)?\s*"
                         r"(?:the|that|this)\s+(?P<description>(?:[\w/+-]+\s+){0,4}?"
                         rf"{_WORK_NOUNS.pattern}\s+(?:that|which|where|who)\s+[^?.!;]+)", re.I)


def describes_well(found: Gathered, description: str, paper_id: str, bar: float) -> bool:
    """Whether a sentence of the paper comes as close to the description as an answer must to the question, and the
    paper has the description's rarest word: "the method that plays chess on the moon" finds a closest paper, and
    "the framework that trains robots with language models" one close in its common words, neither about that."""
    from rag.text.tokens import STOPWORDS, tokenize

    words = [w for w in re.findall(r"[A-Za-z][\w-]+", description)
             if w.lower() not in STOPWORDS and not _WORK_NOUNS.fullmatch(w)]
    tokens = [t for w in words for t in tokenize(w)]
    if not tokens:
        return False
    paper = found.view.papers[paper_id]
    rarest = min(tokens, key=found.view.lexical.papers_using)
    return rarest in set(tokenize(f"{paper.title} {paper.abstract}")) and \
        any(s.paper_id == paper_id and s.score >= bar for s in found.scored_for(description, 3))


def asks_overview(question: str) -> bool:
    """Whether the question asks about the whole of a paper it describes ("tell me about the system that ...")."""
    return _TOLD_ABOUT.match(question) is not None


def description_of(text: str) -> re.Match[str] | None:
    """Where a question describes the one paper it asks about, by its words ("the olympiad Lean dataset paper",
    "tell me about the system that writes ..."), with the description in group "description"; None otherwise."""
    return _TOLD_ABOUT.match(text) or DESCRIBING.match(text) or ONE_PAPER.search(text)


def described_one(found: Gathered) -> tuple[str, tuple[int, int]] | None:
    """The paper a question describes ("the olympiad Lean dataset paper"), with where the description is, when the
    description finds it first and the whole question ranks it among its top three; None otherwise ("that study"
    describes nothing)."""
    from rag.text.tokens import STOPWORDS

    match = description_of(found.searched)
    if not match or not [w for w in re.findall(r"[A-Za-z][\w-]+", match["description"])
                         if w.lower() not in STOPWORDS and w.lower() not in {"same", "other", "first", "second",
                                                                              "last", "above", "previous"}]:
        return None
    hits, _ = found.search(match["description"], 1)
    top = {e.paper_id for e in found.retrieved[:3]}
    if not hits or hits[0].paper_id not in top:
        return None
    if match.re is _TOLD_ABOUT:
        # "tell me about" is the ask, not part of the description, which must be about the paper found: "explain
        # the method that solves Sudoku puzzles" finds Programming Puzzles, which has no Sudoku.
        well = describes_well(found, match["description"], hits[0].paper_id, found.tools.settings.answer.refuse_below)
        return (hits[0].paper_id, match.span("description")) if well else None
    return hits[0].paper_id, match.span()


# "There was a paper that translates Python programs into Rust": a paper described, not named.
_DESCRIBED_PAPER = re.compile(r"\b(?:a|the|one|some|any)\s+(?:paper|work|study|article)\s+(?:that|which|where|who|"
                              r"on|about)\s+(?P<description>[^.?!;]+)", re.I)


def no_such_paper(found: Gathered) -> str:
    """Why no indexed paper is the one a question describes, or "": the paper closest to the description lacks a
    name the description gives ("Python" for the C-to-Rust paper). A name typed in lower case counts when the
    abstracts only write it capitalised."""
    from rag.answer.naming import mentions_name
    from rag.text.names import is_generic

    if not (match := _DESCRIBED_PAPER.search(found.searched)):
        return ""
    description = match["description"].strip()
    words = [found.view.vocabulary.as_written(w) for w in re.findall(r"[A-Za-z][\w+#*-]*", description)]
    names = [w for w in words if w[0].isupper() and len(w) >= 2 and not is_generic(w)]
    hits, _ = found.search(description, 1)
    if not names or not hits:
        return ""
    paper = found.view.papers[hits[0].paper_id]
    absent = [n for n in names if not mentions_name(f"{paper.title}\n{paper.abstract}", n)]
    if not absent:
        return ""
    return (f"No indexed paper matches “{description}”: the closest, {paper.title}, does not mention "
            f"{', '.join(absent)}.")
