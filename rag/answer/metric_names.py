"""The metrics a sentence reports: "an exact match of 43.37%", "MRR: 70.9%", "a 4.2% Acceptance Rate", "pass@200",
"Completion Acceptance Rate (CAR)". What "which metrics do the code completion papers report?" lists.

A metric is a phrase ending in a measuring noun (rate, match, accuracy, score ...) next to its figure, a name given
a figure after a colon or "=" ("MRR: 70.9%"), a "@k" measure, or a capitalised phrase a paper abbreviates. A name
alone (a model, a benchmark) is none: "which metrics" does not ask for GPT-4 or HumanEval.
"""

from __future__ import annotations

import re

from rag.text.sentences import split_sentences

# "what metrics do the code completion papers report?", "metrics reported across these papers", "which new metrics
# get proposed here?", "what metrics do the math benchmarks rely on?", "not the benchmarks, the scoring metrics: what
# do the code completion papers measure with?": the metrics of several papers, none named.
_ASKS = re.compile(r"(?:(?:^|\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?)(?:metrics|measures)\b|"
                   r"(?:^|[,;.]\s*)(?:the\s+)?(?:[\w-]+\s+){0,2}?metrics\s*(?::|\s[-–—]+)\s*(?:what|which)\b)"
                   r"(?=.*\b(?:papers?|works|studies|across|these|here|corpus|people|each|benchmarks)\b)", re.I)
_HEAD = (r"(?:exact\s+match|matches|match|rates?|accuracy|accuracies|similarity|scores?|precision|recall|perplexity|"
         r"F1|BLEU|CodeBLEU|ROUGE(?:-\w+)?|MRR|EM)")
_WORD = r"[A-Za-z][\w-]*"
_FIGURE = r"\d[\d.,]*\s*%?"
# "an exact match of 43.37%", "a success rate of 10.59%", "pass@200 of 77.0%".
_BEFORE_FIGURE = re.compile(rf"(?P<m>(?:{_WORD}\s+){{0,2}}{_HEAD})\s+(?:of|=)\s+"
                            rf"(?:only\s+|about\s+|up\s+to\s+)?{_FIGURE}", re.I)
# "MRR: 70.9%", "ROUGE-L: 63.7%", "pass@1 = 41.4%": a name given its figure.
_NAME_FIGURE = re.compile(rf"(?P<m>(?-i:[A-Z][\w-]*[A-Z0-9][\w-]*)|\w+@\w+)\s*[:=]\s*{_FIGURE}")
# "a 4.2% Acceptance Rate", "a 2% EM improvement".
_AFTER_FIGURE = re.compile(rf"{_FIGURE}\s+(?P<m>(?:{_WORD}\s+){{0,2}}?{_HEAD})\b", re.I)
# "pass@k", "eff@k", "pass@3200".
_AT_K = re.compile(r"(?<![\w@])(?P<m>[a-z]+@(?:k|\d+))\b", re.I)
# "Completion Acceptance Rate (CAR)": a capitalised phrase ending in a measuring noun, abbreviated.
_ABBREVIATED = re.compile(rf"(?P<m>(?-i:(?:[A-Z][a-z]+\s+){{1,3}}){_HEAD}\s+\((?-i:[A-Z]{{2,6}})\))", re.I)
# Words that lead into the phrase without being part of the metric: "an exact match" is "exact match".
_LEADING = re.compile(r"^(?:(?:a|an|the|its|their|our|of|in|with|and|higher|lower|better|best|average|overall|"
                      r"end-to-end|only|achieves?|reaches?|gets?|percent|(?:reduction|increase|improvement|drop|gain|"
                      r"loss)s?\s+in)\s+)+", re.I)


def asks_metrics(question: str) -> bool:
    """Whether the question asks which metrics several papers report or use."""
    return bool(_ASKS.search(question))


def metrics_in(sentence: str) -> list[str]:
    """The metrics the sentence reports, as written, in order, each once (case aside); where two readings overlap
    ("Completion Acceptance Rate (CAR)" and "Acceptance Rate"), the one found first in the order above."""
    found: list[tuple[int, int, str]] = []
    for pattern in (_ABBREVIATED, _BEFORE_FIGURE, _NAME_FIGURE, _AFTER_FIGURE, _AT_K):
        for match in pattern.finditer(sentence):
            start, end = match.span("m")
            text = _LEADING.sub("", match["m"]).strip()
            if text and all(end <= s or start >= e for s, e, _ in found):
                found.append((start, end, text))
    out: dict[str, str] = {}
    for _, _, text in sorted(found):
        out.setdefault(text.lower(), text)
    return list(out.values())


def defines_metric(name: str, abstract: str) -> bool:
    """Whether the abstract introduces `name` as one of its metrics ("two key metrics: effective accuracy (EAcc) ...
    and reasoning gap (Delta)"): then "what's o1-mini's Delta?" asks for its value."""
    named = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)
    return any(named.search(s) and re.search(r"\bmetrics?\b", s, re.I) for s in split_sentences(abstract))


def defined_metrics(abstract: str) -> list[tuple[str, str]]:
    """The metrics the abstract defines with a short name, each with the words it spells out: ("Delta", "reasoning
    gap") of "we propose two key metrics: effective accuracy (EAcc) ... and reasoning gap (Delta)"."""
    from rag.answer.acronyms import expansion

    found = []
    for sentence in split_sentences(abstract):
        if re.search(r"\bmetrics?\b", sentence, re.I):
            for bracket in re.finditer(r"\(([A-Z][\w@-]{1,15})\)", sentence):
                short = bracket[1]
                if (spelled := expansion(short, sentence)) is not None:
                    found.append((short, spelled[0][spelled[1][0]:spelled[1][1]]))
                elif named := _NAMED_BEFORE.search(sentence[:bracket.start()]):
                    found.append((short, named["words"]))  # "reasoning gap (Delta)": no acronym, named all the same
    return found


# The words naming a metric right before its short name in brackets, back to the clause's start.
_NAMED_BEFORE = re.compile(r"(?:^|[:,;]\s*|\band\s+|\bthe\s+)"
                           r"(?P<words>(?!(?:and|or|the|a|an)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s*$", re.I)
