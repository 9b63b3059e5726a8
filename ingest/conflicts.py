"""Two records that claim one id with different text: which one stays, and what the user is told.

An id the file gives says "this is that paper": a second record with it in the same ingest is a mistake
(rejected, the first kept), and in a later ingest it is an edit (the stored paper is replaced). A record
without an id gets one from its title, and a title does not name one paper: "Attention Is All You Need"
can head two different abstracts. So a title-made id replaces a stored paper only when the record comes from
the file that paper came from (an edited abstract); from another file it is reported and the stored paper kept,
never replaced without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.records import Found, Rejected

if TYPE_CHECKING:
    from rag.index.store import StoredPaper


def repeated_in_ingest(first: Found, again: Found) -> Rejected:
    """again has first's id and other text, in the same ingest: first is kept."""
    if again.id_from_title:
        why = (f"same title as {first.source}, {first.where}, but a different abstract, and no id tells them "
               'apart: the first one is kept; give each record an "id" to keep both')
    else:
        why = (f"same id {again.paper.paper_id!r} as {first.source}, {first.where}, but different text; "
               "the first one is kept")
    return Rejected(again.source, again.where, why)


def clash_with_stored(found: Found, stored: StoredPaper) -> Rejected | None:
    """A title-made id that would replace another file's stored paper of that title with a different abstract."""
    before = stored.paper
    if not found.id_from_title or not before.source or before.source == found.source:
        return None
    if stored.paper_hash == found.paper.content_hash:
        return None
    return Rejected(
        found.source, found.where,
        f"same title as the stored paper from {before.source}, but a different abstract, and no id tells them "
        f'apart: the stored one is kept; give this record an "id" to keep both, or "id": '
        f'"{found.paper.paper_id}" to replace it',
    )
