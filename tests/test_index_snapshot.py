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


# A reader that answers without loading Chroma (rag/index/replica.py): the snapshot of the version the stamp file
# names holds a small store's vectors too.

def test_a_quick_reader_answers_as_the_store_does_without_loading_chroma(engine):
    """In a fresh process (Chroma is imported by this one): same answers, same retrieval, no chromadb module."""
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from rag.offline import configure_offline; configure_offline()\n"
        "from rag.engine import Engine\n"
        "from rag.settings import Settings\n"
        f"engine = Engine(Settings(data_dir={str(engine.settings.data_dir)!r}), quick=True)\n"
        f"out = {{q: [[e.paper_id, round(e.fused, 4)] for e in engine.search(q)] for q in {QUERIES!r}}}\n"
        "out['answer'] = engine.ask('How many lemmas does the Lean IMO dataset have?').answer\n"
        "out['chromadb'] = 'chromadb' in sys.modules\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    quick = json.loads(done.stdout.strip().splitlines()[-1])
    assert quick.pop("chromadb") is False
    assert quick.pop("answer") == engine.ask("How many lemmas does the Lean IMO dataset have?").answer
    for query in QUERIES:  # the flat search is exact; Chroma's HNSW agrees on a store this small
        assert [pid for pid, _ in quick[query]] == [e.paper_id for e in engine.search(query)]


def test_a_quick_reader_sees_a_write_made_elsewhere(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    settings = settings_for("quick")
    writer = Engine(settings, embedder=embedder)
    ingest_into(writer, [jsonl(tmp_path, "first.jsonl", LEAN)], progress=False)
    reader = Engine(settings, embedder=embedder, quick=True)
    assert reader._store is None and list(reader.papers) == ["lean"]  # answered from the snapshot alone
    ingest_into(writer, [jsonl(tmp_path, "later.jsonl", CORAL)], progress=False)
    answer = reader.ask("How much live coral cover did reefs lose after the 2016 heatwave?")
    assert sorted(reader.papers) == ["coral", "lean"] and "41%" in answer.answer


def test_a_write_under_way_or_cut_short_sends_a_quick_reader_to_the_store(tmp_path, embedder, settings_for):
    from rag.engine import Engine
    from rag.index.recovery import MARKS

    settings = settings_for("quickmark")
    writer = Engine(settings, embedder=embedder)
    ingest_into(writer, [jsonl(tmp_path, "first.jsonl", LEAN)], progress=False)
    assert Engine(settings, embedder=embedder, quick=True)._store is None
    mark = settings.data_dir / "chroma" / MARKS / f"{writer.store.name}.999999999"  # a writer that is gone
    mark.touch()
    reader = Engine(settings, embedder=embedder, quick=True)
    assert reader._store is not None and list(reader.papers) == ["lean"]


def test_saved_bm25_scores_read_without_bm25s_are_bm25s_scores(engine, tmp_path):
    import bm25s
    import numpy as np

    from rag.index.lexical import SavedScores
    from rag.text.tokens import tokenize

    engine.view.lexical.save(tmp_path)
    ours, theirs = SavedScores(tmp_path), bm25s.BM25.load(str(tmp_path), mmap=True, show_progress=False)
    for query in [*QUERIES, "lean lean lean", "retrieval-augmented generation for code"]:
        tokens = [t for t in tokenize(query) if t in theirs.vocab_dict]
        assert np.allclose(ours.get_scores(tokens), theirs.get_scores(tokens), atol=1e-5)


def test_an_engine_opened_from_a_script_answers_as_the_cli_does(engine):
    """A script that opens an engine without the CLI's offline set-up still reads tiktoken's shipped word list: a
    word only it knows ("refreshed") is no unknown name, so the answer is the one the CLI gives."""
    import os
    import subprocess
    import sys

    question = "Benchmarks designed to be refreshed or updated over time rather than frozen"
    code = (
        "import json\n"
        "from rag.engine import Engine\n"
        "from rag.settings import Settings\n"
        f"engine = Engine(Settings(data_dir={str(engine.settings.data_dir)!r}), quick=True)\n"
        f"print(json.dumps(engine.ask({question!r}).answer))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert "refreshed" not in answer
    assert answer == engine.ask(question).answer
