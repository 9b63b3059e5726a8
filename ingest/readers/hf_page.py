"""The trending-papers page captured as text: furniture lines, then title/abstract line pairs."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.records import BOM, LocatedRecords, Records, Rejected, bad_bytes, make_paper, not_utf8, unlocated
from ingest.source import Source, open_source

FURNITURE = {
    "new",
    "get trending papers in your email inbox!",
    "subscribe",
    "byak and the research community",
}
_DATE = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(, \d{4})?$", re.I)
# An upvote count glued after the abstract's final period: "...InfinityMATH.276"
_UPVOTES = re.compile(r"(?<=[a-z)\]}.!?][.!?])\d{1,5}$", re.I)


def looks_like(head: str) -> bool:
    lines = [ln.strip().lower() for ln in head.splitlines() if ln.strip()]
    return any(ln in FURNITURE for ln in lines[:6])


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    name = source.name
    # surrogateescape: an undecodable byte costs only the title/abstract pair it sits in (see bad_bytes).
    text = source.stream.read().decode("utf-8", errors="surrogateescape").lstrip(BOM)
    lines = [ln.strip() for ln in text.splitlines()]
    content = [(i + 1, ln) for i, ln in enumerate(lines) if ln]
    while content and (content[0][1].lower() in FURNITURE or _DATE.match(content[0][1])):
        content.pop(0)
    for k in range(0, len(content) - 1, 2):
        (title_line, title), (abstract_line, abstract) = content[k], content[k + 1]
        where = f"line {title_line}"
        bad = [(n, b) for n, b in ((title_line, bad_bytes(title)), (abstract_line, bad_bytes(abstract))) if b]
        if bad:
            line, byte = bad[0]
            yield not_utf8(name, f"line {line}", byte)
            continue
        abstract = _UPVOTES.sub("", abstract)
        yield make_paper({"title": title, "abstract": abstract}, source=name, where=where, max_chars=max_chars)
    if len(content) % 2:
        yield Rejected(name, f"line {content[-1][0]}", "a title with no abstract line after it")
