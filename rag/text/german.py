"""German words mixed into an English question, read in English.

Why: German researchers writing English let German words in ("Welche Paper use GSM8K?", "cheaper bzw. faster",
"z.B. MPI, OpenMP", "I want a Vergleich of the selection strategies"). The index and the rules that read a question's
shape are English: "Welche Paper" asks no list, and a German word reads as a name no abstract has, so the question was
refused. Only words English never writes are read, one by one ("also", "die", "was" are English too and stay);
everything else is left as typed, and so is a word capitalised inside a sentence, which may be a name ("the Genau
dataset"), unless it is a noun German always capitalises ("Vergleich").
"""

from __future__ import annotations

import re

# German words and their English, keys in lower case; "welche Paper" first, since "Paper" alone is English too.
_WORDS = {
    "welche paper": "which papers", "welches paper": "which paper", "welcher paper": "which papers",
    "welche papers": "which papers", "welche arbeiten": "which papers", "welche": "which", "welcher": "which",
    "welches": "which", "welchen": "which", "gibt es": "are there", "oder": "or", "bzw": "or", "bzw.": "or",
    "beziehungsweise": "or", "z.b.": "e.g.", "z. b.": "e.g.", "zb": "e.g.", "u.a.": "among others",
    "d.h.": "i.e.", "und": "and", "nicht": "not", "kein": "no", "keine": "no", "keinen": "no", "aber": "but",
    "nur": "only", "auch": "also", "sowie": "as well as", "ohne": "without", "für": "for", "über": "about",
    "genau": "exactly", "insgesamt": "in total", "jeweils": "each", "bitte": "please", "danke": "thanks",
    "vielen dank": "many thanks", "danke schön": "thanks", "viele grüße": "best regards",
    "beste grüße": "best regards", "mfg": "kind regards", "was ist": "what is", "wie viele": "how many",
    "benutzen": "use", "benutzt": "uses", "nutzen": "use", "nutzt": "uses", "verwenden": "use", "verwendet": "uses",
    "sind": "are", "ist": "is", "vergleichen sich mit": "compare against", "vergleicht sich mit": "compares against",
    "vergleichen": "compare", "vergleicht": "compares",
}
# Nouns, which German writes in capitals anywhere in a sentence.
_NOUNS = {
    "vergleich": "comparison", "unterschied": "difference", "mathematik": "mathematics",
    "literaturübersicht": "literature review", "literaturrecherche": "literature search",
}
_ENGLISH = {**_WORDS, **_NOUNS}
_GERMAN = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(word).replace(r"\ ", r"\s*")
                                                     for word in sorted(_ENGLISH, key=len, reverse=True))
                     + r")(?![\w-])", re.I)


def from_german(question: str) -> str:
    """The question with the German words English never writes put in English ("Welche Paper use X?" -> "which
    papers use X?")."""
    if not _GERMAN.search(question):
        return question

    def english(match: re.Match[str]) -> str:
        said, key = match.group(0), re.sub(r"\s+", " ", match.group(0).lower())
        first = not question[:match.start()].strip() or re.search(r"[.?!:;]\s*$", question[:match.start()])
        if key not in _NOUNS and (said[:2].isupper() or (said[0].isupper() and not first)):
            return said  # a name: "ZB", "ODER", "the Genau dataset", "Nur Ahmed"
        meant = _ENGLISH[key]
        return meant[0].upper() + meant[1:] if match.start() == 0 else meant

    return _GERMAN.sub(english, question)
