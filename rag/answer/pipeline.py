"""The path of one question, as explicit phases over one index view:

    condense -> plan -> gather evidence -> compose -> verify

Each phase is a function of what the earlier ones produced; the view is an argument, never ambient state. The
pipeline yields events: text as it is written (`str`), then the verified `Answer` last, so a face that
streams and a face that waits read the same path.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from rag.answer.plan import Plan
from rag.answer.question import check_question
from rag.answer.scoring import ScoredSentence, score_sentences
from rag.errors import QuestionError
from rag.index.view import IndexView
from rag.settings import RetrievalSettings, Settings
from rag.types import Answer, Evidence, Paper

if TYPE_CHECKING:
    from rag.generation.base import Generator

Event = str | Answer
LIST_DEPTH = 50  # papers a described list topic is looked for in; named ones are matched in the whole index


@dataclass(frozen=True)
class Request:
    """One question as a face asks it. `paper_ids` scopes it to those papers ("ask about this paper");
    `backend` / `strict` override the LLM settings for this question only (a chat session's choice)."""

    question: str
    history: Sequence[str] = ()
    retrieval: RetrievalSettings | None = None
    paper_ids: Sequence[str] | None = None
    backend: str | None = None
    strict: bool | None = None


@dataclass
class Tools:
    """The engine's parts a question uses besides the view; the encoder is only loaded when a phase calls it."""

    settings: Settings
    embed_query: Callable[[str], np.ndarray]
    embed_sentences: Callable[[Sequence[str]], np.ndarray]
    generator: Generator | None = None


@dataclass
class Gathered:
    """What the gather phase found: the retrieved papers, and the question's sentence scores, computed once."""

    searched: str
    retrieved: list[Evidence]
    vector: np.ndarray | None
    view: IndexView
    tools: Tools
    _scored: list[ScoredSentence] | None = field(default=None, repr=False)

    def scored(self) -> list[ScoredSentence]:
        if self._scored is None:
            vector = self.vector if self.vector is not None else self.tools.embed_query(self.searched)
            self._scored = score_sentences(self.searched, vector, self.retrieved, self.view.papers,
                                           self.tools.embed_sentences, self.view.lexical.idf)
        return self._scored


def run(request: Request, view: IndexView, tools: Tools) -> Iterator[Event]:
    """The whole path; see the module docstring."""
    from rag.answer.verify import verify

    started = time.perf_counter()
    settings = tools.settings
    question = check_question(request.question, settings.answer.max_question_chars)
    history = [check_question(h, settings.answer.max_question_chars) for h in request.history if h and h.strip()]
    retrieval = request.retrieval or settings.retrieval
    searched = condense(question, history, tools)
    shape, searched = plan_question(searched, view, request.paper_ids)
    found = gather(shape, searched, view, tools, retrieval, request.paper_ids)
    t_gathered = time.perf_counter()
    answer = yield from compose(shape, question, found, retrieval, request.strict)
    answer.evidence = _with_cited(found.retrieved, answer, view.papers)
    if not answer.refused:
        verify(answer, {e.paper_id for e in answer.evidence}, tools.embed_sentences)
    answer.settings_hash = settings.settings_hash()
    answer.timings_ms = {"retrieve": (t_gathered - started) * 1000, "total": (time.perf_counter() - started) * 1000}
    yield answer


def condense(question: str, history: Sequence[str], tools: Tools) -> str:
    """A follow-up made standalone: by rule, then by the model when one is configured and allowed to."""
    from rag.answer.followups import condense as by_rule

    searched = by_rule(question, history)
    if tools.generator is not None and history and tools.settings.llm.condense:
        from rag.generation.rewrite import condense_with_model

        searched = condense_with_model(question, history, tools.generator, searched,
                                       tools.settings.answer.max_question_chars)
    return searched


def plan_question(searched: str, view: IndexView, paper_ids: Sequence[str] | None) -> tuple[Plan, str]:
    """The question's shape; a question scoped to chosen papers is about them, and says so."""
    from rag.answer.plan import plan
    from rag.text.names import short_name

    if paper_ids is None:
        return plan(searched), searched
    chosen = [pid for pid in dict.fromkeys(paper_ids) if pid in view.papers]
    if not chosen:
        raise QuestionError("None of the chosen papers is in the index; pick a paper from the Papers list.")
    # The chosen paper is what "it" is: its name makes the question standalone, and is shown.
    return Plan("factoid"), f"{searched} ({'; '.join(short_name(view.papers[pid]) for pid in chosen)})"


def gather(shape: Plan, searched: str, view: IndexView, tools: Tools, retrieval: RetrievalSettings,
           paper_ids: Sequence[str] | None) -> Gathered:
    """Retrieves once, embedding the question once; sentence scores are computed on first use, once."""
    if paper_ids is not None:
        chosen = [view.papers[pid] for pid in dict.fromkeys(paper_ids) if pid in view.papers]
        retrieved = [Evidence(paper_id=p.paper_id, title=p.title, text=p.abstract, rank=r)
                     for r, p in enumerate(chosen)]
        return Gathered(searched, retrieved, None, view, tools)
    vector = tools.embed_query(searched) if retrieval.retriever != "bm25" else None
    retrieved = view.retriever.search(searched, retrieval, vector=vector)
    return Gathered(searched, retrieved, vector, view, tools)


def compose(shape: Plan, question: str, found: Gathered, retrieval: RetrievalSettings,
            strict: bool | None) -> Iterator[str]:
    """Writes the answer of the planned kind; yields its text as it is written and returns the Answer."""
    answer = None
    if shape.kind == "comparative":
        answer = _compare(shape.sides, question, found)
    elif shape.kind == "list":
        answer = _list(shape.topic, question, found, retrieval)
    if answer is None:
        answer = _factoid(question, found)
        generator = found.tools.generator
        if generator is not None and not answer.refused:
            answer = yield from _generated(generator, answer, question, found, strict)
            return answer
    for sentence in answer.sentences:
        yield sentence.text + " "
    return answer


def unknown_names(question: str, corpus_text: str) -> tuple[list[str], list[str]]:
    """Names in the question that no indexed title or abstract mentions: identifiers (acronyms, mixed case:
    "MMLU", "Defects4J") and plain capitalised words ("Coq"). Nothing here can be about an unknown identifier;
    an unknown word only asks for stronger evidence, since a question may name what an abstract describes."""
    from rag.text.names import key_names, mention_pattern, names_in

    strong = names_in(question)
    unknown = [n for n in key_names(question) if not mention_pattern(n).search(corpus_text)]
    return [n for n in unknown if n in strong], [n for n in unknown if n not in strong]


def _not_mentioned(names: list[str]) -> str:
    quoted = ", ".join(f"“{n}”" for n in names)
    return f"No indexed abstract mentions {quoted}, so the indexed abstracts do not answer this question."


def _factoid(question: str, found: Gathered) -> Answer:
    from rag.answer.factoid import extractive_answer
    from rag.answer.refusal import refusal
    from rag.answer.scoring import pick_answer_sentences

    papers, settings = found.view.papers, found.tools.settings
    closest = [papers[e.paper_id] for e in found.retrieved[:3]]
    unknown_ids, unknown_words = unknown_names(found.searched, found.view.corpus_text)
    if unknown_ids:
        return refusal(closest, query=question, searched=found.searched, reason=_not_mentioned(unknown_ids))
    scored = found.scored()
    bar = settings.answer.refuse_below
    if unknown_words:
        bar = max(bar, settings.answer.refuse_below_unknown_name)
    if not scored or scored[0].score < bar:
        reason = _not_mentioned(unknown_words) if unknown_words and scored else ""
        return refusal(closest, query=question, searched=found.searched, reason=reason)
    chosen = pick_answer_sentences(scored, settings.answer.max_sentences)
    return extractive_answer(chosen, papers, query=question, searched=found.searched)


def _generated(generator: Generator, extractive: Answer, question: str, found: Gathered,
               strict: bool | None) -> Iterator[str]:
    """The factoid answer written by a model from the best sentences of the retrieved abstracts, verified;
    the extractive answer stands in when the model cites nothing usable."""
    from rag.answer.verify import verify
    from rag.generation.answer import generated_answer

    settings = found.tools.settings
    retrieved = {e.paper_id for e in found.retrieved}
    return (yield from generated_answer(
        generator, question=question, searched=found.searched, scored=found.scored(), papers=found.view.papers,
        extractive=extractive, llm=settings.llm, max_sentences=settings.answer.max_sentences,
        verify=lambda a: verify(a, retrieved, found.tools.embed_sentences),
        strict=settings.llm.strict if strict is None else strict,
    ))


def _compare(sides: list[str], question: str, found: Gathered) -> Answer | None:
    from rag.answer.comparison import comparative_answer
    from rag.answer.plan import side_variants
    from rag.text.names import find_paper

    papers = found.view.papers
    chosen: list[Paper] = []
    missing = []
    for side in sides:
        paper = next(filter(None, (find_paper(v, papers.values()) for v in side_variants(side))), None)
        if paper is None:
            missing.append(side)
        elif paper not in chosen:
            chosen.append(paper)
    if len(chosen) < 2:
        return None
    return comparative_answer(chosen, papers, query=question, searched=found.searched, missing=missing)


def _list(topic: str, question: str, found: Gathered, retrieval: RetrievalSettings) -> Answer | None:
    from rag.answer.listing import find_matches, list_answer

    view, tools = found.view, found.tools

    def score_topic(text: str) -> list[ScoredSentence]:
        vector = tools.embed_query(text)
        candidates = view.retriever.search(text, retrieval, k=LIST_DEPTH, vector=vector)
        return score_sentences(text, vector, candidates, view.papers, tools.embed_sentences, view.lexical.idf,
                               rank_penalty=0.0)

    matches = find_matches(topic, view.papers.values(), score_topic)
    if not matches:
        return None
    return list_answer(matches, view.papers, topic=topic, query=question, searched=found.searched)


def _with_cited(evidence: list[Evidence], answer: Answer, papers: dict[str, Paper]) -> list[Evidence]:
    """Papers found by name or by a whole-index scan are the evidence of comparisons and lists: they come
    first, then the rest of what retrieval found."""
    if answer.kind == "factoid":
        return evidence
    by_id = {e.paper_id: e for e in evidence}
    ranked = []
    for citation in answer.citations:
        paper = papers[citation.paper_id]
        ranked.append(by_id.pop(paper.paper_id, None) or
                      Evidence(paper_id=paper.paper_id, title=paper.title, text=citation.quote))
    ranked += by_id.values()
    for rank, item in enumerate(ranked):
        item.rank = rank
    return ranked
