"""Tables that fit (issue 15): a two-paper comparison shows whole inside the chat at 1366x768, its cells show key
phrases that open to the whole sentence, no "In short" list repeats it, and on a phone it scrolls sideways inside
the message while the page itself never does."""

from __future__ import annotations

import pytest
from chat_page import ask, bot_text, open_page, scroll_chat_to, squash, wait_for_turn

pytestmark = pytest.mark.browser

COMPARE = "Compare DotaMath and InfinityMATH"
GEOMETRY = """table => {
  const r = table.getBoundingClientRect(), chat = document.querySelector('#chat').getBoundingClientRect();
  return {table: [r.left, r.top, r.right, r.bottom], chat: [chat.left, chat.top, chat.right, chat.bottom],
          scroll: [table.scrollWidth, table.clientWidth], view: [innerWidth, innerHeight],
          page: document.documentElement.scrollWidth};
}"""
# Everything on the page that reaches past the window's right edge, other than what the table's scroller holds.
OVERFLOWING = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => !e.closest('#chat table') && e.getBoundingClientRect().right > innerWidth + 1
               && getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length)
  .map(e => e.tagName + '#' + e.id + '.' + e.className)"""


def test_at_1366x768_a_two_paper_comparison_is_whole_inside_the_chat(browser, app_url):
    context, page = open_page(browser, app_url, 1366, 768)
    ask(page, COMPARE)
    wait_for_turn(page, 1)
    table = page.locator("#chat [data-testid=bot] table").last
    assert table.locator("tbody tr").count() == 2
    scroll_chat_to(page, table)
    at = table.evaluate(GEOMETRY)
    left, top, right, bottom = at["table"]
    chat_left, chat_top, chat_right, chat_bottom = at["chat"]
    assert chat_left <= left and right <= chat_right and chat_top <= top and bottom <= chat_bottom, at
    assert top >= 0 and bottom <= at["view"][1], at  # in the window as it is: no page scrolling to read it
    assert at["scroll"][0] <= at["scroll"][1], at  # and no sideways scrolling either
    assert "In short" not in bot_text(page)

    cell = table.locator(".cell").first
    sentence = cell.get_attribute("title")
    assert len(squash(cell.inner_text())) < len(sentence)  # a key phrase; the sentence shows on hover
    cell.click()
    assert squash(cell.inner_text()) == sentence  # and on a click (a tap on a phone)
    cell.click()
    assert len(squash(cell.inner_text())) < len(sentence)
    context.close()


def test_at_390_px_the_table_scrolls_inside_its_message_and_the_page_never_sideways(browser, app_url):
    context, page = open_page(browser, app_url, 390, 844)
    ask(page, COMPARE)
    wait_for_turn(page, 1)
    table = page.locator("#chat [data-testid=bot] table").last
    at = table.evaluate(GEOMETRY)
    assert at["scroll"][0] > at["scroll"][1], at  # wider than the message: it has its own scroller
    assert at["chat"][0] <= at["table"][0] and at["table"][2] <= at["chat"][2], at
    assert at["page"] <= at["view"][0], at
    assert page.evaluate(OVERFLOWING) == []
    assert table.evaluate("t => { t.scrollLeft = 120; return t.scrollLeft; }") > 0
    context.close()
