"""What a "how many / how long" question counts, and how a sentence counts it.

"How many lemmas" is answered by "1,329 lemmas", "how many models" by "60 LLMs", "which has more items" by "3,400
test cases"; "how long does it take to train" by a time of training, not "10s of seconds" of prompt processing. A
figure next to another unit ("a task success rate of 14%") counts nothing asked.
"""

from __future__ import annotations

import re

from rag.text.clippings import CLIPPINGS
from rag.text.numbers import AMOUNT

# Words closing a "how many X ..." question that are no part of X: "how many samples each", "how many overall".
_NOT_UNIT = frozenset({"each", "both", "overall", "altogether", "total", "all", "respectively", "apiece", "inside",
                       "there", "here", "exactly", "precisely", "roughly", "approximately", "about", "again",
                       # "the raw counts", "the actual numbers": how a figure is given, not what it counts
                       "raw", "actual", "absolute", "exact",
                       # "how many LLMs they evaluated": the subject after the unit
                       "they", "it", "we", "you", "he", "she", "the", "this", "that", "these", "those"})
# The auxiliary verbs a question is built with: "how many did each test?" names no unit by them.
AUX_WORD = r"do|does|did|are|is|were|was|can|could|has|have|had|will|would"
# "how many X does ...", "how long": the unit the figure must count; a word from the question, or time for "how long".
# A participle ends the unit where it ends the question or a preposition follows ("how many layers skipped", "how
# many problems solved by STP"), not inside it ("how many manually curated problems").
_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+the\s+)?(?P<unit>(?:[\w-]+\s+){0,3}?[\w/-]+?)(?:\s+"
                       # an adverb before the verb ends it too: "how many people actually used Code4Me"
                       rf"(?:{AUX_WORD}|actually|really|ever|even|still|also|just|successfully|in|into|on|per|got|get|gets|been|being|took|take|takes|went|go|goes|used|"
                       r"(?!(?:need|speed|seed|feed)\b)[a-z]+ed(?=\s*(?:[?.!]|$)|\s+(?:by|in|on|for|per|with|from)\b))\b|"
                       r"\s*[?.!]*$)", re.I)
# A unit the abstracts count in other words: "how many models" is answered by "60 LLMs".
_UNIT_FORMS = {**dict.fromkeys(["model", "llm", "lm"], r"(?:model|LLM|LM|language model)"),
               # A benchmark's items, by whatever it calls them: "1,140 fine-grained tasks" answers "more problems".
               # "the most tasks": "1.2K samples" (not "problems": "46.3% with 64 samples" is a budget, no problems).
               "problem": r"(?:problem|task|question|exercise)", "task": r"(?:task|problem|sample|instance|test case)",
               # "how many of the test puzzles does Codex solve": P3 counts its puzzles as "397 test problems".
               "puzzl": r"(?:puzzle|problem)",
               # People, by whatever role the study gives them: "how many developers used it" is "1200 users".
               **dict.fromkeys(["people", "person", "user", "developer", "participant", "programmer", "annotator",
                                "human", "engineer", "student"],
                               r"(?:people|person|user|developer|participant|programmer|annotator|human|engineer|"
                               r"student)"),
               # "how many kinds of context did they try?": "8 types of contexts".
               **dict.fromkeys(["kind", "type", "sort", "varieti"], r"(?:kind|type|sort|variet)")}
# "Which is bigger in parameter count?", "the number of lemmas", "number of tasks in MBPP?": a count of that unit.
# "OMPGPT param count?": a count asked in two words.
_COUNT_OF = re.compile(r"\b(?:in|by) (?:the )?(?P<unit>[\w-]+) counts?\b|"
                       r"(?:^|[?:;!]\s*|\b(?:the|what|which|larger|smaller|greater|higher|lower|bigger)\s+)"
                       r"(?:(?:total|overall|exact|final)\s+)?number of (?P<unit2>[\w-]+)\b|"
                       r"\b(?:the|its|their|what(?:'s|’s|s)?)\s+(?:(?:total|overall|exact)\s+)?(?P<unit3>[a-z][\w-]*)"
                       r"\s+counts?\b|"
                       r"(?:^(?:[\w.+-]+(?:['’]s)?\s+)?|(?<![\w-])(?-i:[A-Z])[\w.+-]*(?:['’]s)?\s+)"
                       r"(?:(?:total|overall|exact)\s+)?(?P<unit4>(?-i:[a-z])[\w-]*)\s+counts?\s*(?:[?.;:]|$)|"
                       # "MPIrigen: parameter count of the base model?": the ask opens with it.
                       r"(?:^|[:;?!]\s+)(?:(?:total|overall|exact)\s+)?(?P<unit5>[a-z][\w-]*)\s+counts?\s+(?:of|for)\b",
                       re.I)  # not "a number of edge devices"; "whats the parameter count of OMPGPT"
# What a dataset or benchmark is counted in, whatever it calls them: "more synthetic (training) examples" asks a
# count of them with words between (not "more diverse programs", "more rigorous tests").
_ITEM_NOUNS = r"(?:examples|samples|problems|tasks|questions|instances|pairs|statements|proofs|lemmas|theorems|items)"
# "Which benchmark has more items / problems?": a count of them is asked.
_MORE_OF = re.compile(r"\b(?:which|who)\b.*?\b(?:more|fewer|most|fewest)\s+(?:(?P<unit>(?![\w-]*(?:ous|ss|is|us)\b)"
                      r"[a-z][\w-]*s)|(?:[a-z][\w-]+\s+){1,2}(?P<items>"
                      rf"{_ITEM_NOUNS}))\b", re.I)  # a plural noun, not "more rigorous"
# What a benchmark counts: "how many ProofNet problems does it solve" may be answered by a share ("23.1%").
_ITEMS = {"problem", "task", "question", "exercise", "theorem", "statement", "puzzl", "issue", "test", "case"}
# Units that stand for whatever a benchmark or dataset counts: "3,400 test cases", "5,062 problems" count items.
_ANY_UNIT = {"item", "exampl", "instanc", "entri", "sampl", "element", "point", "thing"}  # as stemmed below
# Plural nouns a count of items is not: "evaluated on 7 code generation benchmarks", "over 30 mainstream LLMs".
# Nor what a benchmark's items are drawn from or grouped by: "139 libraries and 7 domains for 1,140 ... tasks".
_NOT_ITEMS = (r"benchmarks|datasets|models|LLMs|LMs|languages|baselines|times|years|versions|domains|areas|subfields|"
              r"libraries|packages|APIs|tools|subjects|topics|categories")
# Only a duration asked ("how long does X take"): "how long is the context window" wants a length, not a time.
_HOW_LONG = re.compile(r"\bhow long\s+(?:does|do|did|would|will|should)\b.*\b(?:take|takes|took|last|run|train)\b",
                       re.I)
_TIME = r"\d[\d,.]*\s*(?:ms|s|sec\w*|min\w*|h|hrs?|hours?|days?|weeks?|months?|years?)\b"
# "How many problems does REFUTE contain / are in it": its size, which a share ("48% of these problems") is not.
# Not "how many failures were in the X category": that counts a part, which a share does answer.
_SIZE_ASKED = re.compile(r"\b(?:contain\w*|includ\w*|compris\w*|consist\w*|in total)\b|"
                         r"\b(?:does|do|did)\s+(?:the\s+)?(?-i:[A-Z])[\w.+-]*(?:\s+(?:benchmark|dataset))?\s+"
                         r"(?:have|hold)\b|"  # "how many questions does CS-Bench have"

                         # "how many problems are in REFUTE (currently)?": its size; not "in the X category"
                         r"\b(?:are|is)\s+(?:there\s+)?in\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.+-]*|it)"
                         r"(?:\s+(?:benchmark|dataset|suite|test\s+set|corpus))?(?:\s+(?:currently|(?:right\s+)?now|today|"
                         r"overall))?\s*(?:[?.!]*$|[,;]?\s+and\s+(?:how|what|which)\b)", re.I)  # or a second ask
# A dataset's splits, by their words: a count of one split is no total, and "miniF2F-valid" is no plain word hyphened
# on (naming.states_name).
SPLITS = ("test", "training", "train", "dev", "validation", "valid", "val", "held-out")
_WHOLE = re.compile(r"\b(?:in total|total|full|whole|entire|all told|altogether)\b", re.I)


class Unit:
    """What a "how many / how long" figure must be about, as a pattern a sentence must match."""

    def __init__(self, pattern: str, text: str, word: str, counts: bool = True, also: str = "",
                 counts_items: bool = False, given: frozenset[str] = frozenset()) -> None:
        self.counts = counts  # "how many": a number next to the word counts it
        # Numbers the question itself states ("how many of the 974 tasks are in the test split?"): the abstract
        # saying 974 again answers nothing.
        self.given = given
        self.counts_items = counts_items  # a benchmark's items ("problems", "tasks"), which a share may count
        self.pattern = re.compile(pattern, re.I)
        self.also = re.compile(also, re.I) if also else None  # anywhere in the sentence too (the asked verb)
        self.label = text  # how the refusal names it: "parameters", "how long it takes"
        self.word = re.compile(word, re.I)

    def search(self, sentence: str) -> bool:
        return self.count_in(sentence) is not None and (self.also is None or bool(self.also.search(sentence)))

    def count_in(self, sentence: str) -> re.Match[str] | None:
        """The first count of the unit in the sentence that is no number the question gave ("Solver 60 proves 420
        lemmas": 420 for "how many lemmas does Solver 60 prove?")."""
        at = 0
        while (match := self.pattern.search(sentence, at)) is not None:
            if _number_of(match.group(0)) not in self.given:
                return match
            at = match.start() + 1
        return None

    def used_in(self, text: str) -> bool:
        return bool(self.word.search(text))


def _number_of(text: str) -> str:
    """The first number written in digits, without its separators ("1,329 lemmas": "1329"), or ""."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return match[0].replace(",", "") if match else ""


def _given(question: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in re.findall(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.]*[%])", question)
                     if len(n.replace(",", "")) >= 2)


def _items(label: str) -> Unit:
    """A count of whatever a dataset holds: a number in digits before a plural noun, a few words between ("1.2K
    samples", "116 Python code completion problems", "8 million formal statements", "around 32K top-level F*
    definitions", "7B parameters"); not "(1) Existing PRMs", "0.9 accuracy for argument predictions",
    "DotaMath-deepseek-7B showcases", "Version 2 of the dataset is public", nor "7 code generation benchmarks"; "70+
    Minecraft tasks" is at least that many."""
    return Unit(r"(?<![\w(.,-])\d[\d,]*(?:(?:\.\d+)?[KkMB]|(?![\d.,]))\+?(?![\w)%])\s+(?:[\w*+-]+\s+){0,3}?"
                rf"(?!(?:is|was|has|does|this|thus|its|less|as|us|{_NOT_ITEMS})\b)[A-Za-z][\w-]*s\b",
                label, r"\w", counts_items=True)


# "How big is each?", "the size of the proof datasets", "which is larger": a size, which a count of items gives.
_SIZE = re.compile(r"\bhow (?:big|large)\b|\bsizes?\b|\b(?:bigger|larger|biggest|largest)\b(?!\s+(?:gain|improvement|"
                   r"drop|gap|margin|boost|speed-?up|model|LLM|LM)s?\b)", re.I)


SIZE = "size"  # the label of a size asked without a unit
# What "the larger one" may be besides a size: "speedups: A vs B - which reports the larger one?".
_MEASURED = re.compile(r"\b(?:speed-?ups?|gains?|improvements?|accurac(?:y|ies)|scores?|success\s+rates?)\b", re.I)


def size_unit(question: str) -> Unit | None:
    """A count of items when the question asks how big something is, naming no unit; None otherwise."""
    return _items(SIZE) if counted_unit(question) is None and _SIZE.search(question) and \
        not _MEASURED.search(question) else None


def unit_form(word: str) -> str:
    """What a counted plural noun is written as in a count ("LLMs": "model", "LLM", "LM" ...), as a pattern."""
    stem = re.sub(r"(?:es|s)$", "", word) if len(word) > 4 else word.rstrip("s")
    return _UNIT_FORMS.get(stem.lower(), re.escape(stem))


def _stem(word: str) -> str:
    return re.sub(r"(?:es|s)$", "", word) if len(word) > 4 else word.rstrip("s")


# Money counted by its unit's name, and how an amount of it is written.
_MONEY = frozenset({"dollar", "usd", "buck", "cent"})
_MONEY_AMOUNT = r"\$\s*\d|\d[\d,.]*\s*(?:USD|dollars?|cents?)\b"
_ASK_WORDS = frozenset({"what", "which", "how", "who", "where", "when", "why", "whats"})
_MORE = frozenset({"more", "fewer", "extra", "additional", "new", "other"})


def _ends_unit(words: list[str], i: int) -> bool:
    """Whether the counted unit ends before words[i]: an ask word, "and"/"or" before one ("samples and what do they
    call ..."), or a name after a unit said in full ("libraries BigCodeBench cover"; not "more SV-COMP problems")."""
    word = words[i].lower()
    if word in _ASK_WORDS or word in ("it", "they", "we", "you", "he", "she"):
        return True  # "how many problems it proved": a subject starts the clause after the unit
    if word in ("and", "or", "but"):
        return i + 1 < len(words) and words[i + 1].lower() in _ASK_WORDS
    return bool(re.search(r"[A-Z]", words[i])) and words[0].lower() not in _MORE


# "what's the n for the user study?": how many people took part.
_STUDY_N = re.compile(r"\bwhat(?:['’]s|\s+is|\s+was)\s+(?:the\s+|their\s+)?n\b(?!-)", re.I)


def counted_unit(question: str) -> Unit | None:
    """"How many GPUs ...": GPUs (matched by its stem, "GPU"); "How long ...": a time; None for other questions."""
    if _STUDY_N.search(question) and not (_HOW_MANY.search(question) or _COUNT_OF.search(question)):
        return counted_unit("how many people took part?")
    if match := _HOW_MANY.search(question) or _COUNT_OF.search(question) or _MORE_OF.search(question):
        words = next(unit for unit in match.groups() if unit).split()
        # Typed without its verb ("how many libraries BigCodeBench cover", "how many samples and what ..."): the
        # unit ends before a name or the next clause.
        words = words[:next((i for i in range(1, len(words)) if _ends_unit(words, i)), len(words))]
        if words[-2:] == ["took", "part"] or words[-1:] == ["participated"]:
            words = ["people"]  # "how many took part?": people, by whatever role
        # "how many samples each"; "how many problems and in which language": the clause after it is another ask
        while len(words) > 1 and (words[-1].lower() in _NOT_UNIT or words[-1].lower() in ("and", "or", "but")):
            words.pop()
        # "how many did each test?", "how many each?", "how many already had proofs?": the unit was said before.
        if re.fullmatch(AUX_WORD, words[0], re.I) or words[0].lower() in _NOT_UNIT or (len(words) == 1 and re.fullmatch(
                r"already|still|only|actually|really|ever|now|currently|[a-z]{3,}ly", words[0])):
            # "more test items": the items, whatever word comes first
            before = re.search(rf"\b(?:most|more|fewest|fewer|number of)\s+(?!(?:than|on|in|at|of|for|by)\b)"
                               rf"(?:(?:[\w-]+\s+){{1,2}}"
                               rf"(?P<items>{_ITEM_NOUNS})\b|(?P<unit>[\w-]+))", question, re.I)
            if before is None:
                return None
            words = [before["items"] or before["unit"]]
        if "of" in words[1:]:  # "how many lines of code": lines are counted
            words = words[:words.index("of", 1)]
        # "how many libraries/versions": either counts; the first names it. "ppl" is "people".
        word, *others = (CLIPPINGS.get(w, w) for w in words[-1].split("/"))
        stem = _stem(word)
        if not re.search(r"[a-z]", stem, re.I) or stem.lower() in {"time", "times"}:
            return None
        if stem.lower() in _MONEY:
            # "cost per issue is how many dollar": an amount of money, written "$0.43" as often as "12 USD".
            return Unit(_MONEY_AMOUNT, word, _MONEY_AMOUNT, counts=False)
        # The number counts the unit: "1,329 lemmas", "7B-parameter", "425M lines", not "task success rate of 14%".
        label = f"the {word} count" if match.re is _COUNT_OF else word
        # "how many samples per problem": a budget of samples drawn, counted as samples, not any items of a dataset.
        if stem.lower() in _ANY_UNIT and not re.search(rf"\b{re.escape(word)}\s+(?:per|for\s+each)\s+[a-z]", question,
                                                        re.I):
            return _items(label)
        if stem.lower() in _ITEMS and not others and _SIZE_ASKED.search(question[match.start():]) and \
                not _WHOLE.search(question):
            # "How many questions are in CS-Bench?": its size in whatever it counts ("5K ... test samples").
            return _items(label)
        if others and any(_stem(w).lower() in _ITEMS for w in [word, *others]):
            return _items(label)  # "test cases/problems": whatever each benchmark counts ("5K test samples")
        form = "|".join(_UNIT_FORMS.get(st.lower(), re.escape(st)) for st in [stem, *map(_stem, others)] if st)
        form = f"(?:{form})"
        # A share counts them too ("47% of HumanEval task traces", "2 of these 20 problems"); a number in words
        # before "of" is a pronoun ("one of the tasks"); "two subsets of our problem set" counts subsets.
        whole = bool(_WHOLE.search(question))
        share = "" if whole or _SIZE_ASKED.search(question[match.start():]) else r"\s*%\s+of\b|"
        # "how many puzzles does P3 contain in total?": "397 test problems" counts one split, not the whole.
        # Not when the unit is a split's own ("how many test cases in total?": "3,400 test cases").
        split = rf"|(?:{'|'.join(SPLITS)})\b" if whole and not any(w.lower() in SPLITS for w in words) else ""
        return Unit(rf"{AMOUNT}(?:\+|{share}(?<=\d)|(?!\s+of\b))\s*(?:[KkMmBb]|thousand|million|billion)?[\s-]*"
                    rf"(?:(?!of\b|per\b{split})[\w*+#-]+\s+|of\s+(?:the\s+|these\s+|those\s+)?(?=\d)){{0,4}}?{form}",
                    label, rf"\b{form}", counts_items=stem.lower() in _ITEMS, given=_given(question))
    if _HOW_LONG.search(question):
        # "How long does it take to train X?": the time must be one of training ("10s of seconds" of prompt
        # processing is not), so the sentence has the asked verb in some form too.
        doing = re.search(r"\btakes?\s+(?:\w+\s+){0,2}?to\s+(?P<verb>[a-z]{3,})", question, re.I)
        verb = rf"\b{re.escape(doing['verb'].lower().rstrip('e'))}" if doing else ""
        return Unit(_TIME, "how long it takes", _TIME, counts=False, also=verb)
    return None


# Resources an abstract measures under their own word, and the stem it writes them with: "how much memory does it
# save?", "the energy consumption", "what context length": an abstract that never says memory gives no figure for
# it. A closed list: "how much gain / boost / greater" ask for a figure in any words.
_QUANTITIES = {"memory": "memor", "ram": r"ram\b", "vram": r"vram\b", "energy": "energ", "power": r"power\b",
               "electricity": "electric", "carbon": "carbon", "storage": "storage", "disk": "disk",
               "bandwidth": "bandwidth", "throughput": "throughput", "context": "context", "latency": "latenc",
               # Time spoken of in any way: "time", "faster", "speedup", "seconds".
               "time": r"(?:time|fast|speed|latenc|second|minute|hour)"}
_QUANTITY = "|".join(_QUANTITIES)
_HOW_MUCH = re.compile(rf"\bhow much\s+(?:gpu\s+)?(?P<noun>{_QUANTITY})\b|\bhow (?P<fast>fast|quick|quickly)\b|"
                       r"\b(?:wall[- ]?clock|running|run|solving)\s+(?P<noun3>time)\b|"
                       rf"\b(?P<noun2>{_QUANTITY})\s+(?:usage|use|footprint|consumption|overhead|savings?|length|"
                       r"window|requirements?|cost)\b", re.I)


def measured_quantity(question: str) -> str:
    """The resource a question asks a figure of ("memory", "context length"), or ""."""
    match = _HOW_MUCH.search(question)
    if match is None:
        return ""
    if match["fast"]:
        return "time"  # "how fast is X's completion": time, in any of its words
    return match["noun"] or match["noun3"] or match.group(0)  # "context length": as asked, checked by its first word


def names_quantity(text: str, quantity: str) -> bool:
    """Whether `text` speaks of the resource, in any form of its word ("memories", "energy-efficient")."""
    stem = _QUANTITIES[quantity.split()[0].lower()]
    return bool(re.search(rf"\b{stem}", text, re.I))


# Metrics written in plain words, which no name check sees: "how much exact-match accuracy do they lose" asks a
# figure an abstract that never says exact match (or EM) does not give.
# The acronyms are matched in capitals only: "EM" is exact match, "cryo-EM" and "the em algorithm" are not.
_METRICS = {"exact match": r"(?i:exact[\s-]*match)|(?<![\w-])EM(?![\w-])",
            "edit similarity": r"(?i:edit[\s-]*similarit)", "perplexity": r"(?i:perplexit)",
            "word error rate": r"(?i:word[\s-]*error)|(?<![\w-])WER(?![\w-])",
            # "top-1 accuracy" is no accuracy an abstract giving "MRR: 70.9%" for the same prediction states.
            "top-k accuracy": r"(?i:top[\s-]*(?:\d+|k)(?![\w-]))",
            "R^2": r"R\s*\^\s*2|R²|(?i:r-squared|coefficient of determination)"}
_METRIC = re.compile("|".join(rf"(?P<m{i}>{pattern})" for i, pattern in enumerate(_METRICS.values())))


def named_metric(question: str) -> str:
    """The metric in plain words a question names ("exact match"), or "" (`asks.asked_metric`: one asked a figure
    of)."""
    match = _METRIC.search(question)
    return list(_METRICS)[int(match.lastgroup[1:])] if match is not None and match.lastgroup else ""


def names_metric(text: str, metric: str) -> bool:
    """Whether `text` speaks of the metric: an abstract that never does gives no figure of it."""
    return bool(re.search(_METRICS[metric], text))


# "TTFT in milliseconds", "memory in GB", "cost in USD": the figure asked is in that unit, written in its forms.
_MEASURE_FORMS = {"millisecond": r"ms|msec|milliseconds?", "ms": r"ms|msec|milliseconds?",
                  "second": r"s|secs?|seconds?", "sec": r"s|secs?|seconds?", "minute": r"mins?|minutes?",
                  "hour": r"h|hrs?|hours?", "gb": r"GB|gigabytes?|GiB", "gigabyte": r"GB|gigabytes?|GiB",
                  "mb": r"MB|megabytes?|MiB", "megabyte": r"MB|megabytes?|MiB", "usd": r"USD|\$|dollars?",
                  "dollar": r"USD|\$|dollars?", "flop": r"FLOPs?|FLOPS", "watt": r"W|watts?|kWh"}
_IN_UNIT = re.compile(r"\b(?:in|as)\s+(?P<unit>milliseconds?|ms|seconds?|secs?|minutes?|hours?|GB|gigabytes?|MB|"
                      r"megabytes?|USD|dollars?|FLOPs?|watts?)(?![\w-])", re.I)


def asked_unit(question: str) -> tuple[str, re.Pattern[str]] | None:
    """The unit a question asks its figure in ("TTFT in milliseconds"), and what a figure in it looks like (a
    number then the unit, or "$" before it), or None."""
    if (match := _IN_UNIT.search(question)) is None:
        return None
    word = match["unit"].lower()
    forms = _MEASURE_FORMS.get(word) or _MEASURE_FORMS.get(word.rstrip("s")) or re.escape(word)
    return match["unit"], re.compile(rf"\d[\d,.]*\s*(?:{forms})(?![\w-])|\$\s*\d", re.I)
