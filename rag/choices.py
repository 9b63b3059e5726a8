"""The named choices a user can make, each listed once: settings validate against these, the CLI offers them
as `choices`, and the page builds its controls from them."""

from __future__ import annotations

import os

from rag.errors import PaperchatError

# Retrievers, with the words the page shows for each.
RETRIEVERS: dict[str, str] = {
    "hybrid": "meaning and words, fused",
    "dense": "meaning (MiniLM embeddings)",
    "bm25": "shared words",
}
# Runtimes of the embedding model (see rag/index/encoder.py).
ENCODERS: tuple[str, ...] = ("torch", "onnx", "onnx-int8")
DEFAULT_ENCODER = "onnx"
# Who writes answers: quotes (no model), an OpenAI-compatible endpoint, a local transformers model, an Ollama
# server (llama-index's Ollama integration), or any llama-index LLM class named by import path.
BACKENDS: tuple[str, ...] = ("extractive", "openai", "local", "ollama", "llamaindex")
DEVICES: tuple[str, ...] = ("cpu", "cuda", "auto")


class DeviceError(PaperchatError):
    """A device was asked for that this machine does not have."""


def _gpu_possible() -> bool:
    """Cheap test before importing torch (seconds): without an NVIDIA driver there is no CUDA device."""
    return os.path.exists("/proc/driver/nvidia/version") or os.path.exists("/dev/nvidia0")


def resolve_device(requested: str) -> str:
    """`auto` -> `cuda` when torch sees a GPU, else `cpu`; `cuda` (or `cuda:N`) only when that GPU is there.

    Checked before a model is put on the device, so a missing GPU is one line saying what to set, not torch's
    "Torch not compiled with CUDA enabled" traceback from inside sentence-transformers.
    """
    if requested == "auto":
        if not _gpu_possible():
            return "cpu"
        import torch

        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested.startswith("cuda"):
        missing = _missing_gpu(requested)
        if missing:
            raise DeviceError(f"PAPERCHAT_DEVICE={requested} (or --device {requested}) but no CUDA GPU is visible: "
                              f"{missing}. Use --device cpu, or auto to use a GPU only where there is one.")
    return requested


def _missing_gpu(requested: str) -> str:
    """Why `requested` cannot be used, or "" when it can."""
    if not _gpu_possible():
        return "this machine has no NVIDIA driver"
    import torch

    if not torch.cuda.is_available():
        if torch.version.cuda is None:
            return f"this torch ({torch.__version__}) was built without CUDA"
        return "torch sees no GPU (is CUDA_VISIBLE_DEVICES empty?)"
    count = torch.cuda.device_count()
    index = int(requested.partition(":")[2] or 0)
    if index >= count:
        return f"there {'is' if count == 1 else 'are'} only {count} GPU(s), numbered from cuda:0"
    return ""
