"""Terms a list topic shares word for word with a few abstracts ("multi-agent framework", "reinforcement learning").

Why: the encoder scores a long, chatty topic flatly ("a system whose own training actually relies on reinforcement
learning": every RL-minded abstract at 0.33-0.41), so nothing stands out and the list came back empty, or it puts
one writer of the term far above another (AutoML-Agent's "multi-agent framework" sentence above MA-LoT's). A term
of two or three words that only a few abstracts write side by side is a sharper sign than either score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rag.text.chatter import CHATTER
from rag.text.sentences import split_sentences
from rag.text.tokens import STOPWORDS, long_words, tokenize
from rag.types import Paper

# A word or term used by at most this share of the abstracts is rare enough that a sentence with it is about what it
# says; one more of them use is a field's everyday words ("code generation").
RARE_WORD_SHARE = 0.15
TERM_WORDS = (2, 3)
# And however large the index, a term more than a dozen abstracts write is a field's (SciFact's "randomized
# controlled trials", in 111 of 5,183): listing every writer is no answer to what a topic says of it. On the
# built-in index the share (10 of 67) is the lower bound.
MOST_WRITERS = 12
# A term is matched by its words' stems cut to six letters: "code interpreter" is no "code interaction". Lists that
# match a topic's words loosely anywhere in an abstract (listing.py) cut them to five ("evolutionary" and "evolution").
STEM_LETTERS = 6
LOOSE_LETTERS = 5

# Where a topic's head ends and what follows only says more of it or adds to it: "multi-agent framework, with
# several LLM agents ...", "run a user study, i.e. recruit people", "undergraduate level, or graduate", "X rather than
# Y", "X - several agents talking". Not what narrows it:
# a clause ("math reasoning where the LLM calls a Python interpreter") or a comma before "specifically", "for", "only".
_HEAD = re.compile(r"^(?P<head>[^,;:()]+?)(?:\s*,\s+(?=(?:with|where|that\s+is|meaning|namely|like|such\s+as|several|"
                   r"many|multiple|each|or)\b|i\.\s?e\.|e\.\s?g\.)|\s*[;:(]|\s+[-–—]+\s|"
                   r"\s+(?:rather\s+than|instead\s+of|as\s+opposed\s+to)\b)", re.I)
# What papers do not do ("training does not rely on RL", "no user study", "without a code interpreter"): the writers
# of a term after it are the papers it leaves out.
_NEGATED = re.compile(r"\b(?:not|no|never|without|avoid\w*|none|neither|nor|lack\w*|other\s+than)\b|n['’]t\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w']*")  # "multi-agent" is two words, as tokenize reads it


def term_stems(text: str, letters: int = STEM_LETTERS) -> tuple[str, ...]:
    """A text's words of four letters or more by their stem's first letters, in order: "evolutionary search" and
    "evolution searched" are one term here."""
    return tuple(w[:letters] for w in tokenize(text) if len(w) >= 4)


def side_by_side(term: tuple[str, ...], text: str, letters: int = STEM_LETTERS) -> bool:
    """Whether the text writes the term's words in a row, as one term ("multi-agent framework"), not apart."""
    said = term_stems(text, letters)
    return any(said[i:i + len(term)] == term for i in range(len(said) - len(term) + 1))


def writers(term: tuple[str, ...], papers: Iterable[Paper]) -> dict[str, str]:
    """The papers writing the term side by side in one sentence (or their title), each with the first such."""
    found = {}
    for paper in papers:
        # Only an abstract having each stem but its last letter, and the term's stems in a row, is split into
        # sentences: on SciFact's 5,183 abstracts stemming every sentence took seconds a list.
        text = f"{paper.title}\n{paper.abstract}"
        lowered = text.lower()
        if not all(stem[:-1] in lowered for stem in term) or f" {' '.join(term)} " not in _stem_line(text):
            continue
        said = next((t for t in [paper.title, *split_sentences(paper.abstract)] if side_by_side(term, t)), None)
        if said is not None:
            found[paper.paper_id] = said
    return found


@lru_cache(maxsize=1 << 14)
def _stem_line(text: str) -> str:
    """A paper's stems in order, spaced and kept: a term written side by side anywhere in it is a run of this line,
    and each list question asks the same abstracts again."""
    return f" {' '.join(term_stems(text))} "


def _papers_using(stems: set[str], papers: Iterable[Paper]) -> dict[str, int]:
    """How many of the papers use each stem, stemming only the abstracts having the stem but its last letter."""
    texts = [(text, text.lower()) for p in papers for text in [f"{p.title}\n{p.abstract}"]]
    return {stem: sum(1 for text, lowered in texts if stem[:-1] in lowered and f" {stem} " in _stem_line(text))
            for stem in stems}


def _terms(phrase: str) -> list[tuple[str, ...]]:
    """Each run of two or three words the phrase has with no stopword between them, longest first."""
    runs: list[list[str]] = [[]]
    for word in _WORD.findall(phrase):
        if word.lower() in STOPWORDS:
            runs.append([])
        else:
            runs[-1].append(word)
    found: list[tuple[str, ...]] = []
    for run in runs:
        for size in sorted(TERM_WORDS, reverse=True):
            for i in range(len(run) - size + 1):
                term = term_stems(" ".join(run[i:i + size]))
                if len(term) == size and len(set(term)) == size and term not in found:
                    found.append(term)
    return sorted(found, key=len, reverse=True)


# Words of the asker's grammar, used by no abstract as content: "a system whose own training ...".
_GRAMMAR = frozenset({"whose", "whatever", "whether", "actual"})
# Words saying only that a paper uses what follows ("relies on reinforcement learning"): no part of what it uses.
_USING = re.compile(r"^(?:rel(?:y|ies|ied|ying)|uses?|used|using|appl(?:y|ies|ied|ying)|involv\w*|employ\w*|"
                    r"leverag\w*|adopt\w*|ran|runs?|running|had|has|have|do|does|did)$", re.I)


def rare_term(phrase: str, papers: dict[str, Paper]) -> dict[str, str]:
    """The writers of the longest term of the phrase that two or more abstracts, but no more than a rare share of
    them, write side by side; of two such terms as long, the one fewer write. Empty when there is none, and when no
    term has the phrase's rarest word the abstracts use: "existing code" is not what "make existing code run faster"
    is about, nor "evaluation metric" what "perplexity as an eval metric" is."""
    # Only what comes before a negation: "evolutionary search, with or without LLMs" is about evolutionary search;
    # "training that does not rely on reinforcement learning" names no term it is about.
    phrase = phrase[:negated.start()] if (negated := _NEGATED.search(phrase)) else phrase
    counts = _papers_using({stem for word in _WORD.findall(phrase) if not _USING.match(word)
                            for stem in term_stems(word)}, papers.values())
    # A word of the topic no abstract uses says it is about something the index lacks ("... to protein or drug
    # molecule design"): a term beside it is no more than its setting. Not the asker's adverbs ("honestly").
    if any(counts.get(stem, 1) == 0 for word in long_words(phrase, CHATTER | _GRAMMAR)
           if not word.lower().endswith("ly") for stem in term_stems(word)):
        return {}
    rarest = min((n for n in counts.values() if n), default=0)
    best: dict[str, str] = {}
    size = 0
    for term in _terms(phrase):
        if len(term) < size:
            break
        if not any(counts.get(word) == rarest for word in term) or \
                not any(counts.get(word, 0) <= RARE_WORD_SHARE * len(papers) for word in term):
            continue  # "existing code", "code run": everyday words side by side, however few write them so
        found = writers(term, papers.values())
        if 2 <= len(found) <= _few(papers) and (not best or len(found) < len(best)):
            best, size = found, len(term)
    return best


def _few(papers: dict[str, Paper]) -> float:
    """The most writers a term may have and still be a few abstracts' term."""
    return min(RARE_WORD_SHARE * len(papers), MOST_WRITERS)


def topic_head(topic: str, alternatives: bool = True) -> str:
    """The topic's head when what follows it only says more of it ("multi-agent framework" of "multi-agent framework,
    with several LLM agents collaborating"), else ""; `alternatives`: or adds another ("undergraduate level, or
    graduate"), which a head standing for the whole topic must not leave out."""
    match = _HEAD.match(topic)
    if match is None or (not alternatives and re.match(r"\s*,\s+or\b", topic[match.end("head"):], re.I)):
        return ""
    return match["head"].strip()


def head_writers(topic: str, papers: dict[str, Paper]) -> dict[str, str]:
    """The writers of a topic's head when the head is itself such a term ("multi-agent framework, with ..."), else
    none."""
    lead = re.sub(r"^(?:an?|the)\s+", "", topic_head(topic), flags=re.I)
    term = term_stems(lead)
    if not lead or len(term) not in TERM_WORDS or _NEGATED.search(lead) or \
            any(w.lower() in STOPWORDS for w in _WORD.findall(lead)):
        return {}
    found = writers(term, papers.values())
    return found if 2 <= len(found) <= _few(papers) else {}
