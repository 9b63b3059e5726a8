"""One generated answer, start to finish: prompt -> stream -> citations -> verify -> (strict) -> Answer.

The extractive answer to the same question is computed first and kept as the fallback: a reply without a single
usable citation, or (in strict mode) without a single verified sentence, gives way to it, and the answer says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Generator as Events

from rag.answer.scoring import ScoredSentence
from rag.generation.base import Generator, Message
from rag.generation.grounding import LiveCitations, grounded_answer, render
from rag.generation.prompt import Candidate, NumberedSource, Prompt, build_prompt, fit_sources
from rag.generation.tasks import FACTOID, Task
from rag.settings import LLMSettings
from rag.types import Answer, Paper

# A reply longer than max_tokens at this many characters a token is a server ignoring the limit; reading on would
# only make every later step (marker renumbering, sentence checks) slower for text nobody asked for.
MAX_CHARS_PER_TOKEN = 10


def generated_answer(
    generator: Generator,
    *,
    question: str,
    searched: str,
    scored: Sequence[ScoredSentence],
    papers: dict[str, Paper],
    extractive: Answer,
    llm: LLMSettings,
    max_sentences: int,
    verify: Callable[[Answer], object],
    strict: bool = False,
) -> Events[str, None, Answer]:
    """Yields the reply's text as it streams (markers already numbered as in the final answer); returns the
    verified Answer, or the extractive one when the model cited nothing usable."""
    prompt = budgeted_prompt(searched, scored, papers, llm, max_sentences)
    live = LiveCitations(prompt.sources)
    yield from read_reply(generator, prompt.messages, live, llm.max_tokens)
    extractive.tokens = used = token_use(prompt.messages, live.reply, llm)  # a fallback cost the same
    answer = grounded_answer(live.reply, prompt.sources, papers, query=question, searched=searched,
                             mode=generator.name)
    if answer is None:
        return fallback(extractive, no_citations(generator.name), generator.name)
    answer.tokens = used
    verify(answer)
    if strict:
        kept = keep_verified(answer)
        if kept is None:
            return fallback(extractive, none_verified(generator.name), generator.name)
        answer = kept
    return answer


def no_citations(name: str) -> str:
    return f"The model ({name}) gave no usable [n] citations, so this answer quotes the abstracts instead."


def none_verified(name: str) -> str:
    return (f"None of the model's ({name}) sentences could be verified against the abstracts it cited (strict mode), "
            "so this answer quotes them instead.")


def budgeted_prompt(question: str, candidates: Iterable[Candidate], papers: dict[str, Paper], llm: LLMSettings,
                    max_sentences: int, task: Task = FACTOID, aspect: str = "") -> Prompt:
    """The prompt holding as many of `candidates` (best first) as the model's context window has room for."""
    from rag.generation.token_count import chat_tokens, evidence_budget

    bare = build_prompt(question, [], papers, max_sentences, task, aspect)
    budget = evidence_budget(chat_tokens(bare.messages), llm.context_window, llm.max_tokens, llm.evidence_tokens)
    sources: list[NumberedSource] = fit_sources(candidates, papers, budget)
    return build_prompt(question, sources, papers, max_sentences, task, aspect)


def read_reply(generator: Generator, messages: list[Message], live: LiveCitations, max_tokens: int) -> Events[str]:
    """Streams the reply into `live`, yielding what to show; stops reading once it is far over `max_tokens`."""
    room = max_tokens * MAX_CHARS_PER_TOKEN
    stream = generator.stream(messages)
    try:
        for delta in stream:
            shown = live.feed(delta[:room])
            room -= len(delta)
            if shown:
                yield shown
            if room <= 0:
                break
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # ends the HTTP request too, rather than leaving the server writing


def token_use(messages: list[Message], reply: str, llm: LLMSettings) -> dict[str, int]:
    """What one answer cost, counted with tiktoken: the prompt as sent, and the reply as read."""
    from rag.generation.token_count import chat_tokens, count

    return {"prompt": chat_tokens(messages), "completion": count(reply), "context_window": llm.context_window}


def fallback(extractive: Answer, note: str, name: str) -> Answer:
    """The extractive answer, saying why it replaced the model's; the mode names the model it stood in for."""
    extractive.answer = f"_{note}_\n\n{extractive.answer}"
    extractive.mode = f"extractive (fallback from {name})"
    return extractive


def keep_verified(answer: Answer) -> Answer | None:
    """Strict mode: only verified sentences stay, citations renumbered in order of use; None if nothing stays."""
    kept = [s for s in answer.sentences if s.verified]
    if not kept:
        return None
    dropped = len(answer.sentences) - len(kept)
    if not dropped:
        return answer
    numbers = {old: new for new, old in enumerate(dict.fromkeys(n for s in kept for n in s.citations), start=1)}
    citations = []
    for citation in answer.citations:
        if citation.n in numbers:
            citation.n = numbers[citation.n]
            citations.append(citation)
    for sentence in kept:
        sentence.citations = [numbers[n] for n in sentence.citations]
    answer.citations = sorted(citations, key=lambda c: c.n)
    answer.sentences = kept
    plural = "s" if dropped > 1 else ""
    answer.answer = (f"{render(kept)}\n\n_Strict mode left out {dropped} generated sentence{plural} that the cited "
                     "abstracts do not support._")
    return answer
