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

from rag.answer.asks import result_figures
from rag.answer.naming import mentions_name

_CLAUSE_END = re.compile(r";|,\s+(?=(?:with|while|whereas|but|although|though)\b)", re.I)


def figure_for(sentence: str, name: str) -> bool:
    """Whether some figure of the sentence is in a clause that names `name`."""
    return any(result_figures(clause) and mentions_name(clause, name) for clause in _CLAUSE_END.split(sentence))
