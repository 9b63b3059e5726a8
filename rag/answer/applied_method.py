"""A described list topic that applies a method to something ("reinforcement learning to code generation or
optimisation"): its method, which papers must write, and its target, which they must be about.

Why: the encoder puts an abstract on RL theory closer to "RL for code tasks" than PRIME's "RL ... for competitional
math and coding"; the words say which abstracts apply the method to the target.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text.tokens import tokenize

# A method is a phrase (two words or more): one word ("agents", "search") is too loose a sign of use.
METHOD_WORDS = 2
# A topic's method: its words before "for / to / in / on" what it is applied to ("reinforcement learning to code
# tasks"), once what the papers do with it ("apply", "use") is left out.
_APPLIED_TO = re.compile(r"\s+(?:to\s+bear\s+on|for|to|in|on|into)\s+", re.I)
# The asker's words around the target, none of which says what it is: "to make AI better at writing code".
_NO_TARGET = frozenset(tokenize("task tasks stuff thing things work model models llm llms ai system systems "
                                "approach method methods problem problems related based whatever etc kind ones "
                                "improve train make better write writing improving help get getting build teach "
                                "bring brings apply applies employ employs leverage leverages adopt adopts "
                                "eval evaluate evaluating evaluation test testing assess assessing study studying"))


def applied_method(topic: str, spelled: Callable[[str], str] = lambda acronym: acronym
                   ) -> tuple[set[str], set[str], set[str]] | None:
    """(the method's word stems, the target's head stems, every word stem of the target) of a topic worded as a method
    applied to something, what the papers do with it already left out; None for any other topic. `spelled` gives
    an acronym's words ("RL": "reinforcement learning"), so they are looked for; not one of the asker's words that
    say nothing of the method or target ("AI", "LLM")."""
    topic = re.sub(r"(?<![\w-])[A-Z]{2,6}(?![\w-])",
                   lambda m: m[0] if m[0].lower() in _NO_TARGET else spelled(m[0]), topic)
    parts = _APPLIED_TO.split(re.sub(r"\([^)]*\)", " ", topic), maxsplit=1)
    if len(parts) != 2 or re.search(r",|/|\bor\b", parts[0]):
        return None  # "verifiers or reward models for ...": two methods, each written its own way
    method = set(tokenize(parts[0])) - _NO_TARGET
    heads, words = set(), set()
    # "code tasks like generation, completion or optimization": the examples are of the code tasks.
    target = re.split(r"\s+(?:like|such\s+as|e\.g\.,?|including|incl\.)\s+", parts[1], maxsplit=1)[0]
    for alternative in re.split(r",|/|\bor\b|\band\b", target):
        if said := [w for w in tokenize(alternative) if w not in _NO_TARGET and len(w) >= 3]:
            heads.add(said[0])  # "code generation, completion or optimization": code, completion, optimization
            words.update(said)
    if len(method) < METHOD_WORDS or not heads:
        return None
    return method, heads, words
