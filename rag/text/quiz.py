"""A question written as quiz material, read as the question it asks.

Why: teachers write questions from the papers the way they set exams: "Q10. What are the ways ...", "Q9 multiple
choice, more than one may be right: which of these ...? (a) Codev-Bench (b) ExecRepoBench (c) CodeFill", "Select all
that apply:". Read as typed, the number runs into the first sentence ("Q11. Compare ..." was refused), and the options
are taken for the topic ("Lean? (a) STP (b) AlphaCode") when they are the papers the question is about. The number and
the format's label go; the options are put where the question points at them ("which of these" -> "which of STP,
AlphaCode and FVEL"), without "none of the above" and its kin, which name nothing. Options that are not papers (a
paper's benchmarks: "which of these does CodeTree report on? (a) HumanEval (b) miniF2F") are left out: the question
asks what its subject reports, and a wrong option checked alone had got the whole question refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text.sentences import ASKS

# "Q10.", "Q9", "Question 3:", "Problem 2)", "Ex. 4 -", "Bonus:" before the question.
_NUMBER = re.compile(r"^\s*(?:(?:q|question|problem|ex(?:ercise)?\.?|item)\s*\d+[a-z]?|bonus(?:\s+q(?:uestion)?)?)"
                     r"(?:\s*[.:)\-–—]+|\s+(?=[a-z(]))\s*", re.I)
# A format's label: "multiple choice, more than one may be right:", "Select all that apply:", "(select all)".
_FORMAT = (r"(?:multiple[\s-]choice|multi[\s-]select|(?:select|choose|tick|check)\s+all\s+that\s+apply|"
           r"(?:select|choose)\s+all(?=\s*[:.,)])|fill\s+in\s+the\s+blanks?|"
           r"mark\s+(?:every|all|each)\s+correct\s+(?:option|answer)s?|short\s+answer|"
           r"more\s+than\s+one\s+(?:may|can|might)\s+be\s+(?:right|correct)|one\s+or\s+more\s+(?:may|can)\s+be\s+"
           r"(?:right|correct))")
# A format's remark in brackets anywhere: "(select all)", "(may be more than one)", "(fill in the blank)".
_FORMAT_BRACKETS = re.compile(r"\s*\((?=[^()]*\b(?:more\s+than\s+one|select\s+all|choose\s+all|fill\s+in|"
                              r"short\s+answer|multiple[\s-]choice|one\s+answer|answers?\s+possible|may\s+be\s+more|"
                              r"\d+\s*points?\b))[^()]*\)", re.I)
_FORMAT_LABEL = re.compile(rf"(?:^|(?<=[.?!:]\s)|(?<=[,(]\s)|(?<=[(]))\s*{_FORMAT}(?:\s*,\s*{_FORMAT})*\s*[:.,)]?\s*|"
                           rf"\s*(?:--+|[–—]|,|;)\s*{_FORMAT}\s*[.!]*\s*$", re.I)
# Options: "(a) STP (b) AlphaCode", "a) STP b) AlphaCode", "A. STP B. AlphaCode".
_MARK = r"(?:\((?P<p>[a-h])\)|(?<![\w.])(?P<b>[a-h])\)|(?<![\w.])(?P<d>[A-H])\.(?=\s))"
_OPTION_MARK = re.compile(rf"(?:^|(?<=\s)|(?<=[?:;,]))\s*{_MARK}\s*")
# An option that names nothing: "none of the above", "all of these", "both", "neither".
_EMPTY_OPTION = re.compile(r"^(?:none|all|both|neither)(?:\s+of\s+(?:the\s+)?(?:above|these|them|those))?$", re.I)
# Where the question points at its options: "which of these", "which of the following papers".
_POINTS = re.compile(r"\bwhich\s+(?:of\s+(?:these|those|the\s+following|the\s+options|them)|(?:papers?|works?|ones?|"
                     r"benchmarks?|datasets?|methods?|models?|systems?|tools?|metrics?))"
                     r"(?:\s+(?:papers?|works?|studies|methods?|systems?|models?|benchmarks?|options?|ones?|tools?))?\b",
                     re.I)
# A remark after the last option, an instruction to the student: "-- mark every correct option", ". careful, one is
# a distractor".
_AFTER_LAST = re.compile(r"\s*(?:--+|[–—]|\.\s|;)\s*")


# "Which of these benchmarks does CodeTree report on?" without its options: which benchmarks it reports on.
_OF_THESE = re.compile(r"(?<=\bwhich)\s+of\s+(?:these|those|the\s+following|the\s+options)\b", re.I)
# A blank before a noun: "the ____ algorithm builds on Berlekamp-Massey" asks which algorithm.
_BLANK_NOUN = re.compile(r"\b(?:the|a|an)\s+_{2,}\s+(?P<noun>[a-z][\w-]*)", re.I)
# Blanks for the papers asked for: "___ and ___ are the papers that build ...", "____ is the work that ...".
_BLANK_PAPERS = re.compile(r"^(?:_{2,}\s*(?:,|and|&|or)?\s*)+(?:are|is|were|was)\s+(?:the\s+)?"
                           r"(?:(?:two|three|four|only)\s+)?(?:papers?|works?|studies|ones?|abstracts?)\s+"
                           r"(?:that|which|who)\s+", re.I)


def as_asked(question: str, names_paper: Callable[[str], bool]) -> str:
    """The quiz question as a question: its number and format label gone, its options where it points at them when
    each names a paper of the index (`names_paper`), else the question without them ("which of these benchmarks does
    CodeTree report on? (a) HumanEval (b) miniF2F": its benchmarks, not a check of each), a question after the options
    kept; its blanks for papers as "which papers", a blank before a noun as "which"."""
    text = _NUMBER.sub("", question, count=1)
    text = _FORMAT_LABEL.sub(" ", _FORMAT_BRACKETS.sub("", text)).strip()
    text = _BLANK_PAPERS.sub("Which papers ", text, count=1)
    text = _BLANK_NOUN.sub(r"which \g<noun>", text, count=1)
    options = _options(text)
    if options is None:
        return text or question
    stem, names, after = options
    if not names or not all(names_paper(name) for name in names):
        stem = _OF_THESE.sub("", stem, count=1)
        return f"{stem} {after}".strip()
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    pointed, count = _POINTS.subn(f"which of {listed}", stem, count=1)
    if not count:
        # "Consider: (a) DotaMath (b) MARIO. How do their datasets differ?": the options are what it is about
        pointed = f"{listed}: {after}" if after else f"{stem.rstrip()} Of {listed}."
        return pointed
    return f"{pointed} {after}".strip()


def _options(text: str) -> tuple[str, list[str], str] | None:
    """(the stem, the options that name something, a question asked after them), when a question or a label ends
    before two or more options lettered in order from a."""
    marks = list(_OPTION_MARK.finditer(text))
    letters = [(m["p"] or m["b"] or m["d"]).lower() for m in marks]
    if len(marks) < 2 or letters != [chr(ord("a") + at) for at in range(len(marks))]:
        return None
    stem = text[:marks[0].start()].strip()
    if not stem or stem[-1] not in "?:.":
        return None
    names = []
    after = ""
    for at, mark in enumerate(marks):
        end = marks[at + 1].start() if at + 1 < len(marks) else len(text)
        option = text[mark.end():end]
        if at + 1 == len(marks) and (remark := _AFTER_LAST.search(option)):
            option, said = option[:remark.start()], option[remark.end():].strip()
            after = said if ASKS.match(said) or said.endswith("?") else ""  # not an instruction to the student
        if "?" in option.rstrip(" ?") or ASKS.match(option):
            return None  # "Two questions: (a) which papers use Lean? (b) ...": questions, not options
        option = option.strip(" ,;.?")
        if option and not _EMPTY_OPTION.match(option):
            names.append(option)
    return stem, names, after
