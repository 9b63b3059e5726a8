"""The question-set loader: bad lines are reported by line number and skipped, gold titles match loosely."""

from __future__ import annotations

import json

from eval.questionset import TitleIndex, load_questions, shipped_sets

LINES = [
    '{"id": "q1", "type": "Factoid", "question": " How many? ", "expected_titles": ["Programming Puzzles"], '
    '"expected_facts": ["18%"]}',
    '{"id": "q2", "question": "broken',  # 2: not JSON
    "",  # 3: blank lines are fine
    "[1, 2]",  # 4: not an object
    '{"id": "q3"}',  # 5: no question
    '{"id": "q4", "question": "one title without brackets", "expected_titles": "Programming Puzzles"}',
    '{"id": "q1", "question": "same id again"}',  # 7: duplicate
    '{"id": "q5", "question": "typo in a key", "expected_title": ["x"]}',  # 8: runs, but reported
    '{"id": "q6", "question": "facts must be strings", "expected_facts": [1329]}',  # 9
    '{"id": 7, "question": "numeric id", "history": ["What is RLCoder?"]}',
]


def test_malformed_lines_are_reported_and_the_rest_load(write):
    qs = load_questions(write("set.jsonl", "\n".join(LINES) + "\n"))
    assert [q.id for q in qs.questions] == ["q1", "q4", "q5", "7"]
    assert [(p.line, p.skipped) for p in qs.problems] == [
        (2, True), (4, True), (5, True), (7, True), (8, False), (9, True)
    ]
    messages = {p.line: p.message for p in qs.problems}
    assert "not valid JSON" in messages[2]
    assert "duplicate id 'q1'" in messages[7] and "line 1" in messages[7]
    assert "expected_title" in messages[8]
    assert "expected_facts" in messages[9]
    assert "line 8" in str(qs.problems[4]) and "still runs" in str(qs.problems[4])

    q1 = qs.questions[0]
    assert (q1.type, q1.question, q1.expected_facts, q1.line) == ("factoid", "How many?", ("18%",), 1)
    assert qs.questions[1].expected_titles == ("Programming Puzzles",)
    assert qs.questions[2].type == "general" and not qs.questions[2].unanswerable
    assert qs.questions[3].history == ("What is RLCoder?",)
    assert len(qs.digest) == 12


def test_titles_match_despite_case_spacing_and_latex_and_unknown_ones_are_kept():
    index = TitleIndex({
        "p1": "Only-IF:Revealing the Decisive Effect of Instruction Diversity on Generalization",
        "p2": "Programming Puzzles",
    })
    gold = index.gold([
        "only-if: revealing the decisive   EFFECT of instruction diversity on generalization",
        r"\textbf{Programming} Puzzles",
        "Programming puzzles",  # the same paper twice counts once
        "Protein Folding with Transformers",
    ])
    assert gold.paper_ids == ("p1", "p2")
    assert gold.unknown_titles == ("Protein Folding with Transformers",)
    assert gold.size == 3


def test_shipped_dev_set_is_clean_and_covers_every_type():
    path = shipped_sets()["dev"]
    qs = load_questions(path)
    assert qs.problems == []
    assert len(qs.questions) >= 40
    types = [q.type for q in qs.questions]
    for needed in ("factoid", "semantic", "comparative", "list", "followup", "unanswerable"):
        assert needed in types
    assert types.count("comparative") + types.count("list") >= 10
    assert types.count("followup") >= 5 and all(q.history for q in qs.questions if q.type == "followup")
    assert types.count("unanswerable") >= 5
    assert all(not q.expected_titles for q in qs.questions if q.unanswerable)
    assert all(q.expected_titles for q in qs.questions if not q.unanswerable)
    raw_ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(raw_ids) == len(set(raw_ids))


def test_dev_set_titles_and_facts_are_in_the_builtin_corpus():
    """Every gold title is a built-in paper and every fact is in one of its gold abstracts (read, not guessed)."""
    from eval.answer_metrics import fact_found
    from ingest.pipeline import BUILTIN_CORPUS
    from ingest.readers.hf_page import read
    from rag.types import Paper

    papers = {p.paper_id: p for p in read(BUILTIN_CORPUS) if isinstance(p, Paper)}
    index = TitleIndex({pid: p.title for pid, p in papers.items()})
    for q in load_questions(shipped_sets()["dev"]).questions:
        gold = index.gold(q.expected_titles)
        assert not gold.unknown_titles, q.id
        abstracts = " ".join(papers[pid].abstract for pid in gold.paper_ids)
        for fact in q.expected_facts:
            assert fact_found(fact, abstracts), (q.id, fact)
