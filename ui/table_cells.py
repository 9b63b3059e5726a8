"""A comparison table that fits in a chat message.

The engine fills each cell with a whole abstract sentence: two papers by four aspects is a wall of text that
overflows the chat at 1366 px and cannot be read on a phone. In the message each long cell shows its key phrase
(the sentence without its opening formula, cut to a few words, or the words around its first figure); the whole
sentence shows on hover (a title) and on a click or tap (the page's script toggles `open`, see
ui/page_assets.py). The "In short" list under a table repeats the table's cells, so it is left out.
"""

from __future__ import annotations

import html
import re

from ui.inert_markdown import attribute

KEY_WORDS = 7  # a key phrase's length: two or three lines of a narrow column
_SLACK = 2  # a sentence at most this many words longer than a key phrase is shown whole
_OPENERS = re.compile(
    r"^(?:(?:however|notably|moreover|furthermore|additionally|in addition|specifically|importantly|finally|"
    r"overall|in particular|as a result|to this end|to address (?:this|these)(?: \w+)?|"
    r"in this (?:paper|work|study|article)|here)\s*,?\s+)+",
    re.IGNORECASE,
)
_WE_DO = re.compile(r"^we\s+(?:propose|introduce|present|develop|design|build|construct|create|release|show|"
                    r"find|demonstrate|generate|describe)\s+(?:that\s+)?", re.IGNORECASE)
# "X has made progress, yet it still struggles with Y": what the problem is comes after the turn.
_TURN = re.compile(r"(?:,\s*(?:yet|but|while)|;\s*however,?)\s+", re.IGNORECASE)
_FIGURE = re.compile(r"^\W?\d")  # a token that starts with a figure (64.8%, 574K), not a name holding one (7B)
_ROW = re.compile(r"^\s*\|")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")
_OUR_LINK = re.compile(r"(<a class=\"cite\"[^>]*>\[\d+\]</a>)")
_SUMMARY = re.compile(r"\n*^In short:\n(?:- .*(?:\n|$))+", re.MULTILINE)


def key_phrase(sentence: str, words: int = KEY_WORDS) -> str:
    """The telling words of a sentence (Markdown-escaped text in, the same out, cut only at spaces)."""
    text = " ".join(sentence.split())
    core = _WE_DO.sub("", _OPENERS.sub("", text)) or text
    turn = _TURN.search(core)
    if turn and not _FIGURE.search(core[: turn.start()].split()[-1] if core[: turn.start()].split() else ""):
        core = core[turn.end():] or core
    if core != text and core[:1].isalpha():
        core = core[0].upper() + core[1:]
    tokens = core.split()
    if len(tokens) <= words + _SLACK:
        return core
    figure = next((i for i, token in enumerate(tokens) if _FIGURE.search(token)), None)
    if figure is not None and figure >= words - 2:  # a result: the words around its first figure
        start = max(0, figure - 3)
        window = " ".join(tokens[start:start + words])
        return "…" + (window if start + words >= len(tokens) else window.rstrip(",;:") + "…")
    return " ".join(tokens[:words]).rstrip(",;:") + "…"


def _plain(markdown_text: str) -> str:
    """What an escaped piece of text reads as: backslash escapes and entities undone."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown_text))


def _compact_piece(piece: str) -> str:
    text = piece.strip()
    # Our own tags (an unsupported mark) are never cut; data reaches here escaped, so `<` is only ever ours.
    if "<" in text or len(text.split()) <= KEY_WORDS + _SLACK:
        return piece
    lead = piece[: len(piece) - len(piece.lstrip())]
    tail = piece[len(piece.rstrip()):]
    return (f'{lead}<span class="cell" tabindex="0" role="button" title="{attribute(_plain(text))}">'
            f'<span class="cell-key">{key_phrase(text)}'
            f'</span><span class="cell-full">{text}</span></span>{tail}')


def _compact_cell(cell: str) -> str:
    return "".join(part if _OUR_LINK.fullmatch(part) else _compact_piece(part) for part in _OUR_LINK.split(cell))


def compact_cells(markdown: str) -> str:
    """Every long table cell of a message as its key phrase with the whole sentence to expand."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if _ROW.match(line) and not _SEPARATOR.match(line):
            lines[i] = "|".join(_compact_cell(cell) for cell in _CELL_BAR.split(line))
    return "\n".join(lines)


def has_table(markdown: str) -> bool:
    return any(_ROW.match(line) for line in markdown.splitlines())


def without_summary(markdown: str) -> str:
    """The text without an "In short" list when a table already shows what it says."""
    return _SUMMARY.sub("", markdown).rstrip() if has_table(markdown) else markdown
