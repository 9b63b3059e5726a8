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
# "acc @64 samples": "with 64 samples", not a metric "acc@64".
_AT_SAMPLES = re.compile(r"(?<![\w@])@\s*(\d[\d,]*)(?=\s+(?:samples?|tries|attempts|generations|rollouts)\b)", re.I)
# "how many test cases r in ProcessBench": chat's "r" for "are" after a count's noun (not Pearson's r).
_TYPED_R = re.compile(r"(\bhow\s+many\s+(?:[\w-]+\s+){1,3}?)r(?=\s+(?:in|there|on|used|available)\b)", re.I)


def check_question(question: str | None, limit: int) -> str:
    """The question with its whitespace collapsed, chat emphasis taken off ("*valid* split": the word is what is
    asked; "F*" and "HACL*" keep theirs) and chat shorthand written out ("r" for "are", "@64 samples");
    QuestionError when it cannot be asked as it is."""
    question = _EMPHASIS.sub(r"\1", " ".join((question or "").split()))
    question = _AT_SAMPLES.sub(r"with \1", _TYPED_R.sub(r"\1are", question))
    if not question:
        raise QuestionError("The question is empty: type a question about the indexed papers.")
    if where := not_text(question):
        raise QuestionError(f"The question holds bytes that are not text ({where}): retype it, or save the file it "
                            "came from as UTF-8.")
    if len(question) > limit:
        raise QuestionError(f"The question is {len(question):,} characters long; the limit is {limit:,}. "
                            "Please shorten it.")
    return question
