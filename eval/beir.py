"""BEIR folders (`corpus.jsonl`, `queries.jsonl`, `qrels/<split>.tsv`): load, index, retrieve, score.

The corpus goes into a collection of its own (`beir-<name>`) in the usual data folder, so benchmark papers
never mix with the user's papers, and a second run finds it already built (ingest skips unchanged papers).
Scoring is at paper level: the engine already returns one entry per paper, and the metrics de-duplicate
again in case a retriever ever returns chunks.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.metrics import mean_scores, per_query, scorable
from rag.errors import PaperchatError
from rag.settings import RetrievalSettings, Settings
from rag.types import Paper

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport
    from rag.engine import Engine

DEPTH = 100  # papers retrieved per query: Recall@100 needs a hundred


class BeirError(PaperchatError):
    """The folder is not a usable BEIR data set; the message names the file and what to do."""


@dataclass
class BeirDataset:
    root: Path
    name: str
    split: str
    corpus: Path
    queries: dict[str, str]  # only the queries the split judges
    qrels: dict[str, dict[str, int]]


@dataclass
class BeirResult:
    dataset: str
    split: str
    retriever: str
    scores: dict[str, float]
    per_query: dict[str, dict[str, float]]
    rankings: dict[str, list[str]]
    n_queries: int
    n_papers: int
    collection: str
    retrieval: dict[str, Any]
    index: dict[str, Any] = field(default_factory=dict)  # what built the vectors: chunking, encoder
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "split": self.split, "retriever": self.retriever,
            "n_queries": self.n_queries, **{k: round(v, 5) for k, v in self.scores.items()},
            "n_papers": self.n_papers, "collection": self.collection, "retrieval": self.retrieval,
            "index": self.index,
            "seconds": {k: round(v, 1) for k, v in self.seconds.items()},
        }


def available_splits(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "qrels").glob("*.tsv"))


def dataset_name(root: Path) -> str:
    """A collection-safe name; the shared layout is `scifact/beir/`, so a folder called `beir` takes its
    parent's name."""
    root = root.resolve()
    name = root.parent.name if root.name.lower() == "beir" and root.parent.name else root.name
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "dataset"


def load(root: Path, split: str = "test") -> BeirDataset:
    root = Path(root)
    if not root.is_dir():
        raise BeirError(f"{root} is not a folder: give the BEIR data set folder (holding corpus.jsonl, "
                        "queries.jsonl and qrels/).")
    corpus = root / "corpus.jsonl"
    if not corpus.is_file():
        raise BeirError(f"{corpus} is missing: a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv.")
    qrels_file = root / "qrels" / f"{split}.tsv"
    if not qrels_file.is_file():
        splits = available_splits(root)
        have = f"splits here: {', '.join(splits)}" if splits else f"no qrels/*.tsv at all in {root}"
        raise BeirError(f"{qrels_file} is missing ({have}); choose one with --split.")
    qrels = _read_qrels(qrels_file)
    all_queries = _read_queries(root / "queries.jsonl")
    missing = [qid for qid in qrels if qid not in all_queries]
    if missing:
        raise BeirError(
            f"{len(missing)} query ids of {qrels_file.name} are not in queries.jsonl (e.g. {', '.join(missing[:3])}): "
            "the qrels and queries come from different data sets."
        )
    return BeirDataset(root, dataset_name(root), split, corpus, {q: all_queries[q] for q in qrels}, qrels)


def _read_queries(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise BeirError(f"{path} is missing: a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/<split>.tsv.")
    queries = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                queries[str(obj["_id"])] = str(obj["text"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise BeirError(f"{path.name}, line {number}: expected a JSON object with _id and text "
                                f"({type(exc).__name__}).") from exc
    return queries


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            parts = line.rstrip("\n").split("\t")
            if not line.strip() or (number == 1 and parts[0] == "query-id"):
                continue
            try:
                qid, pid, grade = parts
                qrels.setdefault(qid, {})[pid] = int(float(grade))
            except ValueError as exc:
                raise BeirError(f"{path.parent.name}/{path.name}, line {number}: expected three tab-separated "
                                "columns query-id, corpus-id, score (an integer).") from exc
    if not scorable(qrels):
        raise BeirError(f"{path} judges no paper relevant (score > 0): nothing to score.")
    return qrels


def settings_for_dataset(settings: Settings, dataset: BeirDataset) -> Settings:
    store = settings.store.model_copy(update={"collection_prefix": f"beir-{dataset.name}"})
    return settings.model_copy(update={"store": store})


def open_engine(
    settings: Settings, dataset: BeirDataset, embedder=None, progress: bool = True
) -> tuple[Engine, IngestReport, int]:
    """The data set's own engine, its corpus ingested (nothing re-embedded when unchanged) and papers no
    longer in the corpus removed, so the collection always mirrors corpus.jsonl.

    Returns the engine, the ingest report and how many stale papers were removed."""
    from ingest.formats import reader_for
    from ingest.writer import ingest_into, open_engine

    engine = open_engine(settings_for_dataset(settings, dataset), embedder=embedder)
    report = ingest_into(engine, [dataset.corpus], progress=progress)
    wanted = {record.paper_id for record in reader_for(dataset.corpus)(dataset.corpus) if isinstance(record, Paper)}
    # an empty `wanted` means the corpus could not be read back: never take that as "remove everything"
    stale = [pid for pid in engine.store.stored_papers() if pid not in wanted] if wanted else []
    if stale:
        engine.store.delete_papers(stale)
        engine.refresh()
    return engine, report, len(stale)


def retrieve_all(
    engine: Engine, dataset: BeirDataset, retrieval: RetrievalSettings, depth: int = DEPTH,
    on_query: Callable[[], None] | None = None,
) -> dict[str, list[str]]:
    rankings = {}
    for qid, text in dataset.queries.items():
        rankings[qid] = [e.paper_id for e in engine.search(text, retrieval, k=depth)]
        if on_query:
            on_query()
    return rankings


def evaluate(
    engine: Engine, dataset: BeirDataset, retrieval: RetrievalSettings, progress: bool = True
) -> BeirResult:
    from tqdm import tqdm

    started = time.perf_counter()
    with tqdm(total=len(dataset.queries), unit="query", desc="Retrieving", disable=not progress,
              file=sys.stderr) as bar:
        rankings = retrieve_all(engine, dataset, retrieval, on_query=lambda: bar.update(1))
    elapsed = time.perf_counter() - started
    scores = per_query(rankings, dataset.qrels)
    return BeirResult(
        dataset=dataset.name, split=dataset.split, retriever=retrieval.retriever,
        scores=mean_scores(rankings, dataset.qrels), per_query=scores, rankings=rankings,
        n_queries=len(scores), n_papers=len(engine.papers), collection=engine.store.name,
        retrieval=retrieval.model_dump(), seconds={"retrieve": elapsed},
        index={"chunk_tokens": engine.settings.ingest.chunk_tokens,
               "overlap_sentences": engine.settings.ingest.overlap_sentences,
               "encoder": engine.settings.encoder},
    )


def write_outputs(result: BeirResult, out_dir: Path) -> Path:
    """summary.json for people and CI; per_query.jsonl (scores and top-10 papers) to see which queries fail."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary_path = out_dir / "summary.json"
    summary_path.write_text(json.dumps(result.summary(), indent=2) + "\n", encoding="utf-8")
    with (out_dir / "per_query.jsonl").open("w", encoding="utf-8") as handle:
        for qid, scores in result.per_query.items():
            row = {"query_id": qid, **{k: round(v, 5) for k, v in scores.items()},
                   "top10": result.rankings.get(qid, [])[:10]}
            handle.write(json.dumps(row) + "\n")
    return summary_path
