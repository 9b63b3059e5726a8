"""Hostile input at the command line (issue 18): bytes that are not text in a question, escape sequences in titles
and abstracts, a question "file" that never ends, settings and flags out of range, and a data folder on a
read-only mount. Each is one readable line or a working answer, never a traceback, a hung terminal or lost work."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from cli_runner import run_cli

from eval.questionset import QuestionFileTooLarge, load_questions, parse_questions
from rag.answer.question import check_question
from rag.errors import QuestionError
from rag.text.controls import strip_controls

# A title that clears the screen, renames the window, writes the clipboard (OSC 52) and resets the terminal.
HOSTILE_TITLE = ("ZorbaNet\x1b]0;pwned\x07: a \x1b[2Jsolver\x1b]52;c;cm0gLXJmIH4K\x07 for \x9b31mpuzzles\x1bc "
                 "and \x1bP+q\x1b\\games")
CORPUS = [
    {"id": "zorba", "title": HOSTILE_TITLE,
     "abstract": "ZorbaNet reaches \x1b[31m91.5% accuracy\x1b[0m on the Zorba benchmark. It searches over moves."},
    {"id": "garden", "title": "A harmless paper about gardens",
     "abstract": "Gardens grow tomatoes in summer. Watering in the morning helps the plants."},
]
# What a terminal would obey: every C0 control but tab and newline, DEL, and the C1 controls.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A data folder holding the hostile corpus, ingested as a user would."""
    folder = tmp_path_factory.mktemp("attacks")
    papers = folder / "papers.jsonl"
    papers.write_text("".join(json.dumps(p) + "\n" for p in CORPUS), encoding="utf-8")
    done = run_cli("ingest", "--quiet", str(papers), data_dir=folder / "data")
    assert done.returncode == 0, done.stderr
    return folder / "data"


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# F11: bytes that are not text in a question.

def test_ask_says_which_byte_of_the_question_is_not_text(tmp_path):
    done = run_cli("ask", "What is \udcff ZorbaNet?", data_dir=tmp_path)  # `paperchat ask $'What is \xff ZorbaNet?'`
    assert one_line_error(done) == ("paperchat: The question holds bytes that are not text (\\xff at character 9): "
                                    "retype it, or save the file it came from as UTF-8.")


def test_every_door_refuses_a_lone_surrogate_the_same_way():
    """The engine (and so the page and eval runs) asks through check_question, so all of them say this."""
    with pytest.raises(QuestionError, match=r"not text \(\\ud800 at character 6\)"):
        check_question("What \ud800 is it?", 1000)


def test_terminal_chat_refuses_the_bad_question_and_the_conversation_goes_on(corpus):
    done = run_cli("chat", data_dir=corpus, input="What accuracy does \udcff reach?\n"
                                                  "What accuracy does ZorbaNet reach?\n\n")
    assert done.returncode == 0, done.stderr
    assert "bytes that are not text (\\xff at character 20)" in done.stdout
    assert "91.5% accuracy" in done.stdout


@pytest.fixture
def questions(tmp_path) -> Path:
    """A question set with a good line, a raw 0xff byte (line 2) and a JSON-escaped lone surrogate (line 3)."""
    path = tmp_path / "questions.jsonl"
    path.write_bytes(b"".join([
        b'{"id": "good", "question": "What accuracy does ZorbaNet reach?", "expected_facts": ["91.5%"]}\n',
        b'{"id": "byte", "question": "What accuracy does \xff reach?"}\n',
        b'{"id": "escape", "question": "Which paper is about gardens?", "expected_titles": ["Gard\\udcffens"]}\n',
    ]))
    return path


def test_a_question_set_line_that_is_not_text_is_reported_and_the_run_goes_on(corpus, questions, tmp_path):
    done = run_cli("eval", "run", str(questions), "--out", str(tmp_path / "run"), "--quiet", data_dir=corpus)
    assert done.returncode == 1, done.stderr  # 1: lines were skipped
    assert "line 2: holds bytes that are not text (\\xff at character 20); save the file as UTF-8" in done.stderr
    assert "line 3: holds bytes that are not text (\\xff at character 5)" in done.stderr
    results = (tmp_path / "run" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in results] == ["good"]


def test_the_evaluate_tab_reports_those_lines_and_still_shows_its_run(corpus, questions, embedder, tmp_path):
    from rag.engine import Engine
    from rag.settings import Settings
    from ui.evaluate_tab import evaluate

    view = evaluate(Engine(Settings(data_dir=corpus), embedder=embedder), None, str(questions), out_root=tmp_path)
    assert view.run is not None and [r["id"] for r in view.run.records] == ["good"]
    assert [p.split(":")[0] for p in view.run.problems] == ["line 2", "line 3"]


# F15: escape sequences in titles and abstracts.

def test_ask_prints_titles_and_quotes_without_their_escape_sequences(corpus):
    done = run_cli("ask", "What accuracy does ZorbaNet reach on the Zorba benchmark?", data_dir=corpus)
    assert done.returncode == 0, done.stderr
    assert not TERMINAL_CONTROLS.search(done.stdout)
    assert "ZorbaNet reaches 91.5% accuracy on the Zorba benchmark." in done.stdout
    assert "[1] ZorbaNet: a solver for puzzles and games (zorba)" in done.stdout


def test_ask_json_keeps_the_title_as_data_escaped_for_the_terminal(corpus):
    done = run_cli("ask", "--json", "What accuracy does ZorbaNet reach?", data_dir=corpus)
    assert done.returncode == 0, done.stderr
    assert not TERMINAL_CONTROLS.search(done.stdout)
    title = json.loads(done.stdout)["citations"][0]["title"]
    assert strip_controls(title) == "ZorbaNet: a solver for puzzles and games"


def test_papers_lists_titles_without_their_escape_sequences(corpus):
    done = run_cli("papers", data_dir=corpus)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["garden\tA harmless paper about gardens",
                                        "zorba\tZorbaNet: a solver for puzzles and games"]


def test_what_a_terminal_may_print_keeps_tabs_line_breaks_and_letters():
    assert strip_controls("a\tb\r\nc\x07d\x1b[1;31me\x1b]8;;http://x\x1b\\f\x1b]8;;\x1b\\ \u00e9\u4e2d") == \
        "a\tb\ncdef \u00e9\u4e2d"
    assert strip_controls("unterminated \x1b]52;c;aGk=") == "unterminated 52;c;aGk="  # its ESC is gone: inert
    assert strip_controls("byte \udcff") == "byte \ufffd"  # printable in any encoding


# F20: a question file that never ends.

def test_eval_run_refuses_a_file_that_never_ends(tmp_path):
    done = run_cli("eval", "run", "/dev/zero", data_dir=tmp_path)
    line = one_line_error(done)
    assert line.startswith("paperchat eval run: /dev/zero holds more than 20 MB (or never ends)")


def test_a_question_file_over_the_limit_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr("eval.questionset.MAX_FILE_BYTES", 100)
    big = tmp_path / "big.jsonl"
    big.write_text('{"id": "q", "question": "What is ZorbaNet?"}\n' * 5, encoding="utf-8")
    with pytest.raises(QuestionFileTooLarge, match="holds more than"):
        load_questions(big)


def test_an_overlong_line_is_reported_and_the_next_one_still_loads():
    loaded = parse_questions(['{"id": "huge", "question": "' + "x" * 200_000 + '"}',
                              '{"id": "ok", "question": "What is ZorbaNet?"}'])
    assert [q.id for q in loaded.questions] == ["ok"]
    assert [str(p) for p in loaded.problems] == ["line 1: 200,030 characters long; a question line may have at "
                                                 "most 100,000"]


# F21: settings and flags out of range.

@pytest.mark.parametrize("variable, value", [
    ("PAPERCHAT_INGEST__BATCH_SIZE", "0"),
    ("PAPERCHAT_ANSWER__REFUSE_BELOW", "nan"),
    ("PAPERCHAT_LLM__TEMPERATURE", "inf"),
    ("PAPERCHAT_RETRIEVAL__CANDIDATES", "-1"),
    ("PAPERCHAT_RETRIEVAL__RRF_K", "-60"),
    ("PAPERCHAT_RETRIEVAL__TITLE_REPEAT", "1000000000"),
    ("PAPERCHAT_ANSWER__MAX_SENTENCES", "0"),
    ("PAPERCHAT_STORE__COLLECTION_PREFIX", "a/b"),
    ("PAPERCHAT_DEVICE", "tpu"),
    ("PAPERCHAT_CHROMA_URL", "http://127.0.0.1:99999"),
])
def test_a_setting_out_of_range_is_one_line_naming_its_variable(tmp_path, variable, value):
    line = one_line_error(run_cli("papers", data_dir=tmp_path, **{variable: value}))
    assert line.startswith("paperchat: invalid setting ") and f"(env {variable})" in line


def test_a_settings_group_that_is_not_json_says_how_to_write_it(tmp_path):
    line = one_line_error(run_cli("papers", data_dir=tmp_path, PAPERCHAT_RETRIEVAL="top_papers=8"))
    assert "cannot read setting retrieval (env PAPERCHAT_RETRIEVAL)" in line
    assert "PAPERCHAT_RETRIEVAL__KEY=value" in line


def test_serve_refuses_a_port_out_of_range_before_starting(tmp_path):
    done = run_cli("serve", "--port", "99999", data_dir=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "argument --port: a port is between 1 and 65535, got 99999" in done.stderr


def test_cuda_without_a_gpu_is_one_line(corpus):
    from rag.choices import _gpu_possible

    if _gpu_possible():
        pytest.skip("this machine has an NVIDIA driver")
    line = one_line_error(run_cli("ask", "What is ZorbaNet?", data_dir=corpus, PAPERCHAT_DEVICE="cuda"))
    assert line.startswith("paperchat: PAPERCHAT_DEVICE=cuda (or --device cuda) but no CUDA GPU is visible: ")


@pytest.mark.parametrize("gpus, built_with_cuda, requested, expected", [
    (1, "12.4", "cuda", "cuda"),
    (2, "12.4", "cuda:1", "cuda"),
    (1, "12.4", "cuda:1", "there is only 1 GPU(s), numbered from cuda:0"),
    (0, "12.4", "cuda", "torch sees no GPU (is CUDA_VISIBLE_DEVICES empty?)"),
    (0, None, "cuda", "this torch (2.x+cpu) was built without CUDA"),
])
def test_cuda_is_used_only_where_that_gpu_is_there(monkeypatch, gpus, built_with_cuda, requested, expected):
    from rag import choices

    cuda = types.SimpleNamespace(is_available=lambda: gpus > 0, device_count=lambda: gpus)
    torch = types.SimpleNamespace(cuda=cuda, version=types.SimpleNamespace(cuda=built_with_cuda), __version__="2.x+cpu")
    monkeypatch.setattr(choices, "_gpu_possible", lambda: True)
    monkeypatch.setitem(sys.modules, "torch", torch)
    if expected == "cuda":
        assert choices.resolve_device(requested) == requested
    else:
        with pytest.raises(choices.DeviceError, match=re.escape(f"no CUDA GPU is visible: {expected}. Use --device")):
            choices.resolve_device(requested)


def test_a_path_the_system_refuses_is_one_line_naming_it(corpus):
    line = one_line_error(run_cli("ask", "What is ZorbaNet?", data_dir=corpus, PAPERCHAT_MODEL_CACHE_DIR="/dev/null"))
    assert "/dev/null" in line and "Check the paths" in line


# F22: a data folder on a read-only mount.

@pytest.fixture
def read_only(corpus, tmp_path):
    """A copy of the corpus folder, and how to run the CLI with that copy read-only: a private read-only bind
    mount for root (who may write any file), the permission bits for anyone else."""
    folder = tmp_path / "read-only"
    shutil.copytree(corpus, folder)
    if os.geteuid() != 0:
        subprocess.run(["chmod", "-R", "a-w", str(folder)], check=True)
        yield folder, ()
        subprocess.run(["chmod", "-R", "u+w", str(folder)], check=True)
        return
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    wrapper = ("unshare", "--mount", "sh", "-c", script, str(folder))
    if shutil.which("unshare") is None or subprocess.run([*wrapper, "true"], capture_output=True).returncode:
        pytest.skip("root here cannot make a private read-only mount")
    yield folder, wrapper


def catalogue_digest(folder: Path) -> str:
    return hashlib.sha256((folder / "chroma" / "chroma.sqlite3").read_bytes()).hexdigest()


def test_ask_answers_from_a_read_only_data_folder_and_leaves_it_as_it_was(read_only):
    folder, wrapper = read_only
    before = catalogue_digest(folder)
    done = run_cli("ask", "What accuracy does ZorbaNet reach?", data_dir=folder, wrapper=wrapper)
    assert done.returncode == 0, done.stderr
    assert "91.5% accuracy" in done.stdout
    assert catalogue_digest(folder) == before


def test_ingest_into_a_read_only_data_folder_is_refused_not_lost(read_only, tmp_path):
    folder, wrapper = read_only
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "new", "title": "A new paper", "abstract": "It is new. It is short."}) + "\n")
    line = one_line_error(run_cli("ingest", "--quiet", str(more), data_dir=folder, wrapper=wrapper))
    assert f"The store at {folder / 'chroma'} is read-only" in line and "--data-dir" in line
