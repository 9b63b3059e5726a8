"""Acronyms the abstracts define ("reinforcement learning (RL)"), written out where a question uses them bare.

Why: a question typed the way researchers talk says "RL", "AST", "PRMs", "HDL-C"; the sentence encoder and BM25 then
miss the sentences that say "reinforcement learning" ("who is using RL for coding tasks?" found two of the four RL
papers). The expansions come from the index itself, so they hold for any corpus: a definition counts when the words
before the brackets start with the acronym's letters in order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_DEFINED = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,8})\((?P<acronym>[A-Z][A-Za-z0-9]{1,7}?)s?\)")
_USED = re.compile(r"(?<![\w-])(?P<acronym>[A-Z][A-Za-z0-9]{1,7}?)(?P<plural>s?)(?![\w-])")
COMMON_SHARE = 0.2  # an acronym more papers than this define ("LLM") is everywhere: written out it adds nothing
WRITTEN_OUT_RATIO = 2.0


def _initials(words: list[str]) -> str:
    return "".join(part[0] for w in words for part in w.split("-") if part)


def _expansion(before: str, acronym: str) -> str:
    """The shortest run of words right before the brackets whose initials spell the acronym, or ""."""
    words = before.split()
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    for n in range(1, min(len(words), len(letters)) + 1):
        run = words[-n:]
        if _initials(run).lower() == letters and run[0][:1].lower() == letters[0]:
            return " ".join(run)
    return ""


class Acronyms:
    def __init__(self, abstracts: Iterable[str]) -> None:
        forms: dict[str, Counter[str]] = {}
        papers: Counter[str] = Counter()
        total = 0
        texts = list(abstracts)
        for abstract in texts:
            total += 1
            seen = set()
            for match in _DEFINED.finditer(abstract):
                acronym = match["acronym"]
                if not acronym.isalpha() or not acronym.isupper():
                    continue  # "(Life)" is a short name, "(P3)" a dataset's
                expansion = _expansion(match.group(1), acronym)
                # Only a concept, written in lower case past a sentence's first letter ("reinforcement learning
                # (RL)"): a name written out ("Mostly Basic Programming Problems (MBPP)") is looked up as the name.
                if expansion and expansion[1:] == expansion[1:].lower():
                    forms.setdefault(acronym, Counter())[expansion.lower()] += 1
                    seen.add(acronym)
            papers.update(seen)
        expansions = {a: c.most_common(1)[0][0] for a, c in forms.items() if papers[a] <= max(1, COMMON_SHARE * total)}
        # Only where the abstracts mostly write the words: "RL" is said bare in 4 papers and written out in 8, so a
        # question's "RL" misses half of them; "HPC" is written bare as often as out, and written out it only
        # pulled the one defining sentence up (five tune questions on HPC lost facts).
        self._expansions = {}
        for acronym, words in expansions.items():
            bare = re.compile(rf"(?<![\w(-]){acronym}s?(?![\w-])")  # not its definition, "(RL)"
            said_bare = sum(1 for text in texts if bare.search(text))
            written_out = sum(1 for text in texts if words in text.lower())
            if written_out >= WRITTEN_OUT_RATIO * said_bare:
                self._expansions[acronym] = words

    def expand(self, question: str) -> str:
        """`question` with each defined acronym it uses bare written out before it ("reinforcement learning (RL)"),
        unless the words are already there."""
        def written_out(match: re.Match[str]) -> str:
            words = self._expansions.get(match["acronym"])
            if not words or words in question.lower():
                return match.group(0)
            plural = match["plural"] if not words.endswith("s") else ""
            return f"{words}{plural} ({match.group(0)})"

        return _USED.sub(written_out, question)
