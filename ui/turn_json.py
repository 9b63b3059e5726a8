"""A chat turn as JSON and back, for the conversation store.

The whole Answer is kept (citations, verdicts, evidence with its scores, the table), so a reopened conversation
shows the same message and sources panel as when it was asked. Reading ignores fields this version does not
know and fills the ones it lacks with their defaults: a store outlives the code that wrote it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from rag.types import Answer, AnswerSentence, Citation, Evidence
from ui.conversation import Turn


def turn_to_json(turn: Turn) -> str:
    body = {
        "question": turn.question,
        "error": turn.error,
        "scope": list(turn.scope),
        "stopped": turn.stopped,
        "answer": asdict(turn.answer) if turn.answer is not None else None,
    }
    return json.dumps(body, ensure_ascii=False, default=str)  # a table cell of another type is kept as its text


def turn_from_json(text: str) -> Turn:
    body = json.loads(text)
    answer = body.get("answer")
    return Turn(
        question=str(body.get("question", "")),
        answer=_answer(answer) if isinstance(answer, dict) else None,
        error=str(body.get("error", "")),
        scope=tuple(str(p) for p in body.get("scope") or ()),
        stopped=bool(body.get("stopped", False)),
    )


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The fields `cls` has; a tuple field (JSON wrote it as a list) a tuple again."""
    tuples = {f.name for f in fields(cls) if isinstance(f.default, tuple)}
    names = {f.name for f in fields(cls)}
    return {k: tuple(v) if k in tuples and isinstance(v, list) else v for k, v in data.items() if k in names}


def _answer(data: dict[str, Any]) -> Answer:
    known = _known(Answer, data)
    known["citations"] = [Citation(**_known(Citation, c)) for c in known.get("citations") or []]
    known["sentences"] = [AnswerSentence(**_known(AnswerSentence, s)) for s in known.get("sentences") or []]
    known["evidence"] = [Evidence(**_known(Evidence, e)) for e in known.get("evidence") or []]
    return Answer(**known)
