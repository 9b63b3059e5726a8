"""What the model is asked to write for each kind of answer. The evidence and its fence are the same for every
kind (rag/generation/prompt.py); only the shape of the reply differs, and each shape is one the answer's
composer can read back line by line (rag/generation/synthesis.py)."""

from __future__ import annotations

from dataclasses import dataclass

# The label a comparison's closing paragraph starts with, so its sentences are told from the per-paper lines.
DIFFERENCES = "How they differ:"


@dataclass(frozen=True)
class Task:
    kind: str  # factoid | comparison | list | overview
    rule: str  # rule 3 of the system message; may use {max_sentences}
    ask: str  # the last words of the user message; may use {aspect}


FACTOID = Task(
    "factoid",
    rule="Write at most {max_sentences} short sentences. If the sources do not answer the question, say so in one "
    "sentence.",
    ask="Answer the question from these sources only. End every sentence with its source numbers in square brackets.",
)
COMPARISON = Task(
    "comparison",
    rule="First write one line per paper, in the order the sources give them, as `- NAME: ...` (NAME: the paper's "
    "short name, its title before the colon), saying what that paper's own sources say about the question. Then "
    f"write one paragraph that begins `{DIFFERENCES}` in at most {{max_sentences}} sentences. A sentence that "
    "mentions two papers cites a source of each.",
    ask="Compare the papers on {aspect} from these sources only. End every sentence with its source numbers in square "
    "brackets.",
)
LIST = Task(
    "list",
    rule="Write one line per paper, for every paper in the sources and in the order given, as `- NAME: ...` (NAME: "
    "the paper's short name, its title before the colon), one sentence saying how that paper matches the question. "
    "Write nothing else.",
    ask="List the papers from these sources only. End every line with its source numbers in square brackets.",
)
OVERVIEW = Task(
    "overview",
    rule="Write at most {max_sentences} sentences across the papers: group papers that do the same thing, one line "
    "per group, and say how the groups differ.",
    ask="Answer the question across these papers from these sources only. End every sentence with its source numbers "
    "in square brackets.",
)
TASKS = {task.kind: task for task in (FACTOID, COMPARISON, LIST, OVERVIEW)}


def task_for(kind: str) -> Task:
    return TASKS[kind]
