"""Cold start and memory: `paperchat --help`, `paperchat ask` (process start to printed answer), the chat page
ready (process start to the page answering HTTP 200), and the peak RSS of `paperchat serve`.

Each figure is a fresh process, repeated, median reported. The serve figure is the VmHWM (peak RSS) of the serve
process once the page is ready and has been loaded a few times; answering questions adds the engine's sentence
cache, whose peak `bench/query_latency.py` prints after its questions (same engine, same process shape).

    .venv/bin/python bench/startup.py --data-dir DIR [--runs 3] [--prefix papers]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PAPERCHAT = str(Path(sys.executable).with_name("paperchat"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to exit, and the child's peak RSS (MB) from wait4's rusage."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def serve_once(env: dict[str, str], data_dir: Path, pages: int) -> tuple[float, float]:
    """Seconds from spawn until GET / answers 200, and VmHWM after `pages` more page loads."""
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen([PAPERCHAT, "serve", "--data-dir", str(data_dir), "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit("paperchat serve exited before the page was ready")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        ready = time.perf_counter() - started
        for _ in range(pages):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read()
        return ready, peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="a store with the corpus already ingested")
    parser.add_argument("--prefix", default="papers")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--question", default="How many of the 397 test puzzles does Codex solve with a single try?")
    parser.add_argument("--only", choices=["help", "ask", "serve"], action="append")
    parser.add_argument("--encoder", choices=["onnx", "torch", "onnx-int8"], action="append",
                        help="the encoders `ask` is timed with (default: onnx and torch)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERCHAT_")}
    env["PAPERCHAT_STORE__COLLECTION_PREFIX"] = args.prefix
    print(f"load {os.getloadavg()[0]:.1f}")
    only = args.only or ["help", "ask", "serve"]
    cases: list[tuple[str, list[str], dict[str, str]]] = []
    if "help" in only:
        cases.append(("paperchat --help", [PAPERCHAT, "--help"], env))
    if "ask" in only:
        for encoder in args.encoder or ["onnx", "torch"]:
            argv = [PAPERCHAT, "ask", "--data-dir", str(args.data_dir), "--encoder", encoder, args.question]
            cases.append((f"paperchat ask ({encoder})", argv, env))
    for name, argv, case_env in cases:
        runs = [timed_run(argv, case_env) for _ in range(args.runs)]
        seconds = [r[0] for r in runs]
        print(f"{name:<28} median {statistics.median(seconds):5.2f} s  (runs {', '.join(f'{s:.2f}' for s in seconds)})"
              f"  peak RSS {statistics.median(r[1] for r in runs):.0f} MB")
    if "serve" in only:
        runs = [serve_once(env, args.data_dir, pages=3) for _ in range(args.runs)]
        seconds = [r[0] for r in runs]
        print(f"{'serve: page ready':<28} median {statistics.median(seconds):5.2f} s  "
              f"(runs {', '.join(f'{s:.2f}' for s in seconds)})  peak RSS {max(r[1] for r in runs):.0f} MB")
    print(f"load after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
