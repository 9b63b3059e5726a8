"""Text made safe to print on a terminal: control characters and escape sequences removed.

Titles and abstracts come from files anyone can write. A terminal obeys the escape sequences in what it prints:
ESC c clears the screen, OSC 0 sets the window title, OSC 52 writes the clipboard, and some terminals run
more. Printed text keeps only what a reader can see, plus tabs and line breaks.
"""

from __future__ import annotations

import re

# Whole sequences first, so no stray "[2J" is left behind: CSI (ESC [ or C1 0x9b) up to its final byte; OSC,
# DCS, SOS, PM and APC (ESC ] P X ^ _, or their C1 forms) up to their terminator (BEL, ESC \ or ST 0x9c); and
# the two-character escapes (ESC c, ESC 7, ESC ( B).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
# What is left of an unterminated sequence is harmless once its ESC is gone. \r goes too: it lets a title
# overwrite the line it is printed on.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Lone surrogates: what Python makes of bytes that are not UTF-8 (argv, stdin and files read with surrogateescape
# turn byte 0xff into U+DCFF) or of a JSON "\ud800" escape. No terminal encoding can print them.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """`text` as a terminal may print it: tabs and line breaks kept, every other control character removed."""
    text = _SEQUENCE.sub("", text.replace("\r\n", "\n"))
    return LONE_SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
