"""Marks of posts on social media in a question: emoji and hashtags.

Why: researchers ask the way they post ("old school vibes 📼 which papers mention Codex?", "... 🤔 #AI4Math"). An
emoji between a label and the question stands where a full stop would, and without the stop the label and the
question run together into one sentence that is neither a list nor a question about a paper. A hashtag after the
question, or first before an emoji, tags the post, and its words ("AI4Math") are names no abstract has; anywhere else
it is the word itself ("which #Lean papers", "which papers evaluate #MMLU"). Chat's interjections ("tbh", "idc",
"lol") are the asker's mood, and one between a question and the asker's remark after it ("LLM-driven or classic,
idc, just want the list") keeps the remark from being read as one. A word starred after the question ("*Coq")
corrects the one the asker mistyped ("cog").
"""

from __future__ import annotations

import re

from rag.text.typos import one_slip_away

# Pictographs, dingbats and their joiners and modifiers; not arrows or mathematical signs ("->", "≈", "≥").
_EMOJI = (r"[\U0001F000-\U0001FAFF\u2600-\u26FF\u2700-\u27BF\u2B50\u2B55\u231A\u231B\u23E9-\u23FA"
          r"\uFE0F\u200D\u20E3]")
_EMOJI_RUN = re.compile(rf"\s*{_EMOJI}+(?:\s*{_EMOJI}+)*\s*")
_TAG = r"#[A-Za-z][\w-]*"
# Tags that tag the post: at its end after the question or a remark has ended ("... at all? 🤔 #AI4Math",
# "..., whatever) #LLM"), or first before an emoji ("#AI4Math 🧵 pt2: ..."). Elsewhere a tag is its word ("which
# papers evaluate #MMLU", "#AutoCodeRover | how much per issue?", "#HumanEval-X scores for FunCoder?").
_TAGS_FIRST = re.compile(rf"^\s*(?:{_TAG}(?![\w-])\s*)+(?={_EMOJI})")
_TAGS_LAST = re.compile(rf"(?:(?<=[.?!)\]])|(?<={_EMOJI}))(?:\s*{_TAG}(?![\w-]))+\s*$")
_TAG_MARK = re.compile(r"(?<![\w&#])#(?=[A-Za-z][\w-]*)")
# A thread's part number before its text: "pt2:", "part 3 -".
_THREAD_PART = re.compile(r"^\s*(?:pt|part)\s*\d+\s*[:.,-]?\s*", re.I)
# Chat's interjections, the asker's mood (not "imo": IMO is the olympiad).
INTERJECTIONS = frozenset({"lol", "lmao", "tbh", "ngl", "idc", "idk", "fwiw", "smh", "lowkey", "highkey"})
_INTERJECTION = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(INTERJECTIONS))})(?![\w'’-])", re.I)
# "which one is it 👀 + what's its score": a plus typed for "and" before a second ask.
_PLUS_ASK = re.compile(r"\s*(?<![+\w])[+&]\s+(?=(?:what|which|how|who|where|when|why|and|also)\b)", re.I)
# What already ends a sentence before an emoji ("counts? 🤔"), and what starts one after it ("vibes 📼 which papers").
_ENDED = re.compile(r"[.?!:;,]\s*$")
_STARTS = re.compile(r"\s*(?:which|wich|what|wat|how|who|where|when|why|any|anything|list|give|show|tell|ok|okay|so)\b",
                     re.I)


# "any paper doing theorem proving in cog?\n*Coq": a word starred after the question puts right the word of it one
# slip from it, as chats correct a typo.
_STAR_FIX = re.compile(r"(?:(?<=[?.!])|\n)\s*\*(?P<fix>[A-Za-z][\w+#.-]*)(?<![.])\s*$")  # not "not on *HumanEval+*"


def _starred_fix(text: str) -> str:
    """The text with a starred correction after it made (the word one slip from the star's put right, the last one
    said); unchanged when nothing is that near."""
    if (star := _STAR_FIX.search(text)) is None:
        return text
    rest, fix = text[:star.start()], star["fix"]
    near = one_slip_away(fix.lower()) | {fix.lower(): ""}
    for word in reversed(list(re.finditer(r"(?<![\w*])[A-Za-z][\w+#-]*", rest))):
        if word[0].lower() in near:
            return f"{rest[:word.start()]}{fix}{rest[word.end():]}"
    return text


def without_post_marks(question: str) -> str:
    """The question with its post's marks taken out: an emoji before the next question as the end of a sentence, any
    other emoji as a space, tags that tag the post dropped and any other tag read as its word, interjections dropped
    (their commas kept), a plus before a second ask read as "and"."""
    text = _PLUS_ASK.sub(", and ", _INTERJECTION.sub("", _starred_fix(question)))
    text = re.sub(r"^[\s,]+|(?<=,)(?:\s*,)+", "", re.sub(r",\s+and\s+and\b", ", and", text))
    if "#" in text or re.search(_EMOJI, text):
        text = _TAGS_LAST.sub("", _TAGS_FIRST.sub("", text))

        def stop(match: re.Match[str]) -> str:
            before, after = text[:match.start()], text[match.end():]
            if not after.strip():
                return ""
            if not before.strip() or _ENDED.search(before) or re.match(r"\s*[,;:]", after) or \
                    not _STARTS.match(after):
                return " "
            return ". "

        text = _EMOJI_RUN.sub(stop, text)
        text = _TAG_MARK.sub("", _THREAD_PART.sub("", _TAGS_LAST.sub("", _TAGS_FIRST.sub("", text))))
    text = re.sub(r"\s+(?=[.,;:?!])", "", re.sub(r"\s{2,}", " ", text)).strip()
    return text if re.search(r"\w", text) else question
