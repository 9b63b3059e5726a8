"""Many people at once: 20 separate clients of the real chat page, each in its own conversation, and questions
asked while an ingest is writing to the store. Latency is the bench's business (bench/concurrency.py): nothing
here is timed, only who got which answer."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from ingest.writer import ingest_into
from ui.inert_markdown import as_typed

DEV = Path(__file__).resolve().parents[1] / "eval" / "questions" / "dev.jsonl"
# Factoid and semantic dev questions whose answer and follow-up both cite the expected paper when asked alone
# (q04, q17 and q22's follow-ups drift to other papers, so they would test retrieval, not concurrency: q22's "What
# benchmarks did it use?" names no paper to carry over, and the benchmarks found are other papers').
CLIENT_QUESTIONS = ["q01", "q02", "q03", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13", "q14",
                    "q15", "q16", "q18", "q19", "q20", "q21", "q23"]
FOLLOW_UP = "What benchmarks did it use?"
CITE = re.compile(r'<a class="cite" href="#src-(\d+)-\d+" title="([^"]*)"')


def dev_questions(ids: list[str]) -> list[dict]:
    rows = {row["id"]: row for row in map(json.loads, DEV.read_text(encoding="utf-8").splitlines()) if row}
    return [rows[i] for i in ids]


def cited_titles(message: str) -> set[str]:
    return {unescape(title) for _, title in CITE.findall(message)}


def squash(text: str) -> str:
    return " ".join(text.split())


def text_of(message: dict) -> str:
    """A chat message's Markdown, whichever shape this Gradio version sends it in (a string or text parts)."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


@pytest.mark.slow
def test_twenty_clients_at_once_each_get_their_own_conversation(app_url, engine):
    from gradio_client import Client

    questions = dev_questions(CLIENT_QUESTIONS)
    assert len(questions) == 20
    start = threading.Barrier(len(questions))
    results: dict[str, list[list[dict]]] = {}
    errors: list[BaseException] = []

    def client(row: dict) -> None:
        try:
            session = Client(app_url, verbose=False)
            start.wait(timeout=300)  # every client connected before any asks: the questions really overlap
            chats = []
            for question in (row["question"], FOLLOW_UP):
                chats.append(session.predict(question, api_name="/ask")[1])
            results[row["id"]] = chats
        except BaseException as exc:  # surfaced by the assertion below, with the question it failed on
            errors.append(exc)
            start.abort()

    threads = [threading.Thread(target=client, args=(row,), name=f"client-{row['id']}") for row in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not errors, errors
    assert sorted(results) == sorted(CLIENT_QUESTIONS)

    for row in questions:
        first, second = results[row["id"]]
        expected = row["expected_titles"][0]
        # Each conversation holds its own two turns and nothing of anyone else's.
        assert [m["role"] for m in second] == ["user", "assistant", "user", "assistant"], row["id"]
        assert text_of(second[0]) == as_typed(row["question"])
        assert text_of(second[2]) == FOLLOW_UP
        assert text_of(first[1]) == text_of(second[1])  # the first answer, as this client saw it, is kept
        answer, follow_up = text_of(second[1]), text_of(second[3])
        assert expected in cited_titles(answer), (row["id"], answer)
        # The follow-up was made standalone from this client's own first turn (as the engine alone does it), and
        # answered from it.
        searched = engine.ask(FOLLOW_UP, history=[row["question"]]).searched_query
        assert f"Searching for: {as_typed(searched)}</span>" in follow_up, (row["id"], follow_up)
        if not cited_titles(follow_up):
            # Refused, of this client's own paper: "The abstract of “Automated Design of Agentic Systems” names no
            # benchmark, dataset or environment" (it names domains only), never of another client's.
            assert f"abstract of “{expected}”" in follow_up, (row["id"], follow_up)
            continue
        assert expected in cited_titles(follow_up), (row["id"], follow_up)
        assert {n for n, _ in CITE.findall(follow_up)} == {"2"}, "the follow-up's markers open its own turn"


def _write_jsonl(path: Path, papers) -> Path:
    path.write_text("\n".join(json.dumps({"id": p.paper_id, "title": p.title, "abstract": p.abstract})
                              for p in papers), encoding="utf-8")
    return path


INGEST_QUESTIONS = ["q01", "q03", "q05", "q06", "q08", "q09", "q13", "q16", "q19", "q21"]


@pytest.mark.slow
def test_questions_asked_during_an_ingest_are_answered_whole(engine, embedder, settings_for, tmp_path):
    """Half of the built-in corpus is indexed; while the other half is ingested, four threads keep asking
    questions about papers of the first half. Every answer must be whole and cite the right paper, and the new
    papers must be searchable once the ingest is done."""
    from rag.engine import Engine

    questions = dev_questions(INGEST_QUESTIONS)
    by_title = {p.title: p for p in engine.papers.values()}
    wanted = [by_title[row["expected_titles"][0]] for row in questions]
    others = [p for p in engine.papers.values() if p not in wanted]
    first, later = wanted + others[:20], others[20:]
    mine = Engine(settings_for("concurrent-ingest"), embedder=embedder)
    ingest_into(mine, [_write_jsonl(tmp_path / "first.jsonl", first)], progress=False)
    assert len(mine.papers) == len(first)

    ingesting = threading.Event()
    ingested = threading.Event()
    answers: list[tuple[dict, object, bool]] = []  # (question, Answer, asked while the ingest ran)
    errors: list[BaseException] = []

    def asker(rows: list[dict]) -> None:
        try:
            ingesting.wait(timeout=120)
            passes = 0
            while passes < 1 or not ingested.is_set():
                for row in rows:
                    during = not ingested.is_set()
                    answers.append((row, mine.ask(row["question"]), during))
                passes += 1
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=asker, args=(questions[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    ingesting.set()
    try:
        report = ingest_into(mine, [_write_jsonl(tmp_path / "later.jsonl", later)], progress=False)
    finally:
        ingested.set()
        for thread in threads:
            thread.join(timeout=600)
    assert not errors, errors
    assert report.new == len(later)
    assert sum(during for *_, during in answers) >= len(threads), "every thread asks at least once during the ingest"

    for row, answer, during in answers:
        expected = row["expected_titles"][0]
        assert not answer.refused, (row["id"], during, answer.answer)
        assert expected in {c.title for c in answer.citations}, (row["id"], during, answer.answer)
        assert answer.sentences and all(s.citations for s in answer.sentences), (row["id"], answer.answer)
        assert all(c.paper_id in mine.papers for c in answer.citations)
        cited = {c.n: mine.papers[c.paper_id] for c in answer.citations}
        for sentence in answer.sentences:  # each quote is really in the paper it cites
            assert all(squash(sentence.text) in squash(cited[n].abstract) for n in sentence.citations), row["id"]

    assert len(mine.papers) == len(first) + len(later)
    for paper in later[:5]:
        assert mine.search(paper.title)[0].paper_id == paper.paper_id


def test_a_question_reads_one_index_even_when_an_ingest_finishes_mid_question(engine, embedder, settings_for,
                                                                              tmp_path):
    """An ingest that replaces a paper's abstract while a question about it is between retrieval and quoting:
    the question is answered wholly from the index as it was when it started, the next one from the new one."""
    from rag.engine import Engine

    rlcoder = next(p for p in engine.papers.values() if p.title.startswith("RLCoder"))
    neighbours = [p for p in engine.papers.values() if "code" in p.title.lower() and p is not rlcoder][:4]
    mine = Engine(settings_for("one-view"), embedder=embedder)
    ingest_into(mine, [_write_jsonl(tmp_path / "papers.jsonl", [rlcoder, *neighbours])], progress=False)
    question = "How does RLCoder retrieve code for repository-level completion?"
    before = mine.ask(question)
    assert not before.refused and rlcoder.paper_id in {c.paper_id for c in before.citations}

    replaced = replace(rlcoder, abstract="RLCoder was withdrawn. This replacement text has no results about "
                       "retrieval for repository-level code completion.")
    update = _write_jsonl(tmp_path / "update.jsonl", [replaced])
    retriever = mine.view.retriever
    original_search = retriever.search

    def search_then_ingest(*args, **kwargs):
        found = original_search(*args, **kwargs)
        ingest_into(mine, [update], progress=False)  # lands between this question's retrieval and its quoting
        return found

    retriever.search = search_then_ingest
    try:
        during = mine.ask(question)
    finally:
        retriever.search = original_search
    assert mine.papers[rlcoder.paper_id].abstract == replaced.abstract  # the ingest did land
    assert during.answer == before.answer
    assert [c.quote for c in during.citations] == [c.quote for c in before.citations]
    after = [c.quote for c in mine.ask(question).citations if c.paper_id == rlcoder.paper_id]
    # A citation quoting two sentences joins them with " … ": each must be the new abstract's.
    assert after and all(part in replaced.abstract for quote in after for part in quote.split(" … "))

