"""Lists asked in fragments around their topic, as typed in a hurry ("tree search for code — all the papers pls",
"can u list papers that ..."): the words asking for papers are cut out and the fragment left, less what the asker
sets aside or says about themselves, is the topic. A question the other shapes already read keeps its reading, and
words asking for papers inside a question about something else ("across all of them", "did it solve anything on
FIMO?") ask for no list."""

from __future__ import annotations

import pytest

from rag.answer.list_cues import fragment_topic, without_asking
from rag.answer.mentions import Lexicon
from rag.answer.plan import understand
from rag.types import Paper

PAPERS = {
    "rl": Paper("rl", "RLCoder: Reinforcement Learning for Repository-Level Code Completion",
                "We propose RLCoder, a reinforcement learning framework for retrieval in code completion."),
    "fc": Paper("fc", "Divide-and-Conquer Meets Consensus", "With FunCoder, StableCode-3b surpasses GPT-3.5."),
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(PAPERS)


@pytest.mark.parametrize(("question", "topic"), [
    ("program repair with LLMs — every paper pls, benchmarks included", "program repair with LLMs"),
    ("can u pull up papers that rank candidate programs by running them", "rank candidate programs by running them"),
    ("prompt compression. soft prompts count. all of em", "prompt compression"),
    ("fyi: dataset contamination -- which ones. it's for the audit so I really need them all", "dataset contamination"),
    ("what have we got on protein folding", "protein folding"),
    ("is speculative decoding covered by anything", "speculative decoding"),
    ("symbolic regression or equation discovery, does any paper go there", "symbolic regression or equation discovery"),
    ("Writing the onboarding doc. Looking for completion tools studied in real IDEs → which papers do that?",
     "completion tools studied in real IDEs"),
    ("quantised code models: looking for all of it, not general model compression", "quantised code models"),
    ("is there a list of the tokenizer papers. BPE variants, code-aware ones and so on", "tokenizer"),
    ("anything reporting exact match on code completion", "reporting exact match on code completion"),
    # A list asked after a question of its own: the question is what the papers are on, less its asking words.
    ("does anything in this colection work with Coq? list every one, even if Coq is one of several", "Coq"),
    # Its first sentence asks in a shape of its own, whether the asker's aside is left on or not.
    ("are there survey papers mixed in? want to list them so I can skip them", "survey papers"),
    ("are there survey papers mixed in?", "survey papers"),
    ("Need every paper on energy use of generated code.", "energy use of generated code"),
    ("my chapter 2 is on code LLMs for Verilog. which papers belong there?", "code LLMs for Verilog"),
    ("show me the code review papers (bots, comment generation etc.)", "code review"),
    ("anything citing HumanEval or a version of it", "citing HumanEval"),
    ("sparse attention beating dense attention - which papers make that case",
     "sparse attention beating dense attention"),
    ("agent benchmarks?? which of these papers", "agent benchmarks"),
    ("Cheaper code completion at inference time (caching, early exit). All the relevant ones please.",
     "Cheaper code completion at inference time"),
    ("There must be a few papers that train on commit histories. Which?", "train on commit histories"),
    ("I'd like to cite studies that interviewed developers. Which ones did that?", "interviewed developers"),
    ("anything explicitly multi-agent?", "multi-agent"),
    ("who ran an actual user study with human participants?", "ran an actual user study with human participants"),
])
def test_a_list_asked_in_fragments_is_on_the_fragment_left(lexicon, question, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == ("list", topic)


@pytest.mark.parametrize("question", [
    "Across all papers, which benchmarks show up most often?",           # an aggregation, said across all papers
    "how do the papers mix search with learning? across all of them",    # a question across them
    "did it solve anything on FIMO?",                                    # "anything on" inside another question
    "which domains did each of them run experiments in?",                # a follow-up about each of them
    "which benchmarks show up across the collection, and in which papers?",
    "when a model samples many programs, how do the papers decide which ones to keep?",
    "who proposed the MBPP benchmark?",                                  # where a thing comes from, not a list
    "who did better on miniF2F, STP or DeepSeek-Prover?",                # a comparison
    "who evaluated the most models?",                                    # one paper, a superlative
    "who released the most benchmarks?",
])
def test_words_asking_for_papers_inside_another_question_ask_for_no_list(lexicon, question):
    assert understand(question, lexicon).kind != "list"


@pytest.mark.parametrize(("text", "topic"), [
    ("inference latency work, serving side only — skip anything about training cost", ""),  # the ask is in the aside
    ("no words asking for papers here, just a sentence", ""),
    ("code search — which ones? need them all", "code search"),
    # A slash between spaces before the ask breaks off as a dash does; between alternatives it is "or".
    ("hpc code models / which papers??", "hpc code models"),
    ("rl for code (synthesis / completion) / which papers", "rl for code"),
    # A fragment pointing back at papers said before says no topic; "X or a version of it" points within itself.
    ("uses one of them — which ones? need them all", ""),
    ("anything citing HumanEval or a version of it — which ones?", "citing HumanEval or a version of it"),
])
def test_the_fragment_a_list_is_on(text, topic):
    assert fragment_topic(text) == topic


@pytest.mark.parametrize(("fragment", "left"), [
    ("does anything here actually work with Isabelle", "work with Isabelle"),
    ("are there position papers", "position papers"),
    ("any paper here about code review", "about code review"),
    ("how many papers are basically studies of ChatGPT", "studies of ChatGPT"),
    ("code review bots", "code review bots"),
])
def test_a_fragment_without_its_asking_words(fragment, left):
    assert without_asking(fragment) == left


@pytest.mark.parametrize("question", [
    "eval sets in the code completion papers??",
    "datasets used or built for math tuning across the corpus",
    "latency metrics used across papers — for serving and for training both",
])
def test_named_things_asked_as_a_label_over_papers_are_an_aggregation(lexicon, question):
    assert understand(question, lexicon).kind == "aggregate"
