"""What a question must be before anything is loaded for it: text, not empty, not over the length limit."""

from __future__ import annotations

import re

from rag.errors import QuestionError
from rag.text.controls import LONE_SURROGATE


def not_text(text: str) -> str:
    """Where `text` stops being text, e.g. "\\xff at character 9"; "" when it is all text.

    Shared by every door a question comes in by (the CLI, the terminal chat, the page through the engine, question
    sets), so each reports the same fault the same way instead of failing later inside the encoder: no encoder,
    tokenizer or UTF-8 writer accepts a lone surrogate.
    """
    found = LONE_SURROGATE.search(text)
    if found is None:
        return ""
    code = ord(found.group())
    # U+DC80-U+DCFF is surrogateescape's spelling of one undecodable byte: name the byte the user typed.
    shown = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
    return f"{shown} at character {found.start() + 1}"


_EMPHASIS = re.compile(r"(?<![\w*])\*{1,2}(?=\w)([^*]+?)(?<=[\w.%)])\*{1,2}(?![\w*])")


def check_question(question: str | None, limit: int) -> str:
    """The question with its whitespace collapsed and chat emphasis taken off ("*valid* split": the word is what is
    asked; "F*" and "HACL*" keep theirs); QuestionError when it cannot be asked as it is. Chat shorthand is written
    out where the question is read (rag/text/clippings.py)."""
    question = _EMPHASIS.sub(r"\1", " ".join((question or "").split()))
    if not question:
        raise QuestionError("The question is empty: type a question about the indexed papers.")
    if where := not_text(question):
        raise QuestionError(f"The question holds bytes that are not text ({where}): retype it, or save the file it "
                            "came from as UTF-8.")
    if len(question) > limit:
        raise QuestionError(f"The question is {len(question):,} characters long; the limit is {limit:,}. "
                            "Please shorten it.")
    return question
