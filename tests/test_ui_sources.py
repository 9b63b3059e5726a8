"""The sources panel (issue 15): a click on [n] scrolls only the panel and lights up only the sentence(s) behind
that marker; a refusal's closest papers open their abstracts; on a phone, a source leads back to the answer."""

from __future__ import annotations

import pytest
from chat_page import ask, open_page, scroll_chat_to, wait_for_turn

pytestmark = pytest.mark.browser

COMPARE = "Compare DotaMath and InfinityMATH"
LEAN = "How many lemmas are in the dataset built from IMO proofs in Lean?"
IN_VIEW = """([selector, box]) => {
  const r = document.querySelector(selector).getBoundingClientRect();
  const b = box ? document.querySelector(box).getBoundingClientRect() : {top: 0, bottom: innerHeight};
  return r.top >= b.top - 1 && r.top < b.bottom;
}"""


def test_a_citation_in_an_older_answer_scrolls_only_the_panel_and_lights_only_its_sentence(browser, app_url):
    context, page = open_page(browser, app_url, 1366, 768)
    ask(page, COMPARE)
    wait_for_turn(page, 1)
    ask(page, LEAN)  # the comparison's sources fold away below this answer's
    wait_for_turn(page, 2)
    dotamath = page.locator("#chat [data-testid=bot]").first.locator("tr").nth(1)
    results = dotamath.locator("td").last.locator("a.cite")  # the [1] after DotaMath's results sentence
    scroll_chat_to(page, results)  # as a reader scrolls the chat up to it
    page_scroll = page.evaluate("() => window.scrollY")
    box = results.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # a click, and no scrolling of ours
    page.wait_for_function(IN_VIEW, arg=["#src-1-1", "#sources"])  # the panel scrolled to the card
    assert page.evaluate("() => window.scrollY") == page_scroll  # and the page did not move
    card = page.locator("#src-1-1")
    lit = card.locator("mark.quoted:not(.aside)")
    assert card.locator("mark.quoted").count() >= 3 and lit.count() == 1
    assert "64.8%" in lit.inner_text()  # the results sentence, not DotaMath's other quoted sentences

    dotamath.locator("td").nth(1).locator("a.cite").click()  # the [1] after its problem sentence
    page.wait_for_function("() => !document.querySelector('#src-1-1 mark.quoted:not(.aside)').innerText"
                           ".includes('64.8%')")
    assert "struggle" in card.locator("mark.quoted:not(.aside)").inner_text()
    context.close()


def test_a_refusals_closest_papers_open_their_abstracts(browser, app_url):
    context, page = open_page(browser, app_url)
    ask(page, "What protein structures does AlphaFold predict?")
    wait_for_turn(page, 1)
    closest = page.locator("#chat .paper-link")
    assert closest.count() >= 1
    title = closest.first.inner_text()
    closest.first.click()
    card = page.locator("#near-1-1")
    page.wait_for_function("() => document.querySelector('#near-1-1').open")
    assert card.locator(".source-title").inner_text() == title and len(card.locator(".abstract").inner_text()) > 200
    assert card.locator("button.scope-add").is_visible()  # a place to ask next
    context.close()


def test_on_a_phone_a_source_leads_back_to_the_answer(browser, app_url):
    context, page = open_page(browser, app_url, 390, 844)
    ask(page, LEAN)
    wait_for_turn(page, 1)
    cite = page.locator("#chat a.cite").first
    cite.click()
    page.wait_for_function(IN_VIEW, arg=["#src-1-1", None])  # the panel is below the chat: the page scrolls
    back = page.locator("#src-1-1 button.back-to-answer")
    assert back.is_visible()
    back.click()
    page.wait_for_function(IN_VIEW, arg=["#chat a.cite", None])
    context.close()
