"""What a question asks for, and what a sentence must hold to answer it.

"How many lemmas", "what pass@1", "the human success rate", "by what factor", "not the lite subset": each names a
kind of figure, whose it is, or which variant; a sentence without it states something else, so the answer that
quotes it would answer another question. These rules read the question (and the one sentence it is held to); the
answers that use them live in `focused` (one paper), `across` (several) and `compare_rows`; what a "how many"
question counts is read by `units`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import pairwise

from rag.answer.alternatives import offered_names
from rag.answer.asides import SETTING_ASIDE, options_in_brackets
from rag.answer.mentions import MADE, key, name_like
from rag.answer.people import MORE_PEOPLE, PEOPLE
from rag.answer.scoring import ScoredSentence
from rag.answer.units import AUX_WORD, counted_unit, named_metric
from rag.answer.verify import numbers_in
from rag.text.controls import strip_controls
from rag.text.markers import MARKER
from rag.text.names import is_generic, mention_pattern, names_in
from rag.text.numbers import AMOUNT, Figure, read
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize
from rag.text.vocabulary import Vocabulary

# "what's", "whats", "what is", "what was": how a question for a value opens.
_WHAT_IS = r"what(?:'s|’s|s|\s+is|\s+was)?"
# The measurements a question asks by name: "the human success rate", "what Codeforces Elo rating".
_RATES = r"(?:success|pass|win|error|resolve|resolution|solve|acceptance|hit|completion) rates?"
_MEASUREMENT = rf"(?:{_RATES}|accurac(?:y|ies)|score|rating)"
# A bare measurement asks for it ("webarena's human success rate?"); a bare "rating" need not ("rating scale").
_ASKS_FIGURE = re.compile(rf"\b(?:how (?:many|much|well|large|big|fast|high)|{_WHAT_IS}\s+"
                          r"(?:[\w'’.-]+\s+){0,3}?(?:score|accuracy|accuracies|average|"
                          r"rate|rating|percentage|fraction|share|number|pass@\w+|mrr|em|f1|bleu|improvement|gain|speedup|"
                          r"numbers|figures|results|efficacy|"  # "the corresponding numbers"
                          r"[\w.+-]*(?-i:[A-Z0-9])[\w.+-]*\s+result)|"  # "the Isabelle miniF2F result": on a name
                          r"\bby what (?:margin|amount)|"
                          # "gpt-3 single try was what": the value asked at the end
                          r"\b(?:was|is|were|are)\s+what\s*[?.!]*$|"
                          rf"{_RATES}|accurac(?:y|ies)|scores?|pass@\w*|"
                          r"how (?:does|do|did) .+ (?:do|perform|fare)|"
                          # "does it reach the level of a grad student?": a level, said in words
                          r"reach(?!\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:level|par|parity)\b)|"
                          r"get on|percent(?:age)?|(?:numbers?|figures?)\s+(?:on|for|in)|"
                          r"before\s*(?:->|→|=>|and|vs\.?|to|/)\s*after|"  # "problems solved before -> after"
                          # "the TTFT reduction in seconds": a quantity asked in its unit
                          r"(?:reduction|saving|speedup|increase|decrease|gain|drop|cut)s?\s+in\s+(?:seconds|"
                          r"milliseconds|ms|minutes|hours|tokens|points))\b|(?<!\S)%(?!\S)", re.I)  # "the actual %"

# Questions whose answer is a number and nothing else ("how many", "how long", "what percentage").
_ASKS_NUMBER = re.compile(r"\b(?:how (?:many|much|long|large|big)|by how much|what (?:\w+\s+){0,2}?(?:percentage|"
                          r"fraction|share|number|proportion|speedup)|what (?:\w+\s+){0,2}?(?:accuracy|score) does|"
                          r"what (?:\w+\s+){0,2}?(?:size|length|budget|count)\s+(?:is|was|does|did|do|are|were)|"
                          # a study's size: "what's the n for the user study?", "sample size", "number of participants"
                          r"what(?:['’]s|\s+is|\s+was)\s+(?:the\s+|their\s+)?n|sample\s+size|"
                          r"number\s+of\s+(?:participants|subjects|users|annotators|raters|developers|respondents))\b",
                          re.I)  # "what grid size was it trained on?": a number


def result_figures(sentence: str) -> list[Figure]:
    """The figures a sentence states as numbers, not the 4 of a name ("GPT-4") nor a count in words."""
    # A terminal escape around a figure ("\x1b[31m91.5%") is no part of it, nor a number itself.
    return [f for f in read(strip_controls(sentence)).figures if not f.in_name and f.text[:1].isdigit()]


def has_figure(sentence: str) -> bool:
    """A sentence that can answer "what score / how many": it holds a number (as the verifier reads numbers, so
    the 8 of "GSM8K" is not one), or a multiple in words ("halves the error rate", "a twofold speedup")."""
    return bool(numbers_in(sentence)) or states_a_multiple(sentence)


def states_a_multiple(sentence: str) -> bool:
    """"halves the error rate", "a twofold speedup": a change by a factor, said in words."""
    return bool(_MULTIPLE_IN_WORDS.search(sentence))


def measure_or_multiple(sentence: str) -> bool:
    """What a yes/no check of a measurement finds stated: "does feedback cut the error rate in half?" is answered
    by "halves the error rate" as much as by a percentage."""
    return has_measure(sentence) or states_a_multiple(sentence)


# A multiple said in a word, by its value: "halves the error rate", "doubling the previous best result".
_WORD_MULTIPLES = {0.5: r"halv(?:es|ed|ing)", 2: r"doubl(?:es|ed|ing)|two-?fold", 3: r"tripl(?:es|ed|ing)|three-?fold",
                   4: r"quadrupl(?:es|ed|ing)|four-?fold", 5: r"five-?fold", 10: r"ten-?fold"}
_MULTIPLE_IN_WORDS = re.compile(r"\b(?:" + "|".join(_WORD_MULTIPLES.values()) + r")\b", re.I)
# A multiple written with its number, the number captured: "38x", "3 times", "a speedup of 4", "(factor up to 38)".
_TIMES = r"\s*(?:x|×|times|-?fold)(?!\w)"
_WRITTEN_MULTIPLE = re.compile(rf"(\d+(?:\.\d+)?){_TIMES}|\b(?:factor|speed-?ups?)\s+(?:of\s+)?"
                               r"(?:up\s+to\s+|about\s+|over\s+|~\s*)?(\d+(?:\.\d+)?)", re.I)


# A question about a named benchmark asking a measurement ("what GSM8K accuracy", "how well"), not a size or a count:
# the sentence naming the benchmark must hold a measurement.
_ASKS_MEASURE = re.compile(r"\b(?:accurac(?:y|ies)|scores?|rates?|percentage|pass@\w*|success|f1|bleu|rouge\S*|mrr|"
                           r"exact match|"
                           r"how well|perform\w*|how many (?:percentage )?points)\b", re.I)  # "how many points": a gain
_SCALED = re.compile(r"(?:\d[KMBT]|thousand|million|billion|trillion)$", re.I)


# "By what factor is it faster?", "how much faster": only a ratio answers ("3x", "2.5 times", "a speedup of 4").
_ASKS_FACTOR = re.compile(r"\b(?:by )?what factor|\bhow many times|\bhow much (?:faster|slower|cheaper|smaller|"
                          r"bigger|larger)|\bspeed-?up factor", re.I)
_FACTOR = re.compile(rf"{_WRITTEN_MULTIPLE.pattern}|"
                     r"\b(?:twice|thrice|half|halv(?:es|ed|ing)|doubl\w*|tripl\w*|"
                     r"(?:an|two|three) orders? of magnitude)\b|"
                     r"\d[\d.,]*\s*%\s*(?:faster|slower|speed-?up|less|fewer|lower|reduction)", re.I)
# "What GSM8K accuracy", "what task success rate", "just the number": a measurement is what is asked (narrower
# than _ASKS_MEASURE, which only picks how a sentence naming the asked benchmark must state its figure).
_ASKS_A_MEASURE = re.compile(rf"\b{_WHAT_IS}\s+(?:[\w-]+\s+){{0,3}}?(?:score|accuracy|rate|"
                             r"pass@\w*|f1|bleu|mrr|exact match)\b|"
                             r"\bhow accurate\b|\bjust the number\b|"
                             # "can you give both models' scores", "the corresponding numbers on Code2Inv"
                             r"\b(?:give|list|show|tell)\s+(?:me\s+|us\s+)?(?:[\w'’-]+\s+){0,3}?(?:scores|numbers|"
                             r"figures|accuracies)\b|\bcorresponding\s+(?:numbers|figures|scores|values|results)\b|"
                             r"\bhow\s+(?:large|big|wide)\s+is\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:gap|margin)\b", re.I)
_BEYOND_MEASURE = re.compile(r"\b(?:beyond|besides|other\s+than|apart\s+from|aside\s+from|except|not\s+just|"
                             r"rather\s+than)\s+(?:[\w-]+\s+)?(?:scores?|accuracy|rates?|pass@\w*)\b", re.I)
# "overhead in %", "what percentage": only a percentage answers.
_ASKS_PERCENT = re.compile(r"\bin %|(?<!\S)%(?!\S)|\bin percent\b|\bpercentage\b|\bwhat percent\b|"
                           r"^\W*percent\b|"  # "Percent runtime overhead of ...?"
                           r"\bhow many percent\b|\bpercent\s+(?:pls|please)\b", re.I)  # "what % slowdown" too


FIGURE_RATIO = 0.7  # a question not naming a paper: the fitting sentence must score this close to the best


# "What's the human success rate", "the zero-shot accuracy": a word saying whose or which measurement is asked.
# "What Codeforces Elo rating": the word right before the measurement. "What success rate did human annotators
# get": whose, said after it (people only: "what accuracy does DotaMath get" is the paper's own); looked for first.
# People whose figure a figure question asks anywhere ("How well do humans do on WebArena?", "the success rate of
# human annotators"): only a sentence about them can state it.
_PEOPLE = re.compile(rf"(?<![-\w])(?P<whose>{PEOPLE})\b(?!-)", re.I)  # not "human-written", "mixture-of-experts"
_WHOSE = re.compile(rf"\bwhat\s+(?:[\w-]+\s+)?{_MEASUREMENT}\s+(?:do|does|did|can|could|would)\s+(?P<whose>(?:"
                    rf"{MORE_PEOPLE}))\b", re.I)
_QUALIFIED = re.compile(rf"\b{_WHAT_IS}\s+(?:the\s+)?(?:(?!(?:{AUX_WORD})\b)[\w-]+\s+){{0,2}}?"
                        r"(?P<qualifier>[a-z][\w-]+)\s+"
                        rf"(?:task\s+)?{_MEASUREMENT}\b", re.I)
# A prompting setting: "few-shot", "zero shot", "5-shot".
SHOT = r"(?:zero|one|few|\d+)[- ]shot"
# "the few-shot number for the largest model": a prompting setting qualifies any figure asked.
_SHOT_QUALIFIED = re.compile(rf"\b(?P<qualifier>{SHOT})\s+(?:numbers?|figures?|results?|performance|pass\s+rates?)\b",
                             re.I)
_ANY_QUALIFIER = {"best", "overall", "final", "average", "mean", "reported", "top", "exact", "highest", "lowest",
                  "actual", "main", "headline", "end-to-end", "its", "their", "the", "a", "an", "task", "total",
                  "set", "split", "benchmark", "dataset"}  # "the HumanEval test set score": no one's in particular


def measure_qualifier(question: str) -> str:
    """The word a question puts before the measurement it asks for ("human" of "the human success rate"), when it
    says whose or which one; "" for "the best / overall / reported score"."""
    if whose := _WHOSE.search(question) or _PEOPLE.search(question):
        return re.sub(r"s$", "", whose["whose"].lower())  # "humans": "human" is what is written
    match = _QUALIFIED.search(question) or _SHOT_QUALIFIED.search(question)
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


# "RepoEval alone", "only on RepoEval", "(not CrossCodeEval)": one benchmark's own figure is asked. The word is
# next to the name: "Is RepoEval the only benchmark?", "Just curious, ..." ask nothing of the kind.
_ALONE_AFTER = r"(?:\s+(?:alone|only|separately|individually|by itself|on its own|in isolation|specifically|" \
               r"in particular))"
_ALONE_BEFORE = r"(?:(?:only|just|solely)\s+(?:on\s+|for\s+|in\s+)?(?:the\s+)?)"
_JOINED = r"\s*(?:,\s*(?:and\s+)?|and|&|/)\s*"


def pooled_with(question: str, names: Sequence[str], stating: Sequence[str]) -> tuple[str, str] | None:
    """A named benchmark whose only figures it shares with another ("outperforms ... on CrossCodeEval and RepoEval,
    achieving 12.2% EM improvement": one figure for both), with that other, when the question asks for the named
    one alone or rules the other out; None otherwise."""
    ruled_out = {m["word"].lower() for m in _NOT_VARIANT.finditer(question)}
    for name in names:
        written = mention_pattern(name).pattern
        written = f"(?i:{written})" if name.islower() else written  # "repoeval" as typed
        alone = re.search(rf"(?i:{_ALONE_BEFORE})(?:{written})|(?:{written})(?i:{_ALONE_AFTER})", question)
        joined = re.compile(rf"(?:{written}){_JOINED}(?P<after>[A-Z][\w-]*[A-Z][\w-]*)|"
                            rf"(?P<before>[A-Z][\w-]*[A-Z][\w-]*){_JOINED}(?:{written})")
        pairs = [joined.search(text) for text in stating]
        if not stating or None in pairs or any(len(result_figures(text)) != 1 for text in stating):
            continue
        others = [pair["after"] or pair["before"] for pair in pairs if pair is not None]
        if alone or all(other.lower() in ruled_out for other in others):
            return name, others[0]
    return None


def qualified_first(question: str, stating: list[ScoredSentence]) -> list[ScoredSentence]:
    """Of the sentences stating a figure, those with the word saying whose it is ("the human performance of 97%")
    lead."""
    whose = measure_qualifier(question)
    return sorted(stating, key=lambda s: not (whose and _says_whose(s.text, whose)))


def _says_whose(sentence: str, whose: str) -> bool:
    """Whether a sentence has the qualifier; people as a word of their own ("human", not "HumanEval" or
    "human-written")."""
    if re.fullmatch(PEOPLE, whose, re.I):
        return bool(re.search(rf"(?<![-\w]){re.escape(whose)}s?\b(?!-)", sentence, re.I))
    return Vocabulary(sentence).uses(whose)


# A metric at a cut-off ("pass@1", "top-5", "recall@10"): pass@10 is no answer to pass@1.
_AT_K = re.compile(r"\b(?P<metric>pass|top|recall|hits?|acc|precision|ndcg|mrr)\s*(?:@|-)\s*(?P<k>\d+|k)\b", re.I)


# A question asking which cut-off a figure is at: "what k is that?", "which pass@k", "pass@1 or something bigger?".
_WHICH_CUT_OFF = re.compile(rf"\b(?:what|which)\s+(?:k|cut-?off|pass\s*@\s*k)\b|{_AT_K.pattern}\s*[?,]?\s*(?:or|/)\s+"
                            r"(?:something|anything|some\s+other|another|a\s+(?:bigger|higher|larger|different))\b",
                            re.I)
_NOT_THIS_CUT_OFF = re.compile(r"\b(?:rather\s+than|instead\s+of|not)\s+$", re.I)


def unmet_qualifier(question: str, stating: list[ScoredSentence]) -> str:
    """The word saying whose or which measurement is asked ("human" of "the human success rate on WebArena",
    "pass@1") when no sentence stating a figure has it: the figure there is someone else's (the agent's) or
    another one (pass@10); "" otherwise."""
    whose = measure_qualifier(question)
    # "the highest effective accuracy (EAcc)": the asker glosses the abstract's own name for the measurement.
    glossed = re.search(rf"\b{re.escape(whose)}\s+(?:[\w-]+\s+){{0,2}}\((?P<short>[A-Za-z][\w@-]*)\)", question) \
        if whose else None
    if whose and not any(_says_whose(s.text, whose) or (glossed and Vocabulary(s.text).uses(glossed["short"]))
                         for s in stating):
        return whose
    if _WHICH_CUT_OFF.search(question):
        # "what k is that? pass@1 or something bigger": the cut-off is what is asked, whatever it is, if one is given.
        given = re.compile(_AT_K.pattern.replace(r"(?P<k>\d+|k)", r"\d+"), re.I)
        named = _AT_K.search(question)
        return "" if any(given.search(s.text) for s in stating) else \
            f"{named['metric'] if named else 'pass'}@k"
    # "at pass@50 rather than pass@1?": the cut-off set aside is not asked.
    asked = [a for a in _AT_K.finditer(question) if not _NOT_THIS_CUT_OFF.search(question[:a.start()])]
    # "is that pass@1 or pass@10?": any one of the offered cut-offs answers; "at what pass@k?": any cut-off.
    offered = len(asked) > 1 and all(re.fullmatch(r"\s*(?:or|/)\s*", question[a.end():b.start()])
                                     for a, b in pairwise(asked))
    unmet = []
    for one in asked:
        k = r"(?:\d+|k)" if one["k"].lower() == "k" else re.escape(one["k"])
        same = rf"\b{one['metric']}\s*(?:@|-)\s*{k}(?!\d)"
        if not any(re.search(same, s.text, re.I) for s in stating):
            unmet.append(one.group(0))
    return unmet[0] if unmet and (not offered or len(unmet) == len(asked)) else ""


# A setting a figure question gives: sampling budgets ("with 128 samples", "at 128 samples", "with 100 tries per
# problem"), and model sizes ("the 13B model", "a 7B-parameter"); not data sizes ("on 8 million samples").
_BUDGET = re.compile(r"^(?:with|using|at|for|given|under)\s+(?:a\s+)?\d[\d,]*\s+(?:samples?|tries|attempts?|"
                     r"generations?)\b", re.I)
_SIZE = re.compile(r"(?<![\w.])(?P<size>\d+(?:\.\d+)?\s*[BM])(?:-parameters?|\s+(?:models?|parameters|params|"
                   r"versions?|variants?)\b)", re.I)


def unmet_setting(question: str, sentences: Sequence[str]) -> str:
    """The setting a figure question gives ("with 128 samples", "the 13B model") when no sentence with a figure
    states that setting too: the figures there are for other settings (64 samples, 7B); "" otherwise. The setting
    only needs to be in the same sentence as a figure, which is how abstracts state one ("46.3% with 64 samples")."""
    budgets = [c for c in read(question).conditions if c.count is not None and _BUDGET.match(c.text)]
    sizes = [f.value for m in _SIZE.finditer(question) for f in read(m["size"]).figures[:1]]
    splits = list(dict.fromkeys(_split_kind(m["split"]) for m in _ASKED_SPLIT.finditer(question)))
    # "what is it at n=8?": a parameter's value, written so in the sentence with the figure ("for n=4 tokens").
    values = list(dict.fromkeys((m["var"].lower(), m["value"]) for m in _PARAMETER.finditer(question)))
    # "few-shot on MathQA-Python make what accuracy? no finetune": a prompting setting, said with the figure.
    shots = list(dict.fromkeys(m["shot"].lower() for m in _SHOTS.finditer(question)))
    if not budgets and not sizes and not splits and not values and not shots:
        return ""
    unmet_value = next((f"at {var}={value}" for var, value in values
                        if not any(_said_value(s, var, value) for s in sentences)), "")
    if unmet_value:
        return unmet_value
    if unmet_shot := next((shot for shot in shots if not any(_said_shot(s, shot) for s in sentences)), ""):
        return f"with {unmet_shot} prompting"
    if not budgets and not sizes and not splits:
        return ""
    for sentence in sentences:
        said = read(sentence)
        if all(any(d.kind == c.kind and d.count == c.count for d in said.conditions) for c in budgets) and \
                all(said.writes(size) for size in sizes) and all(_SPLITS[kind].search(sentence) for kind in splits):
            return ""
    unmet_split = next((kind for kind in splits if not any(_SPLITS[kind].search(s) for s in sentences)), "")
    if unmet_split or not (budgets or sizes):
        return f"on the {unmet_split or splits[-1]} split"
    return budgets[0].text if budgets else f"for the {_SIZE.search(question)['size']} model"


_SHOTS = re.compile(rf"\b(?P<shot>{SHOT})\b", re.I)


def _said_shot(sentence: str, shot: str) -> bool:
    """Whether a sentence with a figure says the prompting setting ("using few-shot learning")."""
    return bool(re.search(rf"\b{re.escape(re.split(r'[- ]', shot)[0])}[- ]shot\b", sentence, re.I))


_PARAMETER = re.compile(r"(?<![\w@-])(?P<var>[nkm])\s*=\s*(?P<value>\d+)\b", re.I)


def _said_value(sentence: str, var: str, value: str) -> bool:
    return bool(re.search(rf"(?<![\w@-]){var}\s*=\s*{value}\b", sentence, re.I))


# A data split a figure is asked on: "on the valid split", "the validation set", "miniF2F-valid".
# (A benchmark's own name before "valid" is unknowns.SPACED_VARIANT's: a name the index lacks.)
_ASKED_SPLIT = re.compile(r"(?:\b(?:on|for|in|of)\s+(?:the\s+)?(?:[\w+-]+\s+)?|[\w+]-)"
                          r"(?P<split>test|valid|validation|dev|development|train|training)"
                          r"(?:\s+(?:split|set|subset|partition)\b|(?=\s*[?.,;]|$))", re.I)
# Each kind of split, as an abstract writes it.
_SPLITS = {"test": re.compile(r"\btest\b", re.I),
           "validation": re.compile(r"\b(?:valid|validation|dev|development)\b", re.I),
           "training": re.compile(r"\btrain(?:ing)?\b", re.I)}


def _split_kind(word: str) -> str:
    word = word.lower()
    return "test" if word == "test" else "training" if word.startswith("train") else "validation"


# "(not the fine-tuned 83.8)", "other than the 19%", "besides its 61.7%": a figure the asker already has.
_SET_ASIDE = re.compile(rf"\b(?:not|{SETTING_ASIDE})\s+"
                        r"(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}?(?P<figure>\d[\d,]*(?:\.\d+)?)"
                        r"\s*(?:%|\\%|percent)?(?:\s+(?:on|in|for|at)\s+(?:the\s+)?[\w.+-]+)?", re.I)


def set_aside_figures(question: str) -> list[str]:
    """The figures a question sets aside as not what it asks (see _SET_ASIDE)."""
    return list(dict.fromkeys(m["figure"] for m in _SET_ASIDE.finditer(question)))


def set_aside_spans(question: str) -> list[tuple[int, int]]:
    """Where the question sets figures aside, with what they are on ("besides the 61.7% on miniF2F-test"), or a
    name with what of it ("beyond the HumanEval traces, how do models fare on the extra subsets?"): the names there
    are not what the ask is of."""
    return [m.span() for pattern in (_SET_ASIDE, _NAME_SET_ASIDE) for m in pattern.finditer(question)]


_NAME_SET_ASIDE = re.compile(rf"\b(?:beyond|{SETTING_ASIDE})\s+(?:the\s+|its\s+|their\s+)?[\w.+*-]+"
                             r"(?:\s+(?:traces|tasks|problems|set|subsets?|splits?|results?|numbers?|benchmarks?|"
                             r"figures?))?", re.I)


def restated_spans(question: str, abstract: str) -> list[tuple[int, int]]:
    """Where the question restates, before what it asks, a figure the abstract writes ("CoCoNUT — even Gemini only
    fully traces 47% of HumanEval tasks. on the recursion subsets, does any model get above 5%?"): what it already
    knows, so the names there are not what the ask is of. A statement, not the last sentence, not a question."""
    if asks_confirmation(question):
        return []  # "... is 56.3%, from o1-mini. accurate?": the statement is what is asked
    written = {f.value for f in read(abstract).figures if not f.in_name}
    spans = []
    for sentence in re.finditer(r"\S.*?(?:[.!?]+(?=\s|$)|$)", question.rstrip()):
        stated = [f for f in read(sentence[0]).figures if not f.in_name and not f.implied]
        rest = question[sentence.end():]
        # Not when what follows points back at it: "o1-mini tops it at 56.3%. whats its Delta?", "which benchmarks
        # was that on?", "what k is the 54.51% at?".
        if rest.strip() and not sentence[0].endswith("?") and any(f.value in written for f in stated) and \
                not _POINTS_BACK.search(rest) and not _OF_THE_ABSTRACT.search(rest) and \
                not any(f.value in {g.value for g in read(rest).figures} for f in stated):
            spans.append(sentence.span())
    return spans


_POINTS_BACK = re.compile(r"\b(?:its|their|that|this|these|those|the\s+same|it's|it\s+is)\b", re.I)
# An ask that ends on what came before it: "how does each use it?", "what is the final outcome of that?".
ENDS_POINTING_BACK = re.compile(r"\b(?:it|them|this|that|these|those)\s*[?.!]*$", re.I)
# "... 10.59% end-to-end success. does the abstract give the human success rate?": what the abstract gives beside the
# figure restated is checked, the figure with it.
_OF_THE_ABSTRACT = re.compile(r"\b(?:the|its|their)\s+abstract\b", re.I)


def only_set_aside(sentence: str, figures: Sequence[str]) -> bool:
    """Whether every figure the sentence states is one the question set aside: then it answers what was not asked
    ("the largest fine-tuned model achieves 83.8 percent" for "not the fine-tuned 83.8"). A sentence with none is
    not."""
    stated = result_figures(sentence)
    return bool(stated) and all(f.text in figures for f in stated)


_YES_NO_AUX = rf"(?:{AUX_WORD}|should)\b"
_YES_NO = re.compile(rf"^(?:{_YES_NO_AUX}|whether\b)", re.I)  # "(Curious) whether LLMs can trace code"
# "If I diversify the data inside a few domains, should I expect ...?": the condition first, then the question.
# "in the MBPP paper, did feedback halve the error rate?": where it asks, then the question.
_CONDITION_FIRST = re.compile(rf"^(?:(?:if|when|given|suppose|assuming|once)\b[^?]*?|"
                              rf"(?:in|for|according to|per|within)\s+[^?,;:]{{1,60}}),\s*(?:then\s+|so\s+)?"
                              rf"{_YES_NO_AUX}", re.I)


def asks_yes_no(text: str) -> bool:
    """A yes/no question, asked at the start, after a condition, or in the last sentence ("I tune X. Does Y help?"),
    maybe after a pause filled ("um does X help?")."""
    from rag.text.spoken import without_opening_filler

    text = without_opening_filler(text)
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    # "Austin et al.'s program synthesis paper: is it true that ...?": a subject set apart, then the question.
    labelled = [text[m.end():].lstrip(":-–— ") for m in [_SUBJECT_COLON.search(text) or _SUBJECT_DASH.search(text)]
                if m is not None and "?" not in text[:m.start()]]
    if _YES_NO_MARK.search(text) or (not text.rstrip().endswith(".") and any(
            _AUX_DROPPED.match(t) and not _WH_WORD.search(t.split("?")[0]) for t in (text.strip(), last))):
        return True  # "... halves the error rate? y/n", "OVM-7B use GPT-4 or code execution?"
    return any(bool(_YES_NO.match(t) or _CONDITION_FIRST.match(t)) and not _REQUEST.match(t)
               for t in {text.strip(), last, *labelled})


_WH_WORD = re.compile(r"\b(?:how|what|which|who|whom|whose|where|when|why)\b", re.I)
# "higher than SWE-agent or not?", "any papers on Rust or nah?": whether, said last; no part of what is asked.
YES_NO_TAIL = re.compile(r",?\s+or\s+(?:not|nah|nope|naw)\b(?=\s*[?.!]*\s*$)", re.I)
# "halves the error rate? y/n", "... or not": the answer's form said outright.
# "Post claims QwQ beats o1-mini. Accurate?", "... true??": a claim, then whether it holds.
_YES_NO_MARK = re.compile(r"(?:\b(?:y/n|yes\s*/\s*no|yes\s+or\s+no|true\s+or\s+false)|"
                          rf"{YES_NO_TAIL.pattern}|\(y/n\)|"
                          r"[.!;:?–—-]\s*(?:is\s+(?:that|this|it)\s+|(?:that|this)['’]?s?\s+)?(?:really\s+)?"
                          r"(?:true|accurate|correct|right|legit)|"
                          # "X instead of Y: any measurable gain?": whether X pays off.
                          r"[:–—-]\s*(?:any|is\s+there\s+(?:a|any))\s+(?:[\w-]+\s+)?(?:gain|benefit|improvement|effect|"
                          r"difference|boost|payoff|pay-off)s?)\s*[?.!]*\s*$", re.I)
# "OVM-7B use GPT-4 or code execution for its GSM8K result?": a name, then a verb in its bare form, as asked with
# "does" left out (a statement says "uses").
_AUX_DROPPED = re.compile(r"^(?:the\s+)?(?-i:[\w.+-]*[A-Z][\w.+-]*)\s+(?:(?:really|also|actually|ever)\s+)?"
                          r"(?:use|prove|beat|need|support|include|outperform|work|reach|report|run|handle|cover|"
                          r"release|train|evaluate|compare|solve|fail|help|improve|require)\b", re.I)


# "Can you give both models' scores?": a request for what follows, not a yes/no ("can you tell me whether" is one).
_REQUEST = re.compile(r"^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:give|list|show|provide|share|name|"
                      r"summari[sz]e|explain|describe|compare|point\s+out|tell(?!\s+(?:me|us)\s+(?:if|whether)\b))\b",
                      re.I)


def figure_needed(question: str, ratio: bool = True) -> Callable[[str], bool] | None:
    """What a sentence must hold to answer a question asking for a ratio, a percentage or a measurement (no named
    benchmark; those are checked against the sentences naming them), or None for other questions. `ratio=False`
    leaves ratios out, for questions naming no paper: there it refused an answerable question of natural-frozen
    (run whole; the question was not looked at), while within one named abstract it refuses only near misses."""
    if asks_yes_no(question.strip().rstrip("?.! ")) or _HOW_MUCH_IT_MATTERS.search(question):
        # "Do models that score well ...?", "how much does a human in the loop matter?": a finding, not a figure
        return None
    if ratio and _ASKS_FACTOR.search(question):
        # "How much faster": a ratio or a percentage ("11.2% faster", "cuts latency by 30%"); "by what factor": a ratio.
        share = bool(re.search(r"\bhow much\b", question, re.I))
        return lambda sentence: bool(_FACTOR.search(sentence)) or (share and _has_share(sentence))
    if _ASKS_PERCENT.search(question):
        return _has_share
    if _ASKS_A_MEASURE.search(question) and _BEYOND_MEASURE.search(question):
        return None  # "what concerns beyond accuracy are raised?": what else than a measurement is asked
    if _ASKS_A_MEASURE.search(question) or (_PEOPLE.search(question) and _ASKS_FIGURE.search(question)
                                            and counted_unit(question) is None) or \
            _SHOT_QUALIFIED.search(question):  # "how many annotators": a count; "the few-shot number": a measure
        # "How well do humans do?" asks for their measurement; "how much did human feedback cut the errors?" is
        # answered by a change said in words too ("halves the error rate").
        return measure_or_multiple if _ASKS_CHANGE.search(question) else has_measure
    return None


_HOW_MUCH_IT_MATTERS = re.compile(r"\bhow\s+much\s+(?:does|do|did)\b[^?.;]*?\bmatter(?:s|ed)?\b", re.I)
_ASKS_CHANGE = re.compile(r"\bhow\s+much\b[^?.;]*?\b(?:help\w*|cut\w*|reduc\w*|improv\w*|lower\w*|boost\w*|"
                          r"drop\w*|gain\w*|fix\w*)\b", re.I)


def _has_share(sentence: str) -> bool:
    """A percentage, or a count out of a total ("71 of the 397 problems"), which is one."""
    return any(f.percent or f.total is not None for f in read(strip_controls(sentence)).figures if not f.in_name)


def has_measure(sentence: str) -> bool:
    """A sentence that can answer "what accuracy / score": a percentage, a share of a total ("5 out of 148") or a
    number with decimals, written in digits; not a size written with a scale ("a 7B-parameter LLM", "574K pairs")
    nor a count in words ("two datasets"), which a sentence about the benchmark may hold instead."""
    return any(f.percent or f.total is not None or ("." in f.text and not _SCALED.search(f.text)) or
               _is_factor(f.text, sentence) for f in result_figures(sentence))


def _is_factor(number: str, sentence: str) -> bool:
    """A speedup said as a factor ("factor up to 38", "a 3x speedup", "5 times faster"): a measure of how much
    better, as a percentage is."""
    n = re.escape(number)
    return bool(re.search(rf"\bfactor\s+(?:of\s+)?(?:up\s+to\s+|about\s+|over\s+)?{n}(?![\d.])|"
                          rf"(?<![\w.]){n}\s*(?:x|×|times|-fold)(?!\w)", sentence, re.I))


def asks_for_figure(question: str) -> bool:
    """"How many / what score / how well ...": a question a number answers."""
    return bool(_ASKS_FIGURE.search(question))


# "By how much / the two numbers / how big is the gap": the answer needs a figure from each side, so one side's alone
# does not answer it (one figure still answers "which is better on B?": the other abstract gives none).
_ASKS_GAP = re.compile(r"\bby how much\b|\bhow much (?:higher|better|lower|more|less|worse)\b|"
                       r"\bby what (?:margin|amount)\b|"
                       r"\bwhat(?:['’]?s|\s+is|\s+was)\s+the\s+(?:gap|margin)\b|"  # not "the difference": in approach
                       r"\b(?:two|both)\s+(?:[\w-]+\s+)?(?:numbers|scores|figures|results|accuracies|rates)\b|"
                       r"\bhow (?:big|large|wide|much) is the (?:gap|margin|difference)\b|"
                       r"\b(?:gap|margin|difference)\s+(?:between|of|in (?:accuracy|score|pass@\w+|performance))\b",
                       re.I)


def asks_for_gap(question: str) -> bool:
    """Whether one side's figure cannot answer: the question wants the two figures or their difference ("the
    difference in approach" is no figure)."""
    return bool(_ASKS_GAP.search(question))


def asked_metric(question: str) -> str:
    """The metric in plain words a question asks a figure of ("how much exact-match accuracy do they lose?", or a
    bare label: "pycoder line-level edit similarity on codexglue?"), or "": "does any paper report exact match?" is
    answered by whether one does."""
    # "what R^2?", "how strong was that fit": a metric named with "what" or "how strong" asks its value too.
    asks = asks_for_figure(question) or asks_number(question) or bare_label(question) or \
        _METRIC_VALUE_ASKED.search(question)
    return named_metric(question) if asks else ""


_METRIC_VALUE_ASKED = re.compile(r"\bwhat\b|\bhow\s+(?:high|low|strong|good|large|big|well)\b", re.I)


def bare_label(question: str) -> bool:
    """A label, not a question in words ("ugmathbench reasoning gap (delta) for o1-mini"): it asks for the value."""
    return not _ANY_ASK_WORD.search(question)


# A question in words, not a label: what, does, is ...
_ANY_ASK_WORD = re.compile(r"\b(?:what|whats|how|which|who|whom|why|where|when|explain|describe|tell|define|"
                           rf"summari[sz]e|compare|list|show|give|{AUX_WORD})\b", re.I)


# "what does RLCoder do and how much does it improve EM?": a second ask, joined to the first by "and".
_ASK_STARTS = r"(?=(?:what|how|which|who|where|when|why|does|do|did|is|are|was|were|can)\b)"  # where an ask begins
# "... ? and on how many tasks was it tested?": a preposition may lead the second ask.
# "FVEL goes 69 -> 81 on SV-COMP. What are the numbers on Code2Inv?": what the asker knows, then the ask; "does it
# beat VF? what sizes did they test?": a question mark ends an ask.
_SECOND_ASK = re.compile(rf"(?:\s*;\s*(?:and\s+|also\s+)?|,?\s+(?:and|also|plus|[+&])\s+|"
                         rf"(?<=[a-z0-9%)]\.)\s+(?=[A-Z])|(?<=\?)\s+)"
                         # after a comma too, but ", and by what margin?" is the first ask's gap, not a second
                         rf"(?:(?<=[?;]\sand\s)(?:on|in|for|with|at|by|from|over|across|of)\s+|"
                         rf"(?<=,\sand\s)(?:on|in|for|with|at|from|over|across|of)\s+)?{_ASK_STARTS}|"
                         # "So I'm reading about control flow. In CoCoNUT, how well did ...?": the ask led by where.
                         rf"(?<=[a-z0-9%)]\.)\s+(?=(?-i:In|For|On|At|With|About)\s+[^,?.]{{1,40}},\s+"
                         rf"(?:what|how|which|who|where|when|why)\b)", re.I)


# "the pillow/numpy case study - did they have failed attempts?": a dash before the ask sets its subject apart.
_SUBJECT_DASH = re.compile(rf"\s+[-–—]+\s+{_ASK_STARTS}", re.I)
_SUBJECT_COLON = re.compile(rf":\s+{_ASK_STARTS}", re.I)


_ASK_WORD = re.compile(r"(?:what|whats|what's|how|which|who|why|where|when|does|do|did|is|are|was|were|can|could|"
                       r"tell|give|list|show|describe|explain|compare)\b", re.I)


# "In the pillow/numpy case studies where ..., were any failed attempts reported?": a lead phrase sets the subject.
_SUBJECT_COMMA = re.compile(rf"^(?P<subject>(?:in|for|regarding|about|on|with|across)\s+[^,?]{{3,}}),\s+{_ASK_STARTS}",
                            re.I)


def subject_and_ask(question: str) -> list[str]:
    """A question's subject and its ask when a dash sets them apart and the first part asks nothing itself ("the
    pillow/numpy case study - did they ...?"; not "What is STP - does it use Isabelle?"), or a lead phrase before
    a comma does ("In the pillow case studies, were any failed attempts reported?"); else the question alone."""
    parts = _SUBJECT_DASH.split(question, maxsplit=1)
    if len(parts) == 1:  # "the FIM curriculum paper: which models were fine-tuned?"
        parts = _SUBJECT_COLON.split(question, maxsplit=1)
    if len(parts) > 1 and not _ASK_WORD.match(parts[0].strip()):
        return parts
    if lead := _SUBJECT_COMMA.match(question):
        return [lead["subject"], question[lead.end():]]
    return [question]


# "RL + LLM code optimization paper: dataset, base model, and the %OPT gain": what is asked of a subject as a list
# of short labels after a colon, each its own ask.
_LABELLED = re.compile(r"^(?P<subject>[^:?]{3,100}?):\s+(?P<asks>[^:?]+?)\s*\??$")
_LABEL_WORDS = 6  # the most words of one label


def labelled_asks(question: str) -> list[str]:
    """The subject and each label asked of it, or [] when the question is not a subject and 2-4 labels."""
    if not (match := _LABELLED.match(question.strip())) or _ASK_WORD.match(match["subject"].strip()) or \
            _ASK_WORD.match(match["asks"].strip()):
        return []
    labels = [a for a in re.split(r"\s*[,;/]\s*(?:and\s+|plus\s+)?|\s+(?:and|plus)\s+", match["asks"]) if a.strip()]
    if not 2 <= len(labels) <= 4 or any(len(a.split()) > _LABEL_WORDS for a in labels):
        return []
    return [match["subject"], *labels]


def ask_opens(part: str) -> bool:
    """Whether a part of a question opens with an ask word: one that does not ("STP says 19.8B tokens were for
    Lean") sets out what the asker knows."""
    return bool(_ASK_WORD.match(part.strip()))


def split_asks(question: str) -> list[str]:
    """The question's asks: two when a second is joined to the first ("... and how big is it?"), else one."""
    return _SECOND_ASK.split(question, maxsplit=1)


def is_statement(part: str) -> bool:
    """Whether a part of a question asks nothing (no question mark, no word asking): "FVEL goes 69 -> 81 on
    SV-COMP." sets out what the asker knows."""
    return bool(_STATEMENT.fullmatch(part))


_STATEMENT = re.compile(r"(?![^?]*\?)(?![\s\S]*\b(?:what|whats|how|which|who|why|where|when)\b)[\s\S]*", re.I)


def asks_in(question: str) -> list[str]:
    """The parts of split_asks that ask something, what the asker sets out before them left out."""
    return [part for part in split_asks(question) if not is_statement(part)] or [question]


def every_ask(question: str) -> list[str]:
    """All the question's asks, however many are joined ("how many users, how many completions, and which of the
    3 models came out best?")."""
    *done, rest = split_asks(question)
    while len(more := split_asks(rest)) > 1:
        done.append(more[0])
        rest = more[1]
    return [*done, rest]


def asks_number(question: str) -> bool:
    """"How many / how long / what percentage": a number is the whole answer."""
    return bool(_ASKS_NUMBER.search(question))


def asks_measure(question: str) -> bool:
    """"What accuracy / how well", "the few-shot number": a measurement, not a size or a count (see has_measure)."""
    return bool(_ASKS_MEASURE.search(question) or _SHOT_QUALIFIED.search(question))


# Words saying which did best, in a question or in the sentence answering it ("the top-performing model, Gemini").
BEST_WORDS = r"top(?:s|ped)?|best|highest|strongest|leading(?!\s+to\b)|state-of-the-art|outperform\w*|beat\w*|won|wins?"
# "Which model achieved the top score?", "which of the evaluated LLMs did best": the answer is a model's name.
_NOT_A_KIND = rf"(?!(?:{AUX_WORD}|the|a|an)\b)"  # "what does the model ...": no kind of model said
# "Which edge devices / GPU": hardware is asked by name, whatever the verb.
_WHICH_HARDWARE = re.compile(rf"\b(?:which|what)\s+(?:{_NOT_A_KIND}[\w-]+\s+){{0,2}}?(?:devices?|GPUs?|CPUs?|TPUs?|"
                             r"hardware|processors?|chips?|accelerators?)(?=\s*(?:$|[?,;.(]|(?:did|do|does|was|were|is|"
                             r"are|has|have|had|they|it|exactly|specifically|used)\b))",
                             re.I)  # the thing asked, not a modifier: "what edge device problem does it solve"
# "which linter does LintSeq use?": a component is asked by name too; "a linter" names none.
_WHICH_COMPONENT = re.compile(rf"\b(?:which|what)\s+(?:{_NOT_A_KIND}[\w-]+\s+){{0,2}}?(?P<component>linter|"
                              r"retriever|solver|compiler|parser|tokeni[sz]er|optimi[sz]er|verifier|interpreter|"
                              r"search engine|static analy[sz]er)s?"
                              r"(?=\s*(?:$|[?,;.(]|(?:did|do|does|was|were|is|are|has|have|had|they|it|exactly|"
                              r"specifically|used)\b))", re.I)
# "UGMathBench evaluated 60 LLMs - which one had the biggest gap?": one of the models said before (in the question,
# maybe in an ask before: "ENAMEL evaluated 30 LLMs; which one is the most efficient?").
_MODELS_SAID = re.compile(r"\b(?:LLMs|models)\b.*?\bwhich (?:one|of them)\b", re.I)
_WHICH_ONE = re.compile(r"\bwhich (?:one|of them)\b", re.I)
# Not "what sizes of models": a property of them is asked.
_WHICH_MODEL = re.compile(rf"\b(?:which|what)\s+(?![\w-]+\s+of\s+(?:the\s+)?(?:models?|LLMs?)\b)(?!sizes?\s)"
                          rf"(?:of\s+(?:the|these|those)\s+)?(?:{_NOT_A_KIND}"
                          r"[\w-]+\s+){0,2}?(?:models?|LLMs?)\b"
                          r"(?!\s+(?:sizes?|architectures?|types?|class(?:es)?)\b)",
                          re.I)  # not "what model architecture", "which model sizes"; "which model families" are named
_DID_BEST = re.compile(rf"\b(?:achiev\w*|got|gets?|scor\w*|reach\w*|perform\w*|most|leads?|{BEST_WORDS}|"
                       r"biggest|largest|lowest|smallest|worst|fewest|"
                       r"use[sd]?|employ\w*|rel(?:y|ies|ied) on|buil[dt] on|fine-?tune[sd]?|power(?:s|ed)?|"
                       r"drive[sn]?|behind|underl\w*|serves? as|based on|runs? on|"
                       r"as the (?:\w+ )?(?:base|backbone)|(?:are|is)\s+(?:its|their|the)\s+(?:base|backbone)|"
                       r"(?:is|was) the one|tested|evaluat\w*|benchmarked|tried|"
                       # "which LLM is that with?"; "~60% - which model is that?": the one that reached it
                       r"(?:is|was)\s+(?:that|it|this)(?:\s+(?:with|on|using)|(?=\s*(?:[?.!]|$)))|"
                       r"(?:test|try|benchmark)(?=\s*(?:[?.!,;]|$)))\b",  # "did they test?", not "test cases"
                       re.I)  # or which one the paper uses: "which LLM does ADAS use as the meta agent?"


def asked_component(question: str) -> str:
    """The component a question asks for by name ("verifier" of "which verifier does OVM use?"), or ""."""
    match = _WHICH_COMPONENT.search(question)
    return match["component"].lower() if match else ""


def asks_which_model(question: str) -> bool:
    """Whether one of the question's asks is which model reached a result, or which one a paper uses: a sentence
    naming none is no answer."""
    models_said = bool(_MODELS_SAID.search(question))
    return any(_asks_which_model_in(ask, models_said) for ask in split_asks(question))


def _asks_which_model_in(ask: str, models_said: bool) -> bool:
    """Whether this one ask is which model (or hardware, or component); `models_said`: the question said the models
    somewhere ("ENAMEL evaluated 30 LLMs; which one is the most efficient?")."""
    if _WHICH_HARDWARE.search(ask):
        return True
    if (component := _WHICH_COMPONENT.search(ask)) and not MADE.search(ask, component.end()):
        return True  # "what tokenizer does Scope introduce?" is answered by its own name
    if _OTHER_MODELS.search(ask):
        return True  # "InCoder came out on top. what were the other two models?": names beyond those said
    match = _WHICH_MODEL.search(ask) or (_WHICH_ONE.search(ask) if models_said else None)
    return match is not None and _DID_BEST.search(ask, match.end()) is not None


_OTHER_MODELS = re.compile(r"\b(?:what|which|who|name)\b[^?]*?\bthe\s+other\s+(?:(?:two|three|four|five|\d+)\s+)?"
                           r"(?:[\w-]+\s+)?(?:models?|LLMs?)\b", re.I)


def asks_hardware(question: str) -> bool:
    """Whether the question asks which device or hardware ("what hardware did they time it on?")."""
    return bool(_WHICH_HARDWARE.search(question))


def model_ask(question: str) -> str:
    """The ask of a question with several that asks which model ("..., and which one achieves the best eff@1?",
    the models said in an ask before it), or the question."""
    asks = every_ask(question)
    if len(asks) < 2:
        return question
    models_said = bool(_MODELS_SAID.search(question))
    return next((subject_and_ask(a)[-1] for a in asks if _asks_which_model_in(a, models_said)), question)


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


def unknown_name_unanswerable(question: str, names: list[str], yes_no: bool,
                              known: Callable[[str], bool] = lambda word: False) -> bool:
    """Whether names no abstract has (`names`) leave a question unanswerable outright: it asks for a figure, or
    names one as a benchmark ("on MMLU"). A claim put as a question ("Does Wdr5's recruitment depend on Kat8?")
    names no benchmark by "on" unless it speaks of evaluation: otherwise the unknown name is most often another
    name for what an abstract says ("Kat8" for MOF), unless it is what a paper is compared with ("better than
    RepoFormer") or on ("beat GPT-4o on AIME"), or the names are the choices asked between ("PPO or GRPO?")."""
    if yes_no:
        other = compared_with(question)
        return (asks_for_figure(question) or _choice_of(question, names, known) or
                any(re.search(_EVALUATES + re.escape(n) + r"\b", question, re.I) or mention_pattern(n).search(other)
                    or re.search(rf"\b{re.escape(n)}\s+{_MEMBER_OF}", question, re.I)
                    # "does the paper report an SVAMP number?": a figure on it
                    or re.search(rf"\b(?:an?|any|the|its|their)\s+{re.escape(n)}\s+{FIGURE_WORD}", question, re.I)
                    # "does it beat GPT-4o on AIME 2024?": where the comparison is measured
                    or (other and re.search(rf"\bon\s+(?:the\s+)?{re.escape(n)}\b", question, re.I))
                    or asked_if_mentioned(question, n) for n in names))
    return asks_about_data(question, names)


# "does the abstract mention CodeGen at all?", "is UniXcoder named?": whether a name is written is what is asked.
_MENTIONING = re.compile(r"\b(?:mention|name|cite|list|include|contain|refer(?:ence)?|talk)(?:s|ed|d|ing)?\b"
                         r"(?:\s+(?:to|about))?", re.I)
_PASSIVE_GAP = re.compile(r"\s+(?:(?:is|was|are|were|being|ever|even|actually|also)\s+)*", re.I)  # "is X named"


def asked_if_mentioned(question: str, name: str) -> bool:
    """Whether the question asks if the name is written ("does the abstract name UniXcoder and CodeGPT, or only
    InCoder?"): then a name no abstract writes answers it, not another name for the same thing."""
    # Or the name's head: "... reproduced on CodeGen-350M. does the abstract mention CodeGen at all?"
    patterns = [mention_pattern(n) for n in dict.fromkeys([name, re.split(r"[-\s]", name)[0]]) if len(n) >= 3]
    for ask in re.split(r"\?", question):
        if (verb := _MENTIONING.search(ask)) is None:
            continue
        for at in (at for pattern in patterns for at in pattern.finditer(ask)):
            if at.start() >= verb.end() or _PASSIVE_GAP.fullmatch(ask[at.end():verb.start()]):
                return True
    return False


# Words that ask for a figure of something ("an SVAMP number", "gpt-4o's score on it").
FIGURE_WORD = r"(?:numbers?|figures?|scores?|results?|ratings?|rates?|accuracy|accuracies|performance)\b"
# "is PyTorch one of the four ML libraries they used?": a member of what a paper names, which no abstract names.
# Only of what they used: "is Kat8 one of the causes of ...?" is a claim, its unknown name maybe another for MOF.
_MEMBER_OF = (r"(?:really\s+|also\s+)?(?:one\s+of|among|included\s+(?:in|among)|part\s+of)\s+(?:the|its|their)\s+"
              r"[^?.;]{0,60}?\b(?:used|use[sd]?|evaluated|tested|"
              r"covered|chose|picked|selected|studied|compared|ran|considered)\b")


def _choice_of(question: str, names: Sequence[str], known: Callable[[str], bool]) -> bool:
    """Whether the question offers unknown names as its choices ("with PPO or GRPO?", "under MIT or Apache 2.0?",
    no abstract having "Apache" either): the answer is one of them, and no abstract names one. With a choice some
    abstract has ("Kat8 or Wdr5"), the unknown one may be another paper's word for the same thing."""
    offered = {o.split()[0] for o in offered_names(question, name_like)}
    unknown = {n.lower() for n in names}
    return any(o.lower() in unknown for o in offered) and \
        not any(known(o) for o in offered if o.lower() not in unknown)


# "than X", "compared with X", "versus X": what a question compares the named paper with.
_COMPARED_WITH = re.compile(r"\b(?:than|compared? (?:with|to)|versus|vs\.?|beats?|outperforms?|over(?!\s+\d)|"
                            r"up\s+against|(?:compared?|measured|pitted|benchmarked|fare[sd]?|do(?:es)?)\s+against|"
                            r"relative to|as opposed to)\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?P<other>[^?,;.]+)",
                            re.I)
# Models or methods described by a comparison of size or standing, not named: "much bigger models", "larger LLMs".
_ANY_OF_A_KIND = re.compile(r"^(?:(?:much|far|even|way|significantly|considerably)\s+)?(?:bigger|larger|smaller|"
                            r"stronger|weaker|newer|older|other|more\s+\w+|less\s+\w+)\s+(?:[\w-]+\s+)?"
                            r"(?:models?|llms?|lms?|methods?|approaches|systems?|ones|baselines?)\b", re.I)


# Language as people write it, which abstracts call natural language.
_PLAIN_LANGUAGE = re.compile(r"^(?:plain|ordinary|normal|regular|everyday)\s+(?:english|language|prose|text|words)$|"
                             r"^(?:english|prose)$", re.I)



def compared_with(question: str, vocabulary: Vocabulary | None = None) -> str:
    """The specific thing a question compares a paper with ("speculative decoding"), or "" when there is none or
    it is too plain to check ("the baseline": a paper may call its baseline anything). With the index's
    `vocabulary`, a name typed in lower case ("reflexion", written Reflexion by the abstracts) is one too."""
    match = _COMPARED_WITH.search(question)
    if not match or options_in_brackets(question):
        return ""  # "(model limits vs. misuse vs. devs overwriting ...)": kinds of an answer, nothing compared with
    # What it is compared with, not where nor what is said of it: "beat Reflexion on HumanEval", "better than
    # reflexion is funcoder" compare with Reflexion.
    other = re.split(r"\s+(?:on|in|at|for|with|by|across|when|using|is|are|was|were|does|do|did)\s+", match["other"],
                     maxsplit=1)[0]
    other = " ".join(other.split()[:4])
    if re.match(r"(?:what|which|how|whose|who)\b", other, re.I):
        return ""  # "vs what figures for GPT-C?": an ask, not what is compared with
    if _ANY_OF_A_KIND.match(other):
        return ""  # "much bigger models", "other open LLMs": any of a kind, which a paper may word its own way
    if _PLAIN_LANGUAGE.match(other):
        return "natural language"  # "did pseudocode beat plain english?": what abstracts call it
    # "VF ones", "VF methods": VF is what is compared with ("the baseline methods" stays too plain below).
    other = re.sub(r"\s+(?:ones?|methods?|approaches|models?|systems?)$", "", other, flags=re.I) \
        if len(other.split()) > 1 else other
    # A capitalised word there is a name ("beat Reflexion"): checkable on its own, unlike "the baseline".
    first = other.split()[0] if other.split() else ""
    typed_lower = vocabulary is not None and first.islower() and len(first) >= 4 and \
        (vocabulary.as_written(first) != first or _unheard_of(first, vocabulary))
    # So is a word with a digit inside ("c2rust", "t5x"), however typed.
    named = (other[:1].isupper() or typed_lower or bool(re.search(r"[a-z]\d|\d[a-z]", first, re.I))) and \
        not is_generic(first)
    return other if len(tokenize(other)) >= 2 or named else ""


def _unheard_of(word: str, vocabulary: Vocabulary) -> bool:
    """A word no abstract uses in any form and common English lacks ("reflexion", "toolformer"): a name typed in
    lower case, which the abstracts cannot compare anything with. tiktoken's table is read only for such a word."""
    from rag.text.typos import common_words, encoder_words, known_word

    return not vocabulary.uses(word) and not known_word(word, vocabulary, encoder_words()) and \
        not known_word(word, vocabulary, common_words())


def asked_value(question: str, sentence: str, names: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where the value a figure question asks for is in the sentence that answers it, to emphasise: the count of
    the asked unit ("1,329 lemmas"), else the figure nearest the asked name on its side of any contrast ("64.8% on
    MATH, surpassing ..."), else the first figure that is no part of a name; None for other questions, or a
    sentence without one."""
    unit = counted_unit(question)
    if unit is None and not (_ASKS_FIGURE.search(question) or _ASKS_NUMBER.search(question)):
        return None
    if strip_controls(sentence) != sentence:
        return None  # bold inside a control sequence would break it open
    if unit is not None and unit.counts and (match := unit.count_in(sentence) or unit.pattern.search(sentence)):
        # From the number nearest the unit ("seven tasks using fourteen datasets": fourteen) to the word's end; from
        # the count of a total when it is one ("2 of these 20 IMO problems").
        amounts = [m.start() for m in re.finditer(AMOUNT, match.group(0), re.I)]
        share = len(amounts) >= 2 and re.fullmatch(r"\S*\s+of\s+(?:the\s+|these\s+|those\s+|its\s+)?",
                                                   match.group(0)[amounts[-2]:amounts[-1]], re.I)
        start = match.start() + amounts[-2 if share else -1]
        # "5 out of 148 problems" asked as "how many of the 148 problems": the count before the total it gives back.
        if not share and (before := re.search(r"(?<![\w.])\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?$",
                                              sentence[:start])):
            start = before.start()
        end = match.end()
        while end < len(sentence) and sentence[end].isalnum():
            end += 1
        return start, end
    markers = [m.span() for m in MARKER.finditer(sentence)]  # "[3]" in an abstract is a reference, not a value
    figures = [f for f in read(sentence).figures if not f.in_name and not f.implied and f.end > f.start
               and not any(a <= f.start < b for a, b in markers) and not _version_number(sentence, f)]
    if _ASKS_MEASURE.search(question) and any(f.percent for f in figures):
        figures = [f for f in figures if f.percent]  # "what does it score": the 19%, not the 300 issues
    if not figures:
        return None
    # Nearest the asked name, or whose figure is asked ("lower than the human performance of 97%"), on its side of
    # any contrast ("52% on miniF2F, surpassing the baseline GPT-4 at 23.0%": 52%); else the first.
    looked_for = [*names, *([whose] if (whose := measure_qualifier(question)) else [])]
    spans = sorted(m.span() for n in looked_for for m in mention_pattern(n).finditer(sentence))
    if not spans:
        return figures[0].start, figures[0].end
    starts = [a for a, _ in spans]
    contrasts = [m.start() for m in _CONTRAST.finditer(sentence)]

    def apart(f: Figure) -> tuple[bool, bool, int]:
        # The mentions just before and after the figure are the nearest (a long sentence has many of each); a
        # figure said "on" the name is its own ("95.1 on HumanEval, 98.7 on MBPP": 95.1, though 98.7 is as near).
        i = bisect_left(starts, f.start)
        return min(((_between(contrasts, min(b, f.end), max(a, f.start)),
                     not (a >= f.end and _ON_NAME.fullmatch(sentence[f.end:a])), max(a - f.end, f.start - b, 0))
                    for a, b in spans[max(0, i - 1):i + 1]))

    figure = min(figures, key=apart)
    return figure.start, figure.end


# What joins a figure to the name it is on: "% on the competitive ", " on ", "\\% in ".
_ON_NAME = re.compile(r"\\?%?\s*(?:on|in|for|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", re.I)


def _version_number(sentence: str, figure: Figure) -> bool:
    """"Lean 4", "Python 3.10", "Claude 3.5": a small number right after a capitalised name is its version, no
    value."""
    return not figure.percent and bool(re.search(r"\b[A-Z][A-Za-z]+ $", sentence[:figure.start])) and \
        bool(re.match(r"\d{1,2}(?:\.\d{1,2})?(?![\d.,%])", sentence[figure.start:]))


def _between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted position lies in [start, end)."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


# Words after which comes what was beaten ("higher than X", "surpassing X"); "outperformed by X" names the winner.
BEATEN = r"(?:than|versus|vs|surpass\w*|outperform\w*|beat\w*)\b(?!\s+by\b)"
# Words between a figure and the name it would be the figure of that make it another's: those, and "compared",
# "while", "the baseline".
_CONTRAST = re.compile(rf"\b(?:{BEATEN}|(?:compared|whereas|while|baselines?|unlike)\b)", re.I)


# A figure a question quotes as known ("the 56.3% EAcc", "a 43.37% exact match"): a percentage or a decimal, said
# as it is, not as a bound ("higher than 50%", "about 60%": numbers.read marks those) nor a version ("Python 3.10").
def quoted_figures(question: str) -> list[Figure]:
    """The figures a question gives as known: shares, decimals, and counts written with a thousands separator
    ("ProcessBench's 5,062 problems": UGMathBench's count), which no one rounds to by chance."""
    return [f for f in read(question).figures
            if (f.percent or "." in f.text or re.fullmatch(r"\d{1,3}(?:,\d{3})+", f.text)) and not f.bound
            and not f.in_name and not _version_number(question, f)]


def unwritten_figures(question: str, text: str) -> list[str]:
    """The figures the question quotes that `text` does not write, as written in the question ("56.3%"): a
    question built on another paper's number is not answered with this paper's. A figure rounded as the question
    rounds it counts ("56%" for 56.3%, "10.6%" for 10.59%), and so does a share written as a fraction (0.8 for 80%)."""
    written = read(text).values
    return [figure.text + ("%" if figure.percent else "") for figure in quoted_figures(question)
            if not _writes(written, figure)]


def _writes(written: Sequence[float], figure: Figure, rough: bool = False) -> bool:
    """Whether one of the written values is the figure as the question rounds it, or as a fraction of a
    percentage; `rough` ("~78%"): within _NEAR_ENOUGH of it, or of its rounding ("~1%" is met by 1.1%)."""
    rounded = 0.5 * 10 ** -len(figure.text.partition(".")[2]) + 1e-9
    near = max(_NEAR_ENOUGH * abs(figure.value), rounded) if rough else rounded
    return any(abs(w - figure.value) <= near or (figure.percent and abs(100 * w - figure.value) <= near)
               for w in written)


# "WebArena has 812 tasks and humans at ~78% success, correct?": figures put up to be confirmed.
_CONFIRM = re.compile(r"(?:,|\s)\s*(?:correct|right|true|yes|accurate|confirm(?:ed)?|"
                      r"is\s+that\s+(?:right|correct|true))\s*\?|"
                      # "they resolve like 19% of issues? can u confirm the exact %"
                      r"\bcan\s+(?:you|u)\s+(?:confirm|verify|double-?check)\b|"
                      # "... 97.7% on MBPP. is that the MBPP number in the abstract?", "does that hold up?"
                      r"\b(?:is|are)\s+(?:that|this|those|these)\s+(?:what|the|its|their|[\w-]+['’]s)\b[^?]{0,60}\?|"
                      r"\b(?:does|do)\s+(?:that|this|it|those|they|both(?:\s+[\w-]+)?)\s+(?:hold(?:\s+up)?|check\s+out)\b|"
                      r"\bcan\s+i\s+trust\s+(?:this|that|it|these|those)\b|"
                      # "is that figure in FunCoder's abstract?", "is the human number in the WebArena abstract?"
                      r"\b(?:is|are)\s+(?:that|this|those|these|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:figures?|numbers?|scores?|results?|claims?|rates?)\s+(?:actually\s+)?"
                      r"(?:(?:stated|given|reported|written)\s+)?(?:in|from)\b",
                      re.I)
_NEAR_ENOUGH = 0.05  # "~78%" is met by 77.9% or 80%, not by 60%
# "Is 38x the speedup it reports for float32?", "was it the 38x?", "I've written 86.7% and 64.8%. Are those MARIO's
# numbers?": the asker's figures, put up to be checked against the paper.
_CHECKED = re.compile(r"\b(?:is|was)\s+(?:it|that)\s+(?:really\s+|actually\s+)?(?:the\s+)?~?\d[\d.,]*\s*"
                      r"(?:%|x|×|-fold)?\s*\?|"  # "was it the 38x?"
                      r"\b(?:is|was)\s+(?:it\s+)?~?\d[\d.,]*\s*(?:%|x|×|-fold)?\s+(?:really\s+|actually\s+)?"
                      r"(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:it|they|the\s+paper|[A-Z][\w-]*)\s+"
                      r"(?:reports?|reported|gives?|gave|claims?|claimed|states?|stated|got|gets)\b|"
                      r"\b(?:are|were|is)\s+(?:those|these|they)\s+(?:really\s+|actually\s+)?(?:the\s+)?"
                      r"(?:(?:[\w-]+['’]s?|right|correct|actual|real|reported)\s+)?"
                      r"(?:numbers|figures|scores|results|values)\s*\?", re.I)


# "The post quotes 49.9% - what's the actual pass@10 figure?", "the blog has 4,300. How many does the paper say?":
# a figure someone else gave, put up to be corrected; the paper's own figure for the same thing is the answer.
_ACTUAL = re.compile(r"\bwhat(?:['’]s|\s+is|\s+was)?\s+(?:the|its|their)\s+(?:actual|real|true|correct|right)\b|"
                     r"\b(?:what|which)\s+(?:[\w@-]+\s+){0,3}?(?:is|are)\s+(?:actually\s+)?(?:in|given\s+in|"
                     r"reported\s+in)\s+the\s+(?:abstract|paper)\b|"
                     r"\b(?:what|how\s+(?:many|much|big|large|high|fast))\s+(?:[\w@-]+\s+){0,3}?(?:does|did)\s+"
                     r"(?:the\s+(?:paper|abstract|study)|it|they)\s+(?:actually\s+|really\s+)?(?:say|give|report|state)\b",
                     re.I)


# A figure with what it is of: "$4.30", "49.9%", "4,300 test cases", "30 popular LLMs", "96.1 on HumanEval".
_QUOTED_FIGURE = re.compile(r"(?P<dollar>\$)?\d[\d,.]*\s*"
                            r"(?:(?P<percent>\\?%)|(?P<words>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?))?")


def corrects_figure(question: str, abstract: str) -> bool:
    """Whether the question asks for the paper's own figure in place of one it quotes from elsewhere, and the abstract
    gives a figure of the same kind (a share, a sum, a count of the same things, a bare score): then that figure
    answers. One with no such figure ("the actual size of Codev-Bench?", no size given) does not say it."""
    return bool(_ACTUAL.search(question)) and gives_figure_of_kind(question, abstract)


def gives_figure_of_kind(question: str, text: str) -> bool:
    """Whether the text gives a figure of the kind of one the question quotes ("30 popular LLMs" for "60 LLMs")."""
    stated = set().union(*(_figure_kinds(m) for m in _QUOTED_FIGURE.finditer(text)))
    return any(_figure_kinds(m) & stated for m in _QUOTED_FIGURE.finditer(question))


def _figure_kinds(match: re.Match[str]) -> set[str]:
    """What a figure counts or measures: "$", "%", the stems of the (up to two) words after it, or "#" for a bare
    number ("96.1 on HumanEval")."""
    if match["dollar"]:
        return {"$"}
    if match["percent"]:
        return {"%"}
    from rag.text.tokens import STOPWORDS

    words = {w.lower()[:5] for w in (match["words"] or "").split() if w.lower() not in STOPWORDS}
    return words or {"#"}


def asks_confirmation(question: str) -> bool:
    """Whether the question puts figures up to be confirmed ("... - right?", "was it the 38x?")."""
    return bool(_CONFIRM.search(question) or _CHECKED.search(question))


# "DeepSeek-Prover reports 54.51% on miniF2F - at 64 samples or cumulative?": a figure said to be the paper's, the
# premise of what is asked, which is checked as one put up for confirmation is.
_PREMISED = re.compile(r"\b(?:reports?|reported|gets?|got|achieves?|achieved|scores?|scored|hits?|reach(?:es|ed)?|"
                       r"claims?|claimed)\s+(?:an?\s+|its\s+)?~?\d[\d.,]*\s*%", re.I)
# "... - correct? and name the two robustness benchmarks": how many things to name, not a figure to check.
_NAMED_COUNT = re.compile(r"(?:\b(?:name|list|give|identify|state|what\s+are|which\s+are)\s+(?:me\s+)?"
                          r"(?:the|its|their)|\bwhich)\s+$", re.I)


# A ratio the asker works out from figures they restate: "so roughly 2x", "i.e. about 3 times".
_ASKERS_RATIO = re.compile(r"\b(?:so|i\.?e\.?|that['’]?s|that\s+is|which\s+is|meaning)\s+"
                           r"(?:(?:roughly|about|around|approximately|nearly|almost|~)\s*)?$", re.I)
_MULTIPLE = re.compile(rf"(?:(?:roughly|about|around|approximately|nearly|almost|~)\s*)?\d[\d.]*{_TIMES}", re.I)


def unconfirmed_figure(question: str, text: str, on: Sequence[str] = ()) -> str:
    """A figure the question asks to have confirmed ("812 tasks ..., correct?"), counts and rough figures too, that
    `text` does not write, as written in the question; "" when it asks for no confirmation or all are written. With
    the names it is asked `on` ("is 77% the HumanEval number?"), a sentence writing it must name them: PLANSEARCH's
    77.0% is on LiveCodeBench."""
    if not asks_confirmation(question):
        if not _PREMISED.search(question):
            return ""
        on = ()  # a premise is the paper's figure wherever it is said ("claims an 11.2% speedup" on GPT-2)
    sentences = [(s, read(s).values) for s in split_sentences(text)]
    figures = read(question).figures
    for figure in figures:
        if figure.in_name or figure.implied or _version_number(question, figure) or \
                _NAMED_COUNT.search(question[:figure.start]) or re.search(r"[A-Za-z][\w-]*-$", question[:figure.start]):
            continue  # "llama3-8b": a size in a model's name, however the abstract spaces it ("Llama3- 8B")
        if _ASKERS_RATIO.search(question[:figure.start]) and _MULTIPLE.match(question, figure.start) and \
                sum(any(_writes(values, f) for _, values in sentences) for f in figures if f is not figure) >= 2:
            continue  # "26.3% vs the old 13.2%, so roughly 2x right?": the asker's own ratio of figures they restate
        rough = figure.bound == "~"
        if _MULTIPLE.match(question, figure.start):
            # "so ~2x over the old best, right?": a multiple, written as one ("38x", "3 times") or in a word
            # ("doubling the previous best result"); not any 2 in the abstract.
            said = _WORD_MULTIPLES.get(figure.value)
            writing = [s for s, _ in sentences
                       if any(_writes([float(m[1] or m[2])], figure, rough) for m in _WRITTEN_MULTIPLE.finditer(s))
                       or (said and re.search(rf"\b(?:{said})\b", s, re.I))]
        else:
            writing = [s for s, values in sentences if _writes(values, figure, rough=rough)]
        if not writing:
            return figure.phrase or figure.text
        # The names said with the figure, in its own clause: "29M + 425M lines of code, right? and the baselines
        # were GPT-C and ...?" puts no 29M on GPT-C.
        if _MONEY.search(question[:figure.start]) or _MONEY_AFTER.match(question, figure.end):
            continue  # "at an avg cost of $0.43 per issue": a cost, said of the run, no result on the benchmark
        clause = next((p[0] for p in _CLAUSES.finditer(question) if p.start() <= figure.start < p.end()), question)
        with_it = [n for n in on if mention_pattern(n).search(clause)]
        if with_it and not any(said_on(s, with_it, [t for t, _ in sentences]) for s in writing):
            return f"{figure.phrase or figure.text} on {' / '.join(dict.fromkeys(with_it))}"
    return ""


# A sum of money: "$0.43", "0.43 USD", "€2".
_MONEY = re.compile(r"[$€£]\s?$")
_MONEY_AFTER = re.compile(r"\s?(?:USD|EUR|GBP|dollars?|euros?|cents?)\b", re.I)
# A question's clauses: what commas, question marks, dashes, "and" or "also" part.
_CLAUSES = re.compile(r"(?:[^,;!?.\s]|\.(?=\S)|\s(?![-–—]\s|and\b|also\b))+", re.I)


def said_on(sentence: str, names: Sequence[str], sentences: Sequence[str]) -> bool:
    """Whether a sentence's figure is on the names: it names them, or it names nothing and the sentence before it
    does ("we conducted an empirical investigation on GPT-2 ... We found that 54.4% of tokens ..."). A sentence
    naming a benchmark of its own ("77.0% on LiveCodeBench") is on that one, whatever came before."""
    def says(s: str, n: str) -> bool:  # "o1-mini" is named in "OpenAI-o1-mini" too; "GSM8K+" is not "GSM8K"
        return bool(mention_pattern(n).search(s) or re.search(rf"(?<=\w-){re.escape(n)}(?![\w+-])", s, re.I))

    def naming(s: str) -> bool:
        return all(says(s, n) for n in names)

    if naming(sentence):
        return True
    at = sentences.index(sentence) if sentence in sentences else 0
    if at == 0 or [n for n in names_in(sentence) if not is_generic(n)] or not naming(sentences[at - 1]) or \
            any(says(sentence, n) for n in names):
        return False  # naming one of two asked ("Codex performs best" after "GPT-3 and Codex"): about that one
    # Nor one about another thing the sentence before names ("GPT-3 and Codex solvers ... Codex performs best").
    before = sentences[at - 1]
    return not any(re.search(rf"(?<=\w\W)\b{re.escape(w)}\b", before)
                   for w in re.findall(r"\b[A-Z][\w-]*[a-z0-9][\w-]*", sentence))


def unstated_figure(question: str, text: str) -> str:
    """The first of unwritten_figures, or ""."""
    return next(iter(unwritten_figures(question, text)), "")


def unknown_subject(question: str, names: Sequence[str]) -> str:
    """The name a figure question asks the figure of ("what pass@1 does Reflexion get", "Reflexion's pass@1") when
    no abstract has it, or "": any figure quoted would be another system's."""
    if not asks_for_figure(question):
        return ""
    for name in names:
        written = re.escape(name)
        if re.search(rf"\b(?:does|do|did|would|can|could)\s+(?:the\s+)?{written}\b(?!-)|\b{written}['’]s?\s|"
                     rf"\b{written}\s+(?:gets?|got|achieves?|achieved|reach(?:es|ed)?|scores?|scored)\b", question):
            return name
    return ""


# Part of what a paper measured that a figure question narrows to: "on just the e-commerce sites", "only for Rust",
# "the function-level subset". The figure must be stated for that part, in a sentence naming it.
# "in linear algebra specifically", "belong to the web development domain", "on the networking domain": a part too.
_SCOPE = re.compile(r"\b(?:on|for|in|of|to)\s+(?:just|only)\s+(?:the\s+|its\s+)?(?P<scope>[\w-]+(?:\s+[\w-]+)?)|"
                    r"\b(?:on|for|in)\s+(?:the\s+)?(?!(?:this|that|these|those|such|each|any|all|practice|general|"
                    r"principle|theory|total|particular|isolation|itself|themselves)\b)"
                    r"(?P<scope2>[\w-]+(?:\s+[\w-]+)?)\s+(?:specifically|alone|only)\b|"
                    r"\b(?:the|its)\s+(?P<part>[\w+#-]+)\s+(?:subset|split|portion|partition|half|halves|section|corpus)\b|"
                    r"\bbelong(?:s|ing)?\s+to\s+(?:the\s+)?(?P<part2>[\w-]+(?:\s+[\w-]+)?)\s+"
                    r"(?:domain|category|subject|area|split|class|topic)\b|"
                    r"\b(?:on|in|for|within)\s+(?:the\s+|its\s+)?(?P<part3>[\w-]+(?:\s+[\w-]+)?)\s+"
                    r"(?:domain|category|subject|subfield|area|track)\b", re.I)


def unmet_scope(question: str, sentences: Sequence[str]) -> str:
    """The part a figure question narrows to when no sentence with a figure names it, or ""."""
    from rag.text.tokens import STOPWORDS

    for match in _SCOPE.finditer(question):
        scope = match["scope"] or match["scope2"] or match["part"] or match["part2"] or match["part3"]
        words = [w for w in re.findall(r"[\w-]+", scope) if w.lower() not in STOPWORDS and len(w) > 2]
        if words and not any(all(Vocabulary(s).uses(w) for w in words) for s in sentences):
            said = re.sub(r"^belong\w*\s+to\s+", "", match.group(0).strip(), flags=re.I)
            return said if match["scope"] or match["scope2"] or match["part3"] else f"for {said}"
    return ""


# "Which of the 7 domains is hardest?", "which language did the models do worst on": a ranking of a paper's parts
# (domains, languages, subjects ...), which an abstract giving results over all of them does not state.
_PART = (r"(?:domain|language|subject|categor(?:y|ies)|topic|area|subfield|field|task type|difficulty level|split|"
         r"library)")
_SUPERLATIVE = (r"(?:hardest|easiest|most\s+(?:difficult|challenging)|toughest|best|worst|highest|lowest|strongest|"
                r"weakest)")
_PART_RANKED = re.compile(rf"\bwhich\s+(?:one\s+)?(?:of\s+(?:the|its|their)\s+(?:\d+\s+|[\w-]+\s+)?)?(?:[a-z]+\s+)?"
                          rf"(?P<part>{_PART})(?:s|ies)?\b(?:\s+[\w-]+){{0,6}}?\s+(?P<sup>{_SUPERLATIVE})\b", re.I)
_RANKING = re.compile(rf"\b(?:{_SUPERLATIVE}|most|least|struggl\w*|biggest|largest|smallest|greatest|fastest|slowest|"
                      rf"cheapest)\b", re.I)
# "Which of the 8 context types gave the biggest improvement?": parts the question counts, whatever they are (not
# models: which model is best is `asks_which_model`'s).
_NOT_PARTS = r"(?:models|LLMs|LMs|agents|systems|papers|works|methods|approaches|is|was|has|does)"
_COUNTED_PART = re.compile(rf"\bwhich\s+(?:one\s+)?of\s+(?:the|its|their|these|those|(?:[\w-]+\s+)?[\w-]+['’]s)\s+"
                           rf"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                           rf"(?P<said>(?:(?!{_NOT_PARTS}\b)[a-z][\w-]*\s+){{0,3}}?)"
                           rf"(?P<part>(?!{_NOT_PARTS}\b)[a-z][\w-]{{2,}}s)\b"
                           rf"(?:\s+[\w-]+){{0,7}}?\s+"
                           rf"(?P<sup>{_SUPERLATIVE}|biggest|largest|smallest|greatest|fastest|slowest|cheapest|most|"
                           rf"least)\b", re.I)


# "Among AutoML-Agent's seven downstream tasks, which one had the lowest success rate?": the parts said first.
_AMONG_PART = re.compile(rf"\bamong\s+(?:the|its|their|these|those|(?:[\w-]+\s+)?[\w-]+['’]s)\s+"
                         rf"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                         rf"(?P<said>(?:(?!{_NOT_PARTS}\b)[a-z][\w-]*\s+){{0,3}}?)"
                         rf"(?P<part>(?!{_NOT_PARTS}\b)[a-z][\w-]{{2,}}s)\b,?\s+which\b(?:\s+[\w-]+){{0,7}}?\s+"
                         rf"(?P<sup>{_SUPERLATIVE}|biggest|largest|smallest|greatest|fastest|slowest|cheapest|most|"
                         rf"least)\b", re.I)


def unranked_part(question: str, text: str) -> str:
    """"which domain is hardest" when no sentence of `text` ranks its parts (a sentence with a part word and a
    superlative: "models struggle most with the networking domain"); "" otherwise."""
    match = _PART_RANKED.search(question) or _COUNTED_PART.search(question) or _AMONG_PART.search(question)
    if match is None:
        return ""
    part = match["part"].lower()
    stem = part[:-1] if part.endswith("y") else re.sub(r"(?<=[^s])s$", "", part)
    # Any word of the parts counted names them: "the 4 context types" are ranked by "the largest gain came from the
    # process context".
    stems = [stem, *(w for w in (match.groupdict().get("said") or "").split() if len(w) > 3)]
    if any(re.search(rf"\b{re.escape(w)}", s, re.I) and _RANKING.search(s) for s in split_sentences(text)
           for w in stems):
        return ""
    if match.re is _COUNTED_PART:
        return match.group(0)
    if match.re is _AMONG_PART:
        return f"which of the {match['said']}{part} is {match['sup'].lower()}"
    return f"which {part} is {match['sup'].lower()}"


# A count the question gives of something an abstract counts too ("UGMathBench evaluated 60 LLMs" of "23 leading
# LLMs"): a question built on another paper's count (BigCodeBench's 60) is not answered with this paper's.
# Settings ("with 128 samples") are unmet_setting's.
_COUNTED = re.compile(rf"(?<![\w.@])(?P<n>\d[\d,]*)\s+(?:[a-z][\w-]*\s+)??(?P<noun>(?!(?:{AUX_WORD}|samples|tries|"
                      r"attempts|generations|shots)\b)[A-Za-z][\w-]*s)\b")


def contradicted_count(question: str, text: str) -> str:
    """A count in the question that `text` gives otherwise ("60 LLMs" where it says "23 leading LLMs"), or ""; a
    count `text` does not give at all is no contradiction, nor is one it writes anywhere ("974 programming tasks"
    for "the 974 problems")."""
    written = read(text).values
    # "the draft says 'about 1,000 users': exactly how many?": a count the asker only guesses at is theirs to check.
    guessed = {f.end for f in read(question).figures if f.bound == "~"} if asks_for_figure(question) else set()
    for asked in _COUNTED.finditer(question):
        if any(abs(v - w) < 1e-9 for v in read(asked.group(0)).values for w in written) or \
                asked.end("n") in guessed:
            continue
        value = asked["n"].replace(",", "")
        said = [m["n"].replace(",", "") for m in re.finditer(rf"(?<![\w.])(?P<n>\d[\d,]*)\s+(?:[\w-]+\s+){{0,2}}?"
                                                             rf"{re.escape(asked['noun'])}\b", text, re.I)]
        if said and value not in said:
            return asked.group(0)
    return ""


# A word pointing at what came before ("which methods do they use", "which other papers try that?"); a topic said
# before its list question uses "that" as a relative pronoun instead ("work that applies RL"), so there it is none.
# "either ... or" joins alternatives; "either of them" points.
_POINTING = r"they|them|their|it|its|these|those|this|both|either(?![^?.]*\bor\b)|each"
# "that" points when it ends the clause or stands for a thing ("which papers try that approach?"); "proofs that
# get checked by Lean" is a relative clause.
_POINTING_THAT = (r"\bthat\b(?=\s*(?:[?.!,;)]|$|(?:one|ones|approach|method|idea|technique|trick|model|paper|work|"
                  r"benchmark|dataset|setting|task|kind|too|also|as\s+well)\b))")
REFERS_BACK = re.compile(rf"\b(?:{_POINTING})\b|{_POINTING_THAT}", re.I)
TOPIC_REFERS_BACK = re.compile(rf"\b(?:{_POINTING})\b", re.I)
