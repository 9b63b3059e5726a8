"""BibTeX (.bib) as Zotero, Mendeley, JabRef and Google Scholar export it: entries with an `abstract` field.

bibtexparser reads the structure (nested braces, quoted values, `@string` macros, `#` concatenation) and
pylatexenc turns the LaTeX inside values into text ({\\"u} -> ü, \\textbf{x} -> x). An entry without an abstract
is rejected with its line, not dropped: a library half of whose entries lack abstracts should say so.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ingest.library import arxiv_id_of, first_last, latex_to_text, library_paper
from ingest.records import BOM, Found, LocatedRecords, Records, Rejected, bad_bytes, not_utf8, unlocated
from ingest.source import Source, open_source

_ENTRY = re.compile(r"^\s*@\s*[a-z]+\s*[{(]", re.I | re.M)
# Blocks that are not papers: macros, comments and preambles are read by the parser, not ingested.
_NOT_PAPERS = {"string", "comment", "preamble"}
_VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "series", "publisher", "howpublished")


def looks_like(head: str) -> bool:
    """An `@article{`-style block near the top, for input with no .bib extension to go by."""
    return bool(_ENTRY.search(head.lstrip(BOM)[:4096]))


def read(path: Path, max_chars: int = 200_000) -> Records:
    with open_source(path) as source:
        yield from unlocated(read_located(source, max_chars))


def read_located(source: Source, max_chars: int = 200_000) -> LocatedRecords:
    import bibtexparser

    name = source.name
    # surrogateescape: an undecodable byte costs the entry it sits in (see bad_bytes), not the file.
    text = source.stream.read().decode("utf-8", errors="surrogateescape").lstrip(BOM)
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # its warnings repeat what the rejections say
    library = bibtexparser.parse_string(text)
    blocks = sorted([*library.entries, *library.failed_blocks], key=lambda b: b.start_line)
    for block in blocks:
        where = f"line {block.start_line + 1}"
        # A repeated citation key is no reason to lose a paper: the entry itself parsed.
        block = getattr(block, "ignore_error_block", None) or block
        if not hasattr(block, "fields_dict"):
            if _block_type(block.raw) not in _NOT_PAPERS:
                yield Rejected(name, where, _failure(block))
            continue
        fields = {key.lower(): str(value) for key, value in block.fields_dict.items() for value in [value.value]}
        if byte := bad_bytes("".join(fields.values())):
            yield not_utf8(name, where, byte)
            continue
        yield _paper(fields, name, where, max_chars)


def _paper(fields: dict[str, str], name: str, where: str, max_chars: int) -> Found | Rejected:
    text = {key: latex_to_text(value) for key, value in fields.items()}
    authors = [latex_to_text(a) for a in _split_names(fields.get("author", ""))]
    eprint = fields.get("eprint", "") if fields.get("archiveprefix", "arxiv").lower() == "arxiv" else ""
    return library_paper(
        title=text.get("title", ""), abstract=text.get("abstract", ""), source=name, where=where,
        authors=[first_last(a) for a in authors], year=fields.get("year") or fields.get("date"),
        venue=next((text[k] for k in _VENUE_FIELDS if text.get(k)), ""), doi=fields.get("doi", ""),
        arxiv_id=arxiv_id_of(eprint, fields.get("url", ""), fields.get("arxivid", "")), url=fields.get("url", ""),
        max_chars=max_chars,
    )


def _split_names(value: str) -> list[str]:
    """BibTeX separates authors with " and " at brace depth 0 ({Barnes and Noble} is one name)."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start:match.start()])
            start = match.end()
    names.append(value[start:])
    return [" ".join(n.split()) for n in names if n.strip() and n.strip().lower() != "others"]



def _block_type(raw: str) -> str:
    match = re.match(r"\s*@\s*(\w+)", raw or "")
    return match.group(1).lower() if match else ""


def _failure(block: object) -> str:
    error = getattr(block, "error", None)
    reason = " ".join(str(getattr(error, "abort_reason", "") or error or "").split())
    detail = f" ({reason})" if reason else ""
    return (f"not valid BibTeX{detail}: an unclosed brace or quote, or a missing comma between fields; fix the "
            "entry (the entries after it are still read)")
