"""Chroma adapter: the only module that sees Chroma clients, collections and result dicts.

Each chunk's metadata carries its paper's content hash and chunk count, so the store itself can tell
which papers are complete: a paper interrupted mid-write (a crash) is seen as incomplete and rewritten.
A vector index damaged by a crash inside Chroma's own save is found and rebuilt (rag/store_recovery.py).

A store on a read-only mount is read from a private copy: Chroma (1.x) writes to its SQLite file whenever a
client opens it (a row in its `acquire_write` table), so it cannot open the folder itself. The copy is taken
once per process, removed at exit, and refuses writes, so an ingest into it is an error, never lost work.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import numpy as np

from rag.errors import PaperchatError
from rag.index.dense import DenseHit, sentence_id
from rag.types import Chunk, Paper

if TYPE_CHECKING:
    from rag.index.replica import Replica

PAGE = 5000
REBUILD_BATCH = 256
_COPIES: dict[str, Path] = {}  # a read-only store's private copy -> the folder it was copied from
# A companion collection holds one stamp, renewed by every write: readers in other processes (page workers, a page
# while a terminal ingests) compare it per question to see that the index changed.
VERSION_SUFFIX = ".version"
# Another holds each abstract sentence's vector, keyed by its text, for the answerer (rag/index/sentence_vectors.py).
# It is derived data: when a crash damages it, it is dropped, and questions embed what they need until the next
# ingest writes it again.
SENTENCES_SUFFIX = ".sentences"
# The version each write stamps is also written to a plain file here, so a reader can tell which snapshot matches
# the store without loading Chroma (rag/index/replica.py). Only paperchat's own writes keep it; none means unknown.
STAMPS = "paperchat-stamps"


def stamped_version(data_dir: Path, collection: str) -> str:
    """The version the last write to the embedded store stamped (ChromaStore.version's form), read without Chroma;
    "" when there is no such file."""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return (Path(data_dir) / "chroma" / STAMPS / collection).read_text(encoding="utf-8").strip()
    return ""


class StoreError(PaperchatError):
    """The store cannot be opened or reached; the message names it and says what to do."""


@dataclass(frozen=True)
class StoredPaper:
    paper: Paper
    paper_hash: str
    n_chunks: int  # chunks the paper should have
    n_stored: int  # chunks actually present

    @property
    def complete(self) -> bool:
        return self.n_chunks == self.n_stored


def local_index_exists(data_dir: Path) -> bool:
    """Whether an embedded store was ever written under data_dir; a cheap look, no chromadb import."""
    return (Path(data_dir) / "chroma" / "chroma.sqlite3").is_file()


def open_client(data_dir: Path, chroma_url: str = ""):
    """A Chroma client for the server at chroma_url, else for the embedded store under data_dir."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if not parsed.hostname:
            raise StoreError(f"Bad Chroma URL {chroma_url!r}: expected http://HOST:PORT.")
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname, port=parsed.port or 8000, ssl=parsed.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises several types for a dead server
            raise StoreError(
                f"Cannot reach the Chroma server at {chroma_url} ({exc}). "
                f"Start it with `chroma run --path DIR --host {parsed.hostname} --port {parsed.port or 8000}`, "
                "or drop --chroma-url / PAPERCHAT_CHROMA_URL to use the embedded store."
            ) from exc
        return client
    path = Path(data_dir) / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the data folder {path}: {exc.strerror}. Set --data-dir.") from exc
    if local_index_exists(data_dir) and not _writable(path):
        path = _private_copy(path)
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # a damaged or foreign folder surfaces as several chromadb/sqlite types
        raise StoreError(
            f"Cannot open the store at {path} ({type(exc).__name__}: {exc}). If it is damaged, move the folder "
            "away and ingest again, or point --data-dir at another folder."
        ) from exc


def _writable(path: Path) -> bool:
    """Whether SQLite may write the catalogue and its journal: access() also answers no on a read-only mount,
    even for root."""
    return os.access(path, os.W_OK) and os.access(path / "chroma.sqlite3", os.W_OK)


def _private_copy(path: Path) -> Path:
    """A writable copy of a read-only store, for reading it (see the module docstring)."""
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    scratch = Path(tempfile.gettempdir())
    free = shutil.disk_usage(scratch).free
    if size * 1.1 > free:
        raise StoreError(
            f"The store at {path} is read-only, and Chroma must write to open it; reading it needs a temporary "
            f"copy of {size / 1e6:,.0f} MB but {scratch} has {free / 1e6:,.0f} MB free. Make the folder writable, "
            "or set TMPDIR to a folder with room."
        )
    copy = Path(tempfile.mkdtemp(prefix="paperchat-read-only-")) / "chroma"
    atexit.register(shutil.rmtree, copy.parent, ignore_errors=True)
    # copyfile, not copy2: the copy must be writable even when the originals are mode 444.
    shutil.copytree(path, copy, copy_function=shutil.copyfile)
    for folder, _, _ in os.walk(copy):
        os.chmod(folder, 0o700)
    _COPIES[str(copy)] = path
    return copy


def _location(client) -> str:
    settings = client.get_settings()
    if settings.chroma_server_host:
        return f"http://{settings.chroma_server_host}:{settings.chroma_server_http_port}"
    return str(_COPIES.get(settings.persist_directory, settings.persist_directory))


def _server_errors(method: Callable) -> Callable:
    """A Chroma server that goes away mid-command surfaces as a StoreError naming it, not an httpx traceback.

    What was written before stays written (whole papers per call), so running the same command again is safe.
    """

    @functools.wraps(method)
    def guarded(self: ChromaStore, *args, **kwargs):
        import httpx

        try:
            return method(self, *args, **kwargs)
        except httpx.TransportError as exc:
            raise StoreError(
                f"Lost the Chroma server at {self.location} ({exc}). Papers already written are kept; "
                "restart the server and run the same command again."
            ) from exc

    return guarded


class ChromaStore:
    def __init__(self, client, collection_name: str) -> None:
        from rag.index.recovery import WriteMarks, recover

        self._client = client
        self.name = collection_name
        self.location = _location(client)
        self._marks: WriteMarks | None = None
        self._persist_dir: Path | None = None  # the embedded store's folder (None for a Chroma server)
        self._sentence_marks: WriteMarks | None = None
        self.recovered = ""  # what recovery found after a cut-short write: "", "sound" or "damaged"
        settings = client.get_settings()
        self.read_only = settings.persist_directory in _COPIES  # read from a private copy of a read-only folder
        sentences_damaged = False
        if settings.is_persistent and not settings.chroma_server_host:
            # Before Chroma loads the collection: a damaged index can crash the process that loads it.
            persist_dir = Path(settings.persist_directory)
            self._persist_dir = persist_dir
            self.recovered = recover(persist_dir, collection_name)
            self._marks = WriteMarks(persist_dir, collection_name)
            self._sentence_marks = WriteMarks(persist_dir, collection_name + SENTENCES_SUFFIX)
            sentences_damaged = recover(persist_dir, collection_name + SENTENCES_SUFFIX) in ("damaged", "missing")
        self._collection = self._open_collection()
        if sentences_damaged:
            self._drop_sentences()
        self._sentences = None  # looked up when first needed; created by the first write (a reader creates nothing)
        self.last_written = ""  # the version this process's own last write left

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Marks a write to the embedded store, so a process that dies inside it is noticed (rag/index/recovery),
        and stamps a new version once it is done, so other readers notice it. Every write comes through here, so
        here a read-only store refuses it, before anything is written."""
        if self.read_only:
            raise StoreError(
                f"The store at {self.location} is read-only (a read-only mount, or files you may not write): "
                "paperchat answers from it but cannot add, change or repair papers there. Make it writable, or "
                "give another folder with --data-dir."
            )
        with contextlib.ExitStack() as marked:
            for marks in (self._marks, self._sentence_marks):
                if marks:
                    marked.enter_context(marks.writing())
            try:
                yield
            except BaseException:
                with contextlib.suppress(Exception):  # part may be written; the write's own error is the news
                    self._stamp()
                raise
            self._stamp()

    def _stamp(self) -> None:
        stamp = uuid.uuid4().hex
        self._client.get_or_create_collection(self.name + VERSION_SUFFIX, embedding_function=None).modify(
            metadata={"stamp": stamp}
        )
        self.last_written = f"{self._collection.id}:{stamp}"
        if self._persist_dir is not None:
            self._write_stamp_file(self.last_written)

    @property
    def stamps_files(self) -> bool:
        """Whether this store's writes stamp the plain version file (an embedded store; a server's do not)."""
        return self._persist_dir is not None and not self.read_only

    def _write_stamp_file(self, version: str) -> None:
        folder = self._persist_dir / STAMPS
        try:
            folder.mkdir(exist_ok=True)
            scratch = folder / f".{self.name}.{os.getpid()}"
            scratch.write_text(version, encoding="utf-8")
            os.replace(scratch, folder / self.name)
        except OSError:  # no file is safe (readers open Chroma); a stale one is not
            with contextlib.suppress(OSError):
                (folder / self.name).unlink(missing_ok=True)

    @_server_errors
    def version(self) -> str:
        """The index's content as one string: the collection (a recreated one is another) and the last write's
        stamp. Two cheap catalogue reads, no chunk is read."""
        from chromadb.errors import NotFoundError

        try:
            collection_id = self._client.get_collection(self.name, embedding_function=None).id
        except NotFoundError:
            return "absent"
        try:
            stamp = (self._client.get_collection(self.name + VERSION_SUFFIX).metadata or {}).get("stamp", "")
        except NotFoundError:
            stamp = ""
        return f"{collection_id}:{stamp}"

    @_server_errors
    def reopen(self) -> None:
        """Sees what another process wrote. A Chroma server serves it already, once the collection is looked up
        again (it may have been recreated); the embedded store's vector index is loaded once per process, so a
        fresh client, with a fresh copy of it, is made."""
        settings = self._client.get_settings()
        if settings.is_persistent and not settings.chroma_server_host:
            import chromadb
            from chromadb.api.shared_system_client import SharedSystemClient

            # Chroma shares one loaded store per folder and process; forget ours only, so this client loads anew.
            SharedSystemClient._identifier_to_system.pop(settings.persist_directory, None)
            self._client = chromadb.PersistentClient(path=settings.persist_directory, settings=settings)
        self._collection = self._open_collection()
        self._sentences = None

    @property
    def vectors_missing(self) -> bool:
        """True after a damaged vector index was removed, until rebuild_vectors has run."""
        return bool(self._marks and self._marks.rebuild_flag.exists())

    @_server_errors
    def rebuild_vectors(self, embed: Callable[[list[str]], np.ndarray],
                        on_batch: Callable[[int], None] | None = None) -> int:
        """Recomputes every chunk's vector from its stored text; the texts and metadata survived the damage.

        Upserts of the same ids are idempotent, so a rebuild that is itself cut short is simply run again.
        """
        ids = [chunk_id for page in self._pages([]) for chunk_id in page["ids"]]
        with self._writing():
            for start in range(0, len(ids), REBUILD_BATCH):
                got = self._collection.get(ids=ids[start : start + REBUILD_BATCH], include=["documents", "metadatas"])
                self._collection.upsert(
                    ids=got["ids"], embeddings=embed(got["documents"]).tolist(), documents=got["documents"],
                    metadatas=got["metadatas"],
                )
                if on_batch:
                    on_batch(len(got["ids"]))
        if self._marks:
            self._marks.rebuild_flag.unlink(missing_ok=True)
        return len(ids)

    @_server_errors
    def _open_collection(self):
        return self._client.get_or_create_collection(
            self.name, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    @_server_errors
    def replica(self) -> Replica:
        """Every chunk's vector and every stored sentence vector, to search them as flat arrays
        (rag/index/replica.py); the caller decides whether the store is small enough."""
        from rag.index import replica

        ids, paper_ids, texts, vectors = [], [], [], []
        for page in self._pages(["embeddings", "documents", "metadatas"]):
            ids += page["ids"]
            paper_ids += [meta["paper_id"] for meta in page["metadatas"]]
            texts += page["documents"]
            vectors += list(page["embeddings"])
        sentence_ids, sentence_vectors = [], []
        if (sentences := self._sentence_collection()) is not None:
            for page in self._pages(["embeddings"], sentences):
                sentence_ids += page["ids"]
                sentence_vectors += list(page["embeddings"])
        return replica.build(ids, paper_ids, texts, vectors, sentence_ids, sentence_vectors)

    @_server_errors
    def count(self) -> int:
        return self._collection.count()

    def _pages(self, include: list[str], collection=None) -> Iterator[dict]:
        """The chunk collection (or another: the sentences') page by page."""
        collection = collection if collection is not None else self._collection
        offset = 0
        while True:
            page = collection.get(include=include, limit=PAGE, offset=offset)
            if not page["ids"]:
                return
            yield page
            offset += len(page["ids"])

    @_server_errors
    def stored_papers(self) -> dict[str, StoredPaper]:
        found: dict[str, dict] = {}
        for page in self._pages(["metadatas"]):
            for meta in page["metadatas"]:
                entry = found.setdefault(meta["paper_id"], {"meta": None, "hashes": {}, "n": meta["n_chunks"]})
                entry["hashes"][meta["paper_hash"]] = entry["hashes"].get(meta["paper_hash"], 0) + 1
                if meta.get("n") == 0:
                    entry["meta"] = meta
                    entry["n"] = meta["n_chunks"]
        result = {}
        for paper_id, entry in found.items():
            meta = entry["meta"]
            # Mixed hashes mean a half-replaced paper: report it incomplete so it is rewritten.
            paper_hash, n_stored = max(entry["hashes"].items(), key=lambda kv: kv[1])
            if len(entry["hashes"]) > 1 or meta is None:
                n_stored = -1
            paper = _paper_from_meta(paper_id, meta) if meta else Paper(paper_id, "", "")
            result[paper_id] = StoredPaper(paper, paper_hash, entry["n"], n_stored)
        return result

    @_server_errors
    def write_papers(self, papers: Sequence[Paper], chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Replaces the given papers' chunks with these. Deletes first, so a crash leaves a paper absent or
        incomplete, never duplicated; the next ingest finds it and writes it again."""
        if not chunks:
            return
        by_paper = {p.paper_id: p for p in papers}
        counts: dict[str, int] = {}
        for chunk in chunks:
            counts[chunk.paper_id] = counts.get(chunk.paper_id, 0) + 1
        metadatas = []
        for chunk in chunks:
            n = int(chunk.chunk_id.rsplit(":", 1)[1])
            meta = {
                "paper_id": chunk.paper_id, "title": chunk.title, "n": n, "n_chunks": counts[chunk.paper_id],
                "paper_hash": chunk.paper_hash, "n_tokens": chunk.n_tokens,
            }
            if n == 0:
                paper = by_paper[chunk.paper_id]
                meta.update(
                    abstract=paper.abstract, authors="; ".join(paper.authors), year=paper.year or 0,
                    url=paper.url, source=paper.source, venue=paper.venue, doi=paper.doi, arxiv_id=paper.arxiv_id,
                )
            metadatas.append(meta)
        with self._writing():
            self._delete(list(counts))
            self._collection.add(
                ids=[c.chunk_id for c in chunks], embeddings=vectors.tolist(),
                documents=[c.text for c in chunks], metadatas=metadatas,
            )

    @_server_errors
    def delete_papers(self, paper_ids: Sequence[str]) -> None:
        with self._writing():
            self._delete(paper_ids)
            self._delete_sentences(paper_ids)

    def _delete(self, paper_ids: Sequence[str]) -> None:
        for start in range(0, len(paper_ids), 500):
            self._collection.delete(where={"paper_id": {"$in": list(paper_ids[start : start + 500])}})

    def _delete_sentences(self, paper_ids: Sequence[str]) -> None:
        if (sentences := self._sentence_collection()) is None:
            return
        for start in range(0, len(paper_ids), 500):
            sentences.delete(where={"paper_id": {"$in": list(paper_ids[start : start + 500])}})

    def _sentence_collection(self, create: bool = False):
        """The sentence collection, or None while no write has made one (a store from before they were stored)."""
        from chromadb.errors import NotFoundError

        if self._sentences is None:
            name = self.name + SENTENCES_SUFFIX
            if create:
                self._sentences = self._client.get_or_create_collection(
                    name, embedding_function=None, metadata={"hnsw:space": "cosine"})
            else:
                with contextlib.suppress(NotFoundError):
                    self._sentences = self._client.get_collection(name, embedding_function=None)
        return self._sentences

    def _drop_sentences(self) -> None:
        """Removes a sentence collection a crash damaged (see SENTENCES_SUFFIX); nothing but time is lost."""
        from chromadb.errors import NotFoundError

        with contextlib.suppress(NotFoundError, ValueError):
            self._client.delete_collection(self.name + SENTENCES_SUFFIX)
        if self._sentence_marks:
            self._sentence_marks.rebuild_flag.unlink(missing_ok=True)

    @_server_errors
    def sentence_vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these sentence texts (see rag/index/sentence_vectors.py); absent ones are left
        out. One lookup by id, no search."""
        from chromadb.errors import NotFoundError

        by_id = {sentence_id(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        ids, sentences = list(by_id), self._sentence_collection()
        if sentences is None:
            return found
        try:
            for start in range(0, len(ids), PAGE):
                got = sentences.get(ids=ids[start : start + PAGE], include=["embeddings"])
                for key, vector in zip(got["ids"], got["embeddings"], strict=True):
                    found[by_id[key]] = np.asarray(vector, dtype=np.float32)
        except NotFoundError:  # dropped or recreated since this process looked it up: look again next time
            self._sentences = None
        return found

    @_server_errors
    def sentences_missing(self, texts: Sequence[str]) -> list[str]:
        """Those of these sentence texts that have no stored vector (papers ingested before they were stored)."""
        by_id = {sentence_id(t): t for t in texts}
        ids, present, sentences = list(by_id), set(), self._sentence_collection()
        for start in range(0, len(ids) if sentences is not None else 0, PAGE):
            present.update(sentences.get(ids=ids[start : start + PAGE], include=[])["ids"])
        return [text for key, text in by_id.items() if key not in present]

    @_server_errors
    def write_sentence_vectors(self, paper_ids: Sequence[str], texts: Sequence[str], vectors: np.ndarray,
                               replace: bool = True) -> None:
        """Stores sentence vectors; `paper_ids[i]` is the paper `texts[i]` comes from. `replace` first removes
        those papers' earlier sentences (an abstract that changed). A sentence two papers share is stored once,
        under the paper written last; deleting that paper leaves the other to be filled in by the next ingest.

        Ingest writes a batch's sentences just before its chunks, so the version write_papers stamps covers both:
        a reader that sees the papers finds their sentences. No version is stamped here: readers need not re-read
        papers that did not change."""
        if not texts:
            return
        if self.read_only:
            raise StoreError(f"The store at {self.location} is read-only: paperchat cannot add sentence vectors "
                             "there. Make it writable, or give another folder with --data-dir.")
        rows = {sentence_id(t): (pid, t, i) for i, (pid, t) in enumerate(zip(paper_ids, texts, strict=True))}
        ids, sentences = list(rows), self._sentence_collection(create=True)
        with self._sentence_marks.writing() if self._sentence_marks else contextlib.nullcontext():
            if replace:
                self._delete_sentences(list(dict.fromkeys(paper_ids)))
            for start in range(0, len(ids), REBUILD_BATCH * 4):
                batch = ids[start : start + REBUILD_BATCH * 4]
                sentences.upsert(
                    ids=batch, embeddings=vectors[[rows[k][2] for k in batch]].tolist(),
                    metadatas=[{"paper_id": rows[k][0]} for k in batch],
                )

    @_server_errors
    def dense_search(self, vector: np.ndarray, k: int, total: int | None = None) -> list[DenseHit]:
        """The k nearest chunks. `total`, when the caller already counted the collection, saves a second count."""
        if self.vectors_missing:
            raise StoreError(
                f"The vector index at {self.location} was damaged by a write that was cut short (a crash or kill) "
                "and has been removed; the papers themselves are intact. Run any `paperchat` command (e.g. "
                "`paperchat ingest`) to recompute their vectors."
            )
        total = self.count() if total is None else total
        if total == 0:
            return []
        import httpx
        from chromadb.errors import NotFoundError

        query = {"query_embeddings": [vector.tolist()], "n_results": min(k, total),
                 "include": ["metadatas", "documents", "distances"]}
        try:
            result = self._collection.query(**query)
        except NotFoundError:  # recreated since this process looked it up: look again, once
            self.reopen()
            result = self._collection.query(**query)
        except httpx.TransportError:
            raise  # a server gone away: _server_errors says so
        except Exception as exc:
            raise self._unreadable(exc) from exc
        return [
            DenseHit(chunk_id=cid, paper_id=meta["paper_id"], text=doc, similarity=1.0 - float(dist))
            for cid, meta, doc, dist in zip(
                result["ids"][0], result["metadatas"][0], result["documents"][0], result["distances"][0], strict=True
            )
        ]


    def _unreadable(self, exc: Exception) -> StoreError:
        """A vector index that fails to read although no write of ours was cut short (files damaged by hand, a
        disk fault, a partial restore): checked in a child process as after a crash, and removed when damaged,
        so the next command rebuilds it from the stored texts."""
        from rag.index.recovery import index_is_sound, remove_vector_index

        said = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        settings = self._client.get_settings()
        if self._marks is not None and not index_is_sound(Path(settings.persist_directory), self.name):
            remove_vector_index(Path(settings.persist_directory), self.name)
            self._marks.rebuild_flag.touch()
            return StoreError(
                f"The vector index at {self.location} is damaged ({said}) and has been removed; the papers are "
                "intact. Run the command again: it recomputes their vectors first."
            )
        return StoreError(f"Searching the vector index at {self.location} failed ({said}). Run the command again; "
                          "if it keeps failing, run `paperchat ingest` on the same files to rewrite the index.")


def _paper_from_meta(paper_id: str, meta: dict) -> Paper:
    authors = tuple(a for a in str(meta.get("authors") or "").split("; ") if a)
    return Paper(
        paper_id=paper_id, title=meta["title"], abstract=meta.get("abstract", ""), authors=authors,
        year=meta.get("year") or None, url=meta.get("url", ""), source=meta.get("source", ""),
        venue=meta.get("venue", ""), doi=meta.get("doi", ""), arxiv_id=meta.get("arxiv_id", ""),
    )
