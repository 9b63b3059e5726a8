"""A paper's model sizes, for "what's the smallest model they train?" and "parameter count of its largest model?".

The answer is the sentence giving the smallest (or largest) size, however few words it shares with the question
("Our 150M parameter edit sequence LM matches ... Codex and AlphaCode"); an abstract giving no size does not say.
"""

from __future__ import annotations

import re

from rag.answer.asks import asks_for_figure, asks_in
from rag.text.numbers import read

_EXTREME = re.compile(r"\b(?P<sup>smallest|tiniest|largest|biggest)\s+(?:[\w-]+\s+)?(?:models?|LLMs?|LMs?|networks?|"
                     r"variants?|versions?|checkpoints?)\b", re.I)
# The size itself asked: "what's the smallest model", "which is their biggest LM", "how small is their smallest",
# "parameter count of its largest model", or nothing but the model ("LintSeq's biggest LLM?"); not "how well did the
# largest model do" (its result, a figure asked).
_SIZE_ASKED = re.compile(r"\b(?:what(?:['’]s|s)?|which)\s+(?:(?:is|was|are|were)\s+)?(?:the|their|its|[\w-]+['’]s)\s+"
                         r"(?:smallest|tiniest|largest|biggest)\b|\bparam\w*|\bsizes?\b|\bhow\s+(?:small|big|large)\b",
                         re.I)
_SMALL = {"smallest", "tiniest"}
# A size written with its scale letter ("150M", "2.6B", "DotaMath-deepseek-7B"), not a count in words ("8 million
# formal statements", "19.8 billion tokens") nor data ("574K pairs").
_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[MB](?![\w])")
# What a size in a sentence is the size of: parameters or models.
_OF_MODELS = re.compile(r"\b(?:parameters?|params|models?|LLMs?|LMs?)\b|-\d+(?:\.\d+)?[MB]\b", re.I)


def asked_extreme(question: str) -> str:
    """"smallest" or "largest" when the question asks for the size extreme of a paper's models; "" otherwise."""
    match = _EXTREME.search(question)
    if match is None or not (_SIZE_ASKED.search(question) or not asks_for_figure(asks_in(question)[0])):
        return ""
    return "smallest" if match["sup"].lower() in _SMALL else "largest"


def model_sizes(sentence: str) -> list[float]:
    """The model sizes a sentence gives, in parameters ("ranging from 2.6B to 14B parameters": both)."""
    if not _OF_MODELS.search(sentence):
        return []
    return [f.value for m in _SIZE.finditer(sentence) for f in read(m.group(0)).figures[:1]]


def extreme_size(sentence: str, extreme: str) -> float:
    """The sentence's smallest or largest model size, for ordering sentences by it."""
    sizes = model_sizes(sentence)
    return min(sizes) if extreme == "smallest" else max(sizes)


# A model size typed alone in a question ("the 13B DotaMath model", "its 1.3b version"), not inside a name
# ("qwen2.5-math-7b-instruct": the name is checked as a name) nor a count of data ("13B tokens").
# Millions only said of parameters or a model ("1 M NaCl" is a concentration).
_ASKED_SIZE = re.compile(r"(?<![\w.-])(?P<n>\d+(?:\.\d+)?)\s?"
                         r"(?P<u>B|M(?=\)?\s*(?:param\w*|models?|versions?|variants?|one)\b))(?![\w-])(?!\s+(?:tokens|words|lines|samples|examples|pairs|problems|instances|documents|"
                         r"files)\b)", re.I)
# How an abstract writes a size: "7B", "DotaMath-deepseek-7B", "7 billion", "2.6B to 14B", "150M parameter".
_WRITTEN_SIZE = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*-?\s*(?:(?P<b>B|billion)|(?P<m>M|million))(?![a-z])",
                           re.I)


_SIZES_SHARING_A_UNIT = re.compile(r"(?<![\d.])(?P<ns>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)+)\s*-?\s*(?P<u>B|M)(?![a-z])",
                                   re.I)


def unwritten_size(question: str, abstract: str) -> str:
    """The model size a question asks about ("13B") when the abstract writes no size of that value, or "": a figure
    for another size would be another model's."""
    written = {(float(m["n"]), bool(m["b"])) for m in _WRITTEN_SIZE.finditer(abstract)}
    # "3/8/32B-sized pre-trained LLMs": each size before the shared unit is written too.
    written |= {(float(n), m["u"].upper() == "B") for m in _SIZES_SHARING_A_UNIT.finditer(abstract)
                for n in m["ns"].split("/")}
    for match in _ASKED_SIZE.finditer(question):
        if (float(match["n"]), match["u"].upper() == "B") not in written:
            return f"{match['n']}{match['u'].upper()}"
    return ""


# Sizes an abstract writes only as the ends of a range: "(with between 244M and 137B parameters)".
_RANGE = re.compile(r"\b(?:between\s+(?P<a>\d+(?:\.\d+)?\s*[MB])\s+and\s+(?P<b>\d+(?:\.\d+)?\s*[MB])|"
                    r"from\s+(?P<c>\d+(?:\.\d+)?\s*[MB])\s+(?:to|up\s+to)\s+(?P<d>\d+(?:\.\d+)?\s*[MB]))(?![\w])", re.I)


def ranged_size(question: str, abstract: str) -> tuple[str, str]:
    """The model size a question asks a figure of ("how did the 244M one do?") when the abstract writes it only as
    an end of a range of sizes it trained, with that range as written; ("", "") otherwise: no figure there is that
    model's."""
    if not asks_for_figure(question):
        return "", ""

    def size(text: str) -> str:
        return text.replace(" ", "").upper()

    ends = [(m, size(m["a"] or m["c"]), size(m["b"] or m["d"])) for m in _RANGE.finditer(abstract)]
    typed = size(question)
    for match in _ASKED_SIZE.finditer(question):
        asked = f"{match['n']}{match['u'].upper()}"
        # Not a range the question restates ("they finetune LLMs 2.6B to 14B: how big is the gain?").
        spans = [m for m, low, high in ends if asked in (low, high) and
                 not all(re.search(rf"(?<![\d.]){re.escape(e)}", typed) for e in (low, high))]
        anywhere = [w for w in _WRITTEN_SIZE.finditer(abstract) if f"{w['n']}{'B' if w['b'] else 'M'}" == asked]
        # "Our largest models ... 59.6 percent": the top of the range has its figure, said so.
        top = any(asked == high for _, _, high in ends)
        if spans and all(any(m.start() <= w.start() < m.end() for m in spans) for w in anywhere) and \
                not re.search(r"\blargest\b" if top else r"\bsmallest\b", abstract, re.I):
            return asked, spans[0][0]
    return "", ""


def range_only(asked: str, said: str) -> str:
    """Why a size written only as an end of a range (`ranged_size`) has no figure, said of an abstract."""
    return f"gives no figure for the {asked} model: it writes {asked} only as an end of the range of sizes it " \
           f"trained (“{said}”)."


# "how many params", "model size", "parameter count", "how big is its model": the size of the paper's model asked.
_ASKS_SIZE = re.compile(r"\bhow\s+many\s+(?:params|parameters)\b|\bmodel\s+sizes?\b|\bparam(?:eter)?\s+counts?\b|"
                        r"\bhow\s+(?:big|large)\s+(?:is|are|was|were)\s+(?:the|its|their)\s+(?:[\w-]+\s+)?models?\b|"
                        r"\bsizes?\s+of\s+(?:the|its|their)\s+(?:[\w-]+\s+)?models?\b", re.I)


def asks_model_size(question: str) -> bool:
    """Whether the question asks how big the paper's model(s) are."""
    return bool(_ASKS_SIZE.search(question))


def unsized(question: str, abstract: str) -> bool:
    """Whether the question asks the size of a paper's model and its abstract writes no size ("7B", "150M
    parameter", "7 billion")."""
    return bool(_ASKS_SIZE.search(question)) and not _WRITTEN_SIZE.search(abstract)
