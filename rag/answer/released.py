"""Whether a paper releases its code, data or models ("which of them release code?", "which papers put their
weights on Hugging Face?"): a fact its abstract states in a sentence of its own, a link or "we release ...", not a
topic close in meaning. Read by meaning, every abstract that mentions code or data came close.
"""

from __future__ import annotations

import re

from rag.text.sentences import split_sentences

# Hugging Face as a question names it, a place releases go ("on Hugging Face", "via the HF hub").
HUGGING_FACE = r"(?:hugging\s*face|HF)"
# What is released: "code", "code / give a repository link", "weights, models or data".
_WHAT = (r"(?:code|source|implementation|repo\w*|github|links?|data\w*|corpus|corpora|benchmarks?|weights|models?|"
         r"checkpoints?|something|anything|stuff|things|artifacts?|artefacts?|resources?)\b(?:\s+links?\b)?(?:\s*(?:/|,|or|and)\s*(?:[\w-]+\s+){0,3}?(?:code|source|repo\w*|links?|"
         r"data\w*|weights|models?|checkpoints?)\b(?:\s+links?\b)?)*")
# What a list topic asks released, with what it says is released in group "what": said after the verb ("release
# their code", "give a repo link") or before where it goes ("make their weights publicly available").
_ASKED = re.compile(r"\b(?:release[sd]?|releasing|open[- ]?sourc\w*|publish(?:es|ed)?|shar(?:e|es|ed)|"
                    r"link(?:s|ed)?\s+to|provid(?:e|es|ed)|giv(?:e|es))"
                    r"(?:\s+(?:public(?:ly)?|a|an|the|their|its|any|also|to|on|at))*"
                    rf"\s+(?P<what>{_WHAT})|"
                    r"\b(?:make|makes|made|put|puts)\s+(?:(?:a|an|the|their|its|any)\s+)?(?:(?:trained|model|final)\s+)?"
                    rf"(?P<made>{_WHAT})\s+(?:(?:public(?:ly)?|freely|openly)\s+)?(?:available|accessible|public|"
                    rf"up|out|online|(?=on\s+{HUGGING_FACE}\b))\b|"
                    # "state that the model weights or checkpoints have been, or will be, made publicly available",
                    # "papers whose data will be made public": said in the passive of the papers' own things; not of
                    # another's ("train on code whose source has been made public", "... made public by others")
                    r"(?:\b(?:states?|says?|said|claims?|notes?|reports?|mentions?)\s+(?:that\s+)?(?:the\s+|their\s+|its\s+)?|"
                    r"\b(?:their|its)\s+|\b(?:papers?|works?|ones|studies)\s+whose\s+)"
                    r"(?:(?:trained|model|final|pretrained|fine-tuned)\s+){0,2}"
                    rf"(?P<passive>{_WHAT})(?:\s+themselves)?(?:[\s,]+(?:has|have|had|will|would|is|are|was|were|be|"
                    r"been|or))+[\s,]+made\s+(?:(?:public(?:ly)?|freely|openly)\s+)?(?:available|accessible|public)\b"
                    r"(?!\s+(?:by|from)\s+(?:others|other|third|external|another|different)\b)|"
                    # "released on Hugging Face", whatever it was, said first (not "models published on HF")
                    r"^(?:release[sd]?|releasing|publish(?:es|ed)?|upload(?:s|ed)?|put)(?=\s+(?:on|via|to)\s+"
                    rf"(?:the\s+)?{HUGGING_FACE}\b)", re.I)
# The kinds of thing released, each by the words a sentence releasing it has.
_KINDS = {
    # Not a name's part ("stable-code-3b" in a model's address), nor open source said of something else ("release an
    # open-source dataset", "open source several checkpoints"); nor "language models" (the kind a dataset is made
    # for: "We make this new dataset publicly available to assist a comparison of ChatGPT with ... large language
    # models"), nor a dataset's address on Hugging Face.
    "code": r"(?<![-/])code(?!-)|(?<!open-)(?<!open\s)sources?\b|implementation|repositor\w*|github\.com",
    "data": r"data\w*|benchmarks?|(?-i:[A-Z]\w*Bench)\b|corpus|corpora|huggingface\.co/datasets",  # "UGMathBench"
    "model": r"(?<!language\s)models?|weights|checkpoints?|hugging\s*face(?!\.co/datasets)",
    # Asked as a link: "link to a GitHub repository" is a github.com address (a project page on github.io is not);
    # "give links" any address.
    "github": r"github\.com/",
    "link": r"https?://|[\w-]+\.github\.io\b|github\.com/|huggingface\.co/",
}
# The kinds as a question asks them: "release code or language models" asks for models.
_ASKED_KINDS = {**_KINDS, "model": r"models?|weights|checkpoints?|hugging\s*face"}
# Where a release is asked to go, said right after what is released ("release models or data on Hugging Face", "make
# their dataset available via the HF hub"): a sentence releasing there, besides what it releases.
_PLACES = {"hugging face": r"hugging\s*face|huggingface\.co/"}
_PLACE = re.compile(r"(?:\s+(?:publicly|openly|freely))?(?:\s+(?:available|accessible|up|out|online))?"
                    rf"\s*(?:on|via|at|through|to|in)\s+(?:the\s+)?{HUGGING_FACE}(?:\s+hub)?\b"
                    r"(?!\s+(?:datasets?|models?|hub\s+datasets?)\b)(?!\s*(?:or|and|/)\s)", re.I)
# The end of the clause asking the release: what follows is no more asked of the papers ("? list me those pls").
_CLAUSE_END = re.compile(r"[?!;]|\.(?:\s|$)(?<!e\.g\.\s)(?<!i\.e\.\s)")
_LINK = re.compile(r"https?://|\b[\w-]+\.github\.io\b|github\.com/|huggingface\.co/", re.I)
_SAID_AVAILABLE = re.compile(r"\b(?:code|data|datasets?|models?|weights|benchmarks?|implementation|checkpoints?|"
                             r"sources?)\b[^.]{0,30}?\b(?:is|are|will\s+be|has\s+been|have\s+been)\s+(?:made\s+)?"
                             r"(?:publicly\s+|freely\s+|openly\s+)?(?:available|released|open[- ]sourced)\b"
                             r"(?!\s+only)", re.I)
_WE_RELEASE = re.compile(r"\b(?:we|our\s+\w+)\s+(?:also\s+|further\s+|have\s+)?(?:publicly\s+)?(?:release|released|"
                         r"open-source|open-sourced|open\s+source|make\s+(?:[\w-]+\s+){0,5}?(?:publicly\s+|freely\s+)?"
                         r"(?:available|accessible))\b|"
                         # "We introduce ... and release an open-source dataset", "We anticipate that the release of
                         # UGMathBench, along with its evaluation codes, will ...": the authors' release, said later on
                         r"\bwe\b[^.;]*?(?:\band\s+(?:publicly\s+)?release\s+(?:an?|the|our)\s+|\bthe\s+release\s+of\s+)",
                         re.I)
# "publicly available on HuggingFace", not "testing it on publicly available datasets" (someone else's).
_PUBLIC = re.compile(r"\b(?:publicly|freely|openly)\s+(?:available|accessible|released)\b"
                     r"(?=\s+(?:on|at|via|in|from|to|under|for)\b|\s*[.,;:]|\s*$)", re.I)


# Words around a release asked that ask nothing more of the papers ("LLM-agent papers that also release ...", "...,
# if anything"); a paper set aside ("besides Stable Code") is the pipeline's to leave out, not what the rest is about.
_REST_WORDS = re.compile(r"\b(?:besides|apart\s+from|except(?:\s+for)?|other\s+than)\b.*$|"
                         # "..., as distinct from merely code or data": what is set against the release asked
                         r",?\s*\b(?:as\s+distinct\s+from|as\s+opposed\s+to|rather\s+than|instead\s+of)\b.*$|"
                         r",?\s*\bif\s+(?:anything|any)\b|"
                         r"\b(?:(?:say|says|said|claim|claims|state|states)\s+(?:that\s+)?(?:they|it)|"
                         r"(?:say|says|said|claim|claims|state|states)\s+that|that|which|who|"
                         r"and|also|papers?|works?|ones?|do|does|both|publicly|in|on|for|the|a|an)\b", re.I)


def release_asked(topic: str) -> tuple[list[str], str] | None:
    """The kinds of thing a list topic asks papers to release ([] for any), and what else it asks of them ("LLM-agent
    papers" of "LLM-agent papers release their code"); None when it asks no release."""
    asked = _ASKED.search(topic)
    if asked is None:
        return None
    what = asked["what"] or asked["made"] or asked["passive"] or ""
    kinds = [kind for kind, words in _ASKED_KINDS.items() if re.search(rf"\b(?:{words})", what, re.I)]
    if (place := _PLACE.match(topic, asked.end())) and not re.search(r"\bor\b", topic[:asked.start()]):
        # "which math papers release data on Hugging Face?": the data released there, by the math papers.
        after = topic[place.end():]
        after = after[:end.start()] if (end := _CLAUSE_END.search(after)) else after
        rest = _REST_WORDS.sub(" ", f"{topic[:asked.start()]} {after}")
        return [*kinds, "hugging face"], re.sub(r"^(?:in|on|for|about)\s+", "", " ".join(rest.split()).strip(" ,"))
    if not kinds and (asked[0].lower().startswith("link") or re.search(r"\blinks?\b", what, re.I)):
        # "link to a GitHub repository", "provide links to their GitHub repos": a github.com address; "give links",
        # "link to GitHub or a project page": any address.
        after = topic[asked.start():]
        only_github = re.search(r"\bgithub\b", after, re.I) and not re.search(r"\bor\b|hugging|page|site", after, re.I)
        kinds = ["github"] if only_github else ["link"]
        # "to their GitHub repositories", "or a project page": where the link goes, no more asked of the paper.
        before = re.sub(r"\b(?:that|which|who|and|also|papers?|works?|ones?|do|does)\b", " ", topic[:asked.start()],
                        flags=re.I)
        return kinds, " ".join(before.split()).strip(" ,")
    elif re.search(r"\b(?:repo\w*|github|links?)\b", what, re.I):
        kinds = sorted({*kinds, "code"})
    rest = _REST_WORDS.sub(" ", f"{topic[:asked.start()]} {topic[asked.end():]}")
    return kinds, " ".join(rest.split()).strip(" ,")


# A release said with its verb ("does MARIO release its dataset?", "is the code publicly available?"), not "open-source"
# as what kind of model ("which open-source model came out best?").
_RELEASING = re.compile(r"(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)"  # "the released dataset" is taken as given
                        r"\b(?:release[sd]?|releasing|publish(?:es|ed)?|open[- ]?sourc(?:es|ed|ing)|"
                        r"open[- ]?source\s+(?:their|its|the)|made\s+public|"
                        r"make\s+(?:\w+\s+){1,3}?(?:public|available)|"
                        r"(?:publicly|freely|openly)\s+(?:available|accessible))\b", re.I)


def release_asked_of_paper(question: str) -> tuple[list[str], str] | None:
    """What a question about one paper asks it to release, as `release_asked`; None unless a release is asked with its
    verb."""
    if not _RELEASING.search(question):
        return None
    # "is PyCoder's code publicly available?": what is named beside it.
    return release_asked(question) or ([kind for kind, words in _KINDS.items() if re.search(rf"\b(?:{words})", question,
                                                                                           re.I)], "")


def release_sentence(abstract: str, kinds: list[str]) -> str:
    """The sentence of the abstract releasing something of the `kinds` (any, when none is asked), or ""."""
    # Only a text with a word every release sentence has is split or matched: splitting every abstract of a large
    # index and matching each sentence took a second a list on 5,183 SciFact abstracts.
    for sentence in split_sentences(abstract) if _may_release(abstract) else []:
        if not (_may_release(sentence) and any(p.search(sentence) for p in (_LINK, _SAID_AVAILABLE, _WE_RELEASE,
                                                                               _PUBLIC))):
            continue
        things = [k for k in kinds if k in _KINDS]
        if all(re.search(rf"\b(?:{_PLACES[k]})", sentence, re.I) for k in kinds if k in _PLACES) and \
                (not things or any(re.search(rf"\b(?:{_KINDS[k]})", sentence, re.I) for k in things)):
            return sentence
    return ""


_RELEASE_WORDS = ("http", "github", "hugging", "availab", "accessib", "releas", "open-sourc", "open sourc")


def _may_release(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _RELEASE_WORDS)
