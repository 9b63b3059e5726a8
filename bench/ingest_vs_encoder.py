"""Ingest throughput of the whole pipeline (read, chunk, embed, write to Chroma) vs the bare encoder on the same
chunks, alternating in one process, so the ratio shows what the pipeline costs on top of the model.

Each pipeline round ingests the built-in corpus into a fresh temporary store; each encoder round embeds exactly
the chunk texts that ingest produces, with the same Embedder object.

    .venv/bin/python bench/ingest_vs_encoder.py [--rounds 5] [--encoder onnx]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from rag.offline import configure_offline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--encoder", default="onnx", choices=["torch", "onnx", "onnx-int8"])
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "paperchat-bench-models")
    args = parser.parse_args()
    configure_offline()
    from ingest.chunking import chunk_paper
    from ingest.pipeline import BUILTIN_CORPUS, IngestReport, ingest, read_papers
    from rag.index.encoder import Embedder
    from rag.index.store import ChromaStore, open_client
    from rag.settings import IngestSettings, Settings

    settings = IngestSettings()
    embedder = Embedder("cpu", settings.batch_size, args.encoder, cache_dir=args.cache_dir)
    papers = read_papers([BUILTIN_CORPUS], settings, IngestReport())
    texts = [c.text for p in papers for c in chunk_paper(p, settings.chunk_tokens, settings.overlap_sentences)]
    embedder.embed(texts[:32])  # warm-up
    print(f"{len(papers)} papers, {len(texts)} chunks, encoder {args.encoder}, load {os.getloadavg()[0]:.1f}")
    pipeline, raw, stages = [], [], {"read+chunk": [], "store write": []}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(args.rounds):
            started = time.perf_counter()
            embedder.embed(texts)
            raw.append(len(texts) / (time.perf_counter() - started))

            client = open_client(Path(tmp) / f"round{round_no}")
            store = ChromaStore(client, f"bench-{Settings(data_dir=Path(tmp)).index_hash()}")
            started = time.perf_counter()
            report = ingest([BUILTIN_CORPUS], store, embedder, settings, progress=False)
            pipeline.append(report.chunks / (time.perf_counter() - started))
            assert report.chunks == len(texts) and store.count() == len(texts)

            # where the rest goes: reading + chunking alone, and writing precomputed vectors alone
            started = time.perf_counter()
            chunks = [c for p in read_papers([BUILTIN_CORPUS], settings, IngestReport()) for c in chunk_paper(p)]
            stages["read+chunk"].append(time.perf_counter() - started)
            other = ChromaStore(client, "bench-write-only")
            vectors = embedder.embed(texts)  # same vectors; only the write is timed
            started = time.perf_counter()
            other.write_papers(papers, chunks, vectors)
            stages["store write"].append(time.perf_counter() - started)
    ratios = [p / r for p, r in zip(pipeline, raw, strict=True)]
    print(f"raw encoder {statistics.median(raw):6.1f} chunks/s  (runs {', '.join(f'{v:.1f}' for v in raw)})")
    print(f"pipeline    {statistics.median(pipeline):6.1f} chunks/s  (runs {', '.join(f'{v:.1f}' for v in pipeline)})")
    each = ", ".join(f"{r:.3f}" for r in ratios)
    print(f"pipeline / raw: median x{statistics.median(ratios):.3f}  (per round {each})")
    for name, values in stages.items():
        print(f"  {name}: median {statistics.median(values) * 1000:.0f} ms for the whole corpus")
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
