"""Hostile input at ingest (issue 18): LaTeX nested thousands deep, JSON nested past what the parser follows,
two papers under one title with no ids, papers arriving through a pipe, and a disk that fills mid-write. Each
ends with the papers read, the bad record named by file and line, or one readable line: never a traceback, a
hang, hours of work, or a paper silently replaced."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from chromadb.errors import InternalError
from cli_runner import run_cli

from eval.questionset import TitleIndex, parse_questions
from ingest.disk_full import DiskFullError
from ingest.formats import reader_for
from ingest.readers.jsonl import TOO_DEEP
from ingest.records import Rejected
from ingest.writer import ingest_into
from rag.ids import paper_id_from_title
from rag.types import Paper

TRANSFORMER = {"title": "Attention Is All You Need", "abstract": "We propose the Transformer for translation."}
PRIMATES = {"title": "Attention Is All You Need", "abstract": "Visual attention in primates follows salience."}
ALPHA = {"title": "Alpha Solver", "abstract": "Alpha solves puzzles with search."}
BETA = {"title": "Beta Prover", "abstract": "Beta proves theorems in Lean."}


def jsonl(*rows: dict) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def read_all(path: Path) -> list:
    return list(reader_for(path)(path))


def titles(records: list) -> list[str]:
    return [r.title for r in records if isinstance(r, Paper)]


def rejections(records: list) -> list[str]:
    return [str(r) for r in records if isinstance(r, Rejected)]


def stored_abstracts(engine) -> list[str]:
    return sorted(sp.paper.abstract for sp in engine.store.stored_papers().values())


# F3: LaTeX nested thousands deep. Unwrapping it by rescanning the text once per level took 132 s for one
# 80 KB record; these inputs would take minutes to hours that way, and are read in one pass.

def nested(depth: int, inner: str) -> str:
    return "\\a{" * depth + inner + "}" * depth


def test_an_80_kb_abstract_of_nested_latex_is_read_as_the_text_inside(write):
    path = write("deep.jsonl", jsonl({"title": "Alpha Solver", "abstract": nested(20_000, "Alpha solves puzzles.")}))
    (paper,) = read_all(path)
    assert paper.abstract == "Alpha solves puzzles."


def test_a_2_mb_question_set_of_nested_latex_gold_titles_still_finds_the_gold_paper():
    line = json.dumps({"id": "q", "question": "What are programming puzzles?",
                       "expected_titles": [nested(19_000, "Programming Puzzles")]})
    questions = parse_questions([line.replace('"q"', f'"q{n}"') for n in range(21)])  # the page's 2 MB limit
    assert len(questions.questions) == 21 and not questions.problems
    index = TitleIndex({"p1": "Programming Puzzles"})
    assert all(index.gold(q.expected_titles).paper_ids == ("p1",) for q in questions.questions)


# F13: JSON nested past what Python's parser follows (about a thousand levels) costs its own record only.

def test_a_jsonl_line_nested_too_deeply_is_rejected_and_the_lines_after_it_are_read(write):
    path = write("deep.jsonl", jsonl(ALPHA) + "[" * 100_000 + "]" * 100_000 + "\n"
                 + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "\n" + jsonl(BETA))
    records = read_all(path)
    assert titles(records) == ["Alpha Solver", "Beta Prover"]
    assert rejections(records) == [f"deep.jsonl, line 2: {TOO_DEEP}", f"deep.jsonl, line 3: {TOO_DEEP}"]


def test_a_record_with_an_escaped_lone_surrogate_is_rejected_and_the_rest_read(write):
    bad = '{"title": "Bad \\udcff title", "abstract": "Text."}\n'
    path = write("surrogate.jsonl", jsonl(ALPHA) + bad + jsonl(BETA))
    records = read_all(path)
    assert titles(records) == ["Alpha Solver", "Beta Prover"]
    (rejected,) = rejections(records)
    assert rejected.startswith("surrogate.jsonl, line 2: title holds an escaped half of a character pair")


def test_a_question_line_nested_too_deeply_is_one_problem():
    questions = parse_questions(['{"id": "q1", "question": "What is RLCoder?"}', "[" * 40_000 + "]" * 40_000])
    assert [q.id for q in questions.questions] == ["q1"]
    assert [(p.line, p.message) for p in questions.problems] == [(2, "JSON nested too deeply to read")]


def test_a_json_array_item_nested_too_deeply_is_rejected_and_the_items_after_it_are_read(write):
    # Brackets inside its strings must not end the skipped item early.
    deep = '{"note": "]} [", "a": ' * 5_000 + "1" + "}" * 5_000
    path = write("export.json", f"[{json.dumps(ALPHA)},\n {deep},\n {json.dumps(BETA)}]\n")
    records = read_all(path)
    assert titles(records) == ["Alpha Solver", "Beta Prover"]
    assert rejections(records) == [f"export.json, record 2: {TOO_DEEP}"]


# F14: a record without an id is named by its title, and one title can head two different papers.

def test_two_papers_under_one_title_without_ids_in_one_file_are_reported_not_merged(fresh_engine, write):
    report = ingest_into(fresh_engine, [write("papers.jsonl", jsonl(TRANSFORMER, PRIMATES))], progress=False)
    assert report.problems() == [
        'rejected: papers.jsonl, line 2: same title as papers.jsonl, line 1, but a different abstract, and no id '
        'tells them apart: the first one is kept; give each record an "id" to keep both']
    assert (report.new, report.exit_code) == (1, 1)
    assert stored_abstracts(fresh_engine) == [TRANSFORMER["abstract"]]


def test_a_same_titled_paper_from_another_file_is_reported_and_does_not_replace_the_stored_one(fresh_engine, write):
    ingest_into(fresh_engine, [write("nlp.jsonl", jsonl(TRANSFORMER))], progress=False)
    report = ingest_into(fresh_engine, [write("vision.jsonl", jsonl(PRIMATES))], progress=False)

    stored_id = paper_id_from_title(TRANSFORMER["title"])
    assert report.problems() == [
        "rejected: vision.jsonl, line 1: same title as the stored paper from nlp.jsonl, but a different abstract, "
        f'and no id tells them apart: the stored one is kept; give this record an "id" to keep both, or "id": '
        f'"{stored_id}" to replace it']
    assert (report.papers, report.updated, report.exit_code) == (0, 0, 1)
    assert stored_abstracts(fresh_engine) == [TRANSFORMER["abstract"]]

    # Following the advice: an id of its own keeps both papers.
    report = ingest_into(fresh_engine, [write("vision.jsonl", jsonl({"id": "primates", **PRIMATES}))],
                         progress=False)
    assert (report.new, report.exit_code) == (1, 0)
    assert stored_abstracts(fresh_engine) == sorted([TRANSFORMER["abstract"], PRIMATES["abstract"]])


def test_an_edited_abstract_from_the_same_file_still_replaces_its_paper(fresh_engine, write):
    ingest_into(fresh_engine, [write("nlp.jsonl", jsonl(TRANSFORMER))], progress=False)
    edited = {**TRANSFORMER, "abstract": "We propose the Transformer, built on attention alone."}
    path = write("nlp.jsonl", jsonl(edited))
    changed = ingest_into(fresh_engine, [path], progress=False)
    again = ingest_into(fresh_engine, [path], progress=False)
    assert (changed.updated, changed.exit_code) == (1, 0)
    assert (again.unchanged, again.exit_code) == (1, 0)
    assert stored_abstracts(fresh_engine) == [edited["abstract"]]


# F23: standard input and named pipes give their bytes once: they are read in one pass, never reopened.

def test_ingest_reads_papers_piped_to_dev_stdin(tmp_path):
    done = run_cli("ingest", "--quiet", "/dev/stdin", data_dir=tmp_path / "data", input=jsonl(ALPHA, BETA))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 papers: 2 new, 0 updated, 0 unchanged; 2 chunks"


def test_ingest_reads_a_csv_piped_to_a_dash_knowing_it_by_its_header(tmp_path):
    table = "title,abstract\nAlpha Solver,Alpha solves puzzles.\nBeta Prover,Beta proves theorems.\nGamma,\n"
    done = run_cli("ingest", "--quiet", "-", data_dir=tmp_path / "data", input=table)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == "rejected: stdin, line 4: empty abstract"
    assert done.stdout.strip() == "2 papers: 2 new, 0 updated, 0 unchanged; 2 chunks; 1 rejected"


def test_ingest_reads_a_named_pipe_while_its_writer_writes(tmp_path):
    fifo = tmp_path / "papers.jsonl"
    os.mkfifo(fifo)

    def writer() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(jsonl(ALPHA))
            pipe.flush()
            pipe.write(jsonl(BETA))

    thread = threading.Thread(target=writer)
    thread.start()
    done = run_cli("ingest", "--quiet", str(fifo), data_dir=tmp_path / "data")
    thread.join()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2 papers: 2 new, 0 updated, 0 unchanged; 2 chunks"


# F12: the disk fills while the papers are written.

@pytest.mark.parametrize("full", [
    # What Chroma 1.x raised when a real disk filled under it.
    pytest.param(InternalError("Query error: Database error: error returned from database: (code: 13) database or "
                               "disk is full"), id="sqlite-in-chroma"),
    pytest.param(OSError(errno.ENOSPC, "No space left on device"), id="a-file-write"),
])
def test_a_full_disk_stops_the_ingest_with_what_to_do_and_the_same_ingest_finishes_later(
        fresh_engine, write, monkeypatch, full):
    monkeypatch.setattr("ingest.pipeline.WRITE_EVERY_CHUNKS", 2)  # three batches of two papers
    path = write("papers.jsonl", jsonl(*({"title": f"Study {i}", "abstract": f"We study case {i}."}
                                         for i in range(6))))
    write_papers = fresh_engine.store.write_papers
    batches = []

    def fill_after_one_batch(*args) -> None:
        batches.append(args)
        if len(batches) > 1:
            raise full
        write_papers(*args)

    monkeypatch.setattr(fresh_engine.store, "write_papers", fill_after_one_batch)
    with pytest.raises(DiskFullError) as failed:
        ingest_into(fresh_engine, [path], progress=False)
    assert str(failed.value) == (
        f"the disk is full while writing to {fresh_engine.store.location}. The papers written before it filled "
        "are kept: free some space and run the same ingest again to write the rest.")
    assert len(fresh_engine.store.stored_papers()) == 2

    monkeypatch.setattr(fresh_engine.store, "write_papers", write_papers)  # space was freed
    again = ingest_into(fresh_engine, [path], progress=False)
    assert (again.new, again.unchanged, again.exit_code) == (4, 2, 0)


def test_a_write_that_fails_for_another_reason_is_not_called_a_full_disk(fresh_engine, write, monkeypatch):
    def broken(*args) -> None:
        raise RuntimeError("segment writer crashed")

    monkeypatch.setattr(fresh_engine.store, "write_papers", broken)
    with pytest.raises(RuntimeError, match="segment writer crashed"):
        ingest_into(fresh_engine, [write("papers.jsonl", jsonl(ALPHA))], progress=False)


@pytest.mark.slow
def test_the_cli_on_a_disk_that_really_fills_says_so_in_one_line_and_loses_nothing(tmp_path):
    """A real full file system: a small tmpfs in a private mount namespace, nearly filled. The data folder is
    copied onto it for the ingest and back afterwards, as it was left, for the run after space is freed."""
    folder = tmp_path / "data"
    first = tmp_path / "first.jsonl"
    first.write_text(jsonl(*({"title": f"Early {i}", "abstract": f"Early case {i}."} for i in range(20))))
    more = tmp_path / "more.jsonl"
    more.write_text(jsonl(*({"title": f"Study {i}", "abstract": f"We study case {i} of the method in depth."}
                            for i in range(300))))
    assert run_cli("ingest", "--quiet", str(first), data_dir=folder).returncode == 0

    disk = tmp_path / "disk"
    disk.mkdir()
    script = ('disk=$0 saved=$1; shift; mount -t tmpfs -o size=30m tmpfs "$disk" && cp -a "$saved" "$disk/data" '
              '|| exit 99; free=$(df -k --output=avail "$disk" | tail -1); '
              'head -c $(( (free - 200) * 1024 )) /dev/zero > "$disk/fill"; '
              '"$@"; rc=$?; rm -rf "$saved"; cp -a "$disk/data" "$saved"; exit $rc')
    wrapper = ("unshare", "--mount", "sh", "-c", script, str(disk), str(folder))
    if shutil.which("unshare") is None or os.geteuid() != 0 or subprocess.run(
            ["unshare", "--mount", "sh", "-c", 'mount -t tmpfs tmpfs "$0"', str(disk)]).returncode:
        pytest.skip("a private tmpfs needs root and unshare")
    full = run_cli("ingest", "--quiet", str(more), data_dir=disk / "data", wrapper=wrapper)

    assert full.returncode == 2, full.stdout + full.stderr
    assert full.stderr.strip() == (
        f"paperchat: the disk is full while writing to {disk / 'data' / 'chroma'}. The papers written before it "
        "filled are kept: free some space and run the same ingest again to write the rest.")
    again = run_cli("ingest", "--quiet", str(more), data_dir=folder)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("300 papers: ")
    assert len(run_cli("papers", data_dir=folder).stdout.splitlines()) == 320
