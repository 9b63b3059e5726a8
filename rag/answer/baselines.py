"""Names a sentence holds up only as what was beaten: "(19% on SWE-bench-lite), which is higher than the efficacy of
the recently reported SWE-agent" gives AutoCodeRover's figure, none of SWE-agent's.

Why: a figure asked of a baseline ("what % did SWE-agent get?") was answered with the paper's own figure, the only
number in the one sentence naming the baseline. A baseline's own figure sits right after its name ("outperforming
GPT-4 (22.95%)", "surpassing GPT-4 at 23.0%"), so a name compared with nothing numeric after it in its clause has
none there.
"""

from __future__ import annotations

import re

from rag.answer.asks import result_figures
from rag.text.names import mention_pattern

# What a clause says before a name it compares with.
_COMPARED = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|exceed\w*|compared\s+(?:to|with)|versus|vs\.?|"
                       r"against)\b", re.I)
# Where a clause ends: a name's own figure is said before one ("GPT-4 (22.95%), single-agent ...").
_CLAUSE_END = re.compile(r"[,;]|\.(?!\d)|\band\b|\bwhile\b|\bwhereas\b")


def only_compared(sentence: str, name: str) -> bool:
    """Whether every mention of `name` in the sentence is what its clause compares with, with no figure after it
    before the clause ends."""
    mentions = list(mention_pattern(name).finditer(sentence))
    if not mentions:
        return False
    for m in mentions:
        before = re.split(r"[,;(]", sentence[: m.start()])[-1]
        rest = sentence[m.end() :]
        # "against GPT-4, which reaches 23.0%": a relative clause right after the name is about it.
        relative = re.match(r"\s*,\s*(?:which|who)\b", rest)
        after = (relative[0] if relative else "") + _CLAUSE_END.split(rest[relative.end() :] if relative else rest,
                                                                      maxsplit=1)[0]
        if not _COMPARED.search(before) or result_figures(after):
            return False
    return True
