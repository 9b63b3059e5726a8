"""The named choices a user can make, each listed once: settings validate against these, the CLI offers them
as `choices`, and the page builds its controls from them."""

from __future__ import annotations

import os

# Retrievers, with the words the page shows for each.
RETRIEVERS: dict[str, str] = {
    "hybrid": "meaning and words, fused",
    "dense": "meaning (MiniLM embeddings)",
    "bm25": "shared words",
}
# Runtimes of the embedding model (see rag/index/encoder.py).
ENCODERS: tuple[str, ...] = ("torch", "onnx", "onnx-int8")
DEFAULT_ENCODER = "onnx"
# Who writes answers: quotes (no model), an OpenAI-compatible endpoint, or a local transformers model.
BACKENDS: tuple[str, ...] = ("extractive", "openai", "local")
DEVICES: tuple[str, ...] = ("cpu", "cuda", "auto")


def _gpu_possible() -> bool:
    """Cheap test before importing torch (seconds): without an NVIDIA driver there is no CUDA device."""
    return os.path.exists("/proc/driver/nvidia/version") or os.path.exists("/dev/nvidia0")


def resolve_device(requested: str) -> str:
    """`auto` -> `cuda` when torch sees a GPU, else `cpu`; anything else is taken as given."""
    if requested != "auto":
        return requested
    if not _gpu_possible():
        return "cpu"
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"
