"""The path of one question, as explicit phases over one index view:

    condense -> plan -> gather evidence -> compose -> verify

Each phase is a function of what the earlier ones produced; the view is an argument, never ambient state. The
pipeline yields events: text as it is written (`str`), then the verified `Answer` last, so a face that
streams and a face that waits read the same path.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rag.answer.across import across_papers, aggregate
from rag.answer.evidence import Gathered, Tools
from rag.answer.mentions import PAPER_WORDS
from rag.answer.plan import Plan
from rag.answer.question import check_question
from rag.errors import QuestionError
from rag.index.view import IndexView
from rag.settings import RetrievalSettings
from rag.types import Answer, Evidence, Paper

if TYPE_CHECKING:
    from rag.generation.base import Generator

Event = str | Answer
LIST_DEPTH = 50  # papers a described list topic is looked for in; named ones are matched in the whole index


@dataclass(frozen=True)
class Request:
    """One question as a face asks it. `paper_ids` scopes it to those papers ("ask about this paper");
    `backend` / `strict` override the LLM settings for this question only (a chat session's choice)."""

    question: str
    history: Sequence[str] = ()
    retrieval: RetrievalSettings | None = None
    paper_ids: Sequence[str] | None = None
    backend: str | None = None
    strict: bool | None = None


def run(request: Request, view: IndexView, tools: Tools) -> Iterator[Event]:
    """The whole path; see the module docstring."""
    from rag.answer.verify import verify

    started = time.perf_counter()
    settings = tools.settings
    question = check_question(request.question, settings.answer.max_question_chars)
    history = [check_question(h, settings.answer.max_question_chars) for h in request.history if h and h.strip()]
    retrieval = request.retrieval or settings.retrieval
    # A question scoped to chosen papers is about them: earlier turns must not pull another paper's name in.
    searched = condense(question, history, tools, view) if request.paper_ids is None else question
    shape, searched = plan_question(searched, view, request.paper_ids, bool(history))
    found = gather(shape, searched, view, tools, retrieval, request.paper_ids)
    t_gathered = time.perf_counter()
    answer = yield from compose(shape, question, found, retrieval, request.strict)
    answer.evidence = _with_cited(found.retrieved, answer, view.papers)
    if not answer.refused:
        verify(answer, {e.paper_id for e in answer.evidence}, tools.embed_sentences)
    answer.settings_hash = settings.settings_hash()
    answer.timings_ms = {"retrieve": (t_gathered - started) * 1000, "total": (time.perf_counter() - started) * 1000}
    yield answer


def condense(question: str, history: Sequence[str], tools: Tools, view: IndexView | None = None) -> str:
    """A follow-up made standalone: by rule, then by the model when one is configured and allowed to."""
    from rag.answer.followups import condense as by_rule

    searched = by_rule(question, history, view.lexicon.paper_names if view is not None and history else None)
    if tools.generator is not None and history and tools.settings.llm.condense:
        from rag.generation.rewrite import condense_with_model

        searched = condense_with_model(question, history, tools.generator, searched,
                                       tools.settings.answer.max_question_chars)
    return searched


def plan_question(searched: str, view: IndexView, paper_ids: Sequence[str] | None,
                  has_history: bool = False) -> tuple[Plan, str]:
    """The question's shape; a question scoped to chosen papers is about them, and says so."""
    from rag.answer.plan import understand
    from rag.text.names import short_name

    if paper_ids is None:
        return understand(searched, view.lexicon, has_history), searched
    chosen = [pid for pid in dict.fromkeys(paper_ids) if pid in view.papers]
    if not chosen:
        raise QuestionError("None of the chosen papers is in the index; pick a paper from the Papers list.")
    # The chosen paper is what "it" is: its name makes the question standalone, and is shown.
    return Plan("factoid"), f"{searched} ({'; '.join(short_name(view.papers[pid]) for pid in chosen)})"


def gather(shape: Plan, searched: str, view: IndexView, tools: Tools, retrieval: RetrievalSettings,
           paper_ids: Sequence[str] | None) -> Gathered:
    """Retrieves once, embedding the question once; sentence scores are computed on first use, once."""
    if paper_ids is not None:
        chosen = [view.papers[pid] for pid in dict.fromkeys(paper_ids) if pid in view.papers]
        retrieved = [Evidence(paper_id=p.paper_id, title=p.title, text=p.abstract, rank=r)
                     for r, p in enumerate(chosen)]
        return Gathered(searched, retrieved, None, view, tools, retrieval)
    vector = tools.embed_query(searched) if retrieval.retriever != "bm25" else None
    retrieved = view.retriever.search(searched, retrieval, vector=vector)
    # A paper the question names is evidence even when it ranks below the cut: its sentences may be quoted,
    # and the verifier only accepts citations to papers in the evidence.
    found = {e.paper_id for e in retrieved}
    for pid in shape.papers:
        if pid not in found:
            paper = view.papers[pid]
            retrieved.append(Evidence(paper_id=pid, title=paper.title, text=paper.abstract, rank=len(retrieved)))
    return Gathered(searched, retrieved, vector, view, tools, retrieval)


def compose(shape: Plan, question: str, found: Gathered, retrieval: RetrievalSettings,
            strict: bool | None) -> Iterator[str]:
    """Writes the answer of the planned kind; yields its text as it is written and returns the Answer."""
    answer = None
    if shape.kind == "clarify":
        answer = _clarify(question, found)
    elif shape.kind != "list" and (unknown_papers := _unknown_papers(found)):
        # "In the Reflexion paper, what pass@1 does GPT-4 reach?": no abstract mentions Reflexion, so no indexed
        # paper is it, and another paper's sentence about GPT-4 would answer a question about a paper not there.
        answer = _refusal(question, found, _not_indexed(unknown_papers, found.view))
    elif shape.kind == "comparative":
        answer = _compare(shape, question, found, retrieval)
    elif shape.kind == "list":
        answer = _list(shape.topic, question, found, retrieval)
    elif shape.kind in ("multi", "aggregate") and (unknown := _unknown_data(found)):
        # "Which of the code generation papers report DS-1000 results?": no abstract names it, so none does.
        answer = _refusal(question, found, _not_mentioned(unknown))
    elif shape.kind == "multi":
        answer = across_papers(question, found, [t.text for t in shape.terms])
    elif shape.kind == "aggregate":
        answer = aggregate(question, found) or across_papers(question, found, [t.text for t in shape.terms])
    elif len(shape.papers) == 1:
        answer = _about_paper(shape, question, found)
    elif shape.kind == "factoid" and not shape.papers and (described := _described_one(found)):
        # "how many lemmas are in the olympiad Lean dataset paper?": that paper is asked about, as if named; the
        # names in its description ("Lean") describe it, they are not what is asked about it.
        pid, (start, end) = described
        terms = [t for t in shape.terms if not start <= t.start < end]
        answer = _about_paper(replace(shape, papers=[pid], terms=terms), question, found)
    scope = shape.papers if answer is not None and len(shape.papers) == 1 else None
    if answer is None:
        answer = _factoid(question, found, shape)
    generator = found.tools.generator
    if generator is not None and not answer.refused:
        # Every kind is written by the model from the evidence the extractive answer was built from; refusals were
        # decided above and never reach it.
        return (yield from _generated(generator, shape, answer, question, found, strict, scope))
    for sentence in answer.sentences:
        yield sentence.text + " "
    return answer


def _unknowns(found: Gathered) -> tuple[list[str], list[str]]:
    """unknown_names of the question, computed once."""
    if found.unknown is None:
        found.unknown = unknown_names(found.searched, found.view)
    return found.unknown


def unknown_names(question: str, view: IndexView) -> tuple[list[str], list[str]]:
    """Names in the question that no indexed title or abstract mentions: identifiers (acronyms, mixed case:
    "MMLU", "Defects4J") and plain capitalised words ("Coq"). Nothing here can be about an unknown identifier;
    an unknown word only asks for stronger evidence, since a question may name what an abstract describes."""
    from rag.text.names import key_names, mention_pattern, names_in

    strong = names_in(question)
    unknown = [n for n in key_names(question)
               if not mention_pattern(n).search(view.corpus_text) and not view.lexicon.known(n)]
    return [n for n in unknown if n in strong], [n for n in unknown if n not in strong]


# "the Reflexion paper", "Toolformer's authors": a name used as a paper's.
_AS_PAPER = rf"(?:\s+(?:{'|'.join(sorted(PAPER_WORDS))}|authors?)\b|['’]s?\s+(?:paper|authors?|abstract)\b)"


def _unknown_papers(found: Gathered) -> list[str]:
    """Names the question uses as a paper's name ("the Toolformer paper") that no indexed paper has: no abstract
    mentions them, or the abstracts only cite them (a name one abstract uses as its own names that paper)."""
    from rag.answer.mentions import key, name_like
    from rag.text.names import mention_pattern

    question = found.searched
    unknown_ids, unknown_words = _unknowns(found)
    papers = found.view.papers.values()
    authors = {w.lower() for p in papers for a in p.authors for w in re.findall(r"[\w'’-]+", a)}
    lexicon = found.view.lexicon
    # A name in a title describes that paper ("the Lean paper"), and "the MBPP paper" is the one introducing or
    # defining it ("The Mostly Basic Programming Problems (MBPP) dataset"), though other abstracts use it too.
    cited = [m.text for m in lexicon.find(question)
             if m.kind == "term" and name_like(m.text) and re.match(_AS_PAPER, question[m.end:], re.I)
             and key(m.text) not in lexicon.introduced
             and not any(mention_pattern(m.text).search(p.title) or f"({m.text.lower()})" in p.abstract.lower()
                         for p in papers)]
    # "the Chen paper": an author's name is no paper's name, but the paper is there.
    return [*cited, *[n for n in [*unknown_ids, *unknown_words] if n.lower() not in authors
                      and re.search(mention_pattern(n).pattern + _AS_PAPER, question, re.I)]]


def _not_indexed(names: list[str], view: IndexView) -> str:
    from rag.answer.naming import mentions_name
    from rag.text.names import short_name

    said = []
    for name in names:
        citing = [short_name(p) for p in view.papers.values() if mentions_name(f"{p.title}\n{p.abstract}", name)]
        where = f"only mentioned in the abstracts of {', '.join(citing[:3])}" if citing else "no abstract mentions it"
        said.append(f"“{name}” ({where})")
    return f"No indexed paper is {'; '.join(said)}, so the indexed abstracts do not answer this question."


def _unknown_data(found: Gathered) -> list[str]:
    """Names no abstract has that a question asks results on ("DS-1000 results", "on MMLU"), or []."""
    from rag.answer.asks import unknown_name_unanswerable

    unknown_ids, _ = _unknowns(found)
    return unknown_ids if unknown_ids and unknown_name_unanswerable(found.searched, unknown_ids, False) else []


def _refusal(question: str, found: Gathered, reason: str) -> Answer:
    from rag.answer.refusal import refusal

    closest = [found.view.papers[e.paper_id] for e in found.retrieved[:3]]
    return refusal(closest, query=question, searched=found.searched, reason=reason)


def _not_mentioned(names: list[str]) -> str:
    quoted = ", ".join(f"“{n}”" for n in names)
    return f"No indexed abstract mentions {quoted}, so the indexed abstracts do not answer this question."


def _clarify(question: str, found: Gathered) -> Answer:
    """A pronoun with nothing to refer to: a question back, never an answer about whatever ranked first."""
    return Answer(query=question, searched_query=found.searched, refused=True, kind="clarify",
                  answer="Which paper do you mean? Name it (or its method), or pick one in the Papers tab and "
                         "ask about it there.")


def _factoid(question: str, found: Gathered, shape: Plan | None = None) -> Answer:
    from rag.answer.asks import (
        FIGURE_RATIO,
        asked_value,
        asks_for_figure,
        figure_needed,
        has_figure,
        split_asks,
        unknown_name_unanswerable,
    )
    from rag.answer.factoid import extractive_answer, findings_first
    from rag.answer.focused import answering_each_ask
    from rag.answer.naming import mentions_name
    from rag.answer.scoring import pick_answer_sentences

    papers, settings = found.view.papers, found.tools.settings
    unknown_ids, unknown_words = _unknowns(found)
    if unknown_ids and unknown_name_unanswerable(found.searched, unknown_ids, shape is not None and shape.yes_no):
        # "What accuracy does GPT-4 reach on MMLU?": a figure on a benchmark no abstract names cannot be quoted.
        return _refusal(question, found, _not_mentioned(unknown_ids))
    if shape is not None and not shape.papers and (reason := _no_such_paper(found)):
        return _refusal(question, found, reason)
    scored = found.scored()
    bar = settings.answer.refuse_below
    if (unknown_ids or unknown_words) and not (shape is not None and shape.yes_no):
        # A name no abstract has in any form asks for strong evidence, not a refusal outright: the abstract may
        # write it out ("Apolipoprotein E4" for "APOE4") while plainly being about the question. A yes/no claim
        # is answered by a finding, and its unknown name is most often another name for what an abstract says
        # ("Kat8" for MOF): only the usual bar.
        bar = max(bar, settings.answer.refuse_below_unknown_name)
    if not scored or scored[0].score < bar:
        unknown = unknown_ids or unknown_words
        reason = _not_mentioned(unknown) if unknown and scored else ""
        return _refusal(question, found, reason)
    # An identifier ("RepoCoder", "repoeval" typed in lower case) is what is asked about; a capitalised phrase
    # ("Self-play") describes.
    terms = [t.text for t in shape.terms if _identifier(t.text)] if shape is not None else []
    if terms and not shape.yes_no and asks_for_figure(found.searched) and len(split_asks(found.searched)) == 1:
        # "What exact-match score does RepoCoder achieve on RepoEval?": a figure on what the question names is in a
        # sentence naming it ("RLCoder ... 12.2% EM improvement on RepoEval" is RLCoder's, and names no RepoCoder).
        naming = [s for s in scored if has_figure(s.text) and all(mentions_name(s.text, t) for t in terms)]
        if not naming:
            return _refusal(question, found, f"No abstract gives a figure naming {' and '.join(terms)} (the "
                                             f"closest sentence: “{scored[0].text}”).")
        scored = naming + [s for s in scored if s not in naming]
    if needed := figure_needed(found.searched, ratio=False):
        # "What's the overhead in %?", "by what factor?": a sentence with that kind of figure, among those close to
        # the best, leads; with none, the abstracts do not state it ("negligible impact" is no percentage).
        close = [s for s in scored if s.score >= FIGURE_RATIO * scored[0].score]
        fitting = [s for s in close if needed(s.text)]
        if not fitting:
            said = f"the closest sentence: “{scored[0].text}”"
            return _refusal(question, found, f"The closest abstracts give no such figure ({said}).")
        scored = fitting + [s for s in scored if s not in fitting]
    chosen = pick_answer_sentences(scored, settings.answer.max_sentences)
    if _ONE_PAPER.search(found.searched) and chosen:
        # "How many lemmas are in the olympiad Lean dataset paper?": one paper is asked about, the best one.
        best = max(chosen, key=lambda s: s.score).paper_id
        chosen = [s for s in chosen if s.paper_id == best]
    if shape is not None and shape.yes_no:
        chosen = findings_first(chosen, papers, scored)
    chosen = answering_each_ask(found.searched, chosen, found, settings.answer.max_sentences)
    emphasis = asked_value(found.searched, chosen[0].text, [t.text for t in shape.terms] if shape else []) \
        if chosen else None
    return extractive_answer(chosen, papers, query=question, searched=found.searched, emphasis=emphasis)


def _identifier(name: str) -> bool:
    """A name written as an identifier: capitals or digits past its first letter ("RepoCoder", "GPT-4"), or one
    word typed in lower case that the lexicon knows as a name ("repocoder")."""
    return " " not in name and (bool(re.search(r"[A-Z0-9]", name[1:])) or (name.islower() and "-" not in name))


# "the olympiad Lean dataset paper", "that study": the question is about one paper it describes.
_ONE_PAPER = re.compile(r"\b(?:the|this|that)\s+(?P<description>(?:[\w-]+\s+){1,6}?)(?:paper|study|article)\b(?!s)",
                        re.I)


def _described_one(found: Gathered) -> tuple[str, tuple[int, int]] | None:
    """The paper a question describes ("the olympiad Lean dataset paper"), with where the description is, when the
    description finds it first and the whole question ranks it among its top three; None otherwise ("that study"
    describes nothing)."""
    from rag.text.tokens import STOPWORDS

    match = _ONE_PAPER.search(found.searched)
    if not match or not [w for w in re.findall(r"[A-Za-z][\w-]+", match["description"])
                         if w.lower() not in STOPWORDS and w.lower() not in {"same", "other", "first", "second",
                                                                              "last", "above", "previous"}]:
        return None
    hits, _ = found.search(match["description"], 1)
    top = {e.paper_id for e in found.retrieved[:3]}
    return (hits[0].paper_id, match.span()) if hits and hits[0].paper_id in top else None


# "There was a paper that translates Python programs into Rust": a paper described, not named.
_DESCRIBED_PAPER = re.compile(r"\b(?:a|the|one|some|any)\s+(?:paper|work|study|article)\s+(?:that|which|where|who|"
                              r"on|about)\s+(?P<description>[^.?!;]+)", re.I)


def _no_such_paper(found: Gathered) -> str:
    """Why no indexed paper is the one a question describes, or "": the paper closest to the description lacks a
    name the description gives ("Python" for the C-to-Rust paper). A name typed in lower case counts when the
    abstracts only write it capitalised."""
    from rag.answer.naming import mentions_name
    from rag.text.names import is_generic

    if not (match := _DESCRIBED_PAPER.search(found.searched)):
        return ""
    description = match["description"].strip()
    words = [found.view.vocabulary.as_written(w) for w in re.findall(r"[A-Za-z][\w+#*-]*", description)]
    names = [w for w in words if w[0].isupper() and len(w) >= 2 and not is_generic(w)]
    hits, _ = found.search(description, 1)
    if not names or not hits:
        return ""
    paper = found.view.papers[hits[0].paper_id]
    absent = [n for n in names if not mentions_name(f"{paper.title}\n{paper.abstract}", n)]
    if not absent:
        return ""
    return (f"No indexed paper matches “{description}”: the closest, {paper.title}, does not mention "
            f"{', '.join(absent)}.")


def _generated(generator: Generator, shape: Plan, extractive: Answer, question: str, found: Gathered,
               strict: bool | None, scope: Sequence[str] | None) -> Iterator[str]:
    """The answer written by a model, verified: a factoid from the best sentences (the named paper's, if any); a
    comparison, list or overview from the papers and sentences the extractive answer chose. The extractive answer
    stands in when the model cites nothing usable."""
    from rag.answer.verify import verify
    from rag.generation.answer import generated_answer
    from rag.generation.evidence_plan import writing_kind
    from rag.generation.synthesis import synthesised_answer

    settings = found.tools.settings
    # Lists and comparisons find papers by name across the whole index, beyond what retrieval returned.
    retrieved = {e.paper_id for e in found.retrieved} | {c.paper_id for c in extractive.citations}
    common = {"question": question, "searched": found.searched, "papers": found.view.papers,
              "extractive": extractive, "llm": settings.llm, "max_sentences": settings.answer.max_sentences,
              "verify": lambda a: verify(a, retrieved, found.tools.embed_sentences),
              "strict": settings.llm.strict if strict is None else strict}
    kind = writing_kind(extractive.kind, shape.kind)
    if kind == "factoid":
        scored = found.scored_in(scope) if scope else found.scored()
        return (yield from generated_answer(generator, scored=scored, **common))
    return (yield from synthesised_answer(generator, kind=kind, aspect=shape.aspect, score_within=found.scored_in,
                                          **common))


def _compare(shape: Plan, question: str, found: Gathered, retrieval: RetrievalSettings) -> Answer | None:
    """Every named paper is a row; sides named by description are looked up; the aspect picks the cells."""
    from rag.answer.compare_rows import aspect_rows
    from rag.answer.comparison import comparative_answer
    from rag.answer.plan import side_variants
    from rag.text.names import find_paper, short_name

    papers = found.view.papers
    chosen: list[Paper] = [papers[pid] for pid in shape.papers if pid in papers]
    missing = []
    for side in shape.sides:
        paper = next(filter(None, (find_paper(v, papers.values()) for v in side_variants(side))), None)
        if paper is None:
            missing.append(side)
        elif paper not in chosen:
            chosen.append(paper)
    for description in shape.described:
        hits = found.view.retriever.search(description, retrieval, k=len(chosen) + 3)
        if hits and papers[hits[0].paper_id] in chosen:
            continue  # "the MPI one (OMPGPT vs MPIrigen)": the description is of a paper already named
        paper = next((papers[h.paper_id] for h in hits if papers[h.paper_id] not in chosen), None)
        if paper is not None:
            chosen.append(paper)
    # Most of its words in no abstract in any form ("reflexion"; not "plain repeated sampling").
    absent = [side for side in missing if not found.view.vocabulary.uses_most(side)]
    if len(chosen) == 1 and absent:
        # "how does codetree compare with reflexion?": no abstract has the other side in any form, so nothing here
        # compares them; the one paper's sentences would answer another question.
        from rag.answer.refusal import refusal

        return refusal(chosen, query=question, searched=found.searched,
                       reason=f"No indexed abstract mentions “{absent[0]}”, so none compares it with "
                              f"{short_name(chosen[0])}.")
    if len(chosen) < 2:
        return None
    unknown_ids, _ = _unknowns(found)
    if unknown_ids:  # "Are ENAMEL and BigCodeBench under MIT or Apache-2.0?": no abstract names either
        from rag.answer.refusal import refusal

        return refusal(chosen, query=question, searched=found.searched, reason=_not_mentioned(unknown_ids))
    if shape.aspect:
        return aspect_rows(chosen, shape, question, found, missing=missing)
    return comparative_answer(chosen, papers, query=question, searched=found.searched, missing=missing)


def _about_paper(shape: Plan, question: str, found: Gathered) -> Answer | None:
    from rag.answer.asks import unknown_name_unanswerable
    from rag.answer.focused import about_paper
    from rag.answer.refusal import refusal

    unknown_ids, _ = _unknowns(found)
    if unknown_ids and shape.yes_no and not unknown_name_unanswerable(found.searched, unknown_ids, True):
        # "Does Wdr5's recruitment depend on Kat8?": a claim whose unknown name may be another paper's word for
        # it ("Mof") is answered from all the evidence, the named paper's included.
        return None
    if unknown_ids:  # "RLCoder on Defects4J": no abstract names Defects4J at all
        closest = [found.view.papers[pid] for pid in shape.papers]
        return refusal(closest, query=question, searched=found.searched, reason=_not_mentioned(unknown_ids))
    return about_paper(shape, question, found)


def _list(topic: str, question: str, found: Gathered, retrieval: RetrievalSettings) -> Answer | None:
    """Every matching paper; a figure no abstract states is refused, not answered with whatever ranks first."""
    from rag.answer.listing import find_matches, list_answer, unmet_figures, unmet_filters, unmet_words

    view = found.view
    # "which papers use isabelle": a word the abstracts only write as a name is that name, matched exactly.
    topic = re.sub(r"\b[a-z][a-z0-9]{3,}\b", lambda m: view.vocabulary.as_written(m.group(0)), topic)
    if reason := unmet_words(topic, view.vocabulary):
        # What the topic is about is in no abstract in any form ("text-to-SQL"): whatever matches loosely is about
        # something else.
        return _refusal(question, found, reason)
    matches = find_matches(topic, view.papers.values(), lambda text: found.scored_for(text, LIST_DEPTH))
    if not matches:
        reason = unmet_filters(topic, view.papers.values()) or unmet_figures(topic)
        return _refusal(question, found, reason) if reason else None
    return list_answer(matches, view.papers, topic=topic, query=question, searched=found.searched)


def _with_cited(evidence: list[Evidence], answer: Answer, papers: dict[str, Paper]) -> list[Evidence]:
    """Papers found by name or by a whole-index scan are the evidence of comparisons and lists: they come
    first, then the rest of what retrieval found."""
    if answer.kind == "factoid":
        return evidence
    by_id = {e.paper_id: e for e in evidence}
    ranked = []
    for citation in answer.citations:
        paper = papers[citation.paper_id]
        ranked.append(by_id.pop(paper.paper_id, None) or
                      Evidence(paper_id=paper.paper_id, title=paper.title, text=citation.quote))
    ranked += by_id.values()
    for rank, item in enumerate(ranked):
        item.rank = rank
    return ranked
