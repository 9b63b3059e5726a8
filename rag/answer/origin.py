"""Where a named thing comes from: "which paper introduced HumanEval?" asks for the paper that made it, which an
index of papers that only use HumanEval does not hold.

A name is made by a paper when its title has the name, the abstract introduces it ("we propose PyCoder") or defines
it as its own ("The Mostly Basic Programming Problems (MBPP) dataset contains ..."): the lexicon's readings. A name
several abstracts use and none makes is refused with the papers that use it; a name one abstract uses is left to
the usual answer, since that abstract may well have made it in words the lexicon does not read ("FVELER").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.answer.mentions import key
from rag.answer.unknowns import KIND_SUFFIX
from rag.text.names import short_name

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.mentions import Lexicon, Mention

# Asking who made a thing, with the thing right after: "which paper (here) introduced HumanEval", "who first
# proposed miniF2F", "the paper that created GSM8K", "where does SWE-bench come from", "the origin of MATH".
# Not "which papers build ..." (a list of papers doing something), nor "who made the GSM8K-based dataset".
_MAKING = r"(?:introduc|propos|creat|releas|buil[dt]|develop|invent|coin|design|came up with|come up with|made|make)\w*"
_ORIGIN = re.compile(
    rf"\b(?:(?:which|what)\s+(?:\w+\s+)?(?:paper|work|study|article|group|team)|who|(?:paper|work|study)\s+"
    rf"(?:that|which))\s+(?:(?:in\s+)?here\s+|in\s+the\s+index\s+)?(?:first\s+|originally\s+|actually\s+)?{_MAKING}\s+"
    rf"(?:the\s+|a\s+|an\s+)?(?:original\s+)?(?P<made>\S.*)"
    rf"|\bwhere\s+(?:does|do|did)\s+(?:the\s+)?(?P<from>\S.*?)\s+come\s+from\b"
    rf"|\borigins?\s+of\s+(?:the\s+)?(?P<of>\S.*)", re.I)
_KIND_OF = re.compile(rf"{KIND_SUFFIX}$", re.I)  # "GSM8K-based", "HumanEval-style": named after the name
# Papers that use a name before the index can be said to lack its maker: one abstract may have made it unread.
USED_BY = 2


def asked_origin(question: str) -> int | None:
    """Where the name whose maker is asked starts in the question, or None when no maker is asked."""
    match = _ORIGIN.search(question)
    if match is None:
        return None
    group = next(g for g in ("made", "from", "of") if match[g] is not None)
    return match.start(group)


def makers(lexicon: Lexicon, name: str) -> set[str]:
    """The papers that made a name, as far as their titles and abstracts say (see the module docstring)."""
    k = key(name)
    made = set(lexicon.introduced.get(k, ())) | set(lexicon.title_names.get(name, ()))
    if (definer := lexicon.defined_by.get(k)) is not None:
        made.add(definer)
    return made


def _asked_name(found: Gathered) -> Mention | None:
    """The name whose maker the question asks, when it is a name papers use (not a paper's own name)."""
    start = asked_origin(found.searched)
    if start is None:
        return None
    mention = next((m for m in found.view.lexicon.find(found.searched) if m.start == start), None)
    if mention is None or mention.kind != "term" or _KIND_OF.search(mention.text) or \
            found.searched[mention.end:mention.end + 1] == "-":
        return None  # a paper's own name, a name not right after the verb, or "the GSM8K-based dataset"
    return mention


def made_by(found: Gathered) -> str | None:
    """The one retrieved paper that made the name a question asks the maker of ("which paper introduced MBPP?":
    the one defining it, though four use it); None otherwise. Not for "in the paper that introduced MBPP, ...":
    that question asks about the paper, and names it already."""
    match = _ORIGIN.search(found.searched)
    if match is None or re.match(r"(?:paper|work|study)\s", match.group(0), re.I) or \
            (mention := _asked_name(found)) is None:
        return None
    made = makers(found.view.lexicon, mention.text)
    retrieved = {e.paper_id for e in found.retrieved}
    return next(iter(made)) if len(made) == 1 and made <= retrieved else None


def unmade(found: Gathered) -> str:
    """The refusal's reason when the question asks who made a name that several abstracts use and none made;
    "" otherwise."""
    if (mention := _asked_name(found)) is None:
        return ""
    lexicon = found.view.lexicon
    name = lexicon.as_written(mention.text)
    using = [found.view.papers[pid] for pid in mention.paper_ids if pid in found.view.papers]
    if len(using) < USED_BY or makers(lexicon, mention.text):
        return ""
    listed = ", ".join(short_name(p) for p in using[:4]) + (f" and {len(using) - 4} more" if len(using) > 4 else "")
    return (f"No indexed abstract says it introduces {name}: the {len(using)} that mention it ({listed}) use it, "
            f"so the paper that made {name} is not in the index.")
