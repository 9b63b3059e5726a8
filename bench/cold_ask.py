"""Cold `paperchat ask` (process start to printed answer), this checkout against an older one, taking turns.

Each run is a fresh process; the two sides alternate run by run, so a neighbour's load falls on both alike, and
what to read is the median of the per-pair ratios (this / baseline). Each side answers from a store its own code
ingested (the store format changed between them), with the same question.

    git archive 8d680a3 --prefix=base/ | tar -x -C /tmp
    PYTHONPATH=/tmp/base .venv/bin/python -m ui.cli ingest --quiet --data-dir /tmp/pc-base
    .venv/bin/python bench/cold_ask.py --baseline /tmp/base --baseline-data /tmp/pc-base --data-dir DIR [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def cold_ask(code: Path, data_dir: Path, question: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "--data-dir", str(data_dir), question],
                          env=env, cwd="/", capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{code}: exit {done.returncode}: {done.stderr[-500:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="an older checkout of the repository")
    parser.add_argument("--baseline-data", type=Path, required=True, help="a store the older code ingested")
    parser.add_argument("--data-dir", type=Path, required=True, help="a store this checkout ingested")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--question", default="How many of the 397 test puzzles does Codex solve with a single try?")
    args = parser.parse_args()
    cold_ask(HERE, args.data_dir, args.question)  # warm the page cache for both (not timed)
    cold_ask(args.baseline, args.baseline_data, args.question)
    print(f"load before: {os.getloadavg()[0]:.1f}")
    this, base = [], []
    for _ in range(args.runs):
        base.append(cold_ask(args.baseline, args.baseline_data, args.question))
        this.append(cold_ask(HERE, args.data_dir, args.question))
    ratios = [t / b for t, b in zip(this, base, strict=True)]
    print(f"baseline   median {statistics.median(base):.2f} s  (runs {', '.join(f'{s:.2f}' for s in base)})")
    print(f"this       median {statistics.median(this):.2f} s  (runs {', '.join(f'{s:.2f}' for s in this)})")
    print(f"this / baseline: median of per-pair ratios x{statistics.median(ratios):.2f} "
          f"(pairs {', '.join(f'{r:.2f}' for r in ratios)})")
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
