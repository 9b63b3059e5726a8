"""Side-by-side comparison of papers: one row per paper, each cell a quoted sentence of that paper's abstract.

With an aspect ("how do they search over candidates?") each row answers that aspect with the paper's best
sentences for it; "which is better on B?" quotes each paper's figure on B, or says it has none, so nobody
compares numbers from different benchmarks. With no aspect the columns are what each sentence does in its
abstract (problem, approach, data, results; rag/answer/roles.py). An empty cell says so rather than borrowing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.answer.citations import CitationBook
from rag.answer.roles import role_of, role_scores
from rag.text.markers import escape_markers
from rag.text.names import short_name
from rag.text.sentences import split_sentences
from rag.types import Answer, AnswerSentence, Paper

NOT_STATED = "not stated in the abstract"
COLUMNS = ("problem", "approach", "data", "results")
HEADERS = {"problem": "Problem", "approach": "Approach", "data": "Data / benchmarks", "results": "Results"}

# Figures that read as results: percentages, decimals, thousands, numbers of two or more digits.
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*%|\b\d+\.\d+\b|\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


@dataclass
class Cell:
    column: str
    sentence: str
    score: float


def cells_for(paper: Paper) -> dict[str, Cell]:
    """The best sentence for each column, by what each sentence does (rag/answer/roles.py); a sentence fills
    one column at most, and a column no sentence plays stays empty rather than borrowing one."""
    sentences = split_sentences(paper.abstract)
    candidates = []
    for position, sentence in enumerate(sentences):
        scores = role_scores(sentence, position, len(sentences))
        role = role_of(scores)
        if role in COLUMNS:
            bonus = 1.5 * len(_NUMBER.findall(sentence)) if role == "results" else 0.0
            candidates.append(Cell(role, sentence, scores[role] + bonus))
    chosen: dict[str, Cell] = {}
    for cell in sorted(candidates, key=lambda c: -c.score):
        chosen.setdefault(cell.column, cell)
    return chosen


def compare(papers: Sequence[Paper], book: CitationBook) -> tuple[str, list[dict], list[AnswerSentence]]:
    """Markdown (table then summary), the table rows, and every quoted sentence with its citation."""
    rows: list[dict] = []
    sentences: list[AnswerSentence] = []
    lines = ["| Paper | " + " | ".join(HEADERS[c] for c in COLUMNS) + " |",
             "|---|" + "---|" * len(COLUMNS)]
    summary = []
    for paper in papers:
        cells = cells_for(paper)
        n = book.cite(paper.paper_id, (cells.get("approach") or next(iter(cells.values()), None) or
                                       Cell("", split_sentences(paper.abstract)[0], 0)).sentence)
        row: dict = {"paper": short_name(paper), "title": paper.title, "paper_id": paper.paper_id, "n": n}
        rendered = []
        for column in COLUMNS:
            cell = cells.get(column)
            if cell is None:
                row[column] = None
                rendered.append(f"*{NOT_STATED}*")
                continue
            book.cite(paper.paper_id, cell.sentence)
            row[column] = cell.sentence
            sentences.append(AnswerSentence(text=cell.sentence, citations=[n]))
            rendered.append(f"{_table_safe(cell.sentence)} [{n}]")
        rows.append(row)
        lines.append(f"| **{_table_safe(row['paper'])}** [{n}] | " + " | ".join(rendered) + " |")
        lead = cells.get("approach") or cells.get("results")
        if lead is not None:
            summary.append(f"- **{_table_safe(row['paper'])}**: {escape_markers(lead.sentence)} [{n}]")
    text = "\n".join(lines)
    if summary:
        text += "\n\nIn short:\n" + "\n".join(summary)
    return text, rows, sentences


def _table_safe(text: str) -> str:
    return escape_markers(text).replace("|", "\\|").replace("\n", " ")


def comparative_answer(chosen: Sequence[Paper], papers: dict[str, Paper], *, query: str, searched: str,
                       missing: Sequence[str] = ()) -> Answer:
    book = CitationBook(papers)
    text, rows, sentences = compare(chosen, book)
    if missing:
        text += "\n\n" + "; ".join(f"No indexed paper mentions “{name}”." for name in missing)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations,
                  sentences=sentences, kind="comparative", table=rows)


def aspect_answer(rows_in: Sequence[tuple[Paper, Sequence[str]]], papers: dict[str, Paper], *, aspect: str,
                  query: str, searched: str, missing: Sequence[str] = (), absent: str = "",
                  header: str = "", cite_absent: bool = True) -> Answer:
    """One row per paper answering the asked aspect with that paper's chosen sentences (none: `absent`, or
    "not stated"). `rows_in` pairs each paper with its sentences, best first; `header` names the column when the
    aspect's leftover words would read badly ("MBPP look stronger numbers give"). Without `cite_absent`, a row
    with no sentences cites nothing: the paper is no answer to a choice among them."""
    book = CitationBook(papers)
    header = header or (aspect[:1].upper() + aspect[1:] if aspect else "Answer")
    lines = [f"| Paper | {_table_safe(header)} |", "|---|---|"]
    rows: list[dict] = []
    sentences: list[AnswerSentence] = []
    for paper, chosen in rows_in:
        if not chosen and not cite_absent:
            rows.append({"paper": short_name(paper), "title": paper.title, "paper_id": paper.paper_id, "n": None,
                         "aspect": None})
            lines.append(f"| **{_table_safe(short_name(paper))}** | *{absent or NOT_STATED}* |")
            continue
        quote = chosen[0] if chosen else split_sentences(paper.abstract)[0]
        n = book.cite(paper.paper_id, quote)
        cells = []
        for sentence in chosen:
            book.cite(paper.paper_id, sentence)
            sentences.append(AnswerSentence(text=sentence, citations=[n]))
            cells.append(f"{_table_safe(sentence)} [{n}]")
        shown = " ".join(cells) if cells else f"*{absent or NOT_STATED}*"
        rows.append({"paper": short_name(paper), "title": paper.title, "paper_id": paper.paper_id, "n": n,
                     "aspect": " ".join(chosen) or None})
        lines.append(f"| **{_table_safe(short_name(paper))}** [{n}] | {shown} |")
    text = "\n".join(lines)
    if missing:
        text += "\n\n" + "; ".join(f"No indexed paper mentions “{name}”." for name in missing)
    return Answer(query=query, searched_query=searched, answer=text, citations=book.citations,
                  sentences=sentences, kind="comparative", table=rows)
