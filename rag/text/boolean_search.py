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

# "abs:Bellman*", "ti:benchmark*", Scopus's "TITLE-ABS-KEY(latency)": where to search, typed against the term ("Title:
# DotaMath. Which datasets ...", "Hi all: ..." are labels).
FIELD_TAG = re.compile(r"(?<![\w/])(?:abs|ti|abstract|kw|tiab)\s?:(?=[\w\"'(])|"
                       r"(?<![\w/-])(?:TITLE-ABS-KEY|TITLE-ABS|TITLE|ABS|KEY|TS|TI|AB)(?=\()")
_FIELDS = {"ti": "title", "title": "title", "abs": "abstract", "abstract": "abstract", "ab": "abstract"}
_TOKEN = re.compile(rf"\s*(?:(?P<field>{FIELD_TAG.pattern})|(?P<open>\()|(?P<close>\))|"
                    r"(?P<op>AND\s+NOT|AND|OR|NOT)(?![\w-])|(?P<phrase>\"[^\"]*\"|'[^']*'|“[^”]*”)|(?P<word>[^\s()\"“]+))")
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


# A token: its kind ("open", "close", "op", "word", "phrase"), the field a term searches, its text.
_Token = tuple[str, str, str]


def _tokens(string: str) -> list[_Token] | None:
    tokens: list[_Token] = []
    field = ""  # a tag's field, for the term or bracket right after it
    groups: list[str] = []  # the field each open bracket searches: "ti:(code AND completion)"
    at = 0
    while at < len(string.rstrip()):
        match = _TOKEN.match(string, at)
        if match is None or match.end() == at:
            return None
        at = match.end()
        kind = match.lastgroup or ""
        text = match[kind].strip()
        if kind == "field":
            field = _FIELDS.get(re.match(r"[\w-]+", text)[0].lower(), "")
            continue
        where = field or (groups[-1] if groups else "")
        field = ""
        if kind == "open":
            groups.append(where)
        elif kind == "close" and groups:
            groups.pop()
        if kind == "word" and tokens and tokens[-1][0] == "word" and tokens[-1][1] == where:
            tokens[-1] = ("word", where, f"{tokens[-1][2]} {text}")  # adjacent words: a phrase
            continue
        tokens.append((kind, where, text[1:-1] if kind == "phrase" else " ".join(text.split())))
    return tokens


def _or(tokens: list[_Token]) -> tuple[Node, list[_Token]]:
    node, tokens = _and(tokens)
    parts = [node]
    while tokens and tokens[0][::2] == ("op", "OR"):
        node, tokens = _and(tokens[1:])
        parts.append(node)
    return (parts[0] if len(parts) == 1 else Node("or", tuple(parts))), tokens


def _and(tokens: list[_Token]) -> tuple[Node, list[_Token]]:
    node, tokens = _not(tokens)
    parts = [node]
    while tokens and tokens[0][0] == "op" and tokens[0][2] in ("AND", "AND NOT", "NOT"):
        negated = tokens[0][2] != "AND"
        node, tokens = _not(tokens[1:])
        parts.append(Node("not", (node,)) if negated else node)
    return (parts[0] if len(parts) == 1 else Node("and", tuple(parts))), tokens


def _not(tokens: list[_Token]) -> tuple[Node, list[_Token]]:
    if tokens[0][::2] == ("op", "NOT"):
        node, rest = _not(tokens[1:])
        return Node("not", (node,)), rest
    return _atom(tokens)


def _atom(tokens: list[_Token]) -> tuple[Node, list[_Token]]:
    kind, field, text = tokens[0]
    if kind == "open":
        node, rest = _or(tokens[1:])
        if not rest or rest[0][0] != "close":
            raise ValueError("unbalanced")
        return node, rest[1:]
    if kind not in ("word", "phrase"):
        raise ValueError(f"unexpected {text}")
    return Node("term", term=Term(text, field)), tokens[1:]
