"""`kill -9` in the middle of a real `paperchat ingest`, then the same ingest again: the store must end up exactly
as a clean ingest leaves it (same papers, chunks, texts and vectors; no duplicates, no orphan chunks), and the
dense index must agree with the metadata, so a killed writer left nothing the next process cannot open."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from cli_runner import PAPERCHAT, run_cli

from ingest.pipeline import WRITE_EVERY_CHUNKS
from ingest.writer import ingest_into

N_PAPERS = 300
PROGRESS = re.compile(rb"Embedding:.*?\|\s*(\d+)/(\d+) \[")


def corpus(path: Path) -> Path:
    """Short abstracts, one in five long enough for several chunks, so write batches end on paper boundaries
    that are not chunk-count multiples, and an interrupted paper could leave a partial chunk set."""
    rows = []
    for i in range(N_PAPERS):
        topic = ("theorem proving", "code generation", "math word problems", "web agents")[i % 4]
        sentences = [f"Paper {i} studies {topic} with method M{i}.", f"It gains {i % 89} points on B{i % 17}."]
        if i % 5 == 0:
            sentences += [f"Detail {k} of paper {i} explains the {topic} ablation in depth, step by step, with "
                          f"several controls and a long discussion of failure case {k}." for k in range(12)]
        rows.append({"id": f"paper-{i:04d}", "title": f"Paper {i}: {topic}", "abstract": " ".join(sentences)})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def snapshot(engine) -> dict[str, tuple]:
    """Every chunk as (paper, n, n_chunks, paper hash, text, vector), read straight from the collection."""
    collection = engine.store._collection
    got = collection.get(include=["metadatas", "documents", "embeddings"])
    return {
        cid: (m["paper_id"], m["n"], m["n_chunks"], m["paper_hash"], doc, np.asarray(vec))
        for cid, m, doc, vec in zip(got["ids"], got["metadatas"], got["documents"], got["embeddings"], strict=True)
    }


def kill_mid_ingest(path: Path, data_dir: Path) -> tuple[int, int]:
    """Starts `paperchat ingest`, waits until its progress shows a first batch written, SIGKILLs it at a random
    moment of the next batch; returns (chunks reported written, total)."""
    env = {**os.environ, "PAPERCHAT_DATA_DIR": str(data_dir)}
    process = subprocess.Popen([PAPERCHAT, "ingest", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env)
    seen = bytearray()
    written = threading.Event()

    def watch() -> None:
        while chunk := process.stderr.read1(4096):
            seen.extend(chunk)
            if any(int(m.group(1)) > 0 for m in PROGRESS.finditer(seen)):
                written.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        assert written.wait(timeout=300), f"no progress before the timeout: {seen.decode(errors='replace')}"
        time.sleep(random.uniform(0.0, 1.0))
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL, "ingest finished before it could be killed"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    watcher.join(timeout=10)
    done, total = (int(x) for x in PROGRESS.findall(seen)[-1])
    return done, total


@pytest.mark.slow
def test_sigkill_mid_ingest_then_the_same_ingest_again_equals_a_clean_ingest(tmp_path, fresh_engine, embedder):
    from rag.engine import Engine
    from rag.settings import Settings

    path = corpus(tmp_path / "papers.jsonl")
    clean = ingest_into(fresh_engine, [path], progress=False)
    assert clean.chunks > WRITE_EVERY_CHUNKS + 100, "the file must need several write batches"

    data_dir = tmp_path / "killed"
    done, total = kill_mid_ingest(path, data_dir)
    assert 0 < done < total == clean.chunks

    rerun = subprocess.run([PAPERCHAT, "ingest", "--quiet", str(path)], capture_output=True, text=True,
                           env={**os.environ, "PAPERCHAT_DATA_DIR": str(data_dir)}, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    counts = re.match(r"(\d+) papers: (\d+) new, (\d+) updated, (\d+) unchanged; (\d+) chunks$", rerun.stdout.strip())
    assert counts, rerun.stdout
    papers, new, updated, unchanged, chunks = (int(g) for g in counts.groups())
    assert (papers, chunks) == (N_PAPERS, clean.chunks)
    assert unchanged > 0 and new + updated > 0, "the kill must have left some papers stored and some to do"

    resumed = Engine(Settings(data_dir=data_dir), embedder=embedder)
    want, got = snapshot(fresh_engine), snapshot(resumed)
    assert sorted(got) == sorted(want)  # same chunk ids: nothing missing, nothing extra, no orphans
    for cid, (paper_id, n, n_chunks, paper_hash, text, vector) in got.items():
        assert (paper_id, n, n_chunks, paper_hash, text) == want[cid][:5]
        assert float(vector @ want[cid][5]) > 0.999
    stored = resumed.store.stored_papers()
    assert len(stored) == N_PAPERS and all(sp.complete for sp in stored.values())
    assert len(resumed.papers) == N_PAPERS

    # The HNSW index agrees with the metadata: a query for everything returns every chunk exactly once.
    total_chunks = resumed.store.count()
    hits = resumed.store.dense_search(embedder.embed_query("theorem proving ablation"), total_chunks)
    assert len(hits) == total_chunks == len({h.chunk_id for h in hits})



def small_corpus(path: Path, first: int, last: int) -> Path:
    rows = [{"id": f"s{i:03d}", "title": f"Solver {i} for olympiad geometry",
             "abstract": f"Solver {i} proves {i * 7} geometry lemmas in Lean with a search over {i % 9 + 2} tactics."}
            for i in range(first, last)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("kept", [
    ("length.bin", "link_lists.bin", "index_metadata.pickle"),  # old links and id map: reading a vector fails
    ("length.bin", "link_lists.bin"),  # old links only: every vector reads, but half of them no search reaches
], ids=["links-and-id-map", "links-only"])
def test_a_vector_index_left_half_saved_by_a_killed_writer_is_detected_and_rebuilt(tmp_path, embedder, kept):
    """A SIGKILL inside Chroma's own index save leaves header and vectors from the new save next to links (and id
    map) from the old one (reproduced by killing writers right after header.bin changed; the next open crashed
    with SIGSEGV). This builds that state on purpose: the collection saves its index every 20 records, the
    files are copied after one save, more papers are ingested, and the old files are put back."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from rag.engine import Engine
    from rag.index.recovery import MARKS, _vector_folders, index_is_sound
    from rag.settings import Settings

    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir)
    name = f"{settings.store.collection_prefix}-{settings.index_hash()}"
    chroma_dir = data_dir / "chroma"
    client = chromadb.PersistentClient(path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False))
    client.create_collection(name, embedding_function=None,
                             metadata={"hnsw:space": "cosine", "hnsw:sync_threshold": 20, "hnsw:batch_size": 20})
    first, second = small_corpus(tmp_path / "a.jsonl", 0, 50), small_corpus(tmp_path / "b.jsonl", 50, 100)
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [first], progress=False)
    (segment,) = _vector_folders(chroma_dir, name)  # the chunks' index (the sentence vectors have their own)
    old_save = {f.name: f.read_bytes() for f in segment.iterdir()}
    ingest_into(engine, [second], progress=False)
    # This process must not hold the index any more: a live client may save its copy over the repaired files.
    engine.store._client.close()
    client.close()
    for file in kept:
        (segment / file).write_bytes(old_save[file])
    killed = subprocess.Popen(["true"])  # its pid, once it has exited, stands for the killed writer's
    killed.wait()
    (chroma_dir / MARKS).mkdir(exist_ok=True)
    (chroma_dir / MARKS / f"{name}.{killed.pid}").touch()
    assert not index_is_sound(chroma_dir, name)

    repaired = run_cli("ingest", "--quiet", str(first), str(second), data_dir=data_dir)
    assert repaired.returncode == 0, repaired.stderr
    assert "rebuilding the vector index" in repaired.stderr
    assert repaired.stdout.strip() == (
        "100 papers: 0 new, 0 updated, 100 unchanged; 100 chunks; vector index rebuilt after a crash (100 chunks)")
    assert index_is_sound(chroma_dir, name), _probe_report(chroma_dir, name)
    answered = run_cli("ask", "--json", "How many lemmas does Solver 60 prove?", data_dir=data_dir)
    assert answered.returncode == 0, answered.stderr
    answer = json.loads(answered.stdout)
    assert "420" in answer["answer"] and answer["citations"][0]["paper_id"] == "s060"


def test_a_mark_left_by_a_dead_writer_over_a_sound_index_changes_nothing(fresh_engine, tmp_path):
    """Most kills land outside Chroma's save (while embedding, say): the check passes and nothing is rebuilt."""
    from rag.index.recovery import MARKS
    from rag.index.store import ChromaStore, open_client

    path = small_corpus(tmp_path / "a.jsonl", 0, 30)
    ingest_into(fresh_engine, [path], progress=False)
    store = fresh_engine.store
    chroma_dir = fresh_engine.settings.data_dir / "chroma"
    killed = subprocess.Popen(["true"])
    killed.wait()
    mark = chroma_dir / MARKS / f"{store.name}.{killed.pid}"
    mark.touch()
    live = chroma_dir / MARKS / f"{store.name}.{os.getpid()}_1"  # this process: alive, so left alone
    live.touch()

    reopened = ChromaStore(open_client(fresh_engine.settings.data_dir), store.name)
    assert (reopened.recovered, reopened.vectors_missing) == ("sound", False)
    assert not mark.exists() and live.exists()
    assert reopened.count() == 30
    (hit, *_) = reopened.dense_search(fresh_engine.embedder.embed_query("Solver 7 geometry lemmas"), 1)
    assert hit.paper_id == "s007"
    live.unlink()


def test_a_vector_folder_deleted_by_hand_is_rebuilt_by_the_next_command(fresh_engine, tmp_path):
    """No crash mark, no traceback, no silent empty dense search: the next command finds the folder gone and
    recomputes the vectors from the stored texts (issue 18, F6)."""
    from rag.index.recovery import _vector_folders

    ingest_into(fresh_engine, [small_corpus(tmp_path / "a.jsonl", 0, 30)], progress=False)
    data_dir = fresh_engine.settings.data_dir
    (folder,) = _vector_folders(data_dir / "chroma", fresh_engine.store.name)
    shutil.rmtree(folder)

    result = run_cli("ask", "--json", "How many geometry lemmas does Solver 7 prove in Lean?", data_dir=data_dir,
                     PAPERCHAT_RETRIEVAL__RETRIEVER="dense")
    assert result.returncode == 0, result.stderr
    assert "rebuilding the vector index" in result.stderr and "Traceback" not in result.stderr
    answer = json.loads(result.stdout)
    assert not answer["refused"] and answer["citations"]  # dense search finds the papers again
    again = run_cli("ingest", "--quiet", str(tmp_path / "a.jsonl"), data_dir=data_dir)
    assert again.returncode == 0 and "30 unchanged" in again.stdout and "rebuilding" not in again.stderr


def test_a_vector_index_that_fails_to_read_is_one_line_naming_it(fresh_engine, tmp_path, monkeypatch):
    """Whatever Chroma raises when its files are bad becomes a StoreError saying what to do (our wording; the
    index here is sound, so the check in a child process keeps it)."""
    from rag.index.store import StoreError

    ingest_into(fresh_engine, [small_corpus(tmp_path / "a.jsonl", 0, 10)], progress=False)
    store = fresh_engine.store

    def broken(**_: object) -> None:
        raise RuntimeError("Error loading hnsw index")

    monkeypatch.setattr(store._collection, "query", broken)
    with pytest.raises(StoreError, match=r"Searching the vector index at .* failed \(RuntimeError: Error loading"):
        store.dense_search(fresh_engine.embedder.embed_query("geometry lemmas"), 3)
    assert not store.vectors_missing  # a sound index is never removed


def _probe_report(chroma_dir, name: str) -> str:
    """What the soundness probe saw, for a failure message: its exit code (3: a check failed), its stderr, and
    how many stored vectors a search with each of them finds."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    code = "import sys; from rag.index.recovery import probe; sys.exit(probe(sys.argv[1], sys.argv[2]))"
    probed = subprocess.run([sys.executable, "-c", code, str(chroma_dir), name], capture_output=True, text=True)
    col = chromadb.PersistentClient(path=str(chroma_dir), settings=ChromaSettings(anonymized_telemetry=False)) \
        .get_collection(name, embedding_function=None)
    got = col.get(include=["embeddings"])
    found = col.query(query_embeddings=[list(v) for v in got["embeddings"]], n_results=10, include=[])["ids"]
    reached = sum(chunk_id in ids for chunk_id, ids in zip(got["ids"], found, strict=True))
    return (f"probe exit {probed.returncode}, stderr: {probed.stderr[-500:]!r}; {len(got['ids'])} vectors, "
            f"{reached} found by a search with themselves")
