"""Driving the real chat page in Chromium the way a reader does: open it, ask, wait for the answer, read it."""

from __future__ import annotations

from typing import Any

ANSWER_TIMEOUT_MS = 90_000  # two shared cores: a cold question can take several seconds
SETTLED = "#chat .answer-meta, #chat .chat-error, #chat .stopped"  # what ends a turn's message


def open_page(browser: Any, url: str, width: int = 1400, height: int = 1000) -> tuple[Any, Any]:
    """A fresh browser context (its own localStorage: a new reader) on the page, ready for a question."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(state="visible")
    # On a cold first start the chat may mount after the box (a first test once found no #chat to observe).
    page.locator("#chat").wait_for(state="attached")
    return context, page


def ask(page: Any, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def wait_for_turn(page: Any, n: int, answered: bool = True) -> None:
    """Turn n is done: its message ends in the footer (or an error), and, if answered, its sources are in."""
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n", arg=[SETTLED, n],
        timeout=ANSWER_TIMEOUT_MS,
    )
    if answered:
        page.locator(f"#sources #turn-{n}").wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)
    # The last update also brings the Ask button back: only then does the page take the next question.
    page.locator("#ask").wait_for(state="visible", timeout=ANSWER_TIMEOUT_MS)


def bot_text(page: Any, index: int = -1) -> str:
    bots = page.locator("#chat [data-testid=bot]")
    return bots.nth(index if index >= 0 else bots.count() + index).inner_text()


def user_texts(page: Any) -> list[str]:
    return [squash(t) for t in page.locator("#chat [data-testid=user]").all_inner_texts()]


def squash(text: str) -> str:
    return " ".join(text.split())


def scroll_chat_to(page: Any, element: Any) -> None:
    """Scrolls the chat (not the page) until the element sits in its view and stays there: the chat itself
    scrolls back to its newest message for a moment after an answer ends."""
    page.evaluate("() => { window.__steady = 0; }")
    element.evaluate("""element => new Promise(resolve => {
      const poll = setInterval(() => {
        const r = element.getBoundingClientRect(), chat = document.querySelector('#chat').getBoundingClientRect();
        if (r.top >= chat.top && r.bottom <= chat.bottom) window.__steady += 1;
        else { window.__steady = 0; element.scrollIntoView({block: 'center'}); }
        if (window.__steady >= 4) { clearInterval(poll); resolve(); }
      }, 150);
    })""")
