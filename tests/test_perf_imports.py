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

from rag.onnx_encoder import cached_model_path

HEAVY = ["torch", "gradio", "sentence_transformers", "transformers", "chromadb", "onnxruntime", "pydantic_settings"]
PROBE = """
import json, sys
from rag.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("MODULES=" + json.dumps({{m: m in sys.modules for m in {heavy}}}))
sys.exit(code)
"""


def _imports_of(*argv: str) -> dict[str, bool]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAPERCHAT_")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv], capture_output=True, text=True, env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES="))
    return json.loads(line.removeprefix("MODULES="))


def test_help_imports_neither_torch_nor_gradio():
    loaded = _imports_of("--help")
    assert not loaded["torch"] and not loaded["gradio"] and not loaded["chromadb"], loaded
    assert not loaded["pydantic_settings"], loaded  # settings are built only once a command runs


def test_ask_imports_no_gradio_and_with_onnx_no_torch(engine):
    data_dir = engine.settings.data_dir
    assert engine.settings.encoder == "onnx"
    # The session's embedder cached its graph elsewhere; give this data folder its copy, as a first run would
    # have made (exporting it is the one step that needs torch).
    source = cached_model_path(engine.embedder.cache_dir, "fp32")
    (data_dir / "models").mkdir(exist_ok=True)
    shutil.copy(source, data_dir / "models" / source.name)
    loaded = _imports_of("ask", "--data-dir", str(data_dir), "What is RLCoder?")
    assert loaded["chromadb"] and loaded["onnxruntime"], loaded  # the probe sees real work being done
    assert not loaded["gradio"], loaded
    assert not loaded["torch"] and not loaded["sentence_transformers"] and not loaded["transformers"], loaded


def test_ask_with_torch_encoder_still_imports_no_gradio(engine):
    loaded = _imports_of("ask", "--data-dir", str(engine.settings.data_dir), "--encoder", "torch", "What is RLCoder?")
    assert loaded["torch"] and not loaded["gradio"], loaded
