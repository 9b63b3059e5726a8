"""Follow-up questions made standalone without an LLM: "What benchmarks did it use?" after "What is RLCoder?"
becomes "What benchmarks did RLCoder use?". The rewritten question is what gets searched, and it is shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.text.names import DESCRIBING_SUFFIX, is_generic, names_in

_REFERENCE = re.compile(
    r"\b(it|its|it's|they|them|their|theirs|this|that|these|those|the paper|this paper|that paper|the method|"
    r"this method|the approach|this approach|the model|this model|the authors|the system|the framework|"
    r"the dataset|the benchmark|both|each|the two|the latter|the former)\b",
    re.I,
)
_REPLACEABLE = re.compile(
    r"\b(the paper|this paper|that paper|the method|this method|the approach|this approach|the model|this model|"
    r"the system|the framework|the dataset|the benchmark|it|they|them|its|their|"
    # "which papers use that one?", "... report results on that benchmark?" after "Also MBPP - the ... set.": the
    # name itself, not a topic "that benchmark (MBPP)" that every paper writing "benchmark" meets
    r"(?:that|this)\s+(?:one|method|approach|system|framework|dataset|benchmark|set|suite))\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:it|they|them|its|their)\b", re.I)
_PLURAL = re.compile(r"\b(?:each of them|each one|each|they|them)\b", re.I)
_FOLLOW_ON = re.compile(r"^(and|what about|how about|also|and what about)\b", re.I)
# "... could the best model break there?": the place the earlier turn was about ("is there any work on X" is not).
_THERE = re.compile(r"\b(?:in\s+|on\s+|from\s+)?there\s*[?.!]*$", re.I)


# "the second one", "the latter": one of the things the earlier turn named, by its place.
_ORDINAL = re.compile(r"\b(?:the\s+)?(?:(?P<nth>first|second|third|fourth|fifth|last)\s+(?:one|paper|method|model|"
                      r"approach|system|work)|(?P<end>former|latter))\b", re.I)
_PLACES = {"first": 0, "former": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latter": -1}

# "which of those three" too
_WHICH_OF_THEM = re.compile(r"\bwhich(?:\s+one|\s+of\s+(?:the\s+two|them|both|the\s+pair|(?:these|those)"
                            r"(?:\s+(?:two|three|four|five|six))?|the\s+(?:three|four|five|six)))\b", re.I)
# "ok and which of those ...", "so, which of them ...": words before the ask that ask nothing.
_OPENER = re.compile(r"^(?:(?:ok(?:ay)?|so|and|also|alright|right|great|cool|thanks|nice)\b[,\s]*)+", re.I)
# "Of those, is there one that also ...?", "do any of them ...?", "which of the RL ones ...?": which of them do.
_OF_THEM = re.compile(r"^(?:(?:(?:of|among)\s+(?:them|these|those|the\s+(?:[\w-]+\s+){1,3}?ones)\s*,?\s*"
                      r"(?=(?:which|what)\s+(?!one\b)))?"
                      r"(?:which|what)\s+(?:ones?\s+|papers?\s+)?"
                      # "which of the RL ones ...": the listed papers, by what the list was on
                      r"(?:(?:of|among)\s+(?:them|these|those|the\s+(?:[\w-]+\s+){1,3}?ones)\s+)?|"
                      r"(?:(?:of|among)\s+(?:them|these|those)\s*,?\s*)?(?:is\s+there\s+(?:one|any|a\s+paper)|"
                      r"is\s+(?:one|any)\s+of\s+(?:them|these|those)|"
                      r"are\s+there\s+(?:any|ones)|(?:does|do)\s+any(?:\s+(?:of\s+)?(?:them|these|those))?)"
                      r"(?:\s+(?:of\s+)?(?:them|these|those))?\s+(?:that\s+|which\s+)?)(?P<rest>.+)$", re.I)


def condense(question: str, history: Sequence[str], names_of: Callable[[str], list[str]] | None = None) -> str:
    """The question as it would be asked alone; unchanged when it already stands alone. `names_of(text)`: the
    papers a text names, as written ("KV Prediction", where capitalised words alone give "KV"); without it, or
    when it finds none, the text's capitalised names."""
    if not history:
        return question
    if fixed := corrected(question):
        return fixed
    narrowed = _narrowed_list(question, history[-1])
    if not narrowed and len(history) > 1 and _THE_LISTED_ONES.search(question):
        # "among the gsm8k ones, which also ...?" after a list and a question about one of it: that list.
        narrowed = _narrowed_list(question, history[-2])
    if narrowed:
        return narrowed
    if picked := _by_place(question, history, names_of):
        # "what search do they both use, and how does the second one speed it up?": "they" (or "each") are still both;
        # "the first one: what data did they train on?": the one picked.
        plural = _PLURAL.search(question)
        if plural and plural.start() < _ORDINAL.search(question).start() and \
                (subject := subject_of(history, names_of)) and " and " in subject:
            return _PLURAL.sub(subject, picked, count=1)
        return picked
    if (one := _WHICH_OF_THEM.search(question)) and " and " in (subject := subject_of(history, names_of)):
        # "which one reaches higher on GSM8K?" after "compare DotaMath and MARIO": one of the two compared.
        return f"{question[:one.start()]}which of {subject}{question[one.end():]}"
    if not refers_back(question) or (_names(question, names_of) and not refers_back(_DETERMINER.sub(" ", question))):
        # "which model topped UGMathBench, and what's that reasoning gap metric measuring?": it names its paper;
        # "that" only points at a thing of it.
        return question
    subject = subject_of(history, names_of)
    if (two := _THE_TWO.search(question)) and subject and " and " not in subject and \
            (earlier := subject_of(history[:-1], names_of)) and " and " not in earlier and earlier != subject:
        # "how do the two compare?" after "what is MPIrigen?" and "and OMPGPT?": one paper from each turn.
        return f"{question[:two.start()]}{earlier} and {subject}{question[two.end():]}"
    if not subject:
        return carried_along(question, history)
    if _FOLLOW_ON.match(question):
        return f"{question.rstrip('?')} ({subject})?"
    possessive = {"its": f"{subject}'s", "their": f"{subject}'s"}

    def replace(match: re.Match) -> str:
        word = match.group(0)
        return possessive.get(word.lower(), subject)

    # A pronoun first: in "what's the name of the dataset they released?" the dataset is what is asked.
    rewritten, count = _PRONOUN.subn(replace, question, count=1)
    if not count:
        rewritten, count = _REPLACEABLE.subn(replace, question, count=1)
    return rewritten if count else f"{question.rstrip('?')} ({subject})?"


# "no sorry, I meant the IMO lean dataset paper. how many lemmas ...?", "no, I meant the minecraft planner, DEPS. ...":
# the asker puts right what the earlier turn was about; what they meant is what the rest is asked of.
_CORRECTION = re.compile(r"^(?:(?:no|nope|sorry|oops|wait|ah|er+m?)\b[,.!]?\s*)+"
                         r"(?:i\s+(?:meant|mean|was\s+asking\s+about)|i['’]m\s+asking\s+about)\s+"
                         r"(?P<meant>[^.?!;:]+?)\s*[.?!;:]\s*(?P<rest>\S.*)$", re.I)


def corrected(question: str) -> str:
    """A correction ("no sorry, I meant X. how many ... did they ...?") as the question it asks of X; "" for none."""
    if (match := _CORRECTION.match(question.strip())) is None:
        return ""
    meant, rest = match["meant"].strip(" ,"), match["rest"]

    def replace(pronoun: re.Match[str]) -> str:
        return f"{meant}'s" if pronoun[0].lower() in ("its", "their") else meant

    rewritten, count = _PRONOUN.subn(replace, rest, count=1)
    return rewritten if count else f"{rest.rstrip(' ?')} ({meant})?"


def carried_along(question: str, history: Sequence[str]) -> str:
    """With no name to put in, the earlier question carried along, which still says what "it" is about; after one
    that itself refers back ("how many test cases does it have?"), the latest that stands alone comes first."""
    alone = next((h for h in reversed(history) if not (_REFERENCE.search(h) or _FOLLOW_ON.match(h))), history[-1])
    carried = " and ".join(f"“{h.strip().rstrip('?')}”" for h in dict.fromkeys([alone, history[-1]]))
    return f"{question.rstrip('?')} (following {carried})?"


# An earlier turn asking which paper did something: its answer, a paper, is what "they" / "the dataset" are of,
# not the models or benchmarks it names ("Which paper evaluates InstructGPT, ChatGPT and GPT-4 as assistants?").
# "what's the paper about the AI that plays Minecraft ...?" asks for a paper too.
ASKS_WHICH_PAPER = re.compile(r"\b(?:which|what)\s+(?:paper|study|work|article|one)\b|"
                              r"\bwhat(?:['’]s|\s+is|\s+was)\s+the\s+(?:paper|study|work|article)\s+"
                              r"(?:about|on|that|which|where|with)\b|"
                              r"\bis\s+there\s+(?:a|any)\s+(?:paper|study|work)\b", re.I)


# "that" / "this" before a noun of what is asked ("that reasoning gap metric"), not before a paper's.
_DETERMINER = re.compile(r"\b(?:that|this|these|those)\s+(?!(?:one|ones|paper|papers|work|method|model|approach|"
                         r"system|study|benchmark|dataset|framework|tool)\b)(?=[a-z])", re.I)


def refers_back(question: str) -> bool:
    """Whether the question points at what came before ("it", "they", "and what about ...", "... there")."""
    return bool(_REFERENCE.search(question) or _FOLLOW_ON.match(question) or _THERE.search(question))


def _names(text: str, names_of: Callable[[str], list[str]] | None) -> list[str]:
    """The papers a text names, else its names that are not a field's common words ("LLMs" stands for no paper)."""
    return (names_of(text) if names_of is not None else []) or [n for n in names_in(text) if not is_generic(n)]


def _by_place(question: str, history: Sequence[str], names_of: Callable[[str], list[str]] | None = None) -> str:
    """"Tell me more about the second one" after "What are OMPGPT and MPIrigen?": the second name put in its
    place ("" when the question picks nothing by place, or the earlier turns named too few things)."""
    if not _ORDINAL.search(question):
        return ""
    for earlier in reversed(history):
        names = _names(earlier, names_of)
        if len(names) >= 2:
            return picked_by_place(question, names)
    return ""


# "they" / "their" after the one picked by place are its authors: "the first one — what data did they train on?"
_ITS_AUTHORS = re.compile(r"\b(?:they|their)\b", re.I)


def picked_by_place(question: str, names: Sequence[str]) -> str:
    """"what dataset did the first one introduce?" after a list: that place's name put in, and for "they" after it
    ("" when the question picks nothing by place, or there are too few names)."""
    match = _ORDINAL.search(question)
    if not match or len(names) < 2:
        return ""
    place = _PLACES[(match["nth"] or match["end"]).lower()]
    if place >= len(names):
        return ""
    name = names[place]
    after = _ITS_AUTHORS.sub(lambda m: f"{name}'s" if m[0].lower() == "their" else name, question[match.end():])
    return f"{question[:match.start()]}{name}{after}"


# "for the MPI one", "the Fortran paper", "that self-play one": one of the earlier names, by words that say which.
_DESCRIBED_ONE = re.compile(r"\b(?:the|that|this)\s+(?P<what>[\w+#*-]{2,}(?:\s+[\w+#*-]{2,})?)\s+(?:one|paper)\b",
                            re.I)
# Words that say which one by where or how it stands, not by what it is: "the other one", "the bigger paper".
_NOT_WHICH = re.compile(r"(?:other|same|original|previous|earlier|later|newer|older|bigger|smaller|larger|cheaper|"
                        r"faster|slower|better|worse|best|worst|whole|entire|actual|main|new|old|only|above|below|"
                        r"next|very|real|right|wrong|cited|listed|mentioned|first|second|third|fourth|fifth|last|latter|former|"
                        r"\w+est)", re.I)


def _picks_one(question: str) -> bool:
    """"which of those is the openmp one?": one of the listed papers picked by what it is, not the list narrowed."""
    match = _DESCRIBED_ONE.search(question)
    return match is not None and _WHICH_IS.search(question[:match.start()]) is not None


def picks_by_description(question: str) -> bool:
    """Whether the question picks one earlier paper by words saying which ("the OpenMP one")."""
    match = _DESCRIBED_ONE.search(question)
    return match is not None and not any(_NOT_WHICH.fullmatch(w) for w in match["what"].split())


def picked_by_description(question: str, names: Sequence[str], texts: Sequence[str] = ()) -> str:
    """"for the MPI one, which corpus did they fine-tune?" after a list of MPIrigen, OMPGPT and Tokompiler: the one
    name those words start ("MPIrigen") put in, for "they" too. `texts` (each name's title and abstract, in the
    same order) pick when no name starts so: "the tokompiler one" is the paper whose abstract names Tokompiler, "the
    self-play one" the paper whose title says self-play. "" when no one paper is so picked."""
    match = _DESCRIBED_ONE.search(question)
    if not match or len(names) < 2 or any(_NOT_WHICH.fullmatch(w) for w in match["what"].split()):
        return _picked_by_what_it_has(question, names, texts)
    hits: list[str] = []
    # "the RL-based one" is the one of RL ("RLCoder") when no name or abstract writes "RL-based"; "the
    # undergrad-level one", each word clipped, the one writing "undergraduate-level".
    clipped = r"[\s-]+".join(rf"{re.escape(part)}\w*" for part in re.split(r"[\s-]+", match["what"]))
    for said in dict.fromkeys([re.escape(match["what"]), re.escape(DESCRIBING_SUFFIX.sub("", match["what"])), clipped]):
        what = rf"(?<![A-Za-z]){said}"
        hits = [n for n in names if re.search(what, n, re.I)]
        if not hits and len(texts) == len(names):
            written = rf"{what}(?:e?s|e?d|ing)?(?![A-Za-z])"  # "the MPI one" is no paper writing "MPIrigen"
            hits = [n for n, text in zip(names, texts, strict=True) if re.search(written, text, re.I)]
        if hits:
            break
    if len(hits) != 1:
        return ""
    # "which of those is the openmp one? what trick do they add?": the pick answers the "which"; what is asked of it
    # remains.
    before = _WHICH_IS.sub("", question[:match.start()])
    picked = f"{before}{hits[0]}{question[match.end():]}"
    return _THEM.sub(lambda m: f"{hits[0]}'s" if m[0].lower() == "their" else hits[0], picked)


# "the one with a human expert in the loop": a listed paper picked by what its abstract has.
_ONE_WITH = re.compile(r"\bthe\s+one\s+(?:with|that\s+(?:has|uses)|using|where|about|on)\s+(?P<what>[^,;:?—–]+?)"
                       r"(?=\s*(?:[,;:?—–]|\s-\s|$))", re.I)


def _picked_by_what_it_has(question: str, names: Sequence[str], texts: Sequence[str]) -> str:
    """"the one with a human expert in the loop - which libraries did they optimise?": the one listed paper whose
    title or abstract has every long word of what the question says it has, put in; "" when not one paper does."""
    match = _ONE_WITH.search(question)
    if not match or len(names) < 2 or len(texts) != len(names):
        return ""
    words = [w for w in re.findall(r"[a-z][a-z-]{3,}", match["what"].lower()) if w not in _NOT_HAD]
    hits = [n for n, text in zip(names, texts, strict=True)
            if words and all(re.search(rf"\b{re.escape(w)}", text, re.I) for w in words)]
    if len(hits) != 1:
        return ""
    picked = f"{question[:match.start()]}{hits[0]}{question[match.end():]}"
    return _THEM.sub(lambda m: f"{hits[0]}'s" if m[0].lower() == "their" else hits[0], picked)


_NOT_HAD = frozenset({"with", "that", "their", "them", "they", "this", "which", "some", "kind", "sort", "thing",
                      "stuff", "paper", "work", "method", "approach"})


def subject_of(history: Sequence[str], names_of: Callable[[str], list[str]] | None = None) -> str:
    """The names of the latest earlier turn that has any ("A and B" for a comparison; "A, B and C" for three
    papers it named: "which of those three ..." is of all three; two of its other names, which may be anything)."""
    for earlier in reversed(history):
        papers = names_of(earlier) if names_of is not None else []
        names = papers[:LISTED_AT_MOST] if papers else _names(earlier, None)[:2]
        if names:
            return " and ".join(names) if len(names) < 3 else f"{', '.join(names[:-1])} and {names[-1]}"
    return ""


def _narrowed_list(question: str, earlier: str) -> str:
    """"Which of them also use Isabelle?" after "Which papers work on Lean?": the earlier list narrowed,
    "Which papers work on Lean and also use Isabelle?"."""
    from rag.answer.listing import topic_names
    from rag.answer.plan import NARROWING, list_question, list_topic

    if not re.search(r"\b(?:them|these|those|ones|of the above)\b", question, re.I) or _picks_one(question):
        return ""
    topic = list_topic(earlier.strip().rstrip("?.! "))
    match = _OF_THEM.match(_OPENER.sub("", question.strip()).rstrip("?.! "))
    if not topic or not match:
        return ""
    rest = re.sub(r"^(?:also\s+|do\s+|does\s+)+", "", match.group("rest"), flags=re.I)
    # "..., and what is it?": the value asked of each is in the sentence the list quotes; the narrowing is before it.
    rest = _AND_WHAT_IT_IS.sub("", rest)
    if len(named := [n for n in topic_names(topic) if not is_generic(n)]) == 1:
        rest = re.sub(r"\bit\b", named[0], rest)  # "reports a number on it" after a list on SWE-bench
    asked = list_question(topic)
    return f"{asked[0].upper()}{asked[1:]}{NARROWING}{rest}?"


# "the two", "these two": two papers, which may be asked about in two turns.
_THE_TWO = re.compile(r"\b(?:the|these|those)\s+two\b(?!\s+(?:of|papers?\s+(?:in|from)))", re.I)
# "among the gsm8k ones": the papers a list listed, by what it was on.
_THE_LISTED_ONES = re.compile(r"\b(?:of|among)\s+the\s+(?:[\w-]+\s+){1,3}?ones\b", re.I)
# "which of those is": the words asking which, before the description picking one.
_WHICH_IS = re.compile(r"\bwhich\s+(?:one\s+)?(?:of|among)\s+(?:them|these|those)\s+(?:is|was)\s+$", re.I)
_AND_WHAT_IT_IS = re.compile(r",?\s+and\s+what\s+(?:is|was|are|were)\s+(?:it|that|they|those|the\s+\w+)\s*$", re.I)


# "they", "them", "their", "each of them" standing for several papers: after a list, the papers it listed.
_THEM = re.compile(r"\b(?:each of (?:them|these|those)|they|them|their|these papers|those papers)\b", re.I)
LISTED_AT_MOST = 6  # papers a follow-up may put side by side; a longer list is narrowed with "which of them"


def about_listed(question: str, names: Sequence[str]) -> str:
    """"Which models did they test?" after a list of UGMathBench and CheckMate: "which models did UGMathBench and
    CheckMate test?", a comparison of the listed papers; "" when the question does not refer to them that way."""
    if not 2 <= len(names) <= LISTED_AT_MOST or not _THEM.search(question):
        return ""
    joined = ", ".join(names[:-1]) + f" and {names[-1]}"

    def replace(match: re.Match) -> str:
        return f"{joined}'s" if match.group(0).lower() == "their" else joined

    return _THEM.sub(replace, question, count=1)
