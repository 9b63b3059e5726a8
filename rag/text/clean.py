"""Text normalisation shared by readers, matching of titles, and lexical search."""

from __future__ import annotations

import re
import unicodedata

_COMMANDS = r"(?:textbf|textit|emph|texttt|mathrm|mathbf|text|url|href)"
# With its backslash anywhere ("development\url{x}"); without it ("textbf{x}") only at a word start.
_LATEX_CMD = re.compile(rf"(?P<before>\w?)(?:\\{_COMMANDS}|(?<![A-Za-z]){_COMMANDS})\{{(?P<arg>[^{{}}]*)\}}")
# Any other `\name{}` or `\name{x}`: `\GitChameleon{}` -> `GitChameleon`.
_MACRO = re.compile(r"\\([A-Za-z]+)\{\}|\\[A-Za-z]+\{([^{}]*)\}")
_SPACE = re.compile(r"\s+")


def strip_latex(text: str) -> str:
    """`$\\textbf{Only-IF}$` -> `Only-IF`, `\\url{x}` -> `x`; leaves other dollars alone."""
    previous = None
    while previous != text:
        previous = text
        # A command glued to the word before it gets a space, so "development\url{x}" reads "development x".
        text = _LATEX_CMD.sub(lambda m: m["before"] + (" " if m["before"] else "") + m["arg"], text)
        text = _MACRO.sub(lambda m: m.group(1) or m.group(2), text)
    # Math delimiters left around plain words once the commands are gone.
    text = re.sub(r"\$([^$]{0,200}?)\$", lambda m: m.group(1) if "\\" not in m.group(1) else m.group(0), text)
    return text


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ")
    return _SPACE.sub(" ", strip_latex(text)).strip()


def normalise_title(title: str) -> str:
    """Case-, spacing- and LaTeX-insensitive form used to match titles."""
    text = clean_text(title).lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text)
    return _SPACE.sub(" ", text).strip()
