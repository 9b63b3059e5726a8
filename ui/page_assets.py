"""Look and behaviour of the page that Gradio takes at launch(), not at build time (Gradio 6).

The one script handles clicks the chat's Markdown and the sources panel's HTML cannot handle themselves:
- a citation `[n]` (or a refusal's closest paper) opens its source card (and the turn around it), lights up only
  the quoted sentence(s) behind that marker (the link's `rel="q0 q2"` names them, the card's marks carry
  `data-q`), and scrolls the sources panel alone, never the page,
  while the panel sits beside the chat; on a phone, where it sits below, the page scrolls to the card, and the
  card's "Back to the answer" returns to the marker;
- a card's "Ask within this paper" hands the paper id to a hidden textbox, whose change event adds it to the
  chat's scope (the chips above the question box);
- a compact table cell (ui/table_cells.py) opens to its whole sentence and closes again.
"""

from __future__ import annotations

from typing import Any

CSS = """
#app-title h1 { margin: 0; font-size: 1.6em; }
#app-title p { margin: .1rem 0 0; color: var(--body-text-color-subdued); }
#scope { padding: 2px 8px 4px; }
#scope [data-testid="block-info"] { font-size: .8em; margin-bottom: 2px; padding: 0 2px; background: none; }
#current-settings p { margin: 0; font-size: .9em; color: var(--body-text-color-subdued); }
a.cite { font-weight: 600; text-decoration: none; padding: 0 1px; border-radius: 3px; }
a.cite:hover { background: var(--color-accent-soft); }
.searched { display: block; font-style: italic; color: var(--body-text-color-subdued); }
.searching { color: var(--body-text-color-subdued); font-style: italic; }
.answer-meta { display: block; font-size: .8em; color: var(--body-text-color-subdued); }
.unsupported { text-decoration: underline wavy #d97706; text-underline-offset: 3px; background: #fef3c7; }
.unsupported-flag { color: #b45309; font-weight: 600; margin-left: 2px; }
#chat table { display: block; max-width: 100%; overflow-x: auto; font-size: .85em; border-collapse: collapse; }
#chat table th, #chat table td { word-break: normal; overflow-wrap: normal; hyphens: auto; min-width: 7em;
  vertical-align: top; line-height: 1.3; padding: 4px 6px; }
#chat table td:first-child { min-width: 5em; font-weight: 600; }
#chat .cell { cursor: pointer; border-bottom: 1px dotted var(--body-text-color-subdued); }
#chat .cell-full, #chat .cell.open .cell-key { display: none; }
#chat .cell.open .cell-full { display: inline; }
#chat .message-content, #chat .message, #chat .bubble-wrap { min-width: 0; max-width: 100%; }
.scope-line { display: block; font-size: .85em; color: var(--body-text-color-subdued); }
.stopped { color: var(--body-text-color-subdued); font-style: italic; }
.paper-link { cursor: pointer; color: var(--link-text-color); text-decoration: underline dotted; }
.chat-error { color: #b91c1c; font-weight: 500; }
#sources { max-height: calc(100vh - 230px); min-height: 200px; overflow-y: auto; }
.sources-empty, .paper-empty, .no-sources { color: var(--body-text-color-subdued); padding: .5rem; }
details.turn-sources { margin-bottom: .6rem; }
details.turn-sources > summary { font-weight: 600; cursor: pointer; padding: .25rem 0; }
details.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .35rem .6rem;
  margin: .4rem 0; background: var(--background-fill-primary); transition: box-shadow .3s; }
details.source > summary { cursor: pointer; }
details.source.flash { box-shadow: 0 0 0 3px var(--color-accent); }
a.cite.flash { background: var(--color-accent-soft); }
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
mark.quoted.aside { background: none; }
.card-actions { display: flex; gap: .5rem; flex-wrap: wrap; margin: .3rem 0 .1rem; }
.card-actions button { font-size: .8em; padding: 1px 8px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
button.back-to-answer { display: none; }
.near-heading { font-size: .9em; margin: .4rem 0 0; }
#history { max-height: 55vh; overflow-y: auto; }
#history .wrap { flex-direction: column; gap: 2px; }
#chat button.example { border: 1px solid var(--border-color-primary); border-radius: 8px;
  background: var(--background-fill-secondary); box-shadow: var(--shadow-drop); }
#chat button.example:hover { border-color: var(--color-accent); }
#history label { width: 100%; font-size: .9em; }
#eval-charts img { object-fit: contain; }
@media (max-width: 700px) {
  button.back-to-answer { display: inline-block; }
}
table.scores { font-size: .8em; margin: .2rem 0; }
table.scores th, table.scores td { padding: 1px 8px; text-align: right; }
.paper-id { font-size: .8em; color: var(--body-text-color-subdued); }
.backend-not-configured label:nth-of-type(2) { opacity: .5; pointer-events: none; }
.paper-detail h3 { margin-top: 0; }
.paper-meta { font-size: .85em; color: var(--body-text-color-subdued); }
"""

HEAD = """
<script>
(function () {
  let lastCite = null;
  let requests = 0;

  function stacked(panel) {
    const chat = document.getElementById("chat");
    return !chat || panel.getBoundingClientRect().top >= chat.getBoundingClientRect().bottom - 1;
  }

  function flash(element) {
    element.classList.add("flash");
    setTimeout(function () { element.classList.remove("flash"); }, 1500);
  }

  function targetOf(link) {
    if (link.matches("a")) return link.getAttribute("href").slice(1);
    return Array.from(link.classList).find(function (name) { return /^near-\\d+-\\d+$/.test(name); }) || "";
  }

  function openSource(link) {
    const source = document.getElementById(targetOf(link));
    const panel = document.getElementById("sources");
    if (!source || !panel) return;
    lastCite = link;
    const turn = source.closest("details.turn-sources");
    if (turn) turn.open = true;
    source.open = true;
    const wanted = (link.getAttribute("rel") || "").split(" ").filter(function (token) {
      return /^q\\d+$/.test(token);
    }).map(function (token) { return token.slice(1); });
    source.querySelectorAll("mark.quoted").forEach(function (mark) {
      const own = (mark.dataset.q || "").split(" ").filter(Boolean);
      const behind = !wanted.length || !own.length || own.some(function (q) { return wanted.includes(q); });
      mark.classList.toggle("aside", !behind);
    });
    flash(source);
    if (stacked(panel)) {
      window.scrollTo({ top: window.scrollY + source.getBoundingClientRect().top - 8, behavior: "smooth" });
    } else {
      const top = source.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop - 8;
      panel.scrollTo({ top: top, behavior: "smooth" });
    }
  }

  function askWithin(button) {
    const box = document.querySelector("#scope-request textarea, #scope-request input");
    if (!box) return;
    requests += 1;
    box.value = JSON.stringify({ paper: button.dataset.paper, request: requests });
    box.dispatchEvent(new Event("input", { bubbles: true }));
    button.textContent = "Added above the question box";
  }

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!target.closest) return;
    const link = target.closest('#chat a[href^="#src-"], #chat .paper-link');
    const scope = target.closest("button.scope-add");
    const back = target.closest("button.back-to-answer");
    const cell = target.closest("#chat .cell");
    if (link) openSource(link);
    else if (scope) askWithin(scope);
    else if (back && lastCite) { lastCite.scrollIntoView({ block: "center", behavior: "smooth" }); flash(lastCite); }
    else if (cell) cell.classList.toggle("open");
    else return;
    event.preventDefault();
    event.stopPropagation();
  }, true);

  document.addEventListener("keydown", function (event) {
    const cell = event.target.closest && event.target.closest("#chat .cell");
    if (cell && (event.key === "Enter" || event.key === " ")) {
      cell.classList.toggle("open");
      event.preventDefault();
    }
  });
})();
</script>
"""


# Run once the page is built (`demo.load(js=…)`): a phone starts with the conversation list folded away, or it
# would cover the chat.
FOLD_SIDEBAR_ON_PHONE = """() => {
  const sidebar = document.querySelector("#conversations");
  const toggle = sidebar && sidebar.querySelector("button.toggle-button");
  if (toggle && window.innerWidth < 768 && sidebar.classList.contains("open")) toggle.click();
}"""


def launch_options() -> dict[str, Any]:
    """Theme, CSS and script for `Blocks.launch()`; tests and `paperchat serve` launch with the same look."""
    import gradio as gr
    from starlette.middleware import Middleware

    from ui.evaluate_tab import MAX_UPLOAD_BYTES
    from ui.login_gate import LoginRequired

    return {
        "max_file_size": MAX_UPLOAD_BYTES,  # question sets and library files; bigger ones are refused mid-upload
        "theme": gr.themes.Soft(primary_hue="indigo"),
        "css": CSS,
        "head": HEAD,
        "footer_links": [],
        "show_error": False,
        "app_kwargs": {"middleware": [Middleware(LoginRequired)]},  # under --auth, every route needs the login
    }
