"""The engine: one object the CLI, the chat page and the evaluators all ask through.

It owns the heavy parts (model, store, lexical index) so they load once per process.
"""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from rag.compose import extractive_answer, refusal
from rag.extractive import pick_answer_sentences, score_sentences
from rag.settings import RetrievalSettings, Settings
from rag.types import Answer, Evidence, Paper

if TYPE_CHECKING:
    from rag.lexical import LexicalIndex
    from rag.retrieval import Retriever

LIST_DEPTH = 50  # papers a described list topic is looked for in; named ones are matched in the whole index


def _not_mentioned(names: list[str]) -> str:
    quoted = ", ".join(f"“{n}”" for n in names)
    return f"No indexed abstract mentions {quoted}, so the indexed abstracts do not answer this question."


class NoIndexError(Exception):
    """Nothing is ingested yet; the message says which command builds the index."""


class QuestionError(ValueError):
    """The question itself cannot be answered as asked (empty, too long)."""


@dataclass(frozen=True)
class IndexView:
    """Everything a question reads about the index, swapped by `refresh` as one object: a question that started
    before an ingest finished must not retrieve from one set of papers and quote from another."""

    papers: dict[str, Paper]
    lexical: LexicalIndex
    retriever: Retriever
    corpus_text: str  # the whole index as one text, to tell at once whether any abstract mentions a name


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _on_one_view(method: _Method) -> _Method:
    """Pins the current IndexView for the call, in this thread: `self.papers` and friends then read that view
    from the question's first step to its last, even if another thread refreshes the index meanwhile."""

    @functools.wraps(method)
    def pinned(self: Engine, *args: Any, **kwargs: Any) -> Any:
        if getattr(self._pinned, "view", None) is not None:
            return method(self, *args, **kwargs)  # already inside a pinned call of this thread
        self._pinned.view = self._view
        try:
            return method(self, *args, **kwargs)
        finally:
            self._pinned.view = None

    return pinned  # type: ignore[return-value]


class Engine:
    def __init__(self, settings: Settings, embedder=None) -> None:
        from rag.embedder import Embedder
        from rag.store import ChromaStore, open_client

        self.settings = settings.resolved()
        client = open_client(self.settings.data_dir, self.settings.store.chroma_url)
        self.store = ChromaStore(client, f"{self.settings.store.collection_prefix}-{self.settings.index_hash()}")
        self.embedder = embedder or Embedder(
            self.settings.device, self.settings.ingest.batch_size, self.settings.encoder,
            cache_dir=self.settings.data_dir / "models",
        )
        self._rebuilt_chunks = 0
        if self.store.vectors_missing:
            from ingest.pipeline import rebuild_vectors

            # A crash damaged the vector index and recovery removed it; the texts survived, so every command
            # (ask, serve, ingest) rebuilds it on opening rather than failing until someone runs ingest.
            print(f"paperchat: rebuilding the vector index at {self.location} after an interrupted write",
                  file=sys.stderr)
            self._rebuilt_chunks = rebuild_vectors(self.store, self.embedder, progress=True)
        self._sentence_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._pinned = threading.local()  # .view: the IndexView a call in this thread is answering from
        self._generators: dict[str, object] = {}  # backend -> Generator, built on first use (a local model is slow)
        self.refresh()

    @property
    def location(self) -> str:
        return self.settings.store.chroma_url or str(self.settings.data_dir)

    def refresh(self) -> None:
        """Re-reads the papers and rebuilds BM25; called after every ingest."""
        from rag.lexical import LexicalIndex
        from rag.retrieval import Retriever

        stored = self.store.stored_papers()
        papers = {pid: sp.paper for pid, sp in stored.items() if sp.complete}
        lexical = LexicalIndex(list(papers.values()), self.settings.retrieval.title_repeat)
        corpus_text = "\n".join(f"{p.title}\n{p.abstract}" for p in papers.values())
        view = IndexView(papers, lexical, Retriever(self.store, self.embedder, lexical, papers), corpus_text)
        with self._lock:
            self._view = view

    def _current(self) -> IndexView:
        return getattr(self._pinned, "view", None) or self._view

    @property
    def papers(self) -> dict[str, Paper]:
        return self._current().papers

    @property
    def lexical(self) -> LexicalIndex:
        return self._current().lexical

    @property
    def retriever(self) -> Retriever:
        return self._current().retriever

    @property
    def corpus_text(self) -> str:
        return self._current().corpus_text

    def ingest(self, paths: Iterable[Path], progress: bool = True):
        from ingest.pipeline import ingest

        report = ingest(paths, self.store, self.embedder, self.settings.ingest, progress=progress)
        report.rebuilt += self._rebuilt_chunks
        self._rebuilt_chunks = 0
        self.refresh()
        return report

    def ensure_builtin_corpus(self, progress: bool = True):
        """Ingests the shipped abstracts when the store is empty; returns the report, or None if not needed."""
        from ingest.pipeline import BUILTIN_CORPUS

        if self.papers:
            return None
        return self.ingest([BUILTIN_CORPUS], progress=progress)

    @_on_one_view
    def search(self, query: str, retrieval: RetrievalSettings | None = None, k: int | None = None) -> list[Evidence]:
        self._require_index()
        return self.retriever.search(query, retrieval or self.settings.retrieval, k)

    @_on_one_view
    def ask(
        self,
        question: str,
        history: Sequence[str] = (),
        retrieval: RetrievalSettings | None = None,
        paper_ids: Sequence[str] | None = None,
        backend: str | None = None,
        strict: bool | None = None,
        on_delta: Callable[[str], None] | None = None,
    ) -> Answer:
        """condense -> plan -> retrieve -> select -> compose -> verify.

        `paper_ids` limits the answer to those papers ("ask about this paper"): no retrieval, no planning.
        `backend` / `strict` override the LLM settings for this question only (a chat session's choice);
        `on_delta` receives a generated answer's text as it streams."""
        from rag.condense import condense
        from rag.planner import Plan, plan
        from rag.verify import verify

        started = time.perf_counter()
        question = self._check_question(question)
        self._require_index()
        retrieval = retrieval or self.settings.retrieval
        history = [self._check_question(h) for h in history if h and h.strip()]
        searched = condense(question, history)
        generator = self.generator(backend)
        if generator is not None and history and self.settings.llm.condense:
            from rag.generation.condense import condense_with_model

            searched = condense_with_model(question, history, generator, searched,
                                           self.settings.answer.max_question_chars)
        if paper_ids is not None:
            shape = Plan("factoid")
            evidence = [Evidence(paper_id=pid, title=self.papers[pid].title, text=self.papers[pid].abstract, rank=r)
                        for r, pid in enumerate(dict.fromkeys(paper_ids)) if pid in self.papers]
            if not evidence:
                raise QuestionError("None of the chosen papers is in the index; pick a paper from the Papers list.")
            from rag.naming import short_name

            # The chosen paper is what "it" is: its name makes the question standalone, and is shown.
            searched = f"{searched} ({'; '.join(short_name(self.papers[e.paper_id]) for e in evidence)})"
        else:
            shape = plan(searched)
            evidence = self.retriever.search(searched, retrieval)
        t_retrieved = time.perf_counter()
        answer = None
        if shape.kind == "comparative":
            answer = self._compare(shape.sides, question, searched)
        elif shape.kind == "list":
            answer = self._list(shape.topic, question, searched)
        if answer is None:
            answer = self._factoid(question, searched, evidence)
            if generator is not None and not answer.refused:
                strict = self.settings.llm.strict if strict is None else strict
                answer = self._generated(generator, answer, question, searched, evidence, strict, on_delta)
        answer.evidence = self._with_cited(evidence, answer)
        if not answer.refused:
            verify(answer, {e.paper_id for e in answer.evidence}, self._embed_sentences)
        answer.settings_hash = self.settings.settings_hash()
        answer.timings_ms = {
            "retrieve": (t_retrieved - started) * 1000,
            "total": (time.perf_counter() - started) * 1000,
        }
        return answer

    def ask_stream(self, question: str, history: Sequence[str] = (), retrieval: RetrievalSettings | None = None,
                   paper_ids: Sequence[str] | None = None, backend: str | None = None,
                   strict: bool | None = None) -> Iterator[str | Answer]:
        """`ask`, yielding the answer's text as it is written, then the verified `Answer` last.

        A generated answer yields its tokens (markers already numbered as in the final answer); an extractive
        one yields its sentences. The final Answer may differ from the streamed text: verification, strict mode
        or a fallback to the extractive answer happen after the last token."""
        import queue

        if (self.backend_for(backend)) == "extractive":
            answer = self.ask(question, history, retrieval, paper_ids, backend=backend, strict=strict)
            for sentence in answer.sentences:
                yield sentence.text + " "
            yield answer
            return
        events: queue.Queue[tuple[str, object]] = queue.Queue()

        def run() -> None:
            try:
                result = self.ask(question, history, retrieval, paper_ids, backend=backend, strict=strict,
                                  on_delta=lambda text: events.put(("delta", text)))
                events.put(("answer", result))
            except BaseException as exc:  # re-raised in the caller's thread
                events.put(("error", exc))

        worker = threading.Thread(target=run, name="paperchat-ask-stream", daemon=True)
        worker.start()
        while True:
            kind, value = events.get()
            if kind == "delta":
                yield value  # type: ignore[misc]
                continue
            worker.join()
            if kind == "error":
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
            return

    def backend_for(self, backend: str | None = None) -> str:
        """The backend a question is answered with: the one asked for, else the settings' choice."""
        return backend or self.settings.llm.effective_backend()

    def generator(self, backend: str | None = None):
        """The Generator for a backend (None for extractive), built once per engine and reused."""
        from rag.generation import make_generator

        name = self.backend_for(backend)
        if name == "extractive":
            return None
        with self._lock:
            if name not in self._generators:
                self._generators[name] = make_generator(name, self.settings.llm, self.settings.data_dir,
                                                        self.settings.device)
            return self._generators[name]

    def _generated(self, generator, extractive: Answer, question: str, searched: str, evidence: list[Evidence],
                   strict: bool, on_delta: Callable[[str], None] | None) -> Answer:
        """The factoid answer written by a model from the best sentences of the retrieved abstracts, verified;
        the extractive answer stands in when the model cites nothing usable."""
        from rag.generation.answer import generated_answer
        from rag.verify import verify

        scored = score_sentences(searched, self.embedder.embed_query(searched), evidence, self.papers,
                                 self._embed_sentences, self.lexical.idf)
        retrieved = {e.paper_id for e in evidence}
        return generated_answer(
            generator, question=question, searched=searched, scored=scored, papers=self.papers,
            extractive=extractive, llm=self.settings.llm, max_sentences=self.settings.answer.max_sentences,
            verify=lambda a: verify(a, retrieved, self._embed_sentences), strict=strict, on_delta=on_delta,
        )

    def unknown_names(self, question: str) -> tuple[list[str], list[str]]:
        """Names in the question that no indexed title or abstract mentions: identifiers (acronyms, mixed case:
        "MMLU", "Defects4J") and plain capitalised words ("Coq"). Nothing here can be about an unknown identifier;
        an unknown word only asks for stronger evidence, since a question may name what an abstract describes."""
        from rag.naming import key_names, mention_pattern, names_in

        strong = names_in(question)
        unknown = [n for n in key_names(question) if not mention_pattern(n).search(self.corpus_text)]
        return [n for n in unknown if n in strong], [n for n in unknown if n not in strong]

    def _factoid(self, question: str, searched: str, evidence: list[Evidence]) -> Answer:
        closest = [self.papers[e.paper_id] for e in evidence[:3]]
        unknown_ids, unknown_words = self.unknown_names(searched)
        if unknown_ids:
            return refusal(closest, query=question, searched=searched, reason=_not_mentioned(unknown_ids))
        q_vec = self.embedder.embed_query(searched)
        scored = score_sentences(searched, q_vec, evidence, self.papers, self._embed_sentences, self.lexical.idf)
        bar = self.settings.answer.refuse_below
        if unknown_words:
            bar = max(bar, self.settings.answer.refuse_below_unknown_name)
        if not scored or scored[0].score < bar:
            reason = _not_mentioned(unknown_words) if unknown_words and scored else ""
            return refusal(closest, query=question, searched=searched, reason=reason)
        chosen = pick_answer_sentences(scored, self.settings.answer.max_sentences)
        return extractive_answer(chosen, self.papers, query=question, searched=searched)

    def _compare(self, sides: list[str], question: str, searched: str) -> Answer | None:
        from rag.compose import comparative_answer
        from rag.naming import find_paper
        from rag.planner import side_variants

        chosen: list[Paper] = []
        missing = []
        for side in sides:
            paper = next(filter(None, (find_paper(v, self.papers.values()) for v in side_variants(side))), None)
            if paper is None:
                missing.append(side)
            elif paper not in chosen:
                chosen.append(paper)
        if len(chosen) < 2:
            return None
        return comparative_answer(chosen, self.papers, query=question, searched=searched, missing=missing)

    def _list(self, topic: str, question: str, searched: str) -> Answer | None:
        from rag.compose import list_answer
        from rag.listing import find_matches

        def score_topic(text: str):
            candidates = self.retriever.search(text, self.settings.retrieval, k=LIST_DEPTH)
            return score_sentences(text, self.embedder.embed_query(text), candidates, self.papers,
                                   self._embed_sentences, self.lexical.idf, rank_penalty=0.0)

        matches = find_matches(topic, self.papers.values(), score_topic)
        if not matches:
            return None
        return list_answer(matches, self.papers, topic=topic, query=question, searched=searched)

    def _with_cited(self, evidence: list[Evidence], answer: Answer) -> list[Evidence]:
        """Papers found by name or by a whole-index scan are the evidence of comparisons and lists: they come
        first, then the rest of what retrieval found."""
        if answer.kind == "factoid":
            return evidence
        by_id = {e.paper_id: e for e in evidence}
        ranked = []
        for citation in answer.citations:
            paper = self.papers[citation.paper_id]
            ranked.append(by_id.pop(paper.paper_id, None) or
                          Evidence(paper_id=paper.paper_id, title=paper.title, text=citation.quote))
        ranked += by_id.values()
        for rank, item in enumerate(ranked):
            item.rank = rank
        return ranked

    def _embed_sentences(self, sentences: list[str]) -> np.ndarray:
        """Sentence vectors are cached: the same abstracts come back question after question."""
        with self._cache_lock:  # the chat page and the Evaluate tab ask from several threads
            cached = {s: self._sentence_vectors.get(s) for s in dict.fromkeys(sentences)}
        missing = [s for s, v in cached.items() if v is None]
        if missing:
            for sentence, vector in zip(missing, self.embedder.embed(missing), strict=True):
                cached[sentence] = vector
            with self._cache_lock:
                self._sentence_vectors.update((s, cached[s]) for s in missing)
                while len(self._sentence_vectors) > 50_000:
                    self._sentence_vectors.popitem(last=False)
        return np.stack([cached[s] for s in sentences])

    def _check_question(self, question: str) -> str:
        question = " ".join((question or "").split())
        if not question:
            raise QuestionError("The question is empty: type a question about the indexed papers.")
        limit = self.settings.answer.max_question_chars
        if len(question) > limit:
            raise QuestionError(
                f"The question is {len(question):,} characters long; the limit is {limit:,}. Please shorten it."
            )
        return question

    def _require_index(self) -> None:
        if not self.papers:
            raise NoIndexError(
                f"No papers are indexed at {self.location}: run `paperchat ingest` first "
                "(no arguments ingests the built-in corpus)."
            )
