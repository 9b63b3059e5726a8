"""What someone else said, told before the asker's question about it.

Why: askers check what they were told ("my teacher said testing autocomplete on benchmarks is as good as real users.
is that true?", "a reviewer says no prior work applies RL to code. which papers do?", "my teacher mentioned process
reward models (PRMs?). which papers have those"). The attribution's words ("teacher", "mentioned", "colleague") read
as the question's subject, which no abstract has, so the question was refused. Read instead: a check of the claim
("is that true?", "right?", "does the evidence support that?") asks whether the claim holds; a question after the
claim that says all it asks by itself is the question; a question pointing back at what was mentioned ("which papers
have those") asks about it, without whom it was heard from.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text.names import names_in

# Who said it: "my teacher", "a colleague", "our PI", "someone", "a reviewer" (as "R2" is read).
_WHO = (r"(?:(?:my|our|a|an|the|one|some)\s+(?:[\w-]+\s+)?(?:teacher|professor|prof|advisor|adviser|supervisor|boss|"
        r"manager|pi|colleague|co-?worker|labmate|friend|classmate|tutor|mentor|lecturer|ta|reviewer|collaborator|"
        r"co-?author|student|instructor)s?|someone|somebody|people|everyone)")
# What they did with words, and "that" after it.
_SAYS = (r"(?:said|says|told\s+(?:me|us)|mentioned|mentions|thinks|thought|claims?|claimed|insists?|believes?|"
         r"keeps\s+saying|argues|argued|wrote|writes|heard)(?:\s+that)?")
_LEAD = re.compile(rf"^\s*(?:so\s+|ok\s+|also\s+)?{_WHO}(?:\s+{_SAYS}\s*[:,]?|\s*:)\s*", re.I)
# The claim's end: a sentence's stop, a closing quote after it.
_CLAIM_END = re.compile(r"['\"”’]?[.!?]+['\"”’]?(?=\s+\S)")
# A check of the claim, and nothing else: "is that true?", "right?", "does it?", "is that the case, going by the
# abstracts?", "does the evidence support that?". Not "Does it use MBPP?", "Is that true, and which other ...?".
_CHECK = re.compile(r"^(?:(?:so|ok|but|and)\s*,?\s+)?(?:is\s+(?:that|this|it|she|he)\s+"
                    r"(?:really\s+|actually\s+|even\s+)?(?:true|right|correct|accurate|so|the\s+case)|really|true|right|correct|accurate|is\s+it|"
                    r"does\s+it|do\s+they|did\s+it|are\s+they|was\s+(?:she|he)\s+right|(?:am\s+i|are\s+they)\s+right|"
                    r"does\s+the\s+evidence\s+(?:support|back)\s+(?:that|this|it))"
                    r"(?:\s*,?\s*(?:going\s+by|according\s+to|based\s+on|per)\s+[^?.!]*)?\s*[?.!]*\s*$", re.I)
# A question across papers: "how do papers ...", "what evidence in the index ...", "what do the papers find".
_ACROSS = re.compile(r"^(?:(?:so|ok|but|and)\s*,?\s+)?(?:how|why|in\s+what\s+ways?|what\s+evidence|"
                     r"what\s+(?:\w+\s+){0,3}?(?:do|does|did)\s+(?:the\s+)?(?:papers|studies|works|they))\b", re.I)
# A question pointing back at what was said or mentioned: "which papers have those", "which ones?", "which ones do?",
# "which papers do that?", "which one?".
_POINTS_BACK = re.compile(r"\b(?:those|these|them|it|that|this|one|ones)\s*[?.!]*\s*$|"
                          r"^(?:so\s+)?which\s+(?:papers?|ones?|of\s+them)(?:\s+(?:actually\s+)?(?:do|does|did))?\s*[?.!]*\s*$",
                          re.I)
# A question about the claim itself, in its first words: "Is that the abstract's figure?", "Does it use MBPP?".
_OF_THE_CLAIM = re.compile(r"(?:[\w'’]+\s+){0,2}?(?:that|this|these|those|it|its)\b", re.I)
# A list asked: its papers are the ones it names, not those the claim named.
_LIST_ASKED = re.compile(r"^(?:(?:so|ok|but|and)\s*,?\s+)*(?:which|what)\s+(?:\w+\s+)?(?:papers|ones|works|studies|"
                         r"abstracts)\b", re.I)


def without_hearsay(question: str, says_all: Callable[[str], bool], names_paper: Callable[[str], bool]) -> str:
    """The question with whom a claim was heard from set aside: a check of the claim asked of the claim alone (so a
    figure it gives is checked against the abstracts); a question pointing back at what was said ("which ones?",
    "which papers have those") or across papers asked after the claim; a list or figure asked that says all it asks
    by itself asked alone, a figure with the papers the claim named that it does not ("R2 says UGMathBench's best
    model reaches 70%. does it? what's the top EAcc?"). `names_paper`: whether a name names a paper of the index."""
    lead = _LEAD.match(question)
    if lead is None:
        return question
    rest_of = question[lead.end():]
    end = _CLAIM_END.search(rest_of)
    if end is None or not rest_of[:end.start()].strip():
        return question
    claim = rest_of[:end.start()].strip(" \"'“”‘’")
    after = rest_of[end.end():].strip()
    if re.search(r"\?(?:\s|$)", claim) or not after:
        return question
    if re.search(r"\b(?:mention\w*|told\s+(?:me|us)\s+about)", lead.group(0), re.I) and not _CHECK.match(after):
        return f"{claim}. {after}"  # what was mentioned is what is asked about: "mentioned reward models. What ..."
    if _CHECK.match(after):  # the claim, checked as typed: a figure it gives must be the abstract's
        return f"{claim}. Is that true?"
    if (checked := re.match(r"[^?.!]*[?.!]+\s+", after)) and _CHECK.match(checked.group(0)):
        # "Is that even true? Which papers here use Isabelle?": the question after the check
        after = after[checked.end():]
        if not says_all(after):
            return f"{claim}. Is that true? {after}"
    if _OF_THE_CLAIM.match(after):
        return question  # "Is that the abstract's MBPP figure?", "Does it use MBPP?" ask of the claim, as typed
    if _POINTS_BACK.search(after):
        return f"{claim}. {after}"  # "which papers have those": what was said, without whom it was heard from
    if _ACROSS.match(after):
        return f"{claim}. {after}"  # a question across papers keeps what it answers, as a story before it is kept
    if says_all(after):
        named = [name for name in names_in(claim) if names_paper(name) and name.lower() not in after.lower()]
        return f"{after.rstrip(' ?.!')}, for {' and '.join(named)}?" if named and not _LIST_ASKED.match(after) \
            else after
    return question
