"""Text normalisation shared by readers, matching of titles, and lexical search."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Unwrapped with a space after a word they are glued to ("development\url{x}" reads "development x").
_COMMANDS = ("textbf", "textit", "emph", "texttt", "mathrm", "mathbf", "text", "url", "href")
# A brace, or a command that opens one: `\name{` anywhere, or one of _COMMANDS without its backslash
# ("textbf{x}") at a word start.
_BRACE = re.compile(rf"\\(?P<macro>[A-Za-z]+)\{{|(?<![A-Za-z])(?P<bare>{'|'.join(_COMMANDS)})\{{|[{{}}]")
_WORD_CHAR = re.compile(r"\w")
# Math delimiters around plain words, pandoc's way: no space just inside either `$`, and no digit right after
# the closing one, so "costs $5 and $10" is a price, not math.
_PLAIN_MATH = re.compile(r"\$(?!\s)([^$]{0,200}?)(?<!\s)\$(?!\d)")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class _Group:
    """One open brace while the text is read: where its opener sits in the output, and what it holds so far."""

    at: int  # index of the opener in the output list
    name: str  # the command's name; "" for a bare brace
    glued: bool  # the opener follows a word character ("development\\url{")
    plain: bool = True  # nothing braced is left inside, so a command can still be unwrapped
    last: str = ""  # the last character of what it holds, for a command glued after it


def strip_latex(text: str) -> str:
    """`$\\textbf{Only-IF}$` -> `Only-IF`, `\\url{x}` -> `x`, `\\Name{}` -> `Name`; leaves other dollars alone.

    One pass with a stack of open braces: a command is unwrapped when its `}` arrives and nothing braced is left
    inside it, by blanking its opener in place. Rescanning the text until nothing changes costs one pass per level
    of nesting, and copying each group's text into its parent one copy per level: hours for a hostile upload of
    `\\a{\\a{...}}`.
    """
    out: list[str] = []
    stack = [_Group(at=-1, name="", glued=False)]  # the text itself, never closed
    start = 0
    for match in _BRACE.finditer(text):
        top = stack[-1]
        if match.start() > start:
            out.append(text[start : match.start()])
            top.last = text[match.start() - 1]
        start = match.end()
        token = match.group()
        if token != "}":
            name = match["macro"] or match["bare"] or ""
            stack.append(_Group(at=len(out), name=name, glued=bool(_WORD_CHAR.match(top.last))))
            out.append(token)
            continue
        if len(stack) == 1:  # a `}` that closes nothing
            out.append(token)
            top.last = token
            continue
        group = stack.pop()
        parent = stack[-1]
        if not group.name or not group.plain:
            out.append(token)
            parent.plain, parent.last = False, token
        elif group.name in _COMMANDS:
            # A command glued to the word before it gets a space: "development\\url{x}" reads "development x".
            out[group.at] = " " if group.glued else ""
            parent.last = group.last or out[group.at] or parent.last
        else:
            out[group.at] = "" if group.last else group.name  # `\\GitChameleon{}` names the thing
            parent.last = group.last or group.name[-1]
    out.append(text[start:])  # braces never closed stay as written
    text = "".join(out)
    return _PLAIN_MATH.sub(lambda m: m.group(1) if "\\" not in m.group(1) else m.group(0), text)


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ")
    return _SPACE.sub(" ", strip_latex(text)).strip()


def fold(text: str) -> str:
    """Lower case without accents: "García" and "garcia" compare equal, so a name can be typed on any keyboard."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_title(title: str) -> str:
    """Case-, spacing- and LaTeX-insensitive form used to match titles."""
    text = fold(clean_text(title))
    text = re.sub(r"[^\w\s]", " ", text)
    return _SPACE.sub(" ", text).strip()
