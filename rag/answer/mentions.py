"""Mentions: every place a question names an indexed paper, or a thing the abstracts name (a benchmark, model,
metric, language), found against a lexicon built from the index.

The lexicon is what the papers call themselves and each other: titles, the name before a title's colon, a
title's leading name ("KV Prediction for ..."), names a paper introduces in its abstract ("we propose
PyCoder", "dubbed DotaMath"), and every name-like word the abstracts use. Matching ignores case, spaces,
hyphens and punctuation ("Llama3- 8B" = "Llama3-8B"), possessives ("RLCoder's"), a leading "the", and one
typo in a long name ("CodeFil").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from rag.answer.acronyms import expansion
from rag.answer.units import AUX_WORD
from rag.text.corpus import joined, starts
from rag.text.names import GENERIC_NAMES, capitalised_names, mention_pattern, names_in, short_name
from rag.text.sentences import split_sentences
from rag.types import Paper

if TYPE_CHECKING:
    from rag.text.vocabulary import Vocabulary

MAX_WORDS = 12  # the longest alias (in words) looked for in a question
_WORD = re.compile(r"[\w][\w.+*&-]*[\w+*]|[\w]")  # "MBPP/MathQA-Python": two names
_POSSESSIVE = re.compile(r"['’]s?$")
_INTRO = re.compile(r"\b(?:we|this (?:paper|work))\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|design|"
                    r"build|release|call|name|dub|term)\w*\b|\b(?:dubbed|called|named|termed|coined)\b|"
                    r"\bby\s+(?:propos|introduc|present|develop|design|build|releas|creat)ing\b|"  # "by introducing"
                    r"\bour\s+(?:\w+\s+)?(?:model|system|agent|prover)s?\b,?", re.I)  # "our resulting model, Eurus-2"
_CONNECTOR = re.compile(r"\s(?:for|with|via|of|in|on|to|through|towards|from|by|and|as|is|are|does|do|can|—|–|-)\s")
# Also the means: "we introduce a task ... by fine-tuning MonoCoder" introduces no MonoCoder.
_EVALUATED_ON = re.compile(r"\b(?:on|across|in|over|against|including|such as|than|from|with|by|using|via)\b")
# "... (APOE4)" right after a mention: a name in brackets; not a note in words ("BigCodeBench (number of tasks)").
# "Apolipoprotein E4 (APOE4)": a name the question defines; not a setting in brackets ("(64 samples)", "(7B)").
# Not a phrase of lower-case words around a name: "Program Synthesis with LLMs (the MBPP one)" says which paper.
_DEFINES = re.compile(r"\s*\(((?=[^()]*[A-Z])(?!\d[\d.,]*\s*[BMK]?\s*\))(?![^()]*\b[a-z]{2,}\s)[^()]{1,24})\)")
_MIXED_CASE = re.compile(r"[a-z][A-Z]")  # a name made in mixed case: "CodeXGLUE", "DeepSeekMath"
# Two sides side by side: "ovm and prime", "dotamath, mario, infinitymath" (the second side is looked ahead at, so
# it may start the next pair).
_LOWER_PAIR = re.compile(r"(?<![\w-])([\w-]{3,})(?:\s+(?:and|or|vs\.?|versus)\s+|\s*,\s*(?:and\s+|or\s+)?|\s*/\s*)"
                         r"(?=([\w-]{3,})(?![\w-]))", re.I)
_JOINING = frozenset("a an the of and or in on for to as by with".split())
# "the Tokompiler paper", "the FVELER dataset": one paper's thing. Not "papers": "the HPC papers" are a set.
KIND_WORDS = frozenset("paper study work method model approach framework system dataset corpus benchmark "
                       "technique algorithm agent".split())
_DATA_WORDS = frozenset("dataset corpus benchmark".split())
PAPER_WORDS = frozenset("paper study work article".split())  # "the X paper": X names a paper, by its words
_DESCRIBED_AS = re.compile(r",\s+(?:a|an|the|which|that|where)\b|\sfor\s", re.I)
MADE = re.compile(r"\b(?:propose|introduce|present|release|develop|build|design|create|construct|curate)\w*\b", re.I)
# A name defined in brackets: "Outcome-supervised Value Models (OVM)", "(MBPP)", "(P3)".
_BRACKETED = re.compile(r"\(([A-Z][\w+-]*[A-Z0-9][\w+-]*)\)")
_ITS_OWN = re.compile(r"(?:The|This|Our)\s")  # a sentence about the thing itself: "The ... (MBPP) dataset contains"
_DATA_NOUN = re.compile(r"\s+(?:benchmarks?|datasets?|test sets?|suites?|corpus)\b", re.I)
_AUTHORS = re.compile(r"\b(?:we|our)\b", re.I)
_VERSION = re.compile(r"v?\d+(?:\.\d+)?[kmbt]?|(?:instruct|base|chat)", re.I)  # "3B", "v2", "1.5", "Instruct"
_RELEASE = re.compile(r"v\d+(?:\.\d+)?|\d+\.\d+", re.I)  # a release ("v1.5"), not a size ("3B")


_SUBJECTS = frozenset({"i", "we", "you", "they"})


# Words before a name typed in lower case ("proving in lean on miniF2F"), not before a verb ("still lean on unsafe").
_BEFORE_A_NAME = frozenset({"in", "with", "using", "for", "of", "to", "the", "a", "an", "via", "and", "or", "like",
                            "from", "into", "use", "uses", "used"})


def _verb_after_name(words: Sequence[Word], i: int) -> bool:
    """A word typed in lower case right after "could / can / did ... <name>" ("what share could DeepSeek-R1
    refute?"): where the name's verb goes, though the abstracts write the word as a name ("REFUTE")."""
    word = words[i].text
    return word.isalpha() and word.islower() and i >= 2 and re.fullmatch(AUX_WORD, words[i - 2].text, re.I) and \
        name_like(words[i - 1].text) and words[i].start - words[i - 1].end == 1  # not "do OVM, prime and ..."


def _verb_on(words: Sequence[Word], i: int) -> bool:
    """A common word typed in lower case before "on" ("does it still lean on unsafe?", "all lean on evolutionary
    search"): a verb, though the abstracts write it as a name ("Lean")."""
    from rag.text.typos import encoder_words

    word = words[i].text
    return word.isalpha() and word.islower() and i + 1 < len(words) and \
        words[i + 1].text.lower() in ("on", "upon") and i > 0 and words[i - 1].text.lower() not in _BEFORE_A_NAME \
        and word in encoder_words()


def _uncommon(word: str) -> bool:
    """A five-letter word common English lacks ("malot", "coevo"): typed in lower case, a paper's name all the same
    ("prime", "mario" are words too)."""
    from rag.text.typos import common_words

    return len(word) == 5 and word.isalpha() and word not in common_words()


def key(text: str) -> str:
    """The form names are compared in: lower case, no accents, letters and digits only."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if c.isalnum())


_AFTER_FIGURE = re.compile(r"\d(?:\.\d+)?\s*%\s*$")


@dataclass(frozen=True)
class Mention:
    text: str  # as written in the question
    start: int
    end: int
    paper_ids: tuple[str, ...]  # a paper mention: the one paper it names; a term: the papers that mention it
    kind: str  # "paper" | "term"


# A name's head and its "of" ("Game of 24").
_OF_NEXT = re.compile(r"\s+of\s+\S", re.I)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


class Lexicon:
    """Built once per index view (it only reads the papers). `corpus_text`: `rag.text.corpus.joined(papers)`, when
    the caller has it already (the index view does)."""

    def __init__(self, papers: dict[str, Paper], corpus_text: str | None = None,
                 papers_using: Callable[[str], int] | None = None,
                 vocabulary: Callable[[], Vocabulary] | None = None) -> None:
        """`papers_using(words)`: how many papers use them; a title alias of one or two plain words that many
        papers use ("RNA", "Stem Cells", a title's leading "Are") is then a topic, not a paper's name.
        `vocabulary()`: the index's words (built on first need), to tell a plain word from a name."""
        self.papers = papers
        self._papers_using = papers_using
        self._vocabulary = vocabulary
        self._naming: dict[str, bool] = {}  # alias key -> whether it names its paper (see names_its_paper)
        self._heads: dict[str, bool] = {}  # word -> whether it only heads longer names (see _head_only)
        self.corpus_text = corpus_text if corpus_text is not None else joined(papers.values())
        self.paper_aliases: dict[str, set[str]] = {}
        self.terms: dict[str, set[str]] = {}
        self.introduced: dict[str, set[str]] = {}  # names a paper introduces ("we propose PyCoder")
        self.title_names: dict[str, set[str]] = {}  # names inside one title ("AlphaCode" in "... with AlphaCode")

        def common(alias: str) -> bool:
            # By its rarest word (a phrase is used by at most as many papers as that word): a fair measure for one
            # or two words; a longer phrase is rarer than any of its words, and is kept.
            words = alias.split()
            return papers_using is not None and len(words) <= 2 and all(w.isalpha() for w in words) and \
                papers_using(alias) > COMMON_ALIAS_PAPERS

        self._titles: set[str] = set()
        for pid, paper in papers.items():
            whole = {paper.title, re.sub(r"^the\s+", "", paper.title, flags=re.I)}
            self._titles.update(key(t) for t in whole)
            for alias in _title_aliases(paper):
                if alias in whole or not common(alias):
                    self._add(self.paper_aliases, alias, pid)
            for name in names_in(paper.title):
                self.title_names.setdefault(name, set()).add(pid)  # as written: "MAth" in a title is not "MATH"
            if short_name(paper) != paper.title:  # a name before the colon: "[12] ZorbaNet: ..." is ZorbaNet
                for name in names_in(short_name(paper)):
                    self._add(self.paper_aliases, name, pid)
            for sentence in split_sentences(paper.abstract):
                for name in _introduced_names(sentence):
                    self._add(self.introduced, name, pid)
            for name in [*names_in(paper.title), *names_in(paper.abstract), *capitalised_names(paper.abstract)]:
                self._add(self.terms, name, pid)
        # A name one paper introduces and no other abstract uses names that paper ("PyCoder", "FVELER"); a name
        # several papers use is a term, even where one of them introduces it ("LiveCodeBench").
        for k, pids in self.introduced.items():
            if len(pids) == 1 and self.terms.get(k, pids) == pids:
                self.paper_aliases.setdefault(k, set()).update(pids)
        # "the Python Programming Puzzles (P3) paper": an acronym naming one paper names it spelled out too, where
        # no other abstract has those words.
        for pid, paper in papers.items():
            for acronym in {m[1] for m in _BRACKETED.finditer(paper.abstract)}:
                if self.paper_aliases.get(key(acronym)) == {pid} and (spelled := expansion(acronym, paper.abstract)):
                    sentence, (start, end) = spelled
                    if self.terms.get(key(sentence[start:end]), {pid}) == {pid}:
                        self._add(self.paper_aliases, sentence[start:end], pid)
        for table in (self.paper_aliases, self.title_names):
            for name in [n for n, pids in table.items() if len(pids) > 1 or key(n) in GENERIC_NAMES or len(key(n)) < 2]:
                del table[name]

    @staticmethod
    def _add(table: dict[str, set[str]], name: str, pid: str) -> None:
        k = key(name)
        if k:
            table.setdefault(k, set()).add(pid)

    @cached_property
    def _single_word_keys(self) -> dict[int, list[str]]:
        """Alias and term keys by length, for the one-typo match of a long name."""
        by_length: dict[int, list[str]] = {}
        for k in [*self.paper_aliases, *self.terms]:
            by_length.setdefault(len(k), []).append(k)
        return by_length

    def find(self, question: str) -> list[Mention]:
        """Every mention in the question, longest first where two overlap, in order of appearance."""
        words = [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(question)]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            match = self._longest_at(question, words, i)
            if match is None:
                i += 1
                continue
            mention, used = match
            if self._unwritten_variant(mention.text):
                i += used  # "FunCoder++" names no paper: the name is unknown (see known)
                continue
            if mention.kind == "term" and mention.text.islower() and self._head_only(mention.text) and \
                    not _OF_NEXT.match(question, mention.end):
                i += used  # "in the game": the word only heads a name ("Game of 24"), typed as plain English
                continue
            if mention.kind == "paper" and (defined := _DEFINES.match(question, mention.end)) and \
                    set(self.paper_aliases.get(key(defined[1]), ())) != set(mention.paper_ids):
                # "Apolipoprotein E4 (APOE4)", "break-induced DNA replication (BIR)": a concept the question defines,
                # not the paper whose title starts with it (a paper's own acronym would name the same paper).
                pids = self.terms.get(key(mention.text), set())
                if not pids:
                    i += used
                    continue
                mention = replace(mention, kind="term", paper_ids=tuple(sorted(pids)))
            if mention.kind == "paper" and _AFTER_FIGURE.search(question, 0, mention.start):
                # "the 56.3% EAcc": a name right after a figure is what the figure measures, not a paper asked about.
                mention = replace(mention, kind="term", paper_ids=tuple(sorted(self.terms.get(key(mention.text),
                                                                                              mention.paper_ids))))
            # The word right after it ("the FIMO benchmark"), not one past a colon or comma ("on FIMO: model, ...").
            after = words[i + used].text.lower() if i + used < len(words) and \
                not question[mention.end:words[i + used].start].strip(" -") else ""
            written = _POSSESSIVE.sub("", mention.text)
            if mention.kind == "term" and written not in self.title_names and written[1:].islower():
                written = self._title_name_typed_lower(written)  # "alphacode's", "Alphacode's": AlphaCode
            if mention.kind == "term" and self.title_names.get(written) and (
                    self.title_names[written] == self.introduced.get(key(written)) or
                    (self.title_names[written] == set(mention.paper_ids) and self._titled(written))):
                # A name in one title that this paper introduces names it, even where others cite it ("AlphaCode"),
                # and so does one its title defines that no other paper uses ("... programme (DESMOND)": a trial's
                # name; "MPI" of "MPIrigen: MPI Code Generation" is a topic); as written: "MAth" is not "MATH".
                mention = replace(mention, kind="paper", paper_ids=tuple(self.title_names[written]))
            if mention.kind == "term" and after in KIND_WORDS:
                owner = self.title_names.get(written)
                if owner is None and len(mention.paper_ids) == 1 and (
                        self.introduced.get(key(written)) == set(mention.paper_ids) or
                        (after not in _DATA_WORDS and (after.removesuffix("s") not in PAPER_WORDS or
                                                       self.used_more_than_once(written, mention.paper_ids[0])))):
                    # "the Zorba benchmark" is a paper only if the paper made it; "the Toolformer paper" is not the
                    # one abstract that names Toolformer once, in passing ("e.g. Chain-of-Thought, Toolformer"),
                    # while "the Eurus-2 model" is the one abstract's model.
                    owner = set(mention.paper_ids)
                if owner is None and after.removesuffix("s") in PAPER_WORDS and \
                        (made_by := self.defined_by.get(key(written))):
                    owner = {made_by}  # "the original MBPP paper": the one that made MBPP, though four use it
                if owner:  # "the Tokompiler paper", "the FVELER dataset", "the AlphaCode paper"
                    mention = replace(mention, kind="paper", paper_ids=tuple(owner))
            if mention.kind == "paper" and mention.start > 1 and question[mention.start - 1] == "(" and \
                    question[mention.end:mention.end + 1] == ")" and key(mention.text) not in self.paper_aliases:
                # "the RANK-RANK-Ligand (RANKL) pathway": a name the question brackets after its words is its own
                # shorthand for a concept, not the paper whose title uses it in passing ("The cytokine RANKL
                # produced by ..."); a paper's own name ("the minecraft planning paper (DEPS)") stays the paper.
                mention = replace(mention, kind="term", paper_ids=tuple(sorted(self.terms.get(key(mention.text),
                                                                                              mention.paper_ids))))
            found.append(mention)
            i += used
        return found

    def _unwritten_variant(self, name: str) -> bool:
        """A known name with a "+" no abstract writes after it ("FunCoder++"; "MBPP+" is written): a variant the
        index does not have, as unknown as any other name."""
        return name.endswith("+") and re.search(rf"(?<![\w+]){re.escape(name)}(?![\w+])", self.corpus_text,
                                                re.I) is None

    def _head_only(self, word: str) -> bool:
        """Whether the abstracts write the word capitalised only as the head of a longer name ("Game of 24", "Game
        of Life"): alone, and typed in lower case, it is the English word."""
        if word not in self._heads:
            uses = list(re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.corpus_text, re.I))
            # Written as a word ("Game"), not an acronym ("1 ULP of error").
            self._heads[word] = bool(uses) and all(re.fullmatch(r"[A-Z][a-z]+", u[0]) and
                                                   _OF_NEXT.match(self.corpus_text, u.end()) for u in uses)
        return self._heads[word]

    def as_written(self, name: str) -> str:
        """A name typed in lower case as the abstracts write it ("putnambench": "PutnamBench"), for an answer that
        names it; as typed when no abstract writes it so."""
        if not name.islower():
            return name
        spaced = r"[\s-]?".join(re.escape(part) for part in re.split(r"[\s-]+", name))  # "SWE-bench-lite"
        written = re.search(rf"(?<![\w-]){spaced}(?![\w-])", self.corpus_text, re.I)
        return written[0] if written else name

    def _titled(self, name: str) -> bool:
        """Whether the one title having the name defines it, in brackets after what it stands for."""
        return any(f"({name})" in self.papers[pid].title for pid in self.title_names.get(name, ()))

    def used_more_than_once(self, name: str, pid: str) -> bool:
        """Whether the paper names it twice or more: once is often in passing ("e.g. Toolformer")."""
        paper = self.papers[pid]
        return len(mention_pattern(name).findall(f"{paper.title}\n{paper.abstract}")) > 1

    def _title_name_typed_lower(self, written: str) -> str:
        """The name in a title a question typed in lower case ("alphacode"), when it is long enough not to be a
        word and only one title name has that form; else the text as typed."""
        k = key(written)
        names = self._title_names_by_key.get(k, []) if len(k) >= 6 else []
        if not names and len(k) >= 7 and (near := self._one_typo(k)) is not None:
            names = self._title_names_by_key.get(near, [])  # "aplhacode": AlphaCode, one typo away
        return names[0] if len(names) == 1 else written

    @cached_property
    def definers(self) -> dict[str, set[str]]:
        """The papers whose abstract defines a name in brackets ("... Problems (MBPP)"), by the name's key."""
        found: dict[str, set[str]] = {}
        for pid, paper in self.papers.items():
            for name in _BRACKETED.findall(paper.abstract):
                found.setdefault(key(name), set()).add(pid)
        return found

    @cached_property
    def defined_by(self) -> dict[str, str]:
        """Names the one paper that made them defines in brackets, by key, with that paper: "The Mostly Basic
        Programming Problems (MBPP) dataset contains ...", "We propose the ... (P3) dataset"; not a concept ("chain
        of thought (CoT)") nor a benchmark the paper is measured on ("proved 5 problems in the ... (FIMO)
        benchmark")."""
        made: dict[str, set[str]] = {}
        for pid, paper in self.papers.items():
            for sentence in split_sentences(paper.abstract):
                for match in _BRACKETED.finditer(sentence):
                    if (MADE.search(sentence) and _AUTHORS.search(sentence)) or \
                            (_ITS_OWN.match(sentence) and _DATA_NOUN.match(sentence, match.end())):
                        made.setdefault(key(match[1]), set()).add(pid)
        return {k: next(iter(pids)) for k, pids in made.items()
                if len(pids) == 1 and self.definers.get(k) == pids}

    @cached_property
    def _title_names_by_key(self) -> dict[str, list[str]]:
        by_key: dict[str, list[str]] = {}
        for name in self.title_names:
            by_key.setdefault(key(name), []).append(name)
        return by_key

    def paired_lower_case(self, question: str, found: list[Mention]) -> list[Mention]:
        """Short names typed in lower case as the two sides of "A and B" / "A or B" / "A vs B" / "A, B" ("ovm and
        prime both ..."): alone, "prime" is a word; paired with another paper's name, each is that paper. Returned
        with the mentions already found, in order."""
        taken = [(m.start, m.end) for m in found]
        added = []
        for match in _LOWER_PAIR.finditer(question):
            sides = [(match.start(1), match.end(1)), (match.start(2), match.end(2))]
            ids = [self.paper_aliases.get(key(question[a:b])) for a, b in sides]
            known = [next((m for m in found if m.kind == "paper" and m.start == a), None) for a, _ in sides]
            pids = [tuple(sorted(i)) if i else (k.paper_ids if k else None) for i, k in zip(ids, known, strict=True)]
            if None in pids or pids[0] == pids[1]:
                continue
            for (a, b), pid in zip(sides, pids, strict=True):
                if not any(s < b and a < e for s, e in taken):
                    added.append(Mention(question[a:b], a, b, pid, "paper"))
                    taken.append((a, b))
        return sorted([*found, *added], key=lambda m: m.start)

    def paper_mentions(self, question: str) -> list[Mention]:
        return [m for m in self.find(question) if m.kind == "paper"]

    def paper_names(self, text: str) -> list[str]:
        """The papers a text names, as it writes them (as the abstracts do when typed in lower case: "alphacode" put
        into a follow-up reads as no name), each once: what a follow-up's "it" stands for. A name only one abstract
        has ("GHOSTS", the dataset of the ChatGPT-math paper) names that paper too."""
        return [self.as_written(n) for n in self.named_papers(text).values()]

    def named_papers(self, text: str) -> dict[str, str]:
        """The ids of the papers a text names, each with its name as written (see `paper_names`)."""
        seen: dict[str, str] = {}
        named: set[str] = set()  # papers named as papers: their name, not a name from inside them ("F*")
        for m in self.find(text):
            pid = m.paper_ids[0]
            if m.kind == "paper" and pid not in named:
                seen[pid] = re.sub(r"^the\s+", "", m.text, flags=re.I)
                named.add(pid)
            elif m.kind != "paper" and len(m.paper_ids) == 1 and name_like(m.text) and \
                    (_MIXED_CASE.search(m.text) or key(m.text) in self.introduced or
                     self.used_more_than_once(m.text, pid)):
                # A name made in mixed case ("CodeXGLUE"), or one its abstract makes much of; not a word or acronym
                # one abstract uses once in passing: "math SFT data: DotaMath vs MARIO" names no PRIME ("over the
                # SFT model"), "the goal Selector" no DEPS paper whose acronym is asked.
                seen.setdefault(pid, m.text)
        return seen

    def _longest_at(self, question: str, words: list[Word], i: int) -> tuple[Mention, int] | None:
        if _verb_after_name(words, i):
            return None  # "could DeepSeek-R1 refute?": a verb, not the paper REFUTE
        # A lower-case word after its subject is a verb ("I think it was 10%"), though "In Think, we ..." names a
        # phase of Think-and-Execute.
        plain = self.plain_word(words[i].text) or \
            (words[i].text.islower() and i > 0 and words[i - 1].text.lower() in _SUBJECTS) or \
            _verb_on(words, i)
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            span = words[i:i + n]
            if span[0].text.lower() == "the" and n > 1 and key(" ".join(w.text for w in span[1:])) in \
                    self.paper_aliases:
                continue  # "the X paper": X is the mention, the article is not part of it
            text = question[span[0].start:span[-1].end]
            k = key(_POSSESSIVE.sub("", text))
            if n == 1 and span[0].text.islower() and len(k) >= 7 and k not in self.paper_aliases and \
                    k not in self.terms and k.endswith("s") and \
                    (k[:-1] in self.paper_aliases or k[:-1] in self._title_names_by_key):
                k, text = k[:-1], text[:-1]  # "alphacodes biggest model": a possessive typed without its apostrophe
            lowered = n == 1 and self._name_typed_lower(span[0].text)  # "humaneval"
            if not k or (n == 1 and not name_like(span[0].text) and not lowered and
                         not ((len(k) >= 6 or (len(k) >= 4 and "-" in span[0].text) or _uncommon(k)) and
                              (k in self.paper_aliases or k in self._title_names_by_key))):
                continue  # a lower-case word names a paper only as one of its long or hyphened names ("ma-lot")
            text = _POSSESSIVE.sub("", text) if n == 1 or not text.endswith("'") else text
            if k in self.paper_aliases and self.names_its_paper(k, text):
                return Mention(text, span[0].start, span[-1].end, tuple(sorted(self.paper_aliases[k])), "paper"), n
            if n == 1 and plain:
                continue  # "activation", a question's leading "Are": a Title Case title's word is no name
            if n > 1 and all(self.plain_word(w.text) or w.text.lower() in _JOINING for w in span):
                continue  # "as a" is no "ASA", "protein kinase" no name: plain words joined make no term
            if k in self.terms and (n > 1 or name_like(span[0].text) or lowered or k in self._title_names_by_key):
                if owner := self._paper_with_version(text):  # "Stable Code 3B": the Stable Code paper's model
                    return Mention(text, span[0].start, span[-1].end, owner, "paper"), n
                return Mention(text, span[0].start, span[-1].end, tuple(sorted(self.terms[k])), "term"), n
        word = words[i]
        if plain:
            return None
        # A long lower-case word no abstract uses in any form is a name mistyped ("aplhacode", "pycodr").
        mistyped = word.text.islower() and len(key(word.text)) >= 6 and self._vocabulary is not None and \
            not self._vocabulary().uses(_POSSESSIVE.sub("", word.text))
        if (name_like(word.text) or self._name_typed_lower(word.text) or mistyped) and len(key(word.text)) >= 5:
            k = key(_POSSESSIVE.sub("", word.text))  # "proofnet" as much as "ProofNet"
            near = self._one_typo(k)
            if near is not None:
                kind, pids = ("paper", self.paper_aliases[near]) if near in self.paper_aliases else \
                    ("term", self.terms[near])
                return Mention(word.text, word.start, word.end, tuple(sorted(pids)), kind), 1
            longer = self._terms_starting(k)
            if longer:  # "ProofNet" for the "Proofnet-test" an abstract names
                return Mention(word.text, word.start, word.end, tuple(sorted(longer)), "term"), 1
        parts = word.text.split("-")
        for j in range(len(parts) - 1, 0, -1):  # "Eurus-2-7B-PRIME": a model named after its family ("Eurus")
            head = key("-".join(parts[:j]))
            # "dotamath-llama2-13b" as much as "DotaMath-...": a paper's long name typed in lower case heads it too.
            if len(head) >= 4 and (name_like(parts[0]) or (len(head) >= 6 and head in self.paper_aliases)):
                if head in self.paper_aliases and self.names_its_paper(head, "-".join(parts[:j])):
                    return Mention(word.text, word.start, word.end, tuple(sorted(self.paper_aliases[head])), "paper"), 1
                if head in self.terms and name_like(parts[0]):
                    return Mention(word.text, word.start, word.end, tuple(sorted(self.terms[head])), "term"), 1
        return None

    def names_its_paper(self, k: str, text: str) -> bool:
        """Whether an alias (key `k`, written `text` in the question) names its paper: a whole title does (unless
        it is as short as a topic: "Anxiety"); any other alias only when few papers use it ("COPD" of "COPD:
        epidemiology, ...", "Vitamin D", "AMP-activated protein kinase" are topics many SciFact abstracts share)."""
        if self._papers_using is None or (k in self._titles and len(text.split()) > _SHORT_TITLE):
            return True
        if k not in self._naming:
            self._naming[k] = self._papers_using(text) <= COMMON_ALIAS_PAPERS or \
                self._phrase_users(text, COMMON_ALIAS_PAPERS + 1) <= COMMON_ALIAS_PAPERS
        return self._naming[k]

    def _phrase_users(self, text: str, enough: int) -> int:
        """How many papers' titles and abstracts use the phrase, counted up to `enough`."""
        users: set[int] = set()
        for match in mention_pattern(text).finditer(self.corpus_text):
            users.add(bisect.bisect_right(self._paper_starts, match.start()))
            if len(users) >= enough:
                break
        return len(users)

    @cached_property
    def _paper_starts(self) -> list[int]:
        return starts(self.papers.values())

    def _name_typed_lower(self, word: str) -> bool:
        """A name typed in lower case ("humaneval", "stp", "swe-bench") that the abstracts write capitalised
        within sentences: the benchmark or tool, as much as when typed as written."""
        word = _POSSESSIVE.sub("", word).rstrip("+")  # "mbpp+" as much as "mbpp"
        if self._vocabulary is None or len(word) < 3 or not word.islower() or not word.replace("-", "").isalnum():
            return False
        # "swe-bench": a part the abstracts write as a name ("SWE") makes the whole one.
        return any(self._vocabulary().name_typed_lower(part) for part in word.split("-") if part)

    def plain_word(self, word: str) -> bool:
        """A word typed lower case or only capitalised ("activation", "Are") that the abstracts write in lower
        case within sentences: an ordinary word, whatever a Title Case title makes of it. Acronyms and mixed
        case ("MATH", "DotaMath") are names as typed."""
        word = _POSSESSIVE.sub("", word)
        if self._vocabulary is None or not word.isalpha() or not (word.islower() or word[1:].islower()):
            return False
        return self._vocabulary().plain(word.lower())

    def _paper_with_version(self, text: str) -> tuple[str, ...] | None:
        """The paper a name is when it is a paper's name followed by a size or version ("Stable Code 3B",
        "StableCode-3b", "Eurus-2"): another abstract may cite the model by that name, but it is the paper's. A
        release its own abstract never writes ("DeepSeek-Prover-v1.5", cited by MA-LoT) is a later model's."""
        pieces = [p for p in re.split(r"[\s-]+", text) if p]
        for m in range(len(pieces) - 1, 0, -1):
            head = key(" ".join(pieces[:m]))
            if head in self.paper_aliases and all(_VERSION.fullmatch(p) for p in pieces[m:]):
                owners = self.paper_aliases[head]
                if any(_RELEASE.fullmatch(p) for p in pieces[m:]) and not any(
                        mention_pattern(text).search(f"{self.papers[pid].title}\n{self.papers[pid].abstract}")
                        for pid in owners):
                    return None  # "DeepSeek-Prover-v1.5": a later release than the paper's, cited by another
                return tuple(sorted(owners))
        return None

    def _terms_starting(self, k: str) -> set[str]:
        """The papers of every term that begins with this key: a benchmark named without its split or version."""
        keys = self._sorted_term_keys
        found: set[str] = set()
        for term in keys[bisect.bisect_right(keys, k):]:
            if not term.startswith(k):
                break
            found.update(self.terms[term])
        return found

    @cached_property
    def _sorted_term_keys(self) -> list[str]:
        """Term keys in order, so the terms beginning with a key are one contiguous run (no scan of them all)."""
        return sorted(self.terms)

    def _one_typo(self, k: str) -> str | None:
        # Not a name with a first letter more or less: "Coder" (of "DeepSeek Coder") is no typo of "B-Coder".
        candidates = [c for n in (len(k) - 1, len(k), len(k) + 1) for c in self._single_word_keys.get(n, ())
                      if _within_one_edit(k, c) and not (len(c) != len(k) and (c[1:] == k or k[1:] == c))]
        papers = [c for c in candidates if c in self.paper_aliases]
        return (papers or candidates or [None])[0]

    def known(self, name: str) -> bool:
        """Whether a name from a question exists in the index in some form: as written, with one typo, inside
        a longer name, or as an abbreviation the abstracts spell out ("HDL-C" for "HDL cholesterol")."""
        k = key(name)
        if not k:
            return True
        if self._unwritten_variant(name):
            return False
        if k in self.terms or k in self.paper_aliases or (k.endswith("s") and k[:-1] in self.terms):
            return True  # as written, or a plural of a known name ("ILCs")
        if len(k) >= 5 and self._one_typo(k) is not None:
            return True
        if len(k) >= 4 and any(k in other for other in self.terms):
            return True  # inside a longer name: "Llama3" in "Llama3-8B"
        if self._modified_name(name):
            return True
        if len(k) >= 4 and any(c.isdigit() for c in k) and k in self._corpus_key:
            return True  # written with other spacing: "Llama3-8B" for the abstract's "Llama3- 8B"
        return _spelled_out(name, self.corpus_text)

    @cached_property
    def _corpus_key(self) -> str:
        return key(self.corpus_text)

    def _modified_name(self, name: str) -> bool:
        """Known names and ordinary words hyphened together ("RecQ-class", "Sf1-expressing", "RANK-RANK-Ligand"):
        what is asked about is known. Each part must be a word the abstracts write in lower case or a known name;
        a size or version ("GPT-4o-mini", "HumanEval-X") makes a name of its own."""
        parts = name.split("-")
        if len(parts) < 2 or self._vocabulary is None or not all(p.isalnum() and len(p) >= 2 for p in parts):
            return False
        plain = [p.isalpha() and len(p) >= 3 and self._vocabulary().plain(p.lower()) for p in parts]
        # A known name may be short ("RL" of "RL-for-code"); an ordinary word of two letters ("la") is not one.
        names = [not is_plain and self.known(p) for p, is_plain in zip(parts, plain, strict=True)]
        return any(names) and all(a or b for a, b in zip(plain, names, strict=True))


def name_like(word: str) -> bool:
    """A word that can be a name on its own: capitals past the first letter, a digit, or a capitalised word."""
    shaped = re.search(r"[A-Z0-9]", word[1:]) or re.match(r"[A-Z][a-z]{2,}", word)
    return bool(shaped) and key(word) not in GENERIC_NAMES


# A title alias other than the whole title ("Stem Cells" of "Stem Cells and Early Lineage Development", "RNA" of
# "RNA is favourable for ...", a leading "Are"), one or two plain words whose rarest word more papers use than
# this, is a topic of the field, not the paper's name: on SciFact such aliases made questions using the words
# questions about that one paper. Names keep theirs: "KV Prediction", "Only-IF", "DotaMath" are rare or not plain.
COMMON_ALIAS_PAPERS = 3
# A whole title this short ("Anxiety", "Break-induced DNA replication") is held to the same test as other aliases.
_SHORT_TITLE = 4


# A title's "Large Language Models", as everyone abbreviates it. Not "Language Models" as "LMs": "LMs for code
# completion" is a field, not "Language Models for Code Completion: A Practical Evaluation".
_LARGE_LANGUAGE_MODEL = re.compile(r"\blarge\s+language\s+model(s?)\b", re.I)


_LEADING_PREPOSITION = re.compile(r"^(?:from|towards?|on|beyond)\s+(?=[A-Z])", re.I)


def _title_aliases(paper: Paper) -> list[str]:
    title = paper.title
    aliases = [title, short_name(paper)]
    head = title.split(":", 1)[0].strip()
    aliases.append(head)
    before, _, after = head.rpartition(",")
    if len(after.split()) <= 2 and len(before.split()) >= 3:
        aliases.append(before.strip())  # "Compiling C to Safe Rust, Formalized" -> "Compiling C to Safe Rust"
    lead = _CONNECTOR.split(f" {head} ", maxsplit=1)[0].strip()
    if 1 <= len(lead.split()) <= 4 and re.search(r"[A-Z].*[A-Z0-9]|[A-Z]{2}", lead):
        aliases.append(lead)  # "KV Prediction for Improved ..." -> "KV Prediction"
    for alias in list(aliases):
        if alias.lower().startswith("the "):
            aliases.append(alias[4:])
        # "From Copilot to Pilot", "Towards Neural Synthesis ...": said without the leading preposition too.
        if (bare := _LEADING_PREPOSITION.sub("", alias)) != alias and len(bare.split()) >= 2:
            aliases.append(bare)
        if (short := _LARGE_LANGUAGE_MODEL.sub(r"LLM\1", alias)) != alias:
            aliases.append(short)  # "the program synthesis with LLMs paper"
        for suffix in (" Technical Report", " Report"):
            if alias.endswith(suffix):
                aliases.append(alias[: -len(suffix)])
    return [a for a in dict.fromkeys(aliases) if a]


def _introduced_names(sentence: str) -> list[str]:
    """Names a sentence introduces: after "we propose / introduce / present", "dubbed", "called" ..."""
    # An acronym for their work, not for the benchmark their model is measured on ("our model proved 5 of 148
    # problems in the ... (FIMO) benchmark"), unless they say they made it ("We propose the ... (P3) dataset").
    made = MADE.search(sentence)
    defined = [m[1] for m in _BRACKETED.finditer(sentence) if made or not _DATA_NOUN.match(sentence, m.end())] \
        if _AUTHORS.search(sentence) else []
    match = _INTRO.search(sentence)
    if not match:
        return defined
    after = sentence[match.end():]
    # What is introduced comes first; "... across HumanEval+ and LiveCodeBench" is where it was evaluated.
    window = _EVALUATED_ON.split(" ".join(after.split()[:14]), maxsplit=1)[0]
    # "we propose AutoML-Agent, a novel framework for full-pipeline AutoML": what follows the name describes it.
    window = _DESCRIBED_AS.split(window, maxsplit=1)[0]
    names = [n for n in names_in(window) if len(key(n)) >= 3]
    runs = re.findall(r"(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4}|(?<![\w-])[A-Z]\w*(?:-\w+)+", window)
    # "a tokenizer named Tokompiler": one capitalised word right after the naming verb is the name.
    # The whole capitalised run: "a variant named Stable Code Instruct" is no "Stable".
    called = re.search(r"\b(?:dubbed|called|named|termed|coined)\s+(?:as\s+)?([A-Z][\w-]{2,}(?:\s+(?!(?:And|Or|"
                       r"The|With|For)\b)[A-Z][\w-]*){0,3})", sentence[match.start():])
    return list(dict.fromkeys([*names, *runs, *([called[1]] if called else []), *defined]))


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]]
                                   and a[diffs[1]] == b[diffs[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]


def _spelled_out(name: str, corpus: str) -> bool:
    """"HDL-C" -> "HDL c...": an abbreviation whose last letter starts the word the abstract writes out."""
    parts = [p for p in re.split(r"[-\s]", name) if p]
    if len(parts) < 2 or not all(p.isalnum() for p in parts):
        return False
    pattern = r"\b" + r"[-\s]?".join(re.escape(p) for p in parts[:-1]) + rf"[-\s]+{re.escape(parts[-1])}\w+"
    return re.search(pattern, corpus, re.I) is not None


def paper_ids_of(mentions: Iterable[Mention]) -> list[str]:
    """The papers the mentions name, each once, in order of first mention."""
    return list(dict.fromkeys(m.paper_ids[0] for m in mentions if m.kind == "paper"))
