"""The Papers tab's upload: a library file ingested into the page's own index, reported as `paperchat ingest` does.

The page goes through the same ingest as the command line (`ingest.writer.ingest_into`), so a file reads the same
way in both (the reader is told from the file by ingest/formats.py), rejected records are named with their line,
and the engine sees the new papers from its next question. Whatever goes wrong (a file too big, not text, empty,
of no known format, a read-only index, a full disk) is one line that says what to do, never a traceback.

The upload is capped like every upload to the page (`MAX_UPLOAD_BYTES`: Gradio stops a larger file while it
arrives, and the check here stops one that got past it); a larger library is for `paperchat ingest FILE`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.formats import SUPPORTED
from ingest.pipeline import IngestReport
from ingest.writer import ingest_into
from rag.errors import PaperchatError
from rag.text.controls import strip_controls
from ui.evaluate_tab import MAX_UPLOAD_BYTES
from ui.inert_markdown import as_typed

if TYPE_CHECKING:
    from rag.engine import Engine

log = logging.getLogger("paperchat.ui")

MAX_LIBRARY_BYTES = MAX_UPLOAD_BYTES
UPLOAD_LABEL = "Add papers from a file"
UPLOAD_HINT = (
    "**Add papers** from your library: BibTeX (.bib), RIS, Zotero CSV, OpenAlex or Semantic Scholar JSON/JSONL, or "
    f"JSONL/CSV with title and abstract; up to {MAX_LIBRARY_BYTES / 1e6:.0f} MB (larger: `paperchat ingest FILE` on "
    "the server). Everyone on this page then asks over them."
)


class UploadError(PaperchatError):
    """A file the page will not ingest; the message says why and what to do instead."""


def read_only_reason(engine: Engine) -> str:
    """Why this page cannot add papers, or "" when it can: a store on a read-only mount is read from a copy, and
    anything ingested there would be lost (and the store refuses it anyway)."""
    if getattr(engine.store, "read_only", False):
        return (f"The index at {engine.location} is read-only, so papers cannot be added from this page. Make it "
                "writable, or ingest into another folder with paperchat ingest FILE --data-dir DIR.")
    return ""


def checked_upload(uploaded: str | None) -> Path:
    """The uploaded file, once it is known to be one the page may ingest."""
    if not uploaded:
        raise UploadError("Choose a file to upload.")
    path = Path(uploaded)
    if not path.is_file():
        raise UploadError(f"{path.name} did not arrive: upload it again.")
    size = path.stat().st_size
    if size > MAX_LIBRARY_BYTES:
        raise UploadError(
            f"{path.name} is {size / 1e6:.1f} MB; a file uploaded here may be at most {MAX_LIBRARY_BYTES / 1e6:.0f} "
            f"MB. Split it, or run paperchat ingest {path.name} on the server, which has no such limit."
        )
    return path


def ingest_upload(engine: Engine, uploaded: str | None) -> str:
    """Ingests the uploaded file into the engine's index and says how it went, as Markdown for the page."""
    name = Path(uploaded).name if uploaded else "the file"
    try:
        if reason := read_only_reason(engine):
            raise UploadError(reason)
        path = checked_upload(uploaded)
        report = ingest_into(engine, [path], progress=False)
    except PaperchatError as exc:  # UploadError, a read-only store, a full disk: each says what to do
        return failed(name, str(exc))
    except Exception as exc:
        log.exception("ingesting the upload %r failed", name, exc_info=exc)
        return failed(name, f"something went wrong ({type(exc).__name__}). The details are in the server log.")
    return report_markdown(report, path)


def failed(name: str, message: str) -> str:
    return f"**Could not add papers from {as_typed(name)}:** {_line(message)}"


def report_markdown(report: IngestReport, path: Path) -> str:
    """The CLI's report: its summary line, then each problem naming the bad entry and its line.

    A file that could not be read at all, so that nothing came of it, is the one line that says why. The lines
    name the upload by its file name, never by the server's temporary folder."""
    problems = [_line(p.replace(str(path), path.name)) for p in report.problems()]
    if report.unreadable and not report.papers:
        return failed(path.name, "; ".join(m.replace(str(path), path.name) for m in report.unreadable))
    if not report.papers and not report.rejected:  # read, but nothing in it looked like a paper
        return failed(path.name, f"no papers were found in it. Supported formats: {SUPPORTED}.")
    added = report.new + report.updated
    text = f"**{as_typed(path.name)}:** {as_typed(report.summary())}"
    if added:
        text += ". The new papers are in the list below, and the chat answers from them now."
    if problems:
        text += "\n\n" + "\n".join(f"- {line}" for line in problems)
    return text


def _line(message: str) -> str:
    """A message from the ingest (it may quote the file's own titles) as one line of inert Markdown."""
    return as_typed(" ".join(strip_controls(message).split()))


def upload_handler(engine: Engine, listed: Callable[[str], tuple[Any, str]]) -> Callable[..., tuple[Any, ...]]:
    """The Gradio handler: the report, then the Papers list (`listed(query)`: the table and its count line) as it
    stands after the ingest, still filtered by the reader's search.

    The ingest's own progress bars (reading, embedding) are shown on the report while it runs: gr.Progress
    follows tqdm."""
    import gradio as gr

    def add_library(uploaded: str | None, query: str,
                    progress: gr.Progress = gr.Progress(track_tqdm=True)) -> tuple[Any, ...]:  # noqa: B008 (how Gradio injects it)
        progress(0, desc=f"Reading {Path(uploaded).name if uploaded else 'the file'}…")
        return (ingest_upload(engine, uploaded), *listed(query or ""))

    return add_library

