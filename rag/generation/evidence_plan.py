"""What a model writes a comparison, a list or an overview from: the evidence the extractive answer was built from.

The planner and the evidence gathering already chose the papers (a comparison's rows, a list's matches, an
overview's groups) and the sentences that show each; the extractive answer holds exactly that. The model gets those
sentences first, one paper at a time in turn so every paper is in even when the context window is small, then
(for comparisons and overviews) each paper's other sentences as the question scores them, while tokens last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, zip_longest

from rag.answer.scoring import ScoredSentence
from rag.text.sentences import split_sentences
from rag.types import Answer, Paper

ScoreWithin = Callable[[Sequence[str]], Sequence[ScoredSentence]]


@dataclass(frozen=True)
class Sentence:
    paper_id: str
    position: int  # in its abstract (for the prompt's reading order)
    text: str


@dataclass(frozen=True)
class EvidencePlan:
    kind: str  # comparison | list | overview
    papers: list[str]  # a comparison's rows, a list's entries, an overview's papers: the extractive order
    quoted: dict[str, list[Sentence]]  # per paper, what the extractive answer quoted for it
    candidates: list[Sentence]  # everything the prompt may hold, most needed first


def writing_kind(answer_kind: str, planned: str) -> str:
    """What the model is asked to write for an extractive answer of `answer_kind` (the planner said `planned`):
    a list question's matches are a list; other multi-paper answers ("what are the ways of ...") an overview."""
    if answer_kind == "comparative":
        return "comparison"
    if answer_kind == "list":
        return "list" if planned == "list" else "overview"
    return "factoid"


def evidence_plan(kind: str, extractive: Answer, papers: dict[str, Paper],
                  score_within: ScoreWithin | None = None) -> EvidencePlan:
    """The plan behind `extractive`; `score_within` adds each paper's further sentences for the question."""
    by_number = {c.n: c.paper_id for c in extractive.citations}
    order = [c.paper_id for c in extractive.citations]
    quoted: dict[str, list[Sentence]] = {pid: [] for pid in order}
    for sentence in extractive.sentences:
        for n in sentence.citations[:1]:
            pid = by_number[n]
            if all(s.text != sentence.text for s in quoted[pid]):
                quoted[pid].append(_located(pid, sentence.text, papers))
    for citation in extractive.citations:  # a row with no quoted cell still has the sentence its citation quotes
        if not quoted[citation.paper_id]:
            quoted[citation.paper_id] = [_located(citation.paper_id, q, papers) for q in citation.quote.split(" … ")]
    candidates = list(_in_turn(quoted[pid] for pid in order))
    if score_within is not None and kind != "list":
        further: dict[str, list[Sentence]] = {pid: [] for pid in order}
        for s in score_within(order):
            if s.paper_id in further:
                further[s.paper_id].append(Sentence(s.paper_id, s.position, s.text))
        candidates += _in_turn(further[pid] for pid in order)
    return EvidencePlan(kind, order, quoted, candidates)


def _in_turn(per_paper: Iterable[list[Sentence]]) -> Iterable[Sentence]:
    """Each paper's first sentence, then each one's second, ...: a budget that runs out leaves no paper out."""
    return (s for s in chain.from_iterable(zip_longest(*per_paper)) if s is not None)


def _located(paper_id: str, text: str, papers: dict[str, Paper]) -> Sentence:
    sentences = split_sentences(papers[paper_id].abstract)
    position = sentences.index(text) if text in sentences else len(sentences)
    return Sentence(paper_id, position, text)
