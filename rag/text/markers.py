"""The one grammar of citation markers: `[3]`, `[1, 4]`, `[2; 5]`.

Everything that writes, reads, streams, escapes or strips markers uses these, so a marker means the same to
the composer, the model-reply parser, the verifier and the page.
"""

from __future__ import annotations

import re

_NUMBERS = r"\d+(?:\s*[,;]\s*\d+)*"
MARKER = re.compile(rf"\[\s*({_NUMBERS})\s*\]")
# A marker with the space before it, for removing markers from a sentence without leaving a gap.
SPACED_MARKER = re.compile(rf"\s?\[\s*({_NUMBERS})\s*\]")
# An abstract's own "[3]" after `escape_markers`: data that looks like a marker but must never cite.
ESCAPED_MARKER = re.compile(rf"\\\[\s*{_NUMBERS}\s*\\\]")
# Markers written after a sentence's full stop ("claim. [1]"): they belong to that sentence.
MARKERS_AFTER_STOP = re.compile(rf"([.!?])((?:\s*\[\s*{_NUMBERS}\s*\])+)")
# The unfinished tail of a streamed reply ("... see [1, 2"): held back until the marker closes.
PARTIAL_MARKER = re.compile(r"\[[\d,; ]*$")


def numbers_of(marker: re.Match[str]) -> list[int]:
    """The citation numbers one marker names, in order."""
    return [int(x) for x in re.split(r"\s*[,;]\s*", marker.group(1).strip())]


def escape_markers(text: str) -> str:
    """A `[3]` inside an abstract is data, not a citation: escaped, it renders the same but no longer parses."""
    return MARKER.sub(lambda m: "\\[" + m.group(1) + "\\]", text)


def strip_markers(text: str) -> str:
    return SPACED_MARKER.sub("", text)
