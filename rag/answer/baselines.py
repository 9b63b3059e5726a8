"""Names a sentence holds up only as what was beaten: "(19% on SWE-bench-lite), which is higher than the efficacy of
the recently reported SWE-agent" gives AutoCodeRover's figure, none of SWE-agent's.

Why: a figure asked of a baseline ("what % did SWE-agent get?") was answered with the paper's own figure, the only
number in the one sentence naming the baseline. A name counts as only compared where a comparing word comes a few
words before it ("higher than the efficacy of the recently reported SWE-agent", not "outperforms ... methods on
RepoEval": there "on" names where the result is) and no figure follows it in its clause ("outperforming GPT-4
(22.95%)", "surpassing GPT-4 at 23.0%" give GPT-4's own).
"""

from __future__ import annotations

import re

from rag.answer.asks import result_figures
from rag.answer.naming import mentions_name
from rag.text.names import mention_pattern
from rag.text.sentences import split_sentences

# What a clause says before a name it compares with.
_COMPARED = re.compile(r"\b(?:than|over|outperform\w*|surpass\w*|beat\w*|exceed\w*|compared\s+(?:to|with)|versus|vs\.?|"
                       r"against)\b", re.I)
# The comparing word a few words before the name, the name's own modifiers between ("than the efficacy of the recently
# reported SWE-agent").
_COMPARED_JUST_BEFORE = re.compile(_COMPARED.pattern + r"\s+(?:[\w'’.-]+\s+){0,6}$", re.I)
_COMPARED_WITH = re.compile(r"\bcompar(?:e|es|ed|ing)\s+(?:to|with|against)\s+(?:[\w'’.-]+\s+){0,3}$", re.I)
# Where the stretch before a name stops belonging to it: punctuation, or a word saying where a result is ("on
# RepoEval", "across ...") or joining another name ("CrossCodeEval and RepoEval").
_SCOPE_BREAK = re.compile(r"[,;(]|\b(?:on|in|across|and|with|for|at)\b", re.I)
# Where a clause ends: a name's own figure is said before one ("GPT-4 (22.95%), single-agent ..."), and before what
# the winner did it with or by ("surpasses Qwen2.5-Math-7B-Instruct on seven benchmarks with 10% of its training
# data", "beats GPT-4 by 5%").
_CLAUSE_END = re.compile(r"[,;]|\.(?!\d)|\b(?:and|while|whereas|with|using|by)\b")


_SHARE_OF = re.compile(r"\d[\d.,]*\s*(?:%|\\%|percent)\s+of\s+(?:the\s+)?$", re.I)


def only_compared(sentence: str, name: str) -> bool:
    """Whether every mention of `name` in the sentence is what its clause compares with, with no figure after it
    before the clause ends."""
    mentions = list(mention_pattern(name).finditer(sentence))
    if not mentions:
        return False
    for m in mentions:
        before = _SCOPE_BREAK.split(sentence[: m.start()])[-1]
        rest = sentence[m.end() :]
        # "against GPT-4, which reaches 23.0%": a relative clause right after the name is about it.
        relative = re.match(r"\s*,\s*(?:which|who)\b", rest)
        after = (relative[0] if relative else "") + _CLAUSE_END.split(rest[relative.end() :] if relative else rest,
                                                                      maxsplit=1)[0]
        # "compare(d) with X": its "with" is the comparison, not where a stretch breaks.
        compared_with = _COMPARED_WITH.search(sentence[: m.start()])
        # "achieves 97.7% of GPT-4's performance": a share of its figure, not its figure.
        share_of = _SHARE_OF.search(sentence[: m.start()]) and re.match(r"['’]s\b", sentence[m.end():])
        if not (compared_with or share_of or _COMPARED_JUST_BEFORE.search(before)) or result_figures(after):
            return False
    return True


def beaten_only(names: list[str], abstract: str) -> tuple[str, str] | None:
    """The first name an abstract holds up only as beaten in every sentence naming it ("qwen2.5-math-7b-instruct"
    in PRIME: "Eurus-2-7B-PRIME surpasses Qwen2.5-Math-7B-Instruct ..."), as the abstract writes it, and that
    sentence; None when each is said with a figure of its own somewhere, or not at all."""
    for name in names:
        saying = [s for s in split_sentences(abstract) if mentions_name(s, name)]  # spacing variants too
        if saying and all(only_compared(s, name) for s in saying):
            written = mention_pattern(name).search(saying[0])
            return (written[0] if written else name), saying[0]
    return None


# "the tree-search RL baseline", "that tree-search method", "DeepSeek-Prover's expert-iteration baseline": a beaten
# method the asker describes, not names.
_NOT_DESCRIBING = r"the|a|an|of|to|and|or|than|over|in|on|for|with|from|by|at|as|vs|baselines?|methods?|approach(?:es)?"
_DESCRIBED = re.compile(rf"(?:\b(?:the|that|this|their)|[\w-]['’]s)\s+"
                        rf"(?P<words>(?:(?!(?:{_NOT_DESCRIBING})\b)[\w-]+\s+){{1,4}}?)"
                        r"(?:baseline|method|approach)s?\b", re.I)
_BASELINE = re.compile(r"\bbaselines?\b", re.I)
_PLAIN = frozenset("based driven style like other their prior previous earlier same best strong main".split())


def described_baseline(question: str) -> list[str]:
    """The telling words of a baseline the question asks about by description ("tree", "search" of "the tree-search
    RL baseline"), or [] when it asks of none: a figure of it is said in a sentence describing it so, and another
    sentence's figure is the paper's own."""
    if not _BASELINE.search(question):
        return []
    words: list[str] = []
    for described in _DESCRIBED.finditer(question):
        words += [w.lower() for w in re.split(r"[\s-]+", described["words"])
                  if len(w) >= 4 and w.isalpha() and w.lower() not in _PLAIN]
    return list(dict.fromkeys(words))


def describes(sentence: str, words: list[str]) -> bool:
    """Whether the sentence has every telling word of a description, by its first five letters."""
    return all(re.search(rf"\b{re.escape(w[:5])}", sentence, re.I) for w in words)


def described_value(sentence: str, words: list[str]) -> tuple[int, int] | None:
    """Where the figure after a described baseline is ("... and a tree search reinforcement learning method at
    41.0%": 41.0%), to emphasise instead of the paper's own; None when the sentence has none after it."""
    start = re.search(rf"\b{re.escape(words[0][:5])}", sentence, re.I) if words else None
    if start is None:
        return None
    after = [f for f in result_figures(sentence) if f.start >= start.start()]
    return (after[0].start, after[0].end) if after else None
