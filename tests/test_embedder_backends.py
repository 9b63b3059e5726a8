"""The ONNX runtimes against sentence-transformers on real chunks, and which runtime and device get picked.

There is no GPU on the machines that run this suite, so CUDA is tested through the selection logic only.
"""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

from ingest.chunking import chunk_paper
from ingest.pipeline import BUILTIN_CORPUS, IngestReport, read_papers
from rag import choices
from rag.index import encoder as emb
from rag.settings import IngestSettings, Settings


@pytest.fixture(scope="module")
def texts() -> list[str]:
    papers = read_papers([BUILTIN_CORPUS], IngestSettings(), IngestReport())
    chunks = [c.text for p in papers[:6] for c in chunk_paper(p)]
    # a question, a short title, and a text longer than the model's 256-token window (truncation must agree)
    return [*chunks, "How many test puzzles does Codex solve?", papers[0].title, " ".join(chunks)]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="module")
def torch_vectors(texts) -> np.ndarray:
    return emb.Embedder("cpu", encoder="torch").embed(texts)


def test_onnx_fp32_vectors_match_sentence_transformers(texts, cache_dir, torch_vectors):
    onnx = emb.Embedder("cpu", encoder="onnx", cache_dir=cache_dir)
    vectors = onnx.embed(texts)
    assert vectors.shape == torch_vectors.shape == (len(texts), emb.DIM)
    assert vectors.dtype == np.float32
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert cosines.min() > 0.999, cosines
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # batching and order: one text alone gets the vector it got inside a batch of longer ones
    np.testing.assert_allclose(onnx.embed_query(texts[-2]), vectors[-2], atol=1e-5)


def test_onnx_int8_stays_close_to_fp32(texts, cache_dir, torch_vectors):
    vectors = emb.Embedder("cpu", encoder="onnx-int8", cache_dir=cache_dir).embed(texts)
    cosines = (vectors * torch_vectors).sum(axis=1)
    assert cosines.min() > 0.98, cosines
    assert cosines.min() < 0.9999  # really the quantized graph, not the fp32 one under another name


def test_token_counts_agree_between_runtimes(texts, cache_dir):
    torch_embedder = emb.Embedder("cpu", encoder="torch")
    onnx = emb.Embedder("cpu", encoder="onnx", cache_dir=cache_dir)
    for text in texts:
        assert onnx.count_model_tokens(text) == torch_embedder.count_model_tokens(text)
    assert onnx.count_model_tokens(texts[-1]) > onnx.max_tokens == torch_embedder.max_tokens == 256


def test_exported_graph_is_cached_and_reused(cache_dir):
    from rag.index.onnx_export import cached_model_path

    first = cached_model_path(cache_dir, "fp32")
    stamp = first.stat().st_mtime_ns
    assert cached_model_path(cache_dir, "fp32") == first
    assert first.stat().st_mtime_ns == stamp
    assert not list(cache_dir.glob(".*.tmp"))  # no half-written export left behind


def test_index_hash_separates_only_vectors_that_differ(tmp_path):
    torch_hash = Settings(data_dir=tmp_path, encoder="torch").index_hash()
    assert Settings(data_dir=tmp_path, encoder="onnx").index_hash() == torch_hash
    assert Settings(data_dir=tmp_path, encoder="onnx-int8").index_hash() != torch_hash


def test_auto_device_without_a_gpu_driver_does_not_import_torch(monkeypatch):
    monkeypatch.setattr(choices, "_gpu_possible", lambda: False)
    monkeypatch.setitem(sys.modules, "torch", None)  # importing torch would now raise
    assert choices.resolve_device("auto") == "cpu"


@pytest.mark.parametrize("available, expected", [(True, "cuda"), (False, "cpu")])
def test_auto_device_asks_torch_when_a_driver_is_there(monkeypatch, available, expected):
    fake = types.SimpleNamespace(cuda=types.SimpleNamespace(is_available=lambda: available))
    monkeypatch.setattr(choices, "_gpu_possible", lambda: True)
    monkeypatch.setitem(sys.modules, "torch", fake)
    assert choices.resolve_device("auto") == expected
    assert choices.resolve_device("cpu") == "cpu"


def test_gpu_gets_large_batches_and_the_torch_runtime_for_fp32():
    assert emb.batch_size_for("cpu", 32) == 32
    assert emb.batch_size_for("cuda", 32) == emb.GPU_BATCH
    assert emb.batch_size_for("cuda", 1024) == 1024
    assert emb.runtime_for("onnx", "cpu") == "onnx"
    assert emb.runtime_for("onnx", "cuda") == "torch"  # same vectors, and torch has the CUDA kernels
    assert emb.runtime_for("onnx-int8", "cuda") == "onnx-int8"  # int8 vectors only come from the int8 graph
    assert emb.runtime_for("torch", "cuda") == "torch"
    with pytest.raises(ValueError, match="unknown encoder"):
        emb.runtime_for("tensorrt", "cpu")


def test_int8_on_a_gpu_machine_runs_and_says_cpu(cache_dir, monkeypatch):
    monkeypatch.setattr(emb, "resolve_device", lambda requested: "cuda")
    int8 = emb.Embedder("auto", batch_size=32, encoder="onnx-int8", cache_dir=cache_dir)
    assert (int8.runtime, int8.device, int8.batch_size) == ("onnx-int8", "cpu", 32)


def test_the_encoder_is_built_early_only_when_that_is_a_quick_load(tmp_path, embedder):
    """An engine builds its encoder on a thread while Chroma opens, but never an export: a command that then fails
    at once would leave a half-written graph behind, and torch would hold the GIL."""
    from rag.index.encoder import loads_quickly

    assert loads_quickly("cpu", "onnx", embedder.cache_dir)  # the session's encoder exported it
    assert not loads_quickly("cpu", "onnx", tmp_path / "empty-cache")
    assert not loads_quickly("cpu", "torch", embedder.cache_dir)
    assert not (tmp_path / "empty-cache").exists()  # asking exports nothing
