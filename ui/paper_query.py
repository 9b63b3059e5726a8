"""What the Papers tab's search box means: plain words, plus `year:` and `author:` terms.

A browsing aid, not retrieval: every plain word must occur in the title, id, authors or abstract; `year:2023`,
`year:2022-2024` (also `year:2022-` and `year:-2021`) keep papers from those years; `author:sato` keeps papers
with an author whose name contains "sato". Case and accents never count ("garcia" finds "García"), so a name
can be typed on any keyboard. A term still being typed (`year:20`, `author:`) limits nothing, so the list does
not empty while the reader types; a malformed year says how to write one instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.paper_filters import PaperFilter
from rag.text.clean import fold as accentless
from rag.types import Paper

YEAR_HINT = "write a year as year:2023, or a range as year:2022-2024"
# key:"quoted value" | key:value | "a quoted phrase" | word. An unclosed quote runs to the end of the box.
_TERM = re.compile(r'(?P<key>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S*))|"(?P<phrase>[^"]*)"?|(?P<word>\S+)')
_KEYS = {"year": "year", "years": "year", "author": "author", "authors": "author", "by": "author"}
_RANGE = re.compile(r"(?P<first>\d{4})?\s*(?P<dash>[-–]|\.\.)?\s*(?P<last>\d{4})?")


def fold(text: str) -> str:
    """Lower case without accents or repeated spaces: what both the typed terms and the papers are compared as."""
    return " ".join(accentless(text).split())


@dataclass(frozen=True)
class PaperQuery:
    words: tuple[str, ...] = ()  # folded; each must occur somewhere in the paper
    authors: tuple[str, ...] = ()  # folded; each must occur in one of the paper's authors
    first_year: int | None = None
    last_year: int | None = None
    problems: tuple[str, ...] = ()  # terms that limit nothing because they are malformed, with how to write them

    def keeps(self, paper: Paper) -> bool:
        # Years as list questions read them (a paper without a year is from no year asked for); authors here are
        # matched inside names, so "garc" finds García while it is being typed.
        if not PaperFilter(self.first_year, self.last_year).keeps(paper):
            return False
        if self.authors:
            names = [fold(a) for a in paper.authors]
            if not all(any(asked in name for name in names) for asked in self.authors):
                return False
        if self.words:
            haystack = fold(" ".join((paper.title, paper.paper_id, " ".join(paper.authors), paper.abstract)))
            return all(w in haystack for w in self.words)
        return True


def parse_query(text: str) -> PaperQuery:
    """The search box's text as limits; terms are joined by AND (two `year:` terms keep the years both allow)."""
    words: list[str] = []
    authors: list[str] = []
    problems: list[str] = []
    first: int | None = None
    last: int | None = None
    for match in _TERM.finditer(text or ""):
        key = _KEYS.get((match["key"] or "").lower())
        if match["key"] and key is None:  # "arXiv:2401.01234", "Lean:": a plain word with a colon in it
            words.append(fold(match[0].replace('"', " ")))
            continue
        value = fold(match["quoted"] if match["quoted"] is not None else match["value"] or match["phrase"]
                     or match["word"] or "")
        if key == "author":
            if value := value.strip(" ,;"):
                authors.append(value)
        elif key == "year":
            years = _years(value)
            if years is None:
                problems.append(f"“{match[0]}”: {YEAR_HINT}")
            elif years != (None, None):
                first = years[0] if first is None or years[0] is None else max(first, years[0])
                last = years[1] if last is None or years[1] is None else min(last, years[1])
        elif value:
            words.append(value)
    return PaperQuery(tuple(w for w in words if w), tuple(authors), first, last, tuple(problems))


def _years(value: str) -> tuple[int | None, int | None] | None:
    """(first, last) for "2023", "2022-2024" (either order), "2022-" or "-2021"; (None, None) for a term still
    being typed ("", "20", "2022-20"); None for one that is no year at all ("abc")."""
    if not value:
        return None, None
    match = _RANGE.fullmatch(value)
    if match is None:
        return (None, None) if re.fullmatch(r"\d{1,4}(?:\s*[-–.]{1,2}\s*\d{0,4})?|[-–.]{1,2}\s*\d{0,4}", value) \
            else None
    first = int(match["first"]) if match["first"] else None
    last = int(match["last"]) if match["last"] else None
    if not match["dash"]:
        return (first, first) if first is not None else (None, None)
    if first is not None and last is not None and first > last:
        first, last = last, first
    return first, last
