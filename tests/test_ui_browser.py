"""The real chat page, driven in headless Chromium: the real engine over the built-in corpus, served on a free
loopback port in a thread. Page load to a usable chat is measured and printed, never asserted."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from chat_page import ask, bot_text, open_page, squash, wait_for_turn
from page_server import served

from ingest.writer import ingest_into

pytestmark = pytest.mark.browser

QUESTION = "How many lemmas are in the dataset built from IMO proofs in Lean?"


def test_page_load_to_usable_chat(browser, app_url, capsys):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(app_url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(state="visible")
    page.wait_for_function("() => !document.querySelector('#question textarea').disabled")
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n[paperchat] page load to usable chat: {elapsed:.2f} s (store already built)")
    assert page.get_by_text("Compare DotaMath and InfinityMATH").is_visible()  # examples on the empty page
    settings_line = page.locator("#current-settings").inner_text()
    assert "Hybrid retrieval · 6 papers per answer · Extractive answers" in settings_line
    context.close()


def test_answer_streams_in_with_citations_that_open_their_source(page):
    page.evaluate("""() => {
        window.__lengths = [];
        const chat = document.querySelector('#chat');
        new MutationObserver(() => {
            const bots = chat.querySelectorAll('[data-testid=bot]');
            if (bots.length) window.__lengths.push(bots[bots.length - 1].innerText.length);
        }).observe(chat, {subtree: true, childList: true, characterData: true});
    }""")
    ask(page, QUESTION)
    wait_for_turn(page, 1)
    lengths = page.evaluate("() => window.__lengths")
    answer = bot_text(page)
    assert len(set(lengths)) >= 3, f"the answer arrived in one piece: {lengths}"
    assert "1,329 lemmas" in answer
    assert "Searching for" not in answer

    cite = page.locator("#chat a.cite").first
    anchor = cite.get_attribute("href")
    assert anchor is not None and anchor.startswith("#src-1-")
    source = page.locator(anchor)
    assert source.get_attribute("open") is None
    cite.click()
    page.wait_for_function("id => document.getElementById(id).open", arg=anchor[1:])
    quoted = source.locator("mark.quoted").first
    assert quoted.is_visible()
    assert squash(quoted.inner_text()) in squash(answer)
    assert "Lean" in source.locator(".source-title").inner_text()
    scores = source.locator("table.scores").inner_text()
    assert all(name in scores for name in ("dense", "lexical", "fused"))


def test_follow_up_shows_the_searched_question(page):
    ask(page, "What is RLCoder?")
    wait_for_turn(page, 1)
    ask(page, "How is it trained?")
    wait_for_turn(page, 2)
    follow_up = bot_text(page)
    searched = page.locator("#chat [data-testid=bot] .searched").last
    assert searched.is_visible()
    assert re.search(r"Searching for: .*RLCoder", searched.inner_text()), follow_up
    assert page.locator("#chat [data-testid=bot]").last.locator("a.cite").count() >= 1
    assert page.locator("#sources details.turn-sources").count() == 2


def test_comparative_question_renders_a_table(page):
    page.get_by_text("Compare DotaMath and InfinityMATH").click()  # the example on the empty page
    wait_for_turn(page, 1)
    table = page.locator("#chat [data-testid=bot] table").first
    table.wait_for(state="visible")
    text = table.inner_text()
    assert "DotaMath" in text and "InfinityMATH" in text
    assert table.locator("tr").count() >= 3  # a header and one row per paper
    assert table.locator("a.cite").count() >= 2


def test_export_downloads_markdown_and_bibtex(page, tmp_path):
    ask(page, QUESTION)
    wait_for_turn(page, 1)
    with page.expect_download() as markdown_download:
        page.locator("#export-md").click()
    markdown_path = tmp_path / markdown_download.value.suggested_filename
    markdown_download.value.save_as(markdown_path)
    markdown = markdown_path.read_text(encoding="utf-8")
    assert markdown_path.name == "paperchat-conversation.md"
    assert f"## 1. {QUESTION}" in markdown and "## References" in markdown
    assert "A Lean Dataset for International Math Olympiad" in markdown.split("## References")[1]

    with page.expect_download() as bibtex_download:
        page.locator("#export-bib").click()
    bibtex_path = tmp_path / bibtex_download.value.suggested_filename
    bibtex_download.value.save_as(bibtex_path)
    bibtex = bibtex_path.read_text(encoding="utf-8")
    assert bibtex.startswith("@misc{") and "International Math Olympiad" in bibtex


def test_papers_tab_browses_searches_and_asks_about_one_paper(page):
    page.get_by_role("tab", name="Papers").click()
    assert "67 papers indexed" in page.locator("#paper-count").inner_text()
    headers = page.locator("#papers thead").inner_text()
    assert "Title" in headers and "Year" not in headers  # no paper of the built-in corpus has a year
    page.locator("#paper-search input, #paper-search textarea").first.fill("InfinityMATH")
    page.wait_for_function("() => document.querySelector('#paper-count').innerText.includes('match')")
    row = page.locator("#papers").get_by_text(re.compile(r"^InfinityMATH: A Scalable")).filter(visible=True).first
    row.click()
    detail = page.locator("#paper-detail")
    detail.locator("h3").wait_for()
    assert detail.locator("h3").inner_text().startswith("InfinityMATH")
    assert "programmatic mathematical reasoning" in detail.inner_text()
    page.locator("#paper-question textarea").fill("What dataset does it introduce?")
    page.locator("#ask-paper").click()
    wait_for_turn(page, 1)
    assert page.get_by_role("tab", name="Chat").get_attribute("aria-selected") == "true"
    assert "InfinityMATH" in page.locator("#chat [data-testid=user]").last.inner_text()
    assert "InfinityMATH" in page.locator("#sources .source-title").first.inner_text()


def test_settings_apply_to_this_session_only(page, browser, app_url, engine):
    before = engine.settings.retrieval.model_dump()
    page.get_by_role("tab", name="Settings").click()
    page.locator("#retriever").get_by_text("BM25").click()
    number = page.locator("#top-papers input[type=number]")
    number.fill("2")
    number.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#current-settings').innerText.includes('BM25 retrieval · 2 papers')"
    )
    assert page.locator("#backend").get_by_text("LLM — not configured").is_visible()
    page.get_by_role("tab", name="Chat").click()
    ask(page, QUESTION)
    wait_for_turn(page, 1)
    assert page.locator("#sources details.source").count() <= 2
    assert engine.settings.retrieval.model_dump() == before
    other_context, other = open_page(browser, app_url)
    assert "Hybrid retrieval · 6 papers" in other.locator("#current-settings").inner_text()
    other_context.close()


def test_too_long_a_question_is_refused_politely(page):
    ask(page, "Why? " * 300)
    wait_for_turn(page, 1, answered=False)
    message = page.locator("#chat .chat-error").last.inner_text()
    assert "the limit is 1,000. Please shorten it" in message
    assert "Traceback" not in page.content()


@pytest.fixture(scope="module")
def empty_url(embedder, settings_for) -> Iterator[str]:
    from rag.engine import Engine

    with served(Engine(settings_for("ui-empty"), embedder=embedder)) as url:
        yield url


def test_an_empty_index_says_how_to_fill_it(browser, empty_url):
    context, page = open_page(browser, empty_url)
    ask(page, QUESTION)
    wait_for_turn(page, 1, answered=False)
    message = page.locator("#chat .chat-error").inner_text()
    assert "No papers are indexed" in message and "paperchat ingest" in message
    assert "Traceback" not in page.content()
    context.close()


HOSTILE = [
    {"title": 'Agents <img src=x onerror="window.__pwned=1"> at scale',
     "abstract": "Hostile agents are tested here. Our agent solves 93 percent of the sandbox escape tasks "
                 "<script>window.__pwned=2</script> with <b onmouseover=\"window.__pwned=3\">no</b> human help."},
    {"title": "A harmless paper", "abstract": "Nothing to see. Gardens grow tomatoes in summer."},
]


@pytest.fixture(scope="module")
def hostile_url(embedder, settings_for) -> Iterator[str]:
    from rag.engine import Engine

    engine = Engine(settings_for("ui-hostile"), embedder=embedder)
    folder = settings_for("ui-hostile-input")
    path = Path(folder.data_dir) / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in HOSTILE), encoding="utf-8")
    ingest_into(engine, [path], progress=False)
    with served(engine) as url:
        yield url


def test_abstract_html_is_shown_as_text_never_run(browser, hostile_url):
    context, page = open_page(browser, hostile_url)
    ask(page, "What share of sandbox escape tasks does the hostile agent solve?")
    wait_for_turn(page, 1)
    page.locator("#chat a.cite").first.click()
    source = page.locator("#sources details.source").first
    page.wait_for_function("() => document.querySelector('#sources details.source').open")
    source.hover()
    assert "<script>window.__pwned=2</script>" in source.inner_text()
    assert "<img src=x" in source.locator(".source-title").inner_text()
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#sources script, #sources img, #chat img[src=x]").count() == 0
    context.close()
