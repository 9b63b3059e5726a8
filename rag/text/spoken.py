"""Questions as dictation writes them: punctuation said aloud ("comma"), numbers in words ("sixty one point seven
percent") and names split into the words they sound like ("deep seek prover", "mini f2f", "GPT four").

Why: a question typed by speech-to-text reaches the planner with names no abstract writes ("F2F", "lint") and
figures it cannot read, so a question the abstracts answer was refused ("No indexed abstract mentions F2F"). Only
what is certain is rewritten: a number in words where it can only be a number (a decimal, a percentage, a compound
such as "sixty one", "pass at one", a version after a name the abstracts write with it), and a run of words that,
joined, is a name an abstract writes as one token with capitals or digits inside ("HumanEval", "miniF2F-test") when
no abstract writes the words apart. "which one", "the two papers" stay words.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from rag.text.numbers import SPELLED_WORD, spelled_number
from rag.text.tokens import STOPWORDS
from rag.text.typos import encoder_words

_NUMBER_WORD = rf"(?:{SPELLED_WORD}|\d+)"
# A run of number words ("sixty one", "three hundred and twelve"), maybe with a decimal part ("point seven five").
_RUN = re.compile(rf"(?<![\w.@-])(?P<whole>{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*)"
                  rf"(?:\s+point\s+(?P<decimals>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})*))?(?![\w@-])", re.I)
_PERCENT = re.compile(r"\s*(?:percent|per\s+cent)\b", re.I)
_PASS_AT = re.compile(rf"\bpass\s+at\s+(?P<k>k\b|{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*)(?![\w@-])", re.I)
# A model size in words: "seven B", "one hundred fifty M".
_SIZED = re.compile(rf"(?<![\w@-])(?<!point\s)(?P<number>(?i:{_NUMBER_WORD})"
                    rf"(?:[\s-]+(?:(?i:and)\s+)?(?i:{_NUMBER_WORD}))*)\s+(?P<scale>[BMK])\b")
# A name and a version number after it in words: "GPT four", "lean four", "o three".
_VERSIONED = re.compile(rf"(?<![\w@/.-])(?P<word>[A-Za-z][\w.]*)\s+(?P<number>{SPELLED_WORD})(?![\w@-])", re.I)


def _value(words: str) -> int | None:
    """The whole number a run of number words (or one number in digits) says, read as the verifier reads numbers;
    None when it is no one number ("one two")."""
    if words.strip().isdigit():
        return int(words)
    if re.search(r"\d", words):
        return None  # digits and words mixed: no number as said
    value = spelled_number(words)
    return int(value) if value is not None and value == int(value) else None


def _decimals(words: str) -> str | None:
    """The digits after "point": each word one digit ("point seven five": 75), or one number ("point twenty")."""
    digits = [_value(p) for p in words.split()]
    if all(d is not None and d < 10 for d in digits):
        return "".join(map(str, digits))
    value = _value(words)
    return None if value is None else str(value)


# A count said in words as a bound ("evaluate twenty or more LLMs", "at least fifty problems"): the figure a list
# topic's bound reads. From twenty: "one or more benchmarks" counts nothing asked of a paper, and abstracts write
# smaller counts in words ("twelve programming languages"), which a bound in digits would no longer meet.
BOUND_FROM = 20
_NUMBER_WORDS = (r"(?:a\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
                 r"five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 r"nineteen|hundred|thousand)")
_BOUND = re.compile(rf"(?P<before>\b(?:at\s+least|more\s+than|over|fewer\s+than|less\s+than|at\s+most|above|"
                    rf"below)\s+)?\b(?P<number>{_NUMBER_WORDS})\b(?P<after>\s+or\s+(?:more|fewer|less)\b)?"
                    r"(?(before)|(?(after)|(?!)))", re.I)


def spell_numbers(text: str, corpus_text: str) -> str:
    """`text` with each number in words that can only be a number written in digits (see the module docstring)."""
    text = _PASS_AT.sub(lambda m: f"pass@{m['k'] if m['k'].lower() == 'k' else _value(m['k'])}"
                        if m['k'].lower() == 'k' or _value(m['k']) is not None else m[0], text)

    def out(m: re.Match[str]) -> str:
        whole = m["whole"]
        if (whole.isdigit() and not m["decimals"]) or re.search(r"\bpoint\s+$", m.string[:m.start()], re.I):
            return m[0]  # "point seven percent" with no whole part: left as said
        value = _value(whole)
        if value is None:
            return m[0]
        number = str(value)
        if m["decimals"]:
            decimals = _decimals(m["decimals"])
            if decimals is None:
                return m[0]
            number = f"{number}.{decimals}"
        percent = _PERCENT.match(m.string, m.end())
        compound = len(re.findall(r"[A-Za-z]+", whole)) >= 2
        return number if m["decimals"] or percent or compound else m[0]

    def versioned(m: re.Match[str]) -> str:  # "GPT four": one to nineteen, as versions go
        number = _value(m["number"])
        if number is None or not 1 <= number <= 19:
            return m[0]
        joint = _joint(m["word"], str(number), corpus_text)
        return m[0] if joint is None else f"{m['word']}{joint}{number}"

    def sized(m: re.Match[str]) -> str:
        value = _value(m["number"])
        return m[0] if value is None else f"{value}{m['scale']}"

    def bound(m: re.Match[str]) -> str:
        value = _value(m["number"])
        return m[0] if value is None or value < BOUND_FROM else f"{m['before'] or ''}{value}{m['after'] or ''}"

    text = _SIZED.sub(sized, text)
    text = _BOUND.sub(bound, text)
    text = _RUN.sub(out, text)
    text = _VERSIONED.sub(versioned, text)
    return re.sub(r"(?<=\d)\s*(?:percent|per\s+cent)\b", "%", text, flags=re.I)


def _joint(word: str, number: str, corpus_text: str) -> str | None:
    """What the abstracts most often write between a name and this number after it ("GPT-4": "-", "Lean 4": " ",
    "o3": ""), or None when none writes them together."""
    if word.lower() in STOPWORDS:
        return None  # "the one", "top five": no name
    joints = _versions(corpus_text).get((word.lower(), number))
    return joints.most_common(1)[0][0] if joints else None


# A name with a version number after it, as the abstracts write it: "GPT-4", "Lean 4", "o3"; the number ends the
# token ("Code2Inv", "B4" are names of their own), and apart by a space only after a capital ("Lean 4", not "across 4").
_VERSION = re.compile(r"(?<![\w-])(?P<word>[A-Za-z][\w.]*?)(?P<joint>-|(?<=[A-Za-z])|(?<=[A-Za-z]) )"
                      r"(?P<number>1[0-9]|[1-9])(?![\w.]|-\d)")


@lru_cache(maxsize=2)
def _versions(corpus_text: str) -> dict[tuple[str, str], Counter[str]]:
    """How the index writes each name with a version number after it, read in one pass (a question is read per
    ask, and scanning a large index per word would be slow)."""
    found: dict[tuple[str, str], Counter[str]] = {}
    for m in _VERSION.finditer(corpus_text):
        joint = m["joint"]
        if joint == " " and not m["word"][0].isupper():
            continue  # "across 4 benchmarks": a count, not a version
        found.setdefault((m["word"].lower(), m["number"]), Counter())[joint] += 1
    return found


# A token an abstract writes as one name: capitals or digits after its first letter ("HumanEval", "miniF2F",
# "o3-mini", "DeepSeek-Prover"), not a plain or hyphened word ("test-time", "Self-play", "Repository-Level").
_TOKEN = re.compile(r"(?<![\w@/.-])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![\w@/-])")
_WORDS = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*")  # "2.5" is one word; a full stop is not part of one
LONGEST = 4  # words one name may be split into ("big code bench", "live code bench")


# A capitalised word inside a sentence ("on the Codeforces platform"), not one starting it ("Leveraging ...").
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{5,}(?![\w-])")


def _coined(word: str, lower_words: set[str]) -> bool:
    """A word English lacks ("Codeforces", not "Benchmark"): written capitalised inside a sentence, a name, though it
    has no capital inside to show it. English is the encoder's word list and whatever the abstracts also write in lower
    case (tiktoken's table would load tiktoken on every question)."""
    return word.lower() not in encoder_words() and word.lower() not in lower_words


@lru_cache(maxsize=2)
def _joined_names(corpus_text: str) -> dict[str, str]:
    """Each name the index writes as one token, and its hyphened parts that are names too, by its letters and digits
    in lower case ("humaneval": "HumanEval"); the commonest writing when there are several."""
    counts: Counter[str] = Counter()
    for token in _TOKEN.findall(corpus_text):
        for name in {token, *token.split("-")}:
            if len(name) >= 4 and re.search(r"[A-Za-z]", name) and re.search(r"(?<=[A-Za-z0-9])[A-Z0-9]", name) \
                    and not name.isupper() and not name.isdigit():
                counts[name] += 1
    lower_words = set(re.findall(r"(?<![\w-])[a-z]{6,}(?![\w-])", corpus_text))
    counts.update(w for w in _MID_SENTENCE_CAPITAL.findall(corpus_text) if _coined(w, lower_words))
    names: dict[str, str] = {}
    for name, _ in counts.most_common():
        names.setdefault(re.sub(r"[^a-z0-9]", "", name.lower()), name)
    return names


def join_split_names(text: str, corpus_text: str) -> str:
    """`text` with each run of two to four words that joins into a name an abstract writes as one token (and no
    two of which an abstract writes in a row) written as that name: "mini f2f test" as "miniF2F-test"."""
    names = _joined_names(corpus_text)
    words = list(_WORDS.finditer(text))
    out, at, i = [], 0, 0
    while i < len(words):
        for n in range(min(LONGEST, len(words) - i), 1, -1):
            run = words[i:i + n]
            gaps = [text[a.end():b.start()] for a, b in pairwise(run)]
            if any(not re.fullmatch(r"[ \t]+|-", gap) for gap in gaps) or all(gap == "-" for gap in gaps):
                # Only words set apart by spaces, or a hyphen beside them ("dotamath-deepseek 7b" is
                # "DotaMath-deepseek-7B"): "mini, f2f" is two things, and a hyphened word alone is typed as meant.
                continue
            if all(w[0].lower() in STOPWORDS for w in run):
                continue  # "only if" is no "Only-IF"
            name = names.get(re.sub(r"[^a-z0-9]", "", "".join(w[0] for w in run).lower()))
            if name and not _written_apart(tuple(w[0].lower() for w in run), corpus_text):
                out += [text[at:run[0].start()], name]
                at, i = run[-1].end(), i + n
                break
        else:
            i += 1
    return "".join(out) + text[at:]


@lru_cache(maxsize=256)
def _written_apart(words: tuple[str, ...], corpus_text: str) -> bool:
    """Whether an abstract writes two or more of the words in a row as words ("Stable Code" of "Stable Code 3B"):
    then they are that name as typed, not a name split by dictation. Cached: a question is read more than once, and
    each look is a scan of the whole index."""
    for n in range(len(words), 1, -1):
        for i in range(len(words) - n + 1):
            spaced = r"\s+".join(re.escape(w) for w in words[i:i + n])
            if re.search(rf"(?<![\w-]){spaced}(?![\w-])", corpus_text, re.I):
                return True
    return False


# Punctuation said aloud ("... on codeforces comma I think it was ..."), as speech-to-text may leave it.
_SPOKEN_MARKS = {"comma": ",", "full stop": ".", "question mark": "?", "semicolon": ";", "colon": ":"}
_SAID_MARKS = "|".join(said.replace(" ", r"\s+") for said in _SPOKEN_MARKS)
_SPOKEN_MARK = re.compile(rf"\s+(?P<said>{_SAID_MARKS})(?![\w'’-])")


def spoken_marks(text: str, corpus_text: str) -> str:
    """The question with punctuation said aloud written as marks; not a word the abstracts use ("colon cancer")."""
    def mark(m: re.Match[str]) -> str:
        said = " ".join(m["said"].split())
        words = r"\s+".join(said.split())
        used = re.search(rf"(?<![\w-]){words}(?![\w-])", corpus_text, re.I)
        return m[0] if used else _SPOKEN_MARKS[said]

    return _SPOKEN_MARK.sub(mark, text)


def as_dictated(text: str, corpus_text: str) -> str:
    """The question with dictation's punctuation, numbers and split names written as the abstracts write them, and
    without the sounds filling its pauses."""
    text = re.sub(r"^[\s,]+", "", _PAUSE.sub(", ", text)).strip()
    return join_split_names(spell_numbers(spoken_marks(text, corpus_text), corpus_text), corpus_text)


# The sounds filling a pause. Anywhere in the question, typed in lower case, a pause is where a comma would be ("a
# multi agent framework um multiple LLM agents working together").
PAUSE_SOUNDS = r"um+|uh+|uhm+|erm+|hmm+"
_PAUSE = re.compile(rf"[\s,]*(?<![\w'’-])(?:{PAUSE_SOUNDS})(?![\w'’-])[\s,]*")


# What is said to fill a pause before the question starts: "um so which papers ...", "ok, does X help?".
_OPENING_FILLER = re.compile(rf"^\s*(?:(?:{PAUSE_SOUNDS}|so|okay|ok|alright|well|hey)\b[\s,]*)+(?=\w)", re.I)


def without_opening_filler(text: str) -> str:
    """The question without the words filling a pause before it, which say nothing of its shape."""
    return _OPENING_FILLER.sub("", text)
