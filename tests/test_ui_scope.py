"""Asking within chosen papers (issue 15): papers picked in the Papers tab or from a source card show as removable
chips above the question box, every answer comes from them alone, and the scope is part of the answer and the
export."""

from __future__ import annotations

import re

import pytest
from chat_page import ask, bot_text, wait_for_turn

pytestmark = pytest.mark.browser

RLCODER = "How does RLCoder retrieve code for repository-level completion?"
LEAN = "How many lemmas are in the dataset built from IMO proofs in Lean?"


def chips(page) -> list[str]:
    return [" ".join(t.split()) for t in page.locator("#scope .token").all_inner_texts()]


def add_from_papers_tab(page, search: str) -> None:
    page.get_by_role("tab", name="Papers").click()
    page.locator("#paper-search input, #paper-search textarea").first.fill(search)
    page.wait_for_function("() => document.querySelector('#paper-count').innerText.includes('match')")
    page.locator("#papers").get_by_text(re.compile(f"^{search}")).filter(visible=True).first.click()
    page.locator("#paper-detail h3").wait_for()
    page.locator("#scope-paper").click()
    page.get_by_role("tab", name="Chat").click()


def test_a_question_scoped_to_one_paper_after_questions_about_others_cites_only_that_paper(page, tmp_path):
    ask(page, RLCODER)
    wait_for_turn(page, 1)
    ask(page, LEAN)
    wait_for_turn(page, 2)
    add_from_papers_tab(page, "DotaMath")
    page.wait_for_function("() => document.querySelectorAll('#scope .token').length === 1")
    assert chips(page)[0].startswith("DotaMath: Decomposition of Thought")

    ask(page, "What does it find?")  # "it" would be the Lean dataset, were the question not scoped
    wait_for_turn(page, 3)
    answer = page.locator("#chat [data-testid=bot]").last
    cited = {link.get_attribute("title") for link in answer.locator("a.cite").all()}
    assert cited and all(title.startswith("DotaMath") for title in cited), cited
    assert all(t.startswith("DotaMath") for t in page.locator("#turn-3 .source-title").all_inner_texts())
    assert "Asked within: “DotaMath: Decomposition of Thought" in bot_text(page)
    assert chips(page) and chips(page)[0].startswith("DotaMath")  # the scope stays until removed

    with page.expect_download() as download:
        page.locator("#export-md").click()
    exported = tmp_path / "conversation.md"
    download.value.save_as(exported)
    assert "## 3. What does it find?\n\n*Asked within: “DotaMath: Decomposition of Thought" in exported.read_text()

    page.locator("#scope .token .token-remove").first.click()
    page.wait_for_function("() => document.querySelectorAll('#scope .token').length === 0")
    ask(page, "What does InfinityMATH introduce?")  # all papers again
    wait_for_turn(page, 4)
    assert "Asked within" not in bot_text(page)
    assert "InfinityMATH" in page.locator("#turn-4 .source-title").first.inner_text()


def test_a_source_card_puts_its_paper_in_the_scope(page):
    ask(page, LEAN)
    wait_for_turn(page, 1)
    page.locator("#chat a.cite").first.click()
    card = page.locator("#sources details.source[open]").first
    card.locator("button.scope-add").click()
    page.wait_for_function("() => document.querySelectorAll('#scope .token').length === 1")
    assert chips(page)[0].startswith("A Lean Dataset for International Math Olympiad")
    add_from_papers_tab(page, "DotaMath")  # a second paper joins the first
    page.wait_for_function("() => document.querySelectorAll('#scope .token').length === 2")
    ask(page, "What do they propose?")
    wait_for_turn(page, 2)
    answer = page.locator("#chat [data-testid=bot]").last
    cited = {link.get_attribute("title") for link in answer.locator("a.cite").all()}
    assert cited and all(t.startswith(("A Lean Dataset", "DotaMath")) for t in cited), cited
