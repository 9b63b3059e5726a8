"""Conversations that last (issue 15): written to the data folder as they grow, restored by a reload, listed to
reopen, rename and delete, stopped mid-answer, and each reader's own under --auth."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from chat_page import ask, bot_text, open_page, squash, user_texts, wait_for_turn

from rag.types import Answer, AnswerSentence, Citation, Evidence
from ui.conversation import Conversation, Turn
from ui.conversation_store import FILE_NAME, ConversationStore

LEAN = "How many lemmas are in the dataset built from IMO proofs in Lean?"
RLCODER = "How does RLCoder retrieve code for repository-level completion?"


def _answer(question: str) -> Answer:
    return Answer(
        query=question, searched_query=question, answer="It has 1,329 lemmas. [1]",
        citations=[Citation(1, "lean", "A Lean Dataset", "It has 1,329 lemmas.", support=0.7)],
        sentences=[AnswerSentence("It has 1,329 lemmas.", [1])],
        evidence=[Evidence("lean", "A Lean Dataset", "It has 1,329 lemmas.", dense=0.5, lexical=2.0, fused=0.03)],
        table=[{"paper": "Lean", "n": 1, "results": None}], timings_ms={"total": 12.5},
    )


def _asked(conversation: Conversation, store: ConversationStore, owner: str, turn: Turn) -> None:
    conversation.turns.append(turn)
    store.save_last_turn(conversation, owner)


def test_a_conversation_is_written_turn_by_turn_and_read_back_whole(tmp_path):
    store = ConversationStore.in_folder(tmp_path)
    conversation = Conversation()
    _asked(conversation, store, "", Turn("How many lemmas?", _answer("How many lemmas?"), scope=("lean",)))
    _asked(conversation, store, "", Turn("x" * 20, error="That failed; ask again."))
    _asked(conversation, store, "", Turn("And then?", stopped=True))
    assert (tmp_path / FILE_NAME).is_file() and conversation.id

    again = ConversationStore.in_folder(tmp_path).load(conversation.id, "")  # as a restarted server reads it
    assert again is not None and again.turns == conversation.turns
    assert [s.name for s in store.summaries("")] == ["How many lemmas?"]


def test_each_reader_sees_only_their_own_conversations(tmp_path):
    store = ConversationStore.in_folder(tmp_path)
    adas = Conversation()
    _asked(adas, store, "ada", Turn("Ada's question", _answer("Ada's question")))
    assert store.load(adas.id, "bob") is None and store.summaries("bob") == []
    assert not store.rename(adas.id, "bob", "stolen") and not store.delete(adas.id, "bob")
    assert store.rename(adas.id, "ada", "  Lemma   counts ")
    assert [s.name for s in store.summaries("ada")] == ["Lemma counts"]
    assert store.rename(adas.id, "ada", "")  # a blank name: back to the first question
    assert [s.name for s in store.summaries("ada")] == ["Ada's question"]
    assert store.delete(adas.id, "ada") and store.load(adas.id, "ada") is None


def test_a_conversation_deleted_in_another_tab_is_saved_again_whole(tmp_path):
    store = ConversationStore.in_folder(tmp_path)
    conversation = Conversation()
    _asked(conversation, store, "", Turn("First?", _answer("First?")))
    store.delete(conversation.id, "")  # another tab
    _asked(conversation, store, "", Turn("Second?", _answer("Second?")))
    assert [t.question for t in store.load(conversation.id, "").turns] == ["First?", "Second?"]


def test_tabs_and_servers_writing_at_once_lose_no_turn(tmp_path):
    """Eight tabs of two servers (two stores on one file) each ask ten questions at the same time."""
    stores = [ConversationStore.in_folder(tmp_path), ConversationStore.in_folder(tmp_path)]
    conversations = [Conversation() for _ in range(8)]
    start = threading.Barrier(len(conversations))

    def tab(i: int) -> None:
        start.wait()
        for n in range(10):
            _asked(conversations[i], stores[i % 2], f"user{i % 3}", Turn(f"q{i}-{n}", _answer(f"q{i}-{n}")))

    threads = [threading.Thread(target=tab, args=(i,)) for i in range(len(conversations))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, conversation in enumerate(conversations):
        loaded = stores[0].load(conversation.id, f"user{i % 3}")
        assert loaded is not None and [t.question for t in loaded.turns] == [f"q{i}-{n}" for n in range(10)]


def test_a_data_folder_that_cannot_be_written_keeps_conversations_until_the_server_stops(tmp_path, monkeypatch,
                                                                                          caplog):
    import os

    writable = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: mode != os.W_OK and writable(path, mode))
    store = ConversationStore.in_folder(tmp_path / "read-only")
    assert not store.lasting and not store.path.is_relative_to(tmp_path)
    assert "Make the data folder writable to keep them" in caplog.text
    conversation = Conversation()
    _asked(conversation, store, "", Turn("Still works?", _answer("Still works?")))
    assert store.load(conversation.id, "") is not None


class OneAnswerEngine:
    """Answers every question with the same cited sentence; enough for the page's own handling."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self.papers = {}
        self.location = "nowhere"

    def ask(self, question, history=(), retrieval=None, paper_ids=None, backend=None, strict=None) -> Answer:
        return _answer(question)


@pytest.fixture
def chat(tmp_path):
    from rag.settings import Settings
    from ui.app import ChatPage

    return ChatPage(OneAnswerEngine(Settings(data_dir=tmp_path)))


def reader(name: str, tab: str = "tab") -> SimpleNamespace:
    return SimpleNamespace(username=name, session_hash=f"{name}-{tab}")


def test_under_auth_a_reader_reopens_only_their_own_conversations(chat):
    ada = Conversation()
    final = list(chat.respond(LEAN, ada, "hybrid", 6, reader("ada")))[-1]
    conversation_id = final[6]
    assert conversation_id == ada.id
    history = final[7]
    assert [label for label, _ in history.choices] == [LEAN]

    chat_of = dict(zip(("chat", "conversation"), chat.restore(conversation_id, reader("bob"))[:2], strict=True))
    assert chat_of["chat"] == [] and chat_of["conversation"].turns == []  # Ada's id in Bob's browser: nothing
    restored = chat.restore(conversation_id, reader("ada", "another-tab"))
    assert [m["role"] for m in restored[0]] == ["user", "assistant"] and "1,329 lemmas" in restored[0][1]["content"]


def test_stop_settles_the_question_even_while_its_answer_is_being_made(chat):
    conversation = Conversation()
    answering = chat.respond(LEAN, conversation, "hybrid", 6, reader("ada"))
    next(answering)  # the question is shown; the answer is on its way
    stopped = chat.stop(conversation, reader("ada"))
    assert list(answering) == []  # the answer that arrives next is dropped, not shown over the stopped turn
    assert [(t.question, t.stopped, t.answer) for t in conversation.turns] == [(LEAN, True, None)]
    assert "Stopped before the answer was finished" in stopped[0][-1]["content"]
    assert chat.store.load(conversation.id, "ada").turns[0].stopped


# In Chromium, against the real engine over the built-in corpus.

@pytest.mark.browser
def test_a_reload_keeps_the_question_and_its_answer(browser, app_url):
    context, page = open_page(browser, app_url)
    ask(page, LEAN)
    wait_for_turn(page, 1)
    answer = squash(bot_text(page))
    page.reload(wait_until="domcontentloaded")
    page.locator("#sources #turn-1").wait_for(state="attached", timeout=30_000)  # restored, sources included
    assert user_texts(page) == [LEAN] and squash(bot_text(page)) == answer and "1,329 lemmas" in answer
    assert page.locator("#history input:checked").count() == 1  # and it is the open one in the list
    ask(page, "How was it built?")  # the restored conversation goes on: a follow-up still knows what "it" is
    wait_for_turn(page, 2)
    assert "IMO" in page.locator("#chat [data-testid=bot] .searched").last.inner_text()
    context.close()


@pytest.mark.browser
def test_a_second_conversation_and_the_first_reopened_from_the_list(browser, app_url):
    """Every test here shares one server and its store: these two questions are this test's alone."""
    first, second = "What does DotaMath propose?", "What dataset does InfinityMATH introduce?"
    context, page = open_page(browser, app_url)
    ask(page, first)
    wait_for_turn(page, 1)
    page.locator("#new-conversation").click()
    page.wait_for_function("() => !document.querySelector('#chat [data-testid=user]')")
    ask(page, second)
    wait_for_turn(page, 1)
    listed = page.locator("#history label")
    assert listed.filter(has_text=first).count() == 1 and listed.filter(has_text=second).count() == 1
    assert listed.first.inner_text() == second  # the most recent first

    listed.filter(has_text=first).click()
    page.wait_for_function("q => document.querySelector('#chat [data-testid=user]')?.innerText.includes(q)",
                           arg=first)
    assert user_texts(page) == [first] and "DotaMath" in bot_text(page)
    assert "DotaMath" in page.locator("#sources .source-title").first.inner_text()

    name = page.locator("#conversation-name input, #conversation-name textarea").first
    assert name.input_value() == first
    name.fill('DotaMath <img src=x onerror="window.__pwned=1">')
    page.locator("#rename-conversation").click()
    renamed = listed.filter(has_text="DotaMath <img src=x")
    renamed.wait_for()  # shown as typed: a name is text, never markup
    assert page.evaluate("() => window.__pwned") is None

    page.locator("#delete-conversation").click()
    page.wait_for_function("() => !document.querySelector('#chat [data-testid=user]')")
    renamed.wait_for(state="detached")
    assert listed.filter(has_text=second).count() == 1
    context.close()


@pytest.fixture(scope="module")
def llm_url(llm_engine):
    from page_server import served

    with served(llm_engine) as url:
        yield url


@pytest.mark.browser
def test_stop_ends_a_streaming_answer(browser, llm_url, openai_server):
    openai_server.reset()
    openai_server.chunk_delay_s = 0.5  # a slow model: the answer would take about a minute
    openai_server.reply = lambda messages: "Codex solves some puzzles " * 30 + "[1]"
    context, page = open_page(browser, llm_url)
    ask(page, "How many of the 397 test puzzles does Codex solve with a single try?")
    page.wait_for_function("() => document.querySelector('#chat [data-testid=bot]')?.innerText.includes('Codex')",
                           timeout=90_000)  # the model's first words are on the page
    page.locator("#stop").click()
    page.locator("#chat .stopped").wait_for()
    page.locator("#ask").wait_for(state="visible")
    assert page.locator("#stop").is_hidden() and "Codex solves some puzzles" not in bot_text(page)

    openai_server.chunk_delay_s = 0.0
    page.get_by_role("tab", name="Settings").click()
    page.locator("#backend").get_by_text("Extractive — quotes").click()
    page.get_by_role("tab", name="Chat").click()
    ask(page, LEAN)  # the page goes on, and the stopped answer never lands after all
    wait_for_turn(page, 2)
    assert page.locator("#chat .stopped").count() == 1 and page.locator("#chat .answer-meta").count() == 1
    page.reload(wait_until="domcontentloaded")
    page.locator("#sources #turn-2").wait_for(state="attached", timeout=30_000)
    assert page.locator("#chat .stopped").count() == 1  # the stopped question was saved as such
    context.close()
