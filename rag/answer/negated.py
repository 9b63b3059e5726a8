"""A list of the papers that do not use or name something: "which papers don't use Lean?".

Why: read as any other list, the topic "don't use Lean" matched the papers that do use Lean, the opposite of what was
asked. An abstract says what a paper does, not all it leaves out, so the honest answer is the papers whose abstracts
do not say it, among those the question asks about ("which theorem-proving papers don't use Lean?": the theorem-
proving ones), said as such. Only for a deed naming a name (use, mention, evaluate on ... Lean, GPT-4, an LLM), whose
mentions can be read: "which papers don't need labeled data?", "... don't rely on exhaustive search?" ask for the
papers that say they do without it, which the list of what they say answers already.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rag.text.names import key_names, mention_pattern
from rag.text.sentences import split_sentences

# "don't use Lean", "do not evaluate on MBPP", "never mention GPT-4"; "in theorem-proving" after it is the kind of
# papers a list question named before "papers" (plan's reading of "which theorem-proving papers ...").
# Not "don't just report accuracy", "don't only evaluate on X": those ask for more, not less.
_NEGATED = re.compile(r"^(?:do\s+not|don['’]t|does\s+not|doesn['’]t|did\s+not|didn['’]t|never)\s+"
                      r"(?!(?:just|only|merely|simply|also)\b)(?P<deed>.+)$", re.I)
# The verbs of a deed whose object is what a paper names.
_NAMING = re.compile(r"^(?:use|rely\s+on|employ|mention|cite|name|refer\s+to|evaluate\s+on|benchmark\s+on|"
                     r"report\s+(?:results|numbers|scores)\s+on|build\s+on|compare\s+(?:to|with|against)|"
                     r"involve|touch|work\s+with)\s+", re.I)
_DETERMINER = re.compile(r"^(?:an?|any|the|some|any\s+kind\s+of)\s+", re.I)
# A thing the deed names: a name, or a plain noun phrase of a few words ("language model"), no clause.
_THING = re.compile(r"[\w.+#-]+(?:\s+[\w.+#-]+){0,2}")
_NO_THING = re.compile(r"^(?:with|on|in|by|for|to|from|at|of|as|that|which|who|real|human)\b|[?*:;()]", re.I)
# A sentence saying the paper goes without it: "it does not utilize GPT-4", "without exhaustive search".
_DENIES = re.compile(r"\b(?:not|no|never|without|n['’]t|neither|nor|free\s+of|instead\s+of|rather\s+than)\b", re.I)


@dataclass(frozen=True)
class Negated:
    deed: str  # what the papers asked for do not do: "use Lean"
    kind: str  # the kind of papers asked about ("theorem-proving"), or "" for the whole index
    things: tuple[str, ...]  # what the deed names ("Lean"; "LLM", "language model"): a paper does it by naming one

    @cached_property
    def _patterns(self) -> list[re.Pattern[str]]:
        """A name as the project matches names ("SWE-bench" in "SWE-bench-lite"), a plain thing as its words."""
        return [mention_pattern(t) if key_names(f"about {t}") else
                re.compile(rf"(?<![\w-]){re.escape(t)}(?:s|es)?(?![\w-])", re.I) for t in self.things]

    def said_in(self, title: str, abstract: str) -> bool:
        """Whether the paper says it does it: its title or a sentence of its abstract names one of the things, the
        sentence not saying it goes without it."""
        return any(p.search(title) for p in self._patterns) or \
            any(any(p.search(s) for p in self._patterns) and not _DENIES.search(s) for s in split_sentences(abstract))


def negated(topic: str, question: str) -> Negated | None:
    """The deed a list topic denies, the kind of papers it is asked of and the things it names; None for a topic
    that denies nothing, or denies a deed that is not naming things."""
    match = _NEGATED.match(topic.strip())
    if match is None:
        return None
    deed = re.sub(r"\s+at\s+all$", "", match["deed"].strip(" ,."), flags=re.I)
    kind = ""
    if (said := re.search(r"\s+in\s+(?P<kind>[\w/-]+(?:\s+[\w/-]+){0,2})$", deed)) and \
            re.search(rf"\b{re.escape(said['kind'])}\s+(?:papers|works|studies)\b", question, re.I):
        deed, kind = deed[:said.start()], said["kind"]
    if (naming := _NAMING.match(deed)) is None or re.search(r"\bbut\b", deed, re.I):
        return None  # "don't need labeled data", "don't use Lean but use Isabelle"
    things = [_DETERMINER.sub("", a.strip(" ,")) for a in re.split(r",?\s+or\s+|,\s*|\s*/\s*", deed[naming.end():])
              if a.strip(" ,")]
    # Some of them a name: a plain deed ("never use reward models", "don't rely on exhaustive search") is what a
    # paper says it goes without, which the list of what the papers say answers.
    if not things or not all(_THING.fullmatch(t) and not _NO_THING.search(t) for t in things) or \
            not any(key_names(f"about {t}") for t in things):
        return None
    return Negated(deed=deed, kind=kind, things=tuple(things))
