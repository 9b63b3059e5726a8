"""A database search string run over the abstracts: the papers it finds, as a bibliographic database finds them.

Why: a librarian's "(ChatGPT OR GPT-4) AND mathemat*" or "abstract LIKE '%theorem%' AND abstract NOT LIKE '%Lean%'"
says exactly which papers it wants. Read as words for the list rules, "AND" and "NOT" were loose ("(GSM8K OR MATH)
AND tool-use" listed six papers, one of which has both); run as written, the answer is the set the string defines.
Terms match as the abstracts may write them: any case, inflected ("verifiers"), hyphenated or spaced ("test-time"),
a truncated stem any word it starts ("mathemat*"); adjacent words are a phrase; "ti:" searches titles, "abs:"
abstracts, neither both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<op>AND\s+NOT|AND|OR|NOT)(?![\w-])|"
                    r"(?P<field>(?:abs|ti|abstract|title|kw|tiab|TITLE-ABS-KEY|TITLE-ABS|TITLE|ABS|KEY|TS|TI|AB))"
                    r"\s?:?(?=[\w\"'(])|(?P<quoted>\"[^\"]*\"|'[^']*'|“[^”]*”)|(?P<word>[^\s()\"“]+))")
# Pseudo-SQL: "SELECT title FROM papers WHERE ...", its conditions "abstract LIKE '%PRM%'", "study_type = "empirical"".
SQL = re.compile(r"^\s*SELECT\s+[\w*, ]+?\s+FROM\s+\w+\s+WHERE\s+(?P<where>.+)$", re.I | re.S)
CONDITION = re.compile(r"\b(?P<field>\w+)\s+(?P<not>NOT\s+)?(?:LIKE|=|ILIKE)\s*(?P<q>['\"])%?(?P<value>[^'\"%]+?)%?"
                       r"(?P=q)", re.I)
# "... anywhere in the abstract": where every search looks anyway.
WHERE_SEARCHED = re.compile(r"\s*\b(?:in|anywhere\s+in)\s+(?:the\s+)?(?:abstracts?|titles?|text)\b", re.I)
_INFLECTION = r"(?:s|es|ed|d|ing|ly)?"


@dataclass(frozen=True)
class Term:
    text: str
    field: str = ""  # "title", "abstract", "" for both

    def pattern(self) -> re.Pattern[str]:
        """The term as the abstracts may write it: inflected ("verifiers", "autoregressively"), spaced or hyphenated
        ("test time", "test-time"), a metric at any cut-off ("pass@k": "pass@1"), a truncation any word its stem
        starts; a name in capitals as written, no ending ("MATH", not "math"; "C" is no "CS")."""
        words = [w for w in re.split(r"[\s-]+", self.text.strip()) if w]
        parts = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w) for w in words]
        body = re.sub(r"@k$", r"@(?:k|\\d+)", r"[\s-]+".join(parts))
        if all(w.rstrip("*").isupper() for w in words):
            return re.compile(rf"(?<![\w-]){body}(?![\w])")
        tail = "" if words[-1].endswith("*") else _INFLECTION
        return re.compile(rf"(?<![\w-]){body}{tail}(?![\w])", re.I)


@dataclass(frozen=True)
class Node:
    op: str  # "and", "or", "not", "term"
    parts: tuple[Node, ...] = ()
    term: Term | None = None

    def holds(self, title: str, abstract: str) -> bool:
        if self.op == "term" and self.term is not None:
            fields = {"title": title, "abstract": abstract}.get(self.term.field, f"{title}\n{abstract}")
            return self.term.pattern().search(fields) is not None
        if self.op == "not":
            return not self.parts[0].holds(title, abstract)
        test = all if self.op == "and" else any
        return test(part.holds(title, abstract) for part in self.parts)

    def terms(self) -> list[Term]:
        """Every term the search looks for, outside a NOT."""
        if self.op == "term" and self.term is not None:
            return [self.term]
        if self.op == "not":
            return []
        return [t for part in self.parts for t in part.terms()]


def parse(string: str) -> Node | None:
    """The search a string defines, or None when it does not parse (unbalanced brackets, an operator alone)."""
    if sql := SQL.match(string):
        string = CONDITION.sub(_as_term, sql["where"])
    tokens = _tokens(WHERE_SEARCHED.sub("", string))
    if tokens is None:
        return None
    try:
        node, rest = _or(tokens)
    except (IndexError, ValueError):
        return None
    return node if not rest else None


def _as_term(match: re.Match[str]) -> str:
    field = {"title": "ti:", "abstract": "abs:"}.get(match["field"].lower(), "")
    return f'{"NOT " if match["not"] else ""}{field}"{match["value"].strip()}"'


def _tokens(string: str) -> list[tuple[str, str]] | None:
    tokens: list[tuple[str, str]] = []
    at = 0
    field = ""
    groups: list[str] = []  # the field each open bracket searches: "ti:(code AND completion)"
    while at < len(string.rstrip()):
        match = _TOKEN.match(string, at)
        if match is None or match.end() == at:
            return None
        at = match.end()
        kind = match.lastgroup or ""
        if kind == "field":
            name = match["field"].lower()
            field = "title" if name in ("ti", "title") else "abstract" if name in ("abs", "abstract", "ab") else ""
            continue
        value = match[kind].strip()
        if kind == "open":
            groups.append(field or (groups[-1] if groups else ""))
            field = ""
        elif kind == "close" and groups:
            groups.pop()
        if kind == "quoted":
            value = value[1:-1]
        if kind in ("quoted", "word") and tokens and tokens[-1][0] == "word" and kind == "word" and not field:
            tokens[-1] = ("word", f"{tokens[-1][1]} {value}")  # adjacent words: a phrase
            continue
        tokens.append((kind if kind != "quoted" else "word", value if kind != "op" else " ".join(value.split())))
        if kind in ("quoted", "word"):
            tokens[-1] = ("word", f"{field or (groups[-1] if groups else '')}\t{value}")
            field = ""
    return tokens


def _or(tokens: list[tuple[str, str]]) -> tuple[Node, list[tuple[str, str]]]:
    node, tokens = _and(tokens)
    parts = [node]
    while tokens and tokens[0] == ("op", "OR"):
        node, tokens = _and(tokens[1:])
        parts.append(node)
    return (parts[0] if len(parts) == 1 else Node("or", tuple(parts))), tokens


def _and(tokens: list[tuple[str, str]]) -> tuple[Node, list[tuple[str, str]]]:
    node, tokens = _not(tokens)
    parts = [node]
    while tokens and tokens[0][0] == "op" and tokens[0][1] in ("AND", "AND NOT", "NOT"):
        negated = tokens[0][1] != "AND"
        node, tokens = _not(tokens[1:])
        parts.append(Node("not", (node,)) if negated else node)
    return (parts[0] if len(parts) == 1 else Node("and", tuple(parts))), tokens


def _not(tokens: list[tuple[str, str]]) -> tuple[Node, list[tuple[str, str]]]:
    if tokens[0] == ("op", "NOT"):
        node, rest = _not(tokens[1:])
        return Node("not", (node,)), rest
    return _atom(tokens)


def _atom(tokens: list[tuple[str, str]]) -> tuple[Node, list[tuple[str, str]]]:
    kind, value = tokens[0]
    if kind == "open":
        node, rest = _or(tokens[1:])
        if not rest or rest[0][0] != "close":
            raise ValueError("unbalanced")
        return node, rest[1:]
    if kind != "word":
        raise ValueError(f"unexpected {value}")
    field, _, text = value.partition("\t")
    return Node("term", term=Term(text, field)), tokens[1:]
