"""A list of the papers that do not do something: "which papers don't use Lean?".

Why: read as any other list, the topic "don't use Lean" matched the papers that do use Lean, the opposite of what was
asked. An abstract says what a paper does, not all it leaves out, so the honest answer is the papers whose abstracts
do not say it, among those the question asks about ("which theorem-proving papers don't use Lean?": the theorem-
proving ones), said as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "don't use Lean", "do not release their code", "never mention GPT-4"; "in theorem-proving" after it is the kind of
# papers a list question named before "papers" (plan's reading of "which theorem-proving papers ...").
_NEGATED = re.compile(r"^(?:do\s+not|don['’]t|does\s+not|doesn['’]t|did\s+not|didn['’]t|never)\s+(?P<deed>.+)$", re.I)


# The verbs of a deed whose object is what a paper names: "use Lean", "mention GPT-4", "evaluate on MBPP".
_NAMING = re.compile(r"^(?:use|rely\s+on|employ|mention|cite|name|refer\s+to|evaluate(?:\s+on)?|benchmark\s+on|"
                     r"report(?:\s+(?:results|numbers|scores)\s+on)?|train\s+on|fine-?tune(?:\s+on)?|build\s+on|"
                     r"compare\s+(?:to|with|against)|involve|touch|work\s+with)\s+", re.I)
_DETERMINER = re.compile(r"^(?:an?|any|the|some|any\s+kind\s+of)\s+", re.I)


@dataclass(frozen=True)
class Negated:
    deed: str  # what the papers asked for do not do: "use Lean"
    kind: str  # the kind of papers asked about ("theorem-proving"), or "" for the whole index
    # What the deed names, when it is only naming things ("use an LLM or any language model": LLM, language model):
    # a paper does it when its abstract says one of them.
    things: tuple[str, ...] = ()

    def said_in(self, text: str) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(t)}(?:s|es)?(?![\w-])", text, re.I) for t in self.things)


def negated(topic: str, question: str) -> Negated | None:
    """The deed a list topic denies, and the kind of papers it is asked of; None for a topic that denies nothing."""
    match = _NEGATED.match(topic.strip())
    if match is None:
        return None
    deed = re.sub(r"\s+at\s+all$", "", match["deed"].strip(" ,.?"), flags=re.I)
    kind = ""
    if (said := re.search(r"\s+in\s+(?P<kind>[\w/-]+(?:\s+[\w/-]+){0,2})$", deed)) and \
            re.search(rf"\b{re.escape(said['kind'])}\s+(?:papers|works|studies)\b", question, re.I):
        deed, kind = deed[:said.start()], said["kind"]
    if not deed:
        return None
    things: tuple[str, ...] = ()
    if naming := _NAMING.match(deed):
        alternatives = [_DETERMINER.sub("", a.strip(" ,")) for a in
                        re.split(r",?\s+or\s+|,\s*|\s*/\s*", deed[naming.end():]) if a.strip(" ,")]
        if alternatives and all(1 <= len(a.split()) <= 3 for a in alternatives):
            things = tuple(alternatives)
    return Negated(deed=deed, kind=kind, things=things)
