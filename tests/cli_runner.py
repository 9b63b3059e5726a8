"""The installed `paperchat` command run as a user runs it, against a data folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PAPERCHAT = str(Path(sys.executable).with_name("paperchat"))


def run_cli(*args: str, data_dir: Path, input: str | None = None, **env: str) -> subprocess.CompletedProcess:
    """`env` adds variables; PAPERCHAT_CHROMA_URL from the caller's shell is dropped, so a test uses the store
    it names and never a server someone left configured."""
    merged = {k: v for k, v in os.environ.items() if k != "PAPERCHAT_CHROMA_URL"}
    merged.update(PAPERCHAT_DATA_DIR=str(data_dir), **env)
    return subprocess.run([PAPERCHAT, *args], capture_output=True, text=True, env=merged, input=input, timeout=600)
