"""A running engine sees writes made elsewhere (issue 18: F7, F8): a terminal ingest under a running page, and a
collection recreated on a Chroma server, are seen by the next question, without a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run_cli
from test_server_chroma import chroma_server

from ingest.writer import ingest_into
from rag.settings import RetrievalSettings

FIRST = {"id": "lean", "title": "A Lean Dataset for Olympiad Geometry",
         "abstract": "We release 1,329 lemmas formalised in Lean from olympiad proofs."}
LATER = {"id": "coral", "title": "Coral Reef Bleaching under Marine Heatwaves",
         "abstract": "Coral reefs lost 41% of their live coral cover after the 2016 marine heatwave. Recovery took "
                     "nine years on the reefs we surveyed."}
QUESTION = "How much live coral cover did reefs lose after the marine heatwave?"
DENSE = RetrievalSettings(retriever="dense")  # the vector index, not only the paper list, must be current


def jsonl(folder: Path, name: str, *papers: dict) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


def test_a_terminal_ingest_is_seen_by_the_running_engine(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    settings = settings_for("fresh")
    engine = Engine(settings, embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "first.jsonl", FIRST)], progress=False)
    assert sorted(engine.papers) == ["lean"]

    result = run_cli("ingest", "--quiet", str(jsonl(tmp_path, "later.jsonl", LATER)), data_dir=settings.data_dir)
    assert result.returncode == 0, result.stderr
    answer = engine.ask(QUESTION, retrieval=DENSE)
    assert sorted(engine.papers) == ["coral", "lean"]
    assert [c.paper_id for c in answer.citations] == ["coral"] and "41%" in answer.answer


def test_its_own_ingest_needs_no_reopening(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    engine = Engine(settings_for("own"), embedder=embedder)
    ingest_into(engine, [jsonl(tmp_path, "both.jsonl", FIRST, LATER)], progress=False)
    client = engine.store._client
    assert [c.paper_id for c in engine.ask(QUESTION, retrieval=DENSE).citations] == ["coral"]
    assert engine.store._client is client  # the same loaded index: nothing re-read


@pytest.mark.server
def test_a_collection_recreated_on_the_server_is_followed(tmp_path, embedder, settings_for):
    import chromadb

    from rag.engine import Engine

    with chroma_server(tmp_path) as (url, _):
        settings = settings_for("recreated", chroma_url=url)
        page = Engine(settings, embedder=embedder)
        ingest_into(page, [jsonl(tmp_path, "first.jsonl", FIRST)], progress=False)
        assert page.ask("How many lemmas are in the Lean dataset?").citations

        host, port = url.removeprefix("http://").split(":")
        chromadb.HttpClient(host=host, port=int(port)).delete_collection(page.store.name)
        result = run_cli("ingest", "--quiet", "--chroma-url", url, str(jsonl(tmp_path, "later.jsonl", LATER)),
                         data_dir=settings.data_dir)
        assert result.returncode == 0, result.stderr

        answer = page.ask(QUESTION, retrieval=DENSE)
        assert sorted(page.papers) == ["coral"]
        assert [c.paper_id for c in answer.citations] == ["coral"]
