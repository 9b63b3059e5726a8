"""paperchat as a llama-index retriever: a llama-index application searches the built-in index and gets scored
nodes carrying each paper's metadata."""

from __future__ import annotations

from llama_index.core.schema import MetadataMode, NodeWithScore

from rag.integrations.llamaindex_retriever import as_retriever

LEAN_IMO = "A Lean Dataset for International Math Olympiad"


def test_the_retriever_returns_the_lean_imo_paper_first(engine):
    hits = as_retriever(engine, top_k=3).retrieve("How many lemmas are in the dataset built from IMO proofs in Lean?")
    assert len(hits) == 3 and all(isinstance(h, NodeWithScore) for h in hits)
    first = hits[0]
    assert first.node.metadata["title"].startswith(LEAN_IMO)
    assert first.node.metadata["paper_id"] in engine.papers and first.node.metadata["rank"] == 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert "lemmas" in first.node.get_content()


def test_scores_and_ids_stay_out_of_what_an_llm_reads(engine):
    node = as_retriever(engine, top_k=1, whole_abstract=True).retrieve("Lean proofs of IMO problems")[0].node
    shown = node.get_content(metadata_mode=MetadataMode.LLM)
    assert shown.startswith(f"title: {node.metadata['title']}")
    assert "paper_id" not in shown and "dense" not in shown
    assert node.get_content() == engine.papers[node.metadata["paper_id"]].abstract
