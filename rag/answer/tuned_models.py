"""Which models the papers fine-tune or start from: "which base models get fine-tuned in the math reasoning papers?".

Such a question asks for named things, as "which benchmarks ..." does, but the names sit after a tuning verb
("fine-tuning the DeepSeekMath 7B model on ...", "Starting from Qwen2.5-Math-7B-Base, ...", "pre-train two models,
SPT-Code and Polycoder, for ..."), not where data goes. A name before the verb, or past the clause it ends ("...
compare favorably with large language models (such as GPT-4)"), is no model the paper tuned.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.text.names import is_generic, key_names, mention_pattern, short_name
from rag.text.sentences import split_sentences
from rag.types import Paper

# "which base models get fine-tuned ...", "what code LLMs did people fine-tune", "base models used across ...",
# "code LMs that get fine-tuned or further pretrained across these papers".
_MODELS = r"(?:models?|LLMs?|LMs?|checkpoints?)"
_PLURAL_MODELS = r"(?:models|LLMs|LMs|checkpoints)"  # "the model fine-tuned on Repo-Instruct" is one paper's
_TUNED = (r"(?:fine-?tun\w*|finetun\w*|pre-?train\w*|further[- ]train\w*|start(?:ed|ing)?\s+from|buil[dt]\s+on|"
          r"based\s+on)")
_ASKS = re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,3}}?{_PLURAL_MODELS}\b[^?]*?\b{_TUNED}|"
                   rf"\bbase\s+(?:[\w-]+\s+)?{_MODELS}\b|"
                   # "starting checkpoints the math papers build on", "which LLMs serve as the backbone / bases"
                   rf"\bstarting\s+(?:{_MODELS}|points)\b|"
                   rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?{_PLURAL_MODELS}\s+(?:serve|are\s+used|act)\s+as\s+"
                   r"(?:the\s+|their\s+)?(?:backbones?|bases?|base\s+models?)\b|"
                   rf"\b{_PLURAL_MODELS}\s+(?:that\s+)?(?:get|got|are|were)?\s*(?:fine-?tuned|finetuned|"
                   rf"(?:further\s+)?pre-?trained)\b", re.I)
# Where the paper says it tuned something, and what it tuned follows: "fine-tune", "pre-train", "starting from".
# Not an adjective before what was made with it: "an instruction fine-tuning dataset called DotaMathQA", "pre-trained
# LMs".
_CUE = re.compile(r"\b(?:fine-?tun\w*|finetun\w*|pre-?train(?:s|ing)?\b|pre-?trained\b"
                  r"(?!\s+(?:[\w-]+\s+){0,2}?(?:LMs?|LLMs?|models?|transformers?)\b)|"
                  r"start(?:s|ed|ing)?\s+from|initiali[sz]\w*\s+(?:from|with))"
                  r"(?!\s+(?:[\w-]+\s+)?(?:datasets?|data|corpus|corpora|protocol|stage|process)\b)", re.I)
# What ends the stretch naming the tuned models: a comparison ("compare favorably with GPT-4"), a new clause.
# "fine-tuning LLMs with FVELER": what it was tuned with is data, not a model ("experiments with open-source models,
# such as Llama2" are).
_CLAUSE_END = re.compile(r"[;:]|\b(?:compar\w*|outperform\w*|surpass\w*|than|versus|vs\.?|achiev\w*|which|where|"
                         r"while|whereas|but|using|via)\b|"
                         r"\bwith\s+(?=(?-i:[A-Z][\w-]*[A-Z0-9])|(?:the\s+|our\s+)?[\w-]+\s+(?:data|dataset|corpus)\b)",
                         re.I)
_WORDS_AFTER = 25
# What is written after the name is part of it: "Phi-2", "DeepSeekMath 7B", "Llama3- 8B".
_SUFFIX = re.compile(r"(?:-[\w.]+)*(?:\s*-?\s*\d+(?:\.\d+)?[BMK]\b)?")
# How an abstract names a thing of its own: "a dataset called DotaMathQA", "we introduce FooBench".
_NAMING = (r"\b(?:called|named|dubbed|termed|introduce|introduces|present|presents|propose|proposes)\s+"
           r"(?:[\w-]+\s+){0,3}?")


# One paper's: "which model was fine-tuned and on which corpus?", "what LLM did they start from?".
_ASKS_ONE = re.compile(rf"\b(?:which|what)\s+(?:[\w-]+\s+){{0,2}}?{_MODELS}\b[^?]*?\b{_TUNED}", re.I)


def asks_tuned_model(question: str) -> bool:
    """Whether the question asks which model one paper fine-tuned or started from."""
    return bool(_ASKS_ONE.search(question))


def asks_tuned_models(question: str) -> bool:
    """Whether the question asks which models were fine-tuned or built on ("which base models ...")."""
    return bool(_ASKS.search(question))


def tuned_models(paper: Paper, is_data: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    """(model name, sentence) for each model the abstract says it fine-tunes, pre-trains or starts from; not one
    of the paper's own names (in its title, or introduced: "called DotaMathQA"). `is_data(name, sentence)`: the
    sentence puts the name where data goes ("fine-tuning MonoCoder on HPCorpusMPI")."""
    found: list[tuple[str, str]] = []
    for sentence in split_sentences(paper.abstract):
        for cue in _CUE.finditer(sentence):
            stretch = _stretch(sentence[cue.end():])
            # "Starting from Qwen2.5-Math-7B-Base" is a model, though "from" may put a name where data goes.
            starts = cue[0].lower().startswith(("start", "initiali"))
            for name in _names(stretch):
                if is_generic(name) or own_name(name, paper) or (not starts and is_data(name, sentence)):
                    continue
                suffix = _SUFFIX.match(stretch, stretch.find(name) + len(name))
                full = name + suffix.group(0) if suffix else name
                if all(full != n for n, _ in found):
                    found.append((full, sentence))
    return found


def _names(stretch: str) -> list[str]:
    """The names in a stretch, in their order there; its first word is no sentence start ("Mixtral-8x7B, our ...")."""
    return sorted(key_names(f"about {stretch}"), key=stretch.find)


def own_name(name: str, paper: Paper) -> bool:
    """Whether a name is the paper's own: in its title, defined in brackets ("verifier-based (VB) methods"),
    introduced ("called DotaMathQA"), or a variant of its short name ("DotaMath-deepseek-7B"; "DeepSeek-Prover-V1.5"
    of DeepSeek-Prover)."""
    own = short_name(paper).lower()
    variant = bool(own) and (own in (part.lower() for part in name.split("-")) or name.lower().startswith(f"{own}-"))
    return bool(mention_pattern(name).search(paper.title) or f"({name})" in paper.abstract or
                re.search(_NAMING + re.escape(name) + r"(?![\w-])", paper.abstract, re.I) or variant)


def _stretch(after: str) -> str:
    """The words after a tuning verb that may name what was tuned: up to the clause's end, or to the first comma
    after a name ("models, SPT-Code and Polycoder, for a Fortran corpus": not Fortran)."""
    words = after.split()[:_WORDS_AFTER]
    text = " ".join(words)
    if end := _CLAUSE_END.search(text):
        text = text[:end.start()]
    for comma in re.finditer(",", text):
        if _names(text[:comma.start()]):
            return text[:comma.start()]
    return text
