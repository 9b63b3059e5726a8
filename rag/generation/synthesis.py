"""Comparisons, lists and overviews written by a model, in the shapes readers know from the extractive answers.

The model writes from the evidence plan (evidence_plan.py) in the shape its task asks (tasks.py); its reply is read
back sentence by sentence, each sentence keeping the sources its `[n]` markers name, and laid out again:

- comparison: the table, one row per paper, each cell the model's sentences citing only that paper; then the
  paragraph on how the papers differ. A row the model left empty quotes the paper's own sentence instead.
- list: the heading, then one line per matched paper, in the extractive list's order; a paper the model skipped is
  listed with its matching sentence quoted, so the model can shorten a line but never drop a paper.
- overview: the model's lines, as bullets.

Every generated sentence is verified like a factoid's; strict mode drops what fails and lays the answer out again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from collections.abc import Generator as Events
from dataclasses import dataclass, field

from rag.answer.citations import CitationBook
from rag.generation.answer import (
    budgeted_prompt,
    fallback,
    no_citations,
    none_verified,
    read_reply,
    token_use,
)
from rag.generation.base import Generator
from rag.generation.evidence_plan import EvidencePlan, ScoreWithin, Sentence, evidence_plan
from rag.generation.grounding import LiveCitations, line_sentences, without_bullet
from rag.generation.prompt import NumberedSource
from rag.generation.tasks import DIFFERENCES, task_for
from rag.settings import LLMSettings
from rag.text.markers import escape_markers
from rag.text.names import short_name
from rag.types import Answer, AnswerSentence, Paper

_DIFFERENCES = re.compile(r"^\W*" + re.escape(DIFFERENCES.rstrip(":")) + r"\W*?:?\**\s*", re.I)
_SEPARATOR = re.compile(r"^\s*[*_]*\s*(?:[:\u2013\u2014-]\s+|:)")  # after a label: "**: ", " - ", " – "
_NOTES = re.compile(r"^No indexed paper mentions .*$", re.M)  # comparison sides no paper matched (comparison.py)


@dataclass
class Written:
    """One sentence of the model's reply: its text (markers and a leading paper label removed) and the sources its
    markers name, among those the prompt numbered."""

    text: str
    sources: list[NumberedSource] = field(default_factory=list)
    line: int = 0
    closing: bool = False  # in a comparison's paragraph on differences

    @property
    def papers(self) -> list[str]:
        return list(dict.fromkeys(s.paper_id for s in self.sources))


def synthesised_answer(
    generator: Generator,
    *,
    kind: str,
    question: str,
    searched: str,
    aspect: str,
    extractive: Answer,
    papers: dict[str, Paper],
    score_within: ScoreWithin,
    llm: LLMSettings,
    max_sentences: int,
    verify: Callable[[Answer], object],
    strict: bool = False,
) -> Events[str, None, Answer]:
    """Yields the reply as it streams; returns the laid-out, verified Answer (the extractive one when the model
    cited nothing usable, or in strict mode verified nothing)."""
    plan = evidence_plan(kind, extractive, papers, score_within)
    prompt = budgeted_prompt(searched, plan.candidates, papers, llm, max_sentences, task_for(kind), aspect)
    live = LiveCitations(prompt.sources)
    yield from read_reply(generator, prompt.messages, live, llm.max_tokens)
    extractive.tokens = used = token_use(prompt.messages, live.reply, llm)
    written = read_written(live.reply, prompt.sources, papers)
    if not any(w.sources for w in written):
        return fallback(extractive, no_citations(generator.name), generator.name)
    generated = len(written)
    while True:  # strict mode lays the answer out again without what failed, until all that is left holds
        answer, origins = lay_out(plan, written, extractive, papers, mode=generator.name, aspect=aspect)
        answer.tokens = used
        verify(answer)
        failed = {id(w) for s, w in zip(answer.sentences, origins, strict=True) if w is not None and not s.verified}
        if not strict or not failed:
            break
        # Each round drops at least one sentence; another may fail next round, having been checked against a
        # quote that a dropped sentence's sources had widened.
        written = [w for w in written if id(w) not in failed]
        if not written:
            return fallback(extractive, none_verified(generator.name), generator.name)
    if strict and len(written) < generated:
        dropped = generated - len(written)
        plural = "s" if dropped > 1 else ""
        answer.answer += (f"\n\n_Strict mode left out {dropped} generated sentence{plural} that the cited abstracts "
                          "do not support._")
    return answer


def read_written(reply: str, sources: Mapping[int, NumberedSource], papers: dict[str, Paper]) -> list[Written]:
    """The reply's sentences in order; a marker naming no prompt source is dropped, never re-pointed."""
    names = _labels({s.paper_id for s in sources.values()}, papers)
    found: list[Written] = []
    closing = False
    for i, raw in enumerate(reply.splitlines()):
        line = without_bullet(raw)
        opening = _DIFFERENCES.match(line)
        if opening:
            closing = True
            line = line[opening.end():]
        elif not closing:
            line = _without_label(line, names)
        for text, numbers in line_sentences(line):
            cited = [sources[n] for n in numbers if n in sources]
            found.append(Written(text, list(dict.fromkeys(cited)), i, closing))
    return found


def lay_out(plan: EvidencePlan, written: list[Written], extractive: Answer, papers: dict[str, Paper], *,
            mode: str, aspect: str) -> tuple[Answer, list[Written | None]]:
    """The Answer in its kind's shape, and for each of its sentences the Written it came from (None: a quote)."""
    book = CitationBook(papers)
    if plan.kind == "comparison":
        text, table, pairs = _comparison(plan, written, book, papers, aspect)
        notes = _NOTES.findall(extractive.answer)
        if notes:
            text += "\n\n" + " ".join(notes)
    elif plan.kind == "list":
        text, pairs = _listing(plan, written, book, papers, extractive.answer.splitlines()[0])
        table = None
    else:
        text, pairs = _overview(written, book)
        table = None
    answer = Answer(query=extractive.query, searched_query=extractive.searched_query, answer=text,
                    citations=book.citations, sentences=[s for s, _ in pairs], kind=extractive.kind, table=table,
                    mode=mode)
    return answer, [w for _, w in pairs]


Pair = tuple[AnswerSentence, "Written | None"]


def _comparison(plan: EvidencePlan, written: list[Written], book: CitationBook, papers: dict[str, Paper],
                aspect: str) -> tuple[str, list[dict], list[Pair]]:
    rows: dict[str, list[Written]] = {pid: [] for pid in plan.papers}
    closing = []
    for w in written:
        if not w.closing and len(w.papers) == 1 and w.papers[0] in rows:
            rows[w.papers[0]].append(w)
        else:
            closing.append(w)
    header = aspect[:1].upper() + aspect[1:] if aspect else "In short"
    key = "aspect" if aspect else "summary"
    lines = [f"| Paper | {_table_safe(header)} |", "|---|---|"]
    table: list[dict] = []
    pairs: list[Pair] = []
    for pid in plan.papers:
        cells = _cells(rows[pid], plan.quoted[pid], book)
        if not cells:
            continue
        pairs += cells
        paper = papers[pid]
        n = cells[0][0].citations[0]
        shown = " ".join(_table_safe(s.text) + " " + _markers(s) for s, _ in cells)
        lines.append(f"| **{_table_safe(short_name(paper))}** [{n}] | {shown} |")
        table.append({"paper": short_name(paper), "title": paper.title, "paper_id": pid, "n": n,
                      key: " ".join(s.text for s, _ in cells),
                      "written_by": "model" if cells[0][1] is not None else "abstract"})
    text = "\n".join(lines)
    if closing:
        said = [(_sentence(w, book), w) for w in closing]
        pairs += said
        text += f"\n\n**{DIFFERENCES}** " + " ".join(_rendered(s) for s, _ in said)
    return text, table, pairs


def _listing(plan: EvidencePlan, written: list[Written], book: CitationBook, papers: dict[str, Paper],
             heading: str) -> tuple[str, list[Pair]]:
    entries: dict[str, list[Written]] = {pid: [] for pid in plan.papers}
    extra = []
    for w in written:
        if len(w.papers) == 1 and w.papers[0] in entries:
            entries[w.papers[0]].append(w)
        else:
            extra.append(w)
    lines = [heading]
    pairs: list[Pair] = []
    for pid in plan.papers:
        cells = _cells(entries[pid], plan.quoted[pid], book)
        pairs += cells
        lines.append(f"- **{escape_markers(papers[pid].title)}**: " + " ".join(_rendered(s) for s, _ in cells))
    if extra:
        said = [(_sentence(w, book), w) for w in extra]
        pairs += said
        lines += ["", " ".join(_rendered(s) for s, _ in said)]
    return "\n".join(lines), pairs


def _overview(written: list[Written], book: CitationBook) -> tuple[str, list[Pair]]:
    lines: dict[int, list[Pair]] = {}
    for w in written:
        lines.setdefault(w.line, []).append((_sentence(w, book), w))
    text = "\n".join("- " + " ".join(_rendered(s) for s, _ in line) for line in lines.values())
    return text, [pair for line in lines.values() for pair in line]


def _cells(own: list[Written], quoted: list[Sentence], book: CitationBook) -> list[Pair]:
    """A paper's sentences by the model, or (none written) its first quoted sentence."""
    if own:
        return [(_sentence(w, book), w) for w in own]
    return [(AnswerSentence(text=s.text, citations=[book.cite(s.paper_id, s.text)]), None) for s in quoted[:1]]


def _sentence(w: Written, book: CitationBook) -> AnswerSentence:
    numbers = [book.cite(s.paper_id, s.text) for s in w.sources]
    return AnswerSentence(text=w.text, citations=list(dict.fromkeys(numbers)))


def _rendered(s: AnswerSentence) -> str:
    return f"{escape_markers(s.text)} {_markers(s)}".rstrip()


def _markers(s: AnswerSentence) -> str:
    return "".join(f"[{n}]" for n in s.citations)


def _table_safe(text: str) -> str:
    return escape_markers(text).replace("|", "\\|").replace("\n", " ")


def _labels(paper_ids: set[str], papers: dict[str, Paper]) -> list[str]:
    """What a model may start a paper's line with: its title or short name, longest first."""
    names = {name for pid in paper_ids for name in (papers[pid].title, short_name(papers[pid]))}
    return sorted(names, key=len, reverse=True)


def _without_label(line: str, names: list[str]) -> str:
    """"**DotaMath**: it decomposes ..." -> "It decomposes ...": the row already names the paper. A label that
    names no paper in the prompt ("Note: ...") is the model's text and stays."""
    body = line.lstrip("*_ ")
    lowered = body.casefold()
    for name in names:
        if not lowered.startswith(name.casefold()):
            continue
        separator = _SEPARATOR.match(body[len(name):])
        rest = body[len(name):][separator.end():].lstrip("*_ ").strip() if separator else ""
        if re.search(r"\w", rest):
            return rest[:1].upper() + rest[1:]
    return line
