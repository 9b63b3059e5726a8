"""Two papers named, one asked about.

A comparison's shape comes from two named papers, yet some questions name the second only as what the asker knows:
"CodeTree hits 95.1 on HumanEval with GPT-4o. what's PLANSEARCH's HumanEval+ score?" states CodeTree's figure and
asks PLANSEARCH's; "does GitChameleon cover 139 libraries, like BigCodeBench does?" takes BigCodeBench as the
premise. A table of both would quote the known paper's figure as if it answered; the ask is held to the one paper's
abstract instead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from rag.answer.asks import ask_opens, asks_for_figure, asks_number, split_asks
from rag.answer.mentions import Mention, key

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.plan import Plan

# A paper named only as what another is like: "like BigCodeBench", "just as STP does", "same as FVEL".
_LIKE = re.compile(r"\b(?:(?:just\s+|much\s+)?like|same\s+as|similar\s+to|as\s+(?:in|with|for)|"
                   # "its own pass@1, i.e. without FunCoder on top": a paper set aside is no side either
                   r"without|w/o|excluding|except(?:\s+for)?|rather\s+than|instead\s+of)\s+(?:the\s+)?$", re.I)
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)", re.I)  # "like A, B and C"
_LIKE_OTHER = re.compile(r"\b(?:(?:just\s+|much\s+)?like|same\s+as|similar\s+to|as\s+(?:in|with|for))\s+"
                         r"(?:the\s+)?[\w.+-]+(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)[\w.+-]+)*(?:\s+(?:does|did|do))?",
                         re.I)


# Whether one is like the other is what is asked: "Is B4's approach basically the same as FunCoder's?", "is A
# similar to B in how it searches?".
_SAMENESS = re.compile(r"^\W*(?:is|are|was|were)\b[^?]*?\b(?:(?:basically|essentially|really|just|pretty\s+much|"
                       r"roughly|more\s+or\s+less)\s+)?(?:the\s+same\s+as|similar\s+to|different\s+from)\s", re.I)


def _not_only_like(shape: Plan, found: Gathered) -> str | None:
    """The one paper asked about when the others are named only as what it is like ("like DeepSeek-Prover and STP
    do"), or None."""
    if len(shape.papers) < 2 or shape.sides or shape.described or _SAMENESS.search(found.searched):
        return None
    question = found.searched
    mentions = sorted(_papers_named(found, question),
                      key=lambda m: m.start)
    like: set[str] = set()
    plain: set[str] = set()
    before: Mention | None = None
    for m in mentions:
        joined = before is not None and before.paper_ids[0] in like and _JOINED.fullmatch(question[before.end:m.start])
        (like if _LIKE.search(question[:m.start]) or joined else plain).add(m.paper_ids[0])
        before = m
    asked = plain - like
    return next(iter(asked)) if len(asked) == 1 and like - plain else None


# A statement, then the ask: "X hits 95.1 on HumanEval. what's Y's score?", "X was built like Y, so how many ...?",
# "X evaluated GPT-4 - so how did it compare?".
_STATEMENT_THEN_ASK = re.compile(r"^(?P<context>[^?:]+?)(?:[.!;]\s+|\s+[-–—]+\s+|,?\s+so\s+)(?:so\s+|then\s+)?"
                                 r"(?P<ask>(?:(?:on|in|for|at|with)\s+[^,?]{2,40},\s+)?"
                                 r"(?:what|whats|what's|how|which|who|where|when|why|does|do|did|is|are|was|"
                                 r"were|can|could)\b.*)$", re.I | re.S)
_SIDES_JOINED = re.compile(r"\b(?:vs\.?|versus|or|and|compared?|between)\b|/|&", re.I)
# The ask points back at the first paper or at both: "does MARIO beat it?", "how do the two compare?".
_AGAINST_IT = re.compile(r"\b(?:it|its|they|their|them|theirs|the two|both|each)\b|"
                         r"(?=.*\b(?:that|this|those)\b).*\b(?:beat|better|worse|higher|lower|compare\w*|differ\w*|"
                         r"contrast\w*|stack\w*|vs\.?|versus|than|outperform\w*)\b", re.I)
_POINTS_BACK = re.compile(r"\b(?:there|the same|that (?:benchmark|dataset|task|metric|setting|split))\b", re.I)
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|\\%|percent\b)?")


def _asked_of_one(shape: Plan, found: Gathered) -> tuple[str, int] | None:
    """The one paper the ask names, and where the ask starts, when a statement before it names the others."""
    question = found.searched
    split = _STATEMENT_THEN_ASK.match(question)
    if split is None or ask_opens(split["context"]) or _SIDES_JOINED.search(split["context"]) or \
            _AGAINST_IT.search(split["ask"]):
        # "codefill vs pycoder - how does each ...", "DotaMath reaches 80.1% on GSM8K; does MARIO beat it?",
        # "FunCoder - how much does it help StableCode-3b?": the ask is of both, or of the first.
        return None
    start = split.start("ask")
    mentions = _papers_named(found, question)
    asked = {m.paper_ids[0] for m in mentions if m.start >= start}
    said = {m.paper_ids[0] for m in mentions if m.start < start}
    if len(asked) == 1 and said - asked and not shape.sides and not shape.described:
        return next(iter(asked)), start
    return None


# The ask, then what the asker knows: "ADAS - what does one search cost? the AI Scientist was like $15/paper",
# "CodeTree on SWEBench: what % resolved? need to put it next to AutoCodeRover's 19%".
_ASK_THEN_STATEMENT = re.compile(r"^(?P<ask>[^?]+\?)\s+(?P<context>[^?]+?)[.!]?$", re.S)
# The context asks a comparison itself ("compare it with STP", "and vs STP?"); "the quiz is comparing it to STP"
# only says why.
_COMPARE_ASKED = re.compile(r"\s*(?:and\s+|also\s+|pls\s+|please\s+)?(?:compare|contrast|vs\.?|versus|how\s+does|"
                            r"which\s+is|is\s+it\s+(?:better|worse)|does\s+it\s+beat)\b", re.I)
# Why the asker asks, after the ask: "..., so I can compare apples to apples with STP's 61.7%".
_PURPOSE = re.compile(r",?\s+(?:so\s+(?:that\s+)?(?:i|we)\s+can|(?:i|we)\s+(?:want|need)\s+to\s+(?:compare|put|set)|"
                      r"to\s+compare\s+(?:it\s+)?with|for\s+(?:a\s+)?comparison\s+with)\b", re.I)


def _papers_named(found: Gathered, question: str) -> list[Mention]:
    """The papers named, each by a mention of it alone: its name, or its own model named after it
    ("dotamath-deepseek-7b" is DotaMath's, found as a term since its abstract names a model so)."""
    from rag.text.names import short_name

    papers = found.view.papers

    def models_paper(m: Mention) -> bool:
        own = key(short_name(papers[m.paper_ids[0]])) if m.paper_ids[0] in papers else ""
        return bool(own) and key(m.text).startswith(own) and len(key(m.text)) > len(own)

    return [m for m in found.view.lexicon.find(question) if len(m.paper_ids) == 1 and
            (m.kind == "paper" or models_paper(m))]


def _asked_then_said(shape: Plan, found: Gathered) -> tuple[str, int] | None:
    """The one paper the ask names, and where the ask ends, when what follows it names the others as context."""
    question = found.searched.strip()
    split = _ASK_THEN_STATEMENT.match(question)
    if split is not None:
        end, context = split.end("ask"), split["context"]
    elif purpose := _PURPOSE.search(question):
        end, context = purpose.start(), question[purpose.start():]  # "..., so I can compare it with STP's 61.7%?"
    else:
        return None
    if ask_opens(context) or _COMPARE_ASKED.match(context) or shape.sides or shape.described:
        return None
    mentions = _papers_named(found, question)
    asked = {m.paper_ids[0] for m in mentions if m.end <= end}
    said = {m.paper_ids[0] for m in mentions if m.start >= end}
    if len(asked) == 1 and said - asked:
        return next(iter(asked)), end
    return None


# "MA-LoT authors compare to STP?", "does AutoCodeRover compare itself with SWE-agent?": whether the one paper's
# abstract compares with the other is asked, which only its abstract can say.
_COMPARES_ITSELF = re.compile(r"^(?:(?:does|do|did)\s+(?:the\s+)?(?P<a>\S+(?:\s+\S+){0,3}?)\s+"
                              r"(?:(?:paper|authors?)\s+)?|"
                              r"(?:the\s+)?(?P<b>\S+(?:\s+\S+){0,3}?)\s+(?:paper|authors?)\s+)"
                              r"(?:compare|compares|benchmark|benchmarks)\s+(?:(?:it|itself|themselves|their\s+\w+)\s+)?"
                              r"(?:to|with|against)\s+", re.I)


def _compares_itself(shape: Plan, found: Gathered) -> str | None:
    """The paper asked whether it compares with the other, named as the comparing one, or None."""
    question = found.searched
    match = _COMPARES_ITSELF.match(question)
    if match is None or len(shape.papers) != 2 or shape.sides or shape.described:
        return None
    mentions = _papers_named(found, question)
    said = match.end("a") if match["a"] else match.end("b")
    first = {m.paper_ids[0] for m in mentions if m.end <= said}
    later = {m.paper_ids[0] for m in mentions if m.start >= match.end()}
    return next(iter(first)) if len(first) == 1 and later - first else None


def asked_of_one(shape: Plan, found: Gathered) -> tuple[str, str, list[Mention]] | None:
    """The one paper asked about, the question to ask of it and the names it keeps, or None for a comparison."""
    if (asked := _not_only_like(shape, found)) is not None:
        return asked, _LIKE_OTHER.sub(" ", found.searched), shape.terms
    if (asked := _compares_itself(shape, found)) is not None:
        return asked, found.searched, shape.terms
    if (then := _asked_then_said(shape, found)) is not None:
        pid, end = then
        return pid, found.searched[:end], [t for t in shape.terms if t.end <= end]
    if (one := _asked_of_one(shape, found)) is None:
        return None
    pid, start = one
    # Its figures are the other paper's, not ones the ask quotes; its names are where the ask points only when it
    # points back ("STP reaches 61.7% on miniF2F-test. what does DeepSeek-Prover get there?").
    ask = found.searched[start:]
    if _POINTS_BACK.search(ask):
        # Blanked in place, so the names' places in the question still hold.
        return pid, _FIGURE.sub(lambda m: " " * len(m[0]), found.searched[:start]) + ask, shape.terms
    return pid, ask, [replace(t, start=t.start - start, end=t.end - start) for t in shape.terms if t.start >= start]


# The second ask sets the first one's figure against another paper's: "... ? was it above AutoCodeRover's",
# "... , and is that better than STP's?".
_SET_AGAINST = re.compile(r"^\W*(?:and\s+)?(?:was|is|does|did|would)\s+(?:it|that|this|the\s+\w+)\s+(?:\w+\s+){0,2}?"
                          r"(?:above|below|higher|lower|better|worse|more|less|over|under|beat\w*|outperform\w*|"
                          r"ahead\s+of|behind)\b", re.I)


def figure_asked_first(shape: Plan, found: Gathered) -> tuple[str, str] | None:
    """The one paper whose figure the first ask wants, and that ask, when the second only sets it against another
    paper's ("what resolve rate did CodeTree hit on SWE-bench with gpt-4o? was it above AutoCodeRover's"): with no
    such figure in its abstract there is nothing to set against, whatever the other paper reports."""
    if len(shape.papers) != 2 or shape.sides or shape.described:
        return None
    asks = split_asks(found.searched)
    if len(asks) < 2 or not (asks_for_figure(asks[0]) or asks_number(asks[0])) or \
            not _SET_AGAINST.match(asks[1]):
        return None
    first = {m.paper_ids[0] for m in _papers_named(found, asks[0])}
    later = {m.paper_ids[0] for m in _papers_named(found, asks[1])}
    return (next(iter(first)), asks[0]) if len(first) == 1 and later - first else None
