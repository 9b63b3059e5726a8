"""Per-session answer settings: the Settings tab's controls turned into the engine's settings objects.

The engine and its settings are shared by every visitor, so a session never mutates them: each question gets
a validated copy of the retrieval settings with this session's choices applied.
"""

from __future__ import annotations

from rag.settings import RetrievalSettings

RETRIEVERS: list[tuple[str, str]] = [
    ("Hybrid — meaning and words, fused", "hybrid"),
    ("Dense — meaning (MiniLM embeddings)", "dense"),
    ("BM25 — shared words", "bm25"),
]
BACKENDS: list[tuple[str, str]] = [
    ("Extractive — quotes abstract sentences", "extractive"),
    ("LLM — not configured", "llm"),
]
AVAILABLE_BACKENDS = {"extractive"}  # an LLM backend joins when one can be configured


def retrieval_for(base: RetrievalSettings, retriever: str, top_papers: float | int) -> RetrievalSettings:
    """A fresh, validated copy of the shared settings with this session's choices (bad values raise)."""
    return RetrievalSettings.model_validate(
        {**base.model_dump(), "retriever": retriever, "top_papers": int(top_papers)}
    )


def usable_backend(backend: str) -> str:
    """The backend a question is answered with; an unavailable choice falls back to extractive."""
    return backend if backend in AVAILABLE_BACKENDS else "extractive"


def summary(retriever: str, top_papers: float | int, backend: str) -> str:
    """The one line the chat tab shows, so the settings in force are always visible."""
    names = {value: label.split(" — ")[0] for label, value in RETRIEVERS + BACKENDS}
    return (
        f"**Settings:** {names.get(retriever, retriever)} retrieval · {int(top_papers)} papers per answer · "
        f"{names.get(usable_backend(backend), backend)} answers"
    )
