"""Evaluation question sets: the JSONL schema, a loader that survives bad lines, and gold-title matching.

One question per line:

    {"id": "q01", "type": "factoid", "question": "...", "expected_titles": ["..."],
     "expected_facts": ["1,329"], "history": ["an earlier user question"]}

Only `id` and `question` are required. A bad line is reported with its line number and skipped, so one typo
does not cost a whole run; an unknown key is reported too but the question still runs, because a misspelt
`expected_title` would otherwise drop the gold papers without anyone noticing. A line holding bytes that are not
UTF-8 is one such bad line, not an unreadable file.

The file is read with a size limit: a question set is a few hundred bytes a question, so a file past the limit
(or one that never ends, like /dev/zero) is refused before it fills the memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.answer.question import not_text
from rag.errors import PaperchatError
from rag.text.clean import normalise_title

UNANSWERABLE = "unanswerable"
DEFAULT_TYPE = "general"
KNOWN_KEYS = ("id", "type", "question", "expected_titles", "expected_facts", "history")
SHIPPED_DIR = Path(__file__).parent / "questions"
MAX_FILE_BYTES = 20_000_000  # tens of thousands of questions: days of asking
MAX_LINE_CHARS = 100_000  # a question, its history and gold titles; the engine refuses questions over 1,000


class QuestionFileTooLarge(PaperchatError, OSError):
    """An OSError, so whoever already reports an unreadable question file (the CLI, the Evaluate tab) reports
    this one too."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    type: str = DEFAULT_TYPE
    expected_titles: tuple[str, ...] = ()
    expected_facts: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    line: int = 0

    @property
    def unanswerable(self) -> bool:
        return self.type == UNANSWERABLE


@dataclass(frozen=True)
class Problem:
    """Something wrong in the question file; `skipped` says whether the question was left out because of it."""

    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" + ("" if self.skipped else " (the question still runs)")


@dataclass
class QuestionSet:
    name: str
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""  # of the file's bytes, so two runs can tell whether they asked the same questions


# The shipped set a page or a command starts with: the reference set the settings were tuned on.
DEFAULT_SET = "dev"


def shipped_sets() -> dict[str, Path]:
    """The question sets that come with the package, by file stem, the default one first and the rest by name
    ("controls-1" sorts before "dev")."""
    return {p.stem: p for p in sorted(SHIPPED_DIR.glob("*.jsonl"), key=lambda p: (p.stem != DEFAULT_SET, p.stem))}


def load_questions(path: Path) -> QuestionSet:
    """Reads a JSONL question set; raises OSError only when the file itself cannot be read or is too large."""
    data = _read_capped(Path(path))
    # surrogateescape: a byte that is not UTF-8 costs the line it is on (see parse_questions), not the file.
    result = parse_questions(data.decode("utf-8", errors="surrogateescape").splitlines(), name=Path(path).name)
    result.digest = hashlib.sha256(data).hexdigest()[:12]
    return result


def _read_capped(path: Path) -> bytes:
    """At most MAX_FILE_BYTES: reading one byte more tells a large file, a device or a pipe that never ends from a
    question set, without trusting a size that only regular files have."""
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise QuestionFileTooLarge(
            f"{path} holds more than {MAX_FILE_BYTES // 1_000_000} MB (or never ends): a question set is a few hundred "
            "bytes a question, so this is not one. Split a real question set into smaller files."
        )
    return data


def parse_questions(lines: Iterable[str], name: str = "<questions>") -> QuestionSet:
    result = QuestionSet(name=name)
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        if len(raw) > MAX_LINE_CHARS:
            result.problems.append(Problem(number, f"{len(raw):,} characters long; a question line may have at most "
                                                   f"{MAX_LINE_CHARS:,}"))
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            result.problems.append(Problem(number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            result.problems.append(Problem(number, "JSON nested too deeply to read"))
            continue
        try:
            question = _question_from(record, number)
        except ValueError as exc:
            result.problems.append(Problem(number, str(exc)))
            continue
        if question.id in seen:
            result.problems.append(
                Problem(number, f"duplicate id {question.id!r} (first used on line {seen[question.id]})")
            )
            continue
        seen[question.id] = number
        unknown = sorted(set(record) - set(KNOWN_KEYS))
        if unknown:
            result.problems.append(
                Problem(number, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(KNOWN_KEYS)}", skipped=False)
            )
        result.questions.append(question)
    return result


def _question_from(record: Any, line: int) -> Question:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    if where := _not_text_in(record):
        raise ValueError(f"holds bytes that are not text ({where}); save the file as UTF-8")
    qid = record.get("id")
    if isinstance(qid, int) and not isinstance(qid, bool):
        qid = str(qid)
    if not isinstance(qid, str) or not qid.strip():
        raise ValueError('missing "id" (a non-empty string)')
    question = record.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError(f'{qid}: missing "question" (a non-empty string)')
    qtype = record.get("type", DEFAULT_TYPE)
    if not isinstance(qtype, str) or not qtype.strip():
        raise ValueError(f'{qid}: "type" must be a non-empty string')
    return Question(
        id=qid.strip(),
        question=question.strip(),
        type=qtype.strip().lower(),
        expected_titles=_strings(record, "expected_titles", qid),
        expected_facts=_strings(record, "expected_facts", qid),
        history=_strings(record, "history", qid),
        line=line,
    )


def _not_text_in(value: Any) -> str:
    """The first place in a parsed line, keys included, that is not text: such a string would fail the question
    check, or the UTF-8 writer of the run's results (losing the whole run) if it sat in a gold title."""
    if isinstance(value, str):
        return not_text(value)
    if isinstance(value, dict):
        value = [item for pair in value.items() for item in pair]
    if isinstance(value, list):
        return next((where for item in value if (where := _not_text_in(item))), "")
    return ""


def _strings(record: dict, key: str, qid: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if isinstance(value, str):  # one title written without the list brackets is still unambiguous
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f'{qid}: "{key}" must be a list of non-empty strings')
    return tuple(v.strip() for v in value)


@dataclass(frozen=True)
class GoldPapers:
    """The gold titles of one question as indexed paper ids, plus the titles no indexed paper has."""

    paper_ids: tuple[str, ...]
    unknown_titles: tuple[str, ...]

    @property
    def size(self) -> int:
        """Unknown titles still count: a gold paper missing from the index is a paper the answer cannot find."""
        return len(self.paper_ids) + len(self.unknown_titles)


class TitleIndex:
    """Normalised title -> paper id, so gold titles match despite case, spacing, punctuation and LaTeX."""

    def __init__(self, titles_by_id: Mapping[str, str]) -> None:
        self._ids: dict[str, str] = {}
        for paper_id, title in titles_by_id.items():
            self._ids.setdefault(normalise_title(title), paper_id)

    def gold(self, titles: Iterable[str]) -> GoldPapers:
        ids: list[str] = []
        unknown: list[str] = []
        for title in titles:
            paper_id = self._ids.get(normalise_title(title))
            if paper_id is None:
                unknown.append(title)
            elif paper_id not in ids:
                ids.append(paper_id)
        return GoldPapers(tuple(ids), tuple(unknown))
