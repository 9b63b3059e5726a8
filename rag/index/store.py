"""Chroma adapter: the only module that sees Chroma clients, collections and result dicts.

Each chunk's metadata carries its paper's content hash and chunk count, so the store itself can tell
which papers are complete: a paper interrupted mid-write (a crash) is seen as incomplete and rewritten.
A vector index damaged by a crash inside Chroma's own save is found and rebuilt (rag/store_recovery.py).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from rag.errors import PaperchatError
from rag.types import Chunk, Paper

PAGE = 5000
REBUILD_BATCH = 256


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


@dataclass(frozen=True)
class DenseHit:
    chunk_id: str
    paper_id: str
    text: str
    similarity: float


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
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # a damaged or foreign folder surfaces as several chromadb/sqlite types
        raise StoreError(
            f"Cannot open the store at {path} ({type(exc).__name__}: {exc}). If it is damaged, move the folder "
            "away and ingest again, or point --data-dir at another folder."
        ) from exc


def _location(client) -> str:
    settings = client.get_settings()
    if settings.chroma_server_host:
        return f"http://{settings.chroma_server_host}:{settings.chroma_server_http_port}"
    return str(settings.persist_directory)


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
        self.recovered = ""  # what recovery found after a cut-short write: "", "sound" or "damaged"
        settings = client.get_settings()
        if settings.is_persistent and not settings.chroma_server_host:
            # Before Chroma loads the collection: a damaged index can crash the process that loads it.
            persist_dir = Path(settings.persist_directory)
            self.recovered = recover(persist_dir, collection_name)
            self._marks = WriteMarks(persist_dir, collection_name)
        self._collection = self._open_collection()

    def _writing(self):
        """Marks a write to the embedded store, so a process that dies inside it is noticed (rag/store_recovery)."""
        return self._marks.writing() if self._marks else contextlib.nullcontext()

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
    def count(self) -> int:
        return self._collection.count()

    def _pages(self, include: list[str]) -> Iterator[dict]:
        offset = 0
        while True:
            page = self._collection.get(include=include, limit=PAGE, offset=offset)
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
                    url=paper.url, source=paper.source,
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

    def _delete(self, paper_ids: Sequence[str]) -> None:
        for start in range(0, len(paper_ids), 500):
            self._collection.delete(where={"paper_id": {"$in": list(paper_ids[start : start + 500])}})

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
        result = self._collection.query(
            query_embeddings=[vector.tolist()], n_results=min(k, total), include=["metadatas", "documents", "distances"]
        )
        return [
            DenseHit(chunk_id=cid, paper_id=meta["paper_id"], text=doc, similarity=1.0 - float(dist))
            for cid, meta, doc, dist in zip(
                result["ids"][0], result["metadatas"][0], result["documents"][0], result["distances"][0], strict=True
            )
        ]


def _paper_from_meta(paper_id: str, meta: dict) -> Paper:
    authors = tuple(a for a in str(meta.get("authors") or "").split("; ") if a)
    return Paper(
        paper_id=paper_id, title=meta["title"], abstract=meta.get("abstract", ""), authors=authors,
        year=meta.get("year") or None, url=meta.get("url", ""), source=meta.get("source", ""),
    )
