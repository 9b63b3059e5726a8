"""Answers held to what the question names.

A question about one named paper is answered from that paper's abstract only; when it also names a benchmark,
model or metric, the answer must come from a sentence that mentions it, and a question asking for a figure needs
a sentence with a figure. When the paper's abstract does not state what is asked, the answer says exactly that
(a refusal with the reason), and what other papers say about the named thing is shown apart, as theirs. What
the question asks for (a count, a measurement, whose figure) is read by `asks`; questions across papers are
answered in `across`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rag.answer.acronyms import asked_acronym, asks_expansion, expansion
from rag.answer.across import introduced_data, names_used, used_as_data
from rag.answer.alternatives import offered_names, unattributed_figure, unplaced_figure
from rag.answer.asides import bracketed_after_paper, without_purpose
from rag.answer.asks import (
    BEATEN,
    BEST_WORDS,
    ENDS_POINTING_BACK,
    FIGURE_RATIO,
    ask_opens,
    asked_component,
    asked_metric,
    asked_value,
    asks_confirmation,
    asks_for_figure,
    asks_hardware,
    asks_in,
    asks_measure,
    asks_number,
    asks_which_model,
    bare_label,
    compared_with,
    contradicted_count,
    corrects_figure,
    every_ask,
    excluded_variant,
    figure_needed,
    gives_figure_of_kind,
    has_figure,
    has_measure,
    is_statement,
    labelled_asks,
    measure_or_multiple,
    model_ask,
    only_set_aside,
    pooled_with,
    qualified_first,
    quoted_figures,
    restated_spans,
    result_figures,
    said_on,
    set_aside_figures,
    set_aside_spans,
    split_asks,
    states_a_multiple,
    subject_and_ask,
    unconfirmed_figure,
    unmet_qualifier,
    unmet_scope,
    unmet_setting,
    unranked_part,
    unstated_figure,
)
from rag.answer.baselines import beaten_only, described_baseline, described_value, describes, only_compared
from rag.answer.claims import (
    averaged_only,
    only_planned,
    pooled_count,
    unclaimed_superlative,
    unexplained,
    unnamed_members,
)
from rag.answer.comparison import cells_for
from rag.answer.described import ONE_PAPER, asks_overview, describes_well
from rag.answer.enumerations import unlisted_item
from rag.answer.factoid import FINDING_ROOM, extractive_answer, findings_first
from rag.answer.figure_clauses import figure_for, metric_elsewhere, metric_only_beaten
from rag.answer.finding_aspect import asked_beyond_subject
from rag.answer.mentions import KIND_WORDS, Mention, key, name_like
from rag.answer.metric_names import defined_metrics, defines_metric
from rag.answer.model_sizes import (
    asked_extreme,
    asks_model_size,
    extreme_size,
    model_sizes,
    range_only,
    ranged_size,
    unsized,
    unwritten_size,
)
from rag.answer.naming import BRACKETED_EXAMPLES, called, mentions_name, spelled_out, states_name, written_out
from rag.answer.negations import unmet_absence
from rag.answer.people import MORE_PEOPLE
from rag.answer.premises import contradicted_failure
from rag.answer.quoted_titles import quoted_title_spans, without_title
from rag.answer.record import missing_detail, record_answer, stated_detail, unstated_setting
from rag.answer.refusal import refusal
from rag.answer.released import release_asked_of_paper, release_sentence
from rag.answer.scoring import ScoredSentence, pick_answer_sentences
from rag.answer.shares import change_only
from rag.answer.tuned_models import asks_tuned_model, tuned_models
from rag.answer.units import asked_unit, counted_unit, measured_quantity, named_metric, names_metric, names_quantity
from rag.answer.unknowns import (
    KIND_OF_IN_TEXT,
    RELEASE,
    RELEASE_AFTER,
    VARIANT,
    kind_base,
    unknown_lower,
    unknowns,
)
from rag.text.markers import escape_markers
from rag.text.names import capitalised_names, is_generic, mention_pattern, names_in, short_name
from rag.text.numbers import read
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize, word_pairs
from rag.text.typos import correct_slips, english_word
from rag.text.vocabulary import Vocabulary
from rag.types import Answer, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.plan import Plan
    from rag.index.view import IndexView


# A question asking whether the paper's system beats another ("Does OVM-7B beat GPT-4?"), not a scope ("harder
# math than GSM8K") or a setting ("plain vs with error feedback").
_BEATING = re.compile(r"\b(?:beats?|beating|outperform\w*|surpass\w*|(?:better|worse|stronger|weaker)\s+than|"
                      r"ahead\s+of)\b", re.I)
# Words saying a sentence sets one thing against another ("surpassing the baseline GPT-4", "97.7% of GPT-4's
# performance", "on par with").
_COMPARES = re.compile(rf"\b(?:{BEATEN}|(?:over|compar\w*|against|exceed\w*|match\w*|rival\w*|better|worse|"
                       r"on\s+par|competitive|relative|gap|behind|ahead)\b)|%\s+of\b", re.I)

def about_paper(shape: Plan, question: str, found: Gathered) -> Answer | None:
    """A question naming one paper; None hands it back to the general factoid path (no usable sentence)."""
    view, settings = found.view, found.tools.settings
    pid = shape.papers[0]
    paper = view.papers[pid]
    # A title without a short name reads as one: "The abstract of “A Lean Dataset for ...”", not "The A Lean ...".
    mentions = view.lexicon.find(question)
    name = called(paper, mentions)
    the_abstract = f"The {name} abstract" if name else f"The abstract of “{paper.title}”"
    name = name or re.sub(r"^the\s+", "", paper.title, flags=re.I)
    if (answered := record_answer(paper, question, found.searched)) is not None:
        return answered  # who wrote it, when: the record's, not the abstract's
    if detail := missing_detail(paper, found.searched):  # as searched: "temp" written out
        return _not_stated(paper, "", question, found, f"{the_abstract} does not state its {detail}.")
    text = f"{paper.title}\n{paper.abstract}"
    # "what does HACL* stand for?": the words beside it in brackets, or nothing; its other sentences only use it.
    as_typed = [view.lexicon.as_written(m.text) for m in mentions if m.paper_ids == (pid,)]
    acronym = asked_acronym(question, [name, *as_typed]) if asks_expansion(question) else ""
    # The abstract's own sentence first: with the title before it, its first sentence is read as one with the title
    # ("Programming Puzzles\nWe ... release ... Python Programming Puzzles (P3)") and matches none of its sentences.
    spelled = (expansion(acronym, paper.abstract) or expansion(acronym, text)) if acronym else None
    if acronym and spelled is None:
        return _not_stated(paper, "", question, found, f"{the_abstract} does not spell out {acronym}.")
    if _ASKS_WHICH_DATA.search(question) and not shape.yes_no and not _DATA_WORDS.search(text) and \
            not any(names_used(s, paper) for s in split_sentences(paper.abstract)) and not introduced_data(paper):
        # "which environments did the off-policy RL realizability paper run its experiments on?": a theory paper
        # names none and speaks of none; its other sentences are no answer. A paper that speaks of benchmarks may
        # be one ("what benchmarks did BigCodeBench use?"), or describe them in words.
        return _not_stated(paper, "", question, found, f"{the_abstract} names no benchmark, dataset or environment.")
    if setting := unstated_setting(paper, question, view.lexical.papers_using):
        return _not_stated(paper, "", question, found,
                           f"{the_abstract} does not mention {setting}, so it does not say this.")
    if unnamed := unattributed_figure(question, paper.abstract):
        # "which function/code locus gave that 38x?": "factor up to 38" of "all attempts" names none.
        figure, said = unnamed
        return _not_stated(paper, "", question, found, f"{the_abstract} gives {figure} without saying what it is of "
                                                       f"(it says: “{said}”).")
    if placed := unplaced_figure(question, paper.abstract):
        # "was the 38x in numpy or in pillow's _getextrema?": "factor up to 38" of "all attempts" says neither.
        figure, places, said = placed
        return _not_stated(paper, "", question, found, f"{the_abstract} gives {figure} without saying whether it was "
                                                       f"{places} (it says: “{said}”).")
    # A count put up to be checked that the abstract gives otherwise ("evaluated 60 LLMs - correct?": it says 30)
    # is answered no; taken as given ("ENAMEL's 60 LLMs: which did best?") it is a false premise.
    contradicted = contradicted_count(question, text)
    checked = asks_confirmation(question) or shape.yes_no
    # "the blog has 4,300 test cases. How many does the paper say?": the paper's own figure answers, whatever the
    # one quoted from elsewhere.
    if not corrects_figure(question, paper.abstract) and \
            (figure := (not shape.yes_no and (unstated_figure(question, text) or (not checked and contradicted)))
             or (not contradicted and unconfirmed_figure(question, text, [t.text for t in shape.terms]))):
        # "In ProcessBench, which model achieves the 56.3% EAcc?": 56.3% is another paper's figure.
        return _not_stated(paper, figure, question, found,
                           f"{the_abstract} gives no figure of {figure}, so it does not say this.")
    # "Is the PRR MDA5 a sensor of RNA virus infection?": a name right before the paper's own, in a claim, says what
    # kind of thing it is; the abstract need not use that word.
    describing = {t.start for t in shape.terms if shape.yes_no and
                  any(m.paper_ids == (pid,) and m.kind == "paper" and not question[t.end:m.start].strip()
                      and m.start > t.end for m in mentions)}
    # "the Ramanujan-style formula hunting paper": a kind named after what the abstract states is stated.
    absent = [view.lexicon.as_written(t.text) for t in shape.terms
              if t.start not in describing and not states_name(text, t.text, view.vocabulary)
              and not (kind_base(t.text) != t.text and states_name(text, kind_base(t.text), view.vocabulary))]
    # A name the lexicon found no mention for ("RepoBench", known only inside "ExecRepoBench") is asked all the same.
    found_names = {key(m.text) for m in mentions}
    own_names = {k for k, pids in view.lexicon.paper_aliases.items() if pid in pids}
    # "GPT-4-assisted pipelines" is named after GPT-4: the kind's base is what the abstract must state.
    absent += [n for n in names_in(question) if key(n) not in found_names | own_names and not is_generic(n)
               and not states_name(text, n, view.vocabulary) and not states_name(text, kind_base(n), view.vocabulary)]
    # "a gpt-3.5-based agent": the name a kind is named after, where the abstract never has it (GPT-4-based only).
    absent += [view.lexicon.as_written(k["base"]) for k in KIND_OF_IN_TEXT.finditer(question)
               if (name_like(k["base"]) or view.vocabulary.name_typed_lower(k["base"]))
               and view.lexicon.known(k["base"]) and key(k["base"]) not in own_names
               and not states_name(text, k["base"], view.vocabulary)]
    # "codetree-xl": the paper's name with a variant no abstract of it has is another model than the one it gives.
    # "alphacode 2": a release of the paper's name (as an alias or as found for it) that its abstract never writes.
    called_so = own_names | {key(m.text) for m in mentions if m.paper_ids == (pid,)}
    releases = [v[0] for v in [*VARIANT.finditer(question), *RELEASE.finditer(question)] if key(v["base"]) in called_so]
    # "dotamath-llama2-13b": the paper's name with a model after it that its abstract never writes (it has
    # "DotaMath-deepseek-7B").
    releases += [m.text for m in mentions if m.paper_ids == (pid,) and m.kind == "paper"
                 and _headed_by(m.text, lambda head: key(head) in own_names or
                                any(n.paper_ids == (pid,) for n in view.lexicon.find(head)))
                 and key(m.text) not in own_names and not _spells_title(m.text, paper.title)
                 and not states_name(text, m.text, view.vocabulary)]
    # "the ai scientist v2": a release after a name of several words, found as the paper's mention.
    releases += [question[m.start:r.end()] for m in mentions
                 if m.paper_ids == (pid,) and (r := RELEASE_AFTER.match(question, m.end))]
    absent += [r for r in dict.fromkeys(releases)
               if not mentions_name(text, r) and not mentions_name(text, re.sub(r"\s+", "-", r))]
    if not shape.yes_no:
        # "which Coq libraries did STP draw from?": a capitalised word no abstract has, and no English word ("in
        # Layman's terms", "for my Thesis"), is what is asked about (a yes/no claim's may be its own word for what
        # the abstract names otherwise, and is judged there).
        absent += [w for w in unknowns(found)[1] if not english_word(w.lower(), view.vocabulary)]
        # The same typed in lower case: "eurus-2-7b-prime aime 2024 pass@1?", "alphacode's codeforces elo rating?".
        absent += unknown_lower(found.searched, view.vocabulary)  # as read: slips put right ("isue")
    offered = offered_names(without_title(question, paper.title),
                            lambda w: name_like(w) or bool(view.vocabulary.name_typed_lower(w)))
    # Read as a word only when it is one: "C++" is no "c" of the abstract.
    if any(states_name(text, n, view.vocabulary) or (n.isalpha() and Vocabulary(text).uses(n)) for n in offered):
        # "Is OMPGPT for OpenMP or MPI?": the alternative it names is the answer; the other is no missing name.
        absent = [n for n in absent if not any(key(n) == key(o) for o in offered)]
    elif offered:
        # "released under mit or apache 2.0?": an abstract naming neither cannot say which.
        absent = [" nor ".join(view.lexicon.as_written(n) for n in offered)]
        return _not_stated(paper, "", question, found, f"{the_abstract} mentions neither {absent[0]}, so it does "
                                                       f"not say this.")
    if (unit := asked_unit(question)) is not None:
        absent = [n for n in absent if key(n) != key(unit[0])]  # "cost in usd": the unit asked, judged by its figure
    if (asked := without_purpose(question)) != question:
        # "... for single-token prediction? want to set our own KPIs": the asker's words, not asked of the paper.
        absent = [n for n in absent if mention_pattern(n).search(asked)]
    # "human NL feedback": the abstract's "natural language feedback", as another abstract defines NL.
    absent = [n for n in absent if written_out(n, text, view.papers.values()) == n]
    if absent:
        return _not_stated(paper, absent[0], question, found,
                           f"{the_abstract} does not mention {absent[0]}, so it does not say this.")
    named = [m for m in mentions if m.paper_ids == (pid,) and m.kind == "paper"]
    # Not one the question compares with too ("improvement over the SFT model"): that gain is the paper's figure.
    if not shape.yes_no and asks_for_figure(question) and \
            (beaten := beaten_only([m.text for m in named if not only_compared(question, m.text)
                                    and not _SHARE_OF_ASKED.search(question.replace(m.text, "X"))], paper.abstract)):
        # "in the PRIME paper, what average score does qwen2.5-math-7b-instruct get?": a model only this abstract
        # names, and only as what its own model surpasses.
        shown, said = beaten
        return _not_stated(paper, shown, question, found, f"{the_abstract} gives no {shown} figure: it names "
                                                          f"{shown} only as compared (it says: “{said}”).")
    telling = described_baseline(question) if not shape.yes_no else []
    if telling and (asks_for_figure(question) or asks_number(question)):
        # "the tree-search RL baseline (41.0% on miniF2F): how many of the 148 FIMO problems did it prove?": its
        # figure is in a sentence describing it so; "our model proved 5 out of 148 FIMO problems" is the paper's own.
        ask = re.sub(r"\([^()]*\)", " ", subject_and_ask(asks_in(question)[-1])[-1])  # not "(41.0% on miniF2F)"
        on = [t.text for t in shape.terms if mentions_name(ask, t.text)]
        stating = [s for s in split_sentences(paper.abstract)
                   if has_figure(s) and on and all(mentions_name(s, n) for n in on)]
        if stating and not any(describes(s, telling) for s in stating):
            shown = " / ".join(view.lexicon.as_written(n) for n in on)
            return _not_stated(paper, on[0], question, found,
                               f"{the_abstract} gives no {shown} figure for the {' '.join(telling)} baseline (it "
                               f"says: “{stating[0]}”).")
    if (ranged := ranged_size(question, paper.abstract))[0]:
        # "how did the smallest model, the 244M one, do?": "between 244M and 137B parameters" is all it says of it.
        return _not_stated(paper, ranged[0], question, found, f"{the_abstract} {range_only(*ranged)}")
    if size := unwritten_size(question, paper.abstract):
        # "What's the MATH score of the 13B DotaMath model?": its abstract has 7B models only.
        return _not_stated(paper, size, question, found, f"{the_abstract} mentions no {size} model.")
    if shape.yes_no and not spelled and named and all(key(m.text) in own_names for m in named) and \
            (words := _silent_on(question, text, named)):
        # "Does CS-Bench contain questions with images, i.e. is it multimodal?": an abstract that has none of the
        # asked words neither confirms nor denies it; its background sentences are no finding. Only for a paper
        # named as it is called: one typo away ("Interleukin-18" for "Interleukin-12 and -23 ...") may be another.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not say: it uses none of the asked "
                                                       f"words ({', '.join(words)}).")
    if (other := compared_with(question, view.vocabulary)) and not Vocabulary(paper.abstract).uses_most(other) and \
            not _people_said(other, paper.abstract):
        # "How much faster is KV Prediction than speculative decoding?": nothing in it compares the two.
        return _not_stated(paper, "", question, found,
                           f"{the_abstract} does not mention {other}, so it does not compare {name} with it.")
    if other and _BEATING.search(question) and name_like(other) and \
            (naming := [t for t in split_sentences(paper.abstract) if mention_pattern(other).search(t)]) and \
            not any(_COMPARES.search(t) for t in naming):
        # "Does OVM-7B beat GPT-4 on GSM8K?": "it does not utilize GPT-4" names it and compares nothing with it.
        return _not_stated(paper, "", question, found, f"{the_abstract} names {other} but compares {name} with it "
                                                       f"nowhere (it says: “{naming[0]}”).")
    scored = found.scored_in([pid])
    if (spans := quoted_title_spans(found.searched, paper.title)) and scored and \
            scored[0].score < settings.answer.refuse_below:
        # "in the 'falls out of a tree' paper, which code structures ...?": the title's words say which paper; the
        # sentences are scored on what is asked of it, as if it were named ("in the CoCoNUT paper, ...").
        scored = found.scored_in_for(_in_place_of(found.searched, spans, short_name(paper)), [pid])
    if scored and scored[0].score < settings.answer.refuse_below and len(asks := every_ask(question)) > 1 and \
            not any(asks_for_figure(a) or asks_number(a) for a in asks):
        # "who put GHOSTS together, and what level of maths is it meant to cover?": the whole question shares few
        # words with any one sentence; an ask of it on its own may share many. Not a figure asked: a sentence close
        # to one ask is no figure for the other ("... and what exact accuracy did the best one get?").
        best = max((found.scored_in_for(a, [pid]) for a in asks), key=lambda ss: ss[0].score if ss else 0.0)
        if best and best[0].score >= settings.answer.refuse_below:
            scored = best
    which_model = asks_which_model(question)
    # "CoCoNUT tested many LLMs, which one was the top performer?" shares few words with "the top-performing model,
    # Gemini, ...", yet that sentence answers it: a sentence naming a model as best is evidence at any score for a
    # question asking for the best in words the abstract has (not "worst", not "best at image captioning").
    best_named = [s for s in scored if _RANKS_ONE.search(s.text) and
                  _names_a_model(s.text, paper, [t.text for t in shape.terms], view.vocabulary, own=True)] \
        if which_model and _BEST.search(question) else []  # "which LLM was used": not the paper's own, beating
    # "What's the smallest model they train?": the sentence with the smallest size leads, however little else of
    # the question it has ("Our 150M parameter edit sequence LM ..."); an abstract with no size has none (with
    # another ask beside it, that one is answered).
    extreme = asked_extreme(question)
    sized = sorted((s for s in scored if model_sizes(s.text)), key=lambda s: extreme_size(s.text, extreme),
                   reverse=extreme == "largest") if extreme else []
    if not extreme and asks_model_size(question):
        # "how big were the models they fine-tuned?": the sentence giving their sizes, however little else it shares.
        sized = [s for s in scored if model_sizes(s.text)][:1]
    if not extreme and not sized and (asked_sizes := set(model_sizes(question))):
        # "lintseq's 150M model, what do they claim it beats?": the sentence giving that size is about that model,
        # however few of the question's other words it has ("Our 150M parameter edit sequence LM matches ...").
        sized = [s for s in scored if asked_sizes & set(model_sizes(s.text))][:1]
    if extreme and not sized and len(asks_in(question)) == 1:
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no model sizes, so it does not say "
                                                       f"which is {extreme}.")
    scored = [*sized[:1], *(s for s in scored if s not in sized[:1])]
    said = _headline(question, paper) if not sized else ""
    headline = [s for s in scored if said and s.text == said][:1]
    public: list[ScoredSentence] = []  # the sentence saying what the paper makes public, when that is asked
    if headline:
        # "what's the main result of CoCoNUT?" shares no word with its result sentence: that sentence is the answer.
        scored = [*headline, *(s for s in scored if s not in headline)]
    elif not sized and (released := release_asked_of_paper(question)) is not None and \
            ((releasing := release_sentence(paper.abstract, released[0]) or release_sentence(paper.abstract, []))
             or shape.yes_no):
        # "does MARIO release its dataset?": the sentence saying what it makes public answers, however few of the
        # question's words it has ("we have made the model checkpoints and will make the dataset publicly available");
        # one releasing something else says what is public. Asked whether ("does AlphaCode release its dataset?"), an
        # abstract with none does not say; "what dataset did they release?" may mean the one it introduces.
        if not releasing:
            return _not_stated(paper, "", question, found, f"{the_abstract} does not say it makes anything public.")
        public = [s for s in scored if s.text == releasing][:1]
        scored = [*public, *(s for s in scored if s not in public)]
    elif not sized and (stating := stated_detail(paper, found.searched)) and \
            (detailed := [s for s in scored if s.text == stating][:1]):
        # "The LintSeq paper puts an error bar on its headline gain: what's the +/-?": the sentence stating the detail
        # asked ("by +20% (+/-3%)") answers, however few of the question's words it has.
        scored = [*detailed, *(s for s in scored if s not in detailed)]
    elif not sized and scored and scored[0].score < settings.answer.refuse_below and \
            corrects_figure(question, paper.abstract) and \
            (own := [s for s in scored if gives_figure_of_kind(question, s.text) and
                     all(mentions_name(s.text, t.text) for t in shape.terms)]):
        # "CodeTree got 96.1 on HumanEval, says a blog - what's the real number?": few of the question's words are
        # the abstract's; its sentence with a figure of the kind quoted, on what is named, answers.
        scored = [*own[:1], *(s for s in scored if s is not own[0])]
    elif not sized and scored and scored[0].score < settings.answer.refuse_below and \
            (phrased := _rare_phrase_sentences(question, paper, scored, view)):
        # "does giving it error feedback help much (GitChameleon)?": its "(43.7% when provided with error
        # feedback)" scores low against so few words, yet shares a phrase few abstracts have.
        scored = [*phrased, *(s for s in scored if s not in phrased)]
    elif not sized and (not scored or (scored[0].score < settings.answer.refuse_below and
                                     not (best_named and _BEST.search(question) and
                                          _words_in(question, paper.abstract)) and
                                     # "tell me about the system that writes papers by itself": the paper it
                                     # describes was found, and all of it is asked.
                                     not (shape.described and asks_overview(question) and
                                          describes_well(found, shape.described[0], paper.paper_id,
                                                         settings.answer.refuse_below)))):
        if members := unnamed_members(question, paper.abstract):
            # "InCoder won - which were the other two code LMs?": however little its sentences share with the
            # question, the abstract counts them and names none.
            return _not_stated(paper, "", question, found, f"{the_abstract} counts {members} but does not say which.")
        if unsized(question, paper.abstract):
            # "mpirigen model size? how many params": nothing of its abstract comes close, and it gives no size;
            # another paper's 150M is no answer.
            return _not_stated(paper, "", question, found, f"{the_abstract} gives no model size.")
        if which_model and _BEST.search(question) and scored and \
                not _unmet_scope(paper, question, found, scored, the_abstract):
            # "which model did the GitChameleon paper find best?": no sentence of its ranks one first, and another
            # paper's best model is no answer about it.
            return _not_stated(paper, "", question, found, f"{the_abstract} does not name which one (the closest "
                                                           f"it says: “{scored[0].text}”).")
        return None
    if which_model:
        # "Which model achieved the top score of about 60% on BigCodeBench?": "scores up to 60%" of "60 LLMs" names
        # none, so the abstract does not say which. Which one is often said apart from the sentence closest to the
        # question ("the top-performing model, Gemini, ...", "InCoder outperformed the other models"): a sentence
        # naming a model as best leads, and there the paper's own model counts ("DeepSeek-Prover ... surpassing
        # GPT-4"); elsewhere the paper's own names are no answer ("which LLM does ADAS use": not ADAS).
        asked = [t.text for t in shape.terms]
        not_it = [*asked, *own_names]  # keys: "ADAS" typed "adas", or not typed at all
        # Asked which did best, a sentence must say so: "for instance, GPT-4o achieves 39.9%" names no best.
        ranked = bool(_BEST.search(question))
        # With another ask beside it ("which models did they fine-tune, and which metrics improved?"), the
        # sentences are judged on the ask for the model alone.
        which_ask = model_ask(question)
        pool = found.scored_in_for(which_ask, [pid]) if which_ask != question else scored
        ranking = {s.text for s in best_named}  # scored against the whole question, so matched by text
        # "what hardware did they time it on?": a named device answers ("an Apple M2 Pro CPU").
        device = asks_hardware(which_ask)
        naming = [s for s in pool
                  if (s.score >= FIGURE_RATIO * pool[0].score and (not ranked or _RANKS_ONE.search(s.text))
                      and (_names_a_model(s.text, paper, not_it, view.vocabulary,
                                          beaten_too=bool(_ASKS_BEATEN.search(which_ask)))
                           or (device and _NAMED_DEVICE.search(s.text)))) or s.text in ranking]
        naming = [next((t for t in scored if t.text == s.text), s) for s in naming]
        if not naming and (component := asked_component(which_ask)):
            # "which verifier does OVM use?": its own, named beside the word ("Our proposed verifier, the
            # Outcome-supervision Value Model (OVM)"); not a sentence that only says "a verifier".
            own = "|".join(re.escape(n) for n in {name, short_name(paper), *names_in(short_name(paper))})
            beside = re.compile(rf"\b{re.escape(component)}s?\W+(?:the\s+|called\s+|named\s+|dubbed\s+)?"
                                rf"(?:[\w-]+\s+){{0,4}}?\(?(?:{own})\b", re.I)
            naming = [s for s in scored if beside.search(s.text)]
        if not naming and asks_tuned_model(which_ask):
            # "which model did MPIrigen fine-tune?": the sentence saying what it fine-tunes names it ("by fine-tuning
            # MonoCoder on HPCorpusMPI"), however little else it shares with the question.
            tuned = {sentence for _, sentence in tuned_models(paper, used_as_data)}
            naming = [s for s in scored if s.text in tuned]
        if not naming and _EVALUATED.search(which_ask):
            # "which LLMs did UGMathBench evaluate?": any sentence naming one of them answers, however it scores
            # ("the highest EAcc, achieved by OpenAI-o1-mini").
            naming = [s for s in scored if _names_a_model(s.text, paper, not_it, view.vocabulary)]
        if not naming and (unscoped := _unmet_scope(paper, question, found, scored, the_abstract)):
            return unscoped  # "which model does best in the networking domain": the more telling reason
        if not naming:
            return _not_stated(paper, "", question, found, f"{the_abstract} does not name which one (the "
                                                           f"closest it says: “{scored[0].text}”).")
        scored = naming + [s for s in scored if s not in naming]
    if (quantity := measured_quantity(question)) and not names_quantity(paper.abstract, quantity):
        # "How much memory does KV Prediction save?": an abstract that never says memory gives no figure for it.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not mention {quantity}.")
    if (metric := asked_metric(question)) and not names_metric(paper.abstract, metric):
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no {metric} figure.")
    # "which one made the most X": a name, not a count; "how many params is it, and which LLMs did it beat?": the
    # count is the other ask's.
    counting = [a for a in asks_in(question) if not asks_which_model(a)] if which_model else [question]
    # A slip in the unit is the unit ("how many downstream tasks and datsets"): no abstract counts "datsets".
    unit = counted_unit(correct_slips(counting[0], view.vocabulary)) if len(counting) == 1 else None
    if shape.terms and unit is not None and unit.counts and not unit.counts_items and \
            not (unit.used_in(paper.abstract) and any(unit.search(t) for t in split_sentences(paper.abstract))):
        # "How many parameters is the AlphaCode model that got the Codeforces ranking?": the Codeforces sentence
        # counts no parameters, and no sentence does ("a mixed cohort of participants" counts none); a benchmark's
        # items may be counted as a share ("23.1%").
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no figure for {unit.label}.")
    if not shape.terms and unit is not None:
        # "How many parameters does CodeFill have?": a figure counts them only in a sentence that names them (a
        # named benchmark is the stronger check: "How many problems does STP solve on ProofNet?" has "23.1%").
        # The abstract may count them in other words ("23 leading LLMs" for "how many models"), so only an
        # abstract that never uses the word is refused; otherwise a sentence counting it comes first.
        if not unit.used_in(paper.abstract):
            return _not_stated(paper, "", question, found,
                               f"{the_abstract} gives no figure for {unit.label}.")
        if not unit.counts and not any(unit.search(s.text) for s in scored):
            return _not_stated(paper, "", question, found, f"{the_abstract} gives no figure for {unit.label}.")
        if unit.counts and not any(has_figure(s.text) and unit.search(s.text) for s in scored):
            # "How many tasks are in WebArena?": its "task success rate of 10.59%" counts no tasks.
            return _not_stated(paper, "", question, found,
                               f"{the_abstract} gives no figure for {unit.label} (the closest it says: "
                               f"“{scored[0].text}”).")
    if unit is not None and unit.counts:
        # A sentence counting it comes first ("a dataset of 1,329 lemmas" for "how many lemmas are in the IMO Lean
        # dataset?", named terms or not); a duration in an abstract may time something else, so none is moved up.
        counting = [s for s in scored if has_figure(s.text) and unit.search(s.text)]
        scored = counting + [s for s in scored if s not in counting]
    if excluded := set_aside_figures(question):
        # "its few-shot accuracy (not the fine-tuned 83.8)?": the sentence giving 83.8 answers what was set aside.
        scored = [s for s in scored if not only_set_aside(s.text, excluded)]
        if not scored or not any(has_measure(s.text) for s in scored):
            return _not_stated(paper, "", question, found, f"{the_abstract} gives no other figure than "
                                                           f"{' and '.join(excluded)}.")
    restated = restated_spans(question, paper.abstract)  # what the asker says they have, before the ask
    if restated_figures := [f.text for a, b in restated for f in read(question[a:b]).figures]:
        # "FunCoder — +9.8% over SOTA. how much does StableCode-3b beat GPT-3.5 by?": what the asker has comes last.
        scored = sorted(scored, key=lambda s: only_set_aside(s.text, restated_figures))
    if (in_unit := asked_unit(question)) and not in_unit[1].search(paper.abstract):
        # "TTFT in milliseconds before vs after?": "a TTFT speedup on hardware" gives none in milliseconds.
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no figure in {in_unit[0]}.")
    if said := contradicted_failure(question, paper.abstract):
        # "Why did DeepSeek-Prover fail on FIMO?": its abstract says it proved 5 of them.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not say that it failed: it says “{said}”")
    if unlisted := unlisted_item(question, paper.abstract, view.vocabulary):
        # "which new formulas for pi did ESMA discover?": it lists formulas for e, e^2, tan(1) ..., not pi.
        item, listed = unlisted
        return _not_stated(paper, item, question, found, f"{the_abstract} does not mention {item}: it names "
                                                         f"{listed} (only).")
    if absence := unmet_absence(without_title(question, paper.title), paper.abstract):
        # "How does o3-mini do on REFUTE when it doesn't get code execution feedback?": its figure is with it.
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no result without {absence}: it "
                                                       f"mentions it only as used.")
    own_words = {t for m in mentions if m.paper_ids == (pid,) for t in tokenize(m.text)}
    if unexplained(question, paper.abstract, own_words):
        # "According to ProcessBench, why do existing PRMs fail to generalize?": it reports that they fail, not why.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not say why: none of its sentences on "
                                                       f"this gives a reason.")
    if planned := only_planned(question, paper.abstract, own_words):
        # "How did o1-mini's EAcc change once UGMathBench's fourth version was added?": versions only planned.
        return _not_stated(paper, "", question, found, f"{the_abstract} only plans it, and reports no result of it "
                                                       f"(it says: “{planned}”).")
    if averaged := averaged_only(question, paper.abstract):
        # "dotamath-deepseek-7b averages 80.1% - what are the individual scores behind that avg?": the average only.
        return _not_stated(paper, "", question, found, f"{the_abstract} gives the average only, not what makes it up "
                                                       f"(it says: “{averaged}”).")
    if pooled := pooled_count(question, paper.abstract):
        # "of the 3 extra problems, how many are from IMO 2023 vs 2022?": "3 extra problems from IMO 2022 and 2023".
        return _not_stated(paper, "", question, found, f"{the_abstract} counts {pooled} only together, not each "
                                                       f"apart.")
    if shape.yes_no and (superlative := unclaimed_superlative(question, paper.abstract)):
        # "Is UGMathBench the largest undergraduate math benchmark?": it claims to be diverse and dynamic, not that.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not claim to be the {superlative} of "
                                                       f"anything.")
    if ranking := unranked_part(question, paper.abstract):
        # "BigCodeBench: which of the 7 domains is hardest?": its results are over all seven, ranking none.
        return _not_stated(paper, "", question, found, f"{the_abstract} does not say {ranking}: it gives no "
                                                       f"results that rank them.")
    if members := unnamed_members(question, paper.abstract):
        # "Which 5 FIMO problems did DeepSeek-Prover prove?": it counts them, and names none ("which of the four
        # areas is hardest" is a ranking, above).
        return _not_stated(paper, "", question, found, f"{the_abstract} counts {members} but does not say which.")
    if (asks_for_figure(question) or asks_number(question) or which_model) and \
            (unscoped := _unmet_scope(paper, question, found, scored, the_abstract)):
        return unscoped
    if (asks_for_figure(question) or asks_number(question) or quoted_figures(question)) and \
            (setting := unmet_setting(question, [s.text for s in scored if has_figure(s.text)])):
        # "What accuracy does DeepSeek-Prover reach with 128 samples?": its figures are with 64 samples.
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no figure {setting} (the closest it "
                                                       f"says: “{scored[0].text}”).")
    # "the IMO Lean dataset paper (IMO-Steps)": a name the abstract has only in its code's link is the paper's own.
    # "its GSM8K-based data": GSM8K is the name a sentence must have.
    # "per the Lean IMO paper": the words naming the paper say which paper, not what its figure must name.
    # "the MBPP/MathQA-Python paper": the benchmarks it made say which paper as much.
    made = {k for k, pid in view.lexicon.defined_by.items() if pid == paper.paper_id}
    naming_paper = [m.span() for m in ONE_PAPER.finditer(question)
                    if any(mentions_name(paper.title, w) or key(w) in made
                           for w in re.split(r"[\s/]+", m["description"]) if w)]
    naming_paper += set_aside_spans(question)  # "besides the 61.7% on miniF2F-test, what on ProofNet-test?"
    naming_paper += quoted_title_spans(question, paper.title)
    naming_paper += restated  # "... traces 47% of HumanEval tasks. does any ...?"
    # "KV Prediction (apple TTFT thing)": brackets after its name say which paper; "(on SWE-bench lite)" is where.
    naming_paper += [(a, b) for a, b in bracketed_after_paper(question, mentions)
                     if not _SETTING_WORD.match(question, a)]
    # "how many lemmas after decomposing the olympiad proofs?" (of "A Lean Dataset for International Math Olympiad"):
    # a word of the paper's own title, typed as a plain word, says what it is about, not where a figure was got (so do
    # words of it, "can language models falsify").
    wanted = [kind_base(t.text) for t in shape.terms if not _only_in_links(paper.abstract, t.text)
              and not any(a <= t.start < b for a, b in naming_paper)
              and not (re.fullmatch(r"[a-z]+(?:[\s-][a-z]+)*", question[t.start:t.end])
                       and re.search(rf"\b{re.escape(t.text)}\b", paper.title, re.I))]
    # "human NL feedback": an acronym the abstract writes only spelled out ("natural language feedback"), as another
    # abstract defines it, is asked in those words.
    wanted = [written_out(w, paper.abstract, view.papers.values()) for w in wanted]
    # "delta for o1-mini": a model typed with its digits that the lexicon found no mention for, inside the abstract's
    # longer name ("OpenAI-o1-mini"), is asked about as much.
    wanted += list(dict.fromkeys(
        t[0] for t in _MODEL_TOKEN.finditer(question)
        if key(t[0]) not in own_names | {key(w) for w in wanted} and mentions_name(paper.abstract, t[0])
        and not any(m.start <= t.start() < m.end for m in mentions)))
    # "FunCoder + StableCode-3b numbers on MBPP": a sized model the abstract has (another paper's, or its own),
    # named beside the paper's name, is the setting its figure must be for, not a paper asked about.
    own_said = [m for m in mentions if m.paper_ids == (pid,) and m.kind == "paper" and not _SIZED.search(m.text)]
    sized = [m.text for m in mentions if m.kind == "paper" and _SIZED.search(m.text)
             and mentions_name(paper.abstract, m.text)
             and any(_BESIDE.fullmatch(question[min(m.end, o.end):max(m.start, o.start)]) for o in own_said)]
    if sized:
        wanted = [*(n for n in dict.fromkeys(sized) if n not in wanted), *wanted]
    if wanted:
        # "o1-mini's reasoning gap": a metric the abstract defines, asked in its words, is asked as it is named there
        # ("reasoning gap (Delta)").
        wanted = [*(short for short, words in defined_metrics(paper.abstract)
                    if re.search(rf"\b{re.escape(words)}\b", question, re.I) and short not in wanted), *wanted]
    if not wanted and (needed := figure_needed(question)):
        # "By what factor is it faster?", "overhead in %?", "what task success rate?": a sentence with that kind of
        # figure leads; a paper with none ("a speedup over baselines", "negligible impact") does not state it.
        fitting = [s for s in scored if needed(s.text)]
        if not fitting:
            return _not_stated(paper, "", question, found,
                               f"{the_abstract} gives no such figure (the closest it says: “{scored[0].text}”).")
        if whose := unmet_qualifier(_glossed(question, paper.abstract), fitting):
            said = f"the closest it says: “{fitting[0].text}”"
            return _not_stated(paper, "", question, found, f"{the_abstract} gives no {whose} figure ({said}).")
        fitting = qualified_first(question, fitting)
        scored = fitting + [s for s in scored if s not in fitting]
    focus = question  # the ask the names are asked in
    if wanted and len(asks := split_asks(question)) > 1:
        # "X's miniF2F accuracy, and how many FIMO problems did it prove?": each ask holds its own names, and the
        # first ask naming one leads (the other is answered after, by answering_each_ask).
        # A part that opens with no ask word is context ("STP says 19.8B tokens were for Lean; how many for the
        # Isabelle run?"): the ask after it is what the names must meet.
        naming = [part for part in asks if any(mentions_name(part, w) for w in wanted)]
        focus = next((part for part in naming if ask_opens(part)), None)
        set_out = None
        if focus is None and naming and all(is_statement(part) for part in naming):
            # "ProcessBench says QwQ-32B-Preview is competitive with GPT-4o. Can you give both models' scores?":
            # the names are set out first, and the ask after them is about them.
            focus = set_out = next((part for part in asks if ask_opens(part)), None)
        focus = focus or (naming[0] if naming else question)
        if set_out is None or any(mentions_name(focus, w) for w in wanted):
            # "o1-mini had 56.3% EAcc; what was its reasoning gap Delta?": "its" is the model set out before.
            before = question[:question.find(focus)] if _ITS.search(focus) else ""
            said = sorted((at.start(), w) for w in wanted if not mentions_name(focus, w) and re.search(r"\d", w)
                          and (at := mention_pattern(w).search(before)))
            wanted = [w for w in wanted if mentions_name(focus, w)] + [w for _, w in said[:1]]
    if wanted:
        about = [s for s in scored if all(mentions_name(s.text, w) for w in wanted)]
        if not any(has_figure(s.text) and not _named_numbers_only(s.text) for s in about):
            # Or, when none of those states a figure, a sentence going on about what the one before it names ("an
            # empirical investigation on GPT-2. We found that 54.4% of tokens ...").
            sentences = split_sentences(paper.abstract)
            about = [s for s in scored
                     if all(mentions_name(s.text, w) for w in wanted) or said_on(s.text, wanted, sentences)]
        if not about and len(wanted) > 1 and (apart := asked_apart(focus, wanted)):
            # "its gains on TriviaQA and on HumanEval": each is asked apart, and said in a sentence of its own.
            # A measure may be spelled out there ("line-level EM": "an exact match of 43.37% for the line-level").
            # Names set between them go with each ("on TriviaQA across TTFT FLOPs budgets, and on HumanEval").
            shared = [w for w in wanted if w not in apart]
            each = [[s for s in scored if states_name(s.text, w, view.vocabulary)
                     and all(mentions_name(s.text, o) for o in shared)] for w in apart]
            if all(each):
                about = [s for s in scored if any(s in group for group in each)]
        if not about and unit is not None and unit.counts:
            # "how many lines of Lean proof did they write for the miniF2F IMO problems?": the sentence counting
            # the lines ("creating 5,880 lines of Lean proof") names the proofs' language, the problems are said
            # in the sentences before it.
            about = [s for s in scored if has_figure(s.text) and unit.search(s.text)
                     and any(mentions_name(s.text, w) for w in wanted)]
        stating = [s.text for s in about if has_figure(s.text)]
        if (asks_for_figure(question) or asks_number(question) or named_metric(question)) and \
                (pooled := pooled_with(question, wanted, stating)):
            # "RLCoder's EM gain on RepoEval alone": its one figure is for CrossCodeEval and RepoEval together.
            alone = view.lexicon.as_written(pooled[0])
            return _not_stated(paper, alone, question, found, f"{the_abstract} gives no figure for {alone} alone: "
                                                              f"its figure is for {alone} and {pooled[1]} together "
                                                              f"(it says: “{stating[0]}”).")
        # A bare label asks for the value where the sentences about it have one ("ugmathbench delta for o1-mini").
        # So does "what's o1-mini's Delta?" of a metric the abstract defines, asked of something ("what is Delta?"
        # asks what it is).
        # Not when the names are in an ask for no figure: "is pseudocode better than natural language? and on how
        # many tasks was it tested?"
        if asks_for_figure(focus) or \
                (bare_label(question) and not shape.yes_no and any(has_figure(s.text) for s in about)) or \
                (_WHAT.search(question) and (len(wanted) > 1 or _OF_SOMETHING.search(focus))
                 and any(defines_metric(w, paper.abstract) for w in wanted)):
            # What the ask naming them measures: "how many python problems ..., and what pass@10 ...?" counts.
            states = has_measure if asks_measure(focus) else has_figure
            if shape.yes_no and asks_measure(focus):
                states = measure_or_multiple
            # A number inside a name ("an empirical investigation on GPT-2") states nothing.
            with_figure = [s for s in about if states(s.text) and not _named_numbers_only(s.text)]
            # A count of what the ask counts is the figure asked ("how many python problems": "116 Python code
            # completion problems"), whatever else the sentence names.
            counted = counted_unit(focus)
            if _siblings_figures(with_figure, wanted, paper.abstract) and \
                    not (counted is not None and counted.counts and any(counted.search(s.text) for s in with_figure)):
                with_figure = []
            # "ugmathbench reasoning gap (delta) for o1-mini": its one figure there (56.3%) is the EAcc; Delta is said
            # in another clause, with no number.
            with_figure = [s for s in with_figure
                           if not result_figures(s.text)
                           or all(figure_for(s.text, w) for w in wanted
                                  if mentions_name(s.text, w) and not _against(focus, w))
                           or (counted is not None and counted.counts and counted.search(s.text))]
            if with_figure and (beaten := [w for w in wanted if all(only_compared(s.text, w) for s in with_figure)
                                           and not _SHARE_OF_ASKED.search(focus.replace(w, "X"))]):
                # "what % did SWE-agent get on SWE-bench-lite?": "(19% ...), which is higher than ... SWE-agent"
                # gives the paper's own figure.
                shown = view.lexicon.as_written(beaten[0])
                return _not_stated(paper, beaten[0], question, found,
                                   f"{the_abstract} gives no {shown} figure: it names {shown} only as compared "
                                   f"(it says: “{with_figure[0].text}”).")
            shown = view.lexicon.as_written(wanted[0])  # "HumanEval+" however typed
            if not with_figure:
                said = f" (it says: “{about[0].text}”)" if about else ""
                return _not_stated(paper, wanted[0], question, found, f"{the_abstract} gives no {shown} figure{said}.")
            # "the zero-shot accuracy on MATH", in the ask naming it, or all of it if the ask points back ("there").
            if whose := unmet_qualifier(_glossed(question if re.search(r"\bthere\b", focus, re.I) else focus,
                                                 paper.abstract), with_figure):
                return _not_stated(paper, wanted[0], question, found,
                                   f"{the_abstract} gives no {whose} {shown} figure (it says: "
                                   f"“{with_figure[0].text}”).")
            if setting := unmet_setting(focus, [s.text for s in with_figure]):
                # "few-shot on MathQA-Python": its MathQA-Python figure is the fine-tuned model's.
                return _not_stated(paper, wanted[0], question, found,
                                   f"{the_abstract} gives no {shown} figure {setting} (it says: "
                                   f"“{with_figure[0].text}”).")
            # Of the whole abstract: a share it gives in a sentence without the name ("54.4% of tokens") is no change.
            if said := change_only(focus, [s.text for s in with_figure], split_sentences(paper.abstract)):
                # "what percentage of all SV-COMP problems does Mistral-7B solve?": "12% (75 -> 84) more problems".
                return _not_stated(paper, "", question, found, f"{the_abstract} gives only a change, not the share "
                                                               f"asked (it says: “{said}”).")
            if other := excluded_variant(question, wanted, [s.text for s in with_figure]):
                # "on the full SWE-bench, not the lite subset": its only figure is on SWE-bench-lite.
                return _not_stated(paper, wanted[0], question, found,
                                   f"{the_abstract} gives no {shown} figure except on {other} (it says: "
                                   f"“{with_figure[0].text}”).")
            if beaten_metric := metric_only_beaten(focus, [s.text for s in with_figure]):
                # "PLANSEARCH's own pass@1 on LiveCodeBench": its one pass@1 is of what it outperforms.
                return _not_stated(paper, wanted[0], question, found,
                                   f"{the_abstract} gives {beaten_metric} only for what it outperforms (it says: "
                                   f"“{with_figure[0].text}”).")
            if elsewhere := metric_elsewhere(question, with_figure[0].text, wanted[0]):
                # "CodeFill's MRR for multi-token prediction": its MRR is for single token prediction.
                return _not_stated(paper, wanted[0], question, found,
                                   f"{the_abstract} gives {shown} only for {elsewhere} (it says: "
                                   f"“{with_figure[0].text}”).")
            about = qualified_first(question, with_figure)
        scored = about + [s for s in scored if s not in about]
    if spelled:
        lead = [s for s in scored if s.text == spelled[0]]
        scored = lead + [s for s in scored if s not in lead]
    chosen = _lead_with(pick_answer_sentences(scored, settings.answer.max_sentences), scored[0])
    close = [s for s in chosen if s.score >= FIGURE_RATIO * scored[0].score]
    asks = asks_in(question)
    numbered = [part for part in asks if asks_number(part)]
    if numbered and len(numbered) < len(asks):
        # "what codebases did they apply it to and how big is the library?": the ask for a number has sentences
        # of its own, the first ask's closest hold no figure.
        own = found.scored_in_for(numbered[0], [pid])
        close = [s for s in own if s.score >= FIGURE_RATIO * own[0].score] if own else close
    # "which ChatGPT version did they test, and how many problems does GHOSTS have?": the count's ask names none of
    # the names wanted, so its own sentences are what must hold a number.
    count_apart = bool(numbered) and len(numbered) < len(asks) and \
        not any(mentions_name(numbered[0], w) for w in wanted)
    # An abstract with no figure at all gives none, whatever names the question has ("what grid size was LifeGPT
    # trained on for the Game of Life?").
    figureless = not any(has_figure(s) for s in split_sentences(paper.abstract))
    if (not wanted or count_apart or figureless) and \
            (asks_number(question) or (figureless and asks_for_figure(question) and not shape.yes_no)) and \
            not any(has_figure(s.text) for s in close):
        # "How many parameters does RLCoder's retriever have?": the sentences about it hold no number at all (a
        # figure in a sentence further off is about something else: "10s of seconds" of prompt processing).
        return _not_stated(paper, "", question, found,
                           f"{the_abstract} gives no figure for this (the closest it says: “{chosen[0].text}”).")
    if shape.yes_no and not spelled:  # "is ESMA an acronym?": the words spelling it out lead, not a finding
        chosen = findings_first(chosen, view.papers, scored, by_ask=asked_beyond_subject(found, chosen),
                                limit=settings.answer.max_sentences + FINDING_ROOM)
    elif not spelled and not wanted and not asks_for_figure(question) and not asks_number(question) and \
            (by_ask := asked_beyond_subject(found, chosen)) and \
            all(s.position != by_ask[0].position for s in chosen):
        # "how does LintSeq generate its data?": the sentence on what is asked beyond the paper's subject joins.
        extra = next((s for s in scored if s.position == by_ask[0].position), by_ask[0])
        if len(chosen) >= settings.answer.max_sentences > 1:
            weakest = min(chosen[1:], key=lambda s: s.score)
            chosen = [s for s in chosen if s is not weakest]
        chosen = [*chosen, extra]
    if public:
        chosen = _lead_with(chosen, public[0])  # a finding does not go before it
    chosen = answering_each_ask(question, chosen, found, settings.answer.max_sentences, subject=shape.described[:1])
    return extractive_answer(chosen, view.papers, query=question, searched=found.searched,
                             emphasis=spelled[1] if spelled and chosen[0].text == spelled[0]
                             else described_value(chosen[0].text, telling) if describes(chosen[0].text, telling)
                             and telling else asked_value(question, chosen[0].text, wanted))


# "how much of Qwen's training data did it use?": a share of what another model has, which the abstract may give
# beside naming that model only as beaten ("with 10% of its training data").
_SHARE_OF_ASKED = re.compile(r"\b(?:how\s+much|what\s+(?:share|fraction|percentage|portion|part|proportion))\s+of\s+"
                             r"(?:the\s+)?X\b|"
                             # "the average improvement over SFT": the gain over it is what is asked
                             r"\b(?:improvement|gain|increase|boost|speed-?up|margin)s?\s+(?:over|vs\.?|versus|"
                             r"against|relative\s+to|compared\s+(?:to|with))\s+(?:the\s+)?X\b|"
                             # "how much better than the SFT model did it get?": the same gain
                             r"\bhow\s+much\s+(?:better|higher|faster|more|stronger)\s+than\s+(?:the\s+)?X\b", re.I)
def answering_each_ask(question: str, chosen: list[ScoredSentence], found: Gathered,
                       max_sentences: int, subject: Sequence[str] = ()) -> list[ScoredSentence]:
    """A question with two asks ("what codebases did they apply it to and how big is the crypto library?") gets the
    best sentence for each ask, from the papers already quoted, where the sentences chosen for the whole question
    do not have it. `subject`: the words describing the paper asked about, which say nothing of what is asked."""
    parts = asks_in(question)
    # "the pillow/numpy case study - did they have failed attempts?": the first part only says what is asked about,
    # so the answer to the ask leads; so does "did the pillow/numpy case study have failed attempts?", where the
    # paper was found by that description.
    subject_first = len(parts) < 2 and len(subject_and_ask(question)) > 1
    if subject_first:  # "X: did they compare A with B, and what's their dataset called": each ask after the subject
        subject_part, ask = subject_and_ask(question)
        parts = [subject_part, *every_ask(ask)]
    elif len(parts) < 2 and (labelled := labelled_asks(question)):
        subject_first, parts = True, labelled  # "X paper: dataset, base model, and the gain"
    elif len(parts) < 2 and subject and subject[0] in question:
        subject_first, parts = True, [subject[0], question.replace(subject[0], " ", 1)]
    if len(parts) < 2 or not chosen:
        return chosen
    papers = list(dict.fromkeys(s.paper_id for s in chosen))
    lead, added = chosen[0], []
    for part in parts[1:] if subject_first else parts:
        if subject_first and ENDS_POINTING_BACK.search(part):
            continue  # "... apply it to HACL* — what's the outcome of that?": asked of the part before, as a whole
        # After its subject, one word asks too ("X paper: which dataset?"); alone in a question, it says too little.
        own = found.scored_in_for(part, papers) if len(tokenize(part)) >= (1 if subject_first else 2) else []
        if asks_for_figure(part):  # "how big is the resulting library?": a sentence with a figure
            own = [s for s in own if has_figure(s.text)]
        if asks_which_model(part) and _BEST.search(part):  # "and which model did best?": one ranking a model first
            own = [s for s in own if _RANKS_ONE.search(s.text) and
                   _names_a_model(s.text, found.view.papers[s.paper_id], [], found.view.vocabulary)] or own
        if asks_tuned_model(part):  # "which model was fine-tuned and on which corpus?": the sentence saying so
            tuned = {sentence for pid in papers for _, sentence in tuned_models(found.view.papers[pid], used_as_data)}
            own = [s for s in own if s.text in tuned] or own
        if not own or any(s.paper_id == own[0].paper_id and s.position == own[0].position for s in chosen):
            continue
        extra = replace(own[0], score=min(s.score for s in chosen))
        if len(chosen) >= max_sentences > 1:
            # Room is made by the weakest sentence after the lead that answers no ask of its own.
            if not (spare := [s for s in chosen if s is not lead and not any(s is a for a in added)]):
                break
            weakest = min(spare, key=lambda s: s.score)
            chosen = [s for s in chosen if s is not weakest]
        added.append(extra)
        chosen = [*chosen, extra]
    if subject_first:  # what is asked leads, in the order asked; what the subject found follows
        chosen = [*added, *(s for s in chosen if not any(s is a for a in added))]
    return chosen




def _siblings_figures(with_figure: Sequence[ScoredSentence], wanted: Sequence[str], abstract: str) -> bool:
    """Whether the sentences naming the asked model hold no figure but its name's digits ("GPT-3 and Codex
    solvers"), and every figure of the abstract is another's named beside it ("Codex performs best, solving up to
    18% of 397 test problems"): then the abstract gives none for the asked one."""
    if not with_figure or any(result_figures(s.text) for s in with_figure):
        return False
    siblings = {n for s in with_figure for n in [*names_in(s.text), *capitalised_names(s.text)]
                if not is_generic(n) and not any(mentions_name(n, w) or mentions_name(w, n) for w in wanted)}
    stating = [t for t in split_sentences(abstract) if result_figures(t)]
    return bool(siblings) and bool(stating) and all(any(mentions_name(t, n) for n in siblings) for t in stating)


_LINK = re.compile(r"(?:https?://|www\.|github\.com/)\S+", re.I)


def _only_in_links(abstract: str, name: str) -> bool:
    pattern = mention_pattern(name)
    return bool(pattern.search(abstract)) and not pattern.search(_LINK.sub(" ", abstract))


# How a yes/no question says what it asks about, not what it asks: "does X include / contain / support Y?" is
# about Y; "includes" in an abstract says nothing about pictures.
_FRAME = re.compile(r"(?:includ|contain|support|hav|has|cover|provid|offer|featur|involv|com(?:e|es|ing))\w*|really|"
                    r"actually|also|still|even|ever|any|all|kind|sort", re.I)


def _headed_by(name: str, names_it: Callable[[str], bool]) -> bool:
    """Whether a hyphened name starts with a name of the paper ("dotamath-llama2-13b", "alphacode-2"), not one a typo
    matched ("interleukin-2" for "Interleukin-6")."""
    parts = name.split("-")
    return any(names_it("-".join(parts[:j])) for j in range(1, len(parts)))


# A model's name typed with a digit and a hyphen in it ("o1-mini", "llama2-7b"), not a figure ("7B", "2024"), a metric
# ("pass@1") nor a number type ("float32").
_BESIDE = re.compile(r"\s*(?:\+|&|/|,|with|w/|using|on|under|and)?\s*", re.I)  # "FunCoder + StableCode-3b"
_ITS = re.compile(r"\b(?:its|their)\b", re.I)  # "its reasoning gap": of the model named before
# Words opening brackets that say where or against what a figure was got: "(on SWE-bench lite)", "(vs GPT-4)".
_SETTING_WORD = re.compile(r"\s*(?:on|in|at|with|for|from|over|across|under|vs\.?|versus|against|than)\b", re.I)
# "what was its reasoning gap Delta?": a defined metric asked of something ("its", "o1-mini's") asks its value.
_OF_SOMETHING = re.compile(rf"{_ITS.pattern}|\w['’]s\b", re.I)
_SIZED = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[bBmM](?![\w])|[-_]\d+(?:\.\d+)?[bBmM](?![\w])")
_MODEL_TOKEN = re.compile(r"(?<![\w@.-])[A-Za-z]+\d[\w.]*(?:-[\w.]+)+(?![\w@-])")


def _silent_on(question: str, text: str, own: Sequence[Mention]) -> list[str]:
    """The question's words, its mentions of the paper aside, when the paper's text has none of them; [] when it
    has one, or when nothing is left to look for."""
    for mention in sorted(own, key=lambda m: m.start, reverse=True):
        kind = re.match(rf"\s+(?:{'|'.join(KIND_WORDS)})s?\b", question[mention.end :], re.I)  # "CS-Bench benchmark"
        question = question[: mention.start] + " " + question[mention.end + (kind.end() if kind else 0) :]
    asked = [w for w in re.findall(r"[A-Za-z][\w-]*", question) if len(w) >= 3 and tokenize(w)
             and not _FRAME.fullmatch(w)]
    stated = set(tokenize(text))
    return [] if any(set(tokenize(w)) & stated for w in asked) else list(dict.fromkeys(asked))


# "what's the main result of X?", "X's key finding", "the takeaway of X": the paper's own key result is asked.
_HEADLINE_ASKED = re.compile(r"\b(?:main|key|headline|central|primary|core|major|overall|big|biggest)\s+"
                             r"(?:results?|findings?|takeaways?|conclusions?)\b|\b(?:the\s+)?(?:takeaway|tl;?dr)\b",
                             re.I)


def _headline(question: str, paper: Paper) -> str:
    """The abstract's key result sentence (rag/answer/comparison.py's results cell) when the question asks for the
    paper's main result, else ""."""
    if not _HEADLINE_ASKED.search(question):
        return ""
    cell = cells_for(paper).get("results")
    return cell.sentence if cell is not None else ""


def _spells_title(name: str, title: str) -> bool:
    """Whether a name is the title's own words in order, joined otherwise ("describe-explain-plan-select" of
    "Describe, Explain, Plan and Select: ..."): the paper named, no variant of it."""
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    title_words = [w.lower() for w in re.findall(r"[\w]+", title)]
    at = 0
    for word in words:
        if word not in title_words[at:]:
            return False
        at = title_words.index(word, at) + 1
    return len(words) >= 3


def _not_stated(paper, thing: str, question: str, found: Gathered, reason: str) -> Answer:
    """The refusal for a named paper that does not state the asked thing; other papers' sentences about that
    thing follow, marked as being about them (they are not an answer to the question)."""
    view = found.view
    others = []
    pattern = mention_pattern(thing) if thing else None
    for other in view.papers.values() if pattern else ():
        if other.paper_id == paper.paper_id:
            continue
        hit = next((s for s in split_sentences(other.abstract) if pattern.search(s)), None)
        if hit:
            others.append(f"- *About another paper,* {escape_markers(short_name(other))}: “{escape_markers(hit)}”")
        if len(others) >= 3:
            break
    answer = refusal([paper], query=question, searched=found.searched, reason=reason)
    if others:
        answer.answer += f"\n\nWhat other papers say about {thing} (not about {short_name(paper)}):\n" + \
            "\n".join(others)
    return answer


def _unmet_scope(paper: Paper, question: str, found: Gathered, scored: list[ScoredSentence],
                 the_abstract: str) -> Answer | None:
    """The refusal of a figure asked of a part its figures are not about ("its success rate on just the
    e-commerce sites": the figures there are over all four domains), or None."""
    if scope := unmet_scope(question, [s.text for s in scored if has_figure(s.text)]):
        return _not_stated(paper, "", question, found, f"{the_abstract} gives no figure {scope} (the closest it "
                                                       f"says: “{scored[0].text}”).")
    return None


_BEST = re.compile(rf"\b(?:{BEST_WORDS})\b", re.I)
# A sentence ranking one model first; "state-of-the-art LLMs struggle" ranks none.
_RANKS_ONE = re.compile(rf"\b(?:{BEST_WORDS})\b(?<!state-of-the-art)(?<!leading)|"
                        r"\b(?:state-of-the-art|leading)\b(?!\s+(?:[\w-]+\s+)?(?:LLMs|LMs|models|"
                        r"systems|methods|approaches))", re.I)  # "leading open-source LLMs" ranks none


# What a name describes when written before it ("GitHub issues", "HumanEval tasks"): then no model is named.
_DESCRIBES = re.compile(r"\s+(?:issues|tasks?|problems|benchmarks?|datasets?|questions|traces|repositories|projects|"
                        r"libraries|code)\b")
# What was beaten, up to the clause's end: "higher than ... the recently reported SWE-agent" (not "outperformed by
# X", which names the winner).
_BEATEN = re.compile(rf"\b{BEATEN}[^,;.]*", re.I)
_NOT_MODELS = {"usd", "eur", "cpu", "gpu", "tpu", "api", "ide", "ram"}  # units and hardware, not models


def _names_a_model(sentence: str, paper: Paper, asked: Sequence[str], vocabulary: Vocabulary,
                   own: bool = False, beaten_too: bool = False) -> bool:
    """A name in the sentence other than the question's, the data it is measured on ("the top-performing model,
    Gemini, ... HumanEval task traces": Gemini), what was beaten, and what the paper's title is about ("Lean",
    "IMO" of "A Lean Dataset for International Math Olympiad"); the paper's own name only with `own`."""
    its = {key(n) for n in names_in(short_name(paper))}
    skip = {key(n) for n in asked} | (set() if own else its)
    # What was beaten, and examples in brackets ("agentic systems (e.g. Chain-of-Thought, Toolformer)": a kind of
    # thing illustrated, not the model used).
    # `beaten_too`: what it beats is what is asked ("what models does it match or beat?").
    beaten = [m.span() for m in [*([] if beaten_too else _BEATEN.finditer(sentence)),
                                 *BRACKETED_EXAMPLES.finditer(sentence)]]
    # One whole word, not an ordinary one capitalised ("Testing" of a title written out in the abstract).
    # "LLM-generated tests" says what kind of tests, naming no model.
    sentence = _LINK.sub(" ", sentence)  # "available at https://github.com/x/IMO-Steps" names no model
    named = [*names_in(sentence), *capitalised_names(sentence)]
    # "Codex performs best, ...": a word opening the sentence that the abstract also writes capitalised inside one
    # ("GPT-3 and Codex solvers"); "Importantly" is capitalised only where it opens one.
    if (first := re.match(r"\s*([A-Z][\w.-]*[\w])\b", sentence)) and not vocabulary.plain(first[1].lower()) and \
            any(re.search(rf"(?<=\s){re.escape(first[1])}\b", t) for t in split_sentences(paper.abstract)):
        named.append(first[1])
    # "our best GPT-4-based agent": the model it is based on is named ("LLM-based" is generic).
    candidates = [*named, *(kind_base(n) for n in named if kind_base(n) != n)]
    return any(" " not in n and not vocabulary.plain(n) and not is_generic(n) and kind_base(n) == n
               and key(n) not in skip and n.lower() not in _NOT_MODELS
               and (at := mention_pattern(n).search(sentence)) is not None
               and not any(a <= at.start() < b for a, b in beaten)
               and not _DESCRIBES.match(sentence, at.end())
               and (beaten_too or not used_as_data(n, sentence, using=False))  # "including Codex and AlphaCode"
               and (key(n) in its or not (mentions_name(paper.title, n) or spelled_out(n, paper.title)))
               for n in candidates)


# "what models does it match/beat?", "which baselines did it outperform?": what it beats is the answer.
_ASKS_BEATEN = re.compile(r"\b(?:beat|beats|beaten|outperform\w*|surpass\w*|match(?:es|ed)?|exceed\w*|"
                          r"outdo\w*|ahead\s+of)\b", re.I)
# A device named by its maker or model: "an Apple M2 Pro CPU", "8 NVIDIA A100 GPUs".
_NAMED_DEVICE = re.compile(r"\b(?:[A-Z][\w-]*\s+){1,3}(?:CPU|GPU|TPU|NPU|chip|processor|accelerator)s?\b")
_EVALUATED = re.compile(r"\b(?:tested|evaluat\w*|benchmarked|tried|compared|(?:test|try|benchmark|compare)"
                        r"(?=\s*(?:[?.!,;]|$)))", re.I)  # "which LLMs did they test?", not "test cases"


# Papers beyond which a phrase is the field's ("code generation", "language models"), not this question's.
RARE_PHRASE_PAPERS = 2


def _rare_phrase_sentences(question: str, paper: Paper, scored: list[ScoredSentence],
                           view: IndexView) -> list[ScoredSentence]:
    """The paper's sentences sharing with the question two words side by side that no title of it has and at
    most RARE_PHRASE_PAPERS abstracts use; none where the question has a word no abstract uses and English lacks
    ("... comes from alibaba's tongyi lingma, right?"): that is what it asks about."""
    if any(not view.vocabulary.uses(w) and not english_word(w.lower(), view.vocabulary)
           for w in re.findall(r"[A-Za-z][\w-]{4,}", question)):
        return []
    pairs = [p for p in word_pairs(question) if p not in paper.title.lower()]
    found = []
    for pair in pairs:
        first, second = pair.split()
        pattern = re.compile(rf"\b{re.escape(first)}[\s-]{re.escape(second)}s?\b", re.I)
        holding = [s for s in scored if pattern.search(s.text)]
        if holding and sum(1 for p in view.papers.values()
                           if pattern.search(p.abstract)) <= RARE_PHRASE_PAPERS:
            found += [s for s in holding if s not in found]
    return found


# "on TriviaQA across TTFT budgets, and on HumanEval": a setting said after the first, the preposition said again.
_AGAIN = r"(?:\s+[\w@.+/-]+){{0,5}}?,?\s+(?:and|or)\s+(?:also\s+)?{prep}\s+(?:the\s+)?$"
_PREPOSITION = re.compile(r"\b(?P<prep>on|in|for|at|with)\s+(?:the\s+)?$", re.I)


def asked_apart(question: str, names: Sequence[str]) -> list[str]:
    """The names a question asks of each in its own right: all of them when they are `coordinated`, or two that
    repeat their preposition around a setting ("on TriviaQA across TTFT FLOPs budgets, and on HumanEval"), whose
    names then belong to both; none otherwise."""
    if coordinated(question, names):
        return list(names)
    spots = sorted((m.start(), m.end(), n) for n in names if (m := mention_pattern(n).search(question)))
    for (a_start, a_end, a), (b_start, _, b) in itertools.combinations(spots, 2):
        prep = _PREPOSITION.search(question[:a_start])
        if prep and re.match(_AGAIN.format(prep=prep["prep"]), question[a_end:b_start], re.I):
            between = [n for start, _, n in spots if a_end <= start < b_start]
            if len(between) + 2 == len(names):
                return [a, b]
    # Or two joined where the others are said after both: "TriviaQA vs HumanEval at fixed TTFT FLOPs budgets".
    if len(spots) > 2 and _JOINER.match(question[spots[0][1]:spots[1][0]]):
        return [spots[0][2], spots[1][2]]
    return []


def coordinated(question: str, names: Sequence[str]) -> bool:
    """Whether the names are joined as alternatives or a series ("on TriviaQA and on HumanEval", "GSM8K, MATH or
    SVAMP"), each asked of in its own right, not as one setting ("HumanEval with GPT-4o")."""
    spots = sorted((m.start(), m.end()) for n in names if (m := mention_pattern(n).search(question)))
    if len(spots) != len(names):
        return False
    return all(_JOINER.match(question[a[1]:b[0]]) for a, b in itertools.pairwise(spots))


# What joins names asked of each: a comma, "and", "or", "vs", "/"; "on CodeXGLUE and its line-level EM": a second
# measure of its own.
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&|vs\.?|versus)\s+|/)\s*"
                     r"(?:(?:on|in|for|at)\s+)?(?:the\s+|(?:its|their)\s+(?:[\w-]+\s+){0,2}?)?$", re.I)


def _words_in(question: str, abstract: str) -> bool:
    """Whether the abstract has every long word of the question ("which model was best at image captioning?" asks
    what a paper with no image captioning cannot say), by its stem's first five letters: the question's wording is
    the asker's ("performer" is said "top-performing", "tested" is "test set")."""
    from rag.text.tokens import long_words

    stems = [re.sub(r"(?:ing|ed|er|es|s|ions?)$", "", w.lower())[:5] for w in long_words(question)]
    return all(re.search(rf"\b{re.escape(stem)}", abstract, re.I) for stem in stems if len(stem) >= 4)


# "which environments / benchmarks / datasets did it ...": named things asked for.
_ASKS_WHICH_DATA = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:benchmarks?|datasets?|data\s+sets?|"
                              r"environments?|test\s+sets?|test\s+suites?)\b", re.I)
_DATA_WORDS = re.compile(r"\b(?:benchmark\w*|datasets?|data\s+sets?|environments?|corpus|corpora|test\s+sets?|"
                         r"suites?|tasks?|problems)\b", re.I)
_WHAT = re.compile(r"\bwhat(?:['’]?s|\s+is|\s+are|\s+was|\s+were)\b", re.I)


def _glossed(question: str, abstract: str) -> str:
    """The question with the short name of each metric the abstract defines put after the words it spells out
    ("effective accuracy" as "effective accuracy (EAcc)"): asked in those words, it is asked as named there."""
    for short, words in defined_metrics(abstract):
        question = re.sub(rf"\b({re.escape(words)})\b(?!\s*\()", rf"\1 ({short})", question, count=1, flags=re.I)
    return question


def _people_said(other: str, abstract: str) -> bool:
    """Whether people compared with ("the human competitors") are in the abstract in its own words ("5,000
    participants")."""
    return bool(_PEOPLE.search(other)) and not _PEOPLE_SAID.sub("", other).strip() and bool(_PEOPLE.search(abstract))


_PEOPLE = re.compile(rf"\b(?:{MORE_PEOPLE})\b", re.I)
_PEOPLE_SAID = re.compile(rf"\b(?:{MORE_PEOPLE}|the|real)\b", re.I)  # "the real human programmers": people only


def _against(question: str, name: str) -> bool:
    """Whether the question sets the name against what it asks about ("how did it fare on FIMO, vs GPT-4?"): its
    figure may be none at all ("while GPT-4 failed to prove any")."""
    return bool(re.search(rf"\b(?:vs\.?|versus|against|than|compared\s+(?:to|with))\s+(?:the\s+)?{re.escape(name)}"
                          rf"(?![\w-])", question, re.I))


def _named_numbers_only(sentence: str) -> bool:
    """Whether every number the sentence writes is part of a name ("GPT-2", "P3")."""
    figures = read(sentence).figures
    return bool(figures) and all(f.in_name for f in figures) and not states_a_multiple(sentence)


def _lead_with(chosen: list[ScoredSentence], lead: ScoredSentence) -> list[ScoredSentence]:
    """The sentence that answers (`lead`: the first of those put forward, the one with the asked figure) comes
    first; the rest keep the abstract's order."""
    if lead not in chosen:
        return chosen
    return [lead, *[s for s in chosen if s is not lead]]


def _in_place_of(text: str, spans: Sequence[tuple[int, int]], name: str) -> str:
    """The text with the name written where the spans are (a title quoted loosely, put as the paper's name)."""
    for start, end in sorted(spans, reverse=True):
        text = f"{text[:start]}{name}{text[end:]}"
    return text
