"""Headless Chromium for the browser tests and the README screenshot: the Debian package, never a download.

The flags keep Chromium from phoning home (there is no network here) and from needing a GPU or a sandbox.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
MISSING = "Chromium is not installed: run `make browsers` (apt-get install -y chromium)."


def chromium_path() -> str | None:
    return CHROMIUM if shutil.which(CHROMIUM) else shutil.which("chromium")


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """A Playwright Browser over the system Chromium; raises RuntimeError when Chromium is missing."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError(MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
