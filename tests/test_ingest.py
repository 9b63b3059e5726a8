"""Chunking and idempotent ingest into a real Chroma store with the real model."""

import json

from ingest.chunking import chunk_paper
from ingest.formats import reader_for
from ingest.pipeline import BUILTIN_CORPUS
from ingest.writer import ingest_into


def test_chunks_fit_the_embedder_window_carry_the_title_and_overlap_by_one_sentence(embedder):
    papers = list(reader_for(BUILTIN_CORPUS)(BUILTIN_CORPUS))
    chunks = [c for p in papers for c in chunk_paper(p, max_tokens=200, overlap=1)]
    assert max(embedder.count_model_tokens(c.text) for c in chunks) <= embedder.max_tokens
    assert all(c.text.startswith(c.title + ". ") for c in chunks)
    multi = [c for c in chunks if not c.chunk_id.endswith(":0")]
    assert multi, "some abstracts must need more than one chunk"
    by_id = {c.chunk_id: c for c in chunks}
    for chunk in multi:
        paper_id, n = chunk.chunk_id.rsplit(":", 1)
        previous = by_id[f"{paper_id}:{int(n) - 1}"]
        assert chunk.sentences[0] == previous.sentences[-1]


def test_second_ingest_adds_nothing_and_a_changed_abstract_replaces_its_chunks(fresh_engine, write):
    long_tail = " ".join(f"Sentence number {i} adds detail about the method." for i in range(40))
    rows = [
        {"id": "a", "title": "Alpha Solver", "abstract": "Alpha solves puzzles. " + long_tail},
        {"id": "b", "title": "Beta Prover", "abstract": "Beta proves theorems in Lean."},
    ]
    path = write("papers.jsonl", "\n".join(json.dumps(r) for r in rows))
    first = ingest_into(fresh_engine, [path], progress=False)
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    assert fresh_engine.store.count() == first.chunks > 2

    again = ingest_into(fresh_engine, [path], progress=False)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert fresh_engine.store.count() == first.chunks

    rows[0]["abstract"] = "Alpha now solves crosswords instead."
    write("papers.jsonl", "\n".join(json.dumps(r) for r in rows))
    changed = ingest_into(fresh_engine, [path], progress=False)
    assert (changed.new, changed.updated, changed.unchanged) == (0, 1, 1)
    assert fresh_engine.store.count() == 2
    assert fresh_engine.papers["a"].abstract == "Alpha now solves crosswords instead."
    hits = fresh_engine.search("puzzles sentence number detail", k=2)
    assert all("puzzles" not in h.text for h in hits)
