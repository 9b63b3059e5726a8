"""Year and author limits on a list question ("Which papers from 2023 use Lean?", "papers by Kenji Sato"): they
narrow which papers may be listed, and are not part of what the papers must be about, so they are taken out of
the topic before it is matched and written back in one canonical form ("Lean, from 2023") that reads well in the
answer and parses again the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.text.clean import fold
from rag.types import Paper

_YEAR = r"(?:19|20)\d\d"
_YEARS = re.compile(
    rf"(?:,\s*)?\b(?:(?:published|written|released|appeared|that appeared)\s+)?(?P<op>from|in|since|after|before|"
    rf"between|up to|published|dated)\s+(?:the\s+year\s+)?(?P<a>{_YEAR})(?:\s*(?:and|to|-|–)\s*(?P<b>{_YEAR}))?\b",
    re.I,
)
_YEAR_BEFORE_NOUN = re.compile(
    rf"^(?P<head>(?:which|what|list|name|find|are there any)(?:\s+(?:all|of))?(?:\s+the)?)\s+(?P<a>{_YEAR})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<b>{_YEAR}))?\s+(?P<noun>papers?|works?|studies|articles)\b", re.I)
# "by" opens an author only at the start of a topic, after a comma (the canonical form) or after written/authored:
# "improved by GPT-4" names no author.
_BY = re.compile(r"(?:^|,\s*|\b(?:written|authored|co-?authored|published)\s+)by\s+", re.I)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "del", "dos", "bin", "al"}


@dataclass(frozen=True)
class PaperFilter:
    first_year: int | None = None
    last_year: int | None = None
    author: str = ""

    def __bool__(self) -> bool:
        return bool(self.first_year or self.last_year or self.author)

    def keeps(self, paper: Paper) -> bool:
        if self.first_year or self.last_year:
            if paper.year is None:
                return False
            if (self.first_year and paper.year < self.first_year) or (self.last_year and paper.year > self.last_year):
                return False
        return not self.author or any(_same_person(self.author, name) for name in paper.authors)

    def phrase(self) -> str:
        parts = []
        first, last = self.first_year, self.last_year
        if first and first == last:
            parts.append(f"from {first}")
        elif first and last:
            parts.append(f"from {first} to {last}")
        elif first:
            parts.append(f"since {first}")
        elif last:
            parts.append(f"up to {last}")
        if self.author:
            parts.append(f"by {self.author}")
        return ", ".join(parts)


def years_up_front(question: str) -> str:
    """"Which 2023 papers use Lean?" -> "Which papers from 2023 use Lean?": the one place a year sits before the
    noun, moved to where `split_filters` reads it."""
    return _YEAR_BEFORE_NOUN.sub(
        lambda m: f"{m['head']} {m['noun']} from {m['a']}" + (f" to {m['b']}" if m["b"] else ""), question, count=1)


def split_filters(topic: str) -> tuple[str, PaperFilter]:
    """(the topic without its limits, the limits): "from 2023 use Lean" -> ("use Lean", from 2023)."""
    first = last = None
    author = ""
    years = _YEARS.search(topic)
    if years:
        a, b, op = int(years["a"]), int(years["b"] or years["a"]), years["op"].lower()
        first, last = {"since": (a, None), "after": (a + 1, None), "before": (None, a - 1),
                       "up to": (None, a)}.get(op, (min(a, b), max(a, b)))
        topic = (topic[:years.start()] + " " + topic[years.end():]).strip()
    if by := _BY.search(topic):
        name, end = _name_at(topic, by.end())
        if name:
            author = name
            topic = topic[:by.start()] + " " + topic[end:]
    return " ".join(topic.split()).strip(" ,"), PaperFilter(first, last, author)


def with_filters(topic: str, only: PaperFilter) -> str:
    """The canonical topic: "Lean, from 2023"; the limits alone when nothing else is asked."""
    if not only:
        return topic
    return f"{topic}, {only.phrase()}" if topic else only.phrase()


def why_none(only: PaperFilter, papers: list[Paper]) -> str:
    """Why a list limited by year or author is empty, so the user knows whether the library lacks the metadata."""
    if not only:
        return ""
    kept = [p for p in papers if only.keeps(p)]
    if kept:
        return ""
    known = sum(1 for p in papers if (p.year if only.first_year or only.last_year else p.authors))
    what = "years" if only.first_year or only.last_year else "authors"
    have = f"Only {known:,} of the {len(papers):,} indexed papers have" if known else \
        f"None of the {len(papers):,} indexed papers has"
    hint = (f" {have} {what}: ingest a BibTeX, RIS, Zotero or OpenAlex export to add them."
            if known < len(papers) else "")
    return f"No paper in the index is {only.phrase()}.{hint}"


def _name_at(text: str, start: int) -> tuple[str, int]:
    """The capitalised name that starts at start ("Kenji Sato use Lean" -> "Kenji Sato"), and where it ends."""
    words, end = [], start
    for match in re.finditer(r"\S+", text[start:]):
        word = match.group().rstrip(",;")
        if not (word[:1].isupper() or (words and word.lower() in _PARTICLES)) or len(words) == 4:
            break
        words.append(word)
        end = start + match.start() + len(word)
    while words and words[-1].lower() in _PARTICLES:
        words.pop()
    return " ".join(words), end


def _tokens(name: str) -> list[str]:
    return re.findall(r"[a-z]+", fold(name))


def _same_person(asked: str, author: str) -> bool:
    """"Sato", "Kenji Sato", "K. Sato" and "sato" all name "Kenji Sato"; accents and case do not count."""
    have = _tokens(author)
    return all(any(h == t or (len(t) == 1 and h.startswith(t)) for h in have) for t in _tokens(asked)) and bool(
        _tokens(asked))
