"""Untrusted text made into Markdown that can make no link, image or HTML.

Titles, authors, abstracts, model output, rewritten questions and error messages all reach pages and files
that render Markdown (the chat, the exported conversation). `html.escape` is not enough there: `![x](http://…)`
loads an image from the writer's server (a way to leak the conversation), `[t](javascript:…)`, `<javascript:…>`
and GFM's bare `https://…`, `www.…` and `a@b.c` become links. Escaping is the one mechanism: an entity for
`<`, `>` and `&`, a backslash before the rest of Markdown's punctuation (CommonMark lets any ASCII punctuation
be escaped); an escaped character shows as typed and starts nothing.

Two strengths, for two kinds of text:
- `as_typed`: text that is only data (a title, a question, streamed tokens) shows exactly as typed.
- `formatting_only`: Markdown we composed around data (an answer with its bold names, lists, tables and
  citation markers) keeps that formatting, but loses every way to make a link, an image or HTML.

Both write `<`, `>` and `&` as entities for the page (see `_ENTITY`). A Markdown file for people to read (the
export) asks for `entities=False`: a backslash escape is just as inert there, and reads as the character itself
in any text editor, where `&amp;` would not. `attribute` is the third way in: data inside one of our own tags'
attributes.
"""

from __future__ import annotations

import re
from html import escape

from rag.text.markers import MARKER

# What starts a link, image, raw HTML, entity, code span or autolink, wherever it stands: brackets, `<`, `>`, `&`,
# backticks; `(` or `:` right after a `]` (an inline link, or a reference definition that makes a bare `[1]`
# live); and the `:` of `://`, the `.` of `www.` and `@` that GFM turns into links without any brackets.
_LINKING = r"[\[\]<>&`@]|(?<=\])[(:]|:(?=//)|(?i:(?<=www))\."
# Formatting that data must not make either: emphasis, strikethrough, headings, table cells.
_FORMATTING = r"[\\*_~#|]"
_AS_TYPED = re.compile(f"{_FORMATTING}|{_LINKING}")
# An escape already there (`\[` from `escape_markers`, `\|` in table cells) already makes its character inert.
_FORMATTING_ONLY = re.compile(rf"(?P<kept>\\[!-/:-@\[-`{{-~]|{MARKER.pattern})|{_LINKING}")
# At a line start, these open a list or underline a heading; indentation would open a code block.
_LINE_START = re.compile(r"^[ \t]*(?:([-+=])|(\d+)([.)]))?", re.MULTILINE)
# Entities, not backslashes, for what HTML reads: they stay inert even where Markdown is not parsed (an HTML
# block, an attribute), and a test for "no `<img`" in the message means what it says.
_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_BACKSLASHED = {"<": "\\<", ">": "\\>", "&": "\\&"}
_WEB_URL = re.compile(r"https?://[^\x00-\x20\s<>\"'`{}\\]+", re.IGNORECASE)


def _escaped(char: str, entities: bool = True) -> str:
    return (_ENTITY if entities else _BACKSLASHED).get(char) or "\\" + char


def as_typed(text: str, *, entities: bool = True) -> str:
    """Data as Markdown that displays exactly as typed, wherever in a line it is put.

    Line breaks are kept, so a streamed reply keeps its lines; callers that want one line join it themselves."""
    text = _AS_TYPED.sub(lambda m: _escaped(m.group(0), entities),
                         text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LINE_START.sub(_line_start, text)


def _line_start(match: re.Match[str]) -> str:
    """A line's opening list marker or underline, escaped; its indentation, dropped (Markdown shows none)."""
    if match[1]:
        return "\\" + match[1]
    return f"{match[2]}\\{match[3]}" if match[2] else ""


def formatting_only(markdown: str, *, entities: bool = True) -> str:
    """Our Markdown with data inside: emphasis, lists, tables and citation markers `[n]` still render, but no
    link, image, HTML or autolink can form, whatever the data says.

    Data brackets are escaped, so the only live `]` left ends a citation marker, and what could follow it to
    make a link is escaped too. Escapes already there are kept whole (escaping the `[` of `\\[` again would make
    the backslash literal and the `[` live); an escaped `<`, `>` or `&` becomes its entity, which shows the same."""
    return _FORMATTING_ONLY.sub(lambda m: _keep_or_escape(m, entities), markdown)


def _keep_or_escape(match: re.Match[str], entities: bool) -> str:
    kept = match["kept"]
    if kept is None:
        return _escaped(match.group(0), entities)
    if kept.startswith("\\") and entities:
        return _ENTITY.get(kept[1:], kept)
    return kept


def attribute(text: str) -> str:
    """Data for one of our tags' attributes (a title shown on hover): HTML-escaped, on one line, with brackets
    and bars as entities, so a renderer that failed to read the tag as HTML would find no link syntax in it, and
    a table row holding the tag is not split at the data's `|`."""
    return (escape(" ".join(text.split())).replace("[", "&#91;").replace("]", "&#93;")
            .replace("|", "&#124;"))


def code_span(text: str) -> str:
    """Text in a code span (shown literally, nothing inside is parsed) that no backtick inside it can close."""
    text = " ".join(text.split())
    fence = "`" * (1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def web_url(url: str) -> str | None:
    """The URL when it is safe to link as itself (http or https, and nothing that could end the link early or
    break out of a BibTeX field); None for anything else, such as `javascript:` or an address with spaces."""
    url = url.strip()
    return url if _WEB_URL.fullmatch(url) else None
