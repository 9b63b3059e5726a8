"""An Answer as the chat message the page shows, and the growing prefixes that stream it in.

Answer text quotes abstracts, and abstracts are untrusted input (one may hold `<script>` or
`![x](http://…)`), as are model output, rewritten questions and error messages. Every piece of it goes through
ui/inert_markdown.py before the few tags we add ourselves (citation links, unsupported marks), so it can make
no link, image or HTML on a page that renders Markdown; text inside our tags' attributes is HTML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from rag.text.markers import MARKER, numbers_of
from rag.types import Answer
from ui.inert_markdown import as_typed, formatting_only

_TABLE_LINE = re.compile(r"^\s*\|")
_SEPARATOR_LINE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def source_anchor(turn: int, n: int) -> str:
    """The id of citation n of a turn in the sources panel; chat links point at it."""
    return f"src-{turn}-{n}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _attribute(text: str) -> str:
    """Data for one of our tags' attributes: HTML-escaped, on one line, and with brackets as entities, so that
    a renderer that failed to read the tag as HTML would still find no link syntax in it."""
    return escape(_one_line(text)).replace("[", "&#91;").replace("]", "&#93;")


def _link_markers(text: str, answer: Answer, turn: int) -> str:
    """`[n]` -> a link to source n of this turn; numbers that cite nothing stay plain text."""
    titles = {c.n: c.title for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        numbers = numbers_of(match)
        if not all(n in titles for n in numbers):
            return match.group(0)
        return "".join(
            f'<a class="cite" href="#{source_anchor(turn, n)}" '
            f'title="{_attribute(titles[n])}">[{n}]</a>'
            for n in numbers
        )

    return MARKER.sub(link, text)


def _mark_unsupported(text: str, answer: Answer) -> tuple[str, list[str]]:
    """Wraps unsupported sentences found in the (made inert) text; returns the notes for those listed below it."""
    notes = []
    for sentence in answer.sentences:
        if sentence.verified:
            continue
        reason = _one_line(sentence.reason) or "the cited abstract does not support it"
        needle = formatting_only(_one_line(sentence.text))
        if needle and needle in text:
            text = text.replace(
                needle,
                f'<span class="unsupported" title="Not supported: {escape(reason)}">{needle}</span>'
                '<sup class="unsupported-flag">⚠ unsupported</sup>',
                1,
            )
        notes.append(f"⚠ **Not supported by its source:** “{needle}” — {formatting_only(reason)}")
    return text, notes


def _table_from_rows(rows: list[dict]) -> str:
    """A Markdown table from `Answer.table`, for comparative answers whose text does not carry one itself."""
    columns = list(dict.fromkeys(key for row in rows for key in row))

    def cell(value: object) -> str:
        return as_typed(_one_line("" if value is None else str(value)))

    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def answer_markdown(answer: Answer, turn: int) -> str:
    """The whole chat message for one answer (what the stream ends on)."""
    parts = []
    if answer.searched_query != answer.query:
        parts.append(f'<span class="searched">Searching for: {as_typed(_one_line(answer.searched_query))}</span>')
    # Links first: the marks added next carry reasons such as "not in [1]" inside attributes, left as typed.
    text = _link_markers(formatting_only(answer.answer.strip()), answer, turn)
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
    """An error as a chat message: readable, shown as typed, never a traceback."""
    return f'<span class="chat-error">⚠ {as_typed(_one_line(message))}</span>'
