"""Sentence-aligned chunks, counted in tiktoken tokens, prefixed with the title, one sentence of overlap.

The prefix puts the paper's subject in every chunk's vector; the overlap keeps a claim and its context
together when a boundary falls between them.
"""

from __future__ import annotations

from functools import lru_cache

from rag.text.sentences import split_sentences
from rag.types import Chunk, Paper


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def _truncate(text: str, n_tokens: int) -> str:
    enc = _encoding()
    return enc.decode(enc.encode(text, disallowed_special=())[:n_tokens])


def chunk_paper(paper: Paper, max_tokens: int = 200, overlap: int = 1) -> list[Chunk]:
    prefix = f"{paper.title}. "
    prefix_tokens = count_tokens(prefix)
    budget = max(max_tokens - prefix_tokens, 16)
    sentences = []
    for sentence in split_sentences(paper.abstract):
        # A sentence longer than a whole chunk is cut so it still fits the embedder's window.
        sentences.append(sentence if count_tokens(sentence) <= budget else _truncate(sentence, budget))
    lengths = [count_tokens(s) + 1 for s in sentences]
    groups: list[list[int]] = []
    i = 0
    while i < len(sentences):
        group = [i]
        used = lengths[i]
        j = i + 1
        while j < len(sentences) and used + lengths[j] <= budget:
            group.append(j)
            used += lengths[j]
            j += 1
        groups.append(group)
        if j >= len(sentences):
            break
        # Next chunk restarts `overlap` sentences back, but always moves forward.
        i = max(j - overlap, i + 1)
    paper_hash = paper.content_hash
    chunks = []
    for n, group in enumerate(groups):
        body = " ".join(sentences[k] for k in group)
        text = prefix + body
        chunks.append(
            Chunk(
                chunk_id=f"{paper.paper_id}:{n}",
                paper_id=paper.paper_id,
                title=paper.title,
                text=text,
                sentences=tuple(sentences[k] for k in group),
                n_tokens=prefix_tokens + sum(lengths[k] for k in group),
                paper_hash=paper_hash,
            )
        )
    return chunks
