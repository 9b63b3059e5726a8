"""Which models the papers evaluate, compare against or find best: "which LLMs get evaluated in the math evaluation
papers?", "what models do the Lean provers use as baselines?", "which model comes out on top across the benchmark
papers?".

Such a question asks for named things, as "which benchmarks ..." does, but for the models a paper puts to the test,
not those it fine-tunes (tuned_models.py) nor the data it runs them on. A model is a name written as one (a version
or size in it: "GPT-4o", "o1-mini", "Llama2-13B"), a name the sentence calls a model ("the InCoder model"), or a name
listed after "models such as / including / like"; never where data goes ("on HumanEval"), nor the paper's own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.answer.tuned_models import own_name
from rag.text.names import is_generic, names_in
from rag.text.sentences import split_sentences
from rag.types import Paper

_MODEL_WORD = r"(?:models?|LLMs?|LMs?)"
_MODELS = rf"(?:{_MODEL_WORD}|baselines?)"
# "which LLMs get evaluated in the math papers", "what models do the Lean provers use as baselines?", "which model
# ends up on top across the benchmark papers", "which actual models/products
# got evaluated in the completion studies". Asked of several papers ("papers", "across", "here"): "which models did
# they test?" after a turn about one paper is a question about it, and "which papers ... benchmark" asks for papers.
_OF_SEVERAL = re.compile(r"\b(?:papers|works|studies|corpus|collection|here|provers|"
                         r"across\s+(?:the|these|all|papers))\b", re.I)
_ASKS = re.compile(
    # "list of the LLMs used as baselines in the proof papers" asks the same.
    r"(?:(?:\b(?:which|what)|\blist\s+of(?:\s+(?:all\s+)?the)?)\s+"
    rf"(?:(?!(?:papers|works|studies)\b)[\w/-]+\s+){{0,3}}?{_MODELS}\b(?!\s+sizes?)"
    r"(?:/\w+)?[^?]*?\b(?:evaluat\w*|test(?:s|ed|ing)?|benchmark(?:s|ed|ing)?|compar\w*|baselines?|on\s+top|"
    r"(?:the\s+)?best|top\s+perform\w*|power\w*|run\s+on|studied|assess\w*|examin\w*|pitted|put\s+to\s+the\s+test)\b|"
    r"\b(?:LLMs|models)\s+(?:that\s+)?(?:get|got|are|were)\s+(?:evaluated|tested|benchmarked|compared|studied)\b|"
    r"\bwhich\s+(?:[\w-]+\s+){0,2}?(?:model|LLM)\s+(?:ends?\s+up|comes?\s+out|is|was)\s+(?:on\s+)?(?:top|best)\b)",
    re.I)
# Where a sentence names models it tests: "evaluated 23 leading LLMs", "compare ... with GPT-4", "baseline GPT-4".
_CUE = re.compile(r"\b(?:evaluat\w*|test\w*|benchmark\w*|compar\w*|baselines?|outperform\w*|surpass\w*|beat\w*|"
                  rf"than|against|versus|vs\.?|best|top|lags?|leading|state-of-the-art|{_MODEL_WORD})\b", re.I)
# A name written as a model: a version or a size in it ("GPT-4o", "o1-mini", "Llama2", "Qwen2.5-7B").
_VERSIONED = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
_LISTED_AFTER = rf"{_MODEL_WORD}\s*,?\s*(?:\(|(?:such\s+as|including|like|e\.g\.,?)\s+)"


def asks_evaluated_models(question: str) -> bool:
    """Whether the question asks which models papers evaluate, compare against or find best."""
    return bool(_ASKS.search(question) and _OF_SEVERAL.search(question))


def evaluated_models(paper: Paper, is_data: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    """(model name, sentence) for each model the abstract puts to the test or compares with, in order; not the
    paper's own names, not a name any of its sentences puts where data goes (`is_data(name, sentence)`)."""
    found: list[tuple[str, str]] = []
    sentences = split_sentences(paper.abstract)
    for sentence in sentences:
        if not _CUE.search(sentence):
            continue
        for name in (re.sub(r"-(?:based|powered|driven)$", "", n) for n in names_in(sentence)):
            # Data anywhere in the abstract is data here too: "in GSM8K, our OVM-7B model ..." after "on two
            # datasets, GSM8K and Game of 24".
            if is_generic(name) or own_name(name, paper) or any(is_data(name, s) for s in sentences) or \
                    not _written_as_model(name, sentence):
                continue
            if all(name.lower() != n.lower() for n, _ in found):
                found.append((name, sentence))
    return found


def _written_as_model(name: str, sentence: str) -> bool:
    named = re.escape(name)
    if re.search(rf"\d\s*%\s+(?:of|on|in|for)\s+(?:the\s+)?{named}(?![\w-])", sentence):
        return False  # "proves 46.3% of miniF2F": what a score is on is data
    if re.search(rf"(?<![\w-]){named}(?![\w-])\s+(?:(?:base|language|code|foundation|chat)\s+)?"
                 rf"{_MODEL_WORD}\b", sentence):
        return True  # "the InCoder model"
    if re.search(rf"{_LISTED_AFTER}(?:[\w.+-]+(?:\s+[\w.+-]+)?,?\s+(?:and\s+|or\s+)?){{0,5}}?{named}(?![\w-])",
                 sentence, re.I):
        return True  # "open-source models, such as Llama2 and CodeLlama"
    # A version or a size ("GPT-4o", "o1-mini"), but not a figure's unit or a year ("pass@1", "2023").
    return bool(_VERSIONED.search(name)) and "@" not in name and not re.fullmatch(r"[\d.]+[A-Za-z]?", name)
