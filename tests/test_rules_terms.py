"""Terms a list topic shares word for word with a few abstracts: which term of a chatty topic is the one that says
what it is about, and who writes it."""

from __future__ import annotations

import pytest

from rag.answer.written_terms import head_writers, rare_term, topic_head
from rag.types import Paper


def _paper(n: int, title: str, abstract: str) -> Paper:
    return Paper(paper_id=f"p{n}", title=title, abstract=abstract)


# Twenty abstracts: two write "reinforcement learning", two "multi-agent framework", two "user study", and every
# one of them writes "existing code", and most write "training": everyday words here.
_SPECIAL = [
    ("B-Coder", "We train with reinforcement learning on programs. It improves existing code."),
    ("RLCoder", "A reinforcement learning framework for retrieval. It handles existing code."),
    ("AutoML-Agent", "We propose a multi-agent framework for AutoML. It reads existing code."),
    ("MA-LoT", "The first multi-agent framework for Lean proofs. It reads existing code."),
    ("Puzzles", "A user study shows puzzle difficulty tracks existing code skill."),
    ("ML tasks", "We run a user study with existing code. Perplexity is reported too."),
]
_PLAIN = [(f"Paper {n}", f"We evaluate system training on existing code; metric {n}. Evaluation metric {n}.")
          for n in range(14)]
PAPERS = {p.paper_id: p for p in (_paper(n, t, a) for n, (t, a) in enumerate(_SPECIAL + _PLAIN))}


@pytest.mark.parametrize(("phrase", "writers"), [
    # the term at the end of a chatty topic; "relies" only says the system uses it
    ("a system whose own training actually relies on reinforcement learning", {"B-Coder", "RLCoder"}),
    ("run a user study", {"Puzzles", "ML tasks"}),
    ("multi-agent framework", {"AutoML-Agent", "MA-LoT"}),
    # everyday words side by side, however few write them so
    ("make existing code run faster", set()),
    # a term without the phrase's rarest word ("perplexity") is not what it is about
    ("perplexity as an evaluation metric", set()),
    ("agents that negotiate prices", set()),  # no term anybody writes
    # a word no abstract uses: the topic is about something the index lacks, whatever term is beside it
    ("apply reinforcement learning to protein design", set()),
    ("a system whose own training honestly relies on reinforcement learning", {"B-Coder", "RLCoder"}),  # an adverb
    # what papers do not do: the writers of the term are the ones left out
    ("a system whose training does not rely on reinforcement learning", set()),
    ("run no user study at all", set()),
    # a negation after the term leaves it what the topic is about
    ("reinforcement learning, with or without a reward model", {"B-Coder", "RLCoder"}),
])
def test_rare_term(phrase: str, writers: set[str]) -> None:
    assert {PAPERS[pid].title for pid in rare_term(phrase, PAPERS)} == writers


@pytest.mark.parametrize(("topic", "expected"), [
    ("multi-agent framework, with several LLM agents collaborating", "multi-agent framework"),
    ("run a user study, i.e. recruit people to rate outputs", "run a user study"),
    ("a multi-agent framework rather than one agent doing everything", "a multi-agent framework"),
    ("multi-agent framework - several agents talking", "multi-agent framework"),
    ("reinforcement learning, specifically for code completion", ""),  # narrows
    ("undergraduate level, or graduate", "undergraduate level"),  # adds an alternative
    # a clause narrowing the head is part of it
    ("math reasoning where the LLM calls a Python interpreter", ""),
    ("papers that train with reinforcement learning", ""),
])
def test_topic_head(topic: str, expected: str) -> None:
    assert topic_head(topic) == expected


@pytest.mark.parametrize(("topic", "writers"), [
    ("a multi-agent framework, with several LLM agents collaborating", {"AutoML-Agent", "MA-LoT"}),
    ("reinforcement learning, with rewards from tests", {"B-Coder", "RLCoder"}),
    ("reinforcement learning, for code completion only", set()),  # what follows narrows the head
    ("a multi-agent framework, but not for Lean", set()),  # nor what leaves papers out
    ("run a user study, i.e. recruit people", set()),  # the head is more than the term
    ("existing code, as written by people", set()),  # every abstract writes it
])
def test_head_writers(topic: str, writers: set[str]) -> None:
    assert {PAPERS[pid].title for pid in head_writers(topic, PAPERS)} == writers


def test_a_term_more_than_a_dozen_abstracts_write_is_a_fields_on_a_large_index():
    """On 200 abstracts, 15% would be 30 writers: twenty writing "randomized controlled trials" are a field's term."""
    trials = [_paper(n, f"Trial {n}", "A randomized controlled trial of a drug.") for n in range(20)]
    others = [_paper(100 + n, f"Other {n}", f"We study cells {n}.") for n in range(180)]
    papers = {p.paper_id: p for p in trials + others}
    assert head_writers("randomized controlled trials, with patients followed", papers) == {}
    few = {p.paper_id: p for p in trials[:5] + others}
    assert len(head_writers("randomized controlled trials, with patients followed", few)) == 5
