"""Recovery of the embedded store after a write was cut short (kill -9, out of memory, power loss).

Why this exists: Chroma's embedded vector index (HNSW) is saved in place, file after file (header, vectors,
links, id map). A process killed in the middle of a save leaves files that disagree, and the next process to
open the collection crashes with SIGSEGV or fails with "Error finding id" (reproduced here with SIGKILL;
upstream: chroma-core/chroma#7238). The documents and metadata live in SQLite, which is transactional and
survives. So every write by paperchat is marked with a file; a process that finds a mark left by a dead writer
checks the index in a child process (where a crash cannot take the caller down). A damaged index is removed
and flagged, and its vectors are recomputed from the stored chunk texts (see ChromaStore.rebuild_vectors).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKS = "paperchat-writes"
PROBE_TIMEOUT_S = 900
PROBE_PAGE = 1000  # ids per read, well under SQLite's limit on bound variables
PROBE_SAMPLE = 200  # stored vectors searched for themselves
PROBE_TOP = 10
PROBE_REACHED = 0.9  # share of them a sound index finds; old links next to new vectors found 52 of 100


class WriteMarks:
    """One file per live write (`<collection>.<pid>_<thread>`), and a flag (`<collection>.rebuild`) while the vectors of
    a damaged index are missing; both sit next to Chroma's own files, so they travel with the store."""

    def __init__(self, persist_dir: Path, collection: str) -> None:
        self.folder = Path(persist_dir) / MARKS
        self.collection = collection

    @contextmanager
    def writing(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        # One mark per process and thread, so one writer finishing never clears another's mark.
        mark = self.folder / f"{self.collection}.{os.getpid()}_{threading.get_ident()}"
        mark.touch()
        try:
            yield
        finally:
            mark.unlink(missing_ok=True)

    def left_by_dead_writers(self) -> list[Path]:
        marks = []
        for mark in self.folder.glob(f"{glob.escape(self.collection)}.*"):
            collection, writer = mark.name.rsplit(".", 1)
            pid = writer.split("_")[0]
            if collection == self.collection and pid.isdigit() and not _alive(int(pid)):
                marks.append(mark)
        return marks

    @property
    def rebuild_flag(self) -> Path:
        return self.folder / f"{self.collection}.rebuild"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(persist_dir: Path, collection: str) -> str:
    """Run before the collection is opened. Returns what was done: "" (nothing to do), "sound" (a write was cut
    short but the index checks out), "damaged" (the vector index was removed; vectors must be rebuilt) or
    "missing" (its folder is gone although chunks are stored; vectors must be rebuilt)."""
    marks = WriteMarks(persist_dir, collection)
    dead = marks.left_by_dead_writers()
    if not dead:
        if not marks.rebuild_flag.exists() and vector_folder_missing(persist_dir, collection):
            marks.folder.mkdir(parents=True, exist_ok=True)
            marks.rebuild_flag.touch()
            return "missing"
        return ""
    # A rebuild that was itself cut short left a partial index: no need to probe it.
    if not marks.rebuild_flag.exists() and index_is_sound(persist_dir, collection):
        outcome = "sound"
    else:
        remove_vector_index(persist_dir, collection)
        marks.rebuild_flag.touch()
        outcome = "damaged"
    for mark in dead:
        mark.unlink(missing_ok=True)
    return outcome


def index_is_sound(persist_dir: Path, collection: str) -> bool:
    """Opens the collection in a child process (where a crash cannot take the caller down) and checks it there;
    a crash, an error or a failed check all mean damaged. See probe for what is checked."""
    code = "import sys; from rag.index.recovery import probe; sys.exit(probe(sys.argv[1], sys.argv[2]))"
    try:
        result = subprocess.run([sys.executable, "-c", code, str(persist_dir), collection],
                                capture_output=True, timeout=PROBE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0


def probe(persist_dir: str, collection: str) -> int:
    """0 when sound, 3 when a check fails (an error or a crash ends the child process with its own code).

    Two things a half-saved index gets wrong, checked separately: the id map (every stored chunk's vector must be
    readable: an old map next to new vectors fails with "Error finding id") and the links (searching with a
    stored vector must find that vector: old links leave the newer vectors unreachable, about half of them in
    the reproduced state). Links are judged by a share, not by every vector: HNSW is approximate, and a freshly
    built index over near-identical texts can leave one vector no search reaches (seen in 2 of 30 rebuilds of
    100 chunks), which is no damage and which a rebuild would not change."""
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=persist_dir, settings=Settings(anonymized_telemetry=False))
    try:
        col = client.get_collection(collection, embedding_function=None)
    except Exception:  # no such collection: nothing to damage
        return 0
    stored = col.get(include=[])["ids"]
    if not stored:
        return 0
    vectors: dict[str, list[float]] = {}
    for start in range(0, len(stored), PROBE_PAGE):
        got = col.get(ids=stored[start : start + PROBE_PAGE], include=["embeddings"])
        vectors.update(zip(got["ids"], got["embeddings"], strict=True))
    if set(vectors) != set(stored):
        return 3
    step = max(1, len(stored) // PROBE_SAMPLE)
    sample = stored[::step][:PROBE_SAMPLE]
    found = col.query(query_embeddings=[list(vectors[i]) for i in sample], n_results=min(PROBE_TOP, len(stored)),
                      include=[])["ids"]
    if any(len(ids) != len(set(ids)) or not set(ids) <= vectors.keys() for ids in found):
        return 3
    reached = sum(chunk_id in ids for chunk_id, ids in zip(sample, found, strict=True))
    return 0 if reached >= PROBE_REACHED * len(sample) else 3


def remove_vector_index(persist_dir: Path, collection: str) -> None:
    """Deletes the collection's HNSW folder; Chroma starts an empty one on the next open, and the metadata and
    documents in SQLite are untouched."""
    for folder in _vector_folders(persist_dir, collection):
        if folder.is_dir():
            shutil.rmtree(folder)


def untouched(persist_dir: Path, collection: str) -> bool:
    """Whether nothing can have changed the collection since its last stamp: no write of it (or of its companion
    collections) under way or cut short, no rebuild pending, its vector folder in place. A reader that skips
    Chroma (rag/index/replica.py) needs all of it; otherwise opening Chroma deals with what is found."""
    if any((Path(persist_dir) / MARKS).glob(f"{glob.escape(collection)}.*")):
        return False
    try:
        return not vector_folder_missing(persist_dir, collection)
    except sqlite3.Error:
        return False


def vector_folder_missing(persist_dir: Path, collection: str) -> bool:
    """True when the collection stores chunks but its vector folder is gone (deleted by hand, a partial backup):
    Chroma would open it empty, and dense search would silently find nothing."""
    db = Path(persist_dir) / "chroma.sqlite3"
    if not db.is_file():
        return False
    folders = _vector_folders(persist_dir, collection)
    if not folders or all(folder.is_dir() for folder in folders):
        return False
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (stored,) = conn.execute(
            "SELECT COUNT(*) FROM embeddings e JOIN segments s ON e.segment_id = s.id "
            "JOIN collections c ON s.collection = c.id WHERE c.name = ?", (collection,),
        ).fetchone()
    return stored > 0


def _vector_folders(persist_dir: Path, collection: str) -> list[Path]:
    """The collection's vector-index folders, from Chroma's catalogue, read-only."""
    db = Path(persist_dir) / "chroma.sqlite3"
    if not db.is_file():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT s.id FROM segments s JOIN collections c ON s.collection = c.id "
            "WHERE c.name = ? AND s.scope = 'VECTOR'", (collection,),
        ).fetchall()
    return [Path(persist_dir) / segment_id for (segment_id,) in rows]
