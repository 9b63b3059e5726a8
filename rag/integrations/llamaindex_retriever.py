"""A paperchat index as a llama-index retriever, so a llama-index application (a query engine, an agent's tool)
can search the papers with paperchat's hybrid retrieval and get its usual `NodeWithScore`s back.

Each node is one paper (retrieval keeps one hit per paper): its best-matching chunk as text (or the whole abstract),
the fused score as the node's score, and the paper's metadata. The scores and ids are kept out of what an LLM or an
embedder reads of a node, so a prompt built from these nodes quotes the title and the text only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from rag.settings import RetrievalSettings
from rag.types import Evidence

if TYPE_CHECKING:
    from rag.engine import Engine

_HIDDEN = ["paper_id", "chunk_id", "rank", "dense", "lexical", "url", "source"]


class PaperchatRetriever(BaseRetriever):
    """Searches an open paperchat Engine; `top_k` papers per query (default: the engine's top_papers)."""

    def __init__(self, engine: Engine, *, top_k: int | None = None, retrieval: RetrievalSettings | None = None,
                 whole_abstract: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._engine = engine
        self._top_k = top_k
        self._retrieval = retrieval
        self._whole_abstract = whole_abstract

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self._engine.search(query_bundle.query_str, self._retrieval, self._top_k)
        return [NodeWithScore(node=self._node(hit), score=hit.fused) for hit in hits]

    def _node(self, hit: Evidence) -> TextNode:
        paper = self._engine.papers[hit.paper_id]
        known = {"title": paper.title, "paper_id": paper.paper_id, "authors": ", ".join(paper.authors),
                 "year": paper.year, "url": paper.url, "source": paper.source, "chunk_id": hit.chunk_id,
                 "rank": hit.rank, "dense": hit.dense, "lexical": hit.lexical}
        metadata = {k: v for k, v in known.items() if v not in (None, "")}  # a paper without authors says nothing
        return TextNode(id_=hit.chunk_id or paper.paper_id, text=paper.abstract if self._whole_abstract else hit.text,
                        metadata=metadata, excluded_llm_metadata_keys=list(_HIDDEN),
                        excluded_embed_metadata_keys=list(_HIDDEN))


def as_retriever(engine: Engine, *, top_k: int | None = None, retrieval: RetrievalSettings | None = None,
                 whole_abstract: bool = False) -> PaperchatRetriever:
    """The engine's index as a llama-index retriever (see the README's "paperchat in a llama-index application")."""
    return PaperchatRetriever(engine, top_k=top_k, retrieval=retrieval, whole_abstract=whole_abstract)
