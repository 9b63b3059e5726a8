"""The index: the encoder, the Chroma store and its crash recovery, BM25, retrieval and the per-question view."""
