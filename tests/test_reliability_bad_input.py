"""Bad input through the whole ingest path (real model, real embedded Chroma): the good records land, the bad
ones are named by file and line, and nothing already stored is lost because of them."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_cli

from ingest.chunking import chunk_paper
from ingest.pipeline import IngestReport, read_papers
from ingest.writer import ingest_into
from rag.ids import paper_id_from_title
from rag.settings import IngestSettings


def jsonl(*rows: dict) -> str:
    return "\n".join(json.dumps(r) for r in rows) + "\n"


def paper(pid: str, title: str, abstract: str) -> dict:
    return {"id": pid, "title": title, "abstract": abstract}


def stored_abstracts(engine) -> dict[str, str]:
    return {pid: sp.paper.abstract for pid, sp in engine.store.stored_papers().items() if sp.complete}


def test_good_records_land_and_each_bad_one_is_named_by_file_and_line(fresh_engine, write):
    mixed = write("mixed.jsonl", b"".join([
        jsonl(paper("a", "Alpha Solver", "Alpha solves puzzles with search.")).encode(),
        b'{"id": "broken", "title": "Half a line\n',
        jsonl(paper("b", "Beta Prover", "Beta proves theorems in Lean.")).encode(),
        b'{"id": "u", "title": "Caf\xe9", "abstract": "latin-1 bytes."}\n',
        jsonl(paper("a", "Alpha Solver", "A different abstract under the same id."),
              paper("e", "", "No title here."), paper("f", "No abstract", ""),
              paper("big", "Whole paper", "word " * 210_000)).encode(),
    ]))
    table = write("table.csv", "title,abstract\nGamma Agent,Gamma plans with tools.\nDelta,\n")
    report = ingest_into(fresh_engine, [mixed, table], progress=False)

    assert (report.papers, report.new) == (3, 3)
    assert sorted(stored_abstracts(fresh_engine)) == sorted(["a", "b", paper_id_from_title("Gamma Agent")])
    assert fresh_engine.papers["a"].abstract == "Alpha solves puzzles with search."
    lines = report.problems()
    assert lines[:7] == [
        "rejected: mixed.jsonl, line 2: not valid JSON (Unterminated string starting at)",
        "rejected: mixed.jsonl, line 4: not valid UTF-8 (byte 0xE9); save the file as UTF-8 to ingest this record",
        "rejected: mixed.jsonl, line 5: same id 'a' as mixed.jsonl, line 1, but different text; the first one is kept",
        "rejected: mixed.jsonl, line 6: empty title",
        "rejected: mixed.jsonl, line 7: empty abstract",
        lines[5],
        "rejected: table.csv, line 3: empty abstract",
    ]
    assert lines[5].startswith("rejected: mixed.jsonl, line 8: abstract is 1,049,999 characters, over the 200,000")
    assert report.exit_code == 1
    assert fresh_engine.store.count() == 3


def test_an_unreadable_file_is_reported_while_the_others_still_ingest(fresh_engine, write):
    good = write("good.jsonl", jsonl(paper("a", "Alpha Solver", "Alpha solves puzzles with search.")))
    empty = write("empty.jsonl", "")
    binary = write("vectors.jsonl", bytes(range(256)) * 16)
    no_column = write("sheet.csv", "title,summary\nBeta,Beta proves theorems.\n")
    all_bad = write("junk.jsonl", "not json\n{also not\n")
    report = ingest_into(fresh_engine, [empty, binary, good, no_column, fresh_engine.settings.data_dir / "gone.jsonl",
                                  all_bad], progress=False)

    assert list(stored_abstracts(fresh_engine)) == ["a"]
    assert report.exit_code == 2
    problems = report.problems()
    assert problems[0] == "cannot read: empty.jsonl is empty: there are no papers in it."
    assert problems[1].startswith("cannot read: vectors.jsonl cannot be read as text: it is binary data")
    assert problems[2].startswith("cannot read: sheet.csv: the header has no 'abstract' column (found: title, summary)")
    assert problems[3].startswith("cannot read: No such file: ") and problems[3].endswith("gone.jsonl")
    assert problems[-1] == "no papers in junk.jsonl"
    assert report.summary() == "1 papers: 1 new, 0 updated, 0 unchanged; 1 chunks; 2 rejected; 4 files unreadable"


def test_bad_input_never_removes_or_changes_what_is_already_stored(fresh_engine, write):
    rows = [paper("a", "Alpha Solver", "Alpha solves puzzles with search."),
            paper("b", "Beta Prover", "Beta proves theorems in Lean.")]
    ingest_into(fresh_engine, [write("v1.jsonl", jsonl(*rows))], progress=False)
    before = stored_abstracts(fresh_engine)
    chunks_before = fresh_engine.store.count()

    # The same ids again, now broken in every way a record can be; plus a file that cannot be read at all.
    broken = write("v2.jsonl", jsonl(paper("a", "Alpha Solver", ""), paper("b", "", "Beta, retitled away."))
                   + '{"id": "a", "title": \n')
    report = ingest_into(fresh_engine, [broken, write("v2.csv", "id,title\na,Alpha\n")], progress=False)

    assert report.exit_code == 2 and (report.papers, report.new, report.updated) == (0, 0, 0)
    assert stored_abstracts(fresh_engine) == before
    assert fresh_engine.store.count() == chunks_before
    assert sorted(fresh_engine.papers) == ["a", "b"]


def test_twenty_thousand_records_are_read_validated_and_chunked_and_a_slice_of_them_ingests(fresh_engine, write):
    """Embedding all 20,000 here would take ~15 minutes of CPU: the full size goes through reading, validation,
    de-duplication and chunking; the embedding and store path runs on the first 300 of the same records."""
    lines = [json.dumps(paper(f"p{i:05d}", f"Study {i} of theorem proving",
                              f"We study case {i}. The method improves accuracy by {i % 97} points."))
             for i in range(20_000)]
    lines[10_000] = '{"id": "p10000", "title": "cut off'  # a malformed line in the middle
    lines[15_000] = json.dumps(paper("p00007", "Study 7 of theorem proving", "Other text, same id."))
    path = write("big.jsonl", "\n".join(lines) + "\n")
    report = IngestReport()
    papers = read_papers([path], IngestSettings(), report)

    assert len(papers) == 19_998
    assert [str(r) for r in report.rejected] == [
        "big.jsonl, line 10001: not valid JSON (Unterminated string starting at)",
        "big.jsonl, line 15001: same id 'p00007' as big.jsonl, line 8, but different text; the first one is kept",
    ]
    chunks = [c for p in papers for c in chunk_paper(p)]
    assert len(chunks) == 19_998 and len({c.chunk_id for c in chunks}) == 19_998

    head = write("head.jsonl", "\n".join(lines[:300]) + "\n")
    ingested = ingest_into(fresh_engine, [head], progress=False)
    assert (ingested.new, ingested.chunks, ingested.exit_code) == (300, 300, 0)
    assert fresh_engine.store.count() == 300
    (hit, *_) = fresh_engine.search("Study 123 of theorem proving case 123", k=3)
    assert hit.paper_id == "p00123"



@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    """Two real `paperchat ingest` runs: one with rejected records, then one adding an unreadable file."""
    folder = tmp_path_factory.mktemp("bad-cli")
    good = folder / "good.jsonl"
    good.write_text(jsonl(paper("a", "Alpha Solver", "Alpha solves puzzles.")) + "{oops\n", encoding="utf-8")
    binary = folder / "model.bin.jsonl"
    binary.write_bytes(b"\x00\x01" * 300)
    rejected = run_cli("ingest", "--quiet", str(good), data_dir=folder / "data")
    unreadable = run_cli("ingest", "--quiet", str(binary), str(good), data_dir=folder / "data")
    return rejected, unreadable


def test_cli_exit_code_is_1_when_records_were_rejected(cli_runs):
    rejected, _ = cli_runs
    assert rejected.returncode == 1, rejected.stderr
    assert rejected.stdout.strip() == "1 papers: 1 new, 0 updated, 0 unchanged; 1 chunks; 1 rejected"
    assert "rejected: good.jsonl, line 2: not valid JSON" in rejected.stderr
    assert "Traceback" not in rejected.stderr


def test_cli_exit_code_is_2_when_a_file_cannot_be_read_and_the_other_still_counts(cli_runs):
    _, unreadable = cli_runs
    assert unreadable.returncode == 2, unreadable.stderr
    assert "cannot read: model.bin.jsonl cannot be read as text: it is binary data" in unreadable.stderr
    assert unreadable.stdout.strip() == (
        "1 papers: 0 new, 0 updated, 1 unchanged; 1 chunks; 1 rejected; 1 file unreadable")
    assert "Traceback" not in unreadable.stderr
