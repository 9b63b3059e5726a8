"""Issue 17: opening an index loads the paper table and BM25 saved under the store's version instead of rebuilding
them; a write by anyone changes the version, so a stale snapshot is never used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_runner import run_cli

from ingest.writer import ingest_into
from rag.engine import SNAPSHOTS
from rag.index.snapshot import PAPERS
from rag.index.store import ChromaStore

LEAN = {"id": "lean", "title": "A Lean Dataset for Olympiad Geometry",
        "abstract": "We release 1,329 lemmas formalised in Lean from olympiad proofs."}
CORAL = {"id": "coral", "title": "Coral Reef Bleaching under Marine Heatwaves",
         "abstract": "Coral reefs lost 41% of their live coral cover after the 2016 marine heatwave."}
QUERIES = ["How does RLCoder retrieve code for repository-level completion?", "lean theorem proving dataset",
           "reinforcement learning from execution feedback", "agents that browse the web"]


def jsonl(folder: Path, name: str, *papers: dict) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


@pytest.fixture
def rebuilds(monkeypatch):
    """How many times an engine read every stored paper (what a snapshot saves)."""
    count = [0]
    real = ChromaStore.stored_papers

    def counting(self):
        count[0] += 1
        return real(self)

    monkeypatch.setattr(ChromaStore, "stored_papers", counting)
    return count


def test_opening_loads_the_snapshot_with_the_same_results(engine, embedder, rebuilds):
    from rag.engine import Engine

    opened = Engine(engine.settings, embedder=embedder)
    assert rebuilds[0] == 0
    assert opened.papers == engine.papers
    for query in QUERIES:
        assert opened.search(query) == engine.search(query)
    assert opened.view.lexical.idf("lean") == engine.view.lexical.idf("lean")


def test_an_ingest_elsewhere_is_loaded_not_rebuilt(tmp_path, embedder, settings_for, rebuilds):
    from rag.engine import Engine

    settings = settings_for("snap")
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "first.jsonl", LEAN)], progress=False)
    result = run_cli("ingest", "--quiet", str(jsonl(tmp_path, "later.jsonl", CORAL)), data_dir=settings.data_dir)
    assert result.returncode == 0, result.stderr
    rebuilds[0] = 0
    engine.catch_up()
    assert sorted(engine.papers) == ["coral", "lean"]
    assert rebuilds[0] == 0  # the writing process saved the snapshot of its version


def test_a_write_without_a_snapshot_is_rebuilt_never_served_stale(tmp_path, embedder, settings_for, rebuilds):
    """As when another machine writes through a Chroma server: the version moved, and no snapshot of it is here."""
    from rag.engine import Engine

    settings = settings_for("stale")
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "first.jsonl", LEAN)], progress=False)
    result = run_cli("ingest", "--quiet", str(jsonl(tmp_path, "later.jsonl", CORAL)), data_dir=settings.data_dir)
    assert result.returncode == 0, result.stderr
    shutil.rmtree(settings.data_dir / SNAPSHOTS)
    rebuilds[0] = 0
    engine.catch_up()
    assert sorted(engine.papers) == ["coral", "lean"]
    assert rebuilds[0] == 1
    assert Engine(settings, embedder=embedder).papers.keys() == engine.papers.keys()  # and saved: loaded now
    assert rebuilds[0] == 1


def test_a_damaged_snapshot_is_ignored(tmp_path, embedder, settings_for, rebuilds):
    from rag.engine import Engine

    settings = settings_for("damaged")
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "both.jsonl", LEAN, CORAL)], progress=False)
    (papers,) = (settings.data_dir / SNAPSHOTS).rglob(PAPERS)
    papers.write_text('{"fields": ["paper_id"], "rows": [["lean"', encoding="utf-8")
    rebuilds[0] = 0
    assert sorted(Engine(settings, embedder=embedder).papers) == ["coral", "lean"]
    assert rebuilds[0] == 1


def test_after_a_write_cut_short_the_store_is_read_not_the_snapshot(engine, rebuilds, monkeypatch):
    """A writer killed mid-write stamps no version, so the snapshot of the version the store still shows may not
    be what it holds: recovery saw the dead writer's mark, and the papers are read from the store."""
    from rag.index.view import read_view

    monkeypatch.setattr(engine.store, "recovered", "sound")
    view = read_view(engine.store, engine._embed_query, engine.settings.retrieval.title_repeat,
                     engine.settings.data_dir / SNAPSHOTS / engine.store.name, engine.store.version())
    assert rebuilds[0] == 1 and view.papers == engine.papers
