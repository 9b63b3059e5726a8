"""The rows of a comparison that asks about something ("how do they search over candidates?", "which is better
on HumanEval?"): each named paper answers the aspect from its own abstract."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.answer.across import ASKS_METRICS, ASKS_NAMED_THINGS, names_used, used_as_data
from rag.answer.asks import (
    asks_for_figure,
    asks_for_gap,
    asks_measure,
    has_figure,
    has_measure,
    quoted_figures,
    split_asks,
    unwritten_figures,
)
from rag.answer.comparison import aspect_answer, cells_for
from rag.answer.finding_aspect import distinctive_ask
from rag.answer.metric_names import metrics_in
from rag.answer.naming import called, mentions_name
from rag.answer.plan import asks_which_is_better
from rag.answer.refusal import refusal
from rag.answer.tuned_models import asks_tuned_models, tuned_models
from rag.answer.units import SIZE, counted_unit, measured_quantity, names_quantity, size_unit
from rag.text.names import short_name
from rag.text.sentences import read_with_previous, split_sentences
from rag.types import Answer, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.mentions import Mention
    from rag.answer.plan import Plan

# Sentences the aspect's own scoring may quote per paper. 2 -> 3 with ROW_RATIO 0.85 -> 0.75: comparison fact recall
# on the tune sets natural 0.846 -> 0.923, near-miss 0.708 -> 0.792, the other five unchanged (MAX_ROW 5 gained
# natural-2 only, for longer cells).
PER_ROW = 3
MAX_ROW = 4  # with the role the aspect asks about and the key result
# Which sentence role an aspect asks about, by its words; the first that matches leads.
_ASPECT_ROLES = [
    ("data", re.compile(r"\b(?:data|datasets?|benchmarks?|corpus|corpora|test\w*|evaluat\w*|problems)\b", re.I)),
    ("approach", re.compile(r"\b(?:how|method\w*|approach\w*|uses?|using|works?|search\w*|select\w*|build\w*|built|"
                            r"train\w*|design\w*|architecture|pick\w*|plan\w*|target\w*|speciali[sz]\w*|focus\w*|"
                            r"aim\w*|measur\w*|optimi[sz]\w*|skip\w*|approximat\w*|"
                            # "what they feed the model", "how each injects syntax": what goes in is the approach
                            r"feed\w*|fed|input\w*|inject\w*|incorporat\w*|leverag\w*|exploit\w*|bring\w*|brought|"
                            # "what does each automate / how does each decide, avoid labels, save compute": its way
                            r"automat\w*|construct\w*|decid\w*|avoid\w*|sav(?:e|es|ed|ing)|tricks?|mechanisms?|"
                            r"ideas?|strateg\w*|techniques?)\b|\babout$", re.I)),
    ("problem", re.compile(r"\b(?:problems? (?:they|it) (?:solve|address)|challenges?|motivat\w*|why|goals?)\b", re.I)),
]


# What a paper is for ("what does each target / specialise in / focus on?") is said where it introduces itself, the
# approach sentence ("This paper introduces OMPGPT ... for OpenMP pragma generation"), however low the whole question
# scores it: a full row makes room for it.
_PURPOSE = re.compile(r"\b(?:target\w*|speciali[sz]\w*|focus\w*|aim\w*)\b|\babout$", re.I)  # not "say about X"

_HIGHER = re.compile(r"\b(?:higher|lower)\b", re.I)  # "which reaches higher?": a measurement, not a size or count
ROW_RATIO = 0.75  # a further sentence joins a row when it scores this close to the row's best
# Sentences the aspect alone may add to a row (the further ones within ROW_RATIO of the first): 1 -> 2 raised
# comparison fact recall on the 35 tune sets 0.847 -> 0.857, none lower; 2 -> 3 on the 43 tune sets 0.850 -> 0.860
# (six questions up, none lower: "how does each decide which one's right?" is said over two sentences of B4's).
ASPECT_PER_ROW = 3


# An aspect of one word ("size", "data") is what the role cells answer; from two words on ("explore space possible
# solutions") it is scored on its own too.
ASPECT_WORDS = 2

# "which of them / those / the two", "which ones": a choice among papers already given.
_AMONG_THEM = re.compile(r"which\s+(?:ones\b|of\s+(?:them|those|these|the\s+(?:two|three|four|five|six|papers|"
                         r"ones))\b)", re.I)
# A choice among the papers by a thing named ("which of them reports PutnamBench?", "DotaMath, OVM, MARIO: which
# report results on GSM8K?", "of A, B and C, which ones use GPT-4?"): each row quotes its sentences naming it, or says
# it has none. A verb that may be a noun ("which tests ...") only after "which ones" or "which of ...".
_SURE = (r"reports?|reported|uses?|used|evaluates?|evaluated|evaluate\s+on|gives?|gave|has|have|had|tested|mentions?|"
         r"mentioned|ran|includes?|included|measured|benchmarked|compared|provides?|provided")
_SELECTING = re.compile(rf"\bwhich\s+(?:(?:ones?|of\s+[^?;]{{1,150}}?)\s+(?:(?:also|actually|really|even)\s+)?"
                        rf"(?:{_SURE}|tests?|runs?|posts?|measures?|compares?)|"
                        rf"(?:(?:also|actually|really|even)\s+)?(?:{_SURE}))\b", re.I)


def roles_asked(aspect: str) -> list[str]:
    return [role for role, words in _ASPECT_ROLES if words.search(aspect)]


_DESCRIBED_KINDS = r"(?:provers?|models?|papers?|methods?|systems?|approaches|agents?|LLMs?|tools?)\b"


def _roles_besides_results(aspect: str) -> list[str]:
    """What else than results an aspect asks of each paper (its approach, data ...): then it is no figure on a name."""
    return [role for role in roles_asked(aspect) if role != "results"]


def aspect_rows(chosen: Sequence[Paper], shape: Plan, question: str, found: Gathered,
                missing: Sequence[str] = ()) -> Answer:
    scored = found.scored_in([p.paper_id for p in chosen])
    terms = [t.text for t in shape.terms if _measured_on(t, question, found)]
    # "Which is better on B?", "How many B problems does each solve?": each row quotes its figure on B, or none.
    # "A vs B on MATH", "how does A compare to B on CodeXGLUE token-level completion?"; not what each does for it
    # ("codetree's humaneval approach vs plansearch's": a role is asked).
    on_names = bool(terms) and (_on_them(question, terms) or (_on_them(question, terms, "['’]s") and
                                                              not _roles_besides_results(question))) and \
        (_only_names(shape.aspect, terms) or (bool(_COMPARE.search(question)) and _names_and(shape.aspect, terms) <= 3
                                              and not _roles_besides_results(shape.aspect)))
    figure = bool(terms) and (on_names or ((asks_which_is_better(question) or asks_for_figure(question)) and
                                           _figure_on_them(question, terms)))
    # A choice among the named papers when it is the first ask. Among those an earlier turn listed, among three or
    # more, or of "which ones", the papers without it are no answer and are not cited; "A or B: which one reports X?"
    # compares the two, both cited.
    first = split_asks(question)[0] if question.strip() else ""
    selecting = bool(terms) and bool(choice := _SELECTING.search(first)) and not asks_which_is_better(question)
    subset = selecting and (len(chosen) >= 3 or bool(_AMONG_THEM.match(choice[0])))
    # "19% was AlphaCode's, I think it's AutoCodeRover's: whose is it?": the paper writing the figure quoted answers;
    # the others do not write it, and are not cited.
    owners = [p.paper_id for p in chosen if not unwritten_figures(question, p.abstract)] \
        if _WHOSE.search(question) and quoted_figures(question) else []
    owning = 0 < len(owners) < len(chosen)
    if not terms and _NUMERIC_GAP.search(question) and (apart := _no_common_ground(chosen, found)):
        # "does CodeFill outperform PyCoder on token-level completion? by how much": MRR on its own data against
        # accuracy on CodeXGLUE; no gap can be taken between them.
        return refusal(list(chosen), query=question, searched=found.searched, reason=apart)
    # "Which is bigger in parameter count?", "how many lemmas does each have?": each row quotes its count, or none.
    unit = counted_unit(question) if not terms else None
    unit = unit if unit is not None and unit.counts else None
    asks = split_asks(question)
    if unit is None and not terms and len(asks) == 1 and (size := size_unit(question)) is not None and \
            any(has_figure(s.text) and size.search(s.text) for s in scored):
        # "How big is each?": each row's count of what it holds, when an abstract gives one. Not beside another ask
        # ("what level does each target, and how big is UGMathBench?"): that one needs the rows' other sentences.
        unit = size
    # "How much memory does each need?": each row quotes its sentences on memory, or says it has none.
    quantity = measured_quantity(question) if unit is None and not figure else ""
    # "Which evaluated more LLMs, ENAMEL or BigCodeBench? and what does each focus on": each row's best sentence for
    # the ask that is no figure joins its figure.
    other_asks = [part for part in asks if counted_unit(part) is None and not asks_for_figure(part)] \
        if len(asks) > 1 and (figure or unit is not None) else asks[1:] if len(asks) > 1 else []
    ids = [p.paper_id for p in chosen]
    for_other = [found.scored_in_for(part, ids) for part in other_asks]
    choosing = figure or selecting or owning  # a row quotes what the choice is by, not the aspect's best sentences
    for_aspect = found.scored_in_for(shape.aspect, ids) if not choosing and unit is None and \
        not quantity and len(shape.aspect.split()) >= ASPECT_WORDS else []
    rows = []
    for paper in chosen:
        own = [s for s in scored if s.paper_id == paper.paper_id]
        if owning:
            own = [s for s in own if not unwritten_figures(question, s.text)] if paper.paper_id in owners else []
        elif unit is not None:
            own = [s for s in own if has_figure(s.text) and unit.search(s.text)]
        elif quantity:
            own = [s for s in own if names_quantity(s.text, quantity)]
        elif figure or selecting:
            # Each paper's figure on the named benchmark, or nothing: never a number from another benchmark. A row
            # is held to the names its own abstract has ("WebArena's GPT-4 agent vs DEPS in Minecraft": GPT-4 for
            # one, Minecraft for the other); one whose abstract has none of them has no such figure. A choice by
            # the thing named needs no figure: its sentences naming the thing.
            text = f"{paper.title}\n{paper.abstract}"
            # Spacing and hyphen variants count ("Lean 4 miniF2F test" is MA-LoT's "Lean4 miniF2F test").
            its = [t for t in terms if mentions_name(text, t)]
            # "which has the higher accuracy": a measurement, not OVM-7B's "up to 13B parameters".
            # "which reaches higher on GSM8K?" too: MARIO's "a 7B-parameter LLM on the GSM8K and MATH datasets" is
            # no result.
            states = has_measure if asks_measure(question) or _HIGHER.search(question) else has_figure
            # A name the figure is said to be on is what a sentence must have; others only set the scene ("lean
            # provers on minif2f-test": a sentence with the miniF2F-test figure need not say Lean).
            need = [t for t in its if _on_them(question, [t])] or its
            # "Lean provers": a name describing the papers compared, not what a figure is on.
            need = [t for t in need if not re.search(rf"{re.escape(t)}\s+{_DESCRIBED_KINDS}", question, re.I)] or need
            own = [s for s in own if its and (states(s.text) or not figure) and
                   all(mentions_name(s.text, t) for t in need)]
        # Every count of a size ("600K lines ...", "around 32K top-level F* definitions"), however it scores.
        ratio = 0.0 if unit is not None and unit.label == SIZE else ROW_RATIO
        picked = own[:1] + [s for s in own[1:PER_ROW] if s.score >= ratio * own[0].score]
        own_aspect = [s for s in for_aspect if s.paper_id == paper.paper_id]
        for best in [*own_aspect[:1], *(s for s in own_aspect[1:ASPECT_PER_ROW]
                                        if s.score >= ROW_RATIO * own_aspect[0].score)]:
            # The whole question favours the sentences naming the paper ("we introduce AlphaCode ..."); the aspect
            # alone ("explore the space of possible solutions") finds the one that answers it ("large-scale model
            # sampling to explore the search space").
            if all(s.position != best.position for s in picked):
                picked.append(best)
        if not choosing and unit is None and not quantity and \
                (asked := distinctive_ask(shape.aspect, paper)):
            # "how is the generation method different?": in LintSeq's abstract, the sentence on what the aspect
            # asks beyond the paper's own subject ("refactors existing code into a sequence of code edits").
            own_ask = found.scored_in_for(asked, [paper.paper_id])
            if own_ask and all(s.position != own_ask[0].position for s in picked):
                picked.append(own_ask[0])
        room = MAX_ROW + max(0, len(picked) - PER_ROW)  # the aspect's sentences came on top
        texts = [s.text for s in sorted(picked, key=lambda s: s.position)]
        plain = not choosing and unit is None and not quantity  # the aspect's best sentences, roles
        if plain and ASKS_NAMED_THINGS.search(shape.aspect):
            # "What benchmarks do A, B and C evaluate on?": every sentence of the row's abstract naming one leads.
            metrics = bool(ASKS_METRICS.search(shape.aspect))
            naming = [s for s in split_sentences(paper.abstract) if names_used(s, paper) or (metrics and metrics_in(s))]
            texts = [*naming[:room], *(t for t in texts if t not in naming)][:room]
        elif plain and asks_tuned_models(question):
            # "Which base models get fine-tuned in A, B and C?": the sentences saying what each tuned lead.
            naming = list(dict.fromkeys(sentence for _, sentence in tuned_models(paper, used_as_data)))
            texts = [*naming[:room], *(t for t in texts if t not in naming)][:room]
        for scored_for_ask in for_other:
            # Its best sentence not quoted yet: ENAMEL's count of LLMs scores best for "what does each measure" too.
            best = next((s for s in scored_for_ask if s.paper_id == paper.paper_id and s.text not in texts), None)
            if texts and len(texts) < room and best is not None:
                texts.append(best.text)
        if plain:
            cells = cells_for(paper)
            # The sentence that plays the role the aspect asks about (its data, its method ...), then the key
            # result, so a row says what the approach achieved.
            asked = roles_asked(shape.aspect)
            for role in [*asked, "results"]:
                cell = cells.get(role)
                if cell is None or cell.sentence in texts:
                    continue
                # A row asked what its paper is for has that sentence in place of its lowest-scored further one.
                further = [s for s in picked[1:PER_ROW] if s.text in texts]
                if len(texts) >= room and role == "approach" and _PURPOSE.search(shape.aspect) and further:
                    texts.remove(min(further, key=lambda s: s.score).text)
                if len(texts) < room:
                    texts.append(cell.sentence)
        if plain:
            texts = _with_elaborations(texts, split_sentences(paper.abstract))
        rows.append((paper, texts))
    if (unit is not None or quantity) and not any(texts for _, texts in rows):
        said = f"gives a figure for {unit.label}" if unit is not None else f"mentions {quantity}"
        return refusal(list(chosen), query=question, searched=found.searched, reason=f"None of these abstracts {said}.")
    named = " / ".join(found.view.lexicon.as_written(t) for t in terms)
    absent = ""
    if figure:
        absent = f"no {named} result in the abstract"
    elif selecting:
        absent = f"no mention of {named} in the abstract"
    if unit is not None:
        absent = f"no figure for {unit.label} in the abstract"
    elif quantity:
        absent = f"{quantity} not mentioned in the abstract"
    if owning:
        absent = f"{' / '.join(unwritten_figures(question, ''))} not written in the abstract"
    answer = aspect_answer(rows, found.view.papers, aspect=shape.aspect, query=question, searched=found.searched,
                           missing=missing, absent=absent, header=f"Result on {named}" if figure else "",
                           cite_absent=not ((subset or owning) and any(texts for _, texts in rows)))
    # "How do A and B do on GSM8K?" keeps each row, one saying it has none; "how does A compare to B on X?" wants
    # the two figures.
    if figure and len(rows) > 1 and (asks_which_is_better(question) or asks_for_gap(question) or
                                     (on_names and (_COMPARE.search(question) or not any(t for _, t in rows))) or
                                     _quotes_one_side(question, rows)):
        return _ranked_or_not(answer, rows, named, question, found)
    return answer


_WHOSE = re.compile(r"\bwhose\b|\bwhich\s+(?:one|paper)(?:['’]s|\s+(?:is\s+it|reports?\s+it|has\s+it|got\s+it))\b",
                    re.I)


def _figure_on_them(question: str, terms: Sequence[str]) -> bool:
    """Whether the ask for a figure is the one naming the terms: in "math SFT data: A vs B vs C, how was each
    dataset built and how big is it", "how big" asks each dataset's size, and SFT only says what they are."""
    asks = split_asks(question)
    return len(asks) < 2 or any((asks_for_figure(ask) or asks_which_is_better(ask)) and
                                any(mentions_name(ask, t) for t in terms) for ask in asks)


def _measured_on(term: Mention, question: str, found: Gathered) -> bool:
    """Whether a named thing is one a comparison's figures can be on: the question puts them on it ("better on
    MT-Bench"), or an abstract gives a figure beside it ("on HumanEval pass@50, ...", "our best GPT-4-based agent
    only achieves ..."). A name the papers only work in or describe themselves by ("making AutoML more efficient",
    "bayesian posterior vs functional consensus") is what they are about: a row for it would say each has "no AutoML
    result"."""
    if _on_them(question, [term.text]):
        return True
    papers = found.view.papers
    return any(has_figure(sentence) and mentions_name(sentence, term.text)
               for pid in term.paper_ids if pid in papers for sentence in split_sentences(papers[pid].abstract))


# A gap asked in numbers ("by how much", "the margin"), not "the difference between how they search".
_NUMERIC_GAP = re.compile(r"\bby how much\b|\bhow much (?:higher|better|lower|more|less|worse)\b|"
                          r"\bby what (?:margin|amount)\b|\b(?:gap|margin)\b", re.I)


def _no_common_ground(chosen: Sequence[Paper], found: Gathered) -> str:
    """Why papers asked for a gap between their figures cannot give one: each reports its measurements on benchmarks
    and in measures the other's never names, and neither names the other; "" when they share one."""
    from rag.answer.mentions import key

    if len(chosen) != 2:
        return ""
    grounds: list[dict[str, str]] = []
    for paper, other in (chosen, chosen[::-1]):
        if mentions_name(paper.abstract, called(other, found.view.lexicon.find(other.title)) or other.title):
            return ""  # "CodeFill outperforms PyCoder by ...": it says so itself
        own = {key(short_name(paper)), *(k for k, pids in found.view.lexicon.paper_aliases.items()
                                         if paper.paper_id in pids)}
        named = {}
        for sentence in split_sentences(paper.abstract):
            if has_measure(sentence):
                for name in [*metrics_in(sentence), *names_used(sentence, paper)]:
                    # "miniF2F-test" and "miniF2F" are one benchmark; a split is no other ground
                    named.setdefault(re.sub(r"(?:test|valid|validation)$", "", key(name)), name)
        grounds.append({k: n for k, n in named.items() if k not in own})
    if not all(grounds) or grounds[0].keys() & grounds[1].keys():
        return ""
    said = [f"{short_name(p)}: {', '.join(g.values())}" for p, g in zip(chosen, grounds, strict=True)]
    return (f"These abstracts give no figures on a common benchmark or measure ({'; '.join(said)}), and neither "
            f"compares with the other, so no gap between them can be read from them.")


def _quotes_one_side(question: str, rows: Sequence[tuple[Paper, Sequence[str]]]) -> bool:
    """Whether the question gives one side's figure, as its row has it, to ask the other's ("how many FIMO problems
    did A prove, vs B's 5 of 148?", "does A resolve more than B's 19%?"): the answer is the other side's figure, or
    none."""
    numbers = set(_FIGURE.findall(question))  # not the digits of a name ("stablecode-3b", "GPT-3.5")
    return bool(numbers) and any(numbers & set(_FIGURE.findall(text)) for _, texts in rows for text in texts)


_FIGURE = re.compile(r"(?<![\w.-])\d+(?:\.\d+)?(?![\w-]|\.\d)")


def _with_elaborations(texts: Sequence[str], sentences: Sequence[str]) -> list[str]:
    """The row's sentences, each followed by the next sentence of its abstract when that one spells it out or limits
    it (`read_with_previous`: "Specifically, we adopted a unified tree structure ..." after CodeTree's "explore the
    search space")."""
    out: list[str] = []
    for text in texts:
        out.append(text)
        at = sentences.index(text) if text in sentences else -1
        if 0 <= at < len(sentences) - 1 and read_with_previous(sentences[at + 1]) and sentences[at + 1] not in texts:
            out.append(sentences[at + 1])
    return list(dict.fromkeys(out))


def _on_them(question: str, terms: Sequence[str], before: str = r"\b(?:on|in terms of|with respect to)\s+(?:the\s+)?") \
        -> bool:
    """Whether the question compares on the names ("on the MATH benchmark"; with `before` a possessive: "A's CodeXGLUE
    numbers vs B's"), not asks which is about one ("Is A or B the OpenMP one?")."""
    return any(re.search(rf"{before}\s*{re.escape(t)}(?![\w-])", question, re.I) for t in terms)


# Words that add nothing to a benchmark named as the aspect: "compare A and B on the MATH benchmark" asks for their
# results on MATH, as "which is better on MATH?" does.
_ON_NAMES = re.compile(r"\b(?:on|in|for|the|benchmarks?|datasets?|results?|scores?|numbers?|figures?|performance|"
                       r"test|sets?|splits?)\b", re.I)


def _only_names(aspect: str, terms: Sequence[str]) -> bool:
    """Whether the aspect is the named benchmarks alone ("MATH benchmark"): then each row needs its figure on them."""
    return _names_and(aspect, terms) == 0


def _names_and(aspect: str, terms: Sequence[str]) -> int:
    """How many words the aspect has besides the names and the words for results ("CodeXGLUE token-level
    completion": 1); a large number when it names none of them."""
    rest = aspect
    for term in terms:
        rest = re.sub(rf"(?<![\w-]){re.escape(term)}(?![\w-])", " ", rest, flags=re.I)
    return len(_ON_NAMES.sub(" ", rest).split()) if rest != aspect else 1_000


# A question that compares the papers on what it names: "how does A compare to B on X?", "how do A and B fare on X?"
_COMPARE = re.compile(r"\b(?:compare[sd]?|comparison|fare[sd]?|stack(?:s)?\s+up|versus|vs\.?)\b", re.I)


def _ranked_or_not(answer: Answer, rows: Sequence[tuple[Paper, Sequence[str]]], named: str, question: str,
                   found: Gathered) -> Answer:
    """"Which is better on B?" with a figure from fewer than two rows: the answer says first that it ranks nothing.
    With none ("compare A and B on B" too), or one where the question wants one from each ("by how much?", "the two
    numbers"), it is no answer, and the one figure is shown apart, not cited as one."""
    having = [texts for _, texts in rows if texts]
    if len(having) > 1:
        return answer
    mentions = found.view.lexicon.find(question)
    abstracts = {p.paper_id: f"the {name} abstract" if (name := called(p, mentions)) else f"the abstract of “{p.title}”"
                 for p, _ in rows}
    if not having:
        unsaid = f"None of these abstracts gives a result on {named}, so they cannot be compared on it."
    else:
        lacking = [abstracts[p.paper_id] for p, texts in rows if not texts]
        said = f"{lacking[0]} gives" if len(lacking) == 1 else f"{', '.join(lacking[:-1])} and {lacking[-1]} give"
        having_one = next(abstracts[p.paper_id] for p, texts in rows if texts)
        verb = "ranked" if asks_which_is_better(question) else "compared"
        unsaid = f"Only {having_one} gives a result on {named}; {said} none, so they cannot be {verb} on it."
    if having and not asks_for_gap(question) and asks_which_is_better(question) and \
            not _quotes_one_side(question, rows):
        # "Which is better on B?" with one figure: that figure, said to rank nothing. "How does A compare to B on
        # B?" and "by how much?" want one from each: no answer.
        answer.answer = f"{unsaid}\n\n{answer.answer}"
        return answer
    quoted = [f"{abstracts[p.paper_id][:1].upper()}{abstracts[p.paper_id][1:]} says: “{texts[0]}”"
              for p, texts in rows if texts]
    return refusal([p for p, _ in rows], query=question, searched=found.searched, reason="\n".join([unsaid, *quoted]))
