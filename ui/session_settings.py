"""Per-session answer settings: the Settings tab's controls turned into the engine's settings objects.

The engine and its settings are shared by every visitor, so a session never mutates them: each question gets
a validated copy of the retrieval settings with this session's choices applied, and the session's answer
backend and strict mode travel with the question as arguments.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rag import choices
from rag.settings import LLMSettings, RetrievalSettings

if TYPE_CHECKING:
    from rag.engine import Engine
    from rag.types import Answer, Paper

_RETRIEVER_NAMES = {"hybrid": "Hybrid", "dense": "Dense", "bm25": "BM25"}
RETRIEVERS: list[tuple[str, str]] = [(f"{_RETRIEVER_NAMES.get(name, name)} — {what}", name)
                                     for name, what in choices.RETRIEVERS.items()]
EXTRACTIVE = ("Extractive — quotes abstract sentences", "extractive")
NOT_CONFIGURED = ("LLM — not configured", "llm")
BACKENDS: list[tuple[str, str]] = [EXTRACTIVE, NOT_CONFIGURED]  # what a server without an LLM offers
AVAILABLE_BACKENDS = {"extractive"}
_SHORT = {"extractive": "Extractive", "openai": "LLM", "local": "Local model", "ollama": "Ollama", "llamaindex": "LLM",
          "llm": "LLM"}


def backend_choices(llm: LLMSettings) -> list[tuple[str, str]]:
    """The answer backends this server's settings make usable; an LLM that is not configured still shows,
    so people learn the option exists. Labels name the model only: the endpoint's address and the model's folder
    are the operator's business, not every visitor's."""
    from rag.generation.backends import configured_backends

    model = llm.model or "the server’s model"
    labels = {
        "openai": f"LLM — {model}",
        "local": f"Local model — {Path(llm.local_model_dir or '').name}",
        "ollama": f"Ollama — {model}",
        "llamaindex": f"LLM — {llm.llamaindex_class.rsplit('.', 1)[-1]}",
    }
    choices = [EXTRACTIVE] + [(labels[b], b) for b in configured_backends(llm) if b in labels]
    return choices if len(choices) > 1 else [EXTRACTIVE, NOT_CONFIGURED]


def available_backends(llm: LLMSettings) -> set[str]:
    return {value for _, value in backend_choices(llm) if value != NOT_CONFIGURED[1]}


def default_backend(llm: LLMSettings) -> str:
    return usable_backend(llm.effective_backend(), available_backends(llm))


def retrieval_for(base: RetrievalSettings, retriever: str, top_papers: float | int) -> RetrievalSettings:
    """A fresh, validated copy of the shared settings with this session's choices (bad values raise)."""
    return RetrievalSettings.model_validate(
        {**base.model_dump(), "retriever": retriever, "top_papers": int(top_papers)}
    )


def usable_backend(backend: str, available: Collection[str] = AVAILABLE_BACKENDS) -> str:
    """The backend a question is answered with; an unavailable choice falls back to extractive."""
    return backend if backend in available else "extractive"


def summary(retriever: str, top_papers: float | int, backend: str, available: Collection[str] = AVAILABLE_BACKENDS,
            strict: bool = False) -> str:
    """The one line the chat tab shows, so the settings in force are always visible."""
    names = {value: label.split(" — ")[0] for label, value in RETRIEVERS}
    used = usable_backend(backend, available)
    mode = " (strict)" if strict and used != "extractive" else ""
    return (
        f"**Settings:** {names.get(retriever, retriever)} retrieval · {int(top_papers)} papers per answer · "
        f"{_SHORT.get(used, used)} answers{mode}"
    )


class SessionEngine:
    """The shared engine as one session's settings see it: what the Evaluate tab runs a question set through
    (eval/ asks `engine.ask(question, history=…)` and reports `engine.settings`), so a run scores the answers this
    session's chat would give, and its settings hash says so. Nothing shared is changed."""

    def __init__(self, engine: Engine, retriever: str, top_papers: float | int, backend: str,
                 strict: bool = False, available: Collection[str] = AVAILABLE_BACKENDS) -> None:
        self.engine = engine
        self.retrieval = retrieval_for(engine.settings.retrieval, retriever, top_papers)
        self.backend = usable_backend(backend, available)
        self.strict = bool(strict)
        llm = engine.settings.llm.model_copy(update={"backend": self.backend, "strict": self.strict})
        self.settings = engine.settings.model_copy(update={"retrieval": self.retrieval, "llm": llm})
        self.summary = summary(retriever, top_papers, backend, available, strict)

    @property
    def papers(self) -> dict[str, Paper]:
        return self.engine.papers

    def backend_for(self, backend: str | None = None) -> str:
        """The backend this session's questions are answered with (the engine's own method, seen by eval/)."""
        return backend or self.backend

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        return self.engine.ask(question, history=history, retrieval=self.retrieval, backend=self.backend,
                               strict=self.strict)
