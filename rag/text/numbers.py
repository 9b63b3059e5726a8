"""Numbers as a reader reads them: "1,000", "28.8 %", "eighty-one percent", "7B", "18% of 397 test problems",
"none of the 397", each figure with the condition it was measured under ("with a single try", "pass@1",
"5-shot") and the bound it is given with ("over 99.9%").

The verifier holds a generated sentence's figures to the cited text's and a list question's figure is looked up
in the abstracts, so both must read numbers the same way; this module is that one way. A condition binds to a
figure of its own sentence only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from rag.text.sentences import split_sentences

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
SPELLED_WORD = rf"(?:{_WORD})"  # one word of a number written out ("sixty", "hundred")
_SPELLED = rf"(?:(?:a|one)\s+(?=(?:{'|'.join(_SCALES)})\b))?(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD})\b)*"
_DIGITS = r"(?<![\w.@^])(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(?:\.\d+)?"  # not an exponent ("e^2")
# A number as a regex, in digits or words ("1,329", "fourteen"): for patterns that count something ("N tasks").
AMOUNT = rf"(?:{_DIGITS}|\b(?:{_SPELLED})\b)"
_NUMBER = re.compile(
    rf"(?P<digits>{_DIGITS})(?P<suffix>\s*(?:{'|'.join(_SCALES)})\b|[KMB](?!\w))?|"
    rf"\b(?P<words>{_SPELLED})\b", re.I)
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.I)
_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9}
_BOUNDS = [
    (">=", r"at\s+least|no\s+(?:less|fewer)\s+than|>=|≥"),
    ("<=", r"at\s+most|up\s+to|no\s+more\s+than|<=|≤"),
    (">", r"over|above|more\s+than|greater\s+than|higher\s+than|exceed(?:s|ed|ing)?|beyond|in\s+excess\s+of|>"),
    ("<", r"under|below|less\s+than|fewer\s+than|lower\s+than|<"),
    ("~", r"about|around|approximately|roughly|nearly|almost|~|≈"),
]
_BOUND_AFTER = re.compile(r"(?:(?P<more>\+(?![\w+])|\s+or\s+(?:more|above|greater|higher)\b)|"
                          r"\s+or\s+(?:fewer|less|below|lower)\b)", re.I)
_BOUND = re.compile("|".join(rf"(?P<b{i}>(?<!\w)(?:{words})\s*$)" for i, (_, words) in enumerate(_BOUNDS)), re.I)
_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?", re.I)
_OF_THE = re.compile(r"\s+(?:out\s+)?of\s+(?:all\s+)?(?:the|these|those)(?=\s)", re.I)
_NONE_ALL = re.compile(r"\b(?:(?P<none>none)\s+of|(?<!of\s)(?P<all>all)(?:\s+of)?)\s+(?:the\s+|these\s+|those\s+)?"
                       r"(?=\d|[a-z])", re.I)
_NOUN = re.compile(r"\s+(?P<noun>(?:(?!(?:with|and|or|in|on|of|at|by|for|to|per|from|using|than|that|which)\b)"
                   r"[a-z-]+\s*){1,3})", re.I)
# Conditions a figure is measured under. Attempts need a preposition ("with 100 samples"), so "a dataset of
# 200 samples" is not read as a number of attempts; "generations" and "completions" are left out, since "on 7
# code generation tasks" and "code completions" are what the abstracts mean by them.
_COUNT = rf"(?:a\s+single|single|the\s+first|{_DIGITS}|{_SPELLED})"
_ATTEMPTS = re.compile(
    rf"\b(?:with|using|at|in|from|given|after|within|under|on|for|over|by)\s+(?:only\s+|just\s+|up\s+to\s+|"
    rf"as\s+(?:few|many)\s+as\s+)?(?P<count>{_COUNT})\s+(?:[a-z]+\s+)?"
    r"(?:tries|try|attempts?|samples?|submissions?|candidates?)\b"
    r"(?:\s+per\s+(?:problem|task|question|puzzle|instance|example))?", re.I)
_PASS_AT = re.compile(r"\bpass\s*@\s*(?P<count>\d+|k)\b", re.I)
_SHOTS = re.compile(rf"\b(?P<count>few|{_DIGITS}|{_SPELLED})[\s-]shots?\b", re.I)
_CONDITIONS = (("attempts", _ATTEMPTS), ("attempts", _PASS_AT), ("shots", _SHOTS))
# A noun a count was written with ("problems"), to that count and the words it was written in ("397 test problems").
Counted = dict[str, tuple[float, str]]
# What ends the clause a figure was given in: a condition after it belongs to the next figure.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|while|whereas|but|versus|vs)\b", re.I)


@dataclass(frozen=True)
class Condition:
    """What a figure was measured under. Only a count of the same kind can disagree: "a single try" against
    "1,000 tries", never a try against a shot."""

    kind: str  # attempts | shots
    count: float | None  # None: left open ("pass@k", "few-shot")
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Figure:
    value: float
    text: str  # the number as written: "eighty-one", "1,000", "none"
    phrase: str = ""  # the whole figure as written: "up to 18% of 397", "none of the 397"
    percent: bool = False
    total: float | None = None  # what it is a count or share of: "18% of 397" -> 397
    total_from: str = ""  # the earlier count a total was taken from ("80% of the problems": "397 test problems")
    implied: bool = False  # "none of" / "all": a count the words imply, not a number written
    bound: str = ""  # ">", ">=", "<", "<=", "~": "over 99.9%"
    in_name: bool = False  # the 4 of "GPT-4": part of a name, not a result
    conditions: tuple[Condition, ...] = ()
    start: int = 0
    end: int = 0

    def condition(self, kind: str) -> Condition | None:
        return next((c for c in self.conditions if c.kind == kind), None)

    @property
    def share(self) -> float | None:
        """The figure as a percentage of its total: "71 of 397" and "18% of 397" are nearly the same claim."""
        if self.total is None:
            return None
        if self.percent:
            return self.value
        return 100 * self.value / self.total if self.total else None

    def comparable(self, other: Figure) -> bool:
        """Measured under conditions that do not differ; either may leave a condition unsaid."""
        for mine in self.conditions:
            theirs = other.condition(mine.kind)
            if theirs is not None and None not in (mine.count, theirs.count) and not same(mine.count, theirs.count):
                return False
        return True

    def meets(self, stated: Figure) -> bool:
        """Whether `stated` is a figure this one asks for: "over 99.9%" is met by 99.95%, not by 99.9% nor by a
        count of 99.95."""
        if self.percent != stated.percent or not self.comparable(stated):
            return False
        asked, value = self.value, stated.value
        if self.bound == "~":
            return abs(value - asked) <= max(0.5, 0.02 * abs(asked))
        return {">": value > asked, ">=": value >= asked, "<": value < asked, "<=": value <= asked}.get(
            self.bound, same(value, asked))


@dataclass
class Reading:
    figures: list[Figure] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)

    @cached_property
    def values(self) -> set[float]:
        """Every number the text writes: figures, what they are counts of, and the counts of conditions."""
        written = {_key(f.value) for f in self.figures if not f.implied}
        written |= {_key(f.total) for f in self.figures if f.total is not None}
        return written | {_key(c.count) for c in self.conditions if c.count is not None}

    def writes(self, value: float) -> bool:
        return _key(value) in self.values


def same(a: float, b: float) -> bool:
    return _key(a) == _key(b)


def read(text: str) -> Reading:
    """The figures and conditions of `text`, sentence by sentence. "80% of the problems" after "397 test
    problems" is a share of 397, as a reader takes it."""
    reading = Reading()
    counted: Counted = {}
    offset = 0
    for sentence in split_sentences(text):
        offset = max(text.find(sentence, offset), offset)
        figures, conditions = _read_sentence(sentence, counted)
        reading.figures += [replace(f, start=f.start + offset, end=f.end + offset) for f in figures]
        reading.conditions += [replace(c, start=c.start + offset, end=c.end + offset) for c in conditions]
        offset += len(sentence)
    return reading


def number_value(text: str) -> float | None:
    """One number as written ("1,000", "eighty-one", "7B", "a single"), or None when it is not one."""
    match = _NUMBER.fullmatch(text.strip())
    if match:
        return _value(match)
    return 1.0 if re.fullmatch(r"a\s+single|single|the\s+first", text.strip(), re.I) else None


def plain(value: float) -> str:
    """A value as a reader writes it back: 1000, 28.8, 7000000000."""
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def _read_sentence(sentence: str, counted: Counted) -> tuple[list[Figure], list[Condition]]:
    conditions = _conditions(sentence)
    taken = [(c.start, c.end) for c in conditions]
    numbers = [m for m in _NUMBER.finditer(sentence)
               if not any(s <= m.start() < e for s, e in taken) and _value(m) is not None]
    totals: set[int] = set()  # starts of numbers read as what another number is a count or share of
    figures = _none_or_all(sentence, numbers, totals, counted)
    for i, match in enumerate(numbers):
        figure = None if match.start() in totals else _figure(sentence, match)
        if figure is None:
            continue
        after = numbers[i + 1] if i + 1 < len(numbers) else None
        joint = _OF.match(sentence, figure.end)
        of_the = _OF_THE.match(sentence, figure.end)
        noun = _NOUN.match(sentence, of_the.end()) if of_the else None
        if joint and after is not None and joint.end() == after.start():  # "18% of 397", "12 out of 20"
            totals.add(after.start())
            figure = _with_total(sentence, figure, after, counted)
        elif noun and _head(noun.group("noun")) in counted:  # "80% of the problems" after "397 test problems"
            head = _head(noun.group("noun"))
            figure = replace(figure, total=counted[head][0], total_from=counted[head][1])
        elif not figure.percent:
            _count(sentence, figure.start, figure.end, figure.value, counted)
        figures.append(figure)
    figures.sort(key=lambda f: f.start)
    return _bind(sentence, figures, conditions), conditions


# Where an item's number in a list written inline ("1) planning") may stand: opening the sentence or a clause.
_AFTER_CLAUSE = re.compile(r"(?:^|[:;,]|\band)\s*$")


def _figure(sentence: str, match: re.Match[str]) -> Figure | None:
    value = _value(match)
    if value is None:
        return None
    end = match.end()
    percent = _PERCENT.match(sentence, end)
    if percent:
        end = percent.end()
    elif match.group("words") and match.group("words").lower() == "one":
        return None  # "one of the first", "one approach": a pronoun or an article far more often than a count
    elif re.fullmatch(r"[1-9]\)", sentence[match.start():end + 1]) and (
            sentence[max(0, match.start() - 1):match.start()] == "(" or _AFTER_CLAUSE.search(sentence[:match.start()])):
        return None  # "(2) The best open-source model ...", "two challenges: 1) planning ...": a place in a list
    start, bound = match.start(), ""
    head = sentence[max(0, start - 30):start]
    before = _BOUND.search(head)
    if before:
        bound = _BOUNDS[int(next(k for k, v in before.groupdict().items() if v)[1:])][0]
        start -= len(head) - before.start()
    elif after := _BOUND_AFTER.match(sentence, end):  # "20+ LLMs", "20 or more models"
        bound = ">=" if after["more"] else "<="
        end = after.end()
    # "GPT-4"; "Eurus-2-7B-PRIME", a name going on after it.
    in_name = bool(re.fullmatch(r"[A-Za-z]-", sentence[max(0, match.start() - 2):match.start()]) or
                   (re.fullmatch(r"\w-", sentence[max(0, match.start() - 2):match.start()]) and
                   re.match(r"-[A-Z]", sentence[match.end():match.end() + 2])))
    return Figure(value=value, text=match.group(0).strip(), phrase=sentence[start:end], percent=bool(percent),
                  bound=bound, in_name=in_name, start=start, end=end)


def _with_total(sentence: str, figure: Figure, total: re.Match[str], counted: Counted) -> Figure:
    value = _value(total)
    _count(sentence, total.start(), total.end(), value, counted)
    return replace(figure, total=value, end=total.end(), phrase=sentence[figure.start:total.end()])


def _none_or_all(sentence: str, numbers: list[re.Match[str]], totals: set[int],
                 counted: Counted) -> list[Figure]:
    """"none of the 397" is 0 of 397 and "all 397" is 397 of 397: counts the words imply."""
    found = []
    by_start = {m.start(): m for m in numbers}
    for match in _NONE_ALL.finditer(sentence):
        number = by_start.get(match.end())
        value = _value(number) if number is not None else None
        if number is None or value is None:
            continue
        totals.add(number.start())
        _count(sentence, number.start(), number.end(), value, counted)
        found.append(Figure(value=0.0 if match.group("none") else value, text=match.group("none") or match.group("all"),
                            phrase=sentence[match.start():number.end()], total=value, implied=True,
                            start=match.start(), end=number.end()))
    return found


def _conditions(sentence: str) -> list[Condition]:
    found: list[Condition] = []
    for kind, pattern in _CONDITIONS:
        for match in pattern.finditer(sentence):
            if any(c.start < match.end() and match.start() < c.end for c in found):
                continue
            count = match.group("count")
            value = None if count.lower() in {"k", "few"} else number_value(count)
            found.append(Condition(kind, value, match.group(0).strip(), match.start(), match.end()))
    return sorted(found, key=lambda c: c.start)


def _bind(sentence: str, figures: list[Figure], conditions: list[Condition]) -> list[Figure]:
    """Each condition goes to the figure it qualifies: the one before it in the same clause ("18% with a single
    try"), else the one after it ("with 1,000 tries, 80%"). A figure keeps one condition of each kind."""
    results = [f for f in figures if not f.in_name]  # the 4 of "GPT-4" is measured under nothing
    bound: dict[int, list[Condition]] = {}
    for condition in conditions:
        before = [f for f in results if f.end <= condition.start]
        after = [f for f in results if f.start >= condition.end]
        prev, nxt = (before[-1] if before else None), (after[0] if after else None)
        if prev is not None and (nxt is None or not _CLAUSE_BREAK.search(sentence[prev.end:condition.start])):
            target = prev
        elif nxt is not None:
            target = nxt
        else:
            continue
        held = bound.setdefault(target.start, [])
        if all(c.kind != condition.kind for c in held):
            held.append(condition)
    return [replace(f, conditions=tuple(bound[f.start])) if f.start in bound else f for f in figures]


def _count(sentence: str, start: int, end: int, value: float | None, counted: Counted) -> None:
    """Remembers "397 test problems" so a later "of the problems" is read as of 397."""
    noun = _NOUN.match(sentence, end)
    if noun and value is not None:
        counted[_head(noun.group("noun"))] = (value, sentence[start:noun.end()].strip())


def _head(noun_phrase: str) -> str:
    word = noun_phrase.split()[-1].lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _value(match: re.Match[str]) -> float | None:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        suffix = (match.group("suffix") or "").strip().lower()
        return value * (_SCALES.get(suffix) or _SUFFIX.get(suffix) or 1)
    return spelled_number(match.group("words"))


def spelled_number(words: str) -> float | None:
    """"eighty-one" -> 81, "three hundred and ninety-seven" -> 397, "a thousand" -> 1000; None for word runs no
    one would read as one number ("two three", "one hundred two hundred", "one thousand thousand")."""
    total = current = 0.0
    last = ""
    scale = float("inf")  # the last scale said: the next must be smaller
    for word in re.findall(r"[a-z]+", words.lower()):
        if word in {"and", "a"}:
            continue
        if word in _UNITS:
            if last in {"unit", "teen"} or (last == "tens" and _UNITS[word] >= 10):
                return None
            current += _UNITS[word]
            last = "teen" if _UNITS[word] >= 10 else "unit"
        elif word in _TENS:
            if last in {"unit", "teen", "tens"}:
                return None
            current += _TENS[word]
            last = "tens"
        elif word == "hundred":
            if current >= 100:
                return None
            current = (current or 1) * 100
            last = "hundred"
        else:
            if _SCALES[word] >= scale:
                return None
            total += (current or 1) * _SCALES[word]
            current, last, scale = 0.0, "scale", _SCALES[word]
    return total + current


def _key(value: float) -> float:
    return round(float(value), 6)
