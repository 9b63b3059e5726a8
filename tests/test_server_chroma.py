"""Server mode against a real `chroma run` started here: ingest and ask go through it, never the embedded store;
a server that is absent or goes away is a one-line error naming its URL."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cli_runner import run_cli

from ingest.writer import ingest_into
from rag.index.store import StoreError

pytestmark = pytest.mark.server

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def chroma_server(folder: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A real Chroma server on a free port, up once its heartbeat answers; stopped on exit."""
    port = free_port()
    log = (folder / "chroma.log").open("wb")
    process = subprocess.Popen(
        [str(BIN / "chroma"), "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"chroma run exited with {process.returncode}: {(folder / 'chroma.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run did not answer its heartbeat at {url} within 120 s")
            time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()



PAPERS = [
    {"id": "rl", "title": "RLCoder: Reinforcement Learning for Repository-Level Code Completion",
     "abstract": "RLCoder retrieves useful code from the repository with a retriever trained by reinforcement "
                 "learning. It improves exact match by 12.2% over the previous state of the art."},
    {"id": "lean", "title": "A Lean Dataset for Olympiad Geometry",
     "abstract": "We release 1,329 lemmas formalised in Lean from olympiad proofs."},
]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server; the CLI ingests a small file through it twice (the second time nothing is new)."""
    folder = tmp_path_factory.mktemp("chroma-server")
    corpus = folder / "papers.jsonl"
    corpus.write_text("\n".join(json.dumps(p) for p in PAPERS) + "\n", encoding="utf-8")
    data_dir = folder / "unused-data-dir"
    with chroma_server(folder) as (url, _):
        first = run_cli("ingest", "--quiet", "--chroma-url", url, str(corpus), data_dir=data_dir)
        second = run_cli("ingest", "--quiet", "--chroma-url", url, str(corpus), data_dir=data_dir)
        yield url, data_dir, first, second


def test_cli_ingest_writes_to_the_server_and_not_the_embedded_store(served):
    _, data_dir, first, second = served
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "2 papers: 2 new, 0 updated, 0 unchanged; 2 chunks"
    assert second.stdout.strip() == "2 papers: 0 new, 0 updated, 2 unchanged; 2 chunks"
    assert not (data_dir / "chroma").exists()


def test_cli_ask_answers_from_the_server(served):
    url, data_dir, _, _ = served
    result = run_cli("ask", "--json", "--chroma-url", url, "How many lemmas are in the Lean dataset?",
                     data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert "1,329" in answer["answer"]
    assert [c["paper_id"] for c in answer["citations"]] == ["lean"]


def test_an_engine_on_the_server_sees_what_the_cli_wrote(served, embedder, settings_for):
    from rag.engine import Engine

    url, _, _, _ = served
    engine = Engine(settings_for("server-engine", chroma_url=url), embedder=embedder)
    assert engine.location == url
    assert sorted(engine.papers) == ["lean", "rl"]
    (hit, *_) = engine.search("reinforcement learning retriever for repository code", k=1)
    assert hit.paper_id == "rl"


def test_an_unreachable_server_is_named_with_exit_code_2_and_no_traceback(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    for command in (["ingest", "--quiet"], ["ask", "What is RLCoder?"]):
        result = run_cli(*command, "--chroma-url", url, data_dir=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"paperchat: Cannot reach the Chroma server at {url} ")
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "chroma").exists()


def test_a_server_that_goes_away_mid_session_is_a_store_error_naming_it(tmp_path, embedder, settings_for):
    from rag.engine import Engine

    corpus = tmp_path / "papers.jsonl"
    corpus.write_text(json.dumps(PAPERS[0]) + "\n", encoding="utf-8")
    with chroma_server(tmp_path) as (url, process):
        engine = Engine(settings_for("server-gone", chroma_url=url), embedder=embedder)
        process.kill()
        process.wait()
        with pytest.raises(StoreError, match=f"Lost the Chroma server at {url} .*run the same command again"):
            ingest_into(engine, [corpus], progress=False)
