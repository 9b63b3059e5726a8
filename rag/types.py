"""Domain types shared by every layer.

ui/ and eval/ only ever see these; Chroma and llama-index objects stay in the adapters of rag/.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Paper:
    paper_id: str
    title: str
    abstract: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str = ""
    source: str = ""
    venue: str = ""  # journal, proceedings or archive, as the export names it
    doi: str = ""  # normalised: lower case, no https://doi.org/ prefix
    arxiv_id: str = ""  # without version: "2303.12345"

    @property
    def link(self) -> str:
        """Where a reader can open the paper: its own URL, else one made from its DOI or arXiv id."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return f"https://arxiv.org/abs/{self.arxiv_id}" if self.arxiv_id else ""

    @property
    def content_hash(self) -> str:
        from rag.ids import content_hash

        return content_hash(self.title, self.abstract)


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    paper_id: str
    title: str
    text: str  # what gets embedded: the title prefix plus the sentences
    sentences: tuple[str, ...]
    n_tokens: int
    paper_hash: str  # hash of the whole paper, so a changed abstract is detected per paper


@dataclass
class Evidence:
    """A retrieved chunk, or a sentence inside one, with the scores that put it there."""

    paper_id: str
    title: str
    text: str
    chunk_id: str = ""
    dense: float | None = None
    lexical: float | None = None
    fused: float = 0.0
    rank: int = 0


@dataclass
class Citation:
    n: int
    paper_id: str
    title: str
    quote: str
    supported: bool = True
    support: float = 0.0
    # The cited paper's metadata, so a JSON answer or an export names it without a second look-up; empty when the
    # input did not carry it.
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str = ""  # Paper.link: the paper's URL, else its DOI or arXiv page
    venue: str = ""
    doi: str = ""
    arxiv_id: str = ""


@dataclass
class AnswerSentence:
    text: str  # without the marker
    citations: list[int]
    verified: bool = True
    reason: str = ""


@dataclass
class Answer:
    query: str  # what the user typed
    searched_query: str  # the standalone question actually searched
    answer: str  # Markdown with [n] markers
    citations: list[Citation] = field(default_factory=list)
    sentences: list[AnswerSentence] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    kind: str = "factoid"  # factoid | comparative | list
    refused: bool = False
    table: list[dict[str, Any]] | None = None  # comparative answers: one row per paper
    mode: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    settings_hash: str = ""
    # What a model's answer cost, counted with tiktoken: {"prompt", "completion", "context_window"}; empty when no
    # model wrote (extractive answers, refusals).
    tokens: dict[str, int] = field(default_factory=dict)

    @property
    def verified_count(self) -> int:
        return sum(1 for s in self.sentences if s.verified)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["verified_sentences"] = self.verified_count
        data["total_sentences"] = len(self.sentences)
        return data
