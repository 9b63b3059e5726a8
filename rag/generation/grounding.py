"""A model's reply turned into a cited Answer: its `[n]` markers (numbers of prompt sentences) become per-paper
citations quoting exactly the sentences it named.

A marker whose number was not in the prompt is removed, never re-pointed: so a reply that parrots a reference
marker from an abstract, or invents one, cannot create a citation, and a citation can only ever point to a
retrieved paper. Whether each sentence is then supported is the verifier's job (rag/answer/verify.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rag.answer.citations import CitationBook
from rag.generation.prompt import NumberedSource
from rag.text.markers import ESCAPED_MARKER, MARKER, MARKERS_AFTER_STOP, PARTIAL_MARKER, escape_markers, numbers_of
from rag.text.sentences import split_sentences
from rag.types import Answer, AnswerSentence, Paper

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def reply_sentences(reply: str) -> list[tuple[str, list[int]]]:
    """(sentence text without markers, the numbers its markers name), in reply order.

    "claim. [1]" is read as "claim [1]." so a marker after the full stop stays with its sentence; list bullets
    and numbering are dropped."""
    return [found for line in reply.splitlines() for found in line_sentences(line)]


def line_sentences(raw_line: str) -> list[tuple[str, list[int]]]:
    """`reply_sentences` of one line of a reply."""
    found = []
    line = ESCAPED_MARKER.sub("", _BULLET.sub("", raw_line)).strip()
    line = MARKERS_AFTER_STOP.sub(lambda m: f" {m.group(2).strip()}{m.group(1)}", line)
    for sentence in split_sentences(line):
        numbers = [n for m in MARKER.finditer(sentence) for n in numbers_of(m)]
        text = MARKER.sub("", sentence)
        text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(text.split())).strip()
        text = re.sub(r"(?<!\.)\.\.$", ".", text)  # "claim. [1]." leaves two stops once the marker is gone
        if re.search(r"\w", text):
            found.append((text, list(dict.fromkeys(numbers))))
    return found


def without_bullet(line: str) -> str:
    """A reply line without its list bullet or numbering ("- ", "2. ")."""
    return _BULLET.sub("", line).strip()


def grounded_answer(reply: str, sources: Mapping[int, NumberedSource], papers: dict[str, Paper], *,
                    query: str, searched: str, mode: str) -> Answer | None:
    """The reply as an Answer citing papers, or None when not one of its sentences cites a numbered source."""
    book = CitationBook(papers)
    sentences = []
    for text, numbers in reply_sentences(reply):
        cited = [book.cite(sources[n].paper_id, sources[n].text) for n in numbers if n in sources]
        sentences.append(AnswerSentence(text=text, citations=list(dict.fromkeys(cited))))
    if not any(s.citations for s in sentences):
        return None
    return Answer(query=query, searched_query=searched, answer=render(sentences), citations=book.citations,
                  sentences=sentences, mode=mode)


def render(sentences: list[AnswerSentence]) -> str:
    """The answer text, rebuilt from its sentences so text, markers and verification never disagree."""
    parts = []
    for s in sentences:
        markers = "".join(f"[{n}]" for n in s.citations)
        parts.append(f"{escape_markers(s.text)} {markers}".rstrip())
    return " ".join(parts)


class LiveCitations:
    """Rewrites a reply's markers to citation numbers while it streams, so what the reader sees growing already
    uses the numbers the final answer will have (first use order, one per paper; unknown markers vanish).

    A marker still being typed ("[1") is held back until it closes."""

    def __init__(self, sources: Mapping[int, NumberedSource]) -> None:
        self._sources = sources
        self._paper_numbers: dict[str, int] = {}
        self.reply = ""
        self._shown = ""

    def feed(self, delta: str) -> str:
        """The new text to show after this delta (may be empty)."""
        self.reply += delta
        partial = PARTIAL_MARKER.search(self.reply)
        complete = self.reply[: partial.start()] if partial else self.reply
        shown = MARKER.sub(self._renumber, ESCAPED_MARKER.sub("", complete))
        # Renumbering keeps earlier text as it was, so what is new is the tail (the final answer is rebuilt anyway).
        new = shown[len(self._shown):]
        self._shown = max(shown, self._shown, key=len)
        return new

    def _renumber(self, marker: re.Match[str]) -> str:
        numbers = []
        for n in numbers_of(marker):
            source = self._sources.get(n)
            if source is None:
                continue
            number = self._paper_numbers.setdefault(source.paper_id, len(self._paper_numbers) + 1)
            numbers.append(number)
        return "".join(f"[{n}]" for n in dict.fromkeys(numbers))
