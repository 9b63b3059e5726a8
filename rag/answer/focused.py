"""Answers held to what the question names.

A question about one named paper is answered from that paper's abstract only; when it also names a benchmark,
model or metric, the answer must come from a sentence that mentions it, and a question asking for a figure needs
a sentence with a figure. When the paper's abstract does not state what is asked, the answer says exactly that
(a refusal with the reason), and what other papers say about the named thing is shown apart, as theirs.
A question across papers ("what are the ways of ...") is answered with one cited line per relevant paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rag.answer.citations import CitationBook
from rag.answer.factoid import extractive_answer, findings_first
from rag.answer.mentions import key
from rag.answer.record import missing_detail, record_answer, unstated_setting
from rag.answer.refusal import refusal
from rag.answer.scoring import ScoredSentence, pick_answer_sentences
from rag.answer.verify import numbers_in
from rag.text.controls import strip_controls
from rag.text.markers import MARKER, escape_markers
from rag.text.names import is_generic, mention_pattern, names_in, short_name
from rag.text.numbers import AMOUNT, read
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize
from rag.text.vocabulary import Vocabulary
from rag.types import Answer, AnswerSentence, Paper

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.answer.plan import Plan

_ASKS_FIGURE = re.compile(r"\b(?:how (?:many|much|well|large|big|fast|high)|what(?:'s|’s|s|\s+is|\s+was)?\s+"
                          r"(?:[\w'’-]+\s+){0,3}?(?:score|accuracy|"
                          r"rate|rating|percentage|fraction|share|number|pass@\w+|mrr|em|f1|bleu|improvement|gain|speedup)|"
                          r"score|accuracy|pass@\w*|how (?:does|do|did) .+ (?:do|perform|fare)|reach|get on)\b", re.I)

# Questions whose answer is a number and nothing else ("how many", "how long", "what percentage").
_ASKS_NUMBER = re.compile(r"\b(?:how (?:many|much|long|large|big)|by how much|what (?:\w+\s+){0,2}?(?:percentage|"
                          r"fraction|share|number|proportion|speedup)|what (?:\w+\s+){0,2}?(?:accuracy|score) does)\b",
                          re.I)


def has_figure(sentence: str) -> bool:
    """A sentence that can answer "what score / how many": it holds a number (as the verifier reads numbers, so
    the 8 of "GSM8K" is not one)."""
    return bool(numbers_in(sentence))


# A question about a named benchmark asking a measurement ("what GSM8K accuracy", "how well"), not a size or a count:
# the sentence naming the benchmark must hold a measurement.
_ASKS_MEASURE = re.compile(r"\b(?:accuracy|score|rate|percentage|pass@\w*|success|f1|bleu|rouge\S*|mrr|exact match|"
                           r"how well|perform\w*)\b", re.I)
_SCALED = re.compile(r"(?:\d[KMBT]|thousand|million|billion|trillion)$", re.I)


# "By what factor is it faster?", "how much faster": only a ratio answers ("3x", "2.5 times", "a speedup of 4").
_ASKS_FACTOR = re.compile(r"\b(?:by )?what factor|\bhow many times|\bhow much (?:faster|slower|cheaper|smaller|"
                          r"bigger|larger)|\bspeed-?up factor", re.I)
_FACTOR = re.compile(r"\d[\d.,]*\s*(?:x|×|times|-?fold)(?!\w)|\bspeed-?ups? of (?:up to |about )?\d|"
                     r"\b(?:twice|thrice|half|doubl\w*|tripl\w*|(?:an|two|three) orders? of magnitude)\b|"
                     r"\d[\d.,]*\s*%\s*(?:faster|slower|speed-?up|less|fewer|lower|reduction)", re.I)
# "What GSM8K accuracy", "what task success rate", "just the number": a measurement is what is asked (narrower
# than _ASKS_MEASURE, which only picks how a sentence naming the asked benchmark must state its figure).
_ASKS_A_MEASURE = re.compile(r"\bwhat(?:'s|’s|s|\s+is|\s+was)?\s+(?:[\w-]+\s+){0,3}?(?:score|accuracy|rate|"
                             r"pass@\w*|f1|bleu|mrr|exact match)\b|"
                             r"\bhow accurate\b|\bjust the number\b", re.I)
# "overhead in %", "what percentage": only a percentage answers.
_ASKS_PERCENT = re.compile(r"\bin %|\bin percent\b|\bpercentage\b|\bwhat percent\b|\bhow many percent\b", re.I)


FIGURE_RATIO = 0.7  # a question not naming a paper: the fitting sentence must score this close to the best


# "What's the human success rate", "the zero-shot accuracy": a word saying whose or which measurement is asked.
# The auxiliary verbs a question is built with: "how many did each test?" names no unit by them.
_AUX_WORD = r"do|does|did|are|is|were|was|can|could|has|have|had|will|would"
# "What Codeforces Elo rating": the word right before the measurement. "What success rate did human annotators
# get": whose, said after it (people only: "what accuracy does DotaMath get" is the paper's own); looked for first.
_MEASUREMENT = r"(?:success rate|accuracy|score|pass rate|win rate|error rate|rating)"
_WHOSE = re.compile(rf"\bwhat\s+(?:[\w-]+\s+)?{_MEASUREMENT}\s+(?:do|does|did|can|could|would)\s+(?P<whose>(?:humans?|"
                    r"people|experts?|annotators?|participants?|users?|developers?|students?|crowd-?workers?|"
                    r"mathematicians?))\b", re.I)
# People whose figure a figure question asks anywhere ("How well do humans do on WebArena?", "the success rate of
# human annotators"): only a sentence about them can state it.
_PEOPLE = re.compile(r"(?<![-\w])(?P<whose>humans?|annotators?|experts?|crowd-?workers?|participants?)\b(?!-)",
                     re.I)  # not "human-written tests", "mixture-of-experts"
_QUALIFIED = re.compile(rf"\bwhat(?:'s|’s|\s+is|\s+was|s)?\s+(?:the\s+)?(?:(?!(?:{_AUX_WORD})\b)[\w-]+\s+){{0,2}}?"
                        r"(?P<qualifier>[a-z][\w-]+)\s+"
                        rf"(?:task\s+)?{_MEASUREMENT}\b", re.I)
_ANY_QUALIFIER = {"best", "overall", "final", "average", "mean", "reported", "top", "exact", "highest", "lowest",
                  "actual", "main", "headline", "end-to-end", "its", "their", "the", "a", "an", "task", "total"}


def measure_qualifier(question: str) -> str:
    """The word a question puts before the measurement it asks for ("human" of "the human success rate"), when it
    says whose or which one; "" for "the best / overall / reported score"."""
    if whose := _WHOSE.search(question) or _PEOPLE.search(question):
        return re.sub(r"s$", "", whose["whose"].lower())  # "humans": "human" is what is written
    match = _QUALIFIED.search(question)
    if not match or match["qualifier"].lower() in _ANY_QUALIFIER:
        return ""
    return match["qualifier"]  # a name keeps its case ("Elo")


# "not the lite subset", "rather than Lite", "the full SWE-bench": a variant of the named benchmark the question
# rules out, or asks beyond.
_NOT_VARIANT = re.compile(r"\b(?:not|rather than|instead of|other than|excluding)\s+(?:the\s+|on\s+)?(?P<word>[\w-]+)",
                          re.I)
_WHOLE = re.compile(r"\b(?:the|its)\s+(?:full|whole|entire)\s+(?P<name>[\w-]+)", re.I)


def excluded_variant(question: str, names: Sequence[str], stating: Sequence[str]) -> str:
    """The variant of a named benchmark ("SWE-bench-lite") that every sentence stating a figure is about, when the
    question rules that variant out ("not the lite subset") or asks for the whole benchmark ("the full SWE-bench");
    "" otherwise."""
    for name in names:
        variants = {m.group(0) for text in stating for m in re.finditer(rf"{re.escape(name)}-(?P<v>[A-Za-z]+)\b",
                                                                         text, re.I)}
        if not variants or not all(any(v.lower() in text.lower() for v in variants) for text in stating):
            continue
        ruled_out = {m["word"].lower() for m in _NOT_VARIANT.finditer(question)}
        whole = any(key(m["name"]) == key(name) for m in _WHOLE.finditer(question))
        for variant in sorted(variants):
            suffix = variant[len(name):].strip(" -").lower()
            if suffix in ruled_out or whole:
                return variant
    return ""


def _qualified_first(question: str, stating: list[ScoredSentence]) -> list[ScoredSentence]:
    """Of the sentences stating a figure, those with the word saying whose it is ("the human performance of 97%")
    lead."""
    whose = measure_qualifier(question)
    return sorted(stating, key=lambda s: not (whose and Vocabulary(s.text).uses(whose)))


# A metric at a cut-off ("pass@1", "top-5", "recall@10"): pass@10 is no answer to pass@1.
_AT_K = re.compile(r"\b(?P<metric>pass|top|recall|hits?|acc|precision|ndcg|mrr)\s*(?:@|-)\s*(?P<k>\d+|k)\b", re.I)


def _unmet_qualifier(question: str, stating: list[ScoredSentence]) -> str:
    """The word saying whose or which measurement is asked ("human" of "the human success rate on WebArena",
    "pass@1") when no sentence stating a figure has it: the figure there is someone else's (the agent's) or
    another one (pass@10); "" otherwise."""
    whose = measure_qualifier(question)
    if whose and not any(Vocabulary(s.text).uses(whose) for s in stating):
        return whose
    for asked in _AT_K.finditer(question):
        same = rf"\b{asked['metric']}\s*(?:@|-)\s*{asked['k']}(?!\d)"
        if not any(re.search(same, s.text, re.I) for s in stating):
            return asked.group(0)
    return ""


def figure_needed(question: str, ratio: bool = True) -> Callable[[str], bool] | None:
    """What a sentence must hold to answer a question asking for a ratio, a percentage or a measurement (no named
    benchmark; those are checked against the sentences naming them), or None for other questions. `ratio=False`
    leaves ratios out, for questions naming no paper: there it refused an answerable question of natural-frozen
    (run whole; the question was not looked at), while within one named abstract it refuses only near misses."""
    from rag.answer.plan import asks_yes_no

    if asks_yes_no(question.strip().rstrip("?.! ")):
        return None  # "Do models that score well ...?" asks for a finding, not a figure
    if ratio and _ASKS_FACTOR.search(question):
        # "How much faster": a ratio or a percentage ("11.2% faster", "cuts latency by 30%"); "by what factor": a ratio.
        share = bool(re.search(r"\bhow much\b", question, re.I))
        return lambda sentence: bool(_FACTOR.search(sentence)) or (share and _has_share(sentence))
    if _ASKS_PERCENT.search(question):
        return _has_share
    if _ASKS_A_MEASURE.search(question) or (_PEOPLE.search(question) and _ASKS_FIGURE.search(question)
                                            and counted_unit(question) is None):  # "how many annotators": a count
        return has_measure  # "How well do humans do?" asks for their measurement
    return None


def _has_share(sentence: str) -> bool:
    """A percentage, or a count out of a total ("71 of the 397 problems"), which is one."""
    return any(f.percent or f.total is not None for f in read(strip_controls(sentence)).figures if not f.in_name)


def has_measure(sentence: str) -> bool:
    """A sentence that can answer "what accuracy / score": a percentage, a share of a total ("5 out of 148") or a
    number with decimals, written in digits; not a size written with a scale ("a 7B-parameter LLM", "574K pairs")
    nor a count in words ("two datasets"), which a sentence about the benchmark may hold instead."""
    # A terminal escape around a figure ("\x1b[31m91.5%") is no part of it, nor a number itself.
    return any(f.percent or f.total is not None or ("." in f.text and not _SCALED.search(f.text))
               for f in read(strip_controls(sentence)).figures if not f.in_name and f.text[:1].isdigit())


# A paper joins a question-across-papers answer with a best sentence this close to the best. On the multi and
# aggregation questions of the natural tune sets (16): 0.8 -> 0.75 with the contribution sentence below raised
# citation recall on both sets and precision on neither fell; 0.7 and 0.6 gained recall for precision.
ACROSS_RATIO = 0.75
MAX_ACROSS = 6
ACROSS_RANKED = 3
ACROSS_RANKED_RATIO = 0.6
# Each paper's line also quotes its best other sentence saying what the paper itself does (an approach, data or
# result sentence) when that scores at least this share of its best: the best sentence of a paper for
# "what are the ways people reduce latency" is often its motivation, and the way is said next to it. Multi fact
# recall on the tune sets 0.00 / 0.05 -> 0.17 / 0.20 (0.5 and 0.7 gave the same).
CONTRIBUTION_RATIO = 0.5
_CONTRIBUTION_ROLES = ("approach", "data", "results")
# And its second-best sentence for the question when that scores this close to its best: the way a paper answers
# "how do people ..." is often said over two sentences. Tune sets: multi fact recall natural-3 0.417 -> 0.472,
# natural-4 0.267 -> 0.367, aggregation natural-2 0.300 -> 0.367, nothing lower (0.7 gave the same, 0.8 / 0.9 less).
SECOND_RATIO = 0.6


def asks_for_figure(question: str) -> bool:
    """"How many / what score / how well ...": a question a number answers."""
    return bool(_ASKS_FIGURE.search(question))


def asks_about_data(question: str, names: list[str]) -> bool:
    """Whether the question asks for a figure, or names one of `names` as a benchmark or dataset ("on MMLU",
    "the MMLU benchmark"): such a name must be in the quoted sentence, so an unknown one cannot be answered."""
    if asks_for_figure(question):
        return True
    return any(re.search(rf"\b(?:on|in|from)\s+(?:the\s+)?{re.escape(n)}\b|{re.escape(n)}\s+(?:benchmark|dataset|"
                         rf"test|suite|score|results?|numbers?|accuracy|performance)", question, re.I) for n in names)


# Words that make "on X" a benchmark in a yes/no question: "Was RLCoder evaluated on Defects4J?", not "evaluations
# based on cRCT data".
_EVALUATES = (r"\b(?:evaluat\w*|test\w*|benchmark\w*|results?|scor\w*|perform\w*|report\w*|accura\w*|"
              r"measur\w*|run|ran|help\w*|work\w*|improv\w*|better|beat\w*|outperform\w*|sota|state of the art)"
              r"\s+(?:(?:it|them|well|better|worse|results?|\w+ly)\s+){0,2}(?:on|in)\s+(?:the\s+)?")


def unknown_name_unanswerable(question: str, names: list[str], yes_no: bool) -> bool:
    """Whether names no abstract has (`names`) leave a question unanswerable outright: it asks for a figure, or
    names one as a benchmark ("on MMLU"). A claim put as a question ("Does Wdr5's recruitment depend on Kat8?")
    names no benchmark by "on" unless it speaks of evaluation: otherwise the unknown name is most often another
    name for what an abstract says ("Kat8" for MOF), unless it is what a paper is compared with ("better than
    RepoFormer")."""
    if yes_no:
        other = compared_with(question)
        return (asks_for_figure(question) or any(re.search(_EVALUATES + re.escape(n) + r"\b", question, re.I)
                                                 or mention_pattern(n).search(other) for n in names))
    return asks_about_data(question, names)


# "than X", "compared with X", "versus X": what a question compares the named paper with.
_COMPARED_WITH = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?|beats?|outperforms?|over)\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?P<other>[^?,;.]+)",
                            re.I)
# "how many X does ...", "how long": the unit the figure must count; a word from the question, or time for "how long".
_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+the\s+)?(?P<unit>(?:[\w-]+\s+){0,3}?[\w-]+?)(?:\s+"
                       r"(?:do|does|did|are|is|were|was|can|could|has|have|had|will|would|in|on|per|got|get|gets|"
                       r"been|being)\b|\s*[?.!]*$)",
                       re.I)
# A unit the abstracts count in other words: "how many models" is answered by "60 LLMs".
_UNIT_FORMS = {"model": r"(?:model|LLM|LM|language model)"}
# "Which is bigger in parameter count?", "the number of lemmas": a count of that unit is asked.
_COUNT_OF = re.compile(r"\b(?:in|by) (?:the )?(?P<unit>[\w-]+) counts?\b|\b(?:the|what|which) number of "
                       r"(?P<unit2>[\w-]+)\b", re.I)  # not "a number of edge devices"
# Only a duration asked ("how long does X take"): "how long is the context window" wants a length, not a time.
_HOW_LONG = re.compile(r"\bhow long\s+(?:does|do|did|would|will|should)\b.*\b(?:take|takes|took|last|run|train)\b",
                       re.I)
_TIME = r"\d[\d,.]*\s*(?:ms|s|sec\w*|min\w*|h|hrs?|hours?|days?|weeks?|months?|years?)\b"


class Unit:
    """What a "how many / how long" figure must be about, as a pattern a sentence must match."""

    def __init__(self, pattern: str, text: str, word: str, counts: bool = True) -> None:
        self.counts = counts  # "how many": a number next to the word counts it
        self.pattern = re.compile(pattern, re.I)
        self.label = text  # how the refusal names it: "parameters", "how long it takes"
        self.word = re.compile(word, re.I)

    def search(self, sentence: str) -> bool:
        return bool(self.pattern.search(sentence))

    def used_in(self, text: str) -> bool:
        return bool(self.word.search(text))


def counted_unit(question: str) -> Unit | None:
    """"How many GPUs ...": GPUs (matched by its stem, "GPU"); "How long ...": a time; None for other questions."""
    if match := _HOW_MANY.search(question) or _COUNT_OF.search(question):
        words = next(unit for unit in match.groups() if unit).split()
        if re.fullmatch(_AUX_WORD, words[0], re.I):
            # "which evaluated the most LLMs, and how many did each test?": the unit was said before.
            before = re.search(r"\b(?:most|more|fewest|fewer|number of)\s+(?!than\b)(?P<unit>[\w-]+)", question, re.I)
            if before is None:
                return None
            words = [before["unit"]]
        word = words[-1]
        stem = re.sub(r"(?:es|s)$", "", word) if len(word) > 4 else word.rstrip("s")
        if not re.search(r"[a-z]", stem, re.I) or stem.lower() in {"time", "times"}:
            return None
        # The number counts the unit: "1,329 lemmas", "7B-parameter", "425M lines", not "task success rate of 14%".
        label = word if match.re is _HOW_MANY else f"the {word} count"
        form = _UNIT_FORMS.get(stem.lower(), re.escape(stem))
        return Unit(rf"{AMOUNT}\+?\s*(?:[KkMmBb]|thousand|million|billion)?[\s-]*(?:[\w-]+\s+){{0,4}}?"
                    rf"{form}", label, rf"\b{form}")
    if _HOW_LONG.search(question):
        # "How long does it take to train X?": the time must be one of training ("10s of seconds" of prompt
        # processing is not), so the sentence has the asked verb in some form too.
        doing = re.search(r"\btakes?\s+(?:\w+\s+){0,2}?to\s+(?P<verb>[a-z]{3,})", question, re.I)
        timed = rf"(?=.*\b{re.escape(doing['verb'].lower().rstrip('e'))})(?=.*{_TIME})" if doing else _TIME
        return Unit(timed, "how long it takes", _TIME, counts=False)
    return None


def compared_with(question: str, vocabulary: Vocabulary | None = None) -> str:
    """The specific thing a question compares a paper with ("speculative decoding"), or "" when there is none or
    it is too plain to check ("the baseline": a paper may call its baseline anything). With the index's
    `vocabulary`, a name typed in lower case ("reflexion", written Reflexion by the abstracts) is one too."""
    match = _COMPARED_WITH.search(question)
    if not match:
        return ""
    # What it is compared with, not where: "beat Reflexion on HumanEval" compares with Reflexion.
    other = re.split(r"\s+(?:on|in|at|for|with|by|across|when|using)\s+", match["other"], maxsplit=1)[0]
    other = " ".join(other.split()[:4])
    # A capitalised word there is a name ("beat Reflexion"): checkable on its own, unlike "the baseline".
    first = other.split()[0] if other.split() else ""
    typed_lower = vocabulary is not None and first.islower() and len(first) >= 4 and \
        vocabulary.as_written(first) != first
    named = (other[:1].isupper() or typed_lower) and not is_generic(first)
    return other if len(tokenize(other)) >= 2 or named else ""


def about_paper(shape: Plan, question: str, found: Gathered) -> Answer | None:
    """A question naming one paper; None hands it back to the general factoid path (no usable sentence)."""
    view, settings = found.view, found.tools.settings
    pid = shape.papers[0]
    paper = view.papers[pid]
    name = re.sub(r"^the\s+", "", short_name(paper), flags=re.I)  # "The {name} abstract", never "The The ..."
    if (answered := record_answer(paper, question, found.searched)) is not None:
        return answered  # who wrote it, when: the record's, not the abstract's
    if detail := missing_detail(paper, question):
        return _not_stated(paper, "", question, found, f"The {name} abstract does not state its {detail}.")
    if setting := unstated_setting(paper, question, view.lexical.papers_using):
        return _not_stated(paper, "", question, found,
                           f"The {name} abstract does not mention {setting}, so it does not say this.")
    text = f"{paper.title}\n{paper.abstract}"
    absent = [t for t in shape.terms if not states_name(text, t.text, view.vocabulary)]
    if absent:
        return _not_stated(paper, absent[0].text, question, found,
                           f"The {name} abstract does not mention {absent[0].text}, so it does not say this.")
    if (other := compared_with(question, view.vocabulary)) and not Vocabulary(paper.abstract).uses_most(other):
        # "How much faster is KV Prediction than speculative decoding?": nothing in it compares the two.
        return _not_stated(paper, "", question, found,
                           f"The {name} abstract does not mention {other}, so it does not compare {name} with it.")
    scored = found.scored_in([pid])
    if not scored or scored[0].score < settings.answer.refuse_below:
        return None
    if not shape.terms and (unit := counted_unit(question)):
        # "How many parameters does CodeFill have?": a figure counts them only in a sentence that names them (a
        # named benchmark is the stronger check: "How many problems does STP solve on ProofNet?" has "23.1%").
        # The abstract may count them in other words ("23 leading LLMs" for "how many models"), so only an
        # abstract that never uses the word is refused; otherwise a sentence counting it comes first.
        if not unit.used_in(paper.abstract):
            return _not_stated(paper, "", question, found,
                               f"The {name} abstract gives no figure for {unit.label}.")
        if not unit.counts and not any(unit.search(s.text) for s in scored):
            return _not_stated(paper, "", question, found, f"The {name} abstract gives no figure for {unit.label}.")
        if unit.counts:  # a duration in an abstract may time something else: no sentence is moved up for one
            counting = [s for s in scored if has_figure(s.text) and unit.search(s.text)]
            if not counting:
                # "How many tasks are in WebArena?": its "task success rate of 10.59%" counts no tasks.
                return _not_stated(paper, "", question, found,
                                   f"The {name} abstract gives no figure for {unit.label} (the closest it says: "
                                   f"“{scored[0].text}”).")
            scored = counting + [s for s in scored if s not in counting]
    wanted = [t.text for t in shape.terms]
    if not wanted and (needed := figure_needed(question)):
        # "By what factor is it faster?", "overhead in %?", "what task success rate?": a sentence with that kind of
        # figure leads; a paper with none ("a speedup over baselines", "negligible impact") does not state it.
        fitting = [s for s in scored if needed(s.text)]
        if not fitting:
            return _not_stated(paper, "", question, found,
                               f"The {name} abstract gives no such figure (the closest it says: “{scored[0].text}”).")
        if whose := _unmet_qualifier(question, fitting):
            said = f"the closest it says: “{fitting[0].text}”"
            return _not_stated(paper, "", question, found, f"The {name} abstract gives no {whose} figure ({said}).")
        fitting = _qualified_first(question, fitting)
        scored = fitting + [s for s in scored if s not in fitting]
    if wanted:
        about = [s for s in scored if all(mentions_name(s.text, w) for w in wanted)]
        if _ASKS_FIGURE.search(question):
            states = has_measure if _ASKS_MEASURE.search(question) else has_figure
            with_figure = [s for s in about if states(s.text)]
            if not with_figure:
                said = f" (it says: “{about[0].text}”)" if about else ""
                return _not_stated(paper, wanted[0], question, found,
                                   f"The {name} abstract gives no {wanted[0]} figure{said}.")
            if whose := _unmet_qualifier(question, with_figure):  # "the zero-shot accuracy on MATH"
                return _not_stated(paper, wanted[0], question, found,
                                   f"The {name} abstract gives no {whose} {wanted[0]} figure (it says: "
                                   f"“{with_figure[0].text}”).")
            if other := excluded_variant(question, wanted, [s.text for s in with_figure]):
                # "on the full SWE-bench, not the lite subset": its only figure is on SWE-bench-lite.
                return _not_stated(paper, wanted[0], question, found,
                                   f"The {name} abstract gives no {wanted[0]} figure except on {other} (it says: "
                                   f"“{with_figure[0].text}”).")
            about = _qualified_first(question, with_figure)
        scored = about + [s for s in scored if s not in about]
    chosen = _lead_with(pick_answer_sentences(scored, settings.answer.max_sentences), scored[0])
    close = [s for s in chosen if s.score >= FIGURE_RATIO * scored[0].score]
    if not wanted and _ASKS_NUMBER.search(question) and not any(has_figure(s.text) for s in close):
        # "How many parameters does RLCoder's retriever have?": the sentences about it hold no number at all (a
        # figure in a sentence further off is about something else: "10s of seconds" of prompt processing).
        return _not_stated(paper, "", question, found,
                           f"The {name} abstract gives no figure for this (the closest it says: “{chosen[0].text}”).")
    if shape.yes_no:
        chosen = findings_first(chosen, view.papers, scored)
    chosen = answering_each_ask(question, chosen, found, settings.answer.max_sentences)
    return extractive_answer(chosen, view.papers, query=question, searched=found.searched,
                             emphasis=asked_value(question, chosen[0].text, wanted))


# "what does RLCoder do and how much does it improve EM?": a second ask, joined to the first by "and".
_SECOND_ASK = re.compile(r"(?:,\s*|\s+)(?:and|;|also)\s+(?=(?:what|how|which|who|where|when|why|does|do|did|is|are|"
                         r"was|were|can)\b)", re.I)


def answering_each_ask(question: str, chosen: list[ScoredSentence], found: Gathered,
                       max_sentences: int) -> list[ScoredSentence]:
    """A question with two asks ("what codebases did they apply it to and how big is the crypto library?") gets the
    best sentence for its second ask too, from the papers already quoted, when none chosen answers it."""
    parts = _SECOND_ASK.split(question, maxsplit=1)
    if len(parts) < 2 or not chosen:
        return chosen
    papers = list(dict.fromkeys(s.paper_id for s in chosen))
    for part in parts:
        own = found.scored_in_for(part, papers) if len(tokenize(part)) >= 2 else []
        if _ASKS_FIGURE.search(part):  # "how big is the resulting library?": a sentence with a figure
            own = [s for s in own if has_figure(s.text)]
        if not own or any(s.paper_id == own[0].paper_id and s.position == own[0].position for s in chosen):
            continue
        extra = replace(own[0], score=min(s.score for s in chosen))
        if len(chosen) >= max_sentences > 1:  # room is made by the weakest sentence after the lead
            weakest = min(chosen[1:], key=lambda s: s.score)
            chosen = [s for s in chosen if s is not weakest]
        chosen = [*chosen, extra]
    return chosen


def asked_value(question: str, sentence: str, names: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where the value a figure question asks for is in the sentence that answers it, to emphasise: the count of
    the asked unit ("1,329 lemmas"), else the first figure after the asked name ("on MATH ... 64.8%"), else the
    first figure that is no part of a name; None for other questions, or a sentence without one."""
    unit = counted_unit(question)
    if unit is None and not (_ASKS_FIGURE.search(question) or _ASKS_NUMBER.search(question)):
        return None
    if strip_controls(sentence) != sentence:
        return None  # bold inside a control sequence would break it open
    if unit is not None and unit.counts and (match := unit.pattern.search(sentence)):
        # From the number nearest the unit ("seven tasks using fourteen datasets": fourteen) to the word's end.
        start = match.start() + [m.start() for m in re.finditer(AMOUNT, match.group(0), re.I)][-1]
        end = match.end()
        while end < len(sentence) and sentence[end].isalnum():
            end += 1
        return start, end
    markers = [m.span() for m in MARKER.finditer(sentence)]  # "[3]" in an abstract is a reference, not a value
    figures = [f for f in read(sentence).figures if not f.in_name and not f.implied and f.end > f.start
               and not any(a <= f.start < b for a, b in markers)]
    # After the asked name, or after whose figure is asked ("lower than the human performance of 97%").
    looked_for = [*names, *([whose] if (whose := measure_qualifier(question)) else [])]
    after = min((m.end() for n in looked_for for m in [mention_pattern(n).search(sentence)] if m), default=0)
    if _ASKS_MEASURE.search(question) and any(f.percent for f in figures):
        figures = [f for f in figures if f.percent]  # "what does it score": the 19%, not the 300 issues
    figure = next((f for f in figures if f.start >= after), None) or next(iter(figures), None)
    return (figure.start, figure.end) if figure is not None else None


# "the code completion papers", "these theorem-proving methods": the set of papers a question across papers is
# about, when it names it by two or more words before the noun. One word ("the agent papers") is too broad to
# find them by, and a relative clause ("the papers that train LLMs for math reasoning") found worse sets than the
# whole question did on the tune sets (n022: citation recall 0.75 -> 0.25), so both are left to the question.
_PAPER_SET = re.compile(r"\b(?:the|these|those)\s+(?P<desc>(?:[\w/-]+\s+){1,5}?)(?:papers|works|studies|methods|"
                        r"approaches)\b", re.I)
_NOT_A_SET = {"indexed", "different", "other", "above", "listed", "various", "ways", "kinds", "of", "these", "those",
              "the", "two", "three", "four", "five", "six", "several", "many", "all", "following", "same", "/"}
ACROSS_DEPTH = 10  # papers a described set is looked for in


def paper_set(question: str) -> str:
    """What the question says its papers are ("code completion"), or "" when it does not say."""
    match = _PAPER_SET.search(question)
    if not match:
        return ""
    words = match["desc"].split()
    if any(w.lower() in _NOT_A_SET - {"/"} for w in words):
        return ""  # "the different ways these papers ...": no description of the papers
    content = [w for w in words if w not in _NOT_A_SET and re.search(r"[a-z]{2}", w, re.I)]
    return " ".join(words) if len(content) >= 2 else ""


def relevant_papers(found: Gathered, names: Sequence[str] = (), ranked: bool = True) -> list[ScoredSentence]:
    """For a question across papers: each paper's best sentence, for the papers whose best comes close to the best
    of all (none when even that is below the refusal bar). The papers are the ones the question describes ("the
    agent papers") when it does: found for that description, then answered for the question; else the ones
    retrieved for the question. With `names` (benchmarks, models ... the question names), only papers naming one
    of them: "what has been reported about miniF2F" is not answered by a paper without it, and "ChatGPT / GPT-4"
    asks about either. A name made of a plain word ("LLM-generated code") describes, so it is no such filter."""
    papers = found.view.papers
    names = [n for n in names
             if not any(w.isalpha() and found.view.vocabulary.plain(w) for w in re.split(r"[\s-]+", n))]

    def naming(pid: str) -> bool:
        return any(mentions_name(f"{papers[pid].title}\n{papers[pid].abstract}", n) for n in names)

    kept = [s for s in _relevant_papers(found, ranked) if not names or naming(s.paper_id)]
    if names and len(kept) < 2:
        # "How does SWE-bench get used across these papers?": the papers naming it, however their sentences score,
        # each with its best sentence that names it.
        ids = [pid for pid in papers if naming(pid)]
        if 2 <= len(ids) <= MAX_ACROSS:
            best = {}
            for s in found.scored_in(ids):
                if any(mentions_name(s.text, n) for n in names):
                    best.setdefault(s.paper_id, s)
            kept = sorted(best.values(), key=lambda s: -s.score)
    return kept


def _relevant_papers(found: Gathered, ranked_too: bool = True) -> list[ScoredSentence]:
    best: dict[str, ScoredSentence] = {}
    if described := paper_set(found.searched):
        for s in found.scored_for(described, ACROSS_DEPTH):
            best.setdefault(s.paper_id, s)
        top = max((s.score for s in best.values()), default=0.0)
        ids = [pid for pid, s in best.items() if s.score >= ACROSS_RATIO * top][:MAX_ACROSS]
        if len(ids) >= 2:
            answering = {}
            for s in found.scored_in(ids):
                answering.setdefault(s.paper_id, s)
            return sorted(answering.values(), key=lambda s: -s.score)
        best = {}
    for s in found.scored():
        best.setdefault(s.paper_id, s)
    top = max((s.score for s in best.values()), default=0.0)
    if top < found.tools.settings.answer.refuse_below:
        return []
    # Retrieval ranks papers on their whole abstract, a steadier sign than one sentence that a paper is about what is
    # asked: its top papers need only come fairly close.
    ranked = {e.paper_id for e in found.retrieved[:ACROSS_RANKED]} if ranked_too else set()
    kept = [s for s in best.values()
            if s.score >= (ACROSS_RANKED_RATIO if s.paper_id in ranked else ACROSS_RATIO) * top]
    return sorted(kept, key=lambda s: -s.score)[:MAX_ACROSS]


def paper_group(found: Gathered, best: ScoredSentence) -> list[ScoredSentence]:
    """A paper's line in an answer across papers: its best sentence, its best other sentence saying what the paper
    itself did (see CONTRIBUTION_RATIO) and its second best (SECOND_RATIO), in the abstract's order."""
    from rag.answer.roles import classify

    own = found.scored_in([best.paper_id])
    if not own:
        return [best]
    bar = CONTRIBUTION_RATIO * own[0].score
    contribution = next((s for s in own if s.position != best.position and s.score >= bar
                         and classify(s.text, s.position, len(own)) in _CONTRIBUTION_ROLES), None)
    group = [best, contribution] if contribution else [best]
    second = next((s for s in own if s not in group and s.position != best.position
                   and s.score >= SECOND_RATIO * own[0].score), None)
    if second is not None:
        group.append(second)
    return sorted(group, key=lambda s: s.position)


def across_papers(question: str, found: Gathered, names: Sequence[str] = ()) -> Answer | None:
    """One cited line per relevant paper: the question spans papers, so no single abstract answers it."""
    kept = relevant_papers(found, names)
    if len(kept) < 2:
        return None
    book = CitationBook(found.view.papers)
    lines, sentences = [], []
    for s in kept:
        paper = found.view.papers[s.paper_id]
        group = paper_group(found, s)
        for g in group:
            n = book.cite(s.paper_id, g.text, g.score)
            sentences.append(AnswerSentence(text=g.text, citations=[n]))
        quoted = " ".join(escape_markers(g.text) for g in group)
        lines.append(f"- **{escape_markers(short_name(paper))}** [{n}]: {quoted}")
    return Answer(query=question, searched_query=found.searched, answer="\n".join(lines), citations=book.citations,
                  sentences=sentences, kind="list")


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


def states_name(text: str, name: str, vocabulary: Vocabulary) -> bool:
    """Whether an abstract names what a question does, in the abstract's own words: as written, spelled out ("open
    reading frames" for "ORFs"), or by the names in it ("Hox mRNA" for "Hox gene", "RANK" for "RANK-RANK-Ligand":
    "gene" and "ligand" are ordinary words)."""
    if mentions_name(text, name) or _spelled_out(name, text):
        return True
    words = [w for w in re.split(r"[\s-]+", name) if w]  # "RANK-RANK-Ligand": RANK, and a plain word
    core = [w for w in words if not (w.isalpha() and vocabulary.plain(w.lower()))]
    return 0 < len(core) < len(words) and all(mentions_name(text, w) for w in core)


def _spelled_out(name: str, text: str) -> bool:
    """An acronym of three or more capitals ("ORFs", "MDSCs") written out as words with those initials."""
    letters = re.sub(r"s$", "", name)
    if len(letters) < 3 or not letters.isalpha() or not letters.isupper():
        return False
    pattern = r"[\s-]+".join(rf"{c}[\w']*" for c in letters)
    return re.search(rf"(?<![\w-]){pattern}(?!\w)", text, re.I) is not None


def mentions_name(text: str, name: str) -> bool:
    if mention_pattern(name).search(text):
        return True
    wanted = key(name)
    # Spacing and hyphen variants ("Llama3- 8B") are found by key; a short plain word is not, or "MATH" would be
    # found inside "mathematical".
    return (len(wanted) >= 6 or any(c.isdigit() for c in wanted)) and wanted in key(text)


def _lead_with(chosen: list[ScoredSentence], lead: ScoredSentence) -> list[ScoredSentence]:
    """The sentence that answers (`lead`: the first of those put forward, the one with the asked figure) comes
    first; the rest keep the abstract's order."""
    if lead not in chosen:
        return chosen
    return [lead, *[s for s in chosen if s is not lead]]


# A sentence that may name data a paper uses; "on" is what "query evolution on GSM8K and MATH" has (without it the
# natural tune set's aggregation fact recall fell from 0.67 to 0.56), so the filter is loose on purpose.
_DATA_CUE = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|corpus|corpora|evaluat\w*|test sets?|experiments?|"
                       r"tasks?|problems|accuracy|pass@\w+|on|rates?|metrics?)\b", re.I)
# An aspect that asks for named things ("what benchmarks do they evaluate on", "metrics reported by A, B and C").
ASKS_NAMED_THINGS = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|test sets?|metrics?|measures?)\b", re.I)


def names_used(sentence: str, paper: Paper) -> list[str]:
    """The named things (benchmarks, datasets, metrics ...) a sentence of this paper says it uses: names in a
    sentence about data or evaluation, other than the paper's own name."""
    if not _DATA_CUE.search(sentence):
        return []
    own = {n.lower() for n in names_in(short_name(paper))}
    return [n for n in names_in(sentence)
            if not is_generic(n) and n.lower() not in own and re.search(r"[A-Za-z]", n)]


# A question for data, not metrics: "what benchmarks / datasets ...".
_ASKS_DATA = re.compile(r"\b(?:benchmarks?|datasets?|data sets?|test sets?|evaluat\w* on)\b", re.I)
_ASKS_METRICS = re.compile(r"\b(?:metrics?|measures?|scores?)\b", re.I)
# Where a sentence puts data: "on X", "across X and Y", "X benchmark"; "with GPT-4o", "in the IDE" are no data.
_DATA_BEFORE = r"\b(?:on|across|using|from|over|against|including|such as)\s+(?:[\w@.+-]+,?\s+){0,6}?"
_DATA_AFTER = r"(?:\s+(?:and|or|,)\s+[\w@.+-]+)*\s+(?:benchmarks?|datasets?|data|suites?|test|split|sets?|tasks?)\b"


def used_as_data(name: str, sentence: str) -> bool:
    """Whether a sentence puts a name where data goes ("evaluated on CrossCodeEval and RepoEval", "the MBPP
    benchmark"), not where a model, tool or platform goes ("with GPT-4o", "an IDE extension, Code4Me")."""
    named = re.escape(name)
    plain = re.sub(r"\s*\([^()]*\d[^()]*\)", "", sentence)  # "miniF2F-test (61.7%, pass@3200), ProofNet ..."
    return bool(re.search(_DATA_BEFORE + named + r"(?![\w-])", plain, re.I) or
                re.search(r"(?<![\w-])" + named + r"\)?" + _DATA_AFTER, sentence, re.I))


def aggregate(question: str, found: Gathered) -> Answer | None:
    """"What datasets are used for X across these papers?": each named thing once, with the papers that use it
    and the sentence that says so."""
    # The named things of a paper only loosely about the question are no answer ("P3" for "What benchmarks did F*
    # use?"): an aggregation keeps to papers whose sentences come close.
    relevant = [s.paper_id for s in relevant_papers(found, ranked=False)]
    if not relevant:
        return None
    papers = found.view.papers
    data_only = bool(_ASKS_DATA.search(question)) and not _ASKS_METRICS.search(question)
    used: dict[str, list[tuple[str, str]]] = {}  # name -> [(paper id, sentence)]
    for s in sorted(found.scored(), key=lambda s: (s.paper_id, s.position)):
        if s.paper_id not in relevant:
            continue
        for name in names_used(s.text, papers[s.paper_id]):
            if data_only and not used_as_data(name, s.text):
                continue
            entries = used.setdefault(name, [])
            if all(pid != s.paper_id for pid, _ in entries):
                entries.append((s.paper_id, s.text))
    if not used:
        return None
    book = CitationBook(papers)
    lines, sentences = [], []
    for name, entries in sorted(used.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))[:12]:
        cited = []
        for pid, sentence in entries:
            n = book.cite(pid, sentence)
            if not any(a.text == sentence for a in sentences):
                sentences.append(AnswerSentence(text=sentence, citations=[n]))
            cited.append(f"{escape_markers(short_name(papers[pid]))} [{n}]")
        lines.append(f"- **{escape_markers(name)}**: {', '.join(cited)}")
    return Answer(query=question, searched_query=found.searched, answer="\n".join(lines), citations=book.citations,
                  sentences=sentences, kind="list")
