"""What each command imports: `--help` must not load torch or gradio, `ask` must not load gradio, and with the
ONNX encoder (the default) `ask` never loads torch either. Importing torch alone costs seconds of cold start.

Checked through `sys.modules` in a fresh interpreter, never by timing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from rag.index.onnx_export import cached_model_path

HEAVY = ["torch", "gradio", "sentence_transformers", "transformers", "chromadb", "onnxruntime", "pydantic_settings",
         "llama_index.core", "tiktoken", "bm25s", "scipy"]
PROBE = """
import json, sys
from ui.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("MODULES=" + json.dumps({{m: m in sys.modules for m in {heavy}}}))
sys.exit(code)
"""


def _imports_of(*argv: str, expect: int = 0, **settings: str) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERCHAT_")}
    env.update({f"PAPERCHAT_{k.upper()}": v for k, v in settings.items()})
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv], capture_output=True, text=True, env=env,
        timeout=300,
    )
    assert done.returncode == expect, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES="))
    return json.loads(line.removeprefix("MODULES="))


def test_help_imports_neither_torch_nor_gradio():
    loaded = _imports_of("--help")
    assert not loaded["torch"] and not loaded["gradio"] and not loaded["chromadb"], loaded
    assert not loaded["pydantic_settings"], loaded  # settings are built only once a command runs
    assert not loaded["llama_index.core"], loaded


def test_ask_imports_no_gradio_and_with_onnx_no_torch(engine, tmp_path):
    assert engine.settings.encoder == "onnx"
    # A fresh per-user model cache holding only the exported graph, as any run after the first has it
    # (exporting it is the one step that needs torch).
    source = cached_model_path(engine.embedder.cache_dir, "fp32")
    cache = tmp_path / "models"
    cache.mkdir()
    shutil.copy(source, cache / source.name)
    loaded = _imports_of("ask", "--data-dir", str(engine.settings.data_dir), "What is RLCoder?",
                         model_cache_dir=str(cache))
    assert loaded["onnxruntime"], loaded  # the probe sees real work being done
    # A store this code wrote, a few papers: answered from the snapshot of its version, vectors included, without
    # loading Chroma (rag/index/replica.py).
    assert not loaded["chromadb"], loaded
    assert not loaded["bm25s"] and not loaded["scipy"], loaded  # BM25's saved matrix is read with numpy
    assert not loaded["gradio"], loaded
    assert not loaded["torch"] and not loaded["sentence_transformers"] and not loaded["transformers"], loaded
    assert not loaded["llama_index.core"] and not loaded["tiktoken"], loaded  # only a model's answers need them
    assert sorted(p.name for p in cache.iterdir()) == [source.name]  # nothing exported again


def test_ask_on_an_empty_data_folder_loads_no_model_and_writes_nothing(tmp_path):
    """`ask` before any ingest: the one-line advice, with no store opened, no encoder built, no file written."""
    data_dir, cache = tmp_path / "data", tmp_path / "models"
    loaded = _imports_of("ask", "--data-dir", str(data_dir), "What is RLCoder?", expect=2, model_cache_dir=str(cache))
    assert not loaded["onnxruntime"] and not loaded["torch"] and not loaded["chromadb"], loaded
    assert not data_dir.exists() and not cache.exists()
