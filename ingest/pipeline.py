"""Files -> papers -> chunks -> vectors -> store, idempotently and in crash-safe batches."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunking import chunk_paper
from ingest.formats import reader_for
from ingest.records import InputError, Rejected
from rag.settings import IngestSettings
from rag.types import Chunk, Paper

if TYPE_CHECKING:
    from rag.embedder import Embedder
    from rag.store import ChromaStore

BUILTIN_CORPUS = Path(__file__).parent / "data" / "hf-papers-abstracts.txt"
WRITE_EVERY_CHUNKS = 256


@dataclass
class IngestReport:
    papers: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    chunks: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    empty_files: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.empty_files

    def summary(self) -> str:
        line = (
            f"{self.papers} papers: {self.new} new, {self.updated} updated, {self.unchanged} unchanged; "
            f"{self.chunks} chunks"
        )
        if self.rejected:
            line += f"; {len(self.rejected)} rejected"
        return line


def read_papers(paths: Iterable[Path], settings: IngestSettings, report: IngestReport) -> list[Paper]:
    """All good papers of all files, first occurrence winning; duplicates with other text are rejected."""
    seen: dict[str, tuple[Paper, str]] = {}
    for path in paths:
        read = reader_for(path)
        count = 0
        try:
            for record in read(path, max_chars=settings.max_abstract_chars):
                if isinstance(record, Rejected):
                    report.rejected.append(record)
                    continue
                count += 1
                if record.paper_id in seen:
                    first, where = seen[record.paper_id]
                    if first.content_hash != record.content_hash:
                        report.rejected.append(
                            Rejected(record.source, f"id {record.paper_id}",
                                     f"same id as {where} but different text; the first one is kept")
                        )
                    continue
                seen[record.paper_id] = (record, f"{record.source}")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path.name} is not valid UTF-8 (byte {exc.start}); save it as UTF-8 and ingest it again."
            ) from exc
        if count == 0:
            report.empty_files.append(path.name)
    return [paper for paper, _ in seen.values()]


def ingest(
    paths: Iterable[Path], store: ChromaStore, embedder: Embedder, settings: IngestSettings, progress: bool = True
) -> IngestReport:
    report = IngestReport()
    papers = read_papers(paths, settings, report)
    stored = store.stored_papers()
    to_write: list[Paper] = []
    for paper in papers:
        before = stored.get(paper.paper_id)
        if before is None:
            report.new += 1
            to_write.append(paper)
        elif before.paper_hash != paper.content_hash or not before.complete:
            report.updated += 1
            to_write.append(paper)
        else:
            report.unchanged += 1
            report.chunks += before.n_chunks
    report.papers = len(papers)
    chunks = [c for p in to_write for c in chunk_paper(p, settings.chunk_tokens, settings.overlap_sentences)]
    report.chunks += len(chunks)
    _embed_and_write(to_write, chunks, store, embedder, progress)
    return report


def _embed_and_write(
    papers: list[Paper], chunks: list[Chunk], store: ChromaStore, embedder: Embedder, progress: bool
) -> None:
    """Writes whole papers in batches, so an interrupted ingest keeps everything before the batch."""
    if not chunks:
        return
    from tqdm import tqdm

    by_id = {p.paper_id: p for p in papers}
    bar = tqdm(total=len(chunks), unit="chunk", desc="Embedding", disable=not progress, file=sys.stderr)
    batch: list[Chunk] = []

    def flush() -> None:
        vectors = embedder.embed([c.text for c in batch])
        batch_papers = [by_id[pid] for pid in dict.fromkeys(c.paper_id for c in batch)]
        store.write_papers(batch_papers, batch, vectors)
        bar.update(len(batch))
        batch.clear()

    for i, chunk in enumerate(chunks):
        batch.append(chunk)
        last_of_paper = i + 1 == len(chunks) or chunks[i + 1].paper_id != chunk.paper_id
        if last_of_paper and len(batch) >= WRITE_EVERY_CHUNKS:
            flush()
    if batch:
        flush()
    bar.close()
