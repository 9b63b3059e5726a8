"""A full disk during an ingest is something the user can fix, so it is reported in one line, not a traceback.

The store fails in its own words: SQLite's "database or disk is full" inside a Chroma error, or the
operating system's ENOSPC from a file write. Papers are written in batches (see pipeline._embed_and_write):
the batches written before the disk filled stay, and the same ingest run again skips them and writes the rest.
As after a crash, a paper the failed batch was replacing is missing until that second run.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from rag.errors import PaperchatError

_FULL = ("database or disk is full", "no space left on device", "disk quota exceeded")


class DiskFullError(PaperchatError):
    """The disk filled while an ingest was writing; the message says where and how to go on."""


def is_disk_full(exc: BaseException) -> bool:
    """True when exc, or an error it was raised from, says the disk (or the user's quota) is full."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(words in str(current).lower() for words in _FULL):
            return True
        current = current.__cause__ or current.__context__
    return False


@contextmanager
def full_disk_reported(location: str) -> Iterator[None]:
    """Turns a full disk inside the block into a DiskFullError naming location; other errors pass unchanged."""
    try:
        yield
    except Exception as exc:
        if not is_disk_full(exc):
            raise
        raise DiskFullError(
            f"the disk is full while writing to {location}. The papers written before it filled are kept: "
            "free some space and run the same ingest again to write the rest."
        ) from exc
