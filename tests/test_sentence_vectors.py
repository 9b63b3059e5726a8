"""Issue 17: the answerer's sentence vectors are computed at ingest and read from the store, so a question embeds
only itself; papers ingested before that are embedded on first use and filled in by the next ingest."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from cli_runner import run_cli

from ingest.writer import ingest_into
from rag.index.sentence_vectors import SentenceVectors, embedding_texts
from rag.index.store import SENTENCES_SUFFIX
from rag.types import Paper

CORAL = {"id": "coral", "title": "Coral Reef Bleaching under Marine Heatwaves",
         "abstract": "Coral reefs lost 41% of their live coral cover after the 2016 marine heatwave. Recovery took "
                     "nine years on the reefs we surveyed."}
LEAN = {"id": "lean", "title": "A Lean Dataset for Olympiad Geometry",
        "abstract": "We release 1,329 lemmas formalised in Lean from olympiad proofs. Each lemma compiles."}
QUESTIONS = [
    "How does RLCoder retrieve code for repository-level completion?",
    "How do DotaMath and MathCoder differ?",
    "Which papers evaluate on MiniF2F?",
    "What is SWE-bench?",
]


def jsonl(folder: Path, name: str, *papers: dict) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


@pytest.fixture
def embedded(embedder, monkeypatch):
    """Every list of texts the encoder is asked to embed, in order."""
    calls: list[list[str]] = []
    real = embedder.embed

    def recording(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(embedder, "embed", recording)
    return calls


def test_a_question_embeds_only_itself(engine, embedder, embedded):
    from rag.engine import Engine

    fresh = Engine(engine.settings, embedder=embedder)  # a new process's view: nothing cached in memory
    for question in QUESTIONS:
        embedded.clear()
        fresh.ask(question)
        assert all(call == [question] for call in embedded), embedded
    assert fresh.sentence_vectors.embedded == 0


def test_stored_vectors_are_the_encoders(engine, embedder):
    paper = next(iter(engine.papers.values()))
    texts = embedding_texts(paper)
    stored = engine.store.sentence_vectors(texts)
    assert set(stored) == set(texts)
    fresh = embedder.embed(texts)
    for text, vector in zip(texts, fresh, strict=True):
        assert float(stored[text] @ vector) > 0.9999


def test_papers_from_before_are_embedded_once_then_filled_in_by_the_next_ingest(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    settings = settings_for("legacy")
    engine = Engine(settings, embedder=embedder)
    source = jsonl(tmp_path, "papers.jsonl", CORAL, LEAN)
    ingest_into(engine, [source], progress=False)
    engine.store._client.delete_collection(engine.store.name + SENTENCES_SUFFIX)  # as a store written before
    engine.store._sentences = None

    before = Engine(settings, embedder=embedder)
    before.ask("How much live coral cover did reefs lose?")
    assert before.sentence_vectors.embedded > 0  # embedded on first use, as before

    report = ingest_into(before, [source], progress=False)
    assert report.unchanged == 2
    after = Engine(settings, embedder=embedder)
    after.ask("How much live coral cover did reefs lose?")
    assert after.sentence_vectors.embedded == 0
    texts = [t for p in (CORAL, LEAN) for t in embedding_texts(Paper(p["id"], p["title"], p["abstract"]))]
    assert after.store.sentences_missing(texts) == []


def test_a_changed_abstract_replaces_its_sentences(tmp_path, fresh_engine):
    ingest_into(fresh_engine, [jsonl(tmp_path, "v1.jsonl", CORAL)], progress=False)
    old = embedding_texts(fresh_engine.papers["coral"])
    changed = dict(CORAL, abstract="Coral reefs lost 12% of their cover. Recovery was quick.")
    ingest_into(fresh_engine, [jsonl(tmp_path, "v2.jsonl", changed)], progress=False)
    new = embedding_texts(fresh_engine.papers["coral"])
    assert fresh_engine.store.sentences_missing(new) == []
    assert fresh_engine.store.sentences_missing(old) == old  # the old sentences went with the old abstract

    fresh_engine.store.delete_papers(["coral"])
    assert fresh_engine.store.sentences_missing(new) == new


def test_a_running_engine_reads_the_sentences_another_process_ingested(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    settings = settings_for("cross")
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "first.jsonl", LEAN)], progress=False)
    result = run_cli("ingest", "--quiet", str(jsonl(tmp_path, "later.jsonl", CORAL)), data_dir=settings.data_dir)
    assert result.returncode == 0, result.stderr
    answer = engine.ask("How much live coral cover did reefs lose after the marine heatwave?")
    assert [c.paper_id for c in answer.citations] == ["coral"]
    assert engine.sentence_vectors.embedded == 0


def test_a_store_that_fails_to_answer_costs_time_not_the_answer():
    def broken(texts):
        raise ConnectionError("server gone")

    vectors = SentenceVectors(lambda texts: np.ones((len(texts), 3), dtype=np.float32), broken)
    assert vectors(["a", "b", "a"]).shape == (3, 3)
    assert vectors.embedded == 2


@pytest.mark.server
def test_two_workers_on_one_server_share_the_sentence_vectors(tmp_path, embedder, settings_for):
    """Two `serve` workers on different machines (a data folder each) and one `chroma run`: what one ingests, the
    other answers from without embedding a sentence, and its own snapshot is rebuilt for the new version."""
    from test_server_chroma import chroma_server

    from rag.engine import Engine

    with chroma_server(tmp_path) as (url, _):
        writer = Engine(settings_for("worker-a", chroma_url=url), embedder=embedder)
        reader = Engine(settings_for("worker-b", chroma_url=url), embedder=embedder)
        ingest_into(writer, [jsonl(tmp_path, "papers.jsonl", LEAN, CORAL)], progress=False)
        answer = reader.ask("How much live coral cover did reefs lose after the marine heatwave?")
        assert sorted(reader.papers) == ["coral", "lean"]
        assert [c.paper_id for c in answer.citations] == ["coral"]
        assert reader.sentence_vectors.embedded == 0
