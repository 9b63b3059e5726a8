"""An Answer as the chat message the page shows, and the growing prefixes that stream it in.

Answer text quotes abstracts, and abstracts are untrusted input (one may hold `<script>`), so every piece of
it is HTML-escaped before the few tags we add ourselves (citation links, unsupported marks). Escaping HTML is not
enough on a page that renders Markdown: `[text](javascript:...)` or `![](http://...)` in a title or a quote would
become a link or an image, so brackets that are not citation markers are shown as entities, which Markdown
never reads as link syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from rag.text.markers import KEPT_BRACKETS, MARKER, numbers_of
from rag.types import Answer

_TABLE_LINE = re.compile(r"^\s*\|")
_SEPARATOR_LINE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def source_anchor(turn: int, n: int) -> str:
    """The id of citation n of a turn in the sources panel; chat links point at it."""
    return f"src-{turn}-{n}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _literal_brackets(text: str) -> str:
    """Every other `[` and `]` as an HTML entity: it looks the same, but starts no Markdown link or image."""
    parts = KEPT_BRACKETS.split(text)
    return "".join(part if i % 2 else part.replace("[", "&#91;").replace("]", "&#93;")
                   for i, part in enumerate(parts))


def inert_markdown(text: str) -> str:
    """Abstract-borne text made inert for any Markdown renderer: HTML escaped, and no brackets that could start
    a link or image; citation markers `[n]` are kept."""
    return _literal_brackets(escape(text, quote=False))


def _link_markers(text: str, answer: Answer, turn: int) -> str:
    """`[n]` -> a link to source n of this turn; numbers that cite nothing stay plain text."""
    titles = {c.n: c.title for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        numbers = numbers_of(match)
        if not all(n in titles for n in numbers):
            return match.group(0)
        return "".join(
            f'<a class="cite" href="#{source_anchor(turn, n)}" '
            f'title="{_literal_brackets(escape(_one_line(titles[n])))}">[{n}]</a>'
            for n in numbers
        )

    return MARKER.sub(link, text)


def _mark_unsupported(text: str, answer: Answer) -> tuple[str, list[str]]:
    """Wraps unsupported sentences found in the (escaped) text; returns the notes for the ones listed below it."""
    notes = []
    for sentence in answer.sentences:
        if sentence.verified:
            continue
        reason = _one_line(sentence.reason) or "the cited abstract does not support it"
        needle = _literal_brackets(escape(_one_line(sentence.text), quote=False))
        if needle and needle in text:
            text = text.replace(
                needle,
                f'<span class="unsupported" title="Not supported: {escape(reason)}">{needle}</span>'
                '<sup class="unsupported-flag">⚠ unsupported</sup>',
                1,
            )
        notes.append(f"⚠ **Not supported by its source:** “{_literal_brackets(escape(_one_line(sentence.text)))}” — "
                     f"{escape(reason)}")
    return text, notes


def _table_from_rows(rows: list[dict]) -> str:
    """A Markdown table from `Answer.table`, for comparative answers whose text does not carry one itself."""
    columns = list(dict.fromkeys(key for row in rows for key in row))

    def cell(value: object) -> str:
        return _literal_brackets(escape(_one_line("" if value is None else str(value)))).replace("|", "\\|")

    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def answer_markdown(answer: Answer, turn: int) -> str:
    """The whole chat message for one answer (what the stream ends on)."""
    parts = []
    if answer.searched_query != answer.query:
        parts.append(f'<span class="searched">Searching for: {escape(_one_line(answer.searched_query))}</span>')
    # Links first: the marks added next carry reasons such as "not in [1]" inside attributes, left as typed.
    text = _link_markers(inert_markdown(answer.answer.strip()), answer, turn)
    text, notes = _mark_unsupported(text, answer)
    notes = [_link_markers(note, answer, turn) for note in notes]
    has_table = any(_TABLE_LINE.match(line) for line in text.splitlines())
    parts.append(text)
    if answer.table and not has_table:
        parts.append(_table_from_rows(answer.table))
    if notes:
        parts.append("\n".join(notes))
    parts.append(_footer(answer))
    return "\n\n".join(parts)


def _footer(answer: Answer) -> str:
    bits = [answer.mode]
    if answer.refused:
        bits.append("no supporting sentence found")
    elif answer.sentences:
        bits.append(f"{answer.verified_count}/{len(answer.sentences)} sentences verified")
    if answer.citations:
        bits.append(f"{len(answer.citations)} source{'s' * (len(answer.citations) != 1)} → panel on the right")
    total = answer.timings_ms.get("total")
    if total is not None:
        bits.append(f"{total / 1000:.2f} s")
    return f'<span class="answer-meta">{escape(" · ".join(bits))}</span>'


def stream_prefixes(message: str) -> Iterator[str]:
    """Growing prefixes of the message, ending on the whole of it.

    Cuts fall after a citation link (the end of an extractive sentence) or at a line end, so no prefix ends
    inside a tag; a table appears with its header and separator together, then row by row.
    """
    cuts: list[int] = []
    lines = message.split("\n")
    position = 0
    for i, line in enumerate(lines):
        if not _TABLE_LINE.match(line):
            cuts += [position + m.end() for m in re.finditer(r"</a>(?=\s)", line)]
        next_is_separator = i + 1 < len(lines) and _SEPARATOR_LINE.match(lines[i + 1])
        position += len(line) + 1
        if not next_is_separator and line.strip():
            cuts.append(position - 1)
    for cut in sorted(set(cuts)):
        if cut < len(message):
            yield message[:cut]
    yield message


def error_markdown(message: str) -> str:
    """An error as a chat message: readable, escaped, never a traceback."""
    return f'<span class="chat-error">⚠ {escape(_one_line(message))}</span>'
