"""Whether a text names what a question names, in the text's own words.

An abstract writes "Llama3- 8B" for "Llama3-8B", "open reading frames" for "ORFs", "Hox mRNA" for "Hox gene"; a
question's name counts as stated when the abstract writes it in any of these ways, and not inside another word
("MATH" is not in "mathematical").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rag.answer.acronyms import defined_as
from rag.answer.mentions import Mention, key
from rag.answer.units import SPLITS
from rag.text.names import mention_pattern, short_name
from rag.text.sentences import split_sentences
from rag.text.vocabulary import Vocabulary
from rag.types import Paper

# Names hyphened together by a joining word: "VB-vs-VF" is VB and VF.
_JOINED = re.compile(r"-(?:vs|versus|and|or)-", re.I)


def joined_parts(name: str) -> list[str]:
    """The names a hyphened pair joins ("VB-vs-VF": VB, VF), or [] for one name."""
    parts = _JOINED.split(name)
    return parts if len(parts) > 1 and all(parts) else []


def written_out(name: str, text: str, papers: Iterable[Paper]) -> str:
    """An acronym a text never writes but spells out, as an abstract of the index defines it ("NL": "natural
    language", which `spelled_out` leaves to two capitals beside a plain word): those words; the name otherwise."""
    if not name.isupper() or mentions_name(text, name):
        return name
    spelled = defined_as(name, papers)
    return spelled if spelled and re.search(rf"\b{re.escape(spelled)}\b", text, re.I) else name


def states_name(text: str, name: str, vocabulary: Vocabulary) -> bool:
    """Whether an abstract names what a question does, in the abstract's own words: as written, spelled out ("open
    reading frames" for "ORFs"), or by the names in it ("Hox mRNA" for "Hox gene", "RANK" for "RANK-RANK-Ligand":
    "gene" and "ligand" are ordinary words)."""
    if mentions_name(text, name) or spelled_out(name, text) or _measure_spelled_out(name, text):
        return True
    if parts := joined_parts(name):
        return all(states_name(text, part, vocabulary) for part in parts)
    words = [w for w in re.split(r"[\s-]+", name) if w]  # "RANK-RANK-Ligand": RANK, and a plain word
    if len(words) >= 2 and words[-1].lower() in SPLITS and _split_said(text, " ".join(words[:-1]), words[-1]):
        return True
    # A split is no plain word here: "miniF2F-valid" is not the abstract's "miniF2F test".
    core = [w for w in words if not (w.isalpha() and vocabulary.plain(w.lower())) or w.lower() in SPLITS]
    # Beside a plain word, two capitals are enough to be spelled out: "NL-code pairs" for "natural-language ... pairs".
    return 0 < len(core) < len(words) and all(mentions_name(text, w) or spelled_out(w, text, shortest=2) for w in core)


def _split_said(text: str, base: str, split: str) -> bool:
    """Whether a sentence names the base and calls a part of it that split: "The miniF2F benchmark has 20 IMO
    problems in its test set" states "miniF2F test"."""
    said = re.compile(rf"\b{re.escape(split)}\s+(?:set|split|subset|data)\b", re.I)
    return any(mentions_name(s, base) and said.search(s) for s in split_sentences(text))


# What a two-letter measure's second word is: "EM" is an "exact match", "ES" an "edit similarity".
_MEASURE_NOUNS = ("match", "matches", "rate", "score", "similarity", "accuracy", "precision", "recall", "error")


def _measure_spelled_out(name: str, text: str) -> bool:
    """A two-capital measure ("EM", "ES", "SR") written out as a word and a measuring noun with those initials;
    two letters spell out too much else to be read so elsewhere."""
    if not re.fullmatch(r"[A-Z]{2}", name):
        return False
    nouns = "|".join(n for n in _MEASURE_NOUNS if n[0] == name[1].lower())
    return bool(nouns) and re.search(rf"(?<![\w-]){name[0]}[\w']*[\s-]+(?:{nouns})\b", text, re.I) is not None


def spelled_out(name: str, text: str, shortest: int = 3) -> bool:
    """An acronym of three or more capitals ("ORFs", "MDSCs") written out as words with those initials."""
    letters = re.sub(r"s$", "", name)
    if len(letters) < shortest or not letters.isalpha() or not letters.isupper():
        return False
    pattern = r"[\s-]+".join(rf"{c}[\w']*" for c in letters)
    return re.search(rf"(?<![\w-]){pattern}(?!\w)", text, re.I) is not None


def mentions_name(text: str, name: str) -> bool:
    if mention_pattern(name).search(text):
        return True
    if name.endswith("+"):
        return False  # "GSM8K+" is another benchmark than "GSM8K", whatever its key
    wanted = key(name)
    # Spacing and hyphen variants ("Llama3- 8B") are found by key; a short plain word is not, or "MATH" would be
    # found inside "mathematical".
    return (len(wanted) >= 6 or any(c.isdigit() for c in wanted)) and wanted in key(text)


# Examples in brackets: "agentic systems (e.g. Chain-of-Thought, Toolformer)" illustrates a kind of thing.
BRACKETED_EXAMPLES = re.compile(r"\((?:e\.\s?g\.?|for example|for instance)[^)]*\)", re.I)
# And examples in the running text: "LLMs such as ChatGPT have ...", "models like ChatGPT".
EXAMPLES = re.compile(rf"{BRACKETED_EXAMPLES.pattern}|(?:\b(?:such as|e\.\s?g\.|for example|for instance|including|"
                      r"epitomi[sz]ed by|exemplified by)|(?<=s\s)like)\s[^.;:()]*", re.I)
# A sentence about the paper's own work: who did it, or what it did ("... is rigorously evaluated against existing
# benchmarks, including MultiPL-E", "Fine-tuning experiments with ... such as Llama2 demonstrate ...").
_OWN_WORK = re.compile(r"\b(?:we|our|us|this (?:paper|work|study|article))\b|\b(?:experiments?|evaluat\w*|"
                       r"fine-?tun\w*|trained|results?|demonstrat\w*|achiev\w*|outperform\w*)\b", re.I)


def in_passing(sentence: str, pattern: re.Pattern[str]) -> bool:
    """Whether a sentence names the thing only as an example of something else, outside the paper's own work ("In
    contrast to formal mathematics, where ... (e.g., the Lean Mathematical Library)", "LLMs such as ChatGPT have
    revolutionized NLP"): such a paper is not one that works on it."""
    if _OWN_WORK.search(sentence):
        return False
    examples = [m.span() for m in EXAMPLES.finditer(sentence)]
    return all(any(a <= hit.start() < b for a, b in examples) for hit in pattern.finditer(sentence))


def called(paper: Paper, mentions: Sequence[Mention]) -> str:
    """How an answer calls a paper: its short name, or the one-word name the question used for a paper titled
    without one ("PLANSEARCH" for "Planning In Natural Language ..."), else "" (the title has to do)."""
    name = re.sub(r"^the\s+", "", short_name(paper), flags=re.I)  # "the {name} abstract", never "the The ..."
    if short_name(paper) != paper.title:
        return name
    return next((m.text for m in mentions if m.kind == "paper" and m.paper_ids == (paper.paper_id,)
                 and " " not in m.text and re.search(r"[A-Z]", m.text[1:])), "")  # "PLANSEARCH", not a method
