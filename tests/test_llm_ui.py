"""The chat page with an LLM configured: the backend choice per session, tokens streamed into the chat, and the
verifier's flags on what the model wrote. A fake OpenAI-protocol server on loopback plays the model."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace

import pytest
from fake_openai import sources_in
from rendered_markdown import shown_text

from rag.settings import LLMSettings
from ui.session_settings import available_backends, backend_choices, default_backend, summary, usable_backend

CODEX = "How many of the 397 test puzzles does Codex solve with a single try?"


def wrong_number(messages) -> str:
    n = next(n for n, text in sources_in(messages).items() if "18% of 397" in text)
    return (f"Codex solves up to 18% of the 397 test problems with a single try [{n}]. "
            f"With 1,000 tries it solves 95% of the problems [{n}].")


@pytest.fixture(autouse=True)
def clean(openai_server):
    openai_server.reset()
    openai_server.reply = wrong_number


def test_backend_choices_follow_what_the_server_configured():
    assert backend_choices(LLMSettings()) == [("Extractive — quotes abstract sentences", "extractive"),
                                              ("LLM — not configured", "llm")]
    llm = LLMSettings(base_url="http://127.0.0.1:11434/v1", model="llama3.2")
    assert backend_choices(llm)[1] == ("LLM — llama3.2", "openai")
    assert available_backends(llm) == {"extractive", "openai"} and default_backend(llm) == "openai"
    assert default_backend(llm.model_copy(update={"backend": "extractive"})) == "extractive"
    assert usable_backend("local", available_backends(llm)) == "extractive"
    ollama = LLMSettings(backend="ollama", model="llama3.2")
    assert backend_choices(ollama)[1] == ("Ollama — llama3.2", "ollama") and default_backend(ollama) == "ollama"
    custom = LLMSettings(llamaindex_class="my_llms.TinyLLM")
    assert backend_choices(custom)[1] == ("LLM — TinyLLM", "llamaindex") and default_backend(custom) == "llamaindex"
    assert summary("hybrid", 6, "openai", {"extractive", "openai"}, strict=True).endswith("LLM answers (strict)")


def test_the_page_streams_the_models_tokens_then_the_verified_answer(llm_engine, openai_server):
    from ui.app import ChatPage
    from ui.conversation import Conversation

    openai_server.chunk_delay_s = 0.06  # slower than the page's refresh, so growth is visible
    page = ChatPage(llm_engine)
    conversation = Conversation()
    updates = list(page.respond(CODEX, conversation, "hybrid", 6, SimpleNamespace(session_hash="s"), "openai", False))
    bodies = [u[1][-1]["content"] for u in updates if isinstance(u[1], list)]
    growing = [b for b in bodies if "The model is writing" in b and "Codex" in b]
    assert len(growing) >= 3 and all(len(a) < len(b) for a, b in pairwise(growing))
    final = bodies[-1]
    assert 'class="unsupported"' in final and "the number 95 not in the cited text" in final
    assert "openai:fake-model" in final and "1/2 sentences verified" in final
    assert conversation.turns[-1].answer.mode == "openai:fake-model"
    assert 'id="src-1-1"' in updates[-1][3]  # the sources panel lists the cited paper
    assert llm_engine.settings.llm.strict is False  # nothing the session chose touched the shared settings


def test_a_session_can_choose_strict_or_extractive_on_an_llm_server(llm_engine, openai_server):
    from ui.app import ChatPage
    from ui.conversation import Conversation

    page = ChatPage(llm_engine)
    request = SimpleNamespace(session_hash="s")
    strict = list(page.respond(CODEX, Conversation(), "hybrid", 6, request, "openai", True))[-1][1][-1]["content"]
    assert "95%" not in strict and "Strict mode left out 1 generated sentence" in strict
    before = len(openai_server.requests)
    conversation = Conversation()
    list(page.respond(CODEX, conversation, "hybrid", 6, request, "extractive", False))
    assert len(openai_server.requests) == before and conversation.turns[-1].answer.mode == "extractive"


def test_a_failing_endpoint_becomes_advice_in_the_chat(embedder, engine):
    from fake_openai import closed_port_url

    from rag.engine import Engine
    from ui.app import ChatPage
    from ui.conversation import Conversation

    url = closed_port_url()
    dead = Engine(engine.settings.model_copy(update={"llm": LLMSettings(base_url=url, model="m")}), embedder=embedder)
    conversation = Conversation()
    final = list(ChatPage(dead).respond(CODEX, conversation, "hybrid", 6, SimpleNamespace(session_hash="s"),
                                        "openai", False))[-1][1][-1]["content"]
    shown = shown_text(final)  # what the reader sees: the message is escaped to show exactly as written
    assert f"Cannot reach the LLM at {url}" in shown and "choose Extractive in the Settings tab" in shown
    assert "Traceback" not in shown and conversation.turns[-1].answer is None


@pytest.mark.browser
def test_the_real_page_offers_the_llm_and_shows_its_flagged_sentence(llm_engine, openai_server):
    from ui import build_app
    from ui.headless import MISSING, chromium_path, headless_chromium
    from ui.serve import start_in_background

    if chromium_path() is None:
        pytest.fail(MISSING)
    openai_server.chunk_delay_s = 0.03
    demo = build_app(llm_engine)
    url = start_in_background(demo)
    try:
        with headless_chromium() as browser:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(url, wait_until="domcontentloaded")
            page.locator("#question textarea").wait_for(state="visible")
            assert "LLM answers" in page.locator("#current-settings").inner_text()
            page.get_by_role("tab", name="Settings").click()
            llm_option = page.locator("#backend").get_by_text("LLM — fake-model")
            assert llm_option.is_visible() and openai_server.url not in page.content()  # the address stays private
            page.locator("#backend").get_by_text("Extractive — quotes").click()
            page.wait_for_function("() => document.querySelector('#current-settings').innerText.includes("
                                   "'Extractive answers')")
            llm_option.click()  # selectable, not greyed out like an unconfigured option
            page.wait_for_function("() => document.querySelector('#current-settings').innerText.includes("
                                   "'LLM answers')")
            page.get_by_role("tab", name="Chat").click()
            box = page.locator("#question textarea")
            box.fill(CODEX)
            box.press("Enter")
            page.wait_for_function("() => document.querySelectorAll('#chat .answer-meta').length >= 1",
                                   timeout=90_000)
            bot = page.locator("#chat [data-testid=bot]").last
            assert "openai:fake-model" in bot.inner_text()
            flagged = bot.locator(".unsupported")
            assert flagged.count() == 1 and "95%" in flagged.inner_text()
            assert "the number 95 not in the cited text" in flagged.get_attribute("title")
            context.close()
    finally:
        demo.close()
