"""Conversations that outlast a reload: one SQLite file in the data folder, shared by every tab, user and process.

Every call opens its own connection and writes in one `BEGIN IMMEDIATE` transaction, so tabs answering at the
same time (threads of one server, or two servers on one data folder) never interleave half-written turns; WAL
lets readers carry on while one writes. Each conversation belongs to an owner (the signed-in user under
`--auth`, "" without it), and every read and write names the owner: an id copied from another user's browser
opens nothing.

A data folder that cannot be written (a read-only mount) gets a store in a temporary folder instead, and the log
says that conversations will not outlast the server.
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ui.conversation import TITLE_CHARS, Conversation
from ui.turn_json import turn_from_json, turn_to_json

log = logging.getLogger("paperchat.ui")

FILE_NAME = "conversations.sqlite3"
LISTED = 200  # the side list shows this many of a reader's most recent conversations
_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, named INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL, updated REAL NOT NULL);
CREATE INDEX IF NOT EXISTS conversations_by_owner ON conversations (owner, updated DESC);
CREATE TABLE IF NOT EXISTS turns (
    conversation_id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (conversation_id, position));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class ConversationStoreError(RuntimeError):
    """A conversation could not be saved or read; the message says what to check."""


@dataclass(frozen=True)
class Summary:
    id: str
    name: str
    updated: float


class ConversationStore:
    def __init__(self, path: Path, *, lasting: bool = True) -> None:
        self.path = path
        self.lasting = lasting  # False: a temporary file, gone when the server stops
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode=WAL")  # kept in the file: readers never wait for a writer
            db.executescript(_SCHEMA)

    @classmethod
    def in_folder(cls, folder: Path) -> ConversationStore:
        """The store of a data folder; a temporary one (said in the log) when the folder cannot be written."""
        path = folder / FILE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
                raise PermissionError(f"{folder} is not writable")
            return cls(path)
        except (OSError, sqlite3.Error) as exc:
            scratch = Path(tempfile.mkdtemp(prefix="paperchat-conversations-"))
            atexit.register(shutil.rmtree, scratch, ignore_errors=True)
            log.warning("conversations cannot be kept in %s (%s): they are kept in %s until the server stops. "
                        "Make the data folder writable to keep them.", folder, exc, scratch)
            return cls(scratch / FILE_NAME, lasting=False)

    def secret(self) -> str:
        """A key made once per store: the browser keeps the current conversation's id encrypted with it, so a
        restarted server still reads what the browser kept."""
        with self._writing() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'browser_secret'").fetchone()
            if row:
                return row[0]
            value = secrets.token_urlsafe(24)
            db.execute("INSERT INTO meta (key, value) VALUES ('browser_secret', ?)", (value,))
            return value

    def save_last_turn(self, conversation: Conversation, owner: str) -> None:
        """Writes the conversation's newest turn. A conversation the store does not hold for this owner (a new
        one, or one deleted in another tab meanwhile) is written whole, under a fresh id when it had none."""
        if not conversation.turns:
            return
        now = time.time()
        with self._writing() as db:
            row = db.execute("SELECT owner FROM conversations WHERE id = ?", (conversation.id,)).fetchone()
            if row is None or row[0] != owner:
                if row is not None or not conversation.id:
                    conversation.id = uuid.uuid4().hex
                db.execute("INSERT INTO conversations (id, owner, name, named, created, updated) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (conversation.id, owner, conversation.name(), int(bool(conversation.title)), now, now))
                positions = range(len(conversation.turns))
            else:
                db.execute("UPDATE conversations SET updated = ?, name = CASE named WHEN 1 THEN name ELSE ? END "
                           "WHERE id = ?", (now, conversation.name(), conversation.id))
                positions = range(len(conversation.turns) - 1, len(conversation.turns))
            db.executemany("INSERT OR REPLACE INTO turns (conversation_id, position, body) VALUES (?, ?, ?)",
                           [(conversation.id, i, turn_to_json(conversation.turns[i])) for i in positions])

    def load(self, conversation_id: str, owner: str) -> Conversation | None:
        """The owner's conversation with that id, or None (unknown, deleted, or someone else's)."""
        if not conversation_id:
            return None
        with self._reading() as db:
            row = db.execute("SELECT name, named FROM conversations WHERE id = ? AND owner = ?",
                             (conversation_id, owner)).fetchone()
            if row is None:
                return None
            bodies = db.execute("SELECT body FROM turns WHERE conversation_id = ? ORDER BY position",
                                (conversation_id,)).fetchall()
        turns = []
        for (body,) in bodies:
            try:
                turns.append(turn_from_json(body))
            except (ValueError, TypeError) as exc:  # one damaged turn must not lose the rest
                log.warning("conversation %s: a turn could not be read (%s); it is left out", conversation_id, exc)
        return Conversation(turns, id=conversation_id, title=row[0] if row[1] else "")

    def summaries(self, owner: str, limit: int = LISTED) -> list[Summary]:
        """The owner's conversations, most recently used first."""
        with self._reading() as db:
            rows = db.execute("SELECT id, name, updated FROM conversations WHERE owner = ? "
                              "ORDER BY updated DESC LIMIT ?", (owner, limit)).fetchall()
        return [Summary(*row) for row in rows]

    def rename(self, conversation_id: str, owner: str, name: str) -> bool:
        """Gives the conversation a name; a blank name goes back to its first question. False: not the owner's."""
        name, named = " ".join(name.split())[:TITLE_CHARS], 1
        with self._writing() as db:
            if not name:
                first = db.execute("SELECT body FROM turns WHERE conversation_id = ? ORDER BY position LIMIT 1",
                                   (conversation_id,)).fetchone()
                name, named = Conversation([turn_from_json(first[0])] if first else []).name(), 0
            cursor = db.execute("UPDATE conversations SET name = ?, named = ? WHERE id = ? AND owner = ?",
                                (name, named, conversation_id, owner))
            return cursor.rowcount == 1

    def delete(self, conversation_id: str, owner: str) -> bool:
        with self._writing() as db:
            cursor = db.execute("DELETE FROM conversations WHERE id = ? AND owner = ?", (conversation_id, owner))
            if cursor.rowcount:
                db.execute("DELETE FROM turns WHERE conversation_id = ?", (conversation_id,))
            return cursor.rowcount == 1

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            if db.in_transaction:
                db.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            yield db

    def _connect(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: transactions are ours (BEGIN IMMEDIATE), not the module's implicit ones.
            return sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ConversationStoreError(
                f"Cannot open the conversation store {self.path} ({exc}): check that the data folder exists and "
                "can be written, or point --data-dir at another folder."
            ) from exc
