"""Comparisons, lists and overviews written by a model: the real engine over the built-in corpus, an OpenAI-protocol
server on loopback playing the model. The planner and the evidence stay as the extractive answers have them; the
model's sentences fill the table, the list lines and the overview, and each one is verified."""

from __future__ import annotations

import re

import pytest

COMPARE = "Compare DotaMath and InfinityMATH"
HUMANEVAL = "Which papers report results on HumanEval?"


@pytest.fixture(autouse=True)
def clean(openai_server):
    openai_server.reset()


def sources_by_paper(messages) -> dict[str, dict[int, str]]:
    """The prompt's numbered sentences under each paper's title, as the model reads them."""
    papers: dict[str, dict[int, str]] = {}
    current = ""
    for line in messages[-1]["content"].splitlines():
        title = re.match(r"^Paper: “(.*)”$", line)
        source = re.match(r"^\[(\d+)\] (.*)$", line)
        if title:
            current = title.group(1)
            papers[current] = {}
        elif source and current:
            papers[current][int(source.group(1))] = source.group(2)
    return papers


def source_with(messages, paper: str, words: str) -> int:
    """The number of the prompt sentence of `paper` (a title's start) that contains `words`."""
    for title, sources in sources_by_paper(messages).items():
        if title.startswith(paper):
            return next(n for n, text in sources.items() if words in text)
    raise AssertionError(f"no paper {paper!r} in the prompt")


def comparison_reply(*extra: str):
    def reply(messages) -> str:
        n = {"d_method": source_with(messages, "DotaMath", "decomposing them into simpler logical subtasks"),
             "d_data": source_with(messages, "DotaMath", "574K"),
             "i_what": source_with(messages, "InfinityMATH", "We introduce InfinityMATH"),
             "i_how": source_with(messages, "InfinityMATH", "number-independent programs")}
        lines = [
            f"- **DotaMath**: DotaMath models tackle complex mathematical tasks by decomposing them into simpler "
            f"logical subtasks and leveraging code to solve them [{n['d_method']}].",
            f"- **InfinityMATH**: InfinityMATH is a scalable instruction tuning dataset for programmatic mathematical "
            f"reasoning [{n['i_what']}].",
            f"How they differ: DotaMath generates an instruction fine-tuning dataset called DotaMathQA with 574K "
            f"query-response pairs, while InfinityMATH decouples numbers from mathematical problems to synthesize "
            f"number-independent programs [{n['d_data']}][{n['i_how']}].",
        ]
        return "\n".join(lines + [e.format(**n) for e in extra])

    return reply


def test_a_comparison_is_one_request_with_both_papers_evidence_and_shows_the_models_text(llm_engine, openai_server):
    openai_server.reply = comparison_reply()
    answer = llm_engine.ask(COMPARE)
    assert len(openai_server.requests) == 1
    prompt = openai_server.requests[0]["messages"][-1]["content"]
    assert "574K query-response pairs" in prompt and "number-independent programs" in prompt
    assert "How they differ:" in openai_server.requests[0]["messages"][0]["content"]
    assert answer.mode == "openai:fake-model" and answer.kind == "comparative"
    assert [c.title.split(":")[0] for c in answer.citations] == ["DotaMath", "InfinityMATH"]
    assert [(row["paper"], row["written_by"]) for row in answer.table] == [("DotaMath", "model"),
                                                                            ("InfinityMATH", "model")]
    assert answer.table[1]["summary"] == ("InfinityMATH is a scalable instruction tuning dataset for programmatic "
                                          "mathematical reasoning.")
    assert "| **InfinityMATH** [2] | InfinityMATH is a scalable instruction tuning dataset" in answer.answer
    closing = answer.sentences[-1]
    assert closing.citations == [1, 2] and closing.verified, closing.reason
    assert "**How they differ:** DotaMath generates an instruction fine-tuning dataset" in answer.answer
    assert all(s.verified for s in answer.sentences), [(s.text, s.reason) for s in answer.sentences]


def test_a_planted_comparison_figure_from_neither_abstract_is_flagged_and_dropped_in_strict(llm_engine,
                                                                                            openai_server):
    planted = "DotaMath reaches 97.5% on MATH while InfinityMATH reaches 12.3% on it [{d_data}][{i_how}]."
    openai_server.reply = comparison_reply(planted)
    answer = llm_engine.ask(COMPARE)
    flagged = answer.sentences[-1]
    assert flagged.text == "DotaMath reaches 97.5% on MATH while InfinityMATH reaches 12.3% on it."
    assert flagged.citations == [1, 2] and not flagged.verified
    assert flagged.reason == "the numbers 97.5, 12.3 not in the cited text"
    strict = llm_engine.ask(COMPARE, strict=True)
    assert "97.5%" not in strict.answer and all(s.verified for s in strict.sentences)
    assert "Strict mode left out 1 generated sentence" in strict.answer
    assert "**How they differ:** DotaMath generates an instruction fine-tuning dataset" in strict.answer


def test_a_sentence_comparing_two_papers_must_cite_both(llm_engine, openai_server):
    one_sided = "DotaMath decomposes tasks into subtasks, unlike InfinityMATH [{d_method}]."
    openai_server.reply = comparison_reply(one_sided)
    answer = llm_engine.ask(COMPARE)
    sentence = answer.sentences[-1]
    assert sentence.text == "DotaMath decomposes tasks into subtasks, unlike InfinityMATH."
    assert not sentence.verified
    assert sentence.reason == "it compares DotaMath and InfinityMATH but cites no source of InfinityMATH"


def test_a_row_the_model_leaves_empty_quotes_that_papers_abstract(llm_engine, openai_server):
    openai_server.reply = lambda m: comparison_reply()(m).splitlines()[0]  # the DotaMath line only
    answer = llm_engine.ask(COMPARE)
    assert [(row["paper"], row["written_by"]) for row in answer.table] == [("DotaMath", "model"),
                                                                            ("InfinityMATH", "abstract")]
    quoted = answer.sentences[-1]
    assert quoted.citations == [2] and quoted.verified and quoted.reason == "quoted verbatim"


def test_a_comparison_on_an_aspect_asks_the_model_about_that_aspect(llm_engine, openai_server):
    openai_server.reply = comparison_reply()
    answer = llm_engine.ask("How do DotaMath and InfinityMATH build their training data?")
    assert answer.kind == "comparative" and answer.table[0]["aspect"]
    ask = openai_server.requests[0]["messages"][-1]["content"].splitlines()[-1]
    assert ask.startswith("Compare the papers on ") and "training data" in ask
    assert answer.answer.splitlines()[0].startswith("| Paper | ")


def list_reply(skip: int = 0):
    """A model that writes a line for each paper in the prompt but the last `skip`, in its own words."""
    def reply(messages) -> str:
        lines = []
        for title, sources in sources_by_paper(messages).items():
            n, text = next(iter(sources.items()))
            lines.append(f"- {title.split(':')[0]}: {text} [{n}]")
        return "\n".join(lines[: len(lines) - skip])

    return reply


def test_a_list_through_the_model_lists_every_paper_the_extractive_list_finds(engine, llm_engine, openai_server):
    extractive = engine.ask(HUMANEVAL)
    openai_server.reply = list_reply(skip=2)
    answer = llm_engine.ask(HUMANEVAL)
    assert len(openai_server.requests) == 1 and answer.kind == "list" and answer.mode == "openai:fake-model"
    assert [c.title for c in answer.citations] == [c.title for c in extractive.citations]
    lines = answer.answer.splitlines()
    assert lines[0] == extractive.answer.splitlines()[0] == "7 papers in the index match “HumanEval”:"
    entries = lines[1:]
    assert len(entries) == 7 and all(re.search(r"\[\d\]$", line) for line in entries)
    for citation, line in zip(answer.citations, entries, strict=True):
        assert line.startswith(f"- **{citation.title}**: ") and line.endswith(f"[{citation.n}]")
    assert all(s.verified for s in answer.sentences)
    prompt = openai_server.requests[0]["messages"][-1]["content"]
    assert all(c.title in prompt for c in extractive.citations)


def test_an_overview_across_papers_is_written_by_the_model(llm_engine, openai_server):
    def reply(messages) -> str:
        papers = list(sources_by_paper(messages).values())
        first, second = (next(iter(p.items())) for p in papers[:2])
        return f"- {first[1]} [{first[0]}]\n- {second[1]} [{second[0]}]"

    openai_server.reply = reply
    answer = llm_engine.ask("What are the ways of proving theorems with language models?")
    assert answer.kind == "list" and answer.mode == "openai:fake-model"
    assert "across these papers" in openai_server.requests[0]["messages"][-1]["content"]
    assert [line[:2] for line in answer.answer.splitlines()] == ["- ", "- "]
    assert len(answer.citations) == 2 and all(s.verified for s in answer.sentences)


def test_refusals_are_decided_before_the_model_is_asked(llm_engine, openai_server):
    refused = llm_engine.ask("What accuracy does Zyxwv9Net reach on GSM8K?")
    assert refused.refused and refused.mode == "extractive" and refused.tokens == {}
    unheard = llm_engine.ask("Which papers report 123456789% accuracy?")
    assert unheard.refused and unheard.mode == "extractive"
    assert openai_server.requests == []


def test_a_reply_is_read_as_lines_per_paper_then_a_paragraph_on_differences():
    from rag.generation.prompt import NumberedSource
    from rag.generation.synthesis import read_written
    from rag.types import Paper

    papers = {"a": Paper("a", "Alpha: fast search", "Alpha searches. Alpha is fast."),
              "b": Paper("b", "Beta: small models", "Beta is small.")}
    sources = {1: NumberedSource(1, "a", "Alpha searches."), 2: NumberedSource(2, "b", "Beta is small.")}
    reply = ("1. **Alpha**: it searches [1].\n"
             "- Beta: small models - it is small [2][9].\n"
             "Note: both are new [1].\n"
             "**How they differ:** Alpha searches; Beta is small [1][2].")
    assert [(w.text, [s.n for s in w.sources], w.closing) for w in read_written(reply, sources, papers)] == [
        ("It searches.", [1], False),  # the paper's name is the row's, not the cell's
        ("It is small.", [2], False),  # a marker the prompt never numbered cites nothing
        ("Note: both are new.", [1], False),  # a label naming no paper is the model's text
        ("Alpha searches; Beta is small.", [1, 2], True),
    ]
