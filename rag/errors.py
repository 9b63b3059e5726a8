"""The one base of every error a user can fix. Each face (CLI, terminal chat, page) catches `PaperchatError`
once and shows its message; anything else is a bug and keeps its traceback."""

from __future__ import annotations


class PaperchatError(Exception):
    """A problem the user can fix: the message says what happened and what to do."""


class NoIndexError(PaperchatError):
    """Nothing is ingested yet; the message says which command builds the index."""


class QuestionError(PaperchatError, ValueError):
    """The question itself cannot be answered as asked (empty, too long)."""
