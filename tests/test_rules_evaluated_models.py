"""Which models papers evaluate, compare with or find best ("which LLMs get evaluated in the math evaluation
papers?"): asked of several papers, answered with the models each abstract puts to the test, not the data it runs
them on, not its own model, not what it fine-tunes."""

from __future__ import annotations

import pytest

from rag.answer.across import used_as_data
from rag.answer.evaluated_models import asks_evaluated_models, evaluated_models
from rag.types import Paper


@pytest.mark.parametrize(("question", "asks"), [
    ("which LLMs get evaluated across the theorem proving papers?", True),
    ("for the agent papers, what models do they use as baselines?", True),
    ("which model ends up on top across the benchmark papers?", True),
    ("which closed models get tested in the math papers here?", True),
    ("which models did they test?", False),                        # of one paper, asked after a turn about it
    ("what model sizes did the papers test?", False),              # sizes, not models
    ("which papers benchmark LLMs on code efficiency?", False),    # the papers, a list
    ("which base models get fine-tuned in the math papers?", False),  # tuned ones: tuned_models.py
    ("list of the models compared against in the agent papers, o1 etc", True),  # a request for the list
    ("list of the papers that compare models", False),             # papers asked for
])
def test_a_question_asks_for_the_models_papers_evaluate(question, asks):
    assert asks_evaluated_models(question) is asks


@pytest.mark.parametrize(("abstract", "models"), [
    # A version or size in the name; data and the paper's own model left out.
    ("Our prover proves 46.3% of miniF2F, surpassing the baseline GPT-4 at 23.0%.", ["GPT-4"]),
    ("We compare open-source models, such as Llama2 and CodeLlama, on our data.", ["Llama2", "CodeLlama"]),
    ("The InCoder model is deployed to real users and compared with others.", ["InCoder"]),
    ("Our ZetaNet-7B model beats o1-mini on GSM8K.", ["o1-mini"]),
    ("We evaluate on HumanEval and MBPP.", []),
])
def test_the_models_an_abstract_puts_to_the_test(abstract, models):
    paper = Paper("p", "ZetaNet: Reasoning with Zeta", abstract)
    found = evaluated_models(paper, lambda n, s: used_as_data(n, s, using=False))
    assert [name for name, _ in found] == models


@pytest.mark.parametrize(("name", "own"), [
    ("DeepSeek-Prover-V1.5", True),   # a version of the paper's short name, hyphened on
    ("DeepSeek-Prover", True),
    ("prover-7B", False),             # a part of the name is not the name
    ("Llama2", False),
])
def test_a_version_of_the_papers_own_name_is_its_own(name, own):
    from rag.answer.tuned_models import own_name

    paper = Paper("p", "DeepSeek-Prover: Theorem proving with synthetic data",
                  "We fine-tune a 7B model on synthetic Lean proofs and compare with Llama2.")
    assert own_name(name, paper) is own
