"""An Answer as the chat message the page shows, and the growing prefixes that stream it in.

Answer text quotes abstracts, and abstracts are untrusted input (one may hold `<script>` or
`![x](http://…)`), as are model output, rewritten questions and error messages. Every piece of it goes through
ui/inert_markdown.py before the few tags we add ourselves (citation links, unsupported marks, compact table
cells, a refusal's closest papers), so it can make no link, image or HTML on a page that renders Markdown; text
inside our tags' attributes is HTML-escaped.

Each citation link names the sentence(s) of its quote that the text before it restates, so a click can light up
those alone (ui/page_assets.py); a table's long cells show their key phrase (ui/table_cells.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html import escape, unescape

from rag.text.markers import MARKER, numbers_of
from rag.types import Answer, Citation
from ui.inert_markdown import as_typed, attribute, formatting_only
from ui.table_cells import compact_cells, has_table, without_summary

_TABLE_LINE = re.compile(r"^\s*\|")
_SEPARATOR_LINE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


QUOTE_JOIN = " … "  # how a citation's quote joins the sentences it holds


def source_anchor(turn: int, n: int) -> str:
    """The id of citation n of a turn in the sources panel; chat links point at it."""
    return f"src-{turn}-{n}"


def near_anchor(turn: int, k: int) -> str:
    """The id of a refusal's k-th closest paper in the sources panel."""
    return f"near-{turn}-{k}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", unescape(text).lower()))


def quoted_behind(segment: str, citation: Citation) -> list[int]:
    """Which sentences of a citation's quote (by position in it) the text before one marker restates: those are
    the ones its click highlights. None found (a model's paraphrase, a paper's name): the click shows them all."""
    said = _words(segment)
    if len(said.split()) < 3:
        return []
    return [i for i, part in enumerate(citation.quote.split(QUOTE_JOIN))
            if (words := _words(part)) and (words in said or said in words)]


def _link_markers(text: str, answer: Answer, turn: int) -> str:
    """`[n]` -> a link to source n of this turn, naming the quoted sentence(s) the text before it restates;
    numbers that cite nothing stay plain text."""
    cited = {c.n: c for c in answer.citations}
    ends = [m.end() for m in MARKER.finditer(text)]

    def link(match: re.Match[str]) -> str:
        numbers = numbers_of(match)
        if not all(n in cited for n in numbers):
            return match.group(0)
        start = max([0, *(e for e in ends if e <= match.start()), text.rfind("|", 0, match.start()) + 1,
                     text.rfind("\n", 0, match.start()) + 1])
        segment = text[start:match.start()]
        links = []
        for n in numbers:
            behind = quoted_behind(segment, cited[n])
            # `rel` carries them: the chat's sanitizer keeps it on a link, and drops data-* attributes.
            shows = f' rel="{" ".join(f"q{i}" for i in behind)}"' if behind else ""
            links.append(f'<a class="cite" href="#{source_anchor(turn, n)}" title="{attribute(cited[n].title)}"'
                         f"{shows}>[{n}]</a>")
        return "".join(links)

    return MARKER.sub(link, text)


def closest_papers(answer: Answer) -> list[tuple[str, str]]:
    """A refusal's closest papers as (paper id, title), in the order its text lists them."""
    if not answer.refused:
        return []
    titles = {_one_line(e.title): e.paper_id for e in answer.evidence}
    listed = [_one_line(line[2:]) for line in answer.answer.splitlines() if line.startswith("- ")]
    return list(dict.fromkeys((titles[t], t) for t in listed if t in titles))


def _link_closest(text: str, answer: Answer, turn: int) -> str:
    """A refusal's closest papers made clickable: each opens its abstract in the sources panel. A span whose
    class names the card (the page's script follows it), not a link: every link in a message is a citation."""
    for k, (_, title) in enumerate(closest_papers(answer), start=1):
        shown = formatting_only(title)
        text = text.replace(f"\n- {shown}", f'\n- <span class="paper-link {near_anchor(turn, k)}" '
                                             f'title="Open its abstract">{shown}</span>', 1)
    return text


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


def answer_markdown(answer: Answer, turn: int, scope: Sequence[str] = ()) -> str:
    """The whole chat message for one answer (what the stream ends on). `scope`: the titles of the papers the
    question was asked within, shown above the answer."""
    parts = []
    if scope:
        within = "; ".join(f"“{as_typed(_one_line(title))}”" for title in scope)
        parts.append(f'<span class="scope-line">Asked within: {within}</span>')
    if answer.searched_query != answer.query:
        parts.append(f'<span class="searched">Searching for: {as_typed(_one_line(answer.searched_query))}</span>')
    # Links first: the marks added next carry reasons such as "not in [1]" inside attributes, left as typed.
    text = _link_markers(formatting_only(without_summary(answer.answer.strip())), answer, turn)
    text = _link_closest(text, answer, turn)
    text, notes = _mark_unsupported(text, answer)
    notes = [_link_markers(note, answer, turn) for note in notes]
    parts.append(compact_cells(text))
    if answer.table and not has_table(text):
        parts.append(compact_cells(_table_from_rows(answer.table)))
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
        bits.append(f"{len(answer.citations)} source{'s' * (len(answer.citations) != 1)}: click a number to read it")
    if answer.tokens:
        bits.append(f"{answer.tokens.get('prompt', 0):,} prompt + {answer.tokens.get('completion', 0):,} completion "
                    "tokens")
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


def stopped_markdown() -> str:
    return '<span class="stopped">⏹ Stopped before the answer was finished. Ask again to get it.</span>'


def error_markdown(message: str) -> str:
    """An error as a chat message: readable, shown as typed, never a traceback."""
    return f'<span class="chat-error">⚠ {as_typed(_one_line(message))}</span>'
