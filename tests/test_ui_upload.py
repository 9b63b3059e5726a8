"""Bring your own library on the page (issue 16): a file uploaded in the Papers tab is ingested into the page's
index with the CLI's report, its papers join the list (with authors and years to filter by) and the chat answers
from them; every failure is one line; signed out, nothing can be uploaded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from chat_page import ask, bot_text, open_page, wait_for_turn
from page_server import served

from ingest.writer import ingest_into
from ui.upload_view import MAX_LIBRARY_BYTES, ingest_upload

USER = ("reader", "s3cret-pass")
# Three entries: two with abstracts, and one without, which the report must name with its line (12).
LIBRARY = r"""% exported from a reference manager
@article{okonkwo2024tide,
  title = {TideAttn: Tidal Scheduling of Sparse Attention Kernels},
  author = {Okonkwo, Adaeze and Lindqvist, Erik and Ru{\'\i}z, Tom{\'a}s},
  journal = {Transactions on Machine Learning Research},
  year = {2024},
  abstract = {We present TideAttn, a scheduler that orders the blocks of a sparse attention kernel by their expected
    load. On sequences of 32k tokens TideAttn runs 2.7 times faster than a dense FlashAttention baseline while
    matching its perplexity. The scheduler needs no retraining.}
}

@misc{placeholder2023,
  title = {An Entry Without Its Abstract},
  author = {Nobody, Anne},
  year = {2023}
}

@inproceedings{ngata2021reef,
  title = {Counting Reef Fish from Drone Video with Weak Labels},
  author = {Ngata, Hemi},
  booktitle = {Workshop on Computer Vision for Ecology},
  year = {2021},
  abstract = {Surveys of reef fish rely on divers. We count fish in drone video using only per-clip counts as labels,
    and reach a mean absolute error of 3.1 fish per clip on 240 held-out clips.}
}
"""
BEFORE = [
    {"title": "Program Synthesis with Large Language Models",
     "abstract": "We evaluate large language models on synthesizing short Python programs from natural language."},
    {"title": "Retrieval for Repository-Level Code Completion",
     "abstract": "We retrieve code from the same repository to complete a function, and improve exact match by 6%."},
]


@pytest.fixture(scope="module")
def library_engine(embedder, settings_for):
    """A store of its own (the uploads write to it), holding two papers without authors or years."""
    from rag.engine import Engine

    engine = Engine(settings_for("ui-upload"), embedder=embedder)
    folder = Path(settings_for("ui-upload-input").data_dir)
    (folder / "before.jsonl").write_text("\n".join(json.dumps(p) for p in BEFORE), encoding="utf-8")
    ingest_into(engine, [folder / "before.jsonl"], progress=False)
    return engine


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("upload") / "library.bib"
    path.write_text(LIBRARY, encoding="utf-8")
    return path


@pytest.mark.browser
def test_an_uploaded_bibtex_library_is_reported_listed_filtered_and_answered_from(browser, library_engine, library):
    with served(library_engine) as url:
        context, page = open_page(browser, url)
        page.get_by_role("tab", name="Papers").click()
        assert "2 papers indexed" in page.locator("#paper-count").inner_text()
        with page.expect_file_chooser() as chooser:
            page.locator("#upload-library").click()
        chooser.value.set_files(library)

        report = page.locator("#upload-report")
        page.wait_for_function("() => document.querySelector('#upload-report').innerText.includes('papers:')",
                               timeout=90_000)
        text = " ".join(report.inner_text().split())
        assert "library.bib: 2 papers: 2 new, 0 updated, 0 unchanged;" in text and "; 1 rejected" in text
        assert "rejected: library.bib, line 12: no abstract" in text
        assert "/tmp" not in text and "Traceback" not in page.content()

        assert "4 papers indexed" in page.locator("#paper-count").inner_text()
        headers = page.locator("#papers thead").inner_text()
        assert "Authors" in headers and "Year" in headers
        table = page.locator("#papers")
        assert table.get_by_text("Adaeze Okonkwo et al.").filter(visible=True).count() == 1

        page.locator("#paper-search textarea").fill("author:ruiz year:2022-2024")  # "Ruíz", typed without accent
        page.wait_for_function("() => document.querySelector('#paper-count').innerText.includes('1 of 4 papers')")
        table.get_by_text("TideAttn: Tidal Scheduling").filter(visible=True).first.click()
        page.locator("#paper-detail h3").wait_for()
        assert "Adaeze Okonkwo, Erik Lindqvist, Tomás Ruíz · 2024" in page.locator("#paper-detail").inner_text()

        page.get_by_role("tab", name="Chat").click()
        ask(page, "How much faster than FlashAttention is TideAttn on 32k-token sequences?")
        wait_for_turn(page, 1)
        assert "2.7 times faster" in bot_text(page)
        assert page.locator("#turn-1 .source-title").first.inner_text().startswith("TideAttn")
        context.close()


@pytest.fixture
def signed_url(fresh_engine) -> Iterator[str]:
    with served(fresh_engine, auth=USER) as url:
        yield url


def test_signed_out_an_upload_is_refused_and_signed_in_it_is_ingested(signed_url, fresh_engine, library):
    from gradio_client import Client, handle_file

    files = {"files": (library.name, library.read_bytes())}
    assert httpx.post(signed_url + "/gradio_api/upload", files=files, timeout=30).status_code == 401
    join = {"data": [{"path": str(library)}, ""], "fn_index": 0, "session_hash": "anyone", "event_id": "e1"}
    assert httpx.post(signed_url + "/gradio_api/queue/join", json=join, timeout=30).status_code == 401
    assert not fresh_engine.papers

    client = Client(signed_url, auth=USER, verbose=False)
    report = client.predict(handle_file(str(library)), "", api_name="/add_papers")[0]
    assert "library.bib:** 2 papers: 2 new" in report and "line 12: no abstract" in report
    assert {p.title for p in fresh_engine.papers.values()} == {"TideAttn: Tidal Scheduling of Sparse Attention Kernels",
                                                               "Counting Reef Fish from Drone Video with Weak Labels"}


@pytest.mark.parametrize(("name", "content", "says"), [
    ("empty.bib", b"", "empty.bib is empty: there are no papers in it."),
    ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "it is a PDF: paperchat reads abstracts from"),
    ("library.zip", b"PK\x03\x04" + b"\x00" * 40, "it is a zip archive"),
    ("notes.txt", b"Just some notes, no papers here.\nSecond line.\n", "Could not add papers from notes.txt:"),
    ("huge.bib", b"%" * (MAX_LIBRARY_BYTES + 1), f"huge.bib is 2.0 MB; a file uploaded here may be at most "
                                                  f"{MAX_LIBRARY_BYTES / 1e6:.0f} MB. Split it, or run paperchat "
                                                  "ingest huge.bib on the server"),
])
def test_a_file_that_cannot_be_ingested_is_one_line_that_says_why(fresh_engine, write, name, content, says):
    path = write(name, content)
    message = ingest_upload(fresh_engine, str(path))
    assert message.startswith(f"**Could not add papers from {name}:**"), message
    assert says in message and "\n" not in message
    assert str(path.parent) not in message  # the server's upload folder is not shown
    assert not fresh_engine.papers


def test_a_read_only_index_says_papers_cannot_be_added(fresh_engine, library, monkeypatch):
    monkeypatch.setattr(fresh_engine.store, "read_only", True)
    message = ingest_upload(fresh_engine, str(library))
    assert message.startswith("**Could not add papers from library.bib:**") and "is read-only" in message
    assert not fresh_engine.papers
