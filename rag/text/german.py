"""German words mixed into an English question, read in English.

Why: German researchers writing English let German words in ("Welche Paper use GSM8K?", "cheaper bzw. faster",
"z.B. MPI, OpenMP", "I want a Vergleich of the selection strategies"). The index and the rules that read a question's
shape are English: "Welche Paper" asks no list, and a German word reads as a name no abstract has, so the question was
refused. Only words English never writes are read, one by one ("also", "die", "was" are English too and stay);
everything else is left as typed, and so is a word in capitals, which may be a name.
"""

from __future__ import annotations

import re

# German words and their English, keys in lower case; "welche Paper" first, since "Paper" alone is English too.
_WORDS = {
    "welche paper": "which papers", "welches paper": "which paper", "welcher paper": "which papers",
    "welche papers": "which papers", "welche arbeiten": "which papers", "welche": "which", "welcher": "which",
    "welches": "which", "welchen": "which", "gibt es": "are there", "oder": "or", "bzw": "or", "bzw.": "or",
    "beziehungsweise": "or", "z.b.": "e.g.", "z. b.": "e.g.", "zb": "e.g.", "u.a.": "among others",
    "d.h.": "i.e.", "und": "and", "nicht": "not", "nur": "only", "auch": "also", "sowie": "as well as",
    "ohne": "without", "für": "for", "vergleich": "comparison", "vergleichen": "compare",
    "unterschied": "difference", "genau": "exactly", "mathematik": "mathematics",
    "literaturübersicht": "literature review", "literaturrecherche": "literature search", "danke": "thanks",
    "bitte": "please", "insgesamt": "in total", "jeweils": "each",
}
_GERMAN = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s*")
                                                     for word in sorted(_WORDS, key=len, reverse=True))
                     + r")(?![\w-])", re.I)


def from_german(question: str) -> str:
    """The question with the German words English never writes put in English ("Welche Paper use X?" -> "which
    papers use X?")."""
    if not _GERMAN.search(question):
        return question

    def english(match: re.Match[str]) -> str:
        if match.group(0).isupper() and len(match.group(0)) > 2:
            return match.group(0)  # a name in capitals ("ODER")
        said = _WORDS[re.sub(r"\s+", " ", match.group(0).lower())]
        return said[0].upper() + said[1:] if match.start() == 0 else said

    return _GERMAN.sub(english, question)
