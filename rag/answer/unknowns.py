"""Names in a question that the index does not have: a name no abstract mentions ("MMLU"), a paper only cited
in passing ("the Toolformer paper"). A question about such a thing is refused with that reason, never answered
with another paper's sentences."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.answer.asides import aside
from rag.answer.asks import FIGURE_WORD
from rag.answer.mentions import PAPER_WORDS, Mention, key
from rag.answer.quoted_titles import titled_paper, untitled
from rag.index.view import IndexView
from rag.text.clippings import CLIPPINGS
from rag.text.social import INTERJECTIONS
from rag.text.tokens import STOPWORDS, tokenize
from rag.text.typos import standalone_lower

if TYPE_CHECKING:
    from rag.answer.evidence import Gathered
    from rag.text.vocabulary import Vocabulary


def unknowns(found: Gathered) -> tuple[list[str], list[str]]:
    """unknown_names of the question, computed once."""
    if found.unknown is None:
        found.unknown = unknown_names(found.searched, found.view)
    return found.unknown


def unknown_names(question: str, view: IndexView) -> tuple[list[str], list[str]]:
    """Names in the question that no indexed title or abstract mentions: identifiers (acronyms, mixed case:
    "MMLU", "Defects4J") and plain capitalised words ("Coq"). Nothing here can be about an unknown identifier;
    an unknown word only asks for stronger evidence, since a question may name what an abstract describes."""
    from rag.text.names import key_names, mention_pattern, names_in

    strong = names_in(question)
    mentions = view.lexicon.find(question)

    def said_aside(name: str) -> bool:  # "AutoCodeRover (repo-level APR)", "Google's Gemini paper"
        # Each time it is said: "MBPP is the MNIST of code generation, but has anyone trained on MNIST?" asks of it.
        said = list(mention_pattern(name).finditer(question))
        return bool(said) and all(aside(question, at.start(), at.end(), mentions) for at in said)

    unknown = [n for n in key_names(question)
               if not mention_pattern(n).search(view.corpus_text) and not view.lexicon.known(n)
               and not _known_kind_of(n, view) and not _joined_known(n, view) and not said_aside(n)]
    # "codetree-xl", typed in lower case: a known name's variant that no abstract has is a name of its own.
    variants = [v[0] for v in [*VARIANT.finditer(question), *SPACED_VARIANT.finditer(question)]
                if v[0] not in unknown and (view.lexicon.known(v["base"]) or _heads_a_name(v["base"], view.corpus_text))
                and not mention_pattern(v[0]).search(view.corpus_text)
                and not mention_pattern(re.sub(r"\s+", "-", v[0])).search(view.corpus_text)]
    # "float64", "a100", "o3": a name typed in lower case with its number, which no abstract writes in any spacing
    # ("float32" is another type, "gpt4o" is "GPT-4o").
    numbered = [w for w in unwritten_numbered(question, view.corpus_text) if w not in unknown and w not in variants]
    # "miniwob++": a name typed in lower case with its plus signs, which no abstract writes.
    plussed = [w for w in dict.fromkeys(PLUSSED.findall(question))
               if w not in unknown and not mention_pattern(w).search(view.corpus_text)]
    return [n for n in unknown if n in strong] + variants + numbered + plussed, [n for n in unknown if n not in strong]


def _joined_known(name: str, view: IndexView) -> bool:
    """Whether a hyphened name joins names the abstracts have by "vs", "and" or "or" ("VB-vs-VF")."""
    from rag.answer.naming import joined_parts
    from rag.text.names import mention_pattern

    return bool(parts := joined_parts(name)) and all(mention_pattern(p).search(view.corpus_text) for p in parts)


def _heads_a_name(base: str, corpus_text: str) -> bool:
    """Whether the corpus writes the base as the head of a hyphenated name ("o1" of "o1-mini"): "o1-preview" is then
    a variant of a name the index has, whether or not the base alone is one."""
    return bool(re.search(rf"(?<![\w-]){re.escape(base)}-[a-z0-9]", corpus_text, re.I))


# Letters then a number, in lower case, standing alone: "float64", "llama3", "a100", "o1". Not a release ("v2"),
# nor a piece of a longer token ("pass@1", "llama2-7b", "lean4/").
NUMBERED = re.compile(r"(?<![\w.@/+#-])(?!v\d)[a-z]{1,12}\d+(?:[a-z]{1,3}\d*)?(?![\w@/+#-]|\.\d)")


# Lower-case letters ending in one or two plus signs, standing alone: "miniwob++", "humaneval+".
PLUSSED = re.compile(r"(?<![\w.@/+#-])[a-z][a-z0-9-]*[a-z0-9]\+{1,2}(?![\w+])")


def unwritten_numbered(question: str, corpus_text: str) -> list[str]:
    """The question's lower-case names with a number (NUMBERED) that the corpus never writes, in any spacing."""
    return [w for w in dict.fromkeys(NUMBERED.findall(question)) if not _written_spaced(w, corpus_text)]


def _written_spaced(word: str, corpus_text: str) -> bool:
    """Whether the corpus writes the word, with or without a hyphen, space or dot between its letters and its
    number ("llama3" is "Llama-3", "gpt4o" is "GPT-4o")."""
    parts = re.findall(r"[a-z]+|\d+", word)
    pattern = r"[-\s.]?".join(re.escape(p) for p in parts)
    return bool(re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", corpus_text, re.I))


# A model's name with a size or release after a hyphen ("CodeTree-XL", "OMPGPT-large", "STP-v2"), or a benchmark's
# with its subset ("SWE-bench-verified").
_VARIANTS = (r"xx?l|large|base|small|mini|tiny|pro|max|plus|ultra|lite|turbo|verified|hard|multilingual|live|preview|"
             r"instruct|chat")
VARIANT = re.compile(rf"(?<![\w-])(?P<base>[\w.]+(?:-[\w.]+)*?)-(?:{_VARIANTS}|v\d+(?:\.\d+)?)(?![\w-])", re.I)
# A release number after a name and a space ("alphacode 2", "DeepSeek-Prover 1.5", "ugmathbench v2"), not a figure
# ("12.2%", "2022", "7B"), list numbering ("RLCoder 2. how ...") or a count ("GPT-4 3 times").
_RELEASE_NUMBER = r"\s+v?\d(?:\.\d)?(?![\w%/.]|,\d|\s+(?:times|x|of|out|or|to|and|more|fewer|less)\b)"
RELEASE = re.compile(rf"(?<![\w-])(?P<base>[\w.]+(?:-[\w.]+)*){_RELEASE_NUMBER}", re.I)
RELEASE_AFTER = re.compile(_RELEASE_NUMBER, re.I)  # right after a name found otherwise ("the ai scientist v2")
# A benchmark's subset after a space, where the subset word ends the name: after "on / in / for / of" at the end of a
# phrase ("resolve rate on SWE-bench Verified?"), or before a word for results ("SWE-bench Verified numbers"); not an
# adjective ("what makes miniF2F hard?", "Is CompCert verified?") nor one of a phrase's ("HumanEval hard problems").
_SUBSETS = r"lite|verified|hard|mini|live|multilingual|full|valid|validation|dev"  # not "test": said loosely
_RESULT_WORDS = (r"split|set|subset|version|variant|leaderboard|numbers|results|scores?|figures?|performance|accuracy|"
                 r"resolve")
SPACED_VARIANT = re.compile(rf"(?:(?<=\bon\s)|(?<=\bin\s)|(?<=\bfor\s)|(?<=\bof\s)|"
                            rf"(?=[\w.]+(?:-[\w.]+)*\s+(?:{_SUBSETS})[\s-]+(?:{_RESULT_WORDS})\b))"
                            rf"(?P<base>[\w.]+(?:-[\w.]+)*)\s+(?:{_SUBSETS})"
                            rf"(?=\s*(?:$|[?.,;:!)])|[\s-]+(?:{_RESULT_WORDS})\b)", re.I)  # "validation-set accuracy"


# A short word typed in lower case, standing alone (no hyphen, dot or slash joins it to a name): three to five
# letters. A longer word nothing knows is as often a rare English one ("annotators") as a name.
_LOWER = standalone_lower(3, 5)
# Chat shorthand, no name: "btw", "lol"; and a contraction typed without its apostrophe ("didnt", "cant").
_SHORTHAND = INTERJECTIONS | frozenset({"btw", "pls", "plz", "thx", "imho", "afaik", "iirc", "eli",
                        "wrt", "etc", "aka", "hmm", "okay", "yeah", "nope", "yep", "whats", "hows", "nah", "yup", "tho",
                        "gonna", "wanna", "cant", "wont", "sorta", "kinda",
                        # clippings that could be two words, left as typed ("exp": experiment or the function)
                        "exp", "incl", "excl"})


def unknown_lower(question: str, vocabulary: Vocabulary) -> list[str]:
    """Short words typed in lower case that no abstract uses and common English lacks, inflected or not ("aime
    2024", "elo rating"): names typed in lower case that the index does not have. tiktoken's rarer tokens are
    no English here: they hold such names ("elo", "aime"; see COMMON_RANK). Not a common word with two letters
    swapped ("waht", "teh"; any other slip of so short a word is too often another word: "aime", "aimee") or a
    function word missing a letter ("hav"), nor a contraction typed without its apostrophe ("didnt", "isnt")."""
    from rag.text.typos import common_words, encoder_words, known_word, one_slip_away

    def known(word: str, english: frozenset[str]) -> bool:
        swapped = any(slip == "swapped" and near in english for near, slip in one_slip_away(word).items())
        # A function word with a letter left out ("hav", "whch") is that word: no name is so close to one.
        shortened = any(slip == "added" and near in STOPWORDS for near, slip in one_slip_away(word).items())
        return known_word(word, vocabulary, english, prefixes=False) or swapped or shortened or \
            (word.endswith("nt") and (word[:-2] in english or word[:-2] in STOPWORDS)) or _derived(word)

    def _derived(word: str) -> bool:  # "buggy" of the abstracts' "bug": an adjective made of their word
        base = re.sub(r"(?:y|ly|ish)$", "", word)
        base = base[:-1] if len(base) >= 2 and base[-1] == base[-2] else base
        return base != word and len(base) >= 3 and vocabulary.has(base)

    # The encoder's words first: tiktoken's table is read (and tiktoken imported) only for a word they lack.
    # A field's clipped words ("base ckpt", "perf numbers") are no names either.
    # Nor a verb with its particle ("to churn out one paper"): a name is not put there.
    rare = [w for w in dict.fromkeys(_LOWER.findall(question))
            if w not in _SHORTHAND and w not in CLIPPINGS and not known(w, encoder_words())
            and not re.search(rf"\b(?:to|can|could|will|would|does|do|did|not)\s+{re.escape(w)}\s+"
                              r"(?:out|up|off|down|through|over|away)\b", question)]
    return [w for w in rare if not known(w, common_words())] if rare else []


# "the Reflexion paper", "Toolformer's authors": a name used as a paper's.
_AS_PAPER = rf"(?:\s+(?:{'|'.join(sorted(PAPER_WORDS))}|authors?)\b|['’]s?\s+(?:paper|authors?|abstract)\b)"


def unknown_papers(found: Gathered) -> list[str]:
    """Names the question uses as a paper's name ("the Toolformer paper") that no indexed paper has: no abstract
    mentions them, or the abstracts only cite them (a name one abstract uses as its own names that paper)."""
    from rag.answer.mentions import name_like
    from rag.text.names import mention_pattern

    question = found.searched
    unknown_ids, unknown_words = unknowns(found)
    papers = found.view.papers.values()
    authors = {w.lower() for p in papers for a in p.authors for w in re.findall(r"[\w'’-]+", a)}
    lexicon = found.view.lexicon
    # A name in a title describes that paper ("the Lean paper"), and "the MBPP paper" is the one introducing or
    # defining it ("The Mostly Basic Programming Problems (MBPP) dataset"), though other abstracts use it too.
    cited = [m.text for m in lexicon.find(question)
             if m.kind == "term" and name_like(m.text)
             and ((re.match(_AS_PAPER, question[m.end:], re.I) and not _DESCRIBED_BY.search(question[:m.start])
                   and not (_OWNER_BEFORE.search(question[:m.start]) and _STUDY_AFTER.match(question[m.end:])))
                  or _owned_unsaid(question, m, found))
             and key(m.text) not in lexicon.introduced
             and key(m.text) not in lexicon.definers
             and not any(mention_pattern(m.text).search(p.title) for p in papers)]
    # "the Chen paper": an author's name is no paper's name, but the paper is there.
    return [*cited, *[n for n in [*unknown_ids, *unknown_words] if n.lower() not in authors
                      and re.search(mention_pattern(n).pattern + _AS_PAPER, question, re.I)
                      and titled_paper(n, papers) is None],
            *untitled(question, papers)]


# "SWE-agent's agent-computer interface": what the question says the named thing has (the mention may or may not
# hold the possessive).
_POSSESSED = re.compile(r"(?:['’]s?)?\s+(?P<thing>(?:[\w-]+\s+)?[\w-]+)")


_WHICH_FIGURE = r"(?:overall|total|average|aggregated?|combined|full|mean)\b"
# Words for a figure of any kind ("headline number"), not a measurement a citing abstract may not speak of ("success
# rate").
_ANY_FIGURE = r"(?:numbers?|figures?|results?|scores?)\b"


# "the RL + CodeT5 on PIE paper": a name after a preposition is what a described paper works on, not its name.
_DESCRIBED_BY = re.compile(r"\b(?:on|with|using|for|from|via|of)\s+(?:the\s+)?$", re.I)
# "their GPT-2 study", "the dynamic inference paper's GPT-2 study": a study a paper made on the name ("Google's
# Gemini paper", "their Codex paper" are papers).
_OWNER_BEFORE = re.compile(r"\b(?:their|its|our|paper['’]s)\s+$", re.I)
_STUDY_AFTER = re.compile(r"\s+(?:study|studies|experiments?|analys[ie]s|evaluations?|investigations?)\b", re.I)


def _owned_unsaid(question: str, mention: Mention, found: Gathered) -> bool:
    """Whether the question asks about something a name has ("SWE-agent's agent-computer interface") that no
    abstract mentioning the name speaks of: then only that name's own paper could say, and the index lacks it. A
    thing they do speak of ("GPT-4's accuracy on miniF2F", where an abstract reports it) is answered, and so is a
    name an abstract uses as its own (said twice there, or its model: "DotaMath-deepseek-7B's score")."""
    from rag.text.names import names_in, short_name

    written = question[mention.start : mention.end]
    possessive = re.search(r"['’]s?$", written) or re.match(r"['’]s?\b", question[mention.end :])
    match = _POSSESSED.match(question, mention.end)
    if not possessive or match is None or not (asked := set(tokenize(match["thing"])) - set(tokenize(written))):
        return False
    if re.match(rf"(?:(?!{_WHICH_FIGURE})[\w-]+\s+)?{_ANY_FIGURE}", match["thing"], re.I) or \
            re.match(FIGURE_WORD, match["thing"], re.I):
        # "gpt-4o's number on GitChameleon", "GPT-4o's headline number": a figure, which the abstracts reporting
        # one speak of (not "Gemini's overall score", one kind of figure, which the abstracts may not give)
        return False
    papers = found.view.papers
    name = re.sub(r"['’]s?$", "", written)
    for pid in mention.paper_ids:
        text = f"{papers[pid].title}\n{papers[pid].abstract}"
        if found.view.lexicon.used_more_than_once(name, pid) or asked & set(tokenize(text)) or \
                any(key(name).startswith(key(own)) for own in names_in(short_name(papers[pid]))):
            return False  # said twice or a variant of the paper's own name ("DotaMath-deepseek-7B"): its own
    return True


def not_indexed(names: list[str], view: IndexView) -> str:
    from rag.answer.naming import mentions_name
    from rag.text.names import short_name

    said = []
    for name in names:
        citing = [short_name(p) for p in view.papers.values() if mentions_name(f"{p.title}\n{p.abstract}", name)]
        where = f"only mentioned in the abstracts of {', '.join(citing[:3])}" if citing else "no abstract mentions it"
        said.append(f"“{name}” ({where})")
    return f"No indexed paper is {'; '.join(said)}, so the indexed abstracts do not answer this question."


def unknown_data(found: Gathered) -> list[str]:
    """Names no abstract has that a question asks results on ("DS-1000 results", "on MMLU"), or []."""
    from rag.answer.asks import unknown_name_unanswerable

    unknown_ids, _ = unknowns(found)
    return unknown_ids if unknown_ids and unknown_name_unanswerable(found.searched, unknown_ids, False) else []


def repeated_unused(question: str, vocabulary: Vocabulary) -> list[str]:
    """A word of the question's own (not chatter) that no abstract uses in any form and the question writes twice
    or more ("quantum circuit synthesis or compiling to quantum hardware"): what it asks about, which the index
    lacks. Once, such a word may be the asker's paraphrase of what an abstract says; [] when there is none."""
    from collections import Counter

    from rag.text.chatter import CHATTER
    from rag.text.tokens import long_words

    counts = Counter(w.lower() for w in long_words(question, CHATTER) if not vocabulary.uses(w))
    return [w for w, n in counts.items() if n >= 2][:1]


def not_mentioned(names: list[str]) -> str:
    quoted = ", ".join(f"“{n}”" for n in names)
    return f"No indexed abstract mentions {quoted}, so the indexed abstracts do not answer this question."


# "HumanEval-style tasks", "GPT-4-like models", "a gpt-3.5-based agent": a known name with a word saying "of its
# kind" describes (a kind of thing named after the name, not the name itself).
# A kind likened to the name ("-style", "-like"): a list topic's "early-exit style dynamic inference" is about dynamic
# inference.
LIKENED = r"(?:style|like|type|ish|esque|inspired|flavou?red)"
KIND_SUFFIX = (rf"-(?:{LIKENED}|based|related|specific|level|format|derived|generated|written|produced|powered|driven|"
               r"assisted)")
_KIND_OF = re.compile(rf"^(?P<base>.+?){KIND_SUFFIX}$", re.I)
# The same in running text, lower case included.
KIND_OF_IN_TEXT = re.compile(rf"(?<![\w.-])(?P<base>[\w.+]+(?:-[\w.+]+)*?){KIND_SUFFIX}(?![\w-])", re.I)


def kind_base(name: str) -> str:
    """The name a kind is named after ("GSM8K" of "GSM8K-based"), or the name itself."""
    match = _KIND_OF.match(name)
    return match["base"] if match else name


# A known name and what was done with it, in a participle the abstracts use in some spelling ("LLM-optimised" beside
# "LLM-written": code a model optimised).
_DONE_WITH = re.compile(r"^(?P<base>.+?)-(?P<done>[a-z]{3,}(?:ed|en))$")


def _known_kind_of(name: str, view: IndexView) -> bool:
    from rag.text.names import mention_pattern

    match = _KIND_OF.match(name)
    if not match and (done := _DONE_WITH.match(name)) and view.vocabulary.uses(done["done"]):
        # Only what some abstract does with that name, in one abstract: no "CodeLlama-distilled" where CodeLlama is
        # fine-tuned and another model distilled.
        base, stem = mention_pattern(done["base"]), re.compile(rf"\b{re.escape(_stem(done['done']))}", re.I)
        return any(base.search(p.abstract) and stem.search(p.abstract) for p in view.papers.values())
    return bool(match) and (bool(mention_pattern(match["base"]).search(view.corpus_text))
                            or view.lexicon.known(match["base"]))


def _stem(participle: str) -> str:
    """A participle without its ending, in either spelling: "optimised" and "optimized" as "optimi"."""
    return re.sub(r"(?:[sz]ed|ed|en)$", "", participle.lower())
