"""Untrusted text through ui/inert_markdown.py, rendered as the chat renders Markdown: it reads as typed, and
nothing in it becomes a link, an image or HTML."""

from __future__ import annotations

import pytest
from rendered_markdown import ATTACKS, live_markup, shown_text, to_html

from ui.inert_markdown import as_typed, code_span, formatting_only, web_url


def test_html_escaping_alone_lets_markdown_load_images_and_make_links():
    """Why the module exists: what the page used to do with a question or a streamed reply."""
    from html import escape

    assert live_markup(escape("![x](http://evil.example/leak)", quote=False)) == [
        '<img src="http://evil.example/leak" alt="x" />']
    assert live_markup(escape("see https://evil.example", quote=False)) == [
        "autolink in 'see https://evil.example'"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_data_shows_exactly_as_typed_and_makes_nothing(attack):
    markdown = as_typed(attack)
    assert live_markup(markdown) == []
    assert shown_text(markdown) == " ".join(attack.split())


@pytest.mark.parametrize("typed", [
    "- not a list", "1. not a list either", "2024) a year", "+ plus", "=====", "***", "a | b", "C# and F#",
    "snake_case and *stars*", "~~not struck~~", "a\\b\\", "5 > 3 & 2 < 4", "price: $5",
])
def test_ordinary_text_that_looks_like_markdown_is_shown_as_typed(typed):
    assert shown_text(as_typed(typed)) == typed


def test_a_streamed_reply_keeps_its_lines_but_not_its_markup():
    reply = "Codex solves 28.8% [1].\n![pixel](http://evil.example/p.png)\n    www.evil.example"
    markdown = as_typed(reply)
    assert markdown.count("\n") == 2 and live_markup(markdown) == []
    assert shown_text(markdown) == " ".join(reply.split())


@pytest.mark.parametrize("attack", ATTACKS)
def test_our_formatting_stays_but_the_data_in_it_makes_nothing(attack):
    assert live_markup(formatting_only(attack)) == []
    data = " ".join(attack.split())  # as answers quote it: within one line of our list or table
    answer = f"- **Evil {data}** [1]: it works {data} [2].\n\n| Paper | Result |\n|---|---|\n| A [1] | {data} |"
    markdown = formatting_only(answer)
    assert live_markup(markdown) == []
    html = to_html(markdown)
    assert "<strong>Evil" in html and "<li>" in html and "[1]" in html and "[2]" in html


def test_citation_markers_and_existing_escapes_are_kept():
    answer = "**DotaMath** [1, 2] reaches 64.8% \\[7\\] on MATH \\| GSM8K; see [3]"
    assert formatting_only(answer) == answer
    assert formatting_only("[1](javascript:x) [1]: http://e") == "[1]\\(javascript:x) [1]\\: http\\://e"


def test_a_code_span_holds_any_id_literally():
    assert code_span("2407.04078") == "`2407.04078`"
    hostile = code_span("x` ![i](http://evil.example/p.png) `y")
    assert live_markup(hostile) == [] and shown_text(hostile) == "x` ![i](http://evil.example/p.png) `y"


@pytest.mark.parametrize(("url", "linked"), [
    ("https://arxiv.org/abs/2407.04078", "https://arxiv.org/abs/2407.04078"),
    (" HTTP://example.org/a?b=1%20c ", "HTTP://example.org/a?b=1%20c"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("https://evil.example/> <img src=x onerror=alert(1)>", None),
    ("https://evil.example/}, note = {x", None),
    ("https://evil.example/\\", None),
    ("", None),
])
def test_only_plain_web_urls_are_linked(url, linked):
    assert web_url(url) == linked
