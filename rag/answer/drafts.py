"""A sentence of the asker's draft pasted with a citation placeholder, read as the question it stands for.

Why: researchers finishing a paper hunt citations by pasting a sentence of their draft: "'Isabelle has also served as
the checking backend for LLM provers (ref?)' - which papers here work with Isabelle?", "What should I cite for 'the
shortage of formal-proof data has been tackled with synthetic formalization and self-play [CITE]'?", "'AutoCodeRover
resolves X% of SWE-bench-lite issues at about $Y each [CITE]' - what are X and Y?". Read whole, the draft's words are
taken for what is asked (no abstract says "keeps showing up as a motivating lens"), and the question is refused. When
the asker's own question says all it asks, the draft goes; when it points at the draft ("which papers speak to
that?", "what should I cite for ..."), the draft's claim is what is asked: the papers that show it, or, for a figure
left as a letter in it (X, Y, N), the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.asks import ENDS_POINTING_BACK
from rag.text.sentences import ASKS, split_sentences

# Where a citation goes: "[CITE]", "[citation needed]", "(ref?)", "\cite{??}", "[?]", "[12?]".
_PLACEHOLDER = re.compile(r"\s*(?:\[\s*(?:cite|citations?(?:\s+needed)?|refs?|references?|\d*\s*\?+)\s*\]|"
                          r"\(\s*(?:refs?|cite|citations?(?:\s+needed)?)\s*\??\s*\)|\\cite[tp]?\{[^}]*\})", re.I)
# A quoted draft: straight or curly quotes, single or double ("LLMs' outputs" keeps its apostrophe inside).
_QUOTED = re.compile(r"\"(?P<d>[^\"]+)\"|“(?P<c>[^”]+)”|‘(?P<s>[^’]+)’|(?<![\w])'(?P<q>[^']+?(?:'\w[^']*?)*)'(?![\w])")
# A figure left as a letter in the draft: "X%", "$Y", "N tasks", "an MRR of X".
_VARIABLE = re.compile(r"(?<![\w$])\$?(?:X|Y|Z|N|K|M|\?\?|_{2,})(?![\w])%?")
# An ask about those letters: "what are X and Y?", "what's N?", "what number goes there?".
_ASKS_VARIABLE = re.compile(r"\bwhat(?:['’]s|\s+(?:is|are|were|was|would\s+be))\s+(?:X|Y|N|K|the\s+(?:number|figure|"
                            r"value)s?)\b|\b(?:number|figure|value)s?\b", re.I)
# An ask that ends where the draft stood: "which refs back up", "what should I cite for".
_DANGLING = re.compile(r"\b(?:up|for|to|after|into|with|of|about|on|in|behind|under)\s*[?:]?\s*$", re.I)
# An ask about the draft itself, which the claim's list answers: "any paper in here on that?", "which speak to it?".
_AT_DRAFT = re.compile(rf"{ENDS_POINTING_BACK.pattern}|\b(?:there|here|(?:in\s+)?the\s+blanks?)\s*[?.!]*\s*$", re.I)
# A second ask across the papers listed: "and how does each one get its data", "what's the evidence in each?".
_ASKS_OF_THEM = re.compile(r"(?:(?:and|also|plus|then)\s+)?(?:how|what|why|where)\b", re.I)
# A draft's first word that is no name, written in lower case after "that": "In niche domains ...", "Whether LMs ...".
_PLAIN_FIRST = frozenset({"whether", "in", "on", "for", "with", "by", "as", "several", "recent", "many", "most", "some",
                          "the", "a", "an", "existing", "prior", "previous", "such", "these", "this", "it", "there",
                          "although", "despite", "while", "beyond", "unlike", "like"})


def as_cited_ask(question: str, says_all: Callable[[str], bool]) -> str:
    """The question a citation hunt asks: the asker's own question when it says all it asks (`says_all`), else the
    draft's claim as a list of the papers that show it, or as the figure its letters stand for."""
    if not _PLACEHOLDER.search(question):
        return question
    draft = next((m for m in _QUOTED.finditer(question) if _PLACEHOLDER.search(m.group(0))), None)
    if draft is not None:
        said = next(group for group in draft.groups() if group is not None)
        rest = f"{question[:draft.start()]} — {question[draft.end():]}"
    else:
        sentences = split_sentences(question)
        said = next(s for s in sentences if _PLACEHOLDER.search(s))
        if "?" in said:
            return _PLACEHOLDER.sub("", question)  # "... or does some paper say otherwise [citation needed]"
        rest = " — ".join(s for s in sentences if s is not said)
        said = re.sub(r"^[^:]{0,40}:\s*", "", said)  # "Draft: ...", "our intro says: ..."
    claim = _claim(said)
    asks = _asks(_PLACEHOLDER.sub("", rest))
    for at, ask in enumerate(asks):
        # an ask of its own, not a label naming the venue ("For my NeurIPS submission:"), nor one pointing at the
        # draft ("what number goes there?")
        if _asks_something(ask) and says_all(ask) and not _DANGLING.search(ask) and not _AT_DRAFT.search(ask):
            return " ".join(asks[at:])
    if claim and _VARIABLE.search(claim) and any(_ASKS_VARIABLE.search(ask) for ask in asks):
        # "for the DEPS planner: '... complete N tasks [CITE]' - what's N?": the figure, of what the asker names
        named = " ".join(ask for ask in asks if not _asks_something(ask))
        return f"{named} — {_VARIABLE.sub(_asked_figure, claim)}?".lstrip(" —")
    if len(asks) > 1 and not _asks_something(asks[0]) and _asks_something(asks[1]) and \
            says_all(joined := " — ".join(asks)):
        return joined  # "DotaMath or MARIO for '...' - how do their datasets differ?"
    if not claim:
        return question
    # a second ask of the papers after the one pointing at the draft: "... and how does each one get its data"; not
    # a check of the draft's own names ("is it one of those two?"), which the list answers
    more = " ".join(ask for ask in asks[1:] if _ASKS_OF_THEM.match(ask) and not _AT_DRAFT.search(ask))
    return f"Which papers show that {claim}? {more}".strip()


def _asks_something(clause: str) -> bool:
    """A question ("what's X?") or a clause starting as one ("and how does each get its data")."""
    return "?" in clause or bool(ASKS.match(clause))


def _asks(rest: str) -> list[str]:
    """The asker's clauses around the draft that ask something, or name what is asked about ("DotaMath or MARIO
    for"); labels that introduced the draft ("Our related work reads:", "going into", "want to add") go."""
    kept = []
    for clause in re.split(r"(?<=[?!])\s+|(?<=\.)\s+(?=[A-Za-z])|\s*(?:[:;]|--+|[–—])\s*", rest):
        clause = clause.strip(" ,")
        if not re.search(r"\w", clause):
            continue
        if _asks_something(clause) and (len(clause.split()) >= 3 or "?" in clause):  # "what's X?"
            kept.append(clause)
        elif (named := re.sub(r"\s+(?:for|into|after|in|to|on|of|about|says|reads)$", "", clause)) and \
                re.search(r"(?<!^)\b[A-Z][\w-]*[A-Z0-9][\w-]*|\s[A-Z][a-z]+", named) and len(named.split()) <= 6:
            kept.append(named)
    return kept


def _asked_figure(letter: re.Match[str]) -> str:
    """The figure a letter stands for, asked: "X%" -> "what %", "$Y" -> "what cost", "N tasks" -> "how many tasks";
    asked so, a name no abstract has in the claim ("N% of APPS problems") is checked as in any question."""
    said = letter.group(0)
    if said.startswith("$"):
        return "what cost"
    if said.endswith("%"):
        return "what %"
    return "how many" if re.match(r"\s+[a-z]+s\b", letter.string[letter.end():]) else "what"


def _claim(said: str) -> str:
    """The draft's claim without its placeholder, ellipses and the conjunction it was cut from."""
    claim = _PLACEHOLDER.sub("", said)
    claim = re.sub(r"^\s*(?:\.\.\.|…)?\s*(?:and|but|so|while|whereas|moreover|however|also)?\b\s*,?\s*", "", claim,
                   flags=re.I)
    claim = re.sub(r"\s*(?:\.\.\.|…)\s*$", "", claim).strip(" .,;:")
    first = claim.split(" ", 1)[0]
    return claim[:1].lower() + claim[1:] if first.lower() in _PLAIN_FIRST else claim
