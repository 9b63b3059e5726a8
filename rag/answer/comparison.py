"""Side-by-side comparison of papers: one row per paper, each cell a quoted sentence of that paper's abstract.

Cells are filled by cue words that mark what a sentence does in an abstract (states a problem, proposes a
method, names data, reports a result). A cell with no such sentence says so rather than borrowing one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.answer.citations import CitationBook
from rag.text.markers import escape_markers
from rag.text.names import short_name
from rag.text.sentences import split_sentences
from rag.types import Answer, AnswerSentence, Paper

NOT_STATED = "not stated in the abstract"
COLUMNS = ("problem", "approach", "data", "results")
HEADERS = {"problem": "Problem", "approach": "Approach", "data": "Data / benchmarks", "results": "Results"}

_CUES = {
    "problem": re.compile(
        r"\b(challeng\w*|problem\w*|limitation\w*|lack\w*|struggl\w*|difficult\w*|bottleneck|remain\w*|fail\w*|"
        r"however|existing|costly|expensive|critical|gap|hinder\w*|insufficient|overlook\w*|suffer\w*)\b", re.I),
    "approach": re.compile(
        r"\b(we (?:propose|introduce|present|develop|design|formulate|build|devise|construct|describe|release)|"
        r"this (?:paper|work) (?:proposes|introduces|presents)|our (?:method|approach|framework|model|system)|"
        r"framework|pipeline|algorithm|approach|method|architecture|technique|decompos\w*|fine-tun\w*|train\w*)\b",
        re.I),
    "data": re.compile(
        r"\b(benchmark\w*|dataset\w*|data set\w*|corpus|corpora|evaluat\w* on|experiments? on|tasks?|problems from|"
        r"HumanEval\+?|MBPP\+?|GSM8K\+?|MATH\+?|SWE-bench|miniF2F|CrossCodeEval|RepoEval|APPS|CodeContests|Lean)\b",
        re.I),
    "results": re.compile(
        r"\b(outperform\w*|achiev\w*|improv\w*|surpass\w*|state-of-the-art|accuracy|pass@\d+|gains?|performance|"
        r"scor\w+|solv\w+|success rate|speedups?|faster|\d+(?:\.\d+)?\s*%|"
        r"significant\w*|better|best|exceed\w*|reach\w*|result\w* show|demonstrat\w*)\b", re.I),
}
# Figures that read as results: percentages, decimals, thousands, numbers of two or more digits.
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*%|\b\d+\.\d+\b|\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


@dataclass
class Cell:
    column: str
    sentence: str
    score: float


def cells_for(paper: Paper) -> dict[str, Cell]:
    """The best sentence for each column; a sentence fills one column at most."""
    sentences = split_sentences(paper.abstract)
    candidates: list[Cell] = []
    for position, sentence in enumerate(sentences):
        early = 1.0 - position / max(len(sentences), 1)
        for column, cue in _CUES.items():
            hits = len(cue.findall(sentence))
            if not hits:
                continue
            score = float(hits)
            if column == "problem":
                score += 1.5 * early
            elif column == "approach":
                score += 2.0 if re.search(r"\bwe (?:propose|introduce|present)\b", sentence, re.I) else 0.0
            elif column == "results":
                score += 1.5 * len(_NUMBER.findall(sentence)) + (1 - early)
            elif column == "data":
                score += 0.5 * len(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z0-9]\w*\b", sentence))
            candidates.append(Cell(column, sentence, score))
    chosen: dict[str, Cell] = {}
    used: set[str] = set()
    for cell in sorted(candidates, key=lambda c: -c.score):
        if cell.column in chosen or cell.sentence in used:
            continue
        chosen[cell.column] = cell
        used.add(cell.sentence)
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
