"""The path of one question, as explicit phases over one index view:

    condense -> plan -> gather evidence -> compose -> verify

Each phase is a function of what the earlier ones produced; the view is an argument, never ambient state. The
pipeline yields events: text as it is written (`str`), then the verified `Answer` last, so a face that
streams and a face that waits read the same path.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rag.answer.across import TITLE_SHARED, across_papers, aggregate
from rag.answer.asides import without_purpose
from rag.answer.best_sentences import best_sentences_answer
from rag.answer.described import described_one
from rag.answer.drafts import as_cited_ask
from rag.answer.evidence import Gathered, Tools
from rag.answer.followups import (
    ASKS_WHICH_PAPER,
    about_listed,
    carried_along,
    picked_by_description,
    picked_by_place,
    picks_by_description,
    subject_of,
)
from rag.answer.hearsay import without_hearsay
from rag.answer.hypotheticals import hypothetical
from rag.answer.negated import Negated, negated
from rag.answer.one_asked import asked_of_one
from rag.answer.origin import made_by, unmade
from rag.answer.plan import NARROWING, Plan, asked_part
from rag.answer.preamble import says_all, without_story
from rag.answer.question import check_question
from rag.answer.rankings import without_ranking
from rag.answer.refusal import for_low_score, refusal, refuse
from rag.answer.some_papers import as_which_papers
from rag.answer.unknowns import (
    not_indexed,
    not_mentioned,
    repeated_unused,
    unknown_data,
    unknown_papers,
    unknowns,
)
from rag.errors import QuestionError
from rag.index.view import IndexView
from rag.settings import RetrievalSettings
from rag.text.chinese import from_chinese
from rag.text.clippings import spell_out
from rag.text.courtesy import plain_courtesy
from rag.text.forum import without_forum_marks
from rag.text.french import from_french
from rag.text.german import from_german
from rag.text.indifference import without_indifference
from rag.text.initialisms import spell_initialisms
from rag.text.layouts import without_layout
from rag.text.letters import without_letter
from rag.text.notation import in_words
from rag.text.quiz import as_asked
from rag.text.reviewers import as_reviewer
from rag.text.search_strings import in_words as searched_in_words
from rag.text.search_strings import string_run
from rag.text.sentences import split_sentences
from rag.text.shorthand import shorthand_written_out
from rag.text.social import without_post_marks
from rag.text.spanish import in_english
from rag.text.spoken import as_dictated
from rag.text.tokens import tokenize
from rag.text.typos import correct_slips, unstressed
from rag.types import Answer, Evidence, Paper

if TYPE_CHECKING:
    from rag.answer.listing import Match
    from rag.answer.scoring import ScoredSentence
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
    asked = _as_searched(question, view)
    searched = condense(asked, history, tools, view) if request.paper_ids is None else asked
    shape, searched = plan_question(searched, view, request.paper_ids, bool(history))
    if request.paper_ids is None and (string := string_run(question)):
        shape = replace(shape, kind="list", search=string)  # a librarian's search string, run as typed
    found = gather(shape, searched, view, tools, retrieval, request.paper_ids)
    t_gathered = time.perf_counter()
    # Read as it was searched ("HE p@1" is HumanEval pass@1 in what the answer checks too), its slips as typed.
    read = _read(question, view)
    decided = decide(shape, read, found, retrieval)
    if history and request.paper_ids is None and for_low_score(decided[0]) and \
            searched != (carried := carried_along(asked, history)):
        # "ok and what were the other two buckets and their shares?" after the Code4Me failure shares: with its
        # name put in, too few of its words are the abstract's; with the earlier turn carried along, they are.
        # Only a refusal for a low score: one with a reason (a name no abstract has) stands.
        shape_carried, searched_carried = plan_question(carried, view, None, True)
        found_carried = gather(shape_carried, searched_carried, view, tools, retrieval, None)
        if not (again := decide(shape_carried, read, found_carried, retrieval))[0].refused:
            shape, found, decided = shape_carried, found_carried, again
    answer = yield from compose(shape, read, found, retrieval, request.strict, decided)
    answer.query = question
    answer.evidence = _with_cited(found.retrieved, answer, view.papers)
    if not answer.refused:
        verify(answer, {e.paper_id for e in answer.evidence}, tools.embed_sentences)
    answer.settings_hash = settings.settings_hash()
    answer.timings_ms = {"retrieve": (t_gathered - started) * 1000, "total": (time.perf_counter() - started) * 1000}
    yield answer


def condense(question: str, history: Sequence[str], tools: Tools, view: IndexView | None = None) -> str:
    """A follow-up made standalone: by rule, then by the model when one is configured and allowed to."""
    from rag.answer.followups import condense as by_rule
    from rag.answer.followups import corrected, refers_back
    from rag.text.names import short_name

    searched = by_rule(question, history, view.lexicon.paper_names if view is not None and history else None)
    if history and corrected(question):
        pass  # "no, I meant X. ...": about X, whatever the earlier turns were about
    elif view is not None and history and NARROWING not in searched and (papers := _listed(history[-1], view, tools)):
        listed = [short_name(p) for p in papers]
        # "Which models did they test?" after "which papers evaluate LLMs on undergraduate math?": the papers that
        # list named, not a plural noun of its question ("LLMs").
        # One paper listed is what "it" / "there" is ("what fraction could the best model break there?"), when the
        # earlier question names nothing to stand for it ("which paper introduced MBPP?" has MBPP).
        # Nor do the models a "which paper ..." question names ("Which paper evaluates InstructGPT, ChatGPT and GPT-4
        # as assistants ...?" is answered by one paper, which "the dataset they released" is of).
        alone = len(listed) == 1 and (not subject_of(history, view.lexicon.paper_names) or
                                      _describes_by_others(history[-1], view))
        # "what dataset did the first one introduce?": the list's first paper.
        # "the second paper" after "which papers build HPC LMs, like Tokompiler, MPIrigen and OMPGPT?": the second
        # the question named (by_rule put it in), not the list's second.
        named_ids = view.lexicon.named_papers(history[-1])
        named = list(named_ids.values())
        searched = (picked_by_place(question, named) if len(named) >= 2 else "") or \
            picked_by_place(question, listed) or \
            _picked_by_description(question, papers, named_ids, view) or \
            _picked_before(question, history, view, tools) or \
            about_listed(question, listed) or \
            (_about_one(question, papers[0]) if alone else searched)
    elif view is not None and history and NARROWING not in searched and \
            (picked := _picked_by_description(question, [], view.lexicon.named_papers(history[-1]), view)):
        # "and the OpenMP one?" after "HPC code: MPIrigen, OMPGPT, the Tokompiler one?", which asks no list: one of
        # the papers it named.
        searched = picked
    elif view is not None and history and NARROWING not in searched and refers_back(question) and \
            (_describes_by_others(history[-1], view) or _describes_unnamed(history[-1], view)) and \
            len(cited_one := _cited_by(history[-1], view, tools, kinds=("factoid", "yesno"))) == 1:
        # "What's the platform called, and what's the dataset they released?" after "Which paper evaluates
        # InstructGPT, ChatGPT and GPT-4 as assistants ...?": of the paper that answered it, not of InstructGPT.
        searched = _about_one(question, cited_one[0])
    elif view is not None and history and NARROWING not in searched and refers_back(question) and \
            not subject_of(history, view.lexicon.paper_names) and \
            len(cited := _cited_by(history[-1], view, tools, kinds=("factoid",))) == 1:
        # "what metrics did they come up with?" after "is there a benchmark for undergrad math with randomised
        # variants?", answered from UGMathBench alone: "they" are its authors.
        searched = _about_one(question, cited[0])
    if tools.generator is not None and history and tools.settings.llm.condense:
        from rag.generation.rewrite import condense_with_model

        searched = condense_with_model(question, history, tools.generator, searched,
                                       tools.settings.answer.max_question_chars)
    return searched


def _describes_by_others(earlier: str, view: IndexView) -> bool:
    """Whether an earlier "which paper ..." turn described its paper by things it names that are no paper's own
    ("evaluates InstructGPT, ChatGPT and GPT-4", "the early-exit thing on gpt-2"): none of them is what "they" are.
    A paper's name, or a name a paper made ("which paper introduced MBPP?"), stands for that paper."""
    from rag.answer.origin import makers

    mentions = view.lexicon.find(earlier)
    return bool(ASKS_WHICH_PAPER.search(earlier)) and bool(mentions) and \
        all(m.kind != "paper" and not makers(view.lexicon, m.text) for m in mentions)


def _describes_unnamed(earlier: str, view: IndexView) -> bool:
    """Whether an earlier turn described the paper it asked about, naming no paper ("what's the Minecraft agent
    paper about?"): "it" is the paper that answered, not "Minecraft"."""
    from rag.answer.described import description_of

    return description_of(earlier) is not None and not view.lexicon.named_papers(earlier)


def _about_one(question: str, paper: Paper) -> str:
    """A follow-up about the one paper that answered the earlier turn: its short name put in, or, for a paper
    without one, its title quoted as the paper's (so its words are not read as names or as what is asked)."""
    from rag.answer.followups import condense as by_rule
    from rag.text.names import short_name

    name = short_name(paper)
    return by_rule(question, [name]) if name != paper.title else f"{question.rstrip(' ?')} (in the paper “{name}”)?"


def _read(question: str, view: IndexView) -> str:
    """The question as it is read: Chinese, French and German words mixed into it in English ("哪些论文 use Lean?",
    "quels papiers", "welche Paper"), a letter's greeting and sign-off taken off ("Hi paperchat, ... Thanks,
    Maria"), a quiz's number and options read as the question ("Q1. Which of these ...? (a) STP (b) FVEL"), a draft
    pasted for a citation read as what it asks ("'... [CITE]' - which papers?"), a ranking after a list set aside
    ("..., and who wins?"), the layout asked for the answer and what the asker says does not matter set aside
    ("table: paper | score", "(either is fine)"), a forum's marks and a reviewer's label read ("[Q] anyone know",
    "R2 claims"), a claim heard from someone asked as the claim ("my teacher said X. is that true?"), a post's emoji
    and hashtags taken out ("vibes 📼 which papers ... #AI"), Spanish mixed into it in English ("qué papers usan
    Lean?"), a set of papers asked for as a list ("Let S be the set of papers that ... What is S?"), words typed in
    capitals for stress in lower case ("whether it's FAST"), no label about the asker ("True or false:") nor
    sentences of theirs after it ("I think it was gpt-4 but not sure", "for the RL4code week"), the field's
    shorthand, clippings and initialisms written out ("TP", "mF2F", "repo-level" as the abstracts write it, "HE p@1"
    as HumanEval pass@1), dictation's numbers and split names as the abstracts write them ("sixty one point seven
    percent", "mini f2f")."""
    written = _written(view)

    def names_paper(name: str) -> bool:
        return bool(view.lexicon.named_papers(name))

    question = as_asked(without_letter(from_german(from_french(from_chinese(question)))), names_paper)
    question = without_ranking(as_cited_ask(question, says_all))
    question = as_reviewer(without_forum_marks(without_indifference(without_layout(question))))
    question = as_which_papers(without_hearsay(question, says_all, names_paper))
    question = searched_in_words(plain_courtesy(without_post_marks(question)))
    question = unstressed(in_words(in_english(question, view.vocabulary.has)), view.vocabulary)
    question = without_story(question, lambda text: {m.text.lower() for m in view.lexicon.find(text)},
                             view.vocabulary.uses)
    question = as_dictated(asked_part(without_purpose(question, lambda text: bool(view.lexicon.paper_mentions(text)))),
                           view.corpus_text)
    question = spell_out(shorthand_written_out(question, written), written)
    return spell_initialisms(question, view.corpus_text, written)


def _as_searched(question: str, view: IndexView) -> str:
    """The question as it is searched: as read, with slips corrected ("actualy" as "actually")."""
    return correct_slips(_read(question, view), view.vocabulary)


def _written(view: IndexView) -> Callable[[str], bool]:
    """Whether the abstracts write a name as typed, in some spacing ("repo-instruct": "Repo-Instruct")."""
    from rag.text.names import mention_pattern

    return lambda name: mention_pattern(name).search(view.corpus_text) is not None


def _picked_by_description(question: str, listed: Sequence[Paper], named: dict[str, str], view: IndexView) -> str:
    """"the tokompiler one" among the papers a list answered with and those its question named ("which are about HPC
    code: MPIrigen, OMPGPT ...?" names MPIrigen, whichever the list kept)."""
    from rag.text.names import short_name

    papers = list({p.paper_id: p for p in [*listed, *(view.papers[pid] for pid in named if pid in view.papers)]}
                  .values())
    return picked_by_description(question, [short_name(p) for p in papers],
                                 [f"{p.title}\n{p.abstract}" for p in papers])


def _picked_before(question: str, history: Sequence[str], view: IndexView, tools: Tools) -> str:
    """"what about the OpenMP one?" after a list and a narrowing of it that left OMPGPT out: the one picked from the
    list before."""
    if len(history) < 2 or not picks_by_description(question):
        return ""
    before = _cited_by(history[-2], view, tools, kinds=("list", "multi"))  # "what's in here on X?": one line each
    return _picked_by_description(question, before, view.lexicon.named_papers(history[-2]), view)


def _listed(earlier: str, view: IndexView, tools: Tools) -> list[Paper]:
    """The papers an earlier list question lists, or [] when it asks no list. A turn keeps only
    its question, so its answer is composed again as `run` composes it, extractively (the papers an LLM's answer
    cites come from that evidence; no model call is spent on it) and not verified."""
    return _cited_by(earlier, view, tools, kinds=("list",))


def _cited_by(earlier: str, view: IndexView, tools: Tools, kinds: Sequence[str]) -> list[Paper]:
    """The papers an earlier question's answer cites, when it is of one of `kinds` (else [])."""
    asked = _as_searched(earlier, view)
    shape, searched = plan_question(asked, view, None)
    if shape.kind not in kinds:
        return []
    found = gather(shape, searched, view, replace(tools, generator=None), tools.settings.retrieval, None)
    answer, _ = decide(shape, earlier, found, tools.settings.retrieval)
    if answer.refused:
        return []
    return [view.papers[pid] for pid in dict.fromkeys(c.paper_id for c in answer.citations)]


def plan_question(searched: str, view: IndexView, paper_ids: Sequence[str] | None,
                  has_history: bool = False) -> tuple[Plan, str]:
    """The question's shape; a question scoped to chosen papers is about them, and says so."""
    from rag.answer.plan import understand
    from rag.answer.words_asked import words_asked
    from rag.text.names import short_name

    if paper_ids is None:
        shape = understand(searched, view.lexicon, has_history)
        if shape.kind not in ("list", "clarify") and (terms := words_asked(searched)[0]):
            # "Tracking the word "verifier" - which abstracts contain it?": the list of abstracts writing it, however
            # the rest of the question reads
            shape = Plan("list", topic=" or ".join(terms))
        return shape, searched
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
            strict: bool | None, decided: tuple[Answer, bool] | None = None) -> Iterator[str]:
    """Writes the answer of the planned kind; yields its text as it is written and returns the Answer. `decided`:
    what `decide` already made of it."""
    answer, own_path = decided or decide(shape, question, found, retrieval)
    scope = shape.papers if own_path and len(shape.papers) == 1 else None
    generator = found.tools.generator
    if generator is not None and not answer.refused:
        # Every kind is written by the model from the evidence the extractive answer was built from; refusals were
        # decided above and never reach it.
        return (yield from _generated(generator, shape, answer, question, found, strict, scope))
    for sentence in answer.sentences:
        yield sentence.text + " "
    return answer


def decide(shape: Plan, question: str, found: Gathered, retrieval: RetrievalSettings) -> tuple[Answer, bool]:
    """The extractive answer of the planned kind, or the refusal; and whether the kind's own path made it (not the
    best sentences of all the evidence)."""
    answer = None
    if shape.kind == "clarify":
        answer = _clarify(question, found)
    elif shape.kind != "list" and (cited_only := unknown_papers(found)):
        # "In the Reflexion paper, what pass@1 does GPT-4 reach?": no abstract mentions Reflexion, so no indexed
        # paper is it, and another paper's sentence about GPT-4 would answer a question about a paper not there.
        answer = refuse(question, found, not_indexed(cited_only, found.view))
    elif reason := unmade(found):
        # "Which paper introduced HumanEval?": seven abstracts use it, none made it; no using paper is the answer.
        answer = refuse(question, found, reason)
    elif (maker := made_by(found)) is not None:
        # "Which paper introduced MBPP?": the paper that made it, not a list of the four that use it.
        answer = _about_paper(replace(shape, kind="factoid", papers=[maker]), question, found)
    elif supposed := hypothetical(question):
        # "what MATH score would DotaMath get if finetuned on InfinityMATH instead?": nobody ran that.
        answer = refuse(question, found, f"The abstracts report what their authors ran; none says what would happen "
                                         f"{supposed}.")
    elif shape.kind == "comparative" and (one := asked_of_one(shape, found)) is not None:
        # "CodeTree hits 95.1 on HumanEval with GPT-4o. what's PLANSEARCH's HumanEval+ score?", "does GitChameleon
        # cover 139 libraries, like BigCodeBench does?": the other paper is what the asker knows; the ask is of one.
        pid, asked, terms = one
        # Its sentences are scored against the ask alone: the statement before it is the other paper's.
        alone = replace(found, searched=asked, vector=None, _scored=None, _scored_in={}, unknown=None)
        answer = _about_paper(replace(shape, kind="factoid", papers=[pid], sides=[], described=[], terms=terms),
                              asked, alone)
        if answer is None:
            # Nothing of its abstract comes close to the ask; the known paper's sentences, which the whole question
            # scores best, are no answer about it.
            from rag.text.names import short_name

            paper = found.view.papers[pid]
            answer = refusal([paper], query=question, searched=found.searched,
                             reason=f"The {short_name(paper)} abstract does not say this.")
    elif shape.kind == "comparative" and (unstated := _first_figure_unstated(shape, question, found)) is not None:
        answer = unstated
    elif shape.kind == "comparative":
        answer = _compare(shape, question, found, retrieval)
        if answer is None and len(shape.papers) == 1:
            # "How do LLMs score on CS-Bench's Chinese half versus its English half?": parts of one paper, which is
            # asked about, as any question naming it is.
            answer = _about_paper(replace(shape, kind="factoid"), question, found)
    elif shape.kind == "list":
        answer = _list(shape.topic, question, found, retrieval, besides=shape.besides, search=shape.search)
    elif shape.kind in ("multi", "aggregate") and \
            (unknown := unknowns(found)[0] or repeated_unused(found.searched, found.view.vocabulary)
             if shape.kind == "multi" else unknown_data(found)):
        # "Which of the code generation papers report DS-1000 results?": no abstract names it, so none does. A
        # question across papers about a name none of them writes ("turning English into SQL queries?") is about
        # work the index lacks: the papers closest to it are about something else.
        answer = refuse(question, found, not_mentioned(unknown))
    elif shape.kind == "multi":
        answer = across_papers(question, _without(found, shape.besides), [t.text for t in shape.terms],
                               examples=shape.papers)
    elif shape.kind == "aggregate" and not shape.papers and (described := described_one(found)):
        # "what datasets did the code completion context paper use?": one paper is asked about, as if named; other
        # papers' datasets are no answer about it.
        pid, (start, end) = described
        terms = [t for t in shape.terms if not start <= t.start < end]
        answer = _about_paper(replace(shape, kind="factoid", papers=[pid], terms=terms,
                                      described=[found.searched[start:end]]), question, found)
    elif shape.kind == "aggregate":
        answer = aggregate(question, found, shape.besides) or \
            across_papers(question, _without(found, shape.besides), [t.text for t in shape.terms], on_aspect=False)
    elif len(shape.papers) == 1:
        answer = _about_paper(shape, question, found)
    elif shape.kind == "factoid" and not shape.papers and (described := described_one(found)):
        # "how many lemmas are in the olympiad Lean dataset paper?": that paper is asked about, as if named; the
        # names in its description ("Lean") describe it, they are not what is asked about it.
        pid, (start, end) = described
        terms = [t for t in shape.terms if not start <= t.start < end]
        answer = _about_paper(replace(shape, papers=[pid], terms=terms, described=[found.searched[start:end]]),
                              question, found)
    return (answer, True) if answer is not None else (best_sentences_answer(question, found, shape), False)


def _without(found: Gathered, besides: Sequence[str]) -> Gathered:
    """What was found, less the papers the question leaves out."""
    if not besides:
        return found
    return replace(found, retrieved=[e for e in found.retrieved if e.paper_id not in besides], _scored=None,
                   _scored_in={})


def _clarify(question: str, found: Gathered) -> Answer:
    """A pronoun with nothing to refer to: a question back, never an answer about whatever ranked first."""
    return Answer(query=question, searched_query=found.searched, refused=True, kind="clarify",
                  answer="Which paper do you mean? Name it (or its method), or pick one in the Papers tab and "
                         "ask about it there.")


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


# Where in a paper a described thing is: "... solve in the user study", "... in the ablation".
_WITHIN = re.compile(r"\s(?:in|during|from)\s+the\s+(?P<part>[\w-]+(?:\s+[\w-]+)?)$", re.I)
# A described side that is a size or release of what the question names: "the 7B one", "the base version".
_A_VERSION = re.compile(r"^(?:the\s+)?(?:\d+(?:\.\d+)?\s*[BMK]|base|instruct|chat|large|small|mini|v\d+(?:\.\d+)?|"
                        r"(?:bigg|larg|small|new|old)(?:er|est))"
                        r"[\s-]+(?:one|version|variant|model|size)s?$", re.I)


def _first_figure_unstated(shape: Plan, question: str, found: Gathered) -> Answer | None:
    """The refusal of "what did CodeTree get on SWE-bench? was it above AutoCodeRover's", when the first paper's
    abstract gives no such figure; None to compare as usual."""
    from rag.answer.one_asked import figure_asked_first
    from rag.text.names import short_name

    if (first := figure_asked_first(shape, found)) is None:
        return None
    pid, asked = first
    alone = replace(found, searched=asked, vector=None, _scored=None, _scored_in={}, unknown=None)
    answer = _about_paper(replace(shape, kind="factoid", papers=[pid], sides=[], described=[],
                                  terms=[t for t in shape.terms if t.end <= len(asked)]), asked, alone)
    if answer is None or not answer.refused:
        return None
    other = next(found.view.papers[p] for p in shape.papers if p != pid)
    answer.query = question
    reason, rest = answer.answer.partition("\n")[::2]  # the reason is a refusal's first line
    answer.answer = f"{reason} Nothing to set against {short_name(other)}'s.\n{rest}".rstrip()
    return answer


def _compare(shape: Plan, question: str, found: Gathered, retrieval: RetrievalSettings) -> Answer | None:
    """Every named paper is a row; sides named by description are looked up; the aspect picks the cells."""
    from rag.answer.compare_rows import aspect_rows
    from rag.answer.comparison import comparative_answer
    from rag.answer.plan import side_variants
    from rag.text.names import find_paper, mention_pattern, short_name

    papers = found.view.papers
    chosen: list[Paper] = [papers[pid] for pid in shape.papers if pid in papers]
    missing = []
    for side in shape.sides:
        paper = next(filter(None, (find_paper(v, papers.values()) for v in side_variants(side))), None)
        if paper is None:
            missing.append(side)
        elif paper not in chosen:
            chosen.append(paper)
    # With no paper named at all, sides in words the abstracts use ("dynamic inference for code completion vs the
    # pillow/numpy LLM optimization case studies") describe their papers: looked up as described sides are. Beside
    # a named paper such a side is what it is compared with ("PLANSEARCH vs plain repeated sampling").
    # Only a side worded as some paper's title is ("the pillow/numpy LLM optimization case studies"); "the ROUGE-L
    # drop" or "the original C" are what is compared, not papers.
    # Beside a named paper, only when the paper retrieved first for the side has its words in its title: "dynamic
    # layer-skipping for code completion vs KV Prediction" ("... Faster Completion through Dynamic Model Inference").
    def titled(side: str, title: str) -> bool:
        return len(set(tokenize(side)) & set(tokenize(title))) >= TITLE_SHARED

    def retrieved_titled(side: str) -> bool:
        hits = found.view.retriever.search(side, retrieval, k=len(chosen) + 1)
        first = next((papers[h.paper_id] for h in hits if papers[h.paper_id] not in chosen), None)
        return first is not None and titled(side, first.title)

    worded = [side for side in missing if len(side.split()) >= 3 and found.view.vocabulary.uses_most(side) and
              any(titled(side, p.title) for p in papers.values()) and
              (not shape.papers or retrieved_titled(side))] if len(shape.sides) >= 2 else []
    missing = [side for side in missing if side not in worded]
    for description in [*shape.described, *worded]:
        if _A_VERSION.match(description):
            continue  # "the 32B version of X vs the 7B one": another size of the named model, not a paper
        if any(m.paper_ids and set(m.paper_ids) <= {p.paper_id for p in chosen}
               for m in found.view.lexicon.find(description)):
            continue  # "the 150M LintSeq": a paper already named
        own = re.sub(r"^(?:the|this|that)\s+", "", description, flags=re.I)
        said = re.search(re.escape(description) + r"(?P<rest>\s+(?:of|on|about|with|by|from|in|that|which)\b)?",
                         question)
        # "Codex in P3, and how long took the user study?", "what % did the human participants solve in the user
        # study?": P3's own user study, no other paper.
        within = _WITHIN.search(own)
        if said and not said["rest"] and any(mention_pattern(own).search(p.abstract) or
                                             (within and mention_pattern(within["part"]).search(p.abstract))
                                             for p in chosen):
            continue
        hits = found.view.retriever.search(description, retrieval, k=len(chosen) + 3)
        if hits and papers[hits[0].paper_id] in chosen:
            continue  # "the MPI one (OMPGPT vs MPIrigen)": the description is of a paper already named
        # "the F* one": a name written with a symbol is matched as written; a search reads "F*" as the "f" of any
        # abstract ("a short Python program f").
        marked = re.findall(r"(?<![\w*+#])\w[\w.-]*[*+#]+", own)
        writing = {p.paper_id for p in papers.values() if marked and
                   all(re.search(rf"(?<![\w*+#]){re.escape(w)}(?![\w*+#])", f"{p.title} {p.abstract}") for w in marked)}
        if writing:
            hits = [h for h in hits if h.paper_id in writing] or \
                   [h for h in found.view.retriever.search(description, retrieval, k=len(papers))
                    if h.paper_id in writing]
        paper = next((papers[h.paper_id] for h in hits if papers[h.paper_id] not in chosen), None)
        if paper is not None:
            chosen.append(paper)
    # Most of its words in no abstract in any form ("reflexion"; not "plain repeated sampling").
    absent = [name for name in (side_variants(side)[-1] for side in missing)
              if not found.view.vocabulary.uses_most(name)]
    if len(chosen) == 1 and absent:
        # "how does codetree compare with reflexion?": no abstract has the other side in any form, so nothing here
        # compares them; the one paper's sentences would answer another question.
        return refusal(chosen, query=question, searched=found.searched,
                       reason=f"No indexed abstract mentions “{absent[0]}”, so none compares it with "
                              f"{short_name(chosen[0])}.")
    if len(chosen) < 2:
        return None
    unknown_ids, _ = unknowns(found)
    if unknown_ids:  # "Are ENAMEL and BigCodeBench under MIT or Apache-2.0?": no abstract names either
        return refusal(chosen, query=question, searched=found.searched, reason=not_mentioned(unknown_ids))
    if shape.aspect:
        return aspect_rows(chosen, shape, question, found, missing=missing)
    return comparative_answer(chosen, papers, query=question, searched=found.searched, missing=missing)


def _about_paper(shape: Plan, question: str, found: Gathered) -> Answer | None:
    from rag.answer.asks import ask_opens, split_asks, subject_and_ask, unknown_name_unanswerable
    from rag.answer.focused import about_paper
    from rag.text.names import mention_pattern

    unknown_ids, _ = unknowns(found)
    known = found.view.vocabulary.uses
    if unknown_ids and shape.yes_no and not unknown_name_unanswerable(found.searched, unknown_ids, True, known):
        # "Does Wdr5's recruitment depend on Kat8?": a claim whose unknown name may be another paper's word for
        # it ("Mof") is answered from all the evidence, the named paper's included.
        return None
    asks = split_asks(found.searched)
    if unknown_ids and len(asks) > 1 and ask_opens(subject_and_ask(asks[0])[-1]) and \
            not any(mention_pattern(n).search(asks[0]) for n in unknown_ids):
        # "MBPP paper: does performance scale with size? also which TPU did they train on?": the first ask is
        # answered, and the answer says no abstract mentions what the second asks about. Not when the first part
        # only sets out what the asker knows ("DeepSeek-Prover reports 46.3% on the test split; what is the
        # figure on the validation split?"): the one ask is about what no abstract mentions.
        answer = about_paper(shape, asks[0], found)
        if answer is not None and not answer.refused:
            answer.query = question
            quoted = ", ".join(f"“{n}”" for n in unknown_ids)
            answer.answer += f"\n\nNo indexed abstract mentions {quoted}: the rest of the question is not answered."
            return answer
    if unknown_ids:  # "RLCoder on Defects4J": no abstract names Defects4J at all
        closest = [found.view.papers[pid] for pid in shape.papers]
        return refusal(closest, query=question, searched=found.searched, reason=not_mentioned(unknown_ids))
    return about_paper(shape, question, found)


# Where a list topic names something: after "in", "on", "with", "using", "for" ..., and ending it or one of its
# alternatives.
_NAME_GOES = re.compile(r"\b(?:in|on|with|using|for|via|into)\s+$", re.I)
_FAMILY = re.compile(r"(?<![\w-])(?P<name>[A-Za-z][\w.+]*(?:-[\w.+]+)*?)[\s-](?:family|series)(?![\w-])"
                     r"(?:\s+(?:of\s+)?models?\b|(?!\s+of\b))", re.I)
_NAME_ENDS = re.compile(r"\s*(?:$|[,;:?!)/]|(?:or|and)\b)", re.I)


def _list(topic: str, question: str, found: Gathered, retrieval: RetrievalSettings,
          besides: Sequence[str] = (), search: str = "") -> Answer | None:
    """Every matching paper (less those `besides`: "anything else like DotaMath?"); a figure no abstract states is
    refused, not answered with whatever ranks first."""
    from rag.answer.acronyms import defined_as
    from rag.answer.listing import (
        Match,
        asks_mentions,
        find_matches,
        list_answer,
        names_asked,
        unknown_word,
        unmet_figures,
        unmet_filters,
        unmet_words,
        with_closest,
    )
    from rag.answer.released import release_asked
    from rag.answer.words_asked import sentence_writing, words_asked, writing
    from rag.text.boolean_search import parse as parse_search
    from rag.text.chatter import CHATTER
    from rag.text.typos import TWO_LETTER_WORDS

    view = found.view
    # "which papers use isabelle": a word the abstracts only write as a name is that name, matched exactly.
    # Not the head of a longer name typed alone ("for Minecraft game": no "Game of 24" there).
    def as_name(word: re.Match[str]) -> str:
        alone = not re.match(r"\s+of\b", topic[word.end():])
        if alone and view.vocabulary.heads_a_name_only(word[0]):
            return word[0]
        if (named := view.vocabulary.name_typed_lower(word[0])) or word[0] in CHATTER:
            return named or word[0]
        # "theorem proving in coq": a word no abstract has in any form and English lacks, typed where a name goes
        # (after "in", "with", "for" ..., ending the topic or a side of "or"), is a name typed in lower case, which
        # the list must meet as one ("Coq"), not a loose word the rest of the topic may do without. Elsewhere it may
        # be a word the tables lack ("telemetry") or a slip ("teh").
        if not (_NAME_GOES.search(topic[:word.start()]) and _NAME_ENDS.match(topic, word.end())):
            return word[0]
        from rag.text.typos import english_word

        known = view.vocabulary.uses(word[0]) or view.vocabulary.written_apart(word[0]) or \
            english_word(word[0], view.vocabulary) or view.lexicon.known(word[0])
        return word[0] if known else word[0].capitalize()

    # "qwen-family models", "the GPT-4 family": the models of that name, which the abstracts write by their versions
    # ("Qwen2.5-Math-7B"). A name, not a word ("a benchmark family").
    def family(match: re.Match[str]) -> str:
        name = match["name"]
        # A name with its version ("GPT-4"), or one the abstracts write with versions ("Qwen2.5", "Llama3"); not a
        # word ("Time series").
        if len(name) < 3 or not ((any(c.isdigit() for c in name) and view.vocabulary.uses(name)) or
                                 (name.isalpha() and view.vocabulary.versioned(name))):
            return match[0]
        if name != name.lower():
            return f"{name} models"
        return f"{view.vocabulary.name_typed_lower(name) or name.capitalize()} models"

    topic = _FAMILY.sub(family, topic)
    topic = re.sub(r"\b[a-z][a-z0-9]{2,}\b", as_name, topic)
    # "rl applied to code tasks": two letters an abstract spells out as an acronym in capitals are that acronym ("RL":
    # reinforcement learning), unless they are an English word ("or", "it"); one only written so ("ui") is left to
    # the topic's meaning.
    topic = re.sub(r"(?<![\w'’-])[a-z]{2}(?![\w'’-])", lambda m: m[0].upper() if m[0] not in TWO_LETTER_WORDS and
                   view.vocabulary.writes_upper(m[0]) and defined_as(m[0].upper(), view.papers.values()) else m[0],
                   topic)
    if (denied := negated(topic, question)) is not None:
        return _not_doing(denied, question, found, [p for p in view.papers.values() if p.paper_id not in besides])
    if repeated := repeated_unused(found.searched, view.vocabulary):
        return refuse(question, found, not_mentioned(repeated))
    if search and (run := parse_search(search)) is not None:
        # "(ChatGPT OR GPT-4) AND mathemat*": the papers the string finds, as a database would find them
        hits = [p for p in view.papers.values() if p.paper_id not in besides and run.holds(p.title, p.abstract)]
        if not hits:
            return refuse(question, found, f"No indexed paper matches the search {search.strip()}.")
        patterns = [term.pattern() for term in run.terms()]
        return list_answer([Match(paper, sentence_writing(paper, patterns), 1.0) for paper in hits], view.papers,
                           topic=f"the search {search.strip()}", query=question, searched=found.searched)
    terms, every = words_asked(question)
    if terms:
        # "which abstracts use the word 'interactive'?": the papers writing it, whatever they are about
        joined = " and " if every else " or "
        said = joined.join(f"“{term}”" for term in terms)
        written = writing(terms, [p for p in view.papers.values() if p.paper_id not in besides],
                          titles=not re.search(r"\babstracts?\b", question, re.I), every=every)
        if not written:
            return refuse(question, found, f"No indexed abstract writes {said}.")
        return list_answer([Match(paper, sentence, 1.0) for paper, sentence in written], view.papers,
                           topic=f"the word{'s' if len(terms) > 1 else ''} {joined.join(terms)}", query=question,
                           searched=found.searched)
    # A release is read from what the abstract says it makes public ("provide links to their GitHub repositories":
    # no abstract writes "links", many give one).
    if release_asked(topic) is None and \
            (reason := unmet_words(topic, view.vocabulary, lambda word: sum(map(view.lexical.idf, tokenize(word))))):
        # What the topic is about is in no abstract in any form ("text-to-SQL"): whatever matches loosely is about
        # something else.
        return refuse(question, found, reason)
    candidates = [p for p in view.papers.values() if p.paper_id not in besides]
    matches = find_matches(topic, candidates, lambda text: found.scored_for(text, LIST_DEPTH),
                           passing=asks_mentions(question))
    matches = with_closest(topic, matches, candidates, lambda text: found.scored_for(text, LIST_DEPTH))
    if not matches:
        reason = unmet_filters(topic, view.papers.values()) or unmet_figures(topic) or \
            unknown_word(topic, view.vocabulary, view.lexicon.known)
        if reason:
            return refuse(question, found, reason)
        # No paper's sentence comes close enough to be listed, or none stands out ("any papers on getting LLMs to make
        # existing code run faster?": its words are in many abstracts): the papers the question is closest to, one
        # line each, as a question across papers is answered, not one abstract's opening sentences. Not for a topic
        # naming something ("which papers evaluate on APPS?"): no paper names it. On the 187 tune parts: list
        # citation recall 0.781 -> 0.792, precision 0.881 -> 0.874.
        # "apart from FunCoder, who else uses consensus?": the answer is about the others, never the paper left out.
        found = _without(found, besides)
        scored = found.scored()
        if names_asked(topic) or not scored:
            return refuse(question, found, f"No other indexed paper matches “{topic}”.") if besides else None
        answer = across_papers(question, found)
        return answer if answer is not None or not besides else \
            refuse(question, found, f"No other indexed paper matches “{topic}”.")
    return list_answer(matches, view.papers, topic=topic, query=question, searched=found.searched,
                       also=_second_sentences(matches, found))


def _not_doing(denied: Negated, question: str, found: Gathered, candidates: Sequence[Paper]) -> Answer:
    """The papers, of those asked about, whose abstracts do not say they do what the question denies: "which
    theorem-proving papers don't use Lean?" lists the theorem-proving papers that name no Lean."""
    from rag.answer.listing import Match, find_matches, list_answer

    def score(text: str) -> Sequence[ScoredSentence]:
        return found.scored_for(text, LIST_DEPTH)

    doing = {p.paper_id for p in candidates if denied.said_in(p.title, p.abstract)}
    pool = find_matches(denied.kind, candidates, score) if denied.kind else \
        [Match(p, (split_sentences(p.abstract) or [p.title])[0], 0.0) for p in candidates]
    left = [m for m in pool if m.paper.paper_id not in doing]
    said = f"{denied.kind} papers" if denied.kind else "indexed papers"
    if not left:
        return refuse(question, found, f"Every one of the {said} says it does: {denied.deed}.")
    return list_answer(left, found.view.papers, topic=f"not saying they {denied.deed}", query=question,
                       searched=found.searched)


# A list line's second sentence scores at least this share of its paper's best for the question. On the 80 tune
# parts list fact recall 0.511 -> 0.581, citations unchanged; 0.7 gave 0.585 for longer lines.
LIST_SECOND_RATIO = 0.85
# Or, when the sentence quoted says neither what the paper does nor what it builds (its motivation, a result, or a
# sentence of no clear role), its best sentence saying so (its approach or data) at this share of its best: the line
# then says how the paper meets the topic ("our work explores value-based approaches" after "this field has leveraged
# RL"). On the 839 list questions of the 253 tune
# parts: fact recall 0.578 -> 0.586, 16 questions up and none down, answers 1,287 -> 1,368 characters on average
# (approach alone: 0.584; 0.4: 0.586 for 15 characters more).
LIST_APPROACH_RATIO = 0.5
_DOES = ("approach", "data")


def _second_sentences(matches: Sequence[Match], found: Gathered) -> dict[str, str]:
    """For each listed paper, a second sentence about the topic: what makes it fit is often said over two ("we
    translate C to safe Rust" and "applied to HACL*"), and one is the match's, quoted first."""
    from rag.answer.roles import classify

    quoted = {m.paper.paper_id: m.sentence for m in matches}
    best: dict[str, list[ScoredSentence]] = {}
    for scored in found.scored_in(list(quoted)):  # the question's own vector: nothing more is embedded
        best.setdefault(scored.paper_id, []).append(scored)
    also = {}
    for pid, sentences in best.items():
        top = max(s.score for s in sentences)
        others = [s for s in sorted(sentences, key=lambda s: -s.score)
                  if s.text != quoted[pid] and s.text not in quoted[pid] and quoted[pid] not in s.text]
        if others and others[0].score >= LIST_SECOND_RATIO * top:
            also[pid] = others[0].text
            continue
        quoted_role = next((classify(s.text, s.position, len(sentences)) for s in sentences if s.text == quoted[pid]),
                           "")
        if quoted_role in _DOES:
            continue
        did = next((s for s in others if s.score >= LIST_APPROACH_RATIO * top and
                    classify(s.text, s.position, len(sentences)) in _DOES), None)
        if did is not None:
            also[pid] = did.text
    return also


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
