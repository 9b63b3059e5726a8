"""What a question says of a paper it names only to say which paper it means: its maker ("DeepMind's AlphaCode",
"Apple's KV Prediction") and words in brackets right after its name ("AutoCodeRover (repo-level APR)", "deps
(minecraft)").

Why: such words are no part of what is asked. Read as names asked about, "DeepMind" had to be in AlphaCode's
abstract for its ranking to be quoted, and "APR", which no abstract writes, refused the question outright. Options
set out in brackets ("(model limits vs. misuse vs. devs overwriting suggestions)") are likewise no papers to compare
nor things a paper is compared with: they are the kinds of answer the asker expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.answer.mentions import Mention

# The words that set something aside as not what is asked: "apart from MATH", "besides the 61.7%". A name is set
# aside "beyond" too ("beyond the HumanEval traces"); a figure is not ("does any model get beyond 5%?").
SETTING_ASIDE = r"apart\s+from|aside\s+from|other\s+than|besides|except(?:\s+for)?|excluding|not\s+counting"

# "DeepMind's AlphaCode", "Apple's KV Prediction", "the DeepMind AlphaCode paper": what joins a maker's name to the
# name of what it made, right after it.
MAKERS_JOIN = r"(?:['’]s)?\s+"
_MAKER_BEFORE = re.compile(rf"{MAKERS_JOIN}$")


def makers(question: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The term mentions written right before a paper's name, possessive or not: who made it, not what is asked.
    A benchmark or model owns no paper, so a name there is its maker."""
    return [t for t in mentions if t.kind == "term" and makes_paper(question, t.end, mentions)]


def makes_paper(question: str, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether a name ending at `end` is written right before a paper's name ("Apple's KV Prediction")."""
    return any(m.kind == "paper" and 0 < m.start - end <= 3 and _MAKER_BEFORE.fullmatch(question[end:m.start])
               for m in mentions)


def aside(question: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """Whether the words at start:end only say which paper is meant (its maker, or in brackets after its name), why
    the asker asks ("... use? want to pick KPIs for our own eval"), or what the asker likens the asked thing to ("the
    MNIST of math reasoning")."""
    return makes_paper(question, end, mentions) or in_spans(start, bracketed_after_paper(question, mentions)) or \
        in_spans(start, purpose_spans(question)) or in_spans(start, likened_spans(question)) or \
        in_spans(start, excluded_in_brackets(question))


# A bracket that opens by leaving something out ("(not RLHF, more like interactive use)", "(excluding Coq)"): what
# it names is not asked about, so an index without it can still answer. Up to the bracket's first comma or its end,
# or to what it asks instead ("(not GSM8K but SVAMP)": SVAMP is asked); "(not only X but also Y)" leaves nothing out.
_EXCLUDING_BRACKET = re.compile(rf"\(\s*(?:not(?!\s+(?:only|just|merely|simply)\b)|{SETTING_ASIDE})\s+"
                                r"([^(),;]+?)(?=\s+(?:but|rather|instead|i\s+mean)\b|\s*[(),;])", re.I)


def excluded_in_brackets(question: str) -> list[tuple[int, int]]:
    """Where a bracket names what the question leaves out (see _EXCLUDING_BRACKET)."""
    return [m.span(1) for m in _EXCLUDING_BRACKET.finditer(question)]


# A likeness from another field: "GSM8K is the MNIST of math reasoning", and one the asker restates at once ("anything
# like a rolling ImageNet-v2, i.e. benchmarks that are refreshed"). The likeness is the asker's; the abstracts have
# the thing itself. So is the field the asker says they come from ("In CV we ...").
_LIKENESS = re.compile(r"(?:^|(?<=[.?!:]\s)|\b(?:is|are|was|were|be|being|as|like|basically|essentially|becomes?|"
                       r"became|call(?:s|ed)?(?:\s+[\w-]+)?)\s+)the\s+(?P<a>[^\s,.;:?!()]*[A-Z][^\s,.;:?!()]*)\s+of\s+"
                       r"(?!(?:the|a|an|their|its|his|her|our|my|your|this|that|these|those|each|every|any)\b)(?=[a-z])|"
                       r"\blike\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+)?(?P<b>[^\s,.;:?!()]+)"
                       r"(?=\s*(?:,|\(|\s[-—–]+)\s*(?:i\.\s?e\.|ie\b|that\s+is\b|meaning\b))|"
                       # "In CV we bolt on auxiliary heads. Which papers ...": the asker's own field, said first
                       r"(?:^|(?<=[.?!]\s))In\s+(?P<c>[A-Z][\w-]*)\s*,?\s+(?:we|you|people|folks|everyone)\b")


def likened_spans(question: str) -> list[tuple[int, int]]:
    """Where the question names what it likens the asked thing to (see _LIKENESS)."""
    return [m.span(next(g for g in "abc" if m[g])) for m in _LIKENESS.finditer(question)]


# The asker's own sentences after the question: why they ask ("want to pick KPIs for our eval", "need it for my
# thesis", "for the RL4code week") and what they guess ("I think it was gpt-4 but not sure", "i keep wanting to say
# LLL but that's probably wrong", "i count deepseek-prover and maybe 2-3 others"). Not what they are making ("prepping
# a 'tool-integrated reasoning' overview"): that often says what the question is about.
_PURPOSE = re.compile(r"(?<=[?.!])\s*(?:(?:i|we)(?:['’]d| would)?\s+)?(?:(?:really\s+)?(?:want|wanted|wanting|need|"
                      r"needed|trying|looking|planning|hoping|going)\s+to\b|(?:(?:it['’]s|this is|asking)\s+)?for\s+"
                      r"(?:my|our)\b|(?:i|we)\s+(?:think|guess|believe|recall|remember|count|suspect|assume|keep\s+"
                      r"wanting|seem\s+to|was\s+told|heard)\b|(?:my\s+guess|not\s+sure|iirc|afaik)\b|for\s+the\s+[\w-]+(?:\s+"
                      r"[\w-]+){0,2}?\s+(?:week|session|slides|talk|notes|class|seminar|lecture)\b|"
                      # "filling the HumanEval column for every paper": what the asker is making of the answer
                      r"(?:(?:i['’]?m|we['’]?re)\s+)?(?:filling(?:\s+in)?|building|compiling|populating|updating)\s+"
                      r"(?:a|an|the|my|our)\s+(?:[\w-]+\s+){0,3}?(?:column|table|sheet|spreadsheet|matrix|chart)\b|"
                      # "think the answer was no": the guess with its "I" left out
                      r"(?:think|thought|guess|reckon|pretty\s+sure)\s+(?:it|the|that|they|this)\b|"
                      # "Submission claims 'compiler-in-the-loop' is new": what a work under review says, which the
                      # question checks (not when it goes on to ask: "...; give the numbers"); "Collecting priority
                      # claims to cross-check ...": what the asker is gathering the answer for
                      r"(?:the\s+|a\s+|this\s+)?(?:submission|manuscript|paper\s+under\s+review)(?:['’]s)?\s+"
                      r"(?:\w+\s+)?(?:says?|claims?|argues?|states?|calls?|asserts?|writes?|suggests?|thinks?)\b"
                      r"(?![^?]*\b(?:give|report|list|tell|show|name|what|how|which)\b)|"
                      r"(?:(?:i['’]?m|we['’]?re)\s+)?(?:collecting|gathering)\s+(?:[\w'’-]+\s+){0,3}?to\s+"
                      r"(?:cross-check|check|compare|verify)\b)[^?]*$", re.I)


# "automated scientific discovery: which papers, for the related-work para": what the answer is for, after a comma.
# Not a section named by its topic ("..., for the program repair section?"): that says what is asked.
_FOR_MY = re.compile(r",\s*(?:(?:it['’]s|this\s+is)\s+)?for\s+(?:my|our|the)\s+(?:(?:intro(?:duction)?|background|"
                     r"related[-\s]work|methods?|evaluation|discussion|next|first|lit(?:erature)?(?:\s+review)?)\s+)?"
                     r"(?:para(?:graph)?|section|subsection|survey|thesis|slides?|talk|notes|chapter|related[-\s]work)"
                     r"\s*[?.!]*$", re.I)


def purpose_spans(question: str) -> list[tuple[int, int]]:
    """Where the question says why the asker asks, after what it asks: names there are the asker's, not asked."""
    question = question.rstrip()
    return sorted([m.span() for m in _PURPOSE.finditer(question)] + [m.span() for m in _FOR_MY.finditer(question)])


# "for my project: which papers ...", "For our class, which ...": what the answer is for, before the ask.
_LEADING_PURPOSE = re.compile(r"^\s*(?:(?:this\s+is|it['’]s)\s+)?for\s+(?:my|our)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:project|homework|assignment|class|course|report|thesis|talk|presentation|essay|survey|slides|science\s+fair)"
                              r"\s*[:,.;-]*\s+(?=(?:which|what|who|how|where|when|why|is|are|does|do|did|can|list|give|"
                              r"name|show|tell|any)\b)", re.I)


def without_purpose(question: str, names_a_paper: Callable[[str], bool] = lambda text: False) -> str:
    """The question without the asker's own sentences after it (see _PURPOSE) and what the answer is for before it
    ("for my project: which ..."): what is asked, and only that. Not when they name a paper (`names_a_paper`): "I
    think the Code4Me people looked at this" says where to look."""
    question = _LEADING_PURPOSE.sub("", question)
    spans = purpose_spans(question)
    if not spans or names_a_paper(question[spans[0][0]:]):
        return question
    return question[:spans[0][0]].rstrip()


def bracketed_after_paper(question: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The spans of brackets right after a paper's name ("deps (minecraft)"): what the asker recalls of it."""
    return [(found.start(1), found.end(1)) for paper in mentions
            if paper.kind == "paper" and (found := bracket_after(question, paper.end))]


def bracket_after(question: str, end: int) -> re.Match[str] | None:
    """The brackets right after `end` ("deps (minecraft)"), their words in group 1, as placed in the question."""
    return re.compile(r"\s*\(([^()]*)\)").match(question, end)


# "vs" or "or" between options.
_OPTION_JOINT = re.compile(r"\s(?:vs\.?|versus|or)\s", re.I)


def options_in_brackets(question: str, least: int = 2) -> tuple[int, int] | None:
    """The span of the brackets that hold every "vs" / "or" of the question, `least` of them at least ("how was
    blame apportioned (model limits vs. misuse vs. devs overwriting valid suggestions)?"), or None. One is enough
    to say that what it joins is no pair of papers ("the F* paper (small fine-tuned vs large)"), not that nothing
    is compared with ("KV Prediction (vs speculative decoding)")."""
    joints = [m.start() for m in _OPTION_JOINT.finditer(question)]
    if len(joints) < least:
        return None
    return next((m.span() for m in re.finditer(r"\([^()]*\)", question)
                 if all(m.start() < j < m.end() for j in joints)), None)


def in_spans(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)
