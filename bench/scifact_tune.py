"""Tune hybrid retrieval on BEIR SciFact *train*, then look at *test* once with the chosen settings.

Running the CLI per setting would cost minutes each on 2 cores. Instead the chunk vectors are read back from
the already built collection and the 1,109 queries embedded once (`dump`), and every paper's dense and BM25
score is computed in numpy, so one setting takes a second (`grid`). The chosen settings are then checked
with the real `paperchat eval beir`, whose figures are the ones recorded in bench/README.md.

    .venv/bin/python bench/scifact_tune.py dump --data-dir /tmp/beir-data
    .venv/bin/python bench/scifact_tune.py grid    # train only: ~10 min on 2 shared cores
    .venv/bin/python bench/scifact_tune.py extras  # train: z-score fusion, Rocchio feedback (left out)
    .venv/bin/python bench/scifact_tune.py test    # the chosen setting on test
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

import numpy as np

from eval.beir import load, open_engine
from eval.metrics import mean_scores
from rag.index.lexical import LexicalIndex, tokenize
from rag.offline import configure_offline
from rag.settings import Settings
from rag.types import Paper

SCIFACT = Path("/work/shared/benchmarks/scifact/beir")
CACHE = Path("/tmp/beir-tune/scifact.npz")
DEPTH = 100


def dump(beir_dir: Path, data_dir: Path, cache: Path) -> None:
    """Chunk vectors (read back, not re-embedded) and query vectors, saved for `grid`."""
    train, test = load(beir_dir, "train"), load(beir_dir, "test")
    engine, report, _ = open_engine(Settings(data_dir=data_dir), test)
    print(report.summary())
    collection = engine.store._collection  # bench-only peek at the adapter: the store has no "export" method
    vecs, pids, offset = [], [], 0
    while page := collection.get(include=["embeddings", "metadatas"], limit=5000, offset=offset):
        if not page["ids"]:
            break
        vecs.append(np.asarray(page["embeddings"], dtype=np.float32))
        pids += [m["paper_id"] for m in page["metadatas"]]
        offset += len(page["ids"])
    queries = {**train.queries, **test.queries}
    started = time.perf_counter()
    qvecs = engine.embedder.embed(list(queries.values()))
    print(f"{len(queries)} queries embedded in {time.perf_counter() - started:.0f} s")
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, chunk_vecs=np.concatenate(vecs), chunk_pids=np.array(pids), qids=np.array(list(queries)),
             qvecs=qvecs)


class Bench:
    """Every query's score for every paper, dense and BM25, so fusions are array arithmetic."""

    def __init__(self, beir_dir: Path, data_dir: Path, cache: Path) -> None:
        data = np.load(cache)
        self.splits = {s: load(beir_dir, s) for s in ("train", "test")}
        engine, _, _ = open_engine(Settings(data_dir=data_dir), self.splits["test"], progress=False)
        self.papers: list[Paper] = list(engine.papers.values())
        self.pids = [p.paper_id for p in self.papers]
        index = {pid: i for i, pid in enumerate(self.pids)}
        self.qids = [str(q) for q in data["qids"]]
        self.qtext = {**self.splits["train"].queries, **self.splits["test"].queries}
        chunk_paper = np.array([index[p] for p in data["chunk_pids"]])
        sims = data["qvecs"] @ data["chunk_vecs"].T  # queries x chunks, cosine (unit vectors)
        order = np.argsort(chunk_paper, kind="stable")
        starts = np.r_[0, np.flatnonzero(np.diff(chunk_paper[order])) + 1]
        self.n_chunks = np.diff(np.r_[starts, len(order)])
        sorted_sims = sims[:, order]
        self.dense_max = np.maximum.reduceat(sorted_sims, starts, axis=1)
        self.dense_mean = np.add.reduceat(sorted_sims, starts, axis=1) / self.n_chunks
        # second-best chunk (or the best, for one-chunk papers): lets a paper matching in two places rise
        second = np.full_like(self.dense_max, -1.0)
        for j, (s, n) in enumerate(zip(starts, self.n_chunks, strict=True)):
            if n > 1:
                second[:, j] = np.sort(sorted_sims[:, s : s + n], axis=1)[:, -2]
            else:
                second[:, j] = sorted_sims[:, s]
        self.dense_second = second
        self._bm25: dict[tuple, np.ndarray] = {}

    def bm25(self, title_repeat: int = 1, k1: float = 0.9, b: float = 0.4) -> np.ndarray:
        key = (title_repeat, k1, b)
        if key not in self._bm25:
            index = LexicalIndex(self.papers, title_repeat=title_repeat, k1=k1, b=b)
            rows = []
            for qid in self.qids:
                tokens = [t for t in tokenize(self.qtext[qid]) if t in index._df]
                rows.append(np.asarray(index._bm25.get_scores(tokens)) if tokens else np.zeros(len(self.pids)))
            self._bm25[key] = np.vstack(rows)
        return self._bm25[key]

    def score(self, matrix: np.ndarray, split: str) -> dict[str, float]:
        dataset = self.splits[split]
        rows = {q: i for i, q in enumerate(self.qids)}
        run = {}
        for qid in dataset.qrels:
            row = matrix[rows[qid]]
            top = np.argpartition(-row, DEPTH)[:DEPTH]
            top = top[np.argsort(-row[top], kind="stable")]
            run[qid] = [self.pids[i] for i in top if np.isfinite(row[i])]
        return mean_scores(run, dataset.qrels)


def top_mask(scores: np.ndarray, depth: int) -> np.ndarray:
    """Which papers each retriever would hand to fusion: its top `depth` (positive scores only for BM25)."""
    mask = np.zeros_like(scores, dtype=bool)
    top = np.argpartition(-scores, depth, axis=1)[:, :depth]
    np.put_along_axis(mask, top, True, axis=1)
    return mask


def ranks(scores: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(-scores, axis=1), axis=1)


def rrf(dense: np.ndarray, lexical: np.ndarray, k: float, wd: float, wb: float, depth: int = DEPTH) -> np.ndarray:
    md, ml = top_mask(dense, depth), top_mask(lexical, depth) & (lexical > 0)
    return wd * md / (k + ranks(dense) + 1) + wb * ml / (k + ranks(lexical) + 1)


def minmax(scores: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Min-max over each query's candidates; non-candidates get 0 (as if at the list's bottom)."""
    masked = np.where(mask, scores, np.nan)
    lo, hi = np.nanmin(masked, axis=1, keepdims=True), np.nanmax(masked, axis=1, keepdims=True)
    return np.where(mask, (scores - lo) / np.maximum(hi - lo, 1e-9), 0.0)


def convex(dense: np.ndarray, lexical: np.ndarray, w: float, depth: int = DEPTH) -> np.ndarray:
    """w * dense + (1 - w) * BM25, each min-max normalised over its own candidates."""
    md, ml = top_mask(dense, depth), top_mask(lexical, depth) & (lexical > 0)
    fused = w * minmax(dense, md) + (1 - w) * minmax(lexical, ml)
    return np.where(md | ml, fused, -np.inf)


def table(rows: list[tuple[str, dict[str, float]]]) -> None:
    for name, s in rows:
        print(f"{name:<58} nDCG@10 {s['ndcg@10']:.4f}  R@100 {s['recall@100']:.4f}  MRR@10 {s['mrr@10']:.4f}")


def grid(bench: Bench) -> None:
    """Everything here looks at train only."""
    split = "train"
    print(f"== single retrievers ({split})")
    table([
        ("dense: best chunk per paper (max-pool)", bench.score(bench.dense_max, split)),
        ("dense: mean of the chunk similarities", bench.score(bench.dense_mean, split)),
        *[(f"dense: best + {a} x second-best chunk", bench.score(bench.dense_max + a * bench.dense_second, split))
          for a in (0.1, 0.3)],
    ])
    rows = [(f"bm25 title x{tr} k1={k1} b={b}", bench.score(bench.bm25(tr, k1, b), split))
            for tr, k1, b in itertools.product((1, 2, 3), (0.9, 1.2, 1.5), (0.4, 0.6, 0.75))]
    table(sorted(rows, key=lambda r: -r[1]["ndcg@10"]))
    print(f"== fusions ({split}), best first")
    found: list[tuple[str, dict[str, float]]] = []
    for tr, k1, b in itertools.product((1, 2, 3), (0.9, 1.2), (0.4, 0.6, 0.75)):
        lexical = bench.bm25(tr, k1, b)
        name = f"bm25 x{tr} {k1}/{b}"
        for k, wd in itertools.product((10, 30, 60), (0.6, 1.0, 1.5)):
            fused = rrf(bench.dense_max, lexical, k, wd, 1)
            found.append((f"rrf k={k} dense {wd}:1 | {name}", bench.score(fused, split)))
        for w in (0.3, 0.4, 0.5, 0.6, 0.7):
            found.append((f"convex dense {w} | {name}", bench.score(convex(bench.dense_max, lexical, w), split)))
    found.sort(key=lambda r: -r[1]["ndcg@10"])
    table(found[:20])
    print("...")
    table([r for r in found if r[0].startswith("rrf")][:3])
    table([r for r in found if r[0] in CHOSEN_ROWS])


def extras(bench: Bench, cache: Path) -> None:
    """Ideas tried on train and left out: z-score normalisation, and Rocchio feedback on the query vector
    (the query moved towards the mean vector of the top fused papers, then fused again)."""
    split, lexical = "train", bench.bm25(2, 0.9, 0.4)
    md, ml = top_mask(bench.dense_max, DEPTH), top_mask(lexical, DEPTH) & (lexical > 0)

    def zscore(scores: np.ndarray, mask: np.ndarray) -> np.ndarray:
        masked = np.where(mask, scores, np.nan)
        z = (scores - np.nanmean(masked, 1, keepdims=True)) / np.maximum(np.nanstd(masked, 1, keepdims=True), 1e-9)
        return np.where(mask, z, np.nanmin(np.where(mask, z, np.nan), 1, keepdims=True))

    base = convex(bench.dense_max, lexical, 0.5)
    rows = [("convex dense 0.5 | bm25 x2 0.9/0.4 (chosen)", bench.score(base, split))]
    for w in (0.4, 0.5, 0.6):
        fused = np.where(md | ml, w * zscore(bench.dense_max, md) + (1 - w) * zscore(lexical, ml), -np.inf)
        rows.append((f"z-score dense {w}", bench.score(fused, split)))
    data = np.load(cache)
    index = {pid: i for i, pid in enumerate(bench.pids)}
    chunk_paper = np.array([index[p] for p in data["chunk_pids"]])
    paper_vecs = np.zeros((len(bench.pids), data["chunk_vecs"].shape[1]), np.float32)
    np.add.at(paper_vecs, chunk_paper, data["chunk_vecs"])
    paper_vecs /= np.linalg.norm(paper_vecs, axis=1, keepdims=True)
    order = np.argsort(chunk_paper, kind="stable")
    starts = np.r_[0, np.flatnonzero(np.diff(chunk_paper[order])) + 1]
    top = np.argsort(-base, axis=1)
    for m, beta in itertools.product((3, 5, 10), (0.3, 0.6)):
        moved = data["qvecs"] + beta * paper_vecs[top[:, :m]].mean(1)
        moved /= np.linalg.norm(moved, axis=1, keepdims=True)
        dense = np.maximum.reduceat((moved @ data["chunk_vecs"].T)[:, order], starts, axis=1)
        rows.append((f"rocchio top {m} beta {beta}, then convex 0.5", bench.score(convex(dense, lexical, 0.5), split)))
    table(rows)


CHOSEN = {"title_repeat": 2, "k1": 0.9, "b": 0.4, "dense_weight": 0.5}
CHOSEN_ROWS = {"convex dense 0.5 | bm25 x2 0.9/0.4", "rrf k=60 dense 1.0:1 | bm25 x1 0.9/0.4"}


def test(bench: Bench) -> None:
    """The chosen setting on test, next to the single retrievers; run once, after choosing on train."""
    lexical = bench.bm25(CHOSEN["title_repeat"], CHOSEN["k1"], CHOSEN["b"])
    table([
        ("test dense (exact max-pool)", bench.score(bench.dense_max, "test")),
        ("test bm25 (chosen index)", bench.score(lexical, "test")),
        ("test hybrid (chosen)", bench.score(convex(bench.dense_max, lexical, CHOSEN["dense_weight"]), "test")),
    ])


def main() -> None:
    configure_offline()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["dump", "grid", "extras", "test"])
    parser.add_argument("--beir-dir", type=Path, default=SCIFACT)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/beir-data"))
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    if args.step == "dump":
        dump(args.beir_dir, args.data_dir, args.cache)
        return
    started = time.perf_counter()
    bench = Bench(args.beir_dir, args.data_dir, args.cache)
    print(f"loaded in {time.perf_counter() - started:.0f} s")
    if args.step == "grid":
        grid(bench)
    elif args.step == "extras":
        extras(bench, args.cache)
    else:
        test(bench)



if __name__ == "__main__":
    main()
