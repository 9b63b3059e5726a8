"""Which model writes: each backend name becomes a llama-index LLM, wrapped as our Generator.

    openai      our OpenAI-protocol client as a llama-index CustomLLM (transport_llm.py says why not OpenAILike)
    local       a transformers model in-process (the packaged SmolLM2) as a llama-index CustomLLM
    ollama      llama-index's Ollama integration
    llamaindex  any llama-index LLM class, by import path, with keyword settings

Nothing is loaded or contacted here; llama-index itself is imported only once a model is asked for, so extractive
answers never pay for it.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from rag.choices import BACKENDS
from rag.generation.base import GenerationError, Generator
from rag.settings import LLMSettings

OLLAMA_URL = "http://127.0.0.1:11434"
_INTEGRATION_HINT = "pip install 'paperchat[llm]' (llama-index-llms-ollama and llama-index-llms-openai-like)"


def configured_backends(llm: LLMSettings) -> list[str]:
    """The backends these settings make usable: extractive always, the others when configured."""
    found = ["extractive"]
    if llm.base_url:
        found.append("openai")
    if llm.local_model_dir:
        found.append("local")
    if llm.backend == "ollama":  # an Ollama server answers at a default address: only an explicit choice says so
        found.append("ollama")
    if llm.llamaindex_class:
        found.append("llamaindex")
    return found


def make_generator(backend: str, llm: LLMSettings, model_cache_dir: Path, device: str = "cpu") -> Generator | None:
    """A generator for `backend`, or None for extractive answers."""
    if backend == "extractive":
        return None
    if backend == "openai":
        return _openai(llm)
    if backend == "local":
        return _local(llm, model_cache_dir, device)
    if backend == "ollama":
        return _ollama(llm)
    if backend == "llamaindex":
        return _by_import_path(llm)
    raise GenerationError(f"Unknown answer backend {backend!r}: choose one of {', '.join(BACKENDS)}.")


def _openai(llm: LLMSettings) -> Generator:
    if not llm.base_url:
        raise GenerationError("The openai backend needs an endpoint: set PAPERCHAT_LLM_BASE_URL (or "
                              "--llm-base-url), e.g. http://127.0.0.1:11434/v1 for Ollama.")
    from rag.generation.llamaindex_llm import LlamaIndexGenerator
    from rag.generation.openai_compat import OpenAICompatible
    from rag.generation.transport_llm import TransportLLM

    client = OpenAICompatible(
        llm.base_url, llm.model, api_key=llm.api_key.get_secret_value() if llm.api_key else None,
        timeout_s=llm.timeout_s, stream=llm.stream, max_tokens=llm.max_tokens, temperature=llm.temperature,
    )
    # The client bounds its own waits (keep-alive comments, trickled bodies) and names the model it found.
    return LlamaIndexGenerator(TransportLLM(client, context_window=llm.context_window, num_output=llm.max_tokens),
                               lambda: client.name, where=client.base_url, model=llm.model)


def _local(llm: LLMSettings, model_cache_dir: Path, device: str) -> Generator:
    from rag.generation.llamaindex_llm import LlamaIndexGenerator
    from rag.generation.local_model import SMOLLM2, LocalModel
    from rag.generation.transport_llm import TransportLLM

    model = LocalModel(llm.local_model_dir or SMOLLM2, llm.model_cache_dir or model_cache_dir,
                       max_tokens=llm.max_tokens, temperature=llm.temperature, device=device)
    # No wait bound: the first answer also loads (and may convert) the weights, which takes its time.
    return LlamaIndexGenerator(TransportLLM(model, context_window=llm.context_window, num_output=llm.max_tokens),
                               model.name)


def _ollama(llm: LLMSettings) -> Generator:
    if not llm.model:
        raise GenerationError("The ollama backend needs a model: set PAPERCHAT_LLM_MODEL (or --llm-model) to one "
                              "that `ollama list` shows.")
    try:
        from llama_index.llms.ollama import Ollama
    except ImportError:
        raise GenerationError(f"The ollama backend needs llama-index's Ollama integration: {_INTEGRATION_HINT}.") \
            from None
    from rag.generation.llamaindex_llm import LlamaIndexGenerator

    url = (llm.base_url or OLLAMA_URL).rstrip("/").removesuffix("/v1")
    model = Ollama(model=llm.model, base_url=url, request_timeout=llm.timeout_s, temperature=llm.temperature,
                   context_window=llm.context_window, additional_kwargs={"num_predict": llm.max_tokens})
    return LlamaIndexGenerator(model, f"ollama:{llm.model}", where=url, model=llm.model, timeout_s=llm.timeout_s,
                               stream=llm.stream)


def _by_import_path(llm: LLMSettings) -> Generator:
    from rag.generation.llamaindex_llm import LlamaIndexGenerator

    cls = load_llm_class(llm.llamaindex_class)
    try:
        model = cls(**llm.llamaindex_kwargs)
    except Exception as exc:  # pydantic's ValidationError, TypeError, the integration's own checks
        said = " ".join(str(exc).split())[:300]
        raise GenerationError(
            f"Cannot create {llm.llamaindex_class} with the keyword settings {sorted(llm.llamaindex_kwargs)} "
            f"({type(exc).__name__}: {said}): fix PAPERCHAT_LLM__LLAMAINDEX_KWARGS (JSON)."
        ) from None
    name = f"llamaindex:{cls.__name__}"
    model_name = _model_name(model)
    return LlamaIndexGenerator(model, f"{name}:{model_name}" if model_name else name,
                               where=str(llm.llamaindex_kwargs.get("api_base") or llm.llamaindex_kwargs.get("base_url")
                                         or ""),
                               model=model_name, timeout_s=llm.timeout_s, stream=llm.stream)


def _model_name(model: Any) -> str:
    name = getattr(model, "model", None)
    if isinstance(name, str) and name:
        return name
    try:
        name = model.metadata.model_name
    except Exception:  # metadata is the integration's own code; a name is only a label
        return ""
    return name if isinstance(name, str) and name != "unknown" else ""


def load_llm_class(path: str) -> type:
    """The llama-index LLM class at `path` (package.module.Class or package.module:Class)."""
    if not path:
        raise GenerationError("The llamaindex backend needs a class: set PAPERCHAT_LLM__LLAMAINDEX_CLASS, e.g. "
                              "llama_index.llms.ollama.Ollama, with its settings in PAPERCHAT_LLM__LLAMAINDEX_KWARGS.")
    module_name, sep, attr = path.partition(":")
    if not sep:
        module_name, _, attr = path.rpartition(".")
    if not module_name or not attr:
        raise GenerationError(f"PAPERCHAT_LLM__LLAMAINDEX_CLASS={path!r} is not an import path: write "
                              "package.module.Class, e.g. llama_index.llms.ollama.Ollama.")
    try:
        module = import_module(module_name)
    except ImportError as exc:
        raise GenerationError(
            f"Cannot import {module_name} for PAPERCHAT_LLM__LLAMAINDEX_CLASS ({exc}): install the integration that "
            "provides it, e.g. pip install llama-index-llms-anthropic for llama_index.llms.anthropic."
        ) from None
    cls = getattr(module, attr, None)
    if cls is None:
        raise GenerationError(f"{module_name} has no {attr!r} (PAPERCHAT_LLM__LLAMAINDEX_CLASS={path!r}).")
    from llama_index.core.llms import LLM

    if not (isinstance(cls, type) and issubclass(cls, LLM)):
        raise GenerationError(f"{path} is not a llama-index LLM class (a subclass of llama_index.core.llms.LLM), "
                              "so it cannot write answers.")
    return cls
