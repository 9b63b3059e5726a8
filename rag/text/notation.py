"""A mathematician's notation in a question, read in words.

Why: researchers trained in mathematics ask for a list as a set ("Let S be the set of papers that use Lean. What is
S?", "Let T = {papers whose experiments involve SWE-bench}. Determine T."), write "s.t." for "such that" and put
names in LaTeX ("$\\text{pass}@1$"). Read as typed, the set's letter is a name no abstract has and the ask
("Determine T") is no question about papers; so the set is read as the list it asks for, and the notation as its
words.
"""

from __future__ import annotations

import re

from rag.text.clean import strip_latex

# "Let S be the set of papers that ...", "Let T = {papers whose ...}", "Let D denote the set of all papers in
# which ...": the set's letter and what its papers are.
# "S := {p : p uses Lean}", "S = {p | p evaluates on HumanEval}" too.
_SET = re.compile(
    r"^\s*(?:let\s+)?(?P<letter>[A-Za-z](?:_\w+)?)\s*(?:(?:be|denote)\s+the\s+set\s+of\s+|:?=\s*\{\s*)"
    r"(?:(?:all\s+)?(?:the\s+)?(?:papers?|works?|abstracts?)\s+(?:p\s+)?|p\s*[:|]\s*(?:p\s+)?)(?P<rest>.+)$",
    re.I | re.S)
# What the set's letter asks after it: "What is S?", "Determine T.", "List E.", "Is |E| > 2?" (its size, asked
# with it: the list answers that too).
_ASKS_SET = r"(?:what\s+is|determine|find|list|compute|give|name|enumerate|describe|identify)\s+(?:the\s+set\s+)?"
# "p ∈ E iff ...", "i.e. p ∈ E iff it ...": the set's definition again, in symbols.
_MEMBER = re.compile(r",?\s*(?:i\.e\.,?\s*)?\bp\s*(?:∈|\\in)\s*\w+\s+(?:iff|if\s+and\s+only\s+if)\b[^.?;]*", re.I)
# "for k = 200", "at k=10": the k of a pass@k asked.
_K_IS = re.compile(r"\s*,?\s*\b(?:for|at|with|when)\s+k\s*=\s*(?P<k>\d+)\b", re.I)
# A mathematician's asides, no names: "WLOG restrict to ...", "NB a paper that ...", "... QED".
_ASIDES = re.compile(r"\b(?:WLOG|w\.l\.o\.g\.|TFAE|QED|Q\.E\.D\.)(?!\w)[,:]?\s*|"
                     r"(?:(?<=^)|(?<=[.?!;]\s))N\.?B\.?(?:[,:]\s*|\s+(?=[a-z]))")
_SUCH_THAT = re.compile(r"\bs\.\s?t\.(?=\s)", re.I)
# A formula in a question: "$\geq 50\%$", "$\zeta(3)$".
_MATH = re.compile(r"\$(?P<body>(?=[^$]*\\)[^$\d][^$]{0,79})\$")  # a command in it: not "$5 and $10"
_COMMANDS = {r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\times": "×", r"\approx": "≈", r"\%": "%",
             r"\pi": "pi", r"\in": "∈"}


def in_words(question: str) -> str:
    """The question with a set of papers asked for as "which papers ...", "s.t." as "such that", LaTeX as its
    text, and asides ("WLOG", "NB") dropped; unchanged when it has none of them."""
    text = _MATH.sub(lambda m: _math_text(m["body"]), strip_latex(question)) if "$" in question else question
    text = _SUCH_THAT.sub("such that", _ASIDES.sub("", text))
    if (k := _K_IS.search(text)) and re.search(r"pass@k\b", text, re.I):
        # "What pass@$k$ does PlanSearch report for $k = 200$?": pass@200, as the abstracts write it.
        text = re.sub(r"pass@k\b", f"pass@{k['k']}", text[:k.start()] + text[k.end():], flags=re.I)
    if (match := _SET.match(text)) and (what := _defined(match["rest"], match["letter"])):
        what = _MEMBER.sub("", what).strip(" ,;.")
        # "the set of papers p such that p tests ...": "p" is each paper.
        what = re.sub(r"^such\s+that\s+p\s+", "that ", what, flags=re.I)
        what = re.sub(r"^in\s+which\s+", "where ", what, flags=re.I)  # "the set of papers in which ..."
        return f"which papers {what}?"
    return text


def _defined(rest: str, letter: str) -> str:
    """What the set's papers are, when the sentences after it ask for the set by its letter, or its size ("What is
    S?", "Is |E| > 2? List E."); "" when none does."""
    sentences = [s for s in re.split(r"(?<=[.?!])\s+", rest.strip()) if s.strip()]
    own = re.escape(letter)
    asked = 0
    # Only the set itself: "What is S \\ T?" asks for another.
    while len(sentences) > 1 and (re.fullmatch(rf"{_ASKS_SET}{own}\s*[?.!]*", sentences[-1], re.I) or
                                  re.fullmatch(rf"[^|]*\|\s*{own}\s*\|[^|]*", sentences[-1])):
        sentences.pop()
        asked += 1
    return re.sub(r"\s*\}\s*[.;]?$", "", " ".join(sentences)) if asked else ""


def _math_text(body: str) -> str:
    """What a formula the abstracts' cleaning keeps says in a question: "\\geq 50\\%" is "≥ 50%", "\\zeta(3)" is
    "zeta(3)" (its text commands, "\\text{pass}@1", are unwrapped by that cleaning)."""
    text = body
    for command, sign in sorted(_COMMANDS.items(), key=lambda c: -len(c[0])):
        text = text.replace(command, sign)
    return re.sub(r"[{}]", "", re.sub(r"\\([A-Za-z]+)", r"\1", text)).strip()
