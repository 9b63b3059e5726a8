"""The real chat page served on a free loopback port, for tests that drive it over HTTP or in a browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def served(engine) -> Iterator[str]:
    """Yields the page's URL; the server stops when the block ends."""
    from ui import build_app
    from ui.serve import start_in_background

    demo = build_app(engine)
    url = start_in_background(demo)
    try:
        yield url
    finally:
        demo.close()
