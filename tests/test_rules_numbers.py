"""Numbers read as a reader reads them, and held to their source: each row is one way a restatement of an
abstract gets a figure right or wrong (issue 18: F5 restatements, F16 a list question naming a figure)."""

from __future__ import annotations

import pytest

from rag.answer.asks import compared_with, figure_needed, has_measure
from rag.answer.figures import figure_problem
from rag.answer.listing import find_matches, unmet_figures
from rag.answer.verify import verify
from rag.text.numbers import read
from rag.types import Answer, AnswerSentence, Citation, Paper

PUZZLES = ("Codex performs best, solving up to 18% of 397 test problems with a single try and 80% of the problems "
           "with 1,000 tries per problem.")
PASS_AT = "Codex solves 28.8% of the problems with pass@1 and 70.2% with pass@100."
SHOTS = "GPT-3 reaches 45.2% accuracy in the zero-shot setting and 61.8% with 5-shot prompting."
SPELLED = "We evaluate twelve models on one hundred and sixty-four problems."


@pytest.mark.parametrize(("text", "values"), [
    ("solving 28.8 % of them, or 28.8 percent", {28.8}),
    ("eighty-one percent of three hundred and ninety-seven problems", {81, 397}),
    ("1,000 tries, one thousand tries, a thousand tries", {1000}),
    ("a 7B model and a 7 billion parameter model, 574K pairs", {7e9, 574e3}),
    ("GSM8K and miniF2F are names, not numbers", set()),
    ("one approach beats the other", set()),                    # "one" is a pronoun here, not a count
    ("none of the 397 puzzles", {397}),                         # 0 is implied by "none", not written
    # An item's place in a list written inline is no figure.
    ("(2) The best open-source model is competitive with the proprietary one.", set()),
    ("two challenges: 1) planning is long and 2) plans are slow", {2}),
    ("It solves 12 (out of 20) problems.", {12, 20}),  # a control: bracketed, and counted
    ("known formulas for e, e^2 and tan(1)", set()),  # an exponent and an argument are no counts
    ("two hundred thousand tasks", {200000}),
    ("one hundred two hundred tasks", set()),  # a scale after an equal one: no one number
])
def test_numbers_are_read_however_they_are_written(text, values):
    assert read(text).values == values


@pytest.mark.parametrize(("text", "bound"), [
    ("say 20+ LLMs", ">="), ("20 or more models", ">="), ("10 or fewer tasks", "<="), ("more than 20 LLMs", ">"),
    ("we evaluate 23 leading LLMs", ""),
    ("an agent with >15% success", ">"), ("a ≥90% pass rate", ">="), ("<5% overhead", "<"),  # as a sign
])
def test_a_bound_may_come_after_the_number(text, bound):
    assert read(text).figures[0].bound == bound


def test_a_figure_keeps_its_condition_and_what_it_is_a_share_of():
    low, high = read(PUZZLES).figures
    assert (low.value, low.percent, low.total, low.bound) == (18, True, 397, "<=")
    assert [(c.kind, c.count) for c in low.conditions] == [("attempts", 1)]
    assert (high.value, high.total, high.total_from) == (80, 397, "397 test problems")  # "of the problems"
    assert [(c.kind, c.count) for c in high.conditions] == [("attempts", 1000)]


@pytest.mark.parametrize(("claim", "cited", "problem"), [
    # a figure moved to another condition
    ("Codex solves up to 80% of the problems with a single try.", PUZZLES,
     "the cited text gives 80% with 1,000 tries per problem, not with a single try"),
    ("With a single try, Codex solves 80% of the problems.", PUZZLES, "not With a single try"),
    ("Codex solves 18% of the problems with 1,000 tries.", PUZZLES, "up to 18% of 397 with a single try, not"),
    ("Codex solves 70.2% of the problems at pass@1.", PASS_AT, "70.2% pass@100, not pass@1"),
    ("GPT-3 reaches 61.8% accuracy zero-shot.", SHOTS, "61.8% 5-shot, not zero-shot"),
    ("Codex solves 28.8 % with 100 samples.", PASS_AT, "not with 100 samples"),
    ("With 10 tries per problem Codex does well.", PUZZLES,
     "“With 10 tries per problem” is not in the cited text, which gives “with a single try” and “with 1,000 tries"),
    ("GPT-3 does well with ten samples.", SHOTS, "“with ten samples” is not in the cited text"),
    # a number the source never writes, however it is spelled
    ("Codex solves eighty-one percent of the problems with 1,000 tries.", PUZZLES, "the number eighty-one not"),
    ("Codex solves 81% of the problems with 1,000 tries.", PUZZLES, "the number 81 not"),
    ("Codex solves 18% of 500 test problems with a single try.", PUZZLES, "the number 500 not"),
    ("The authors evaluate thirteen models.", SPELLED, "the number thirteen not"),
    # none / all / X of Y against the share the source gives of that total
    ("Codex solves none of the 397 test problems.", PUZZLES, "it says “none of the 397” where the cited text says"),
    ("Codex solves 397 of 397 test problems.", PUZZLES, "it says “397 of 397”"),
    ("Codex solves all 397 test problems with 1,000 tries per problem.", PUZZLES,
     "it says “all 397” where the cited text says “80% (of 397 test problems)”"),
    ("Codex solves 150 out of the 397 test problems with a single try.", PUZZLES, "the number 150 not"),
])
def test_a_misstated_figure_is_flagged(claim, cited, problem):
    assert problem in (figure_problem(claim, cited) or "")


@pytest.mark.parametrize(("claim", "cited"), [
    (PUZZLES, PUZZLES),
    ("Codex solves up to 18 % of the 397 test problems with one try.", PUZZLES),
    ("Codex solves 18 percent of 397 problems on the first attempt.", PUZZLES),
    ("Codex solves eighteen percent of the 397 test problems with a single try.", PUZZLES),
    ("With 1,000 tries per problem, Codex solves 80% of the problems.", PUZZLES),
    ("Codex solves 80% of the 397 problems with one thousand tries.", PUZZLES),  # 80% of 397 is not 18% of 397
    ("Codex solves about 71 of the 397 test problems with a single try.", PUZZLES),  # 71/397 is the 18%
    ("Codex handles up to 18% of 397 problems in a single try and 80% with 1,000 tries.", PUZZLES),
    ("Codex solves 28.8% of the problems with a single sample.", PASS_AT),  # pass@1 is one sample
    ("GPT-3 reaches 45.2% zero-shot and 61.8% five-shot.", SHOTS),
    ("The authors evaluate 12 models on 164 problems.", SPELLED),
    ("Codex performs best among the solvers.", PUZZLES),
])
def test_a_faithful_restatement_is_accepted(claim, cited):
    assert figure_problem(claim, cited) is None


@pytest.mark.parametrize("claim", [
    "Codex solves up to 80% of the problems with a single try.",
    "Codex solves eighty-one percent of the problems with 1,000 tries.",
    "Codex solves none of the 397 test problems.",
    "Codex solves 397 of 397 test problems.",
])
def test_the_verifier_flags_the_restatements_of_issue_18(embedder, claim):
    answer = Answer(query="q", searched_query="q", answer=f"{claim} [1]",
                    citations=[Citation(1, "puzzles", "Programming Puzzles", PUZZLES)],
                    sentences=[AnswerSentence(claim, [1])])
    verify(answer, retrieved={"puzzles"}, embed=embedder.embed)
    assert not answer.sentences[0].verified and not answer.citations[0].supported


PAPERS = [
    Paper("pp", "Programming Puzzles", f"We release P3. {PUZZLES}"),
    Paper("dm", "DotaMath", "DotaMath-deepseek-7B scores 64.8% on the MATH dataset and 86.7% on GSM8K."),
    Paper("im", "InfinityMATH", "We build a dataset from GSM8K. It has 101K problems."),
]


def no_described_match(text: str) -> list:
    return []


@pytest.mark.parametrize(("topic", "papers"), [
    ("123456789% accuracy", []),
    ("80% accuracy", ["pp"]),
    ("eighty percent", ["pp"]),
    ("over 99.9% on GSM8K", []),
    ("over 80% on GSM8K", ["dm"]),
    ("about 86% on GSM8K", ["dm"]),
    ("below 50% on MATH", []),
    ("80% on program repair", []),   # the figure is there, the topic is not
    ("101K problems", ["im"]),
    ("GSM8K", ["dm", "im"]),         # no figure asked: matched by name as before
])
def test_a_list_topic_with_a_figure_matches_papers_that_state_it(topic, papers):
    assert sorted(m.paper.paper_id for m in find_matches(topic, PAPERS, no_described_match)) == papers


@pytest.mark.parametrize(("topic", "reason"), [
    ("123456789% accuracy", "No paper in the index matches “123456789% accuracy”: no indexed abstract states "
                            "“123456789%”."),
    ("over 99.9% on GSM8K", "no indexed abstract states “over 99.9%” in a sentence naming GSM8K."),
    ("80% on program repair", "no indexed abstract states “80%” in a paper about “on program repair”."),
    # what a figure says it is goes with it, and a bracket saying the figure again
    ("training a 70B-size model", "no indexed abstract states “70B” in a paper about “training a model”."),
    ("training a 70B-size model (exactly 70B)", "states “70B” in a paper about “training a model”."),
    ("training a 70B sized model (70B exactly)", "states “70B” in a paper about “training a model”."),
    # a unit is what the figure counts: it stays to be matched ("19.8B-parameter" is no "19.8 billion tokens")
    ("training a 70B-parameter model", "states “70B” in a paper about “training a parameter model”."),
    ("GPT-4", ""),                   # the 4 of a name is no figure to look for
])
def test_a_list_topic_names_the_figure_no_abstract_states(topic, reason):
    assert reason in unmet_figures(topic) and bool(unmet_figures(topic)) == bool(reason)


@pytest.mark.parametrize(("sentence", "measure"), [
    ("It improves a 7B-parameter LLM on the GSM8K and MATH datasets.", False),  # a size, not a score
    ("We release 574K query-response pairs built from GSM8K.", False),
    ("DotaMath-deepseek-7B scores 64.8% on MATH.", True),
    ("It reaches 0.8 accuracy in location predictions.", True),
    ("Our prover solves 5 out of 148 problems.", True),
    ("GPT-4 is the baseline on GSM8K.", False),                                 # the 4 is part of a name
    # A speedup said as a factor is how much better, as a percentage is; a plain count is not.
    ("In all attempts, the improvement is significant (factor up to 38).", True),
    ("It runs 3x faster than the baseline.", True),
    ("We study 38 libraries.", False),
])
def test_a_measurement_is_a_share_or_plain_number_not_a_size(sentence, measure):
    assert has_measure(sentence) is measure


@pytest.mark.parametrize(("question", "sentence", "answers"), [
    # A ratio is asked: only a ratio answers; "a speedup over baselines" or "1 ULP of error" does not.
    ("By what factor is it faster?", "It attains a speedup over baselines with under 1 ULP of error.", False),
    ("By what factor is it faster, concretely?", "It runs 3.2x faster than the library exponential.", True),
    ("how much faster is decoding", "Decoding is 40% faster with the cache.", True),
    # A percentage is asked: "negligible" is no percentage.
    ("runtime overhead in % against the C code?", "The translation has a negligible performance impact.", False),
    ("runtime overhead in % against the C code?", "The translated code runs with a 4% overhead.", True),
    # A measurement is asked: a share or a decimal, not a count in words or a model size.
    ("what overall task success rate did it hit?", "It connects foundation models with millions of APIs.", False),
    ("what overall task success rate did it hit?", "The agent completes 14.41% of the tasks.", True),
    # "what %" and a leading "Percent": a percentage.
    ("what % slowdown did they measure?", "The slowdown is negligible.", False),
    ("Percent runtime overhead versus C?", "It runs with a 4% overhead.", True),
    ("how big was the acceptance-rate lift? percent pls", "It improves CAR with zero latency impact.", False),
    # Scores asked in other words: "give both models' scores", "the corresponding numbers", "how large is the gap".
    ("Can you give both models' scores on it?", "QwQ is competitive with GPT-4o.", False),
    ("What are the corresponding numbers on Code2Inv?", "We evaluate on Code2Inv and SV-COMP.", False),
    ("How large is the VB-VF accuracy gap at 32B, in points?", "VB beats VF at 3/8/32B.", False),
    ("Can you give both models' scores on it?", "QwQ scores 71.5 and GPT-4o 61.9.", True),
])
def test_a_question_asking_a_kind_of_figure_needs_that_kind(question, sentence, answers):
    needed = figure_needed(question)
    assert needed is not None and needed(sentence) is answers


@pytest.mark.parametrize(("question", "asks"), [
    ("What are the corresponding numbers on Code2Inv?", True),
    ("what results do they report on MBPP?", True),
    ("what figures does it give?", True),
    ("what does it do?", False),
    ("FooCoder + Foo-3b numbers on MBPP?", True),
    ("what was SWE-agent's efficacy in that comparison?", True),
    ("codex 18% single try, gpt-3 single try was what", True),  # the value asked at the end
    ("is this what they did on MBPP?", False),
    # A level said in words is no figure; "before -> after" and "the number for" ask values.
    ("can the model reach the level of a typical postdoc?", False),
    ("does it reach 50% on MATH?", True),
    ("Llama problems solved before -> after tuning?", True),
    ("the zero-shot MBPP number for the 8B model?", True),
])
def test_numbers_and_results_asked_are_figures(question, asks):
    from rag.answer.asks import asks_for_figure

    assert asks_for_figure(question) is asks


@pytest.mark.parametrize("question", [
    "What concerns beyond accuracy are raised about delegating tasks to LLMs?",  # what else than a measurement
    "what else besides the accuracy is measured?",
    "how much does keeping a human expert in the loop matter? what did people find?",  # a finding
])
def test_a_measurement_set_aside_is_no_figure_asked(question):
    assert figure_needed(question) is None


@pytest.mark.parametrize(("question", "other"), [
    ("By how many points does CodeTree beat Reflexion on HumanEval?", "Reflexion"),  # a name, where it is left out
    ("How much faster is KV Prediction than speculative decoding?", "speculative decoding"),
    ("Is it better than the baseline?", ""),                              # too plain to check
    ("What improvement over baselines does it report?", ""),
    ("and did pseudocode beat plain english?", "natural language"),  # what abstracts call it
    ("does writing it out in prose do worse than code?", ""),  # no comparison with prose asked
    ("it has 5,062 problems over 16 subjects: which is hardest?", ""),  # "over" a count is no comparison
    ("its ROUGE-L of 63.7%, and vs what figures for GPT-C?", ""),  # a control: an ask after "vs"
])
def test_what_a_question_compares_a_paper_with(question, other):
    assert compared_with(question) == other


@pytest.mark.parametrize(("question", "sentence", "gives"), [
    ("TTFT in milliseconds before vs after?", "It cuts TTFT from 120 ms to 80 ms.", True),
    ("TTFT in milliseconds before vs after?", "It translates to a TTFT speedup on hardware.", False),
    ("how long per problem, in seconds?", "FooSearch takes about 40 s per problem.", True),
    ("cost per issue in USD?", "It costs $0.43 on average.", True),
    ("memory saved in GB?", "It saves 30% memory.", False),
])
def test_a_figure_asked_in_a_unit_is_a_number_in_that_unit(question, sentence, gives):
    from rag.answer.units import asked_unit

    asked = asked_unit(question)
    assert asked is not None and bool(asked[1].search(sentence)) is gives


@pytest.mark.parametrize("question", ["how much faster is it?", "which tokens does it predict in the first layers?"])
def test_no_unit_asked(question):
    from rag.answer.units import asked_unit

    assert asked_unit(question) is None


@pytest.mark.parametrize(("question", "measure"), [
    ("exactly how many points on GSM8K?", True),  # a gain, which a model size ("7B") does not give
    ("how many percentage points better?", True),
    ("how many data points are there?", False),  # a count
])
def test_points_asked_are_a_measurement(question, measure):
    from rag.answer.asks import asks_measure

    assert asks_measure(question) is measure


@pytest.mark.parametrize(("question", "aside"), [
    ("what was its few-shot accuracy (not the fine-tuned 83.8)?", ["83.8"]),
    ("besides the 61.7% on miniF2F-test, what does it get on ProofNet?", ["61.7"]),
    ("other than its 19% on SWE-bench-lite, any other numbers?", ["19"]),
    ("is it 83.8 or not?", []),  # a figure asked about, not set aside
])
def test_figures_a_question_sets_aside(question, aside):
    from rag.answer.asks import set_aside_figures

    assert set_aside_figures(question) == aside


@pytest.mark.parametrize(("sentence", "only"), [
    ("On MathQA-Python the largest fine-tuned model achieves 83.8 percent accuracy.", True),
    ("It reaches 83.8% fine-tuned and 59.6% few-shot.", False),  # another figure is there too
    ("We evaluate models few-shot and fine-tuned.", False),  # no figure at all
])
def test_a_sentence_stating_only_figures_set_aside(sentence, only):
    from rag.answer.asks import only_set_aside

    assert only_set_aside(sentence, ["83.8"]) is only


_RANGED = "We train models (with between 244M and 137B parameters). Our largest models solve 59.6 percent."


@pytest.mark.parametrize(("question", "size"), [
    ("what did the 244M model score?", "244M"),            # only the bottom of the range: no figure of its own
    ("how did the 137B model do?", ""),                     # the top is the "largest models" it gives a figure for
    ("they train 244M to 137B models: what is the gain?", ""),  # the range restated is no size asked
    ("what is the size of the 244M model?", ""),            # no figure asked of it
])
def test_a_size_written_only_as_the_end_of_a_range_has_no_figure(question, size):
    from rag.answer.model_sizes import ranged_size

    assert ranged_size(question, _RANGED)[0] == size


@pytest.mark.parametrize(("question", "sentence", "gives"), [
    # "how many dollar(s)" is an amount of money, written with "$" before it as often as a unit after it.
    ("autocoderover average cost per issue is how many dollar", "It costs $0.43 on average.", True),
    ("how many dollars per paper?", "Each paper costs less than 15 USD.", True),
    ("how many dollars per paper?", "Each paper takes 15 minutes.", False),
    # A study's size, asked as "the n" or as a label after the question: people, not the models they used.
    ("what's the n for the CheckMate user study?", "We evaluate three language models with 25 participants.", True),
    ("what's the n for the CheckMate user study?", "We evaluate three language models as assistants.", False),
    ("CheckMate user study? number of participants", "We evaluate three language models as assistants.", False),
    # "how many things": any items counted; "70+" is at least that many.
    ("how many things can the agent do?", "It accomplishes 70+ Minecraft tasks.", True),
    ("how many tasks can the agent do?", "It accomplishes 70+ Minecraft tasks.", True),
    ("how many things can the agent do?", "It nearly doubles the overall performance.", False),
])
def test_what_a_count_asked_counts(question, sentence, gives):
    from rag.answer.units import counted_unit

    assert counted_unit(question).search(sentence) is gives
