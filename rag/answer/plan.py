"""Reads the shape of a question: a comparison of named things, a request for a list of papers, or a factoid.

Rules, not a model: the patterns researchers use are few, and a rule that misfires is easy to see and fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_COMPARE_PATTERNS = [
    re.compile(r"^(?:please\s+)?(?:compare|contrast)\s+(?P<sides>.+?)(?:\s+(?:in terms of|regarding|on)\s+.+)?$", re.I),
    re.compile(r"^(?:what(?:'s| is| are)\s+)?(?:the\s+)?(?:differences?|comparison)\s+(?:between|of)\s+(?P<sides>.+?)"
               r"(?:\s+in terms of\s+.+)?$", re.I),
    re.compile(r"^how\s+(?:do|does|did)\s+(?P<sides>.+?\s+(?:differ|compare)\s+(?:from|with|to)\s+.+?)"
               r"(?:\s+(?:in terms of|on|regarding)\s+.+)?$", re.I),
    re.compile(r"^how\s+(?:do|does|did)\s+(?P<sides>.+?)\s+(?:differ|compare)(?:\s+.*)?$", re.I),
    re.compile(r"^(?P<sides>.+?\s+(?:vs\.?|versus)\s+.+?)$", re.I),
]
_SIDE_SPLIT = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+(?:differs?|compares?)\s+(?:from|with|to)\s+|\s+with\s+|\s+to\s+|"
    r"\s+from\s+|\s+vs\.?\s+|\s+versus\s+)\s*",
    re.I,
)
_LIST_PATTERN = re.compile(
    r"^(?:which|what|list(?:\s+all)?(?:\s+the)?|name(?:\s+all)?(?:\s+the)?|are there(?:\s+any)?|find(?:\s+all)?)\s+"
    r"(?:of the\s+)?(?:papers?|works?|studies|articles|approaches|methods|systems)\s+(?P<topic>.+?)\??$",
    re.I,
)
_LIST_LEAD = re.compile(
    r"^(?:in the corpus\s+|here\s+)?(?:(?:that|which)\s+)?(?:do\s+|does\s+)?"
    r"(?:report(?:s|ed)?(?:\s+(?:results|numbers|scores|experiments))?(?:\s+(?:on|for|with))?|"
    r"evaluate[sd]?(?:\s+(?:on|with|using))?|are evaluated on|use[sd]?|using|rel(?:y|ies) on|employ(?:s)?|"
    r"appl(?:y|ies)|propose[sd]?|introduce[sd]?|present(?:s)?|stud(?:y|ies)|address(?:es)?|mention(?:s)?|"
    r"discuss(?:es)?|are about|about|on|involve[sd]?|focus(?:es)? on|deal(?:s)? with|tackle[sd]?|include[sd]?|"
    r"benchmark(?:s)?(?:\s+on)?|tested on|test on|work on|target(?:s)?|build on|are based on|leverage[sd]?)\s+",
    re.I,
)


_QUOTED = r"'[^']{3,}'|\"[^\"]{3,}\"|“[^”]{3,}”"
_NAMED = r"[A-Z][\w.+*-]*|[a-z]+[A-Z][\w.+-]*"
_KIND = r"(?:\s+(?:paper|study|work|method|model|system|benchmark|dataset|approach|framework))?"
# Two mentions joined by "and": "the OVM paper and 'Scaling ...'", "the X study and the Y study", "A and B".
_JOINED = [
    re.compile(r"\bthe\s+(?P<a>[^,;?]+?)\s+(?:paper|study|work)\s+and\s+the\s+(?P<b>[^,;?]+?)\s+(?:paper|study|work)\b"),
    re.compile(rf"(?:\bthe\s+)?(?P<a>{_QUOTED}|{_NAMED}){_KIND}\s+(?:and|&)\s+(?:the\s+)?(?P<b>{_QUOTED}|{_NAMED})"),
]
_CUT = re.compile(r"\s*(?::|,|;|\?|\s(?:for|on|in|at|regarding|with respect to|when|across|using|to)\s).*$", re.I)


@dataclass
class Plan:
    kind: str  # factoid | comparative | list
    sides: list[str] = field(default_factory=list)  # the named things of a comparison
    topic: str = ""  # what a list question asks papers to have


def plan(question: str) -> Plan:
    text = question.strip().rstrip("?.! ")
    for pattern in _COMPARE_PATTERNS:
        match = pattern.match(text)
        if match:
            sides = [_clean_side(s) for s in _SIDE_SPLIT.split(match.group("sides"))]
            sides = [s for s in sides if s]
            if len(sides) >= 2:
                return Plan("comparative", sides=sides)
    for pattern in _JOINED:
        match = pattern.search(text)
        if match:
            return Plan("comparative", sides=[_clean_side(match.group("a")), _clean_side(match.group("b"))])
    match = _LIST_PATTERN.match(text)
    if match:
        topic = _LIST_LEAD.sub("", match.group("topic").strip(), count=1).strip()
        if topic:
            return Plan("list", topic=topic)
    return Plan("factoid")


def side_variants(side: str) -> list[str]:
    """A side as written, then cut before a trailing clause ("X for repository-level code completion" -> "X")."""
    cut = _CUT.sub("", side).strip()
    return [v for v in dict.fromkeys([side, cut]) if v]


def _clean_side(side: str) -> str:
    side = re.sub(r"^(?:the\s+)?(?:papers?|methods?|approach(?:es)?|models?|systems?)\s+", "", side.strip(), flags=re.I)
    side = re.sub(r"\s+(?:papers?|methods?|approach(?:es)?|models?|systems?)$", "", side, flags=re.I)
    return side.strip(" \"'`“”‘’")
