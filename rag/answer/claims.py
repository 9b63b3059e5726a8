"""What an abstract claims, for questions that ask more than it says: "why" it happened, "is it the first / the
largest ...", which ones of a set it only counts ("which 5 FIMO problems did it prove?"), the parts behind an average
it gives alone, and what came of something it only plans. A paper's abstract reports what was found; it gives a
reason only where it says one ("because it requires the syntactically correct source code"), a superlative only where
it claims one ("the first bilingual benchmark"), the members of a set only where it lists them. A question asking any
of these of an abstract that does not say it is answered by no sentence of it.
"""

from __future__ import annotations

import re

from rag.answer.units import unit_form
from rag.text.numbers import AMOUNT, number_value
from rag.text.sentences import split_sentences
from rag.text.tokens import STOPWORDS, tokenize

# "why do ...", "what makes X ...", "what's the mechanism", "how come", "what causes", "the reason for".
_ASKS_WHY = re.compile(r"\bwhy\b|\bwhat\s+makes\b|\bwhat(?:['’]s|\s+is)\s+the\s+(?:mechanism|reason|cause)\b|"
                       r"\bhow\s+come\b|\bwhat\s+caus\w*\b|\bthe\s+reasons?\s+(?:for|why|behind)\b", re.I)
# A sentence giving a reason: "because", "due to", "as a result", "attributed to", "stems from", "since it ...";
# not a result said as limited ("limited ability to trace execution"), which is what a "why" asks about.
_CAUSE = re.compile(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result|attribut\w*\s+to|caused\s+by|stems?\s+from|"
                    r"thanks\s+to|is\s+why|the\s+reasons?\b|lead(?:s|ing)?\s+to|led\s+to|result(?:s|ed|ing)?\s+"
                    r"(?:from|in)|since\s+(?:it|they|the|this|these|such|its|their)|driven\s+by|motivat\w+|"
                    # A purpose says why it was done: "To address this issue, we ...".
                    r"(?:in\s+order\s+)?to\s+(?:address|tackle|overcome|mitigate|alleviate|bridge|fill|solve|remedy)|"
                    r"so\s+that)\b", re.I)
# Words any sentence of a paper about models and code may share with the question: no sign it is about the same.
_COMMON = frozenset(tokenize("model models LLM LLMs language code paper method approach result results data task tasks "
                             "performance perform better work works help helps according authors"))
SHARED_WORDS = 2
# "Is UGMathBench the largest undergraduate math benchmark?", "is ENAMEL the first benchmark to ...".
_SUPERLATIVE_CLAIM = re.compile(r"^\s*(?:so\s+)?(?:is|was|are|were)\s+(?:.{1,60}?)\s+the\s+"
                                r"(?P<sup>first|largest|biggest|only|earliest|most\s+comprehensive|fastest|smallest)\b",
                                re.I)


# What a "why" asks the reason of: a result ("why do models do worse on recursion?", "what makes its outputs more
# diverse?"), not a design choice ("why does FunCoder split functions?"), which its motivation sentences answer
# however they word it ("to decrease the complexity").
_RESULT = re.compile(r"\b(?:better|worse|higher|lower|harder|easier|stronger|weaker|more|less|fewer|fail\w*|"
                     r"struggl\w*|outperform\w*|underperform\w*|generali[sz]\w*|succeed\w*|beat\w*|lose|loses|lost|"
                     r"drop\w*|degrad\w*)\b", re.I)


def _asked_words(question: str, own: set[str]) -> set[str]:
    """The stems of what a question asks about: its long words, less the paper's own names and words any sentence of
    such a paper may share."""
    return {t for t in tokenize(question) if len(t) >= 4 and t not in STOPWORDS} - own - _COMMON


def asks_why(question: str) -> bool:
    """Whether the question asks the reason for a result."""
    return bool(_ASKS_WHY.search(question)) and bool(_RESULT.search(question))


def unexplained(question: str, abstract: str, own: set[str]) -> bool:
    """Whether the question asks why, and no sentence of the abstract that shares two words with what it asks about
    gives a reason. `own`: the stems of the paper's own names, which every sentence of it may share."""
    if not asks_why(question):
        return False
    asked = _asked_words(question, own)
    if len(asked) < SHARED_WORDS:
        return False  # "why does PLANSEARCH help?": too little asked to tell which sentence would say why
    return not any(_CAUSE.search(s) and len(asked & set(tokenize(s))) >= SHARED_WORDS
                   for s in split_sentences(abstract))


def unclaimed_superlative(question: str, abstract: str) -> str:
    """The superlative a yes/no question asks the paper to be ("the largest") when its abstract never says it of
    anything, or ""."""
    match = _SUPERLATIVE_CLAIM.search(question)
    if match is None:
        return ""
    sup = " ".join(match["sup"].lower().split())
    said = r"\s+".join(sup.split())
    return "" if re.search(rf"\b{said}\b", abstract, re.I) else sup


# "which 5 FIMO problems did it prove?", "which two problems are they?", "which seven tasks": members of a counted set.
# "which were the other two code LMs it beat?": the rest of a counted set, one of which the question names.
_WHICH_COUNTED = re.compile(rf"\bwhich\s+(?:(?:were|are)\s+)?(?:(?:of\s+)?the\s+)?(?P<other>other\s+)?"
                            rf"(?P<n>{AMOUNT})\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>(?!others\b)[a-z]{{2,}}s)\b",
                            re.I)  # "which two others" counts none
_RANKED_AFTER = re.compile(r"[^?.;]*?\b(?:best|top|highest|lowest|worst|most|least|strongest|weakest|won|wins?|"
                           r"outperform\w*|beat\w*|leads?|led|first|last)\b", re.I)
# A list after the count names them: "seven tasks: A, B ...", "(A, B and C)", "two datasets, GSM8K and Game of 24",
# "such as", "including", "namely".
_LISTED_AFTER = re.compile(r"^[^.;]{0,40}?(?::|\(|\bsuch\s+as\b|\bincluding\b|\bnamely\b|\be\.g\.)|"
                           r"^\s*(?:,|—|-)\s*(?:the\s+)?[A-Z0-9]")


# "ugmathbench has 16 subjects - what are they?", "it evaluated twelve languages - can u list all 12?": the members of
# a counted set asked for by listing them.
_COUNTED_THEN_LISTED = re.compile(rf"\b(?P<n>{AMOUNT})\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>[a-z]{{2,}}s)\b.*?"
                                  r"(?:\bwhat\s+are\s+(?:they|those|these)\b|\b(?:list|name|enumerate)\s+"
                                  r"(?:them|those|these|all|every|each|the)\b|\bwhich\s+(?:ones|are\s+they)\b|"
                                  # "three code LMs - besides InCoder, which two?", "what are the other two?"
                                  rf"\bwhich\s+(?:other\s+)?{AMOUNT}(?:\s+others?)?\s*(?:[?.!]|$)|"
                                  rf"\bthe\s+other\s+{AMOUNT}\s*(?:[?.!]|$))",
                                  re.I)


def unnamed_members(question: str, abstract: str) -> str:
    """"5 problems" when the question asks which 5 problems and the abstract counts 5 of them without naming
    any; "" otherwise."""
    match = _WHICH_COUNTED.search(question) or _COUNTED_THEN_LISTED.search(question)
    if match is None or (match.re is _WHICH_COUNTED and not match["other"] and _RANKED_AFTER.match(question,
                                                                                                  match.end())):
        return ""  # "which of the 3 models came out best?": the one ranked first, not the members ("the other two")
    n, noun = number_value(match["n"]), match["noun"].lower()
    # "the other two" of "three code LMs": the count may hold the one named besides them.
    counts = {n, n + 1} if n is not None and match.re is _WHICH_COUNTED and match["other"] else {n}
    # Each count in the abstract with the noun a few words on (looked ahead, so "5,062 problems across 16 subjects"
    # finds the 16 too); what follows the noun may list them.
    counted = [m.end() + len(m["rest"]) for m in re.finditer(
        rf"(?P<n>{AMOUNT})(?=(?P<rest>\s+(?:(?:out\s+)?of\s+(?:these\s+|the\s+)?\d+\s+)?"
        rf"(?:[A-Za-z][\w-]*\s+){{0,4}}?(?:{re.escape(noun)}|{unit_form(noun)}s?)\b))", abstract, re.I)
        if number_value(m["n"]) in counts]  # "three code LMs" are "three public code language models"
    if not counted or any(_LISTED_AFTER.match(abstract[end:]) for end in counted):
        return ""
    return f"{match['n']} {match['noun']}"


# What an abstract only plans: "with additional versions planned for release", "we plan to", "left for future work".
_PLANNED = re.compile(r"\bplanned\b|\bwe\s+plan\s+to\b|\bplans?\s+to\b|\bfuture\s+work\b|\bin\s+the\s+future\b|"
                      r"\bwill\s+be\s+(?:released|added|extended)\b", re.I)
# A question asking what came of it: "how did X change once ...", "what was the result", "how much did it gain".
_OUTCOME = re.compile(r"\bhow\s+(?:did|does|do|much|many|well)\b|\bwhat\s+(?:was|were|did|happened)\b|"
                      r"\bwhat\s+[\w-]+\s+(?:do|does|did)\b|"
                      r"\bonce\b|\bafter\b|\bchang\w+\b|\bresults?\b", re.I)


# The question asks of what is to come: "once the fourth version was added", "the extra versions", "after ...".
_BEYOND = re.compile(r"\b(?:extra|additional|further|next|later|future|beyond|once|fourth|fifth|upcoming)\b", re.I)


def only_planned(question: str, abstract: str, own: set[str]) -> str:
    """The abstract's sentence that only plans what the question asks the outcome of (sharing two of its words
    besides the paper's names), or "": "how many versions does each problem have?" asks what that sentence states."""
    if not (_OUTCOME.search(question) and _BEYOND.search(question)):
        return ""
    asked = _asked_words(question, own)
    return next((s for s in split_sentences(abstract)
                 if _PLANNED.search(s) and len(asked & set(tokenize(s))) >= SHARED_WORDS), "")


# "what are the individual benchmark scores behind that avg?", "the per-benchmark breakdown of its 80.1% average".
_BREAKDOWN = re.compile(r"\b(?:individual|per[- ][a-z]+|breakdown|broken\s+down|separate|each\s+(?:benchmark|task|"
                        r"dataset|domain|language))\b", re.I)
# A figure's rate, no breakdown: "an avg cost of $0.43 per issue", "12 tokens per second".
_RATE = re.compile(r"[\d$][\d.,]*\s*(?:[A-Za-z]+\s+)?per\s+[a-z]+", re.I)
_AVERAGE = re.compile(r"\b(?:avg|average|averages|averaged|mean|overall|aggregate)\b", re.I)


def averaged_only(question: str, abstract: str) -> str:
    """The sentence giving the average a question asks the breakdown of, when it states no other result, or ""."""
    from rag.text.numbers import read

    if not (_BREAKDOWN.search(_RATE.sub(" ", question)) and _AVERAGE.search(question)):
        return ""
    asked = {f.value for f in read(question).figures if not f.in_name}
    for sentence in split_sentences(abstract):
        figures = [f for f in read(sentence).figures if not f.in_name]
        # Other results beside it are the parts ("55.0% on A"); a count is none ("over eight benchmarks").
        parts = [f for f in figures if f.value not in asked and (f.percent or "." in f.text)]
        if _AVERAGE.search(sentence) and any(f.value in asked for f in figures) and not parts:
            return sentence
    return ""


# "of the 3 extra problems, how many are from IMO 2023 vs 2022?": a count asked for each of two parts.
_COUNT_EACH = re.compile(r"\bhow\s+many\b.*?(?P<a>[\w.-]+)\s+(?:vs\.?|versus)\s+(?P<b>[\w.-]+)\s*[?.!]*$", re.I)


def pooled_count(question: str, abstract: str) -> str:
    """The two parts ("2023 and 2022") when a question asks how many of something each has and the abstract names
    them only together ("3 extra problems from IMO 2022 and 2023"), with no count beside either alone; else ""."""
    match = _COUNT_EACH.search(question)
    if match is None:
        return ""
    a, b = re.escape(match["a"]), re.escape(match["b"])
    joined = r"(?:\s*,\s*|\s+(?:and|&)\s+|\s*/\s*)"
    together = [rf"(?<![\w-]){x}{joined}(?:[\w-]+\s+)?{y}(?![\w-])" for x, y in ((a, b), (b, a))]
    if not re.search("|".join(together), abstract, re.I):
        return ""
    # A count of one part alone: "2 from 2023", "2023: 2 problems", "two of them from 2023" (not joined to the other).
    for part in (a, b):
        alone = rf"{AMOUNT}\s+(?:[\w-]+\s+){{0,3}}?(?:from|in|of|on)\s+(?:[\w-]+\s+)?{part}(?!{joined}|[\w-])|" \
                rf"(?<![\w-]){part}\s*[:(]\s*{AMOUNT}"
        if re.search(alone, abstract, re.I):
            return ""
    return f"{match['a']} and {match['b']}"
