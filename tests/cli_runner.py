"""The installed `paperchat` command run as a user runs it, against a data folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

PAPERCHAT = str(Path(sys.executable).with_name("paperchat"))


def run_cli(*args: str, data_dir: Path, input: str | None = None, wrapper: Sequence[str] = (),
            **env: str) -> subprocess.CompletedProcess:
    """`env` adds variables; PAPERCHAT_CHROMA_URL from the caller's shell is dropped, so a test uses the store
    it names and never a server someone left configured. `wrapper` runs the command through another (`unshare`).

    Bytes that are not UTF-8 travel as Python spells them (surrogateescape: byte 0xff is "\\udcff"), in the
    arguments, the input and the output alike, so a test can type what a broken terminal sends."""
    merged = {k: v for k, v in os.environ.items() if k != "PAPERCHAT_CHROMA_URL"}
    merged.update(PAPERCHAT_DATA_DIR=str(data_dir), **env)
    return subprocess.run([*wrapper, PAPERCHAT, *args], capture_output=True, text=True, errors="surrogateescape",
                          env=merged, input=input, timeout=600)
