"""Reviewers named the way peer review names them: "R2", "Reviewer #1", "the meta-review", "the AC".

Why: authors writing a rebuttal check what reviewers said against the abstracts ("R2 claims MA-LoT beats STP on
miniF2F-test -- is that right?", "R3: 'missing baselines on SWE-bench'. which papers evaluate on SWE-bench?"). "R2"
read as a name no abstract has, so the question was refused; as "a reviewer" the claim is someone's, as "a colleague
says" already is, and the question after it is read as asked. Only a label before what the reviewer says, asks or
wants ("R2:", "R1 says", "reviewer 3 thinks") is one; "R1" otherwise may be a model's name.
"""

from __future__ import annotations

import re

# What a reviewer does with words: "says", "claims", "asks", "wants", "writes", "calls", "quotes" ...
_SAYS = (r"(?:says?|said|claims?|claimed|thinks?|asks?|asked|wants?|writes?|wrote|calls?|quotes?|argues?|notes?|"
         r"complains?|suggests?|points?\s+out|mentions?|insists?|believes?|requests?|demands?|objects?)\b")
# The reviewer: "R2", "Rev. 2", "Reviewer #1", "reviewer 3", "the meta-review(er)", "the AC", "a reviewer".
_WHO = (r"(?:(?:the\s+)?(?:(?:r|rev\.?\s*)\d|reviewer\s*#?\s*\d|meta[-\s]?review(?:er)?|"
        r"area\s+chair|ac))")
# A label before a colon or a spaced dash starts a sentence ("R3: 'missing baselines'", "R3 - 'no MBPP'"), not
# "R1-style models", "R1 -- the DeepSeek model" inside one; before what the reviewer says it may stand anywhere.
_LABEL = re.compile(rf"(?:(?:(?<=^)|(?<=[.?!]\s)|(?<=\n)){_WHO}\s*(?=(?::|\s[-–—]+)\s*\S)|"
                    rf"(?<![\w.-]){_WHO}\s+(?={_SAYS}))", re.I)


def as_reviewer(question: str) -> str:
    """The question with a reviewer's label read as "a reviewer" ("R2 claims ..." -> "a reviewer claims ...")."""
    def reviewer(match: re.Match[str]) -> str:
        first = not question[:match.start()].strip() or re.search(r"[.?!]\s*$", question[:match.start()])
        return ("A reviewer" if first else "a reviewer") + (" " if match.group(0).endswith(" ") else "")

    return _LABEL.sub(reviewer, question)
