"""Regenerates docs/screenshot.png from the real page: `make screenshot` (or `python bench/screenshot.py OUT`).

It serves the page over the configured index (ingesting the built-in corpus when empty), asks a real question
in headless Chromium, opens the first cited source and captures the window. It also prints the page load time
to a usable chat, the number the README quotes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_QUESTION = "Compare DotaMath and InfinityMATH"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--question", default=DEFAULT_QUESTION)
    parser.add_argument("--data-dir", type=Path, help="index folder (default: the configured one)")
    parser.add_argument("--width", type=int, default=1500)
    parser.add_argument("--height", type=int, default=1150)
    args = parser.parse_args()

    from rag.offline import configure_offline

    configure_offline()
    from ingest.writer import ensure_builtin_corpus, open_engine
    from rag.settings import Settings
    from ui import build_app
    from ui.headless import headless_chromium
    from ui.serve import start_in_background

    engine = open_engine(Settings(**({"data_dir": args.data_dir} if args.data_dir else {})))
    ensure_builtin_corpus(engine, progress=True)
    demo = build_app(engine)
    url = start_in_background(demo)
    try:
        with headless_chromium() as browser:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            started = time.perf_counter()
            page.goto(url, wait_until="domcontentloaded")
            page.locator("#question textarea").wait_for(state="visible")
            page.wait_for_function("() => !document.querySelector('#question textarea').disabled")
            load_s = time.perf_counter() - started
            # The first question pays for warming caches; ask it once off-screen so the shot shows a usual one.
            engine.ask(args.question)
            box = page.locator("#question textarea")
            box.fill(args.question)
            started = time.perf_counter()
            box.press("Enter")
            page.locator("#sources #turn-1").wait_for(state="attached", timeout=120_000)
            answer_s = time.perf_counter() - started
            page.locator("#chat a.cite").first.click()
            page.wait_for_timeout(800)  # the source opens and scrolls smoothly
            page.locator("#chat .bubble-wrap, #chat [role=log]").first.evaluate("e => e.scrollTo(0, 0)")
            page.mouse.move(0, 0)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            bottom = page.locator("#export-bib").bounding_box()
            height = min(args.height, int(bottom["y"] + bottom["height"] + 24)) if bottom else args.height
            page.screenshot(path=str(args.out), clip={"x": 0, "y": 0, "width": args.width, "height": height})
    finally:
        demo.close()
    print(f"page load to usable chat: {load_s:.2f} s; question to complete answer: {answer_s:.2f} s")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
