"""The real chat page served on a free loopback port, for tests that drive it over HTTP or in a browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def served(engine, auth: tuple[str, str] | None = None) -> Iterator[str]:
    """Yields the page's URL (no trailing slash with `auth`: the sign-in tests append paths); the server stops
    when the block ends. `auth`: the one user and password the page lets in."""
    from ui import build_app
    from ui.serve import start_in_background

    demo = build_app(engine)
    url = start_in_background(demo, auth=auth) if auth else start_in_background(demo)
    try:
        yield url.rstrip("/") if auth else url
    finally:
        demo.close()
