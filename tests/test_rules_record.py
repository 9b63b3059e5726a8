"""Questions a paper's record answers (who wrote it, when) and details its abstract must state to be answered."""

from __future__ import annotations

import pytest

from rag.answer.record import missing_detail, record_answer, unstated_setting
from rag.types import Paper

WITH_RECORD = Paper("lean", "A Lean Dataset for Olympiad Geometry", "We release 1,329 lemmas, trained with AdamW.",
                    authors=("Kenji Sato", "Anna Müller"), year=2023)
BARE = Paper("bare", "Program Synthesis with Large Language Models", "We evaluate models on MBPP.")


@pytest.mark.parametrize(("paper", "question", "refused", "said"), [
    (WITH_RECORD, "Who are the authors of the Lean dataset paper?", False, "Kenji Sato, Anna Müller (2023)"),
    (WITH_RECORD, "what year did it come out", False, "is from 2023"),
    (BARE, "who wrote the MBPP paper", True, "no authors"),
    (BARE, "When was the MBPP paper published?", True, "no year"),
    (BARE, "What does the MBPP paper evaluate?", None, ""),  # not a question about the record
    (BARE, "did the MBPP paper come out in 2021?", True, "no year"),  # a control: still asks the year
    (BARE, "what % of tokens come out right from the first layer?", None, ""),  # no paper coming out
    (BARE, "in the MBPP study, did the 137B model come out on top?", None, ""),  # a result, not a date
    (BARE, "was MBPP written by Google people?", True, "no authors"),  # the paper, written by
    (BARE, "were its reference solutions written by a human expert?", None, ""),  # what the paper made
    (BARE, "does the 137B model solve most tasks, per the authors of the MBPP paper?", None, ""),  # whose claim
    (BARE, "according to the authors of MBPP, is few-shot enough?", None, ""),
    (BARE, "list the authors of the MBPP paper", True, "no authors"),  # a control: who they are
])
def test_who_wrote_it_and_when_come_from_the_record(paper, question, refused, said):
    answer = record_answer(paper, question, question)
    if refused is None:
        assert answer is None
        return
    assert answer.refused is refused and said in answer.answer
    assert answer.citations == [] if refused else [c.paper_id for c in answer.citations] == [paper.paper_id]


_SURE = "measure of uncertainty or significance"


@pytest.mark.parametrize(("paper", "question", "missing"), [
    (BARE, "Which optimizer and learning rate did they use?", "optimiser"),
    (WITH_RECORD, "Which optimizer did they use?", ""),            # AdamW is one
    (BARE, "Is it released under an MIT license?", "license"),
    (BARE, "is it released under apache 2.0?", "license"),  # the licence asked by its name
    (BARE, "is it available under the GPL?", "license"),
    (BARE, "How many GPUs does it need?", "hardware"),
    (BARE, "What does it evaluate on?", ""),
    (BARE, "How much does it cost in API fees to run?", "cost in money"),
    # An amount anywhere in the abstract states it, whoever the sentence names.
    (Paper("c", "The AI Scientist", "Each idea becomes a full paper at a cost of less than $15 per paper."),
     "What does it cost in dollars per paper?", ""),
    (Paper("k", "KV Prediction", "It cuts FLOPs by $2\\times$ at equal accuracy."), "What are its API fees?",
     "cost in money"),  # LaTeX is no amount
    (BARE, "What is its inference cost compared to the base model?", ""),  # compute, not money
    (BARE, "Does it lower the computational cost?", ""),  # a claim about cost, not an amount of money
    (BARE, "what's the cost per task of its runs?", "cost in money"),
    (BARE, "how much does one fix cost?", "cost in money"),
    (BARE, "what's the compute cost per token?", ""),  # compute, not money
    (BARE, "which university are the authors from?", "affiliation"),  # no abstract says it of itself
    (BARE, "what lab is behind it?", "affiliation"),
    (BARE, "what programming language(s) did they write their solutions in?", "programming language"),
    (BARE, "in what language are the submissions written?", "programming language"),
    (Paper("g", "GitBench", "We introduce GitBench, 116 Python code completion problems."),
     "which programming language are GitBench's problems in?", ""),  # a control: it names Python
    (Paper("o", "OMPLM", "We introduce OMPLM, a model for OpenMP pragma generation."),
     "which language does OMPLM target?", ""),  # a control: a parallel programming model is what it targets
    (BARE, "which language models does it evaluate?", ""),  # a control: models, not a language
    (BARE, "where did they source its problems from - textbooks or exams?", "data source"),
    (Paper("r", "RepoBench", "We build RepoBench from 500 repositories crawled from GitHub."),
     "where does RepoBench get its code from?", ""),  # a control: crawled from GitHub
    (Paper("d", "DevBench", "Based on business data from an industrial tool, we build DevBench."),
     "where did DevBench get its data?", ""),  # a control: based on business data
    (BARE, "Where did it rank on Codeforces?", ""),  # a control: a place in a ranking, not a source
    (BARE, "where does its gain over the baseline come from?", ""),  # a control: why, not where its data is from
    (BARE, "which language are the benchmark's questions in?", "programming language"),
    (BARE, "which ChatGPT version/date did they test?", "model's version or snapshot date"),
    (BARE, "what was the inter-rater agreement (Cohen's kappa) for its annotations?", "agreement between annotators"),
    (Paper("a", "AnnoBench", "Two experts labelled each step; we report their agreement (kappa 0.8)."),
     "what was the inter-annotator agreement?", ""),  # a control: it says so
    (BARE, "did they check for overlap with the GSM8K test set?", "check for test-set contamination"),
    (BARE, "does it address test-set contamination?", ""),  # whether it is about it, not whether it was checked
    (BARE, "what temprature did they sample at?", "threshold or temperature value"),  # typed with a slip
    (Paper("v", "Optimising Pillow", "We used ChatGPT-4 (October 2023) to optimise a function."),
     "which ChatGPT version did they use?", ""),  # a control: a version and a date beside the name
    (Paper("m", "MiniProver", "We prove 54% of the Lean4 version of MiniF2F."),
     "which version of MiniF2F did they test on?", ""),  # a control: the version is said
    (Paper("g", "GoBench", "We go further and lean on a swift study of agents."),
     "which programming language does GoBench use?", "programming language"),  # "go", "lean", "swift" are words
    (Paper("b", "BiBench", "BiBench has questions in English and Chinese."),
     "which language are BiBench's questions in?", ""),  # a control: a natural language is an answer too
    # How sure a figure is: runs, seeds, intervals, significance.
    (BARE, "the 10.59% success rate: what's the confidence interval on that?", _SURE),
    (BARE, "were its gains statistically significant, and at what p-value?", _SURE),
    (BARE, "what's the std across runs?", _SURE),
    (BARE, "how many random seeds is the +20% averaged over?", "number of runs or seeds"),
    (Paper("s", "SeedBench", "We report the mean over 5 seeds and 95% confidence intervals."),
     "how many seeds, and what confidence interval?", ""),  # a control: it says both
    (Paper("l", "LintSeq", "We gain +20% (+/-3%) in absolute score."), "what's the std of the gain?", ""),
    (BARE, "how does it scale data synthesis without lots of seed data?", ""),  # seed data grows, no seeds
    # A setting's value, said beside its name.
    (Paper("d", "DynInf", "We stop generating once the confidence passes a threshold."),
     "what confidence threshold did they set for stopping?", "threshold or temperature value"),
    (Paper("d", "DynInf", "We stop once our confidence exceeds a threshold of 0.9."),
     "what confidence threshold did they set?", ""),  # a control: the value is said
    # Counts per part need two figures at least; one total is no breakdown.
    (Paper("pb", "ProcessBench", "Our benchmark consists of 3,400 test cases."),
     "how many test cases come from each of the source datasets?", "counts per part"),
    (Paper("cf", "CodeFill", "We train CodeFill on two datasets of 29M and 425M lines."),
     "how many lines in each of the two datasets?", ""),
    (Paper("gp", "Gpr124", "Our Gpr124 knockout led to BBB disruption in 12 mice."),
     "Does Gpr124 increase BBB breakdown in mouse models?", ""),  # a breakdown of the barrier, no counts
])
def test_a_detail_abstracts_rarely_give_must_be_in_the_abstract(paper, question, missing):
    assert missing_detail(paper, question) == missing


@pytest.mark.parametrize(("question", "setting"), [
    ("does it also work for haskell programs?", "haskell"),      # the abstract names no Haskell
    ("has it been evaluated on github issues from java projects?", "java"),  # its most specific word
    ("does it also help on MBPP?", ""),                                  # it says MBPP
    ("Does it improve code generation?", ""),                            # no setting beyond the paper's asked
    # "even" in one sentence, "to ..." in another: no setting it extends to.
    ("Even the best model finds few. Right? And how does that compare to the haskell share?", ""),
    ("Right? And does it even work for haskell programs?", "haskell"),  # a control: both in the last
    ("does it even work for stuff in haskell?", "haskell"),  # "stuff" is the asker's chatter
    # "even" before the subject, and the ask after the preposition: no setting it extends to.
    ("even the best model can break them for what share of the haskell programs?", ""),
    # "other" / "different" say some other one, which no abstract need write; the setting is the rest.
    ("does it still hold up when moved to different models?", ""),  # the abstract says models
    ("does it still hold up when moved to different haskell models?", "haskell"),
])
def test_a_setting_beyond_what_the_abstract_names_is_not_stated(question, setting):
    used_by = {"haskell": 0, "programs": 30, "java": 2, "projects": 20, "github": 3, "issues": 4, "mbpp": 5, "stuff": 0}
    assert unstated_setting(BARE, question, lambda word: used_by.get(word, 10)) == setting


@pytest.mark.parametrize(("question", "abstracts", "unstated"), [
    ("what licence is MBPP released under?", ["We release MBPP, 974 tasks.", "MBPP is used here."], "license"),
    ("what licence is MBPP released under?", ["MBPP is released under CC-BY 4.0."], ""),
    ("which optimizer trains it?", ["We train with AdamW."], ""),
    ("which university are the authors at?", ["We evaluate code models."], "affiliation"),
    ("what does MBPP contain?", ["We release MBPP, 974 tasks."], ""),  # no record detail asked
])
def test_a_record_detail_no_close_abstract_states(question, abstracts, unstated):
    from rag.answer.record import detail_stated_nowhere

    papers = [Paper(f"p{i}", "A title", text) for i, text in enumerate(abstracts)]
    assert detail_stated_nowhere(question, papers) == unstated


def test_a_record_detail_asked_yes_or_no_is_still_a_record_detail():
    from rag.answer.record import detail_stated_nowhere

    papers = [Paper("p", "A title", "We release MBPP, 974 tasks, at a university hospital.")]
    assert detail_stated_nowhere("is MBPP released under Apache 2.0?", papers, yes_no=True) == "license"
    # Not the authors' affiliation: a claim may speak of a university hospital's patients.
    assert detail_stated_nowhere("do university hospitals see fewer infections?", papers, yes_no=True) == ""
