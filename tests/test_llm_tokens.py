"""Tokens, counted with tiktoken: the evidence in a prompt is filled by tokens to fit the model's context window, and
every answer a model wrote reports what it cost, in the JSON and in eval summaries, whichever backend wrote it."""

from __future__ import annotations

import json
import re

import pytest
from fake_openai import sources_in

from eval.questionset import load_questions
from eval.run_command import apply_overrides
from eval.runner import run_questions, write_run
from rag.generation.token_count import MARGIN, chat_tokens, count
from rag.settings import LLMSettings

CODEX = "How many of the 397 test puzzles does Codex solve with a single try?"
QUESTIONS = [
    {"id": "codex", "type": "factoid", "question": CODEX, "expected_titles": ["Programming Puzzles"],
     "expected_facts": ["18%"]},
    {"id": "protein", "type": "unanswerable", "question": "How is protein folding predicted from sequences?"},
]


@pytest.fixture(autouse=True)
def clean(openai_server):
    openai_server.reset()
    openai_server.reply = lambda m: next(f"{t} [{n}]" for n, t in sources_in(m).items() if "18% of 397" in t)


def engine_with(engine, embedder, openai_server, **llm):
    from rag.engine import Engine

    settings = LLMSettings(base_url=openai_server.url, model="fake-model", **llm)
    return Engine(engine.settings.model_copy(update={"llm": settings}), embedder=embedder)


def evidence_tokens(messages) -> int:
    """Tokens of the numbered sentences and paper titles inside the prompt's fence."""
    user = messages[-1]["content"]
    fenced = user[user.index("<<<"):user.rindex(">>>")].splitlines()[1:-1]
    return sum(count(line + "\n") for line in fenced)


def test_an_answer_reports_its_prompt_and_completion_tokens(engine, embedder, openai_server):
    answer = engine_with(engine, embedder, openai_server).ask(CODEX)
    request = openai_server.requests[-1]["messages"]
    reply = openai_server.reply(request)
    assert answer.tokens == {"prompt": chat_tokens(request), "completion": count(reply), "context_window": 8192}
    assert json.loads(json.dumps(answer.to_dict()))["tokens"] == answer.tokens
    assert engine.ask(CODEX).tokens == {}  # extractive answers cost no tokens


def test_evidence_is_filled_by_tokens_up_to_the_budget(engine, embedder, openai_server):
    sizes = {}
    for budget in (150, 600):
        engine_with(engine, embedder, openai_server, evidence_tokens=budget).ask(CODEX)
        messages = openai_server.requests[-1]["messages"]
        sizes[budget] = (evidence_tokens(messages), len(sources_in(messages)))
        assert sizes[budget][0] <= budget
    assert sizes[150][1] < sizes[600][1] and sizes[600][0] > 300


def test_a_small_context_window_keeps_every_compared_paper_in_the_prompt(engine, embedder, openai_server):
    openai_server.reply = lambda m: f"- DotaMath: {sources_in(m)[1]} [1]"
    small = engine_with(engine, embedder, openai_server, context_window=1024, max_tokens=200, evidence_tokens=5000)
    answer = small.ask("Compare DotaMath and InfinityMATH")
    messages = openai_server.requests[-1]["messages"]
    assert chat_tokens(messages) <= 1024 * MARGIN - 200
    titles = re.findall(r"^Paper: “([^:]*)", messages[-1]["content"], re.M)
    assert titles == ["DotaMath", "InfinityMATH"] and answer.tokens["context_window"] == 1024


def test_a_reply_budget_that_leaves_no_room_for_a_prompt_is_refused_with_advice():
    with pytest.raises(ValueError, match=r"raise context_window \(PAPERCHAT_LLM__CONTEXT_WINDOW.* or lower max_tokens"):
        LLMSettings(context_window=1024, max_tokens=1000)


@pytest.fixture
def question_file(tmp_path):
    path = tmp_path / "tokens.jsonl"
    path.write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n", encoding="utf-8")
    return load_questions(path)


def test_an_eval_run_through_a_model_reports_token_counts(engine, embedder, openai_server, question_file, tmp_path):
    run = run_questions(engine_with(engine, embedder, openai_server), question_file)
    written, refused = run.records
    assert written["mode"] == "openai:fake-model" and written["tokens"]["prompt"] > 0
    assert refused["tokens"] == {}
    assert run.summary["backend"] == "openai"
    assert run.summary["tokens"] == {"answers": 1, "prompt": written["tokens"]["prompt"],
                                     "completion": written["tokens"]["completion"],
                                     "prompt_mean": float(written["tokens"]["prompt"]),
                                     "completion_mean": float(written["tokens"]["completion"])}
    report = (write_run(run, tmp_path / "run").out_dir / "report.md").read_text(encoding="utf-8")
    assert f"1 answer written by openai: {written['tokens']['prompt']:,} prompt and" in report


def test_an_eval_run_can_use_any_llama_index_llm_by_import_path(engine, embedder, question_file):
    from rag.engine import Engine

    settings = apply_overrides(engine.settings, [
        "llm.backend=llamaindex", "llm.llamaindex_class=test_llm_llamaindex:QuotingLLM",
        'llm.llamaindex_kwargs={"cue": "18% of 397"}'])
    run = run_questions(Engine(settings, embedder=embedder), question_file)
    assert run.records[0]["mode"] == "llamaindex:QuotingLLM:quoting-1" and run.records[0]["facts_found"] == ["18%"]
    assert run.summary["backend"] == "llamaindex" and run.summary["tokens"]["answers"] == 1
