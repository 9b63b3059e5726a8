"""The chat page: `build_app(engine)` wires the engine to Gradio components; launching lives in ui/serve.py.

A thin adapter: questions go to `engine.ask`, answers come back as `Answer`s and are only rendered here.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
from pydantic import ValidationError

from rag.engine import NoIndexError, QuestionError
from rag.generation.base import GenerationError
from rag.text.controls import LONE_SURROGATE
from ui.answer_view import answer_markdown, error_markdown, stream_prefixes
from ui.conversation import Conversation, Turn
from ui.evaluate_tab import add_evaluate_tab
from ui.export import write_exports
from ui.inert_markdown import as_typed
from ui.papers_view import COLUMNS, NO_SELECTION, count_line, filter_papers, paper_html, paper_rows, question_about
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
Message = dict[str, str]


def _user_message(question: str) -> Message:
    return {"role": "user", "content": as_typed(LONE_SURROGATE.sub("\ufffd", question))}


def _assistant_message(markdown: str) -> Message:
    return {"role": "assistant", "content": markdown}


def _messages(conversation: Conversation) -> list[Message]:
    """The chat as it stands, rebuilt from the session's turns so what is shown never drifts from what is kept."""
    messages = []
    for number, turn in enumerate(conversation.turns, start=1):
        messages.append(_user_message(turn.question))
        body = answer_markdown(turn.answer, number) if turn.answer else error_markdown(turn.error)
        messages.append(_assistant_message(body))
    return messages


class ChatPage:
    """The event handlers, holding what every session shares: the engine and the export folder.

    Questions run side by side (the engine's caches take their own locks): one visitor waiting on a slow model
    must never hold up another's question."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.ui = engine.settings.ui
        self._exports = tempfile.TemporaryDirectory(prefix="paperchat-exports-")
        self.available = available_backends(engine.settings.llm)
        self.default_backend = default_backend(engine.settings.llm)

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
        `scope`: the papers "Ask in the chat" chose; the answer comes from them alone.

        Extractive answers are complete before they show, and are revealed sentence by sentence; a generated
        answer shows its tokens as the model writes them, then is replaced by the verified answer."""
        question = " ".join((question or "").split())
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        shown = [*_messages(conversation), _user_message(question), _assistant_message(SEARCHING)]
        yield "", [*shown], conversation, gr.skip(), gr.skip(), gr.skip()
        generated = usable_backend(backend, self.available) != "extractive"
        turn = None
        if generated:
            shown[-1] = _assistant_message(WRITING)
            yield gr.skip(), [*shown], gr.skip(), gr.skip(), gr.skip(), gr.skip()
            for event in self.generate(question, conversation, retriever, top_papers, backend, strict, scope):
                if isinstance(event, Turn):
                    turn = event
                else:
                    shown[-1] = _assistant_message(f"{as_typed(event)}\n\n{WRITING}")
                    yield gr.skip(), [*shown], gr.skip(), gr.skip(), gr.skip(), gr.skip()
        if turn is None:
            turn = self.ask(question, conversation, retriever, top_papers, scope)
        conversation.turns.append(turn)
        number = len(conversation.turns)
        shown[-2] = _user_message(turn.question)
        if turn.answer is not None and not generated:
            delay = self.ui.stream_delay_ms / 1000
            for prefix in stream_prefixes(answer_markdown(turn.answer, number)):
                shown[-1] = _assistant_message(prefix)
                yield gr.skip(), [*shown], gr.skip(), gr.skip(), gr.skip(), gr.skip()
                time.sleep(delay)
        shown[-1] = _assistant_message(
            answer_markdown(turn.answer, number) if turn.answer else error_markdown(turn.error)
        )
        markdown, bibtex = self._write_exports(conversation, request)
        yield (
            gr.skip(),
            shown,
            conversation,
            sources_html(conversation, self.engine.papers),
            gr.DownloadButton(value=markdown, interactive=markdown is not None),
            gr.DownloadButton(value=bibtex, interactive=bibtex is not None),
        )

    def _write_exports(self, conversation: Conversation, request: gr.Request) -> tuple[str | None, str | None]:
        if not conversation.answered():
            return None, None
        folder = Path(self._exports.name) / (getattr(request, "session_hash", None) or "shared")
        markdown, bibtex = write_exports(conversation, self.engine.papers, folder)
        return str(markdown), str(bibtex)

    def new_conversation(self) -> tuple[Any, ...]:
        return (
            Conversation(), [], EMPTY,
            gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(value=None, interactive=False),
        )

    def list_papers(self, query: str) -> tuple[list[list[str]], str]:
        found = filter_papers(self.engine.papers, query or "")
        shown = found[: self.ui.max_papers_listed]
        return paper_rows(shown), count_line(len(shown), len(found), len(self.engine.papers), query or "")

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
            return gr.skip(), gr.skip(), None
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
    rows, count = page.list_papers("")

    with gr.Blocks(title="paperchat", fill_width=True) as demo:
        demo.paperchat_page = page  # keeps the export folder alive as long as the app
        conversation = gr.State(Conversation())
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
                with gr.Column(scale=3):
                    chatbot = gr.Chatbot(
                        elem_id="chat", height="64vh", min_height=420, show_label=False, layout="panel",
                        placeholder="**Ask a question about the papers**, or start from an example:",
                        examples=[{"text": q} for q in EXAMPLES], feedback_options=None, buttons=["copy"],
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            show_label=False, placeholder="Ask about the papers… (Enter to send)",
                            scale=6, elem_id="question", autofocus=True, lines=1, max_lines=5,
                        )
                        ask = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
                    with gr.Row():
                        restart = gr.Button("New conversation", size="sm", elem_id="new-conversation")
                        export_md = gr.DownloadButton(
                            "Download conversation (.md)", interactive=False, size="sm", elem_id="export-md"
                        )
                        export_bib = gr.DownloadButton(
                            "Download references (.bib)", interactive=False, size="sm", elem_id="export-bib"
                        )
                with gr.Column(scale=2):
                    gr.Markdown("### Sources")
                    sources = gr.HTML(EMPTY, elem_id="sources")
            with gr.Tab("Papers", id="papers"), gr.Row():
                with gr.Column(scale=3):
                    paper_query = gr.Textbox(label="Search titles, ids and abstracts", elem_id="paper-search")
                    paper_count = gr.Markdown(count, elem_id="paper-count")
                    papers_table = gr.Dataframe(
                        value=rows, headers=COLUMNS, interactive=False, wrap=True, elem_id="papers",
                        max_height=520, column_widths=["64%", "8%", "28%"],
                    )
                with gr.Column(scale=2):
                    picked = gr.State("")
                    paper_view = gr.HTML(NO_SELECTION, elem_id="paper-detail")
                    paper_question = gr.Textbox(
                        label="Ask about this paper", placeholder="What does this paper propose?",
                        elem_id="paper-question",
                    )
                    ask_paper = gr.Button("Ask in the chat", variant="primary", elem_id="ask-paper")
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
                    f"These settings apply to your session only. Index: {len(engine.papers)} papers at "
                    f"`{engine.location}`."
                )
            add_evaluate_tab(engine)

        scope = gr.State(None)  # set by "Ask in the chat" for the one question it sends
        chat_inputs = [question, conversation, retriever, top_papers, backend, strict, scope]
        chat_outputs = [question, chatbot, conversation, sources, export_md, export_bib]
        respond = {"fn": page.respond, "inputs": chat_inputs, "outputs": chat_outputs, "concurrency_limit": 8,
                   "show_progress": "hidden"}
        # A stable name for scripts and the concurrency test (gradio_client: `predict(q, api_name="/ask")`); each
        # client keeps its own session, and so its own conversation, as a browser tab does.
        question.submit(**respond, api_name="ask")
        ask.click(**respond)
        chatbot.example_select(_example_text, None, question, queue=False).then(**respond)
        fresh = {"fn": page.new_conversation, "inputs": None, "queue": False,
                 "outputs": [conversation, chatbot, sources, export_md, export_bib]}
        restart.click(**fresh)
        chatbot.clear(**fresh)  # the chat's own bin icon must forget the turns too, not only hide them

        paper_query.change(page.list_papers, paper_query, [papers_table, paper_count], queue=False,
                           show_progress="hidden")
        papers_table.select(page.pick_paper, None, [picked, paper_view], queue=False)
        ask_paper.click(page.question_for_paper, [picked, paper_question], [question, tabs, scope],
                        queue=False).then(**respond).then(lambda: None, None, scope, queue=False)

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
