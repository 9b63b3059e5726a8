"""The names a question offers to choose between ("gpt-4 or claude?", "under mit or apache 2.0?").

When a paper's abstract names none of them, it cannot say which: the answer is one of the offered names, and
quoting the abstract's nearest sentence would answer something else. The same holds of a figure the question quotes
and asks the place or owner of ("was the 38x in numpy or in pillow?", "which locus gave it?"): the sentence writing
it must name one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text.numbers import Figure, read

# Two alternatives of a word each (a version may follow), joined by "or" or a slash ("GPT-4 or Claude", "MIT or
# Apache 2.0", "PPO or with GRPO", "PPO/GRPO").
_EITHER = re.compile(r"(?<![\w-])(?P<a>[\w.+-]+(?:\s+[\d.]+)?)"
                     r"(?:\s*,?\s+or\s+(?:with\s+|by\s+|using\s+|via\s+)?|/(?=\S))"
                     r"(?P<b>[\w.+-]+(?:\s+[\d.]+)?)(?![\w-])", re.I)


_ARTICLES = frozenset({"the", "a", "an"})


def offered_names(question: str, is_name: Callable[[str], bool]) -> list[str]:
    """The alternatives of every "A or B" in the question where one side at least is a name (`is_name` judges its
    first word; a side with a version number, "Apache 2.0", is one); [] when there is none."""
    offered: list[str] = []
    for match in _EITHER.finditer(question):
        sides = [match["a"], match["b"]]
        if any(not re.search(r"[a-z]", side.split()[0], re.I) or side.split()[0].lower() in _ARTICLES
               for side in sides):
            continue  # "the 3/8/32B-sized LLMs": sizes, not alternatives
        if any(is_name(side.split()[0]) or len(side.split()) > 1 for side in sides):
            offered += sides
    return offered


# Where a figure was got, offered as a choice: "was the 38x in numpy or in pillow's _getextrema?".
_PLACES = re.compile(r"\b(?:in|on|for|from|at)\s+(?:the\s+)?(?P<a>[^,;?()]{2,40}?)\s+or\s+"
                     r"(?:(?:in|on|for|from|at)\s+)?(?:the\s+)?(?P<b>[^,;?()]{2,40}?)\s*(?:[?,;.]|$)", re.I)
# One place put up for a yes/no: "is the 38x from numpy?".
_ONE_PLACE = re.compile(r"\b(?:is|was)\s+(?:the|that|this)\s+[~+]?\d[\d.,]*\s*(?:%|x|×|-fold)?\s+"
                        r"(?:from|in|on|for|at)\s+(?:the\s+)?(?P<a>[^,;?()]{2,40}?)\s*\?", re.I)
_FILLER = frozenset("the a an its their his her one which what locus case part set library".split())


def unplaced_figure(question: str, abstract: str) -> tuple[str, str, str] | None:
    """A figure the question quotes and asks which of two places it was got in, when the abstract's sentences
    writing it name neither: (the figure as the question writes it, the two places joined by "or", the sentence);
    else None. "factor up to 38" said of "all attempts" does not say whether numpy's or pillow's locus gave it."""
    places = _PLACES.search(question)
    one = _ONE_PLACE.search(question) if places is None else None
    if places is None and one is None:
        return None
    sides = [places["a"], places["b"]] if places is not None else [one["a"]]
    words = {w.lower() for side in sides for w in re.findall(r"[\w]{3,}", side) if w.lower() not in _FILLER}
    for figure, writing in _quoted_and_written(question, abstract):
        if words and not any(re.search(rf"(?<![\w]){re.escape(w)}", s, re.I) for s in writing for w in words):
            return figure.text, " or ".join(side.strip() for side in sides), writing[0]
    return None


# "which function/code locus gave that 38x?", "which model got the 10.59%?": what a quoted figure is of, asked by name.
_WHICH_GAVE = re.compile(r"\bwhich\s+(?:[\w/-]+\s+){0,3}?(?:gave|gives?|got|gets|produces?|yields?|achieved|reached|"
                         r"produced|yielded|scored|had|"
                         r"was\s+behind|is\s+behind)\b", re.I)


def unattributed_figure(question: str, abstract: str) -> tuple[str, str] | None:
    """A figure the question quotes and asks what it is of ("which code locus gave that 38x?"), when the abstract's
    sentences writing it name nothing it could be of: (the figure as the question writes it, the sentence); else
    None."""
    from rag.text.names import names_in

    if not (which := _WHICH_GAVE.search(question)):
        return None
    # The figure asked about follows the ask: "with 8 context types: which context gave the +22%?" asks the 22.
    quoted = _quoted_and_written(question, abstract)
    for figure, writing in [q for q in quoted if q[0].start >= which.end()] or quoted:
        if not any(names_in(s) or re.search(r"(?<![\w])_\w+", s) for s in writing):
            return figure.text, writing[0]
    return None


def _quoted_and_written(question: str, abstract: str) -> list[tuple[Figure, list[str]]]:
    """Each figure the question quotes ("up-to-38x" and "factor-38" too: a figure joined to a word by a hyphen is
    still one) with the abstract's sentences writing it, where there are any."""
    from rag.text.sentences import split_sentences

    quoted = [f for f in read(question).figures
              if not f.in_name or re.search(r"\b(?:to|factor|about|around)-$", question[:f.start], re.I)]
    sentences = [(s, read(s)) for s in split_sentences(abstract)] if quoted else []
    found = [(f, [s for s, reading in sentences if reading.writes(f.value)]) for f in quoted]
    return [(f, writing) for f, writing in found if writing]
