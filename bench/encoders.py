"""Encoder throughput on the built-in corpus's chunks: torch (sentence-transformers) vs ONNX Runtime fp32 vs int8.

The runtimes take turns round after round in one process, so a neighbour's load hits all of them alike; the
medians and the ratios to torch are what to read. Also prints how close each runtime's vectors are to torch's.

    .venv/bin/python bench/encoders.py [--rounds 5] [--chunks 96]
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
    parser.add_argument("--chunks", type=int, default=96, help="chunks per round (0: all 167)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "paperchat-bench-models")
    args = parser.parse_args()
    configure_offline()
    from ingest.chunking import chunk_paper
    from ingest.pipeline import BUILTIN_CORPUS, IngestReport, read_papers
    from rag.index.encoder import Embedder
    from rag.settings import IngestSettings

    papers = read_papers([BUILTIN_CORPUS], IngestSettings(), IngestReport())
    texts = [c.text for p in papers for c in chunk_paper(p)]
    texts = texts[: args.chunks] if args.chunks else texts
    embedders = {name: Embedder("cpu", args.batch_size, name, cache_dir=args.cache_dir)
                 for name in ("torch", "onnx", "onnx-int8")}
    tokens = [embedders["onnx"].count_model_tokens(t) for t in texts]
    print(f"{len(texts)} chunks, median {statistics.median(tokens):.0f} word pieces (max {max(tokens)}), "
          f"batch {args.batch_size}, load {os.getloadavg()[0]:.1f}")
    reference = embedders["torch"].embed(texts)
    for name, embedder in embedders.items():
        cosines = (embedder.embed(texts) * reference).sum(axis=1)  # also the warm-up round
        print(f"  {name:<10} cosine to torch: min {cosines.min():.5f}, mean {cosines.mean():.5f}")
    rates: dict[str, list[float]] = {name: [] for name in embedders}
    for _ in range(args.rounds):
        for name, embedder in embedders.items():
            started = time.perf_counter()
            embedder.embed(texts)
            rates[name].append(len(texts) / (time.perf_counter() - started))
    base = statistics.median(rates["torch"])
    for name, values in rates.items():
        ratios = [r / t for r, t in zip(values, rates["torch"], strict=True)]
        print(f"{name:<10} {statistics.median(values):6.1f} chunks/s (runs {', '.join(f'{v:.1f}' for v in values)})"
              f"  x{statistics.median(values) / base:.2f} of torch (per-round median x{statistics.median(ratios):.2f})")
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
