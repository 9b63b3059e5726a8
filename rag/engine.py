"""The engine: one object the faces (CLI, terminal chat, page) and the evaluators ask through.

It owns the heavy parts, each loaded once per process and only when first needed (the store, the encoder, the
generators), and the current index view. Answering is `rag.answer.pipeline`; writing to the index is
`ingest/`'s job: the engine only opens the store and refreshes its view after someone wrote.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from rag.answer.pipeline import Event, Request, Tools, run
from rag.answer.question import check_question
from rag.errors import NoIndexError, QuestionError
from rag.index.view import IndexView, read_view
from rag.settings import RetrievalSettings, Settings
from rag.types import Answer, Evidence, Paper

if TYPE_CHECKING:
    from rag.generation.base import Generator
    from rag.index.encoder import Embedder
    from rag.index.sentence_vectors import SentenceVectors
    from rag.index.store import ChromaStore

__all__ = ["Engine", "NoIndexError", "QuestionError"]

SNAPSHOTS = "snapshots"  # under the data folder: the saved paper tables and BM25 indexes (rag/index/snapshot.py)


class Engine:
    def __init__(self, settings: Settings, embedder: Embedder | None = None, *, must_exist: bool = False,
                 encoder_early: bool = True, quick: bool = False) -> None:
        """Opens the index. `must_exist`: a command that only reads (ask, chat, papers) fails at once, before
        loading anything, when the local data folder holds no index, and creates nothing there.
        `encoder_early=False` leaves the encoder to the first question (bench/open_index.py times the store
        alone that way). `quick`: a reading command answers from the snapshot of the store's version, vectors
        included, without loading Chroma when it can (rag/index/replica.py); Chroma is opened when first needed.
        """
        from rag.index.store import local_index_exists
        from rag.offline import configure_offline

        # Opened from a script rather than the CLI, an engine must still read tiktoken's shipped file: without it
        # the typo tables lose most English words and the same question is refused here and answered there.
        configure_offline()
        self.settings = settings.resolved()
        if must_exist and not self.settings.store.chroma_url and not local_index_exists(self.settings.data_dir):
            raise self._no_index()
        self._embedder: Embedder | None = embedder
        self._embedder_lock = threading.Lock()
        if embedder is None and encoder_early and self._encoder_loads_quickly():
            # Building the encoder (ONNX Runtime releases the GIL while it prepares its session) overlaps opening
            # Chroma on another core: a cold `ask` waits for the longer of the two, not their sum.
            # Not a daemon: a command done before the encoder is (`papers` from a snapshot) waits for it at exit,
            # since ONNX Runtime aborts the process when torn down in the middle of building a session.
            threading.Thread(target=self._preload_embedder, name="paperchat-encoder").start()
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._store_lock = threading.Lock()
        self._generators: dict[str, Generator] = {}  # backend -> Generator, built on first use (a model is slow)
        self.collection = f"{self.settings.store.collection_prefix}-{self.settings.index_hash()}"
        # The paper table and BM25 are loaded from a snapshot of the store's current version when one was saved
        # (by the last ingest, or the last process that opened this version), else rebuilt and saved.
        self._snapshots = self.settings.data_dir / SNAPSHOTS / self.collection
        self._store: ChromaStore | None = None
        read_quickly = None
        if quick and not self.settings.store.chroma_url:
            from rag.index.view import quick_view

            read_quickly = quick_view(self.settings.data_dir, self.collection, self._embed_query,
                                      self.settings.retrieval.title_repeat, self._snapshots)
        if read_quickly is not None:
            self._view, self._view_version = read_quickly
        else:
            self._view_version = self.store.version()
            self._view = read_view(self.store, self._embed_query, self.settings.retrieval.title_repeat,
                                   self._snapshots, self._view_version)

    @property
    def store(self) -> ChromaStore:
        """The Chroma store, opened on first use: at once by a writer, only when needed by a quick reader."""
        with self._store_lock:
            if self._store is None:
                from rag.index.store import ChromaStore, open_client

                client = open_client(self.settings.data_dir, self.settings.store.chroma_url)
                self._store = ChromaStore(client, self.collection)
            return self._store

    @property
    def vectors_missing(self) -> bool:
        """Whether a crash left the vector index to rebuild; a quick reader found it whole without opening it."""
        return self._store is not None and self._store.vectors_missing

    @property
    def embedder(self) -> Embedder:
        """The encoder, loaded once: by the thread the engine starts when it opens, or by whoever needs it first
        (the others wait for that one)."""
        with self._embedder_lock:
            if self._embedder is None:
                from rag.index.encoder import Embedder

                self._embedder = Embedder(self.settings.device, self.settings.ingest.batch_size,
                                          self.settings.encoder, cache_dir=self.settings.model_cache_dir)
            return self._embedder

    @cached_property
    def sentence_vectors(self) -> SentenceVectors:
        """Sentence vectors are read from the store (ingest wrote them); only papers ingested before that are
        embedded here. The store is looked up through `self.store` at each call: catch_up may reopen it."""
        from rag.index.sentence_vectors import SentenceVectors

        return SentenceVectors(lambda texts: self.embedder.embed(texts),
                               lambda texts: self._view.retriever.store.sentence_vectors(texts))

    def _encoder_loads_quickly(self) -> bool:
        from rag.index.encoder import loads_quickly

        # Never early when it would export: a command that then fails at once would leave a half-written graph.
        return loads_quickly(self.settings.device, self.settings.encoder, self.settings.model_cache_dir)

    def _preload_embedder(self) -> None:
        with contextlib.suppress(Exception):  # whoever needs the encoder gets the error, from their own call
            _ = self.embedder

    def _embed_query(self, text: str) -> np.ndarray:
        return self.embedder.embed_query(text)

    @property
    def location(self) -> str:
        return self.settings.store.chroma_url or str(self.settings.data_dir)

    @property
    def view(self) -> IndexView:
        """The index as it is now; a question keeps the view it started with."""
        return self._view

    @property
    def papers(self) -> dict[str, Paper]:
        return self._view.papers

    def refresh(self) -> None:
        """Re-reads the papers and rebuilds BM25, or loads them from the snapshot of the store's version; ingest
        calls it after every write, which saves that snapshot for every other process on this data folder."""
        version = self.store.version()  # read first: a write landing during the read shows as a newer version
        view = read_view(self.store, self._embed_query, self.settings.retrieval.title_repeat, self._snapshots,
                         version)
        with self._lock:
            self._view, self._view_version = view, version

    def catch_up(self) -> None:
        """Sees writes made elsewhere (a terminal ingest under a running page, another worker on the same Chroma
        server, a recreated collection) before a question: a version check per question, a re-read only when
        the index changed. While one thread re-reads, the others answer from the view they have."""
        if not self._refreshing.acquire(blocking=False):
            return
        try:
            opened_now = self._store is None
            if opened_now and self._quick_view_current():
                return
            version = self.store.version()
            if version == self._view_version:
                return
            if not opened_now and version != self.store.last_written:
                self.store.reopen()  # a client opened just now has loaded the store as it is
            self.refresh()
        finally:
            self._refreshing.release()

    def _quick_view_current(self) -> bool:
        """For a reader that has not opened Chroma: the stamp file still names its view's version, and no write is
        under way (two file reads, like the catalogue reads of a version check)."""
        from rag.index.recovery import untouched
        from rag.index.store import stamped_version

        return stamped_version(self.settings.data_dir, self.collection) == self._view_version and \
            untouched(self.settings.data_dir / "chroma", self.collection)

    def search(self, query: str, retrieval: RetrievalSettings | None = None, k: int | None = None) -> list[Evidence]:
        self.catch_up()
        view = self._require_index()
        return view.retriever.search(query, retrieval or self.settings.retrieval, k)

    def ask(self, question: str, history: Sequence[str] = (), retrieval: RetrievalSettings | None = None,
            paper_ids: Sequence[str] | None = None, backend: str | None = None,
            strict: bool | None = None) -> Answer:
        """The verified Answer (the last event of `ask_stream`)."""
        for event in self.ask_stream(question, history, retrieval, paper_ids, backend, strict):
            if isinstance(event, Answer):
                return event
        raise AssertionError("the answer pipeline ended without an Answer")

    def ask_stream(self, question: str, history: Sequence[str] = (), retrieval: RetrievalSettings | None = None,
                   paper_ids: Sequence[str] | None = None, backend: str | None = None,
                   strict: bool | None = None) -> Iterator[Event]:
        """The answer's text as it is written, then the verified `Answer` last.

        The final Answer may differ from the streamed text: verification, strict mode or a fallback to the
        extractive answer happen after the last token."""
        check_question(question, self.settings.answer.max_question_chars)  # a bad question fails before the index
        request = Request(question, tuple(history), retrieval, tuple(paper_ids) if paper_ids is not None else None,
                          backend, strict)
        self.catch_up()
        view = self._require_index()
        tools = Tools(self.settings, self._embed_query, self.sentence_vectors, self.generator(backend))
        yield from run(request, view, tools)

    def backend_for(self, backend: str | None = None) -> str:
        """The backend a question is answered with: the one asked for, else the settings' choice."""
        return backend or self.settings.llm.effective_backend()

    def generator(self, backend: str | None = None) -> Generator | None:
        """The Generator for a backend (None for extractive), built once per engine and reused."""
        from rag.generation import make_generator

        name = self.backend_for(backend)
        if name == "extractive":
            return None
        with self._lock:
            if name not in self._generators:
                self._generators[name] = make_generator(name, self.settings.llm, self.settings.model_cache_dir,
                                                        self.settings.device)
            return self._generators[name]

    def _require_index(self) -> IndexView:
        view = self._view
        if not view.papers:
            raise self._no_index()
        return view

    def _no_index(self) -> NoIndexError:
        return NoIndexError(f"No papers are indexed at {self.location}: run `paperchat ingest` first "
                            "(no arguments ingests the built-in corpus).")
