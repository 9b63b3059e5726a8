"""Query latency, warm: retrieval alone (`Engine.search`) and the full extractive answer (`Engine.ask`), p50/p95.

"Warm" means the process has loaded the model, the store and BM25, and has answered a few other questions
first (not timed). The timed questions are each asked once, so the answerer's in-process sentence-vector cache
holds only what earlier questions left in it, as in a real session; `--repeat` adds a pass where every question
is asked again (everything cached). Since issue 17 sentence vectors are stored at ingest, so a first ask only
looks them up; on a store ingested before that, the answerer embeds them itself (the count is printed).

    .venv/bin/python bench/query_latency.py --data-dir DIR                      # built-in corpus, dev questions
    .venv/bin/python bench/query_latency.py --data-dir /tmp/paperchat-100k --prefix scale100k \
        --questions /work/shared/benchmarks/scifact/beir/queries.jsonl --n 100  # the 100,000-chunk store
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from rag.offline import configure_offline

DEV = Path(__file__).resolve().parents[1] / "eval" / "questions" / "dev.jsonl"


def load_questions(path: Path) -> list[str]:
    """Question-set lines ("question") or BEIR queries.jsonl lines ("text"); follow-ups are left out (they
    need their history)."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if not row.get("history"):
                questions.append(row.get("question") or row["text"])
    return questions


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--prefix", default="papers", help="collection prefix (store.collection_prefix)")
    parser.add_argument("--questions", type=Path, default=DEV)
    parser.add_argument("--n", type=int, default=0, help="timed questions (0: all)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--repeat", action="store_true")
    parser.add_argument("--encoder", default="onnx", choices=["torch", "onnx", "onnx-int8"])
    args = parser.parse_args()
    configure_offline()
    from rag.engine import Engine
    from rag.settings import Settings, StoreSettings

    started = time.perf_counter()
    store = StoreSettings(collection_prefix=args.prefix)
    settings = Settings(data_dir=args.data_dir, encoder=args.encoder, store=store)
    engine = Engine(settings)
    opened = time.perf_counter() - started
    chunks = engine.store.count()
    questions = load_questions(args.questions)
    warm, timed = questions[: args.warmup], questions[args.warmup :]
    timed = timed[: args.n] if args.n else timed
    print(f"{len(engine.papers):,} papers, {chunks:,} chunks; engine opened in {opened:.1f} s; "
          f"{len(timed)} timed questions; encoder {args.encoder}; load {os.getloadavg()[0]:.1f}")
    for q in warm:
        engine.ask(q)
    passes = [("first ask", timed)] + ([("asked again", timed)] if args.repeat else [])
    for label, batch in passes:
        search_ms, ask_ms, embed_ms = [], [], []
        for q in batch:
            t0 = time.perf_counter()
            engine.embedder.embed_query(q)
            t1 = time.perf_counter()
            engine.search(q)
            t2 = time.perf_counter()
            engine.ask(q)
            t3 = time.perf_counter()
            embed_ms.append((t1 - t0) * 1000)
            search_ms.append((t2 - t1) * 1000)
            ask_ms.append((t3 - t2) * 1000)
        for name, values in (("query embedding", embed_ms), ("retrieval", search_ms), ("full answer", ask_ms)):
            p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
            print(f"{label:<12} {name:<16} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms  (mean {statistics.mean(values):.1f})")
        print(f"{label:<12} sentences the answerer embedded itself (not stored at ingest): "
              f"{engine.sentence_vectors.embedded}")
    peak = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
    print(f"peak RSS of this process: {int(peak.split()[1]) / 1024:.0f} MB; load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
