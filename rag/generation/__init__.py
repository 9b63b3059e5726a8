"""Generated answers: a model writes from numbered abstract sentences, and every sentence it writes is verified.

`make_generator` (backends.py) is the only place that knows which backends exist; the engine asks it for one by
name. Every backend is a llama-index LLM seen through our one-method Generator.
"""

from __future__ import annotations

from rag.choices import BACKENDS
from rag.generation.backends import configured_backends, make_generator
from rag.generation.base import GenerationError, Generator, Message

__all__ = ["BACKENDS", "GenerationError", "Generator", "Message", "configured_backends", "make_generator"]
