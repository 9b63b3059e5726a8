"""Marks of posts on social media in a question: emoji and hashtags.

Why: researchers ask the way they post ("old school vibes 📼 which papers mention Codex?", "... 🤔 #AI4Math"). An
emoji between a label and the question stands where a full stop would, and without the stop the label and the
question run together into one sentence that is neither a list nor a question about a paper. A hashtag before or
after the question tags the post, and its words ("AI4Math") are names no abstract has; one inside a sentence is the
word itself ("which #Lean papers"). Chat's interjections ("tbh", "idc", "lol") are the asker's mood, and one
between a question and the asker's remark after it ("LLM-driven or classic, idc, just want the list") keeps the remark
from being read as one.
"""

from __future__ import annotations

import re

# Pictographs, dingbats and their joiners and modifiers; not arrows or mathematical signs ("->", "≈", "≥").
_EMOJI = (r"[\U0001F000-\U0001FAFF\u2600-\u26FF\u2700-\u27BF\u2B50\u2B55\u231A\u231B\u23E9-\u23FA"
          r"\uFE0F\u200D\u20E3]")
_EMOJI_RUN = re.compile(rf"\s*{_EMOJI}+(?:\s*{_EMOJI}+)*\s*")
_TAG = r"#[A-Za-z][\w-]*"
_TAGS_FIRST = re.compile(rf"^\s*(?:{_TAG}\s*)+")
_TAGS_LAST = re.compile(rf"(?:\s*{_TAG})+\s*$")
_TAG_INSIDE = re.compile(r"(?<![\w&#])#(?=[A-Za-z][\w-]*)")
# A thread's part number before its text: "pt2:", "part 3 -".
_THREAD_PART = re.compile(r"^\s*(?:pt|part)\s*\d+\s*[:.,-]?\s*", re.I)
# With one comma beside it, the one before it if any ("classic, idc, just": "classic, just").
_INTERJECTION = re.compile(r"(?P<comma>,\s*)?(?<![\w'’-])(?:lol|lmao|tbh|ngl|idc|idk|fwiw|smh|lowkey|highkey)"
                           r"(?![\w'’-])(?(comma)|(?:\s*,)?)", re.I)
# What already ends a sentence before an emoji ("counts? 🤔").
_ENDED = re.compile(r"[.?!:;,]\s*$")


def without_post_marks(question: str) -> str:
    """The question with its post's marks taken out: an emoji between words as a sentence's end, one at either end
    dropped, hashtags before or after the question dropped and one inside it read as its word, interjections
    dropped."""
    text = re.sub(r"\s+(?=[.,;:?!])", "", _INTERJECTION.sub("", question)).strip()
    if "#" not in text and not re.search(_EMOJI, text):
        return text if re.search(r"\w", text) else question
    text = _TAGS_LAST.sub("", _TAGS_FIRST.sub("", text))

    def stop(match: re.Match[str]) -> str:
        before, after = text[:match.start()], text[match.end():]
        if not after.strip():
            return ""
        return " " if not before.strip() or _ENDED.search(before) else ". "

    text = _EMOJI_RUN.sub(stop, text)
    text = _TAGS_LAST.sub("", _TAGS_FIRST.sub("", text))
    text = _TAG_INSIDE.sub("", _THREAD_PART.sub("", text)).strip()
    return text if re.search(r"\w", text) else question
