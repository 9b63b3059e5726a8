"""`paperchat eval beir DIR`: score the retriever on a BEIR folder at paper level."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pydantic-settings costs most of `paperchat --help`'s start-up; only `run` needs it
    from rag.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="BEIR folder holding corpus.jsonl, queries.jsonl and qrels/<split>.tsv")
    parser.add_argument("--split", default="test", help="which qrels/<split>.tsv to score (default: test)")
    parser.add_argument("--out", type=Path, help="write summary.json and per_query.jsonl into this folder")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from eval.beir import BeirError, evaluate, load, open_engine, write_outputs

    progress = not args.quiet
    try:
        dataset = load(args.dir, args.split)
    except BeirError as exc:
        print(f"paperchat eval beir: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    engine, report, stale = open_engine(settings, dataset, progress=progress)
    ingest_seconds = time.perf_counter() - started
    print(f"corpus: {report.summary()}" + (f"; {stale} papers no longer in the corpus removed" if stale else ""))
    if not engine.papers:
        why = "; ".join(report.unreadable) or "no record has both a title and a text"
        print(f"paperchat eval beir: no paper of {dataset.corpus} could be indexed ({why}).", file=sys.stderr)
        return 2
    if report.rejected:
        print(f"{len(report.rejected)} corpus records rejected, they cannot be retrieved; first: "
              f"{report.rejected[0]}", file=sys.stderr)
    result = evaluate(engine, dataset, settings.retrieval, progress=progress)
    result.seconds["ingest"] = ingest_seconds
    s = result.scores
    print(
        f"{dataset.name} {dataset.split} ({result.n_queries} queries, {result.n_papers} papers), "
        f"retriever {result.retriever}: nDCG@10 {s['ndcg@10']:.4f}  Recall@100 {s['recall@100']:.4f}  "
        f"MRR@10 {s['mrr@10']:.4f}  ({result.seconds['retrieve']:.1f} s retrieval, "
        f"{ingest_seconds:.1f} s opening and ingesting the corpus)"
    )
    if args.out:
        print(f"wrote {write_outputs(result, args.out)}")
    return 0
