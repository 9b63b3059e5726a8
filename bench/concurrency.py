"""The chat page under 20 people at once: per-question latency (p50/p95) and throughput over the page's HTTP API.

Each simulated person is its own `gradio_client.Client`, so its own session and conversation, as a browser tab
would be. After a warm-up pass over every question (not timed), one client asks N questions one after another
(the baseline), then N clients start together and each asks R questions in a row. Latency is from sending a
question to receiving the finished answer (sources included), so it holds the page's sentence-by-sentence reveal
too (`PAPERCHAT_UI__STREAM_DELAY_MS`, 40 ms a piece by default). The load average of the machine is printed with
the figures: on a shared machine they mean little without it.

    .venv/bin/python bench/concurrency.py --data-dir DIR              # serves DIR's index here, on loopback
    .venv/bin/python bench/concurrency.py --url http://127.0.0.1:7860/ # a page that is already running
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from pathlib import Path

from rag.offline import configure_offline

DEV = Path(__file__).resolve().parents[1] / "eval" / "questions" / "dev.jsonl"


def load_questions(path: Path) -> list[str]:
    """Stand-alone questions of a question set (follow-ups need their history, which a fresh client lacks)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["question"] for row in rows if not row.get("history")]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ask_all(url: str, questions: list[str], start: threading.Barrier | None = None) -> list[float]:
    """One person: connects, waits for the others (when racing them), then asks in turn; seconds per answer."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    if start is not None:
        start.wait()
    took = []
    for question in questions:
        began = time.perf_counter()
        chat = client.predict(question, api_name="/ask")[1]
        took.append(time.perf_counter() - began)
        if "answer-meta" not in json.dumps(chat) and "chat-error" not in json.dumps(chat):
            raise RuntimeError(f"no finished answer for {question!r}")
    return took


def run_concurrent(url: str, questions: list[str], clients: int, rounds: int) -> tuple[list[float], float]:
    """Every client gets a different slice of the questions, so no two ask the same thing at the same moment."""
    start = threading.Barrier(clients + 1)
    latencies: list[float] = []
    errors: list[BaseException] = []

    def person(i: int) -> None:
        mine = [questions[(i + clients * r) % len(questions)] for r in range(rounds)]
        try:
            latencies.extend(ask_all(url, mine, start))
        except BaseException as exc:
            errors.append(exc)
            start.abort()

    threads = [threading.Thread(target=person, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return latencies, time.perf_counter() - began


def line(name: str, latencies: list[float], wall: float) -> str:
    return (f"| {name} | {len(latencies)} | {statistics.median(latencies):.2f} | {percentile(latencies, 95):.2f} | "
            f"{max(latencies):.2f} | {len(latencies) / wall:.2f} |")


def serve(data_dir: Path | None) -> tuple[str, object]:
    from rag.engine import Engine
    from rag.settings import Settings
    from ui import build_app
    from ui.serve import start_in_background

    settings = Settings(data_dir=data_dir) if data_dir else Settings()
    engine = Engine(settings)
    if not engine.papers:
        raise SystemExit(f"no papers indexed at {engine.location}: run `paperchat ingest` first")
    demo = build_app(engine)
    return start_in_background(demo), demo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running chat page; default: serve --data-dir's index here")
    parser.add_argument("--data-dir", type=Path, help="index to serve (default: the configured data dir)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="questions each client asks, one after another")
    parser.add_argument("--questions", type=Path, default=DEV)
    args = parser.parse_args()
    configure_offline()

    demo = None
    url = args.url
    if url is None:
        url, demo = serve(args.data_dir)
    questions = load_questions(args.questions)
    try:
        # Warm-up, not timed: every question once, so both runs meet the same warm sentence-vector cache and
        # neither pays first-request costs.
        ask_all(url, list(dict.fromkeys(questions[: max(args.clients * args.rounds, args.clients)])))
        load_before = os.getloadavg()
        began = time.perf_counter()
        single = ask_all(url, questions[: args.clients])
        single_wall = time.perf_counter() - began
        many, many_wall = run_concurrent(url, questions, args.clients, args.rounds)
        load_after = os.getloadavg()
    finally:
        if demo is not None:
            demo.close()
    print(f"page: {url}  cores: {os.cpu_count()}  load average (1/5/15 min) before: "
          f"{'/'.join(f'{x:.1f}' for x in load_before)}, after: {'/'.join(f'{x:.1f}' for x in load_after)}")
    print("| run | answers | p50 s | p95 s | max s | answers/s |")
    print("|---|---:|---:|---:|---:|---:|")
    print(line("1 client, in turn", single, single_wall))
    print(line(f"{args.clients} clients at once x {args.rounds} rounds", many, many_wall))


if __name__ == "__main__":
    main()
