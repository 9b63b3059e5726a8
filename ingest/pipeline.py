"""Files -> papers -> chunks -> vectors -> store, idempotently and in crash-safe batches."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunking import chunk_paper
from ingest.conflicts import clash_with_stored, repeated_in_ingest
from ingest.disk_full import full_disk_reported
from ingest.formats import read_records
from ingest.identity import Identities, merged, same_metadata
from ingest.records import Found, InputError, Rejected
from ingest.source import name_of
from rag.settings import IngestSettings
from rag.types import Chunk, Paper

if TYPE_CHECKING:
    from rag.index.encoder import Embedder
    from rag.index.store import ChromaStore

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
    unreadable: list[str] = field(default_factory=list)  # one message per file that could not be read at all
    rebuilt: int = 0  # chunks whose vectors were recomputed after a crash damaged the index
    matched: int = 0  # library records that are a paper already read from another file (same DOI, arXiv id, title)

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.empty_files and not self.unreadable

    @property
    def exit_code(self) -> int:
        """2: a file could not be read at all; 1: records were rejected or a file held no papers; else 0."""
        if self.unreadable:
            return 2
        return 0 if self.ok else 1

    def problems(self, limit: int = 50) -> list[str]:
        """What went wrong, one line each; capped, so a file of 20,000 bad lines doesn't flood the terminal."""
        lines = [f"cannot read: {message}" for message in self.unreadable]
        lines += [f"rejected: {r}" for r in self.rejected[:limit]]
        if len(self.rejected) > limit:
            hidden = len(self.rejected) - limit
            lines.append(f"rejected: ... and {hidden:,} more records (only the first {limit} are listed)")
        lines += [f"no papers in {name}" for name in self.empty_files]
        return lines

    def summary(self) -> str:
        line = (
            f"{self.papers} papers: {self.new} new, {self.updated} updated, {self.unchanged} unchanged; "
            f"{self.chunks} chunks"
        )
        if self.matched:
            line += f"; {self.matched} matched to the same paper from another file (DOI, arXiv id or title)"
        if self.rejected:
            line += f"; {len(self.rejected)} rejected"
        if self.unreadable:
            line += f"; {len(self.unreadable)} file{'s' if len(self.unreadable) > 1 else ''} unreadable"
        if self.rebuilt:
            line += f"; vector index rebuilt after a crash ({self.rebuilt} chunks)"
        return line


def read_papers(
    paths: Iterable[Path], settings: IngestSettings, report: IngestReport, progress: bool = False
) -> list[Paper]:
    """All good papers of all files, first occurrence winning; duplicates with other text are rejected.

    A file that cannot be read is reported and skipped: the other files still count, and nothing stored
    is touched because of it.
    """
    return [found.paper for found in _read_found(paths, settings, report, progress)]


def _read_found(
    paths: Iterable[Path], settings: IngestSettings, report: IngestReport, progress: bool,
    stored: dict[str, Paper] | None = None,
) -> list[Found]:
    """Good records by id. A library record that is a paper already seen in another file, or stored, takes that
    paper's id (ingest.identity); from another file it replaces the earlier record, so the last export wins."""
    from tqdm import tqdm

    seen: dict[str, Found] = {}
    identities = Identities(stored)
    for path in paths:
        count = 0
        try:
            records = read_records(path, max_chars=settings.max_abstract_chars)
            for record in tqdm(records, desc=f"Reading {name_of(path)}", unit=" records", disable=not progress,
                               file=sys.stderr, leave=False):
                if isinstance(record, Rejected):
                    report.rejected.append(record)
                    continue
                count += 1
                if record.by_identity:
                    record = _as_known(record, identities, seen, stored or {}, report)
                first = seen.get(record.paper.paper_id)
                if first is None or (record.by_identity and first.source != record.source):
                    seen[record.paper.paper_id] = record
                    identities.add(record.paper)
                elif first.paper.content_hash != record.paper.content_hash:
                    report.rejected.append(repeated_in_ingest(first, record))
        except InputError as exc:
            report.unreadable.append(_with_count(str(exc), path, count))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            report.unreadable.append(_with_count(f"{path}: {exc}", path, count))
            continue
        if count == 0:
            report.empty_files.append(name_of(path))
    return list(seen.values())


def _as_known(
    record: Found, identities: Identities, seen: dict[str, Found], stored: dict[str, Paper], report: IngestReport
) -> Found:
    known = identities.known_id(record.paper)
    if not known:
        return record
    earlier = seen[known].paper if known in seen else stored[known]
    if earlier.source and earlier.source != record.source:
        report.matched += 1
    return replace(record, paper=merged(record.paper, earlier))


def _with_count(message: str, path: Path, count: int) -> str:
    if count:
        return f"{message} (the {count:,} papers read from {name_of(path)} before that are kept)"
    return message


def ingest(
    paths: Iterable[Path], store: ChromaStore, embedder: Embedder, settings: IngestSettings, progress: bool = True
) -> IngestReport:
    report = IngestReport()
    with full_disk_reported(store.location):
        if store.vectors_missing:
            report.rebuilt = rebuild_vectors(store, embedder, progress)
    stored = store.stored_papers()
    found = _read_found(paths, settings, report, progress, {pid: s.paper for pid, s in stored.items()})
    to_write: list[Paper] = []
    for record in found:
        paper = record.paper
        before = stored.get(paper.paper_id)
        if before is None:
            report.new += 1
            to_write.append(paper)
        elif clash := clash_with_stored(record, before):
            report.rejected.append(clash)
            continue
        elif (before.paper_hash != paper.content_hash or not before.complete
              or (record.by_identity and not same_metadata(before.paper, paper))):
            report.updated += 1
            to_write.append(paper)
        else:
            report.unchanged += 1
            report.chunks += before.n_chunks
        report.papers += 1
    chunks = [c for p in to_write for c in chunk_paper(p, settings.chunk_tokens, settings.overlap_sentences)]
    report.chunks += len(chunks)
    with full_disk_reported(store.location):
        _embed_and_write(to_write, chunks, store, embedder, progress)
        written = {p.paper_id for p in to_write}
        _fill_sentence_vectors([s.paper for pid, s in stored.items() if s.complete and pid not in written],
                               store, embedder, progress)
    return report


def _write_sentence_vectors(papers: Sequence[Paper], store: ChromaStore, embedder: Embedder,
                            only: set[str] | None = None) -> None:
    """The answerer's sentence vectors for these papers (rag/index/sentence_vectors.py), so that no question has
    to embed them; `only` limits them to those texts."""
    from rag.index.sentence_vectors import embedding_texts

    rows = [(p.paper_id, t) for p in papers for t in embedding_texts(p) if only is None or t in only]
    if rows:
        store.write_sentence_vectors([pid for pid, _ in rows], [t for _, t in rows],
                                     embedder.embed([t for _, t in rows]), replace=only is None)


def _fill_sentence_vectors(papers: list[Paper], store: ChromaStore, embedder: Embedder, progress: bool) -> None:
    """Stores the sentence vectors of papers ingested before they were stored (or by a write cut short between
    a paper and its sentences), so the next questions about them need not embed them."""
    from tqdm import tqdm

    from rag.index.sentence_vectors import embedding_texts

    missing = set(store.sentences_missing([t for p in papers for t in embedding_texts(p)]))
    if not missing:
        return
    lacking = [p for p in papers if any(t in missing for t in embedding_texts(p))]
    with tqdm(total=len(missing), unit="sentence", desc="Embedding sentences of earlier papers",
              disable=not progress, file=sys.stderr) as bar:
        for start in range(0, len(lacking), WRITE_EVERY_CHUNKS):
            batch = lacking[start : start + WRITE_EVERY_CHUNKS]
            _write_sentence_vectors(batch, store, embedder, only=missing)
            bar.update(sum(t in missing for p in batch for t in embedding_texts(p)))


def rebuild_vectors(store: ChromaStore, embedder: Embedder, progress: bool) -> int:
    """After a crash damaged the vector index, every stored chunk is embedded again from its stored text."""
    from tqdm import tqdm

    with tqdm(total=store.count(), unit="chunk", desc="Rebuilding the damaged vector index", disable=not progress,
              file=sys.stderr) as bar:
        return store.rebuild_vectors(embedder.embed, on_batch=bar.update)


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
        _write_sentence_vectors(batch_papers, store, embedder)  # first: the version write_papers stamps covers both
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
