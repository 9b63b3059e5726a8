"""A share asked of a paper that gives only a change.

"What percentage of all SV-COMP problems does Mistral-7B solve?" asks for a share of the whole; "Mistral-7B solves 12%
(75 -> 84) more problems" gives how much the share grew, and quoting its 12% as the share would be wrong. A question
asking the change itself ("how much more", "what improvement") is answered by it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.text.tokens import long_words

_SHARE = re.compile(r"\b(?:what|which)\s+(?:percent(?:age)?|share|fraction|proportion|%)\s+of\b|"
                    r"\bwhat\s+(?:percent(?:age)?|share|fraction|proportion)\b.*\b(?:solve[sd]?|pass(?:es|ed)?|"
                    r"prove[sd]?|resolve[sd]?|correct)\b", re.I)
_CHANGE = re.compile(r"\b(?:more|fewer|less|improv\w*|gain\w*|increase\w*|decrease\w*|boost\w*|better|worse|higher|"
                     r"lower|up|down|drop\w*|jump\w*|rise|rose|change\w*|relative|delta)\b", re.I)
_PERCENT = r"\d+(?:\.\d+)?\s*\\?%"  # LaTeX abstracts write "56.3\%"
# "12% (75 -> 84) more problems", "a 12% improvement", "improves ... by 12%", "12% higher": a change, not a share.
_RELATIVE = re.compile(rf"{_PERCENT}\s*(?:\([^)]*\)\s*)?(?:more|fewer|less|higher|lower|better|worse|relative|"
                       rf"improvement|gain|increase|decrease|boost|reduction|speed-?up)\b|\bby\s+(?:up\s+to\s+)?"
                       rf"{_PERCENT}|\b(?:improvement|gain|increase|boost)s?\s+of\s+(?:up\s+to\s+)?{_PERCENT}", re.I)


def change_only(question: str, stating: Sequence[str], abstract: Sequence[str] = ()) -> str:
    """The first sentence when the question asks a share of a whole and every percentage these sentences, and the
    rest of the `abstract`'s, give is a change ("12% (75 -> 84) more problems"), or ""."""
    if not stating or not (share := _SHARE.search(question)) or _CHANGE.search(question):
        return ""
    # The rest of the abstract where it counts what is asked a share of ("54.4% of tokens" for "share of tokens").
    counted = [re.sub(r"s$", "", w) for w in long_words(" ".join(question[share.end():].split()[:3]))]
    given = [*stating, *(s for s in abstract if s not in stating
                         and any(re.search(rf"\b{re.escape(w)}", s, re.I) for w in counted))]
    percents = [(s, m) for s in given for m in re.finditer(_PERCENT, s)]
    if not percents:
        return ""
    relative = {(s, r.start() + p.start()) for s in given for r in _RELATIVE.finditer(s)
                if (p := re.search(_PERCENT, r[0])) is not None}
    return stating[0] if all((s, m.start()) in relative for s, m in percents) else ""
