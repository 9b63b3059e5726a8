"""The answer when no rule for the question's shape answered it: the best sentences of all the evidence, refused
when they do not hold what is asked (a figure on a name no sentence gives it for, a kind of figure none states)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.answer.claims import pooled_count
from rag.answer.described import ONE_PAPER, no_such_paper
from rag.answer.record import detail_stated_nowhere
from rag.answer.refusal import refuse
from rag.answer.unknowns import kind_base, not_mentioned, unknowns

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.plan import Plan
    from rag.answer.scoring import ScoredSentence
    from rag.types import Answer


# A bracket describing a paper: a relative word in it and five words or more, each matched one way only (an unclosed
# bracket must fail fast).
_DESCRIBING_BRACKET = re.compile(r"\((?=[^()]*\b(?:that|which|who|whose|where)\b)(?:[^()\s]+\s+){4,}[^()]*\)")


def best_sentences_answer(question: str, found: Gathered, shape: Plan | None = None) -> Answer:
    """Every shape falls back here, so the refusals that hold for any question (an unknown benchmark, a figure
    nobody states) are decided here once."""
    from rag.answer.alternatives import unattributed_figure, unplaced_figure
    from rag.answer.asks import (
        FIGURE_RATIO,
        asked_metric,
        asked_value,
        asks_for_figure,
        asks_in,
        asks_measure,
        figure_needed,
        has_figure,
        has_measure,
        only_set_aside,
        quoted_figures,
        set_aside_figures,
        unknown_name_unanswerable,
        unknown_subject,
        unstated_figure,
        unwritten_figures,
    )
    from rag.answer.factoid import FINDING_ROOM, extractive_answer, findings_first
    from rag.answer.finding_aspect import asked_beyond_subject
    from rag.answer.focused import answering_each_ask
    from rag.answer.model_sizes import range_only, ranged_size
    from rag.answer.naming import mentions_name, states_name, written_out
    from rag.answer.scoring import pick_answer_sentences
    from rag.answer.units import counted_unit, names_metric

    papers, settings = found.view.papers, found.tools.settings
    unknown_ids, unknown_words = unknowns(found)
    yes_no = shape is not None and shape.yes_no
    if unknown_ids and unknown_name_unanswerable(found.searched, unknown_ids, yes_no, found.view.vocabulary.uses):
        # "What accuracy does GPT-4 reach on MMLU?": a figure on a benchmark no abstract names cannot be quoted.
        return refuse(question, found, not_mentioned(unknown_ids))
    if shape is not None and not shape.yes_no and (subject := unknown_subject(found.searched,
                                                                              [*unknown_ids, *unknown_words])):
        # "What pass@1 does Reflexion get on HumanEval?": no abstract names Reflexion, so no figure here is its.
        return refuse(question, found, not_mentioned([subject]))
    if shape is not None and not shape.papers and (reason := no_such_paper(found)):
        return refuse(question, found, reason)
    closest = [papers[e.paper_id] for e in found.retrieved[:DETAIL_PAPERS] if e.paper_id in papers]
    if shape is not None and shape.papers:  # handed back by the named paper's path: its abstract is the one
        closest = [papers[pid] for pid in shape.papers if pid in papers]
    if shape is not None and (detail := detail_stated_nowhere(found.searched, closest, yes_no=shape.yes_no)):
        # "what licence is MBPP released under?": no close abstract gives one; its other sentences answer nothing.
        return refuse(question, found, f"None of the closest abstracts states a {detail}.")
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
        reason = not_mentioned(unknown) if unknown and scored else ""
        return refuse(question, found, reason)
    if shape is not None and len(shape.papers) == 1 and shape.kind == "factoid" and not shape.yes_no:
        # A question about one named paper, handed back by its path (its sentences share few words with the
        # question), is answered from that paper's sentences: "how many LLMs did CoCoNUT test, and what's the best
        # accuracy ...?" had quoted STP's 26.3%, "what ckpt is PRIME initialised from?" Stable Code's.
        scored = [s for s in scored if s.paper_id in shape.papers]
        if not scored:
            return refuse(question, found, "")
    if (ranged := ranged_size(found.searched, papers[scored[0].paper_id].abstract))[0]:
        # "in Austin et al's paper, how did the smallest model, the 244M one, do?": the closest abstract has 244M only
        # in "between 244M and 137B parameters".
        return refuse(question, found, f"The closest abstract {range_only(*ranged)}")
    if unnamed := unattributed_figure(found.searched, papers[scored[0].paper_id].abstract):
        figure, said = unnamed
        return refuse(question, found, f"The closest abstract gives {figure} without saying what it is of (it says: "
                                       f"“{said}”).")
    if placed := unplaced_figure(found.searched, papers[scored[0].paper_id].abstract):
        # "the pillow/numpy case studies: was the up-to-38x on the numpy locus or in pillow?", no paper named.
        figure, places, said = placed
        return refuse(question, found, f"The closest abstract gives {figure} without saying whether it was {places} "
                                       f"(it says: “{said}”).")
    if excluded := set_aside_figures(found.searched):
        # "what was its few-shot accuracy on MathQA-Python (not the fine-tuned 83.8)?": a sentence whose only
        # figures are the ones set aside answers what was not asked.
        scored = [s for s in scored if not only_set_aside(s.text, excluded)]
        if not scored:
            return refuse(question, found, f"The closest abstracts give no other figure than {' and '.join(excluded)}.")
    # An identifier ("RepoCoder", "repoeval" typed in lower case) is what is asked about; a capitalised phrase
    # ("Self-play") describes.
    terms = [t.text for t in shape.terms if _identifier(t.text)] if shape is not None else []
    # Not a name alone in a closing bracket: what a follow-up's paper was called before ("... in that paper (MBPP)?").
    unbracketed = re.sub(r"\s*\(\s*[\w+*.-]+\s*\)\s*[?.!]*\s*$", "", found.searched)
    # Nor a name in a bracket describing the paper: "the codefil one (the autocomplete model that learns from both
    # token names and AST types) — what MRR did it get?" asks for an MRR, not a figure on ASTs. A description has a
    # relative word and five words or more; examples ("(interpreter / PoT style programs)") have none.
    unbracketed = _DESCRIBING_BRACKET.sub(" ", unbracketed)
    terms = [t for t in terms if mentions_name(unbracketed, t)]
    if terms and not shape.yes_no and asks_for_figure(found.searched) and len(asks_in(found.searched)) == 1:
        # "What exact-match score does RepoCoder achieve on RepoEval?": a figure on what the question names is in a
        # sentence naming it ("RLCoder ... 12.2% EM improvement on RepoEval" is RLCoder's, and names no RepoCoder).
        # A name from the paper's title says which paper, not what its figure is of ("the SMT-assisted paper: how
        # big is its dataset?").
        # A measurement asked is a measurement stated: "contains 23914 problems" is no accuracy.
        states = has_measure if excluded and asks_measure(found.searched) else has_figure
        # A sentence may spell the name out: "Object-Oriented Programming" for "OOP", and "natural language
        # feedback" for "human NL feedback", as another abstract defines NL.
        naming = [s for s in scored if states(s.text) and
                  all(states_name(s.text, t, found.view.vocabulary) or mentions_name(papers[s.paper_id].title, t) or
                      written_out(t, s.text, papers.values()) != t for t in terms)]
        if not naming:
            return refuse(question, found, f"No abstract gives a figure naming {' and '.join(terms)} (the "
                                             f"closest sentence: “{scored[0].text}”).")
        scored = naming + [s for s in scored if s not in naming]
    if shape is not None and not shape.yes_no and quoted_figures(found.searched):
        # "The LintSeq paper reports a 43.37% exact match: which model is that?": the figures are quoted from a
        # paper that writes them all and has the names asked about, or they are someone else's (PyCoder's 43.37%);
        # its sentences with one of them lead.
        def owns(s: ScoredSentence) -> bool:
            text = f"{papers[s.paper_id].title}\n{papers[s.paper_id].abstract}"
            return not unstated_figure(found.searched, text) and all(mentions_name(text, t) for t in terms) and \
                len(unwritten_figures(found.searched, s.text)) < len(quoted_figures(found.searched))

        quoting = [s for s in scored if owns(s)]
        if not quoting:
            whose = f" for {' and '.join(terms)}" if terms else ""
            figures = ", ".join(unwritten_figures(found.searched, ""))
            return refuse(question, found, f"No indexed abstract gives {figures}{whose}, so the indexed abstracts "
                                           f"do not answer this question.")
        scored = quoting + [s for s in scored if s not in quoting]
    if (metric := asked_metric(found.searched)) and len(asks_in(found.searched)) == 1 and \
            not names_metric(papers[scored[0].paper_id].abstract, metric):
        # "How much exact-match accuracy does the early-exit completion paper lose?": the paper the answer would
        # quote never says exact match.
        return refuse(question, found, f"The closest abstracts give no {metric} figure (the closest sentence: "
                                       f"“{scored[0].text}”).")
    if pooled := pooled_count(found.searched, papers[scored[0].paper_id].abstract):
        # "of the extra IMO problems in the Lean dataset, how many are from 2022 versus 2023?", no paper named.
        return refuse(question, found, f"The closest abstract counts {pooled} only together, not each apart (the "
                                       f"closest sentence: “{scored[0].text}”).")
    lead: list[ScoredSentence] = []
    if needed := figure_needed(found.searched, ratio=False):
        # "What's the overhead in %?", "by what factor?": a sentence with that kind of figure, among those close to
        # the best, leads; with none, the abstracts do not state it ("negligible impact" is no percentage).
        close = [s for s in scored if s.score >= FIGURE_RATIO * scored[0].score]
        fitting = [s for s in close if needed(s.text)]
        if not fitting:
            said = f"the closest sentence: “{scored[0].text}”"
            return refuse(question, found, f"The closest abstracts give no such figure ({said}).")
        scored = fitting + [s for s in scored if s not in fitting]
        lead = fitting[:1]  # the figure asked for, then the rest as it reads
    elif (unit := counted_unit(found.searched)) is not None and unit.counts:
        # "How many lemmas are in the dataset built from IMO proofs?": of the sentences close to the best, one
        # counting lemmas leads ("a dataset of 1,329 lemmas"), not the best one counting IMO problems.
        close = [s for s in scored if s.score >= FIGURE_RATIO * scored[0].score]
        counting = [s for s in close if has_figure(s.text) and unit.search(s.text)]
        if not counting and not any(unit.used_in(papers[s.paper_id].abstract) for s in close):
            # "How many epochs was Qwen2.5-Coder-Instruct-C trained for?": no abstract close to it counts epochs.
            return refuse(question, found, f"The closest abstracts give no figure for {unit.label} (the closest "
                                           f"sentence: “{scored[0].text}”).")
        scored = counting + [s for s in scored if s not in counting]
        lead = counting[:1]
    elif (rare := [t for t in terms if kind_base(t) == t
                   and found.view.lexical.papers_using(t) <= RARE_NAME_PAPERS]) and not shape.yes_no:
        # "when they ran the translation on HACL*, what did they end up with?": the close sentences naming what is
        # asked about lead, not the paper's general ones ("Automatically translating C to Rust is appealing"). A
        # name many abstracts use ("Lean") sets the scene; "LLM-based" says what kind.
        close = [s for s in scored if s.score >= NAMING_RATIO * scored[0].score]
        naming = [s for s in close if all(mentions_name(s.text, t) for t in rare)]
        scored = naming + [s for s in scored if s not in naming]
    chosen = pick_answer_sentences(scored, settings.answer.max_sentences)
    chosen = [s for s in chosen if s in lead] + [s for s in chosen if s not in lead]  # the count, then as it reads
    named = [t.text for t in shape.terms] if shape is not None and not shape.yes_no else []
    if named and any(mentions_name(s.text, t) for s in chosen for t in named):
        # "number of tasks in MBPP?": answered from MBPP's sentences; another paper's "an increasing number of tasks"
        # says nothing of MBPP, and its abstract never names it. Not for a claim: "Do female carriers of the APOE4
        # allele ..." is answered by an abstract writing it otherwise (SciFact train: two gold abstracts lost).
        chosen = [s for s in chosen if any(mentions_name(f"{papers[s.paper_id].title}\n{papers[s.paper_id].abstract}",
                                                         t) for t in named)]
    if ONE_PAPER.search(found.searched) and chosen:
        # "How many lemmas are in the olympiad Lean dataset paper?": one paper is asked about, the best one.
        best = max(chosen, key=lambda s: s.score).paper_id
        chosen = [s for s in chosen if s.paper_id == best]
    if shape is not None and shape.yes_no:
        chosen = findings_first(chosen, papers, scored, by_ask=asked_beyond_subject(found, chosen),
                                limit=settings.answer.max_sentences + FINDING_ROOM)
    chosen = answering_each_ask(found.searched, chosen, found, settings.answer.max_sentences)
    emphasis = asked_value(found.searched, chosen[0].text, [t.text for t in shape.terms] if shape else []) \
        if chosen else None
    return extractive_answer(chosen, papers, query=question, searched=found.searched, emphasis=emphasis)


# A sentence naming what the question asks about joins the answer this close to the best sentence (as close as any
# other sentence of the best paper may be: `pick_answer_sentences`' top_ratio).
NAMING_RATIO = 0.6
# The closest papers searched for a record detail (a licence, an optimiser) no abstract states.
DETAIL_PAPERS = 5
# A name this few abstracts use is a specific thing asked about.
RARE_NAME_PAPERS = 2


def _identifier(name: str) -> bool:
    """A name written as an identifier: capitals or digits past its first letter ("RepoCoder", "GPT-4"), or one
    word typed in lower case that the lexicon knows as a name ("repocoder")."""
    return " " not in name and (bool(re.search(r"[A-Z0-9]", name[1:])) or (name.islower() and "-" not in name))
