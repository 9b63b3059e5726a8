"""Opening an index at scale: the paper table and BM25 rebuilt (as every start did before issue 17) vs loaded from
the snapshot saved under the store's version (rag/index/snapshot.py); seconds and peak RSS, each in a fresh process.

The papers are those of bench/scale_corpus.py's 100,000-chunk store, made the same way without Chroma or vectors
(the 5,183 SciFact abstracts plus variants whose sentences are shuffled, seeded), so the figures isolate what the
snapshot replaces. Reading every chunk's metadata from Chroma (`stored_papers()`, which the snapshot also skips)
and opening Chroma itself are not part of them.

    .venv/bin/python bench/open_index.py [--papers 37010] [--runs 3]

With `--data-dir` (a store built by bench/scale_corpus.py), the whole engine is opened instead (Chroma, the paper
table, BM25), in a fresh process each time: "rebuild" removes the snapshots first, "load" finds the one the
previous open saved. Run it under `PYTHONPATH=<an older checkout>` to time code from before the snapshots.

    .venv/bin/python bench/open_index.py --data-dir /tmp/paperchat-100k --prefix scale100k
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rag.offline import configure_offline

SCIFACT = Path("/work/shared/benchmarks/scifact/beir/corpus.jsonl")
QUERY = "vitamin D supplementation reduces the risk of fractures in older adults"


def papers(n: int, corpus: Path):
    from ingest.readers.jsonl import read
    from rag.text.sentences import split_sentences
    from rag.types import Paper

    originals = [r for r in read(corpus) if isinstance(r, Paper)]
    made, rng, v = list(originals), random.Random(17), 0
    while len(made) < n:
        v += 1
        for p in originals:
            sentences = split_sentences(p.abstract)
            rng.shuffle(sentences)
            made.append(Paper(f"{p.paper_id}~v{v}", p.title, " ".join(sentences)))
    return {p.paper_id: p for p in made[:n]}


def child(mode: str, folder: Path, n: int, corpus: Path) -> dict:
    """One measurement in this (fresh) process: rebuild, or load the snapshot in `folder`."""
    configure_offline()
    import bm25s  # noqa: F401 - imported before the clock starts, as a running engine has it already

    from rag.index import snapshot
    from rag.index.lexical import LexicalIndex

    table = papers(n, corpus) if mode in ("rebuild", "save") else None
    started = time.perf_counter()
    if mode == "load":
        table, lexical = snapshot.load(folder, "bench")
    else:
        lexical = LexicalIndex(list(table.values()), 1)
    corpus_text = "\n".join(f"{p.title}\n{p.abstract}" for p in table.values())
    opened = time.perf_counter() - started
    if mode == "save":
        snapshot.save(folder, "bench", table, lexical)
    t0 = time.perf_counter()
    hits = lexical.search(QUERY, 100)
    search_ms = (time.perf_counter() - t0) * 1000
    peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
    return {"seconds": opened, "search_ms": search_ms, "rss_mb": int(peak.split()[1]) / 1024,
            "papers": len(table), "top": hits[0][0] if hits else "", "chars": len(corpus_text)}


def run_child(mode: str, folder: Path, n: int, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--folder", str(folder), "--papers", str(n),
                          "--corpus", str(corpus)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def engine_child(data_dir: Path, prefix: str) -> dict:
    """Opens the engine over a built store, as `serve` does before it can answer."""
    started = time.perf_counter()
    configure_offline()
    from rag.engine import Engine
    from rag.settings import Settings, StoreSettings

    imported = time.perf_counter()
    # The store alone: the encoder a serving process also loads (~190 MB) is left to the first question.
    engine = Engine(Settings(data_dir=data_dir, store=StoreSettings(collection_prefix=prefix)), encoder_early=False)
    opened = time.perf_counter() - imported
    t0 = time.perf_counter()
    engine.view.lexical.search(QUERY, 100)
    search_ms = (time.perf_counter() - t0) * 1000
    peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
    return {"seconds": opened, "import_s": imported - started, "search_ms": search_ms,
            "rss_mb": int(peak.split()[1]) / 1024, "papers": len(engine.papers), "chunks": engine.store.count()}


def engines(data_dir: Path, prefix: str, runs: int) -> None:
    import shutil

    def run(mode: str) -> dict:
        if mode == "rebuild":
            shutil.rmtree(data_dir / "snapshots", ignore_errors=True)
        out = subprocess.run([sys.executable, __file__, "--engine-child", "--data-dir", str(data_dir), "--prefix",
                              prefix], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.splitlines()[-1])

    print(f"load {os.getloadavg()[0]:.1f}")
    rows: dict[str, list[dict]] = {"rebuild": [], "load": []}
    for _ in range(runs):
        for mode in rows:
            rows[mode].append(run(mode))
    for mode, found in rows.items():
        each = ", ".join(f"{r['seconds']:.2f}" for r in found)
        print(f"engine {mode:<8} {found[0]['chunks']:,} chunks, {found[0]['papers']:,} papers: opened in "
              f"{statistics.median(r['seconds'] for r in found):6.2f} s (runs {each}; imports "
              f"{statistics.median(r['import_s'] for r in found):.1f} s before that)  first BM25 search "
              f"{statistics.median(r['search_ms'] for r in found):6.1f} ms  peak RSS "
              f"{statistics.median(r['rss_mb'] for r in found):5.0f} MB")
    print(f"load after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=37_010, help="37,010 papers = the 100,001-chunk store")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=SCIFACT)
    parser.add_argument("--child", choices=["rebuild", "save", "load"])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--data-dir", type=Path, help="open the engine over this store instead")
    parser.add_argument("--prefix", default="papers", help="collection prefix of the store in --data-dir")
    parser.add_argument("--engine-child", action="store_true")
    args = parser.parse_args()
    if args.engine_child:
        print(json.dumps(engine_child(args.data_dir, args.prefix)))
        return
    if args.data_dir:
        engines(args.data_dir, args.prefix, args.runs)
        return
    if args.child:
        print(json.dumps(child(args.child, args.folder, args.papers, args.corpus)))
        return
    with tempfile.TemporaryDirectory() as folder:
        saved = run_child("save", Path(folder), args.papers, args.corpus)
        size = sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file()) / 1e6
        print(f"{saved['papers']:,} papers; snapshot {size:,.0f} MB; load {os.getloadavg()[0]:.1f}")
        rows: dict[str, list[dict]] = {"rebuild": [], "load": []}
        for _ in range(args.runs):  # taking turns, so load changes hit both alike
            for mode in rows:
                rows[mode].append(run_child(mode, Path(folder), args.papers, args.corpus))
        assert rows["rebuild"][0]["top"] == rows["load"][0]["top"], "the loaded index ranks differently"
        for mode, runs in rows.items():
            each = ", ".join(f"{r['seconds']:.2f}" for r in runs)
            print(f"{mode:<8} paper table + BM25 {statistics.median(r['seconds'] for r in runs):6.2f} s  "
                  f"(runs {each})  first BM25 search "
                  f"{statistics.median(r['search_ms'] for r in runs):6.1f} ms  peak RSS "
                  f"{statistics.median(r['rss_mb'] for r in runs):5.0f} MB")
        print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
