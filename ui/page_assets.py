"""Look and behaviour of the page that Gradio takes at launch(), not at build time (Gradio 6).

The one script makes citation links open their source: a plain `#src-…` link would scroll to a closed
<details>, so a click opens it (and the turn around it), flashes it and scrolls it into view.
"""

from __future__ import annotations

from typing import Any

CSS = """
#app-title h1 { margin-bottom: 0; }
#app-title p { margin-top: .2rem; color: var(--body-text-color-subdued); }
#current-settings p { margin: 0; font-size: .9em; color: var(--body-text-color-subdued); }
a.cite { font-weight: 600; text-decoration: none; padding: 0 1px; border-radius: 3px; }
a.cite:hover { background: var(--color-accent-soft); }
.searched { display: block; font-style: italic; color: var(--body-text-color-subdued); }
.searching { color: var(--body-text-color-subdued); font-style: italic; }
.answer-meta { display: block; font-size: .8em; color: var(--body-text-color-subdued); }
.unsupported { text-decoration: underline wavy #d97706; text-underline-offset: 3px; background: #fef3c7; }
.unsupported-flag { color: #b45309; font-weight: 600; margin-left: 2px; }
#chat table { display: block; overflow-x: auto; font-size: .85em; border-collapse: collapse; }
#chat table th, #chat table td { word-break: normal; overflow-wrap: normal; hyphens: auto; min-width: 8em;
  vertical-align: top; line-height: 1.35; }
#chat table td:first-child { min-width: 6em; font-weight: 600; }
.chat-error { color: #b91c1c; font-weight: 500; }
#sources { max-height: 72vh; overflow-y: auto; }
.sources-empty, .paper-empty, .no-sources { color: var(--body-text-color-subdued); padding: .5rem; }
details.turn-sources { margin-bottom: .6rem; }
details.turn-sources > summary { font-weight: 600; cursor: pointer; padding: .25rem 0; }
details.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .35rem .6rem;
  margin: .4rem 0; background: var(--background-fill-primary); transition: box-shadow .3s; }
details.source > summary { cursor: pointer; }
details.source.flash { box-shadow: 0 0 0 3px var(--color-accent); }
.quote-preview { display: block; font-size: .85em; font-style: italic; margin: .15rem 0 0 1.1rem;
  color: var(--body-text-color-subdued); }
details.source[open] .quote-preview { display: none; }
.cite-n { font-weight: 700; color: var(--color-accent); }
.source-title { font-weight: 600; }
.verdict { font-size: .75em; border-radius: 4px; padding: 0 4px; margin-left: 4px; white-space: nowrap; }
.verdict.ok { background: #dcfce7; color: #166534; }
.verdict.bad { background: #fef3c7; color: #92400e; }
p.abstract { font-size: .9em; line-height: 1.45; }
mark.quoted { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
table.scores { font-size: .8em; margin: .2rem 0; }
table.scores th, table.scores td { padding: 1px 8px; text-align: right; }
.paper-id { font-size: .8em; color: var(--body-text-color-subdued); }
.backend-not-configured label:nth-of-type(2) { opacity: .5; pointer-events: none; }
.paper-detail h3 { margin-top: 0; }
.paper-meta { font-size: .85em; color: var(--body-text-color-subdued); }
"""

HEAD = """
<script>
document.addEventListener("click", function (event) {
  const link = event.target.closest ? event.target.closest('a[href^="#src-"]') : null;
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const source = document.getElementById(link.getAttribute("href").slice(1));
  if (!source) return;
  const turn = source.closest("details.turn-sources");
  if (turn) turn.open = true;
  source.open = true;
  source.classList.add("flash");
  setTimeout(function () { source.classList.remove("flash"); }, 1500);
  source.scrollIntoView({ behavior: "smooth", block: "nearest" });
}, true);
</script>
"""


def launch_options() -> dict[str, Any]:
    """Theme, CSS and script for `Blocks.launch()`; tests and `paperchat serve` launch with the same look."""
    import gradio as gr
    from starlette.middleware import Middleware

    from ui.evaluate_tab import MAX_UPLOAD_BYTES
    from ui.login_gate import LoginRequired

    return {
        "max_file_size": MAX_UPLOAD_BYTES,  # the only upload is a question set; bigger files are refused mid-upload
        "theme": gr.themes.Soft(primary_hue="indigo"),
        "css": CSS,
        "head": HEAD,
        "footer_links": [],
        "show_error": False,
        "app_kwargs": {"middleware": [Middleware(LoginRequired)]},  # under --auth, every route needs the login
    }
