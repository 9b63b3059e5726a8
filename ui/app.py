"""The chat page: `build_app(engine)` wires the engine to Gradio components; launching lives in ui/serve.py.

A thin adapter: questions go to `engine.ask`, answers come back as `Answer`s and are only rendered here.
Conversations are written to the conversation store as they grow (ui/conversation_store.py); the browser keeps
the current one's id (gr.BrowserState, in localStorage), so a reload shows it again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
from pydantic import ValidationError

from rag.engine import NoIndexError, QuestionError
from rag.generation.base import GenerationError
from rag.text.controls import LONE_SURROGATE
from rag.types import Paper
from ui.answer_view import answer_markdown, error_markdown, stopped_markdown, stream_prefixes
from ui.conversation import Conversation, Turn
from ui.conversation_store import ConversationStore, ConversationStoreError
from ui.evaluate_tab import add_evaluate_tab
from ui.export import write_exports
from ui.inert_markdown import as_typed
from ui.page_assets import FOLD_SIDEBAR_ON_PHONE
from ui.papers_view import (
    NO_SELECTION,
    SEARCH_INFO,
    SEARCH_LABEL,
    SEARCH_PLACEHOLDER,
    count_line,
    filter_papers,
    paper_columns,
    paper_html,
    paper_rows,
    question_about,
)
from ui.session_settings import (
    RETRIEVERS,
    available_backends,
    backend_choices,
    default_backend,
    retrieval_for,
    summary,
    usable_backend,
)
from ui.sources_view import EMPTY, sources_html
from ui.upload_view import UPLOAD_HINT, UPLOAD_LABEL, read_only_reason, upload_handler

if TYPE_CHECKING:
    from rag.engine import Engine

log = logging.getLogger("paperchat.ui")

EXAMPLES = [
    "How many lemmas are in the dataset built from IMO proofs in Lean?",
    "Compare DotaMath and InfinityMATH",
    "Which papers use reinforcement learning to improve code generation?",
    "How does RLCoder retrieve code for repository-level completion?",
]
SEARCHING = '<span class="searching">Searching the abstracts…</span>'
WRITING = '<span class="searching">The model is writing; every sentence is checked against its source…</span>'
STREAM_EVERY_S = 0.05  # a generated answer's tokens are shown at most this often, not one update per token
SCOPE_GONE = ("None of the papers you chose to ask within is indexed any more: remove them above the question box "
              "(or pick others in the Papers tab) and ask again.")
BROWSER_KEY = "paperchat-conversation"  # the localStorage entry holding the current conversation's id
Message = dict[str, str]

# What each handler updates, by name: a tuple in this order is what Gradio receives (see `_updates`).
RESPOND_OUTPUTS = ("question", "chat", "conversation", "sources", "export_md", "export_bib", "conversation_id",
                   "history", "ask", "stop")
SHOW_OUTPUTS = ("chat", "conversation", "sources", "export_md", "export_bib", "conversation_id", "history", "name",
                "ask", "stop")


def _updates(names: Sequence[str], **values: Any) -> tuple[Any, ...]:
    """One value per output, in order; an output not named is left as it is."""
    unknown = set(values) - set(names)
    assert not unknown, f"not an output of this handler: {unknown}"
    return tuple(values[name] if name in values else gr.skip() for name in names)


def _user_message(question: str) -> Message:
    return {"role": "user", "content": as_typed(LONE_SURROGATE.sub("\ufffd", question))}


def _assistant_message(markdown: str) -> Message:
    return {"role": "assistant", "content": markdown}


def _turn_markdown(turn: Turn, number: int, papers: Mapping[str, Paper]) -> str:
    if turn.answer is not None:
        return answer_markdown(turn.answer, number, scope=scope_titles(turn.scope, papers))
    return stopped_markdown() if turn.stopped else error_markdown(turn.error)


def _messages(conversation: Conversation, papers: Mapping[str, Paper] | None = None) -> list[Message]:
    """The chat as it stands, rebuilt from the session's turns so what is shown never drifts from what is kept."""
    messages = []
    for number, turn in enumerate(conversation.turns, start=1):
        messages.append(_user_message(turn.question))
        messages.append(_assistant_message(_turn_markdown(turn, number, papers or {})))
    return messages


def scope_titles(scope: Sequence[str], papers: Mapping[str, Paper]) -> list[str]:
    """The titles of a turn's scope; a paper no longer indexed shows as its id."""
    return [papers[p].title if p in papers else p for p in scope]


def _owner(request: gr.Request | Any) -> str:
    """Whose conversations these are: the signed-in user under --auth, everyone on a loopback-only server."""
    return getattr(request, "username", None) or ""


def _idle() -> dict[str, Any]:
    return {"ask": gr.Button(visible=True), "stop": gr.Button(visible=False)}


class ChatPage:
    """The event handlers, holding what every session shares: the engine, the conversation store and the export
    folder.

    Questions run side by side (the engine's caches take their own locks): one visitor waiting on a slow model
    must never hold up another's question."""

    def __init__(self, engine: Engine, store: ConversationStore | None = None) -> None:
        self.engine = engine
        self.ui = engine.settings.ui
        self.store = store or ConversationStore.in_folder(Path(engine.settings.data_dir))
        self._exports = tempfile.TemporaryDirectory(prefix="paperchat-exports-")
        self.available = available_backends(engine.settings.llm)
        self.default_backend = default_backend(engine.settings.llm)
        # Stop and the end of an answer both settle a conversation's pending question: one of them, not both.
        self._settling = threading.Lock()

    def ask(self, question: str, conversation: Conversation, retriever: str, top_papers: float,
            scope: list[str] | None = None) -> Turn:
        """Runs one question (within the `scope` papers when given); every failure becomes a readable message on
        the turn, never a traceback."""
        if len(question) > self.ui.max_question_chars:
            return Turn(question[:200] + "…", error=(
                f"Your question is {len(question):,} characters long; the limit is "
                f"{self.ui.max_question_chars:,}. Please shorten it and ask again."
            ))
        # Only a server whose default is an LLM needs telling that this session wants extractive answers.
        override = {"backend": "extractive"} if self.default_backend != "extractive" else {}
        try:
            retrieval = retrieval_for(self.engine.settings.retrieval, retriever, top_papers)
            answer = self.engine.ask(question, history=conversation.history(), retrieval=retrieval,
                                     paper_ids=scope or None, **override)
        except Exception as exc:
            return _failed(question, exc)
        return Turn(question, answer=answer)

    def generate(self, question: str, conversation: Conversation, retriever: str, top_papers: float, backend: str,
                 strict: bool, scope: list[str] | None = None) -> Iterator[str | Turn]:
        """A generated answer: its text as it grows (throttled), then the finished Turn; failures become the Turn's
        error, like `ask`."""
        if len(question) > self.ui.max_question_chars:
            yield self.ask(question, conversation, retriever, top_papers, scope)
            return
        text, shown_at = "", 0.0
        try:
            retrieval = retrieval_for(self.engine.settings.retrieval, retriever, top_papers)
            for event in self.engine.ask_stream(question, history=conversation.history(), retrieval=retrieval,
                                                paper_ids=scope or None, backend=backend, strict=bool(strict)):
                if isinstance(event, str):
                    text += event
                    if time.monotonic() - shown_at >= STREAM_EVERY_S:
                        shown_at = time.monotonic()
                        yield text
                else:
                    yield Turn(question, answer=event)
        except Exception as exc:
            yield _failed(question, exc)

    def respond(
        self,
        question: str,
        conversation: Conversation,
        retriever: str,
        top_papers: float,
        request: gr.Request,
        backend: str = "extractive",
        strict: bool = False,
        scope: list[str] | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """Streams one answer: the question at once, then the answer piece by piece, then sources and exports.
        `scope`: the papers the reader chose to ask within (the chips above the question box); the answer comes
        from them alone.

        Extractive answers are complete before they show, and are revealed sentence by sentence; a generated
        answer shows its tokens as the model writes them, then is replaced by the verified answer. Stop (`stop`)
        may end it at any point."""
        question = " ".join((question or "").split())
        if not question:
            yield _updates(RESPOND_OUTPUTS)
            return
        if conversation.pending is not None:
            gr.Warning("An answer is still being written: wait for it, or press Stop, then ask again.")
            yield _updates(RESPOND_OUTPUTS)
            return
        chosen = self.scope_of(scope)
        pending = conversation.pending = Turn(question, scope=chosen)
        try:
            yield from self._answer(question, conversation, pending, retriever, top_papers, request, backend, strict,
                                    bool(scope) and not chosen)
        finally:
            with self._settling:  # an answer that failed or was cancelled leaves no question pending for ever
                if conversation.pending is pending:
                    conversation.pending = None

    def _answer(self, question: str, conversation: Conversation, pending: Turn, retriever: str, top_papers: float,
                request: gr.Request, backend: str, strict: bool, scope_gone: bool) -> Iterator[tuple[Any, ...]]:
        papers = self.engine.papers
        chosen = pending.scope
        shown = [*_messages(conversation, papers), _user_message(question), _assistant_message(SEARCHING)]
        yield _updates(RESPOND_OUTPUTS, question="", chat=[*shown], conversation=conversation,
                       ask=gr.Button(visible=False), stop=gr.Button(visible=True))
        turn = Turn(question, error=SCOPE_GONE) if scope_gone else None
        generated = turn is None and usable_backend(backend, self.available) != "extractive"
        if generated:
            shown[-1] = _assistant_message(WRITING)
            yield _updates(RESPOND_OUTPUTS, chat=[*shown])
            # Closed on the way out, so a stopped answer also stops the model's stream at once.
            with closing(self.generate(question, conversation, retriever, top_papers, backend, strict,
                                       list(chosen))) as events:
                for event in events:
                    if pending.stopped:
                        return
                    if isinstance(event, Turn):
                        turn = event
                    else:
                        shown[-1] = _assistant_message(f"{as_typed(event)}\n\n{WRITING}")
                        yield _updates(RESPOND_OUTPUTS, chat=[*shown])
        if turn is None:
            turn = self.ask(question, conversation, retriever, top_papers, list(chosen))
        turn.scope = chosen
        with self._settling:
            if conversation.pending is not pending:
                return  # stopped meanwhile: Stop has shown and saved the stopped turn
            conversation.pending = None
            conversation.turns.append(turn)
        self._save(conversation, request)
        number = len(conversation.turns)
        shown[-2] = _user_message(turn.question)
        if turn.answer is not None and not generated:
            delay = self.ui.stream_delay_ms / 1000
            for prefix in stream_prefixes(_turn_markdown(turn, number, papers)):
                shown[-1] = _assistant_message(prefix)
                yield _updates(RESPOND_OUTPUTS, chat=[*shown])
                time.sleep(delay)
        yield _updates(RESPOND_OUTPUTS, **self._shown(conversation, request, with_name=False))

    def stop(self, conversation: Conversation, request: gr.Request) -> tuple[Any, ...]:
        """Ends the answer being written: the question stays, marked as stopped, and is saved with the rest."""
        self._stop_pending(conversation, request)
        return _updates(SHOW_OUTPUTS, **self._shown(conversation, request))

    def _stop_pending(self, conversation: Conversation, request: gr.Request) -> None:
        with self._settling:
            pending = conversation.pending
            if pending is None:
                return
            pending.stopped = True
            conversation.pending = None
            conversation.turns.append(pending)
        self._save(conversation, request)

    def restore(self, conversation_id: str | None, request: gr.Request) -> tuple[Any, ...]:
        """At page load: the conversation this browser had open, if it is still there and this reader's."""
        conversation = self._load(conversation_id, request) or Conversation()
        return (*_updates(SHOW_OUTPUTS, **self._shown(conversation, request)), self.scope_picker([]))

    def open_conversation(self, conversation_id: str | None, current: Conversation,
                          request: gr.Request) -> tuple[Any, ...]:
        """Reopens a conversation from the side list; an answer being written in the current one is stopped."""
        if not conversation_id or conversation_id == current.id:
            return _updates(SHOW_OUTPUTS, **self._shown(current, request))
        self._stop_pending(current, request)
        opened = self._load(conversation_id, request)
        if opened is None:
            gr.Warning("That conversation is gone: it was deleted in another tab or window.")
            return _updates(SHOW_OUTPUTS, **self._shown(current, request))
        return _updates(SHOW_OUTPUTS, **self._shown(opened, request))

    def new_conversation(self, current: Conversation | None = None, request: gr.Request | None = None
                         ) -> tuple[Any, ...]:
        if current is not None:
            self._stop_pending(current, request)
        return _updates(SHOW_OUTPUTS, **self._shown(Conversation(), request))

    def rename(self, conversation: Conversation, name: str, request: gr.Request) -> tuple[Any, Any]:
        """Names the conversation in the side list; a blank name goes back to its first question."""
        conversation.title = " ".join((name or "").split())
        if conversation.id:
            try:
                if not self.store.rename(conversation.id, _owner(request), conversation.title):
                    gr.Warning("This conversation is no longer saved (deleted in another tab?): ask a question to "
                               "save it again under this name.")
            except (ConversationStoreError, sqlite3.Error) as exc:
                gr.Warning(f"The new name could not be saved ({exc}).")
        return self._history(_owner(request), conversation.id), (conversation.name() if conversation.turns
                                                                  else conversation.title)

    def delete(self, conversation: Conversation, request: gr.Request) -> tuple[Any, ...]:
        """Deletes the open conversation for good and starts a new one."""
        self._stop_pending(conversation, request)
        if conversation.id:
            try:
                self.store.delete(conversation.id, _owner(request))
            except (ConversationStoreError, sqlite3.Error) as exc:
                gr.Warning(f"The conversation could not be deleted ({exc}).")
        return _updates(SHOW_OUTPUTS, **self._shown(Conversation(), request))

    def _shown(self, conversation: Conversation, request: gr.Request | None, *, with_name: bool = True
               ) -> dict[str, Any]:
        """Everything the page shows of a conversation, as updates by output name."""
        papers = self.engine.papers
        markdown, bibtex = self._write_exports(conversation, request)
        shown = {
            "chat": _messages(conversation, papers),
            "conversation": conversation,
            "sources": sources_html(conversation, papers),
            "export_md": gr.DownloadButton(value=markdown, interactive=markdown is not None),
            "export_bib": gr.DownloadButton(value=bibtex, interactive=bibtex is not None),
            "conversation_id": conversation.id or None,
            "history": self._history(_owner(request), conversation.id),
            **_idle(),
        }
        if with_name:
            shown["name"] = conversation.name() if conversation.turns else conversation.title
        return shown

    def _history(self, owner: str, current: str) -> Any:
        try:
            summaries = self.store.summaries(owner)
        except (ConversationStoreError, sqlite3.Error) as exc:
            log.warning("cannot list conversations: %s", exc)
            return gr.skip()
        choices = [(s.name, s.id) for s in summaries]
        return gr.Radio(choices=choices, value=current if any(s.id == current for s in summaries) else None)

    def _load(self, conversation_id: str | None, request: gr.Request) -> Conversation | None:
        if not isinstance(conversation_id, str) or not conversation_id:
            return None
        try:
            return self.store.load(conversation_id, _owner(request))
        except (ConversationStoreError, sqlite3.Error) as exc:
            log.warning("cannot read conversation %s: %s", conversation_id, exc)
            gr.Warning(f"The saved conversation could not be read ({exc}); starting a new one.")
            return None

    def _save(self, conversation: Conversation, request: gr.Request | None) -> None:
        """A store that cannot be written costs the conversation's future, never the answer on the page."""
        try:
            self.store.save_last_turn(conversation, _owner(request))
        except (ConversationStoreError, sqlite3.Error, OSError) as exc:
            log.warning("cannot save conversation %s: %s", conversation.id or "(new)", exc)
            gr.Warning(f"This conversation could not be saved ({exc}): it stays on this page until you reload.")

    def _write_exports(self, conversation: Conversation, request: gr.Request | None
                       ) -> tuple[str | None, str | None]:
        if not conversation.answered():
            return None, None
        folder = Path(self._exports.name) / (getattr(request, "session_hash", None) or "shared")
        markdown, bibtex = write_exports(conversation, self.engine.papers, folder)
        return str(markdown), str(bibtex)

    # The scope: papers the reader chose to ask within, shown as removable chips above the question box.

    def scope_of(self, scope: Sequence[str] | None) -> tuple[str, ...]:
        """The chosen papers that are indexed, each once, in the order they were chosen."""
        papers = self.engine.papers
        return tuple(dict.fromkeys(p for p in (str(x) for x in scope or ()) if p in papers))

    def scope_choices(self, scope: Sequence[str]) -> list[tuple[str, str]]:
        """The chips' choices: the chosen papers, then every other one to pick by typing (a corpus too large for
        that list is picked from in the Papers tab)."""
        papers = self.engine.papers
        chosen = self.scope_of(scope)
        others = sorted(papers.values(), key=lambda p: p.title.lower()) if len(papers) <= self.ui.max_papers_listed \
            else []
        return [(" ".join(papers[p].title.split()), p) for p in chosen] + [
            (" ".join(p.title.split()), p.paper_id) for p in others if p.paper_id not in chosen
        ]

    def scope_picker(self, scope: Sequence[str] | None) -> Any:
        chosen = list(self.scope_of(scope))
        return gr.Dropdown(choices=self.scope_choices(chosen), value=chosen, multiselect=True)

    def add_from_card(self, request: str, scope: Sequence[str] | None) -> Any:
        """A source card's "Ask within this paper": the page's script sends {"paper": id, "request": count} (the
        count makes every click a change, even for the same paper)."""
        try:
            paper_id = str(json.loads(request or "{}").get("paper") or "")
        except (ValueError, AttributeError):
            return gr.skip()
        return self.add_to_scope(paper_id, scope)

    def add_to_scope(self, paper_id: str, scope: Sequence[str] | None) -> Any:
        """A paper joins the chips above the question box."""
        if paper_id not in self.engine.papers:
            if paper_id:
                gr.Warning("That paper is no longer indexed.")
            else:
                gr.Warning("Pick a paper in the list first.")
            return gr.skip()
        return self.scope_picker([*(scope or ()), paper_id])

    def add_picked_to_scope(self, paper_id: str, scope: Sequence[str] | None) -> Any:
        """The Papers tab's button: the picked paper joins the chips, and the reader is told where they are."""
        update = self.add_to_scope(paper_id, scope)
        if paper_id in self.engine.papers:
            gr.Info("Added: the chat asks within the papers shown above its question box.")
        return update

    def list_papers(self, query: str) -> tuple[Any, str]:
        found = filter_papers(self.engine.papers, query or "")
        shown = found[: self.ui.max_papers_listed]
        columns = paper_columns(self.engine.papers.values())
        return (gr.Dataframe(value=paper_rows(shown, columns), headers=columns),
                count_line(len(shown), len(found), len(self.engine.papers), query or ""))

    def pick_paper(self, event: gr.SelectData) -> tuple[str, str]:
        row = event.row_value or []
        paper = self.engine.papers.get(str(row[-1])) if row else None
        if paper is None:
            return "", NO_SELECTION
        return paper.paper_id, paper_html(paper)

    def question_for_paper(self, paper_id: str, question: str) -> tuple[Any, Any, Any]:
        """The question naming the paper, the chat tab, and the scope that keeps the answer to that paper."""
        paper = self.engine.papers.get(paper_id)
        if paper is None:
            gr.Warning("Pick a paper in the list first.")
            return gr.skip(), gr.skip(), gr.skip()
        return question_about(paper, question), gr.Tabs(selected="chat"), [paper.paper_id]


def _example_text(event: gr.SelectData) -> str:
    return event.value["text"]


def _failed(question: str, exc: Exception) -> Turn:
    """Any failure as a Turn whose error reads as advice, never as a traceback."""
    if isinstance(exc, (NoIndexError, QuestionError)):
        return Turn(question, error=str(exc))
    if isinstance(exc, GenerationError):
        return Turn(question, error=f"{exc} To answer without the model, choose Extractive in the Settings tab.")
    if isinstance(exc, ValidationError):
        return Turn(question, error="Those settings are out of range: check the Settings tab and ask again.")
    log.exception("answering %r failed", question, exc_info=exc)
    return Turn(question, error=(
        f"Something went wrong while answering ({type(exc).__name__}). The details are in the server "
        "log; please try again or rephrase the question."
    ))


def _backend_guard(available: set[str]):
    """An option that is not configured stays visible; choosing it says so and falls back."""

    def guard(backend: str) -> str:
        if usable_backend(backend, available) != backend:
            gr.Info("No LLM is configured: set PAPERCHAT_LLM_BASE_URL (or --llm-base-url) when starting the server. "
                    "Answers stay extractive (quoted from the abstracts).")
        return usable_backend(backend, available)

    return guard


def build_app(engine: Engine) -> gr.Blocks:
    page = ChatPage(engine)
    defaults = engine.settings.retrieval
    llm = engine.settings.llm
    has_llm = len(page.available) > 1
    columns = paper_columns(engine.papers.values())
    shown_papers = filter_papers(engine.papers, "")[: engine.settings.ui.max_papers_listed]
    count = count_line(len(shown_papers), len(engine.papers), len(engine.papers), "")

    with gr.Blocks(title="paperchat", fill_width=True) as demo:
        demo.paperchat_page = page  # keeps the export folder alive as long as the app
        conversation = gr.State(Conversation())
        # The browser keeps the open conversation's id, so a reload (or a restarted server) shows it again.
        conversation_id = gr.BrowserState(None, storage_key=BROWSER_KEY, secret=page.store.secret())
        with gr.Sidebar(label="Conversations", width=260, elem_id="conversations"):
            gr.Markdown("### Conversations")
            history = gr.Radio(choices=[], show_label=False, container=False, elem_id="history")
            name = gr.Textbox(label="Name of the open conversation", placeholder="Named after its first question",
                              max_lines=1, elem_id="conversation-name")
            with gr.Row():
                rename = gr.Button("Rename", size="sm", min_width=60, elem_id="rename-conversation")
                delete = gr.Button("Delete", size="sm", min_width=60, variant="stop", elem_id="delete-conversation")
            if not page.store.lasting:
                gr.Markdown("The data folder cannot be written: conversations last until the server stops.",
                            elem_classes="store-note")
        gr.Markdown(
            f"# paperchat\nAsk about {len(engine.papers)} indexed research-paper abstracts. "
            "Answers quote the abstracts and cite every sentence.",
            elem_id="app-title",
        )
        settings_line = gr.Markdown(
            summary(defaults.retriever, defaults.top_papers, page.default_backend, page.available, llm.strict),
            elem_id="current-settings",
        )
        with gr.Tabs() as tabs:
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=320):
                    chatbot = gr.Chatbot(
                        elem_id="chat", height="calc(100vh - 330px)", min_height=360, show_label=False,
                        layout="panel", placeholder="**Ask a question about the papers**, or start from an example:",
                        examples=[{"text": q} for q in EXAMPLES], feedback_options=None, buttons=["copy"],
                    )
                    scope = gr.Dropdown(
                        choices=page.scope_choices([]), value=[], multiselect=True, allow_custom_value=True,
                        label="Ask within these papers (none chosen: all papers)", elem_id="scope",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            show_label=False, placeholder="Ask about the papers… (Enter to send)",
                            scale=6, elem_id="question", autofocus=True, lines=1, max_lines=5,
                        )
                        ask = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
                        stop = gr.Button("Stop", variant="stop", scale=1, min_width=80, visible=False, elem_id="stop")
                    with gr.Row():
                        restart = gr.Button("New conversation", size="sm", elem_id="new-conversation")
                        export_md = gr.DownloadButton(
                            "Download conversation (.md)", interactive=False, size="sm", elem_id="export-md"
                        )
                        export_bib = gr.DownloadButton(
                            "Download references (.bib)", interactive=False, size="sm", elem_id="export-bib"
                        )
                with gr.Column(scale=2, min_width=300):
                    gr.Markdown("### Sources", elem_id="sources-heading")
                    sources = gr.HTML(EMPTY, elem_id="sources")
                    # A source card's "Ask within this paper" writes the paper id here (see ui/page_assets.py).
                    scope_request = gr.Textbox(visible="hidden", elem_id="scope-request")
            with gr.Tab("Papers", id="papers"), gr.Row():
                with gr.Column(scale=3):
                    with gr.Row(equal_height=True):
                        paper_query = gr.Textbox(label=SEARCH_LABEL, info=SEARCH_INFO, placeholder=SEARCH_PLACEHOLDER,
                                                 scale=4, elem_id="paper-search")
                        library = gr.UploadButton(UPLOAD_LABEL, type="filepath", scale=1, min_width=180,
                                                  interactive=not read_only_reason(engine), elem_id="upload-library")
                    upload_report = gr.Markdown(read_only_reason(engine) or UPLOAD_HINT, elem_id="upload-report")
                    paper_count = gr.Markdown(count, elem_id="paper-count")
                    papers_table = gr.Dataframe(
                        value=paper_rows(shown_papers, columns), headers=columns, interactive=False, wrap=True,
                        elem_id="papers", max_height=520,
                    )
                with gr.Column(scale=2):
                    picked = gr.State("")
                    paper_view = gr.HTML(NO_SELECTION, elem_id="paper-detail")
                    paper_question = gr.Textbox(
                        label="Ask about this paper", placeholder="What does this paper propose?",
                        elem_id="paper-question",
                    )
                    with gr.Row():
                        ask_paper = gr.Button("Ask in the chat", variant="primary", elem_id="ask-paper")
                        scope_paper = gr.Button("Add to the chat's papers", elem_id="scope-paper")
            with gr.Tab("Settings", id="settings"):
                top_papers = gr.Slider(1, 20, value=defaults.top_papers, step=1, label="Papers retrieved per answer",
                                       elem_id="top-papers")
                retriever = gr.Radio(RETRIEVERS, value=defaults.retriever, label="Retriever", elem_id="retriever")
                backend = gr.Radio(
                    backend_choices(llm), value=page.default_backend, label="Answer backend",
                    info="A model writes the answer from the best abstract sentences; each sentence it writes is "
                    "checked against the sentence it cites and flagged when unsupported. Comparisons and lists "
                    "stay extractive." if has_llm else "An LLM backend is not configured; answers quote the abstracts.",
                    elem_id="backend", elem_classes=None if has_llm else "backend-not-configured",
                )
                strict = gr.Checkbox(
                    value=llm.strict, visible=has_llm, elem_id="strict",
                    label="Strict: leave out generated sentences the verifier cannot support (instead of flagging)",
                )
                reset = gr.Button("Reset to the server's defaults", size="sm")
                gr.Markdown(
                    f"These settings apply to your session only, in the chat and the Evaluate tab. Index: "
                    f"{len(engine.papers)} papers at `{engine.location}`."
                )
            add_evaluate_tab(engine, session=[retriever, top_papers, backend, strict], available=page.available)

        chat_inputs = [question, conversation, retriever, top_papers, backend, strict, scope]
        chat_outputs = [question, chatbot, conversation, sources, export_md, export_bib, conversation_id, history,
                        ask, stop]
        respond = {"fn": page.respond, "inputs": chat_inputs, "outputs": chat_outputs, "concurrency_limit": 8,
                   "show_progress": "hidden"}
        # A stable name for scripts and the concurrency test (gradio_client: `predict(q, api_name="/ask")`); each
        # client keeps its own session, and so its own conversation, as a browser tab does.
        # "multiple": a question asked right after Stop is taken even while the browser still counts the stopped
        # answer as pending (with the default "once" it was dropped in silence); a second question while one is
        # really being written is refused in `respond` with a message.
        answering = [
            question.submit(**respond, api_name="ask", trigger_mode="multiple"),
            ask.click(**respond, trigger_mode="multiple"),
            chatbot.example_select(_example_text, None, question, queue=False).then(**respond),
            ask_paper.click(page.question_for_paper, [picked, paper_question], [question, tabs, scope], queue=False)
            .then(page.scope_picker, scope, scope, queue=False).then(**respond),
        ]
        shown = [chatbot, conversation, sources, export_md, export_bib, conversation_id, history, name, ask, stop]
        leave = {"outputs": shown, "cancels": answering, "queue": False}
        stop.click(page.stop, [conversation], **leave)
        restart.click(page.new_conversation, [conversation], **leave)
        chatbot.clear(page.new_conversation, [conversation], **leave)  # the bin icon forgets the turns too
        history.input(page.open_conversation, [history, conversation], **leave)
        delete.click(page.delete, [conversation], **leave)
        for naming in (rename.click, name.submit):
            naming(page.rename, [conversation, name], [history, name], queue=False)
        demo.load(page.restore, [conversation_id], [*shown, scope], queue=False)
        demo.load(None, js=FOLD_SIDEBAR_ON_PHONE)

        scope_request.change(page.add_from_card, [scope_request, scope], scope, queue=False)
        scope_paper.click(page.add_picked_to_scope, [picked, scope], scope, queue=False)
        paper_query.change(page.list_papers, paper_query, [papers_table, paper_count], queue=False,
                           show_progress="hidden")
        papers_table.select(page.pick_paper, None, [picked, paper_view], queue=False)
        # One ingest at a time: they write the same index. The chips' choices then include the new papers.
        library.upload(upload_handler(engine, page.list_papers), [library, paper_query],
                       [upload_report, papers_table, paper_count], concurrency_limit=1, api_name="add_papers",
                       show_progress_on=[upload_report]).then(page.scope_picker, scope, scope, queue=False)

        def show_settings(retriever_value: str, top: float, backend_value: str, strict_value: bool) -> str:
            return summary(retriever_value, top, backend_value, page.available, strict_value)

        shown_settings = [retriever, top_papers, backend, strict]
        for control in (top_papers, retriever, strict):
            control.change(show_settings, shown_settings, settings_line, queue=False)
        backend.change(_backend_guard(page.available), backend, backend, queue=False).then(
            show_settings, shown_settings, settings_line, queue=False
        )
        reset.click(lambda: (defaults.top_papers, defaults.retriever, page.default_backend, llm.strict), None,
                    [top_papers, retriever, backend, strict], queue=False)
    return demo
