"""Environment for a machine with no internet: every library must load from local files.

Called at the entry point (CLI, tests), before the heavy imports, and again by every engine opened (a script may
open one directly); setdefault keeps a user's own choice.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path


def configure_offline() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        spec = find_spec("llama_index.core")
        if spec and spec.origin:
            # llama-index-core ships the cl100k_base file; tiktoken would otherwise download it.
            os.environ["TIKTOKEN_CACHE_DIR"] = str(Path(spec.origin).parent / "_static" / "tiktoken_cache")
