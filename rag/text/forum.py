"""Marks of a forum post in a question: "[Q]", "TIL", "ELI5", "EDIT:", "tl;dr", "anyone know", "throwaway".

Why: researchers ask the way they post on forums ("[Q] which papers ...", "anyone know which papers use Isabelle?",
"TIL a weird number of abstracts name-drop Turing completeness. Which ones bring it up?"). A tag or "anyone know"
before the ask hides its shape (the list was read as a question about one paper), and the forum's words ("TIL",
"ELI5") read as names no abstract has, so the question was refused. A post's "tl;dr" says what it asks in short (the
question, when the post has not asked it in full before); an
"EDIT:" adds to what was asked; an aside about the post itself ("throwaway-ish question", "asking for a friend",
"upvote if ...") asks nothing.
"""

from __future__ import annotations

import re

# A post's tag first: "[Q]", "[D]", "[Discussion]", "[R]".
_TAG = re.compile(r"^\s*\[(?:q|d|r|p|n|question|discussion|help|research)\]\s*", re.I)
# "ELI5:", "ELI5 the different approaches": explain it simply, which an answer does anyway.
_ELI5 = re.compile(r"(?<![\w-])eli5(?:\s*[:,-]\s*|\s+(?=\w))", re.I)
# "TIL" first in a sentence: what follows is what the asker learned.
_TIL = re.compile(r"(?:(?<=^)|(?<=[.?!]\s)|(?<=\n))\s*til\s*:?\s+(?:that\s+)?(?=\w)", re.I)
# "EDIT:", "Edit 2:", "ETA:", "UPDATE:" on a line of its own or after the question: what follows is asked too.
_EDIT = re.compile(r"(?:(?<=^)|(?<=[.?!\s]))(?:edit|eta|update)\s*\d*\s*:\s*", re.I)
# An edit that asks nothing: "EDIT: typo", "Update: nvm, found it", "edit: formatting".
_EDIT_NOTHING = re.compile(r"(?:(?<=^)|(?<=[.?!\s]))(?:edit|eta|update)\s*\d*\s*:\s*(?:(?:fixed|fix(?:ed)?|a|the|my|"
                           r"typos?|spelling|formatting|format|grammar|nvm|never\s*mind|found\s+it|solved|thanks|"
                           r"thx|ty|words?|title|link|wording|clarity|clarified)[\s,.!]*)+$", re.I)
# "tl;dr at the bottom", "(tl;dr below)": where the short version is, which says nothing itself.
_TLDR_WHERE = re.compile(r"(?<![\w-])\(?\s*tl\s*;?\s*dr\s+(?:at\s+the\s+(?:bottom|end)|below)[ \t]*\)?[.!]*", re.I)
# "tl;dr how do these papers use verification for math": the post's ask, in short.
_TLDR = re.compile(r"(?:^|(?<=\n)|(?<=[.?!]\s))tl\s*;?\s*dr\s*[:,-]?\s*(?P<ask>[^\n]+?)\s*$", re.I)
# "anyone know which papers ...", "does anybody here know of papers ...": the ask follows.
_ANYONE_KNOW = re.compile(r"(?:(?<=^)|(?<=[.?!]\s))(?:(?:so|ok|okay|hey)\s*,?\s+)?(?:does\s+|do\s+)?"
                          r"any(?:one|body)\s+(?:here\s+)?(?:know|remember|seen)\s+(?:of\s+)?"
                          r"(?!(?:if|whether)\b)(?=\w)", re.I)
# "Has anyone seen a paper on X?": is there one.
_ANYONE_SEEN = re.compile(r"(?:(?<=^)|(?<=[.?!]\s))(?:has|have|did)\s+any(?:one|body)\s+(?:here\s+)?(?:seen|read|found|"
                          r"come\s+across|heard\s+of)\s+(?=(?:a|any)\s+(?:paper|work|study|abstract)s?\b)", re.I)
# A sentence about the post itself: "throwaway-ish question, just want a list", "asking for a friend (it's me)",
# "upvote if you also ...", "hot take thread"; and "throwaway because ...:" before the ask.
_ABOUT_POST = re.compile(r"(?:(?<=^)|(?<=[.?!]\s)|(?<=\n))[^.?!\n]*\b(?:throwaway(?:-ish)?|upvotes?|karma|"
                         r"asking\s+for\s+a\s+friend|hot\s+take\s+thread)\b[^.?!\n]*(?:[.?!]+|$)", re.I)
_THROWAWAY_LEAD = re.compile(r"^\s*throwaway\b[^:?!.\n]*:\s*", re.I)
_FRIEND = re.compile(r"\s*\(?\basking\s+for\s+a\s+friend(?:['’]s)?\b(?:\s*\([^)]*\))?\)?", re.I)
_ASKS = re.compile(r"\b(?:which|what|how|who|where|when|why|is|are|does|do|did|can|any)\b|\?", re.I)


def without_forum_marks(question: str) -> str:
    """The question without its post's marks: a tag, "TIL", "ELI5", "anyone know", an "EDIT:" label (its words
    kept), asides about the post; a "tl;dr" that asks is the question."""
    if not re.search(r"\[|\btil\b|eli5|\bedit\b|\beta\b|\bupdate\b|tl\s*;?\s*dr|any(?:one|body)|throwaway|upvote|"
                     r"karma|friend|hot\s+take", question, re.I):
        return question
    text = _TLDR_WHERE.sub("", question)
    if short := _TLDR.search(text):  # the ask in short, unless it was asked in full before it
        asked = "?" in text[:short.start()]
        text = text[:short.start()] if asked or len(short["ask"].split()) < 3 or not _ASKS.search(short["ask"]) \
            else short["ask"]
    text = _THROWAWAY_LEAD.sub("", _TAG.sub("", text))

    def aside(match: re.Match[str]) -> str:
        said = match.group(0)
        if "?" in said and _ASKS.search(_FRIEND.sub("", said.split("?")[0])):
            return _FRIEND.sub("", said)  # "anyone know X? asking for a friend" keeps the ask
        return ""

    text = _ABOUT_POST.sub(aside, text)
    text = _ANYONE_SEEN.sub("is there ", _EDIT_NOTHING.sub("", text))
    text = _EDIT.sub("", _ANYONE_KNOW.sub("", _TIL.sub("", _ELI5.sub("", text))))
    text = re.sub(r"[ \t]{2,}", " ", re.sub(r"\s+(?=[?.!,])", "", text)).strip()
    if not re.search(r"\w", text):
        return question
    return text[0].upper() + text[1:] if question[:1].isupper() else text
