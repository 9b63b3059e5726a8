"""Finds the paper a name refers to: a title, a title's acronym ("DotaMath"), or a method named only inside
an abstract ("Meta Agent Search"). Used by comparisons and by follow-up condensing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rag.text.clean import normalise_title
from rag.types import Paper

_INTRO = re.compile(r"\b(?:propose|introduce|present|develop|design|call|name|dub|term)\w*\b", re.I)


def short_name(paper: Paper) -> str:
    """The part of a title before its colon when that part is short: what people call the paper."""
    head = paper.title.split(":", 1)[0].strip()
    return head if ":" in paper.title and len(head.split()) <= 4 else paper.title


def find_paper(name: str, papers: Iterable[Paper]) -> Paper | None:
    """Best paper for a name, or None when no title or abstract mentions it."""
    papers = list(papers)
    wanted = normalise_title(name)
    if not wanted:
        return None
    for paper in papers:  # exact short name or whole title
        if normalise_title(short_name(paper)) == wanted or normalise_title(paper.title) == wanted:
            return paper
    in_title = [p for p in papers if re.search(rf"\b{re.escape(wanted)}\b", normalise_title(p.title))]
    if len(in_title) == 1:
        return in_title[0]
    pattern = mention_pattern(name)
    scored = []
    for paper in papers:
        hits = pattern.findall(paper.abstract)
        if not hits:
            continue
        introduced = any(_INTRO.search(s) and pattern.search(s) for s in re.split(r"(?<=[.!?])\s+", paper.abstract))
        in_title_bonus = 5 if paper in in_title else 0
        scored.append((in_title_bonus + 3 * introduced + len(hits), paper))
    if scored:
        scored.sort(key=lambda t: -t[0])
        return scored[0][1]
    return in_title[0] if in_title else None


_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[a-z]+[A-Z0-9][A-Za-z0-9]*[A-Z]"
    r"[A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*(?:\+{1,2}(?![\w+]))?"
    r"|(?<![\w-])[A-Z](?:\*|\+\+|#)(?![\w*+#])"  # one letter and a sign: "F*", "C++", "C#"
    r"|(?<![\w-])[a-z]\d+(?:-(?!(?:based|like|style|level|shot|step|wise|only|free)\b)[a-z]+)+(?![\w-])"  # "o3-mini"
    r"|(?<![\w-])[a-z]{1,2}[A-Z][a-z]{2,}(?![\w-])"  # "iPhone", "eBay": a capital after a short lower-case start
)
# A run of capitalised words is one name ("Mostly Basic Programming Problems"); a possessive is not part of it.
# Whole words only: "Repo" of "RepoEval" and "Cross" of "CrossCodeEval" are no names of their own.
_CAPITALISED_WORD = r"[A-Z][a-z]{2,}(?:-[A-Za-z]+)*(?!\w)"
_CAPITALISED = re.compile(rf"(?<![\w-]){_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD})*")
_NOT_NAMES = frozenset("""What Which Who Whom Whose When Where Why How Compare Contrast List Name Find Tell Describe
    Explain Summarise Summarize Does Did Do Is Are Was Were Can Could Should Would Will Has Have Had The This That
    These Those And Also In On For Of With From About Please Give Show Between Versus Papers Paper Study
    Studies""".split())


# Words too common in this field to name anything on their own ("LLMs", "AI", "GPT", "IDE": an abstract introducing
# "an open-source IDE extension, Code4Me" is not the IDE paper).
GENERIC_NAMES = frozenset("""llm llms ai ml gpt nlp rl lm lms sota api apis code data model models paper method
    ide ides gpu gpus cpu cpus usd eur gbp
    the a an we our this that these those it its""".split())


def is_generic(name: str) -> bool:
    """Words every paper in a field uses ("LLMs"), also as the head of a compound ("LLM-generated", "AI-based"):
    they name no particular thing, so a list of papers "on LLM-generated code" is matched by meaning."""
    head, *rest = name.split("-")
    if rest and all(part.isalpha() and part.islower() for part in rest):
        name = head
    return re.sub(r"[^a-z0-9]", "", name.lower()) in GENERIC_NAMES


def names_in(text: str) -> list[str]:
    """Acronyms and mixed-case names ("RLCoder", "GSM8K", "DeepSeek-Prover", "miniF2F") in order of appearance."""
    return list(dict.fromkeys(m.group(0) for m in _NAME.finditer(text)))


# A name made a describing word: "HPC-specific", "GPT-4-based", "the RL-based one"; the name is what it says.
DESCRIBING_SUFFIX = re.compile(r"-(?:specific|based|only|style|like|oriented|focused|related|driven|powered|centric|"
                               r"flavou?red)$", re.I)


def key_names(text: str) -> list[str]:
    """Names plus capitalised words inside a sentence ("Isabelle", "Coq"): what must exist for a question to
    be about something in the index."""
    found = names_in(text)
    for word in capitalised_names(text):
        if not any(word in n for n in found):
            found.append(word)
    return list(dict.fromkeys(found))


def capitalised_names(text: str) -> list[str]:
    """Runs of capitalised words that are not a sentence's first word ("Zorba", "Mostly Basic Programming")."""
    found = []
    for sentence in re.split(r"(?<=[.!?:;])\s+|[\"“”‘’]", text):
        for match in _CAPITALISED.finditer(sentence):
            words = match.group(0).split()
            if not sentence[: match.start()].strip():  # a sentence's first word is capitalised anyway
                words = words[1:]
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            if words:
                found.append(" ".join(words))
    return list(dict.fromkeys(found))


def mention_pattern(name: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive; a suffix after a hyphen or plus still counts ("SWE-bench-lite"), and a
    hyphen may be left out or be a space ("SWEBench"), or have one after it ("Llama3- 8B")."""
    name = name.strip()
    if re.fullmatch(r"[A-Z]{3,6}", name):
        # Text taken from a PDF may split an acronym before its last letter ("the %OP T and SP metrics"). An acronym
        # that is an English word in lower case is that name only in capitals: "math tasks" is no MATH.
        from rag.text.typos import encoder_words

        flags = 0 if name.lower() in encoder_words() else re.I
        return re.compile(rf"(?<![\w-]){re.escape(name[:-1])} ?{re.escape(name[-1])}(?!\w)", flags)
    parts = [re.escape(part) for part in name.split("-")]
    if len(parts) > 1 and re.fullmatch(r"[a-z]{4,}ness", parts[-1]):
        parts[-1] = f"{parts[-1][:-4]}(?:ness)?"  # "Turing-completeness" is what "Turing-complete" names
    # "Llama3- 8B" as PDFs split it; a lone letter keeps its hyphen or space: "MultiPL-E" run together is "multiple".
    body = parts[0] + "".join(rf"(?:-\s?|\s){part}" if re.fullmatch(r"[A-Za-z]", part) else rf"(?:-\s?|\s)?{part}"
                              for part in parts[1:])
    return re.compile(rf"(?<![\w-]){body}(?!\w)", re.I)
