"""Fast tests of `paperchat serve`'s safety checks and of the chat handlers' error handling (no browser)."""

from __future__ import annotations

import argparse
from pathlib import Path
from types import SimpleNamespace

import pytest
from rendered_markdown import shown_text

from rag.engine import NoIndexError, QuestionError
from rag.settings import RetrievalSettings, Settings
from rag.types import Answer, Citation, Paper
from ui.conversation import Conversation
from ui.serve import ServeError, check_binding, is_loopback, parse_auth, resolve_auth, serve
from ui.session_settings import retrieval_for, summary, usable_backend


class FakeEngine:
    """Stands in for the engine where only the page's handling of its answers and errors is under test."""

    def __init__(self, settings: Settings, outcome: Exception | None = None) -> None:
        self.settings = settings
        self.outcome = outcome
        self.papers = {"p1": Paper("p1", "Paper One", "It works. Really.")}
        self.location = "nowhere"
        self.calls: list[tuple[str, list[str], RetrievalSettings]] = []
        self.built = False

    def ask(self, question, history=(), retrieval=None, paper_ids=None, backend=None, strict=None) -> Answer:
        self.calls.append((question, list(history), retrieval))
        if self.outcome:
            raise self.outcome
        return Answer(query=question, searched_query=question, answer="It works. [1]",
                      citations=[Citation(1, "p1", "Paper One", "It works.")])

    def ensure_builtin_corpus(self, progress=True):
        self.built = True


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path)


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False),
])
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback


def test_other_addresses_need_auth():
    check_binding("127.0.0.1", None)
    check_binding("0.0.0.0", ("u", "p"))
    with pytest.raises(ServeError, match="--auth USER:PASS"):
        check_binding("0.0.0.0", None)


@pytest.mark.parametrize("bad", ["nopass", ":pass", "user:", ""])
def test_auth_must_be_user_colon_pass(bad):
    with pytest.raises(ServeError):
        parse_auth(bad)
    assert parse_auth("me:se:cret") == ("me", "se:cret")


def test_auth_comes_from_flag_then_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("PAPERCHAT_AUTH", "env:pw")
    engine = FakeEngine(Settings(data_dir=tmp_path))
    assert resolve_auth(None, engine) == ("env", "pw")
    assert resolve_auth("flag:pw", engine) == ("flag", "pw")
    assert "env:pw" not in repr(engine.settings)  # a secret never shows in logs
    monkeypatch.delenv("PAPERCHAT_AUTH")
    monkeypatch.setenv("PAPERCHAT_UI__AUTH", "nested:pw")
    assert resolve_auth(None, FakeEngine(Settings(data_dir=tmp_path))) == ("nested", "pw")


def test_serve_refuses_an_open_address_without_auth_before_doing_anything(settings, capsys):
    engine = FakeEngine(settings)
    engine.papers = {}
    code = serve(engine, argparse.Namespace(host="0.0.0.0", port=1, auth=None))
    assert code == 2 and not engine.built
    assert "refusing to serve on 0.0.0.0 without a password" in capsys.readouterr().err


def test_session_settings_are_copies_and_validated():
    shared = RetrievalSettings()
    mine = retrieval_for(shared, "bm25", 3.0)
    assert (mine.retriever, mine.top_papers) == ("bm25", 3)
    assert (shared.retriever, shared.top_papers) == ("hybrid", 6) and mine is not shared
    with pytest.raises(ValueError):
        retrieval_for(shared, "magic", 3)
    assert usable_backend("llm") == "extractive"
    assert summary("bm25", 3, "llm") == "**Settings:** BM25 retrieval · 3 papers per answer · Extractive answers"


def _run(page, question: str, conversation: Conversation, top: float = 4) -> list[tuple]:
    return list(page.respond(question, conversation, "dense", top, SimpleNamespace(session_hash="s1")))


@pytest.mark.parametrize(("error", "shown"), [
    (NoIndexError("No papers are indexed at X: run `paperchat ingest` first"), "run `paperchat ingest` first"),
    (QuestionError("The question is empty"), "The question is empty"),
    (RuntimeError("secret internals"), "Something went wrong while answering (RuntimeError)"),
])
def test_errors_become_chat_messages_never_tracebacks(settings, error, shown):
    from ui.app import ChatPage

    page = ChatPage(FakeEngine(settings, outcome=error))
    conversation = Conversation()
    final = _run(page, "What works?", conversation)[-1]
    last = final[1][-1]["content"]
    assert shown in shown_text(last) and "Traceback" not in last and "secret internals" not in last
    assert conversation.turns[-1].answer is None and conversation.history() == []


def test_long_questions_are_refused_politely_without_reaching_the_engine(settings):
    from ui.app import ChatPage

    engine = FakeEngine(settings.model_copy(update={"ui": settings.ui.model_copy(update={"max_question_chars": 20})}))
    page = ChatPage(engine)
    final = _run(page, "x" * 50, Conversation())[-1]
    assert "50 characters long; the limit is 20. Please shorten it" in final[1][-1]["content"]
    assert engine.calls == []


def test_answers_stream_then_bring_sources_exports_and_history(settings):
    from ui.app import ChatPage

    engine = FakeEngine(settings)
    page = ChatPage(engine)
    conversation = Conversation()
    updates = _run(page, "  Does   it work? ", conversation)
    assert updates[0][0] == "" and updates[0][1][-1]["content"].startswith('<span class="searching">Searching')
    contents = [u[1][-1]["content"] for u in updates[1:]]
    assert len(contents) >= 3 and all(contents[-1].startswith(c) for c in contents)
    question, retrieval = engine.calls[0][0], engine.calls[0][2]
    assert question == "Does it work?" and (retrieval.retriever, retrieval.top_papers) == ("dense", 4)
    assert engine.settings.retrieval.retriever == "hybrid"  # the shared settings are untouched
    final = updates[-1]
    assert 'id="src-1-1"' in final[3]
    markdown, bibtex = final[4].value["path"], final[5].value["path"]
    assert markdown.endswith("paperchat-conversation.md") and bibtex.endswith("paperchat-references.bib")
    assert "It works. [1]" in Path(markdown).read_text(encoding="utf-8")
    _run(page, "And then?", conversation)
    assert engine.calls[1][1] == ["Does it work?"]
    assert [m["role"] for m in page_messages(conversation)] == ["user", "assistant"] * 2


def page_messages(conversation: Conversation) -> list[dict]:
    from ui.app import _messages

    return _messages(conversation)


def test_blank_questions_do_nothing(settings):
    from ui.app import ChatPage

    engine = FakeEngine(settings)
    assert len(_run(ChatPage(engine), "   ", Conversation())) == 1 and engine.calls == []
