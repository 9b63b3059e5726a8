"""Generated answers: a model writes from numbered abstract sentences, and every sentence it writes is verified.

`make_generator` is the only place that knows which backends exist; the engine asks it for one by name.
"""

from __future__ import annotations

from pathlib import Path

from rag.choices import BACKENDS
from rag.generation.base import GenerationError, Generator, Message
from rag.settings import LLMSettings

__all__ = ["BACKENDS", "GenerationError", "Generator", "Message", "configured_backends", "make_generator"]


def configured_backends(llm: LLMSettings) -> list[str]:
    """The backends these settings make usable: extractive always, the others when configured."""
    found = ["extractive"]
    if llm.base_url:
        found.append("openai")
    if llm.local_model_dir:
        found.append("local")
    return found


def make_generator(backend: str, llm: LLMSettings, model_cache_dir: Path, device: str = "cpu") -> Generator | None:
    """A generator for `backend`, or None for extractive answers. Nothing is loaded or contacted yet."""
    if backend == "extractive":
        return None
    if backend == "openai":
        if not llm.base_url:
            raise GenerationError("The openai backend needs an endpoint: set PAPERCHAT_LLM_BASE_URL (or "
                                  "--llm-base-url), e.g. http://127.0.0.1:11434/v1 for Ollama.")
        from rag.generation.openai_compat import OpenAICompatible

        return OpenAICompatible(
            llm.base_url, llm.model, api_key=llm.api_key.get_secret_value() if llm.api_key else None,
            timeout_s=llm.timeout_s, stream=llm.stream, max_tokens=llm.max_tokens, temperature=llm.temperature,
        )
    if backend == "local":
        from rag.generation.local_model import SMOLLM2, LocalModel

        return LocalModel(llm.local_model_dir or SMOLLM2, llm.model_cache_dir or model_cache_dir,
                          max_tokens=llm.max_tokens, temperature=llm.temperature, device=device)
    raise GenerationError(f"Unknown answer backend {backend!r}: choose one of {', '.join(BACKENDS)}.")
