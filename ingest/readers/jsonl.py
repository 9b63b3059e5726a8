"""JSON Lines: paper exports (`title`, `abstract`), BEIR `corpus.jsonl` (`_id`, `title`, `text`), the
arXiv metadata snapshot (`id`, `title`, `abstract`, `authors`, `update_date`), OpenAlex works and Semantic Scholar
papers (their fields are read by ingest.readers.openalex and .semantic_scholar). One reader, five key maps.

A `.json` file holding one array of such objects is read too: exports often come that way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ingest.readers import openalex, semantic_scholar
from ingest.records import BOM, InputError, LocatedRecords, Records, Rejected, make_paper, not_utf8, unlocated
from ingest.source import Source, open_source

# Python's parser recurses once per level and gives up near a thousand; a paper is a flat object.
TOO_DEEP = "JSON nested too deeply to read (a paper record is one flat JSON object)"
_SPACE = re.compile(r"\s*")
# What a value that is too deep to parse is skipped by: its strings (so their brackets don't count) and brackets.
# A string left open runs to the end, so the scan stops there instead of retrying at each quote inside it.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)|[\[\]{}]')


def flavour_of(first: dict) -> str:
    if openalex.looks_like(first):
        return "openalex"
    if semantic_scholar.looks_like(first):
        return "s2"
    if "_id" in first and "text" in first:
        return "beir"
    if "abstract" in first and ("update_date" in first or "versions" in first or "submitter" in first):
        return "arxiv"
    return "papers"


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    if source.head.lstrip().removeprefix(BOM.encode()).lstrip().startswith(b"["):
        yield from _records(source.name, _array_items(source), max_chars)
    else:
        yield from _records(source.name, _lines(source), max_chars)


def _lines(source: Source) -> Iterator[tuple[str, object]]:
    """(where, decoded object or Rejected) per non-blank line; bad lines cost only themselves."""
    for number, raw_line in enumerate(source.stream, start=1):
        where = f"line {number}"
        try:
            line = raw_line.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            yield where, not_utf8(source.name, where, f"0x{raw_line[exc.start]:02X}")
            continue
        if number == 1:
            line = line.lstrip(BOM)
        if not line:
            continue
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, Rejected(source.name, where, f"not valid JSON ({exc.msg})")
        except RecursionError:
            yield where, Rejected(source.name, where, TOO_DEEP)


def _array_items(source: Source) -> Iterator[tuple[str, object]]:
    """The array's items one at a time, so one item too deep to parse costs only itself."""
    try:
        text = source.stream.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source.name} is not valid UTF-8 (byte {exc.start:,}); save it as UTF-8.") from exc
    decoder = json.JSONDecoder()
    pos = _after_space(text, text.index("[") + 1)
    number = 0
    while pos < len(text) and text[pos] != "]":
        number += 1
        where = f"record {number}"
        try:
            item, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise _broken_array(source.name, exc) from exc
        except RecursionError:
            pos, item = _end_of_value(source.name, text, pos), Rejected(source.name, where, TOO_DEEP)
        yield where, item
        pos = _after_space(text, pos)
        if text.startswith(",", pos):
            pos = _after_space(text, pos + 1)
        elif not text.startswith("]", pos):
            raise _broken_array(source.name, json.JSONDecodeError("Expecting ',' delimiter", text, pos))
    if pos >= len(text):
        raise _broken_array(source.name, json.JSONDecodeError("Expecting value", text, pos))
    if text[pos + 1 :].strip():
        raise _broken_array(source.name, json.JSONDecodeError("Extra data", text, _after_space(text, pos + 1)))


def _after_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _end_of_value(name: str, text: str, pos: int) -> int:
    """Where the array or object starting at pos ends, found by counting brackets, for values too deep to parse."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text, pos):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
            if depth == 0:
                return match.end()
    raise _broken_array(name, json.JSONDecodeError("Unterminated array or object", text, pos))


def _broken_array(name: str, exc: json.JSONDecodeError) -> InputError:
    return InputError(
        f"{name} is a JSON array that does not parse (line {exc.lineno}: {exc.msg}); "
        "fix it, or export one JSON object per line (JSON Lines)."
    )


def _api_pages(items: Iterable[tuple[str, object]]) -> Iterator[tuple[str, object]]:
    """An OpenAlex (`{"results": [...]}`) or Semantic Scholar (`{"data": [...]}`) API page saved as is: its papers."""
    for where, obj in items:
        papers = obj.get("results") or obj.get("data") if isinstance(obj, dict) and "title" not in obj else None
        if isinstance(papers, list):
            yield from ((f"{where}, item {k}", item) for k, item in enumerate(papers, start=1))
        else:
            yield where, obj


def _records(name: str, items: Iterable[tuple[str, object]], max_chars: int) -> LocatedRecords:
    flavour: str | None = None
    for where, obj in _api_pages(items):
        if isinstance(obj, Rejected):
            yield obj
            continue
        if not isinstance(obj, dict):
            yield Rejected(name, where, "not a JSON object")
            continue
        flavour = flavour or flavour_of(obj)
        if flavour in ("openalex", "s2"):
            yield (openalex if flavour == "openalex" else semantic_scholar).paper(obj, name, where, max_chars)
            continue
        if flavour == "beir":
            if not str(obj.get("title") or "").strip() and str(obj.get("_id") or "").strip():
                # BEIR corpora have documents without titles (TREC-COVID, NFCorpus...): they must stay findable,
                # so they are named by their id rather than rejected.
                obj = {**obj, "title": f"Untitled document {obj['_id']}"}
            yield make_paper(obj, source=name, where=where, id_key="_id", text_key="text", max_chars=max_chars)
            continue
        if flavour == "arxiv" and isinstance(obj.get("authors_parsed"), list):
            names = [" ".join(reversed([str(part) for part in a[:2] if part])) for a in obj["authors_parsed"]]
            obj = {**obj, "authors": names}
        if flavour == "arxiv" and obj.get("id") and not obj.get("url"):
            obj = {**obj, "url": f"https://arxiv.org/abs/{obj['id']}"}
        yield make_paper(obj, source=name, where=where, max_chars=max_chars)
