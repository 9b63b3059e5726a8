"""An input opened once: a file, a named pipe or standard input (`-`, `/dev/stdin`), read from start to end.

A pipe gives its bytes once: opening it again, or seeking back after a look at the first bytes, finds nothing
(or waits for a writer that never comes). So the first bytes are read once, kept for telling the format, and
handed to the reader again in front of the rest of the stream.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ingest.records import InputError

STDIN = Path("-")
HEAD_BYTES = 8192


@dataclass(frozen=True)
class Source:
    name: str  # how messages name it: the file's name, or "stdin"
    suffix: str  # ".jsonl", ".csv"...; "" for standard input
    head: bytes  # the first HEAD_BYTES bytes (fewer in a shorter input), for telling the format
    stream: BinaryIO  # every byte from the first one, head included


def name_of(path: Path) -> str:
    return "stdin" if path == STDIN else path.name


@contextmanager
def open_source(path: Path) -> Iterator[Source]:
    """Opens path once; raises InputError when it is missing, a folder or unreadable."""
    if path != STDIN and not path.exists():
        raise InputError(f"No such file: {path}")
    if path != STDIN and path.is_dir():
        raise InputError(f"{path} is a folder: give the file inside it (for BEIR, {path / 'corpus.jsonl'}).")
    try:
        raw = _open(path)
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    with raw:
        try:
            head = raw.read(HEAD_BYTES)
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        suffix = "" if path == STDIN else path.suffix.lower()
        yield Source(name_of(path), suffix, head, io.BufferedReader(_Replay(head, raw)))


def _open(path: Path) -> io.BufferedReader:
    if path == STDIN:
        # closefd=False: standard input stays open for whoever reads it after us.
        return open(sys.stdin.fileno(), "rb", closefd=False)
    return path.open("rb")


class _Replay(io.RawIOBase):
    """The bytes already read, then the rest of the stream they came from."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        # readinto1: what the pipe has now, so records are read as a slow writer produces them.
        return self._rest.readinto1(buffer)
