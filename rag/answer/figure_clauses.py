"""Whose figure a number is: the name said in its clause.

"Our extensive evaluation of 23 leading LLMs reveals that the highest EAcc achieved is 56.3% by OpenAI-o1-mini, with
large Delta values observed across different models." names Delta and o1-mini, and has a figure, so it was quoted
for "UGMathBench's reasoning gap (Delta) for o1-mini": but 56.3% is the EAcc, and Delta is said in another clause,
with no number. A figure belongs to the names of the clause it is in; a clause ends at ";" or at a comma that opens
another ("..., with", "..., while", "..., but"). Plain commas do not end one: "+9.8% on average in HumanEval,
MBPP, xCodeEval and MATH" is one figure for all four.
"""

from __future__ import annotations

import re

from rag.answer.asks import BEATEN, is_statement, result_figures
from rag.answer.naming import mentions_name

_CLAUSE_END = re.compile(r";|,\s+(?=(?:with|while|whereas|but|although|though)\b)", re.I)


def figure_for(sentence: str, name: str) -> bool:
    """Whether some figure of the sentence is in a clause that names `name`."""
    return any(result_figures(clause) and mentions_name(clause, name) for clause in _CLAUSE_END.split(sentence))


# "single token prediction (MRR: 70.9% ...) and ... multi-token prediction (ROUGE-L: 63.7% ...)": a metric given in
# brackets after what it measures.
_MEASURED_IN_BRACKETS = re.compile(r"(?P<setting>(?:[\w-]+\s+){1,3})\((?P<metric>[A-Za-z][\w@-]*)\s*[:=]\s*\d")
_PLAIN = frozenset({"the", "a", "an", "of", "in", "on", "for", "and", "prediction", "predictions", "task", "tasks",
                    "setting", "level", "art", "state", "outperforms", "surpasses", "all", "baselines"})


def metric_elsewhere(question: str, sentence: str, metric: str) -> str:
    """What a metric the question asks for is given for instead, when the sentence gives it in brackets after one
    setting and the question asks it for another the sentence measures with another metric ("CodeFill's MRR for
    multi-token prediction": its MRR is for single token prediction, multi-token has ROUGE-L); "" otherwise."""
    entries = [(set(re.findall(r"[a-z][a-z0-9]*", m["setting"].lower())) - _PLAIN, m["metric"], m["setting"].strip())
               for m in _MEASURED_IN_BRACKETS.finditer(sentence)]
    mine = [e for e in entries if e[1].lower() == metric.lower()]
    others = [e for e in entries if e[1].lower() != metric.lower()]
    if not mine or not others:
        return ""
    asked = set(re.findall(r"[a-z][a-z0-9]*", question.lower()))  # "multi-token" and "multi token" alike
    words, _, setting = mine[0]
    theirs = set().union(*(other for other, _, _ in others))
    if (words - theirs) & asked:
        return ""  # asked for the setting it is given for ("single")
    return setting if (theirs - words) & asked else ""


# A metric written as a token: "pass@1", "pass@k", "EM", "MRR".
_METRIC_TOKEN = re.compile(r"\bpass@\s*(?:\d+|k)\b|(?<![\w-])(?:EM|MRR|BLEU|ROUGE-\w+|EAcc)(?![\w-])", re.I)
# A question asking for what was beaten ("the baseline's pass@1", "without search") asks for that figure.
_ASKS_BEATEN = re.compile(rf"\b(?:{BEATEN}|without|baselines?|compared)\b", re.I)


# "surpasses all baselines in single token prediction (MRR: ...": where it won, and its own figure there.
_WHERE_WON = re.compile(r"\b(?:in|on|at|across)\s", re.I)
# "(MRR: 70.9% vs. 66.2%)": the figure before "vs" is the winner's.
_OWN_BEFORE_VS = re.compile(r"\s*[:=]?\s*[\d.,]+\s*%?\s*(?:vs\.?|versus)\s", re.I)


def metric_only_beaten(question: str, sentences: list[str]) -> str:
    """The metric a question asks for ("PLANSEARCH's own pass@1") when these sentences give it only for what the
    paper beats ("... pass@200 of 77.0%, outperforming the best score achieved without search (pass@1 = 41.4%)"),
    or ""."""
    # What is asked follows what the asker says they know, unless what they know comes last ("... ? I have its
    # pass@200").
    parts = re.split(r"(?<=[.!?;])\s+", question.strip())
    ask = next((p for p in reversed(parts) if not is_statement(p) and "?" in p), parts[-1]) \
        if is_statement(parts[-1]) else parts[-1]
    # Nor the one they say they have: "I have the pass@200, need pass@1 for the search method itself".
    asked = next((m for m in _METRIC_TOKEN.finditer(ask)
                  if not re.search(r"\b(?:have|got|know)\s+(?:the\s+|its\s+|their\s+)?$", ask[:m.start()], re.I)),
                 None)
    if asked is None or _ASKS_BEATEN.search(ask):
        return ""
    token = re.compile(re.escape(re.sub(r"\s+", "", asked[0])), re.I)
    seen = False
    for sentence in sentences:
        for found in token.finditer(sentence):
            beaten = re.search(BEATEN, sentence[:found.start()], re.I)
            if beaten is None or _CLAUSE_END.search(sentence, beaten.end(), found.start()) or \
                    _WHERE_WON.search(sentence, beaten.end(), found.start()) or \
                    _OWN_BEFORE_VS.match(sentence, found.end()):
                return ""  # said as the paper's own somewhere
            seen = True
    return asked[0] if seen else ""
