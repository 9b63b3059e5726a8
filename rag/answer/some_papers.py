"""A remark that some of the papers do something, then "which ones?": the list of the papers doing it.

Why: askers say what they noticed before asking ("a weird number of these abstracts name-drop Turing completeness.
Which ones bring it up?", "Several papers here use Isabelle. Which ones do?"). The remark was read as the topic
("A weird number of these abstracts ...": "weird number" is in no abstract) or the ask's "bring it up" as a question
about one paper. What the papers were said to do is what the list asks.
"""

from __future__ import annotations

import re

_SOME = (r"(?:some|a\s+few|few|several|many|most|a\s+couple(?:\s+of)?|quite\s+a\s+few|lots\s+of|"
         r"a\s+(?:[\w-]+\s+)?(?:number|bunch|handful|lot)\s+of)")
_NOTICED = r"(?:(?:i\s+(?:noticed|see|saw|think)|(?:it\s+)?(?:seems|looks\s+like))\s+(?:that\s+)?)?"
_REMARK = re.compile(rf"^\s*{_NOTICED}{_SOME}\s+(?:of\s+)?(?:these\s+|the\s+|those\s+)?(?:abstracts|papers|works|"
                     r"studies)\s+(?:(?:here|in\s+here|in\s+(?:this|the)\s+(?:set|index|collection))\s+)?"
                     r"(?P<does>[^.?!]+?)\s*[.!]+\s+(?:so\s+|but\s+)?which\s+(?:ones|papers|of\s+them|are\s+they)"
                     r"(?P<echo>[^?.!]*)[?.!]*\s*$", re.I)
# What "which ones" may add that asks nothing more: "do", "exactly", "bring it up", "mention it", "are they".
_ECHO = re.compile(r"^(?:\s+(?:exactly|do|does|did|are\s+(?:they|those|these)|(?:bring|brings)\s+(?:it|that|this)\s+"
                   r"up|(?:mention|use|cover|discuss|do)\s+(?:it|that|this)|talk\s+about\s+(?:it|that|this)))*\s*$",
                   re.I)


def as_which_papers(question: str) -> str:
    """"Some of these papers do X. Which ones?" as "Which papers do X?"; anything else as typed."""
    remark = _REMARK.match(question)
    if remark is None or not _ECHO.match(remark["echo"]):
        return question
    return f"Which papers {remark['does']}?"
