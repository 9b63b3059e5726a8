"""The sentence-role rule behind the comparison table (rag/answer/roles.py).

The table cases are written for this test (not taken from the built-in corpus); the accuracy floor is checked on
the hand-labelled tune file eval/labels/sentence_roles.jsonl (measured 0.857 when the rule was written).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.answer.roles import ROLES, classify, role_scores

TUNE = Path(__file__).resolve().parent.parent / "eval" / "labels" / "sentence_roles.jsonl"
TUNE_ACCURACY_FLOOR = 0.80

# (sentence, position in the abstract, sentences in the abstract, expected role)
CASES = [
    ("Despite rapid progress, large language models still struggle to reason over long legal documents.", 0, 8,
     "problem"),
    ("Existing retrieval methods ignore table structure, which limits their usefulness for financial reports.", 1, 8,
     "problem"),
    ("Collecting expert annotations for this task remains prohibitively expensive.", 1, 8, "problem"),
    ("However, these approaches require hand-written rules for every new domain.", 1, 7, "problem"),
    ("We propose TabRAG, a retrieval framework that encodes tables as graphs before ranking them.", 2, 8, "approach"),
    ("Our method combines a lightweight parser with a contrastive reranker trained on synthetic queries.", 3, 8,
     "approach"),
    ("In this paper, we present a curriculum that gradually increases the length of training sequences.", 2, 9,
     "approach"),
    ("We fine-tune a 7B model with reinforcement learning from execution feedback.", 3, 8, "approach"),
    ("To address this gap, we build a simulator that replays real user sessions.", 2, 8, "approach"),
    # No "we": the sentence opens on what the pipeline does, and "while" is no problem said.
    ("The annotation pipeline pairs each question with retrieved passages while discarding near-duplicates.", 3, 9,
     "approach"),
    ("We introduce LegalQA, a benchmark of 4,200 questions drawn from court rulings in five jurisdictions.", 3, 9,
     "data"),
    ("The corpus contains 12 million sentences collected from public patent filings.", 4, 9, "data"),
    ("Each example pairs a natural-language question with a verified SQL query.", 5, 9, "data"),
    ("We evaluate on three standard benchmarks: Spider, BIRD and WikiSQL.", 5, 9, "data"),
    ("Our model reaches 71.3% exact match, a 6.2-point gain over the strongest baseline.", 6, 8, "results"),
    ("Experiments show that the reranker cuts latency by half without hurting recall.", 6, 8, "results"),
    ("We find that smaller models benefit most from the curriculum.", 6, 9, "results"),
    ("Our approach outperforms prior work on all four datasets.", 7, 9, "results"),
    ("The best system solves only 18 of the 200 problems, far below human experts.", 7, 9, "results"),
    ("We further show that pass@10 rises from 40.1 to 55.8 when the verifier is enabled.", 7, 9, "results"),
    ("Code and data are available at https://example.org/tabrag.", 8, 9, "other"),
    ("We hope this resource will spur further research on multilingual retrieval.", 8, 9, "other"),
    ("All models and prompts will be released publicly.", 7, 8, "other"),
]


@pytest.mark.parametrize(("sentence", "position", "n_sentences", "expected"), CASES)
def test_role_of_sentence(sentence: str, position: int, n_sentences: int, expected: str) -> None:
    assert classify(sentence, position, n_sentences) == expected


def test_scores_cover_every_role() -> None:
    scores = role_scores("We propose a new method.", 2, 6)
    assert set(ROLES) <= set(scores)
    assert max(ROLES, key=scores.__getitem__) == "approach"
    assert classify("", 0, 1) in (*ROLES, "other")


def test_accuracy_on_tune_labels() -> None:
    rows = [json.loads(line) for line in TUNE.read_text(encoding="utf-8").splitlines() if line.strip()]
    sizes = Counter(row["title"] for row in rows)
    right = sum(classify(row["sentence"], row["position"], sizes[row["title"]]) == row["role"] for row in rows)
    assert right / len(rows) >= TUNE_ACCURACY_FLOOR


def _scorer(sentences: list[str]):
    """A sentence of one paper ("p") at a position, scored so."""
    from rag.answer.scoring import ScoredSentence

    def scored(position: int, score: float) -> ScoredSentence:
        return ScoredSentence("p", position, sentences[position], score, 0.0, score, 0)

    return scored


def test_a_yes_no_answer_without_a_finding_gets_its_papers_best_finding():
    """"Does X reduce Y?": the background sentences that scored best are kept, the finding is added and leads."""
    from rag.answer.factoid import findings_first
    from rag.types import Paper

    sentences = ["Statins are widely prescribed to adults with high cholesterol.",
                 "Whether they change HDL cholesterol in older adults is unclear.",
                 "We enrolled 400 adults aged over 70 in a randomised trial.",
                 "We find that statins raised HDL cholesterol by 12% after one year."]
    paper = Paper("p", "Statins and HDL", " ".join(sentences))
    scored = _scorer(sentences)
    chosen = [scored(0, 0.80), scored(1, 0.78)]
    everything = [*chosen, scored(3, 0.70), scored(2, 0.50)]
    answer = findings_first(chosen, {"p": paper}, everything)
    assert [s.position for s in answer] == [3, 0, 1]
    # A finding far weaker than the best sentence is not put in.
    weak = [*chosen, scored(3, 0.30)]
    assert [s.position for s in findings_first(chosen, {"p": paper}, weak)] == [0, 1]


def test_a_yes_no_answer_with_a_finding_gets_its_papers_next_finding_too():
    """"Is a narrow set of domains enough?": the finding that diverse domains help, and the one that narrow ones
    fail, which scored lower."""
    from rag.answer.factoid import findings_first
    from rag.types import Paper

    sentences = ["Instruction tuning needs data.",
                 "We find that generalization emerges only with data diversified across domains.",
                 "Our findings also reveal that diversifying within narrow domains fails to generalize.",
                 "We release our code."]
    paper = Paper("p", "Diversity and generalization", " ".join(sentences))
    scored = _scorer(sentences)
    chosen = [scored(1, 0.80), scored(0, 0.60)]
    assert [s.position for s in findings_first(chosen, {"p": paper}, [*chosen, scored(2, 0.55)])] == [1, 2, 0]
    assert [s.position for s in findings_first(chosen, {"p": paper}, [*chosen, scored(2, 0.40)])] == [1, 0]
    # An answer full already (`max_sentences`): the next finding takes the weaker sentence's place, not the lead's.
    assert [s.position for s in findings_first(chosen, {"p": paper}, [*chosen, scored(2, 0.55)], limit=2)] == [1, 2]
    assert [s.position for s in findings_first(chosen[:1], {"p": paper}, [*chosen, scored(2, 0.55)], limit=1)] == [2]
    # A background sentence scoring best is the first to give up its place to a finding.
    background_lead = [scored(0, 0.80), scored(1, 0.70)]
    assert [s.position for s in findings_first(background_lead, {"p": paper}, [*background_lead, scored(2, 0.55)],
                                               limit=2)] == [1, 2]


def test_the_finding_on_what_the_question_asks_beyond_the_papers_subject_leads():
    """Every sentence is about neural code generation; what is asked is whether developers finish faster."""
    from rag.answer.factoid import findings_first
    from rag.answer.finding_aspect import distinctive_ask
    from rag.types import Paper

    sentences = ["Neural code generation models are studied on ML programming tasks.",
                 "We evaluate six neural code generation models on ML programming tasks.",
                 "We find that neural code generation models perform better on ML programming tasks.",
                 "We find that the models cannot improve developers' completion time."]
    paper = Paper("p", "Neural code generation for ML programming tasks", " ".join(sentences))
    question = "Do neural code generation models make developers finish ML programming tasks faster?"
    # The words the abstract says in one place at most: what is asked beyond the subject.
    assert distinctive_ask(question, paper) == "make developers finish faster"
    assert distinctive_ask("Do neural code generation models help on ML programming tasks?", paper) == ""
    scored = _scorer(sentences)
    chosen = [scored(2, 0.62), scored(1, 0.60)]
    by_ask = [scored(3, 0.55), scored(2, 0.20)]  # scored for "make developers finish faster"
    answer = findings_first(chosen, {"p": paper}, [*chosen, scored(3, 0.42)], by_ask=by_ask)
    assert [s.position for s in answer] == [3, 2, 1]


def test_a_word_clipped_from_the_abstracts_longer_word_is_no_part_of_the_ask():
    """"math" is the abstract's "mathematical", said in every sentence: what is asked is the algorithm built on."""
    from rag.answer.finding_aspect import distinctive_ask
    from rag.types import Paper

    sentences = ["Mathematical constants have formulas.", "We search mathematical constants by integer sequences.",
                 "Our method builds on the Berlekamp-Massey algorithm."]
    paper = Paper("p", "Conjectures on mathematical constants", " ".join(sentences))
    assert distinctive_ask("ESMA for math constants builds on top of which classical algorithm?", paper) == \
        "ESMA builds top classical algorithm"
