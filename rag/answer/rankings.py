"""A ranking asked after a list or a question across papers, set aside: the answer gives each paper's figures.

Why: engineers who think in leaderboards end a question across papers with who wins: "how do the papers that argue
this get more diverse outputs, and who has the best headline result?", "which ones, and who claims the biggest
speedup?", "... who seems furthest along?". Read whole, the ranking's words ("headline", "furthest along") are taken
for what is asked, and a question answered by several papers was refused. The first ask is answered with each
paper's own sentences and figures, which rank them where their abstracts allow; the ranking after it is set aside.
A ranking asked alone ("which paper reports the highest pass@1 on HumanEval?", "Of the papers that use Lean, which has
the highest score?") is the question and stays, and so does one naming what it ranks on ("..., and which approach wins
on miniF2F?").
"""

from __future__ import annotations

import re

_MOST = (r"(?:best|biggest|highest|strongest|largest|top|furthest|most|lowest|smallest|fastest|bigger|higher|stronger|"
         r"better|leading|winning|wins?|ahead|on\s+top)")
# "..., and who has the best headline result?", "? who seems furthest along?", "- bonus if you tell me which is
# biggest", "... rank how bad it gets": the last clause.
_RANKING_LAST = re.compile(
    rf"(?:[,;?.]|\s[-–—]+|\s(?=and\s))\s*(?:(?:and|plus|also|then)\s+)?(?:(?:bonus(?:\s+points)?|extra\s+credit)\s+if\s+you\s+"
    rf"(?:(?:also\s+)?tell\s+me|say|can\s+say)\s+|ideally\s+)?(?:(?:who|which(?:\s+(?:one|paper|approach|of\s+them))?|"
    rf"whose\s+[\w/-]+|who['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?(?:the\s+)?{_MOST}\b|rank\s+(?:them|these|those|how)\b)[^?.!]*[?.!]*\s*$",
    re.I)
# A comparison of named papers, which the ranking is part of: "how do B4 and FunCoder differ, and which has better
# reported gains?".
_COMPARES = re.compile(r"\b(?:differ\w*|compar\w*|contrast\w*|vs\.?|versus)\b", re.I)
# What asks for papers or for how several papers do something, before the ranking; not a scope ("Across papers that
# do code completion, which approach ..." asks the ranking alone).
_ACROSS = re.compile(r"\b(?:which\s+(?:papers|ones|works|studies|evals|abstracts)|how\s+(?:do|are|does|did|have)\b|"
                     r"what\s+are\s+the\s+(?:ways|approaches|methods)|list\b)", re.I)


def without_ranking(question: str) -> str:
    """The question without a ranking asked after a list or a question across papers."""
    ranking = _RANKING_LAST.search(question)
    if ranking is None or not _ACROSS.search(asked := question[:ranking.start()]) or _COMPARES.search(asked) or \
            re.search(r"[A-Z0-9]", question[ranking.start():]):
        return question  # a ranking on a name ("which approach wins on miniF2F?") asks of it
    return asked.rstrip(" ,;-–—") + ("" if asked.rstrip().endswith("?") else "?")
