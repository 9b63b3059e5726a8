"""A store of about 100,000 chunks for the latency and memory benchmarks, built from SciFact in minutes.

Embedding 100,000 chunks here would take hours, and these benchmarks measure the store, BM25 and the
answerer, not the encoder. So:

- the 5,183 SciFact abstracts are chunked by the real chunker, and paired with their real chunk vectors as
  built by `paperchat eval beir` (read from `bench/scifact_tune.py dump`'s cache; the pairing is checked by
  re-embedding a sample: cosine > 0.999 or the script stops);
- variants are added until the target: variant v of a paper has the paper's abstract sentences in another
  (seeded) order, id `<id>~v<v>`, the same title, chunked by the real chunker; chunk j of a variant gets the
  vector of the original's chunk j (the last one when the variant has more), plus Gaussian noise
  (sigma 0.015 per dimension, about cosine 0.96 to the original), re-normalised;
- everything is written through `ChromaStore.write_papers`, as ingest writes, into the collection the engine
  opens for `--prefix` (default `scale100k`) with the default encoder's index hash.

    .venv/bin/python bench/scale_corpus.py --data-dir /tmp/paperchat-100k [--chunks 100000]

`--random-vectors` gives every original chunk a random unit vector instead (no dump needed, nothing embedded):
for benchmarks of opening the store and BM25, where what the vectors mean does not matter.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from rag.offline import configure_offline

SCIFACT = Path("/work/shared/benchmarks/scifact/beir")
CACHE = Path("/tmp/beir-tune/scifact.npz")
SIGMA = 0.015
WRITE_CHUNKS = 4000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--prefix", default="scale100k")
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--beir-dir", type=Path, default=SCIFACT)
    parser.add_argument("--vectors", type=Path, default=CACHE, help="scifact_tune.py dump's .npz")
    parser.add_argument("--random-vectors", action="store_true", help="random unit vectors, no dump needed")
    args = parser.parse_args()
    configure_offline()
    from ingest.chunking import chunk_paper
    from ingest.readers.jsonl import read
    from rag.index.encoder import Embedder
    from rag.index.store import ChromaStore, open_client
    from rag.settings import Settings, StoreSettings
    from rag.text.sentences import split_sentences
    from rag.types import Paper

    settings = Settings(data_dir=args.data_dir, store=StoreSettings(collection_prefix=args.prefix))
    papers = [r for r in read(args.beir_dir / "corpus.jsonl") if isinstance(r, Paper)]
    originals = [(p, chunk_paper(p, settings.ingest.chunk_tokens, settings.ingest.overlap_sentences)) for p in papers]
    by_paper: dict[str, list[np.ndarray]] = {}
    if args.random_vectors:
        unit = np.random.default_rng(1)
        for p, chunks in originals:
            vecs = unit.normal(size=(len(chunks), 384)).astype(np.float32)
            by_paper[p.paper_id] = list(vecs / np.linalg.norm(vecs, axis=1, keepdims=True))
    else:
        cached = np.load(args.vectors)
        for pid, vec in zip(cached["chunk_pids"], cached["chunk_vecs"], strict=True):
            by_paper.setdefault(str(pid), []).append(vec)
    mismatched = [p.paper_id for p, chunks in originals if len(chunks) != len(by_paper.get(p.paper_id, []))]
    if mismatched:
        raise SystemExit(f"{len(mismatched)} papers chunk differently from the cached vectors (e.g. {mismatched[:3]})")

    rng = random.Random(0)
    if not args.random_vectors:
        sample = rng.sample([(c.text, by_paper[p.paper_id][j]) for p, cs in originals for j, c in enumerate(cs)], 24)
        embedder = Embedder("cpu", encoder=settings.encoder, cache_dir=args.data_dir / "models")
        agreement = (embedder.embed([t for t, _ in sample]) * np.stack([v for _, v in sample])).sum(axis=1)
        print(f"pairing check on 24 chunks: cosine min {agreement.min():.5f}")
        if agreement.min() < 0.999:
            raise SystemExit("cached vectors do not belong to these chunk texts")

    noise = np.random.default_rng(0)
    store = ChromaStore(open_client(args.data_dir), f"{args.prefix}-{settings.index_hash()}")
    if store.count():
        raise SystemExit(f"{store.name} in {args.data_dir} already holds {store.count():,} chunks")
    pending_papers, pending_chunks, pending_vecs = [], [], []
    total, started = 0, time.perf_counter()

    def flush() -> None:
        store.write_papers(pending_papers, pending_chunks, np.stack(pending_vecs).astype(np.float32))
        pending_papers.clear(), pending_chunks.clear(), pending_vecs.clear()

    variant = 0
    while total < args.chunks:
        for paper, chunks in originals:
            if total >= args.chunks:
                break
            vectors = by_paper[paper.paper_id]
            if variant:
                sentences = split_sentences(paper.abstract)
                rng.shuffle(sentences)
                paper = Paper(f"{paper.paper_id}~v{variant}", paper.title, " ".join(sentences), source="scale-bench")
                chunks = chunk_paper(paper, settings.ingest.chunk_tokens, settings.ingest.overlap_sentences)
                chosen = [vectors[min(j, len(vectors) - 1)] for j in range(len(chunks))]
                chosen = [v + noise.normal(0, SIGMA, v.shape) for v in chosen]
                vecs = [v / np.linalg.norm(v) for v in chosen]
            else:
                vecs = vectors
            pending_papers.append(paper)
            pending_chunks.extend(chunks)
            pending_vecs.extend(vecs)
            total += len(chunks)
            if len(pending_chunks) >= WRITE_CHUNKS:
                flush()
                print(f"  {total:,} chunks written, {time.perf_counter() - started:.0f} s", flush=True)
        variant += 1
    if pending_chunks:
        flush()
    print(f"{store.name}: {store.count():,} chunks of {variant} rounds over {len(papers):,} papers "
          f"in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
