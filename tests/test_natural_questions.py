"""Questions worded the way researchers ask, over the built-in corpus: the shapes the issue names, end to end."""

from __future__ import annotations

import json
import re

import pytest
from cli_runner import run_cli


def _titles(answer) -> list[str]:
    return [row["title"] for row in answer.table or []]


def test_a_named_paper_or_a_described_one_are_both_rows(engine):
    answer = engine.ask("Is KV Prediction or the dynamic-inference code completion method aimed at cutting latency, "
                        "and how?")
    assert answer.kind == "comparative" and len(answer.table) == 2
    assert _titles(answer)[0] == "KV Prediction for Improved Time to First Token"
    assert _titles(answer)[1].startswith("When Neural Code Completion Models Size up the Situation")
    assert {c.paper_id for c in answer.citations} == {row["paper_id"] for row in answer.table}


def assert_refused_saying(engine, question: str, said: str) -> None:
    """A refusal whose reason says `said`, citing no paper as the answer."""
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer and answer.citations == []


def assert_says(engine, question: str, refused: bool, said: str) -> None:
    """A refusal or an answer, as `refused` says, that says `said`."""
    answer = engine.ask(question)
    assert answer.refused is refused and said in answer.answer


def assert_answered_saying(engine, question: str, said: str, history: tuple[str, ...] = ()) -> None:
    """An answer, not a refusal, that says `said`."""
    answer = engine.ask(question, history=list(history))
    assert not answer.refused and said in answer.answer


@pytest.mark.parametrize(("question", "named"), [
    ("What's OVM's accuracy on the MATH dataset?", "MATH"),                 # "MATH" is not in "mathematical"
    ("How many ProofNet problems does DeepSeek-Prover solve?", "ProofNet"),  # another paper's Proofnet-test
    ("What GSM8K accuracy does Eurus-2-7B-PRIME reach?", "GSM8K"),          # a model only one abstract names
    ("How long does it take to train the KV Prediction auxiliary model?", "no figure"),
    ("What MATH accuracy does MARIO's model reach?", "MATH"),   # its MATH sentence only sizes a "7B-parameter LLM"
    ("How many tokens was Stable Code 3B trained on?", "tokens"),  # another abstract cites "StableCode-3b"
    ("how does codetree compare with reflexion on humaneval?", "reflexion"),  # no abstract has the other side
    ("what's the human success rate on WebArena tasks?", "human"),  # its figure is its agent's, not a human's
    ("What's the zero-shot accuracy of DotaMath on MATH?", "zero-shot"),  # with a named benchmark, the same
    ("What success rate do humans get on WebArena tasks?", "human"),  # whose, said after the measurement
    ("What Codeforces Elo rating did AlphaCode get?", "Elo"),  # its Codeforces figure is a ranking, no Elo
    ("alphacode codeforces elo, roughly?", "does not mention elo"),  # typed in lower case: a name no abstract has
    ("how does eurus-2-7b-prime score on aime 2024?", "does not mention aime"),
    ("AutoCodeRover's resolve rate on SWE-bench Verified?", "SWE-bench Verified"),  # it gives the lite subset's
    ("what percentile does alphacode 2 reach on codeforces?", "alphacode 2"),  # a later release, not this paper's
    ("swe-agent's score on swe-bench-lite, per the autocoderover abstract?", "only as compared"),  # "higher than"
    ("how much does FunCoder drop on HumanEval without the functional consensus step?",
     "no result without functional consensus"),
    ("For WebArena, what task success rate did human annotators achieve?", "human"),
    ("How well do humans do on WebArena tasks?", "human"),
    ("webarena's human success rate?", "human"),  # terse: a measurement named is a figure asked
    ("What whole-proof accuracy does DeepSeek-Prover reach on miniF2F with 128 samples?", "with 128 samples"),
    # FIMO is a benchmark DeepSeek-Prover's model is measured on, not a name that makes it the paper asked about.
    ("What does MA-LoT score on the FIMO benchmark?", "FIMO"),
    # No paper named: RLCoder's RepoEval figure is its own, and its sentence about RepoCoder has no figure.
    ("What exact-match score does RepoCoder achieve on RepoEval?", "RepoCoder"),
    ("whats GPT-4o's pass@1 on GitChameleon, without the error feedback?", "pass@1"),  # it gives pass@10
    ("deepseek-prover's proofnet accuracy? need it for related work", "proofnet"),  # typed in lower case
    ("What's AutoCodeRover's resolve rate on the full SWE-bench test set (the big one, not lite)?",
     "SWE-bench-lite"),  # its only figure is on the lite subset
    ("In the CodeTree paper, which base model reaches 43.37%?", "43.37%"),  # PyCoder's figure, not CodeTree's
    ("How much energy does RLCoder save?", "energy"),  # it never speaks of energy
    ("How does PLANSEARCH fare against Reflexion on LiveCodeBench?", "Reflexion"),  # held up against
    ("How does RLCoder do on RepoBench?", "RepoBench"),  # known only inside "ExecRepoBench"
    ("UGMathBench evaluated 60 LLMs - which one had the biggest reasoning gap?", "60 LLMs"),  # it says 23
    ("stable code 3b: which edge devices exactly did they measure throughput on?", "which one"),
    ("how many parameters has the aplhacode model that got the codeforces ranking?", "parameters"),  # a typo'd name
    ("whats the parameter count of OMPGPT?", "parameter count"),
    ("What pass@1 does Voyager get on HumanEval?", "Voyager"),  # whose figure: a name no abstract has
    ("what's the size of REFUTE - how many problems does it include?", "problems"),  # "48% of these" is no size
    ("CodeTree on SWEBench: solve rate in %?", "SWEBench"),  # "significant gains" there, no figure
    ("How many epochs was the model fine-tuned on Repo-Instruct trained for?", "epochs"),  # no paper named
    ("how many papers has the AI Scientist written so far?", "papers"),  # "$15 per paper" counts no papers
    ("what exact match does CodeFill reach?", "exact match"),  # a metric in plain words it never names
    ("How much exact-match accuracy do the dynamic inference completion models give up?", "exact match"),
    ("how many UGMathBench problems are in calculus alone?", "calculus alone"),  # only the total is given
    ("How many BigCodeBench tasks belong to the data analysis domain?", "data analysis domain"),
    ("Which papers evaluate on Kotlin or Go?", "Kotlin"),  # names only: no description to fall back on
    ("what fraction of SV-COMP does FVEL's fine-tuned Mistral-7B solve overall?", "only a change"),  # 12% more
    ("ugmathbench: what's the Delta of o1-mini?", "no Delta figure"),  # a metric it defines: its 56.3% is the EAcc
    ("what's o1-mini's reasoning gap in UGMathBench?", "no Delta figure"),  # the same, asked in the metric's words
])
def test_near_misses_name_what_the_paper_does_not_state(engine, question, named):
    answer = engine.ask(question)
    assert answer.refused and named in answer.answer and answer.citations == []


def test_a_benchmark_the_named_paper_gives_no_figure_for_is_refused_and_says_so(engine, tmp_path):
    answer = engine.ask("What MT-Bench score does Stable Code Instruct get?")
    assert answer.refused and "MT-Bench" in answer.answer and "Stable Code" in answer.answer
    assert answer.citations == []
    result = run_cli("ask", "--json", "What MT-Bench score does Stable Code Instruct get?",
                     data_dir=engine.settings.data_dir)
    data = json.loads(result.stdout)
    assert data["refused"] is True and "MT-Bench" in data["answer"] and data["citations"] == []


def test_the_sentence_with_whose_figure_is_asked_leads(engine):
    answer = engine.ask("how well do humans do on BigCodeBench?")
    assert not answer.refused and "human performance of 97%" in answer.sentences[0].text


def test_a_side_described_and_named_in_brackets_is_one_row(engine):
    answer = engine.ask("I'm comparing the OpenMP one and the MPI one (OMPGPT vs MPIrigen). What does each generate?")
    rows = sorted(engine.papers[row["paper_id"]].title.split(":")[0] for row in answer.table)
    assert rows == ["MPIrigen", "OMPGPT"]  # not a third paper found for "the MPI one"


def test_possessives_and_three_papers_make_a_comparison_of_all_of_them(engine):
    answer = engine.ask("What does each of Codev-Bench, ExecRepoBench and GitChameleon test?")
    assert answer.kind == "comparative"
    assert [t.split(":")[0] for t in _titles(answer)] == ["Codev-Bench", "ExecRepoBench", "GitChameleon"]


def test_which_is_better_on_a_benchmark_quotes_each_papers_figure_on_it(engine):
    answer = engine.ask("Which gives the bigger jump on HumanEval, LintSeq or FunCoder?")
    assert answer.kind == "comparative" and len(answer.table) == 2
    assert all("HumanEval" in (row["aspect"] or "") for row in answer.table)


@pytest.mark.parametrize(("question", "benchmark", "quoted", "without"), [
    ("How many ProofNet problems do DeepSeek-Prover, STP and MA-LoT each solve?", "ProofNet", "STP",
     {"DeepSeek-Prover", "MA-LoT"}),
    ("How do DotaMath and InfinityMATH do on GSM8K?", "GSM8K", "DotaMath", {"InfinityMATH"}),
])
def test_a_figure_asked_on_a_benchmark_is_never_another_benchmarks(engine, question, benchmark, quoted, without):
    """Worded without "better": each row still quotes its figure on that benchmark, or says it has none."""
    answer = engine.ask(question)
    rows = {row["paper"]: row["aspect"] for row in answer.table}
    assert set(rows) == {quoted, *without}
    assert all(rows[paper] is None for paper in without)  # the page shows "no ... result in the abstract"
    assert benchmark.lower() in rows[quoted].lower()
    assert "result in the abstract" in answer.answer


def test_a_paper_compared_with_people_is_a_question_about_that_paper(engine):
    answer = engine.ask("how do the models compare to humans on BigCodeBench?")
    assert answer.kind != "comparative" and not answer.refused
    assert [c.title.split(":")[0] for c in answer.citations] == ["BigCodeBench"]
    assert "human performance of 97%" in answer.answer


def test_a_pronoun_with_nothing_before_it_gets_a_question_back(engine):
    answer = engine.ask("Tell me more about it")
    assert answer.refused and answer.kind == "clarify" and answer.citations == []
    assert "Which paper do you mean?" in answer.answer


def test_them_after_a_list_narrows_that_list(engine):
    first = "Which papers work on formal theorem proving in Lean?"
    answer = engine.ask("Which of them also use Isabelle?", history=[first])
    assert answer.kind == "list" and "Isabelle" in answer.answer
    assert answer.searched_query.startswith("Which papers")
    assert all("Isabelle" in c.quote for c in answer.citations)


def test_a_list_narrowed_to_the_papers_saying_which_base_model_they_tuned(engine):
    first = "which papers build instruction-tuning datasets for math reasoning?"
    answer = engine.ask("which of those say what base model they started training from?", history=[first])
    assert answer.kind == "list" and answer.citations
    # Each kept paper quotes the sentence naming the model it tuned, and every one was in the earlier list.
    earlier = {c.paper_id for c in engine.ask(first).citations}
    assert {c.paper_id for c in answer.citations} <= earlier
    assert all(re.search(r"[Ff]ine-tun|[Pp]re-?train", c.quote) for c in answer.citations)


def test_a_named_paper_is_evidence_even_when_retrieval_ranks_it_below_the_cut(engine):
    """The verifier keeps only citations to papers in the evidence, so a named paper must be there."""
    from rag.answer.evidence import Tools
    from rag.answer.pipeline import gather
    from rag.answer.plan import understand
    from rag.settings import RetrievalSettings

    view = engine.view
    shape = understand("What does RLCoder do?", view.lexicon)
    tools = Tools(engine.settings, engine.embedder.embed_query, engine.sentence_vectors)
    only_one = RetrievalSettings(top_papers=1)
    unrelated = "theorem proving in Lean with lemmas from olympiad problems"
    assert view.retriever.search(unrelated, only_one)[0].paper_id != shape.papers[0]  # the premise holds
    found = gather(shape, unrelated, view, tools, only_one, None)
    assert [e.paper_id for e in found.retrieved][-1] == shape.papers[0]


def test_each_row_is_held_to_the_names_its_own_abstract_has(engine):
    """GPT-4 is WebArena's, Minecraft is DEPS's: neither row is emptied for lacking the other's name."""
    answer = engine.ask("WebArena's best GPT-4 agent vs DEPS in Minecraft - how successful is each at completing "
                        "tasks?")
    rows = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "10.59%" in rows["WebArena"]
    assert "Minecraft" in next(text for paper, text in rows.items() if paper != "WebArena")


def test_a_paper_with_no_figure_on_the_benchmark_says_so_instead_of_quoting_another(engine):
    answer = engine.ask("Is DotaMath or InfinityMATH better on GSM8K?")
    rows = {row["paper"]: row["aspect"] for row in answer.table}
    assert "86.7%" in rows["DotaMath"] and rows["InfinityMATH"] is None
    assert "no GSM8K result in the abstract" in answer.answer


@pytest.mark.parametrize(("topic", "names", "beyond"), [
    ("fine-tune StarCoder", ["StarCoder"], True),
    ("directly evaluate ChatGPT", ["ChatGPT"], True),
    ("build their math training data from GSM8K and MATH", ["GSM8K", "MATH"], True),
    ("use GSM8K", ["GSM8K"], False),
    ("train on GSM8K", ["GSM8K"], False),                              # for a dataset, training on it is using it
    ("are evaluated on HumanEval", ["HumanEval"], False),
    ("work with the miniF2F theorem-proving benchmark", ["miniF2F"], False),  # describes the thing itself
    ("formal theorem proving in Lean", ["Lean"], False),
    # The name's own variants ask nothing beyond it: a sentence naming "FooBench-lite" meets it.
    ("FooBench or a benchmark derived from it", ["FooBench"], False),
    ("HumanEval or any variant of it", ["HumanEval"], False),  # a control: no verb of doing before either
    ("GSM8K or a dataset built from it, then fine-tune on it", ["GSM8K"], True),  # still a verb of doing
])
def test_a_named_list_topic_asks_what_papers_do_to_the_name_only_with_a_verb_of_doing(topic, names, beyond):
    from rag.answer.listing import _describes_beyond

    assert _describes_beyond(topic, names) is beyond


def test_papers_that_only_cite_a_model_are_not_papers_that_fine_tune_it(engine):
    answer = engine.ask("Which papers fine-tune StarCoder?")
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Improving FIM Code Completions") for t in titles)
    assert not any(t.startswith("OMPGPT") for t in titles)  # it names StarCoder only as a comparison


@pytest.mark.parametrize(("question", "refused", "quoted"), [
    ("How many parameters does CodeFill have?", True, ""),         # its abstract never counts parameters
    ("How many hours of compute does The AI Scientist need per paper?", True, ""),
    ("How much faster is KV Prediction than speculative decoding?", True, ""),  # it never mentions the other
    ("How many models does UGMathBench evaluate?", False, ""),  # it counts "23 leading LLMs": other words
    ("How many lemmas are in the Lean dataset?", False, "1,329 lemmas"),
    ("How many tasks are in the WebArena benchmark?", True, "no figure for tasks"),  # only a success rate
    ("AutoML-Agent was evaluated on how many tasks and datasets?", False, "fourteen datasets"),  # in words
    # The abstract writes "Llama3- 8B": the same model, so no unknown name.
    ("how many more SV-COMP problems does FVEL's fine-tuned Llama3-8B solve?", False, "17.39% (69 -> 81)"),
    ("Is PLANSEARCH better than repeated sampling?", False, ""),
])
def test_a_count_or_a_comparison_the_named_abstract_never_makes_is_refused(engine, question, refused, quoted):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert quoted in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # DotaMath's best sentence is its motivation; what it did ("code assistance") is quoted next to it.
    ("How are people using code execution to help LLMs solve math problems?", "code assistance"),
    # "the code completion papers" is the set: found by that description, then each answers the question.
    ("across the code completion papers, which evaluation metrics get reported?", "ROUGE-L"),
    # The collection's evidence: each paper's own finding, not the sentences of the first abstract alone.
    ("is there evidence here that smaller domain-specific code models can beat the big general LLMs?", "OMPGPT"),
])
def test_a_question_across_papers_is_answered_paper_by_paper(engine, question, said):
    answer = engine.ask(question)
    assert len(answer.citations) >= 2 and not answer.refused
    assert len(answer.answer.splitlines()) == len(answer.citations)  # one line per paper
    assert all(s.verified for s in answer.sentences), [s.reason for s in answer.sentences if not s.verified]
    assert said in answer.answer

def test_what_is_asked_of_a_described_set_of_papers_keeps_the_ones_answering_it(engine):
    # Every code completion paper is one of "the code completion papers"; only some say what context they give.
    answer = engine.ask("Besides the lines near the cursor, what context do the code completion papers feed their "
                        "models?")
    titles = {c.title for c in answer.citations}
    assert "Deep Learning-based Code Completion: On the Impact on Performance of Contextual Information" in titles
    assert not titles & {"Syntax-Aware On-the-Fly Code Completion", "From Copilot to Pilot: Towards AI Supported "
                         "Software Development", "CodeFill: Multi-token Code Completion by Jointly Learning from "
                         "Structure and Naming Sequences"}
    # Asked for what each of them has (their metrics), the set is kept whole.
    metrics = engine.ask("across the code completion papers, which evaluation metrics get reported?")
    assert len(metrics.citations) > len(titles)


def test_a_two_letter_acronym_typed_in_lower_case_is_the_acronym_an_abstract_spells_out(engine):
    # "rl" is RL, which abstracts spell out as reinforcement learning; "ui" (never spelled out) is left as typed.
    lower = {c.title for c in engine.ask("which papers apply rl to program synthesis or code optimisation?").citations}
    upper = {c.title for c in engine.ask("which papers apply RL to program synthesis or code optimisation?").citations}
    assert lower == upper and len(lower) >= 2


def test_a_benchmark_typed_in_lower_case_with_plus_signs_that_no_abstract_has_is_refused(engine):
    assert_refused_saying(engine, "webarena gpt4 agent score on miniwob++", "miniwob++")


def test_a_name_asked_about_across_papers_is_answered_by_every_paper_naming_it(engine):
    from rag.answer.naming import mentions_name

    answer = engine.ask("How does SWE-bench get used across these papers, as an eval set or as raw material?")
    assert not answer.refused and len(answer.citations) >= 3
    for citation in answer.citations:  # each paper's line quotes where it names it
        assert any(mentions_name(s.text, "SWE-bench") for s in answer.sentences if citation.n in s.citations)


def test_a_question_across_papers_that_names_a_benchmark_quotes_only_papers_that_name_it(engine):
    from rag.answer.naming import mentions_name

    answer = engine.ask("across the theorem proving papers, what has been reported about the minif2f benchmark")
    assert len(answer.citations) >= 2 and not answer.refused
    papers = engine.papers
    assert all(mentions_name(papers[c.paper_id].abstract, "miniF2F") for c in answer.citations)


def test_the_answer_about_one_paper_quotes_more_than_its_single_best_sentence(engine):
    # What answers the question (realizability is the condition) is not among the two best-scoring sentences.
    answer = engine.ask("Are there finite-sample guarantees for off-policy reinforcement learning when Bellman "
                        "completeness does not hold?")
    assert {c.title for c in answer.citations} == {
        "When is Realizability Sufficient for Off-Policy Reinforcement Learning?"}
    # At most max_sentences chosen and, a yes/no question, one finding more; a sentence limiting or spelling out one
    # of them ("However, Bellman completeness is ...") is quoted with it.
    from rag.answer.factoid import FINDING_ROOM
    from rag.text.sentences import read_with_previous

    chosen = [s for s in answer.sentences if not read_with_previous(s.text)]
    assert "realizability" in answer.answer.lower()
    assert len(chosen) <= engine.settings.answer.max_sentences + FINDING_ROOM


def test_a_comparison_asking_for_benchmarks_quotes_every_sentence_naming_one(engine):
    # InfinityMATH's robustness benchmarks sit in its fourth sentence, far from what "datasets" scores best.
    answer = engine.ask("Which datasets do DotaMath and InfinityMATH report results on?")
    assert answer.kind == "comparative" and len(answer.table) == 2
    assert "MATH+" in answer.answer and "GSM8K" in answer.answer
    assert all(s.verified for s in answer.sentences)


@pytest.mark.parametrize(("question", "said"), [
    # Two named papers compared on names no abstract has: refused, not two rows of whatever they say.
    ("Are ENAMEL and BigCodeBench released under MIT or Apache-2.0? We'd like to redistribute both.", "MIT"),
    # No paper named, a percentage asked, none among the closest sentences: "negligible impact" is no percentage.
    ("What is the runtime overhead in % of the safe Rust that the C to Rust translation produces?", "no such figure"),
    # Across papers, results on a benchmark no abstract names.
    ("Which of the code generation papers here report DS-1000 results, and what's the best number?", "DS-1000"),
    ("which papers have SWE-bench Verified numbers?", "SWE-bench Verified"),  # only the lite subset is named
    # A run nobody made: not a table of each paper's own figure.
    ("If DotaMath had been trained on InfinityMATH, what would its GSM8K accuracy be?", "what would happen"),
])
def test_comparisons_and_questions_across_the_index_refuse_what_no_abstract_states(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_benchmark_written_with_another_spacing_is_the_same_benchmark_in_a_row(engine):
    # MA-LoT writes "the Lean4 version of MiniF2F-Test": its figure is its row's, not "no result".
    answer = engine.ask("DeepSeek-Prover vs MA-LoT on the Lean 4 miniF2F test: who scores higher?")
    assert answer.kind == "comparative" and "54.51%" in answer.answer and "52%" in answer.answer


def test_a_later_release_of_a_paper_cited_by_another_is_that_others_term(engine):
    # "DeepSeek-Prover-v1.5" is MA-LoT's baseline, not the indexed DeepSeek-Prover paper (v1): one paper to quote.
    answer = engine.ask("MA-LoT against DeepSeek-Prover-V1.5 on Lean4 miniF2F, what's the gap?")
    assert [c.title.split(":")[0] for c in answer.citations] == ["MA-LoT"] and "48.36%" in answer.answer


def test_the_answer_to_a_paper_described_in_the_question_leads_not_its_description(engine):
    # The words describing the paper ("pillow/numpy ... case study") found it; what is asked of it leads.
    answer = engine.ask("did the pillow/numpy llm optimisation case study report any failed attempts?")
    assert answer.sentences[0].text.startswith("We have also not omitted reporting of failed attempts")


def test_a_paper_described_at_the_very_start_is_the_one_asked_about(engine):
    answer = engine.ask("olympiad lean dataset paper: how many lines of lean proof did they write for the IMO "
                        "problems?")
    assert not answer.refused and "5,880 lines" in answer.answer


def test_a_comparison_of_counts_quotes_each_count_or_refuses_when_none_is_given(engine):
    refused = engine.ask("OMPGPT or MPIrigen: which is bigger in parameter count?")
    assert refused.refused and "parameter count" in refused.answer and refused.citations == []
    counted = engine.ask("How many lemmas do FVEL and the Lean IMO dataset paper each have?")
    assert counted.kind == "comparative" and "29,125 lemmas" in counted.answer and "1,329 lemmas" in counted.answer


def test_which_has_more_of_a_benchmarks_items_quotes_each_count_in_its_own_words(engine):
    answer = engine.ask("Which benchmark has more items, ProcessBench or UGMathBench?")
    rows = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "3,400 test cases" in rows["ProcessBench"] and "5,062 problems" in rows["UGMathBench"]
    assert "(1) Existing PRMs" not in rows["ProcessBench"]  # an enumeration counts nothing


def test_a_comparison_of_counts_with_a_second_ask_answers_both_in_each_row(engine):
    answer = engine.ask("which evaluated more LLMs, ENAMEL or BigCodeBench? and what does each benchmark focus on")
    rows = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "30 popular LLMs" in next(text for paper, text in rows.items() if paper != "BigCodeBench")
    assert "60 LLMs" in rows["BigCodeBench"]
    assert all(len(re.findall(r"(?<=[.!?])(?:\s|$)", text)) >= 2 for text in rows.values())  # a second sentence


def test_a_name_typed_in_lower_case_in_a_list_is_matched_as_the_name(engine):
    # The abstracts only ever write "Isabelle": "isabelle" is that name, every paper naming it is listed.
    answer = engine.ask("which papers use isabelle instead of, or as well as, lean")
    assert sorted(c.title.split(":")[0] for c in answer.citations) == ["FVEL", "STP"]


@pytest.mark.parametrize(("question", "refused"), [
    # The closest paper translates C, not Python: no indexed paper is the one described.
    ("I remember a paper that translates Python code into Rust. How does it handle dynamic typing?", True),
    ("How does the paper that translates C to safe Rust handle pointer arithmetic?", False),
])
def test_a_described_paper_is_one_the_index_has_or_the_answer_says_it_is_not(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused
    if refused:
        assert "does not mention Python" in answer.answer and answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    # No abstract mentions Reflexion: another paper's GPT-4 HumanEval sentence is no answer.
    ("In the Reflexion paper, what HumanEval pass@1 does GPT-4 reach with Reflexion?", "“Reflexion” (no abstract"),
    # ADAS cites Toolformer once, among examples: that does not make it the Toolformer paper.
    ("what did the Toolformer authors find about API calls?",
     "“Toolformer” (only mentioned in the abstracts of Automated Design of Agentic Systems)"),
    ("How big is the HumanEval paper's test set?", "“HumanEval” (only mentioned"),
])
def test_a_paper_the_question_names_that_the_index_does_not_have_is_refused(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and answer.citations == []
    assert f"No indexed paper is {said}" in answer.answer


@pytest.mark.parametrize(("question", "named"), [
    ("Which model achieved the top score of about 60% on BigCodeBench?", ""),  # "60 LLMs", none named
    # Lean and IMO are what the dataset paper's title is about, not models that proved its lemmas.
    ("the Lean olympiad dataset paper - which SOTA LLM proved the most of their lemmas?", ""),
    ("the Lean olympiad dataset paper - which LLM proved the most of the IMO problems?", ""),
    ("on CoCoNUT, which model did best?", "Gemini"),  # "the top-performing model, Gemini"
    # "higher than ... the recently reported SWE-agent" names what was beaten; "GitHub issues", "$0.43 USD" no model.
    ("Which LLM backbone did AutoCodeRover use to reach 19% on SWE-bench-lite?", ""),
    ("which LLM does ADAS use as the meta agent in Meta Agent Search?", ""),  # ADAS itself is no answer
    ("which base model does DeepSeek-Prover fine-tune?", "DeepSeekMath 7B"),  # "the DeepSeekMath 7B model"
])
def test_which_model_did_best_is_answered_only_by_a_sentence_naming_one(engine, question, named):
    answer = engine.ask(question)
    assert answer.refused is not named
    if named:
        assert named in answer.answer
    else:
        assert "does not name which one" in answer.answer and "The A " not in answer.answer


@pytest.mark.parametrize(("question", "cited"), [
    # Two figures quoted from one abstract, in two of its sentences.
    ("Which prover gets 26.3% on LeanWorkbook and 61.7% on miniF2F-test?", "STP"),
    ("In UGMathBench, which model reached the 56% EAcc?", "UGMathBench"),  # rounded as the question rounds it
    ("How much gain does RLCoder get over previous methods?", "RLCoder"),  # a figure in any words
    ("Which LLMs does GitChameleon evaluate, and on what Python 3 libraries?", "GitChameleon"),  # a version
    ("How does Responsible Task Automation protect against harmful actions?", "Responsible Task Automation"),
    ("CoCoNUT tested many LLMs, which one was the top performer?", "CoCoNUT"),  # "the top-performing model, Gemini"
    ("REFUTE test reasoning models, which one make the most counterexamples?", "Falsify"),  # a name, not a count
    ("alphacode: what is the biggest model and how it rank on codeforces?", "AlphaCode"),  # no second paper
    ("How many test problems Codex solve with a single try in P3, and how long took the user study?", "Puzzles"),
    ("In the MBPP paper, how well did the largest model do on the 974 problems?", "Program Synthesis"),  # "tasks"
    ("What edge device problem does KV Prediction solve?", "KV Prediction"),  # "edge device" describes a problem
    ("Question about AlphaCode: how does it rank on Codeforces?", "AlphaCode"),  # a label naming the paper
    # The paper's own result on a benchmark, though "outperforms" comes before it: no baseline held up.
    ("What does RLCoder gain on RepoEval?", "RLCoder"),
    ("How much does FunCoder improve on HumanEval?", "Divide-and-Conquer"),
    ("waht does rlcoder do?", "RLCoder"),  # a slip of a common word is no name the index lacks
    ("how many manually curated problems does GitChameleon have?", "GitChameleon"),  # a participle in the unit
    ("what makes miniF2F hard?", "Lean Dataset"),  # an adjective, no subset of it
    ("1. what is RLCoder 2. what does it retrieve?", "RLCoder"),  # list numbering, no release
])
def test_ordinary_questions_the_near_miss_rules_leave_answered(engine, question, cited):
    answer = engine.ask(question)
    assert not answer.refused and any(cited in c.title for c in answer.citations)


def test_a_question_across_papers_in_other_words_than_theirs_is_answered_and_one_off_topic_refused(engine):
    # Few words shared with "filtering ... clustering" or "identifying the best solution", yet all the abstracts'.
    answered = engine.ask("what ways do people use to choose the best program among many sampled candidate programs?")
    assert not answered.refused and any("AlphaCode" in c.title for c in answered.citations)
    # "register" and "backend" are in no abstract: nothing here is about it.
    assert engine.ask("how do papers here apply learned models to register allocation in compiler backends?").refused


def test_one_word_of_the_askers_own_does_not_refuse_a_question_across_papers(engine):
    # "mentally" is in no abstract, but "execute", "program" and "models" are: CoCoNUT's trace-matching is the answer.
    answer = engine.ask("Can code models mentally execute a program and say what it returns - what do the papers find?")
    assert not answer.refused and any("CoCoNUT" in c.title for c in answer.citations)
    # Two words of the topic that no abstract has are a topic the index lacks, not the asker's wording.
    assert engine.ask("how do people here approach music composition with transformers?").refused


@pytest.mark.parametrize("question", [
    "Which LLM did worst on CoCoNUT?",  # its best model named is no answer to the worst
    "In CoCoNUT, which model was best at image captioning?",  # nothing there on image captioning
    "How are people using language models for music composition?",  # no abstract says music
])
def test_questions_a_sentence_naming_the_best_model_or_a_lower_bar_must_not_answer(engine, question):
    assert engine.ask(question).refused


def test_a_comparison_asking_a_resource_no_abstract_speaks_of_is_refused(engine):
    answer = engine.ask("Compare STP, MA-LoT and DeepSeek-Prover: how much memory does each need?")
    assert answer.refused and "memory" in answer.answer and answer.citations == []


def test_a_side_described_as_the_latest_of_its_kind_is_a_row(engine):
    answer = engine.ask("Compare STP and DeepSeek-Prover and the latest multi-agent Lean framework")
    assert answer.kind == "comparative" and any("MA-LoT" in c.title for c in answer.citations)


def test_a_known_name_said_as_a_kind_of_thing_is_not_unknown(engine):
    answer = engine.ask("what does each of GitChameleon and BigCodeBench test beyond HumanEval-like problems?")
    assert not answer.refused and answer.kind == "comparative" and len(answer.citations) == 2


def test_papers_building_on_a_paper_the_index_lacks_are_still_listed(engine):
    answer = engine.ask("Which papers build on the Toolformer paper?")
    assert not answer.refused and answer.kind == "list"  # the abstract citing it is the answer


@pytest.mark.parametrize(("question", "kind"), [
    ("Compare CodeFill with beam search", "comparative"),  # a method in plain words stays a side
    ("How does RLCoder compare to prior work?", "factoid"),  # prior work, the baseline, humans are no paper
    ("how many times faster is KV Prediction's time to first token vs the baseline?", "factoid"),
    ("the IMO Lean dataset: how many of its extra problems are from 2023 vs 2022?", "factoid"),  # years, no papers
    # A label names the paper asked about; a model its abstract writes is no second paper to compare.
    ("funcoder: what share of GPT-4's HumanEval performance does StableCode-3b reach with it?", "factoid"),
    ("DeepSeek-Prover: how does it compare with MA-LoT on miniF2F?", "comparative"),  # a control: MA-LoT is a paper
])
def test_a_comparison_needs_a_second_side_that_could_be_a_paper(engine, question, kind):
    from rag.answer.plan import understand

    assert understand(question, engine.view.lexicon).kind == kind


@pytest.mark.parametrize(("question", "title"), [
    ("what does the GHOSTS paper find?", "Mathematical Capabilities of ChatGPT"),  # its abstract's own dataset
    ("According to the MBPP paper, how many programming tasks does MBPP have?",  # it defines "(MBPP)"
     "Program Synthesis with Large Language Models"),
    ("the HACL* paper: what did they translate?", "Compiling C to Safe Rust, Formalized"),  # named twice there
])
def test_a_name_used_as_a_papers_is_the_paper_that_makes_it_its_own(engine, question, title):
    answer = engine.ask(question)
    assert not answer.refused
    assert [c.title for c in answer.citations] == [title]

@pytest.mark.parametrize("question", [
    "how many lemmas are in the olympiad Lean dataset paper?",
    "the Lean olympiad dataset paper - how many IMO problems could the best prover model prove?",
])
def test_a_question_about_one_described_paper_is_answered_from_that_paper_alone(engine, question):
    answer = engine.ask(question)
    assert not answer.refused
    assert [c.title for c in answer.citations] == [
        "A Lean Dataset for International Math Olympiad: Small Steps towards Writing Math Proofs for Hard Problems"]


def test_a_described_paper_gets_the_checks_a_named_one_does(engine):
    answer = engine.ask("What's the pass@1 on HumanEval of the olympiad Lean dataset paper?")
    assert answer.refused and "HumanEval" in answer.answer


def test_a_count_out_of_a_total_is_emphasised_whole(engine):
    answer = engine.ask("the Lean olympiad dataset paper - how many IMO problems could the best prover model prove?")
    assert "**2 of these 20 IMO problems**" in answer.answer


def test_the_asked_value_is_emphasised_in_the_answer_but_not_in_the_quote(engine):
    answer = engine.ask("How many lemmas are in the Lean dataset?")
    assert "**1,329 lemmas**" in answer.answer
    assert "**" not in answer.sentences[0].text and "1,329 lemmas" in answer.citations[0].quote


@pytest.mark.parametrize(("question", "history", "said"), [
    ("the paper that translates C to safe Rust - what codebases did they apply it to and how big is the resulting "
     "crypto library?", [], ["HACL*", "80,000 line"]),
    ("which of them actually proposes a program synthesis method, and what operator does it use to make training "
     "easier?", ["I'm comparing B-Coder with the paper on when realizability is sufficient for off-policy RL"],
     ["conservative Bellman operator"]),
    # Each ask names its own benchmark: no one sentence need name both.
    ("DeepSeek-Prover's miniF2F accuracy with 64 samples, and how many FIMO problems did it prove?", [],
     ["46.3% with 64 samples", "5 out of 148 problems"]),
    # Two asks after the paper's title as a label: each its sentence.
    ("Mathematical Capabilities of ChatGPT: did they compare ChatGPT against Minerva, and what's their new dataset "
     "called", [], ["Minerva", "GHOSTS"]),
])
def test_a_question_with_two_asks_quotes_an_answer_to_each(engine, question, history, said):
    from rag.answer.factoid import FINDING_ROOM
    from rag.text.sentences import read_with_previous

    answer = engine.ask(question, history=history)
    # At most max_sentences chosen (a yes/no ask, one finding more); a sentence limiting or spelling out one of them
    # ("Yet, ...") is quoted with it.
    chosen = [s for s in answer.sentences if not read_with_previous(s.text)]
    assert not answer.refused and len(chosen) <= engine.settings.answer.max_sentences + FINDING_ROOM
    assert all(s in answer.answer for s in said)


def test_an_aggregation_over_a_topic_lists_the_data_of_the_papers_about_it(engine):
    answer = engine.ask("which existing benchmarks are used to evaluate code completion across these papers?")
    for name in ("CrossCodeEval", "RepoEval", "CodeXGLUE", "MultiPL-E"):  # RLCoder, PyCoder, ExecRepoBench
        assert f"**{name}**" in answer.answer
    for model in ("StarCoder", "DeepSeek", "HuggingFace"):  # fine-tuned models and a platform are no benchmarks
        assert f"**{model}**" not in answer.answer


def test_an_aggregation_of_benchmarks_lists_one_a_paper_about_it_introduces_unless_existing_ones_are_asked(engine):
    # Codev-Bench's abstract presents its own benchmark for repository-level completion: its name is an answer.
    answer = engine.ask("repository-level code completion: which benchmarks do the papers use?")
    assert "**Codev-Bench**" in answer.answer and "**CrossCodeEval**" in answer.answer
    existing = engine.ask("which existing benchmarks do the repository-level code completion papers test on?")
    assert "**Codev-Bench**" not in existing.answer and "**CrossCodeEval**" in existing.answer


def test_an_aggregation_lists_a_name_written_in_two_cases_once(engine):
    # MA-LoT writes "MiniF2F-Test", STP "miniF2F-test": one benchmark, both papers on its line.
    answer = engine.ask("What benchmarks are used across the papers for testing the Lean theorem provers?")
    lines = [line for line in answer.answer.splitlines() if line.lower().startswith("- **minif2f-test**")]
    assert len(lines) == 1 and "MA-LoT" in lines[0] and "STP" in lines[0]


def test_an_aggregation_lists_no_named_thing_of_a_paper_only_loosely_about_it(engine):
    # "P3" is Programming Puzzles' benchmark; the F* question is about the proof-oriented programming paper.
    answer = engine.ask("What benchmarks did F* use?")
    assert "**P3**" not in answer.answer
    assert "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming" in [c.title for c in answer.citations]


def test_a_paper_named_by_its_author_is_not_taken_for_a_paper_the_index_lacks(fresh_engine, write):
    from ingest.writer import ingest_into

    path = write("authored.jsonl",
                 '{"id": "z", "title": "Zorblax: Faster Proof Search", "authors": ["Kenji Sato", "Anna Mueller"], '
                 '"abstract": "We propose Zorblax, a proof search method. Zorblax proves 41% of the test theorems."}\n'
                 '{"id": "y", "title": "Quux: Code Repair", "abstract": "We propose Quux, which repairs code."}\n')
    ingest_into(fresh_engine, [path], progress=False)
    by_author = fresh_engine.ask("In the Sato paper, how many theorems does it prove?")
    assert "No indexed paper is" not in by_author.answer  # Sato wrote Zorblax: the paper is there
    unknown = fresh_engine.ask("In the Toolformer paper, how many theorems does it prove?")
    assert unknown.refused and "No indexed paper is “Toolformer” (no abstract mentions it)" in unknown.answer


@pytest.mark.parametrize(("question", "value"), [
    ("STP's ProofNet accuracy, I think it was around 23%?", "**23.1%**"),  # "think" after "I" is no "Think"
    ("How many lemmas are in the dataset made from IMO proofs?", "**1,329 lemmas**"),  # the count leads
])
def test_hedged_and_counted_questions_lead_with_the_value(engine, question, value):
    answer = engine.ask(question)
    first = answer.answer.split(" [1]")[0]  # the answer's first sentence, as shown
    assert not answer.refused and value in first


def test_a_property_of_the_models_is_no_question_which_model(engine):
    answer = engine.ask("LintSeq: what sizes of models were instruction-finetuned?")
    assert not answer.refused and "2.6B to 14B" in answer.answer


@pytest.mark.parametrize(("question", "titles"), [
    ("MBPP results (including MBPP+ too) - which papers have them?",
     {"Program Synthesis with Large Language Models", "Planning In Natural Language Improves LLM Search For Code "
      "Generation", "Divide-and-Conquer Meets Consensus: Unleashing the Power of Functions in Code Generation",
      "CodeTree: Agent-guided Tree Search for Code Generation with Large Language Models"}),
    ("anything involving SWE-bench?",
     {"Improving FIM Code Completions via Context & Curriculum Based Learning",
      "AutoCodeRover: Autonomous Program Improvement",
      "CodeTree: Agent-guided Tree Search for Code Generation with Large Language Models"}),
    ("empirical studies of ChatGPT on math - which ones are in here?",  # the list asked after the topic
     {"Mathematical Capabilities of ChatGPT", "Evaluating Language Models for Mathematics through Interactions"}),
])
def test_lists_asked_in_chat_wording(engine, question, titles):
    answer = engine.ask(question)
    assert answer.kind == "list" and titles <= {c.title for c in answer.citations}


def test_a_clipped_word_is_searched_as_the_abstracts_write_it(engine):
    answer = engine.ask("which papers handle repo-level completion?")
    assert answer.kind == "list"
    assert "RLCoder: Reinforcement Learning for Repository-Level Code Completion" in {c.title for c in answer.citations}


@pytest.mark.parametrize(("question", "title", "said"), [
    ("CodeTree vs PLANSEARCH: how does each search among candidate solutions?", "Planning In Natural Language",
     "searching over candidate plans"),
    ("AlphaCode and LintSeq: where does each one's sample diversity come from?", "Competition-Level Code Generation",
     "large-scale model sampling"),
    # The AI Scientist's aim is its third sentence for the aspect: a row quotes up to three.
    ("ADAS vs the AI Scientist: which part of research does each automate?", "The AI Scientist",
     "fully automatic scientific discovery"),
])
def test_a_comparison_row_quotes_the_sentence_that_answers_the_aspect(engine, question, title, said):
    answer = engine.ask(question)
    row = next(r for r in answer.table if r["title"].startswith(title))
    assert said in row["aspect"]


def test_the_paper_that_made_a_name_is_the_name_s_paper(engine):
    answer = engine.ask("Stable Code and the original MBPP paper: how large are their models?")
    assert answer.kind == "comparative"
    assert "Program Synthesis with Large Language Models" in _titles(answer)


def test_a_size_is_no_result_when_an_accuracy_is_compared(engine):
    # OVM's GSM8K sentence gives sizes ("OVM-7B ... up to 13B parameters"), no accuracy: its row says so.
    answer = engine.ask("OVM or DotaMath: which reaches the higher GSM8K accuracy?")
    rows = {row["paper"]: row["aspect"] for row in answer.table}
    assert rows["DotaMath"] and "86.7%" in rows["DotaMath"]
    assert [paper for paper, said in rows.items() if said is None] == \
        ["Outcome-supervised Verifiers for Planning in Mathematical Reasoning"]
    assert "no GSM8K result in the abstract" in answer.answer


@pytest.mark.parametrize(("question", "refused", "said"), [
    # An abstract with none of the asked words neither confirms nor denies: no background sentences as a finding.
    ("Is the CS-Bench benchmark multimodal, with image questions?", True, "none of the asked words"),
    ("Does CS-Bench include pictures or figures?", True, "pictures, figures"),  # "including" is no answer
    ("Is CS-Bench bilingual?", False, "bilingual (Chinese-English)"),
    ("Does the AutoCodeRover approach use fault localization?", False, "spectrum-based fault localization"),
    ("Does AutoCodeRover do better than SWE-agent?", False, "SWE-agent"),  # a name it has is an asked word it uses
])
def test_a_yes_no_question_the_named_abstract_is_silent_on_is_refused(engine, question, refused, said):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert said in answer.answer
    if refused:
        assert answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    ("DotaMath++ accuracy on GSM8K?", "“DotaMath++”"),  # a variant no abstract has is an unknown name
    ("ompgpt param count?", "no figure for the parameter count"),  # a count asked in two words
    ("MPIrigen: parameter count of its MonoCoder base?", "no figure for the parameter count"),  # after a label
    ("plansearch pass@1 on humaneval+ w/ claude?", "no HumanEval+ figure"),  # "+" typed lower case is the name
    ("PLANSEARCH scores on MBPP+?", "no MBPP+ figure"),  # plural "scores" asks a figure
])
def test_terse_near_misses_are_refused_with_the_reason(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer
    assert answer.citations == []


def test_a_plus_variant_the_abstracts_have_is_the_named_benchmark(engine):
    answer = engine.ask("which papers report results on humaneval+?")
    assert not answer.refused
    assert "Planning In Natural Language Improves LLM Search For Code Generation" in \
        {c.title for c in answer.citations}


def test_a_typing_slip_neither_refuses_nor_misses_the_papers(engine):
    # "acutally" is no word any abstract has: read as typed, the list topic was unmet and refused.
    answer = engine.ask("which papers acutally evaluate chatgpt?")
    assert not answer.refused and answer.kind == "list"
    assert "Comparing Software Developers with ChatGPT: An Empirical Investigation" in \
        {c.title for c in answer.citations}


def test_papers_that_make_a_new_benchmark_not_those_that_report_on_some(engine):
    # PRIME "surpasses Qwen2.5-Math-7B-Instruct on seven reasoning benchmarks": it reports on them, makes none.
    answer = engine.ask("which papers propose new benchmarks for math?")
    titles = {c.title for c in answer.citations}
    assert "ProcessBench: Identifying Process Errors in Mathematical Reasoning" in titles
    assert "Process Reinforcement through Implicit Rewards" not in titles


@pytest.mark.parametrize(("question", "refused"), [
    # SWE-agent is only cited by AutoCodeRover, which says nothing of its interface: only its own paper could.
    ("what does SWE-agent's interface look like?", True),
    ("SWE-agent’s success rate?", True),
    ("what is GPT-4's accuracy on miniF2F?", False),  # abstracts citing GPT-4 report it
    ("DotaMath-deepseek-7B's accuracy on GSM8K?", False),  # the DotaMath paper's own model, said twice there
])
def test_a_cited_name_s_own_thing_is_refused_unless_a_citing_abstract_speaks_of_it(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused
    if refused:
        assert "“SWE-agent” (only mentioned in the abstracts of AutoCodeRover)" in answer.answer


@pytest.mark.parametrize(("question", "refused", "said"), [
    # A figure from each side is asked ("by how much", "the two numbers", "the gap"): one side's alone is no answer.
    ("By how much does CodeTree beat the Stable Code Technical Report on MBPP?", True,
     "Only the CodeTree abstract gives a result on MBPP; the abstract of “Stable Code Technical Report” gives none"),
    ("does CodeTree beat PLANSEARCH on LiveCodeBench? what are the two numbers", True,
     "Only the PLANSEARCH abstract gives a result on LiveCodeBench; the CodeTree abstract gives none"),
    ("OVM-7B vs DotaMath on GSM8K, which has the higher accuracy and by how much?", True,
     "Only the DotaMath abstract gives a result on GSM8K"),
    ("How large is the gap between CodeTree and PLANSEARCH on HumanEval?", True,
     "Only the CodeTree abstract gives a result on HumanEval"),
    # "Which is better?" with one figure: the table, led by the other abstract's silence.
    ("STP or DeepSeek-Prover, which one does better on PutnamBench?", False,
     "Only the STP abstract gives a result on PutnamBench; the DeepSeek-Prover abstract gives none, so they cannot "
     "be ranked"),
    ("Is CodeTree's HumanEval score higher than PLANSEARCH's?", False,  # possessives: HumanEval is no one's own
     "Only the CodeTree abstract gives a result on HumanEval; the PLANSEARCH abstract gives none"),
    ("autocoderover or codetree: which has the higher swe-bench lite resolve rate", False,
     "Only the AutoCodeRover abstract gives a result on SWE-bench-lite"),
])
def test_a_ranking_asked_where_one_abstract_gives_no_figure_says_so_first(engine, question, refused, said):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert answer.answer.startswith(said)
    if refused:
        assert answer.citations == []  # the one figure is shown apart, not cited as the answer
    else:
        assert len(answer.table) == 2 and sum(row["aspect"] is None for row in answer.table) == 1


def test_both_figures_rank_with_no_caveat(engine):
    answer = engine.ask("which of STP and MA-LoT scores higher on miniF2F, and by how much?")
    assert not answer.refused and answer.answer.startswith("| Paper |")


@pytest.mark.parametrize(("question", "said"), [
    ("ma-lot putnambench result?", "The MA-LoT abstract does not mention PutnamBench"),  # a hyphened name typed low
    ("rlcoder EM gain on repoeval alone (not crosscodeeval)",
     "gives no figure for RepoEval alone: its figure is for RepoEval and CrossCodeEval together"),
    ("What EM improvement does RLCoder get on RepoEval only?", "no figure for RepoEval alone"),
])
def test_a_figure_the_named_abstract_does_not_give_on_its_own_is_refused(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer
    assert answer.citations == []


@pytest.mark.parametrize("question", [
    "What's RLCoder's EM gain on RepoEval?",
    "Just curious, what EM gain does RLCoder get on RepoEval?",  # "just" says nothing of RepoEval
])
def test_a_figure_shared_by_two_benchmarks_answers_either_asked_plainly(engine, question):
    answer = engine.ask(question)
    assert not answer.refused and "**12.2%**" in answer.answer


@pytest.mark.parametrize(("question", "refused", "said"), [
    # A name no abstract writes in any form, and no paper matched: nothing here is about it.
    ("which papers use LLMs to generate Verilog?", True, "no indexed abstract mentions “Verilog”"),
    ("any papers here on LLMs generating verilog / hardware description code?", True, "mentions “verilog”"),
    ("which papers evaluate LLMs on generating Verilog or other hardware description languages?", True, "Verilog"),
    # Two English words run together are the asker's wording, not an unknown name.
    ("any papers on LLMs for code that runs on supercomputers?", False, "HPC"),
    ("Which papers compare against GPT4?", False, ""),  # the abstracts' "GPT-4", written without the hyphen
])
def test_a_list_no_paper_matches_is_refused_only_for_a_name_no_abstract_has(engine, question, refused, said):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert said in answer.answer and ("mentions “" in answer.answer) is refused


@pytest.mark.parametrize(("question", "refused"), [
    ("STP does its self-play in Coq right? which Coq libraries did the conjecturer draw its seed statements from?",
     True),
    ("which Coq tactics does STP's prover use?", True),
    ("What does STP do, in Layman's terms?", False),  # English words, capitalised, ask about nothing
    ("What does STP do? Asking for my Thesis", False),
])
def test_a_capitalised_word_no_abstract_has_is_what_a_question_about_a_paper_asks(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert ("The STP abstract does not mention Coq" in answer.answer) is refused


@pytest.mark.parametrize("question", ["which papers use evolutionary search",
                                      "papers that rely on evolutionary search?"])
def test_a_list_keeps_a_paper_with_every_word_of_a_rare_topic_in_one_sentence(engine, question):
    # AutoNumerics-Zero: "evolution searched a vast space of possible programs", worded unlike the topic.
    answer = engine.ask(question)
    assert {c.title for c in answer.citations} >= {
        "AutoNumerics-Zero: Automated Discovery of State-of-the-Art Mathematical Functions",
        "CoEvo: Continual Evolution of Symbolic Solutions Using Large Language Models"}


def test_a_topic_of_common_words_is_not_matched_by_its_words_alone(engine):
    # "code" and "tasks" are in most abstracts: a sentence having both is not about RL.
    answer = engine.ask("who is using RL for coding tasks? (code gen, completion, optimization...)")
    assert 0 < len(answer.citations) <= 4


def test_an_ask_set_apart_from_its_subject_by_a_dash_is_answered_first(engine):
    answer = engine.ask("the pillow/numpy llm optimization case study - did they have any failed attempts?")
    assert answer.answer.startswith("We have also not omitted reporting of failed attempts (there were none).")


@pytest.mark.parametrize(("question", "refused"), [
    ("what pass@1 does Codex get on HumanEval in the 'Evaluating Large Language Models Trained on Code' paper", True),
    ('what does the "Attention Is All You Need" paper propose?', True),  # not "Scope is all you need: ..."
    ("What does STP's self-play loop do, according to the authors' paper?", False),  # apostrophes quote nothing
    ("what does the 'Self-play Theorem Provers' paper propose?", False),  # every quoted word is STP's title's
    ('in the paper titled "Competition-Level Code Generation with AlphaCode", what ranking did it get?', False),
    ("what does the 'code generation with alphacode' paper report on Codeforces?", False),  # quoted loosely
])
def test_a_paper_cited_by_a_quoted_title_the_index_lacks_is_refused(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused
    if refused:
        assert "No indexed paper is “" in answer.answer and answer.citations == []
    else:
        assert {c.title for c in answer.citations} & {
            "Competition-Level Code Generation with AlphaCode",
            "STP: Self-play LLM Theorem Provers with Iterative Conjecturing and Proving"}


def test_a_list_asked_politely_is_a_list(engine):
    answer = engine.ask("can you list the papers that use LLMs to generate Verilog or other hardware description "
                        "code for chip design?")
    assert answer.refused and "no indexed abstract mentions “Verilog”" in answer.answer
    answer = engine.ask("could you list the papers on evolutionary search?")
    assert answer.kind == "list" and len(answer.citations) == 3


def test_a_paper_retrieval_ranks_first_for_a_list_topic_needs_only_come_close(engine):
    # "Scope is all you need" never says "domain-specific language models for HPC code" in one sentence.
    answer = engine.ask("Which papers build domain-specific language models for high-performance computing code?")
    assert {c.title for c in answer.citations} == {
        "MPIrigen: MPI Code Generation through Domain-Specific Language Models",
        "OMPGPT: A Generative Pre-trained Transformer Model for OpenMP",
        "Scope is all you need: Transforming LLMs for HPC Code"}


def test_a_paper_whose_title_says_what_is_asked_is_one_of_the_ways(engine):
    # Its sentences say "dynamic inference", not "cheaper" or "latency": its title does.
    answer = engine.ask("what approaches make LM code completion cheaper or lower latency?")
    titles = {c.title for c in answer.citations}
    assert "When Neural Code Completion Models Size up the Situation: Attaining Cheaper and Faster Completion " \
           "through Dynamic Model Inference" in titles
    assert "Improving FIM Code Completions via Context & Curriculum Based Learning" in titles  # the ways, not one


@pytest.mark.parametrize(("question", "row_says"), [
    # Each benchmark's size in its own words: problems, test cases, samples.
    ("ProcessBench and UGMathBench: how large is each?", ["3,400 test cases", "5,062 problems"]),
    ("between GitChameleon and ExecRepoBench, which one has more samples?",
     ["116 Python code completion problems", "1.2K samples"]),
    ("Which uses more synthetic training examples, DeepSeek-Prover or DotaMath?",
     ["8 million formal statements", "574K query-response pairs"]),
])
def test_a_size_asked_of_each_quotes_each_ones_count_whatever_it_counts(engine, question, row_says):
    answer = engine.ask(question)
    assert answer.kind == "comparative" and not answer.refused
    cells = " ".join(row["aspect"] or "" for row in answer.table)
    for said in row_says:
        assert said in cells
    assert "accuracy" not in cells  # only sentences that count


def test_what_each_paper_is_for_is_said_where_it_introduces_itself(engine):
    answer = engine.ask("OMPGPT, MPIrigen and Tokompiler: what does each of them focus on?")
    cells = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "for OpenMP pragma generation" in cells["OMPGPT"]
    assert "generating MPI-based parallel programs" in cells["MPIrigen"]


def test_each_papers_line_across_papers_says_what_its_way_achieved(engine):
    # The dynamic-inference paper's best sentences are its motivation and its method; its result is said apart.
    answer = engine.ask("what are people doing to make code completion models cheaper or faster to run?")
    line = next(line for line in answer.answer.splitlines() if "Dynamic Model Inference" in line)
    assert "dynamic inference" in line and "11.2% speedup" in line


def test_a_papers_line_across_papers_quotes_its_next_best_sentences_too(engine):
    # Code4Me's study of real completion requests is its third-best sentence for the question.
    answer = engine.ask("how do different papers measure code completion quality with real developers instead of "
                        "offline benchmarks?")
    line = next(line for line in answer.answer.splitlines() if "A Practical Evaluation" in line)
    assert "1690 real-world completion requests" in line


@pytest.mark.parametrize(("question", "refused", "said"), [
    # Seven abstracts use HumanEval, none made it: no paper here is the one that introduced it.
    ("who came up with HumanEval originally?", True, "No indexed abstract says it introduces HumanEval"),
    ("where does the GSM8K dataset come from?", True, "the paper that made GSM8K is not in the index"),
    # Four use MBPP; one defines it as its own dataset: that one is the answer, not a list of four.
    ("what paper first introduced MBPP?", False, "Program Synthesis with Large Language Models"),
    # One abstract uses it: it may well have made it in words the lexicon does not read; answered as usual.
    ("which paper introduced the FVELER dataset?", False, "FVEL"),
    ("who built the GSM8K-based data in DotaMath?", False, "DotaMath"),  # a kind of thing, made by DotaMath
])
def test_a_paper_asked_for_as_the_maker_of_a_name_is_one_that_made_it_or_none(engine, question, refused, said):
    answer = engine.ask(question)
    assert answer.refused is refused
    if refused:
        assert said in answer.answer and answer.citations == []
    else:
        assert answer.citations and all(said in c.title for c in answer.citations)


@pytest.mark.parametrize("question", [
    "in CS-Bench, which of the four areas turned out hardest for the LLMs?",
    "UGMathBench - which subject do models score lowest in?",
])
def test_which_of_a_benchmarks_parts_is_hardest_is_refused_when_its_abstract_ranks_none(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "it gives no results that rank them" in answer.answer and answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    # Neither abstract reports MATH: a table of their other sentences would compare nothing on it.
    ("B-Coder vs PRIME on the MATH dataset?", "None of these abstracts gives a result on MATH"),
    # The abstract gives scores over all seven domains: none for one of them.
    ("which model does best in the networking domain of BigCodeBench, and with what score?",
     "gives no figure in the networking domain"),
    # The choices asked between are names no abstract has.
    ("is the RLCoder retriever optimised with PPO or with GRPO?", "No indexed abstract mentions “PPO”, “GRPO”"),
])
def test_near_misses_on_a_part_a_benchmark_or_between_unknown_choices_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_name_typed_as_an_english_word_does_not_narrow_an_answer_across_papers(engine):
    # "think" is also Think-and-Execute, typed in lower case; here it is the verb, and the answer is several papers'.
    answer = engine.ask("why do some researchers think today's code completion benchmarks are unrealistic?")
    titles = {c.title for c in answer.citations}
    assert answer.kind == "list" and len(titles) >= 2
    assert "Codev-Bench: How Do LLMs Understand Developer-Centric Code Completion?" in titles


def test_a_quoted_sentence_comes_with_the_next_one_when_that_spells_it_out(engine):
    # CodeTree's "explore the search space" is what the question matches; what it explores is said next.
    answer = engine.ask("codetree vs plansearch: over what does each of them search?")
    cells = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "unified tree structure to explicitly explore different coding strategies" in cells["CodeTree"]


def test_a_note_in_brackets_after_a_name_leaves_it_a_paper_to_compare(engine):
    # MBPP is named by the paper that defines it; BigCodeBench stays its paper though a note follows it.
    answer = engine.ask("MBPP or BigCodeBench (in number of problems), which one is larger?")
    assert answer.kind == "comparative" and {row["paper"] for row in answer.table} == {
        "Program Synthesis with Large Language Models", "BigCodeBench"}


@pytest.mark.parametrize("question", ["number of tasks in MBPP?", "MBPP: what number of tasks does it hold?"])
def test_an_answer_about_a_named_benchmark_quotes_no_paper_that_never_names_it(engine, question):
    # "an increasing number of tasks" in a task-automation abstract says nothing of MBPP.
    answer = engine.ask(question)
    assert "974 programming tasks" in answer.answer
    assert {c.title for c in answer.citations} == {"Program Synthesis with Large Language Models"}


def test_the_smallest_model_a_paper_trains_is_its_sentence_with_the_smallest_size(engine):
    # "Our 150M parameter edit sequence LM" shares few words with the question, yet it is the answer.
    answer = engine.ask("LintSeq: how small is their smallest LM, and whom does it outperform?")
    assert not answer.refused and answer.sentences[0].text.startswith("Our 150M parameter edit sequence LM")
    refused = engine.ask("AlphaCode's biggest model - how many parameters?")
    assert refused.refused and "gives no model sizes" in refused.answer


@pytest.mark.parametrize(("question", "said"), [
    # Neither offered licence is in the abstract.
    ("Is DeepSeek-Prover's synthetic data licensed under MIT or Apache 2.0?", "MIT"),
    # Its only figure is with code execution feedback.
    ("what does o3-mini (high) reach on REFUTE if it has no code execution feedback?",
     "gives no result without code execution feedback"),
    # The abstract says it succeeded where the question says it failed.
    ("why did DeepSeek-Prover's model fail on the FIMO benchmark?", "does not say that it failed"),
    ("Why does FunCoder's functional consensus perform worse than self-testing?", "prevails over self-testing"),
    # Results over all eight kinds of context, none ranked.
    ("which of the 8 kinds of context improved DL code completion the most?", "gives no results that rank them"),
    # The figure there is Codex's, named beside GPT-3.
    ("in P3, what share of the 397 test puzzles does the GPT-3 solver get with a single attempt?",
     "gives no GPT-3 figure"),
    # A variant of a paper's model that no abstract has, typed in lower case.
    ("HumanEval pass rate of plansearch-large?", "No indexed abstract mentions “plansearch-large”"),
    ("how many people took part in CheckMate's user study?", "gives no figure for people"),
    # What it is compared with is a name with a digit inside, typed in lower case, that the abstract never has.
    ("In the safe-Rust compilation paper, does their tool beat c2rust on the HACL* library?",
     "does not mention c2rust"),
    # Its agent is GPT-4-based; a kind named after a model the abstract never has is not its figure.
    ("webarena task success rate with a gpt-3.5-based agent?", "does not mention GPT-3.5,"),
    # Its quantized checkpoints are released with metrics, none ranked.
    ("which of Stable Code's quantized checkpoints is fastest?", "gives no results that rank them"),
    # Models offered as the choices, within the one paper named; its abstract names neither.
    ("in ADAS, is the meta agent GPT-4 or Claude?", "mentions neither GPT-4 nor Claude"),
    # A release of a paper's name that its abstract never writes, after a space, for names of one word and of several.
    ("what's the top EAcc on ugmathbench v2?", "does not mention ugmathbench v2"),
    ("how much does the ai scientist v2 spend per paper?", "does not mention ai scientist v2"),
    # The paper's name heading a model it never reports, typed in lower case (it has DotaMath-deepseek-7B).
    ("what does dotamath-llama2-13b score on MATH?", "does not mention dotamath-llama2-13b"),
    # A model only named as what the paper's own model surpasses, with the winner's data share in the clause.
    ("PRIME paper: what's qwen2.5-math-7b-instruct's average score?",
     "names Qwen2.5-Math-7B-Instruct only as compared"),
    # Compared with a name no abstract has, typed in lower case.
    ("how much better than reflexion is funcoder on humaneval?", "does not mention reflexion"),
    # Two papers compared on a benchmark only one of them reports, "on" it or in possessives.
    ("how does codefill compare with pycoder on codexglue?", "cannot be compared on it"),
    ("codefill's codexglue numbers vs pycoder's?", "cannot be compared on it"),
    # A release joined by a hyphen to a name the lexicon finds for the paper, though no alias of it.
    ("alphacode-2's rank on codeforces?", "does not mention alphacode-2"),
    # The abstract lists what it found formulas for; pi is not among them.
    ("did the ESMA algorithm come up with any new formulas for pi?", "names formulas for e, e^2, tan(1)"),
    # The one figure beside the model is the EAcc; Delta is said in another clause, with no number.
    ("ugmathbench delta for openai o1-mini", "gives no Delta figure"),
])
def test_near_misses_on_choices_absent_settings_false_premises_and_variants_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "quoted"), [
    ("does OMPGPT target OpenMP or MPI?", "OpenMP"),  # the alternative it names is the answer
    ("DotaMath: how big is its GSM8K-based data?", "574K query-response pairs"),  # GSM8K is what it names
    ("GPT-4o pass@10 on GitChameleon without error feedback?", "39.9"),  # the figure beside the variant
    ("what does CodeTree score on MBPP with GPT-4o?", "**98.7** on MBPP"),  # the figure said on the name
    # Must-answer controls for the rules above (they pass on the start code too).
    ("what does dotamath-deepseek-7b score on gsm8k?", "86.7%"),  # the model its abstract reports
    ("What average improvement does PRIME achieve over the SFT model?", "15.1%"),  # the question compares with it too
    ("ugmathbench EAcc for o1-mini", "56.3"),  # the figure in the clause naming both
    ("which formulas did ESMA find for e?", "formulas for e, e^2"),  # listed
    ("c-to-rust paper: does the translated code still lean on unsafe?", "safe"),  # "lean on" is a verb here
    ("codetree's humaneval approach vs plansearch's?", "CodeTree"),  # a role asked, not two figures
])
def test_controls_of_the_near_misses_are_answered(engine, question, quoted):
    answer = engine.ask(question)
    assert not answer.refused and quoted in answer.answer


def test_each_ask_of_a_comparison_adds_its_own_sentence_to_a_row(engine):
    # ENAMEL's count of LLMs is its best sentence for both asks; what it measures is said in another one.
    answer = engine.ask("ENAMEL versus BigCodeBench: what does each one measure, and how many LLMs did they test?")
    cells = {row["paper"]: row["aspect"] or "" for row in answer.table}
    enamel = next(cell for paper, cell in cells.items() if "Efficient" in paper)
    assert "30 popular LLMs" in enamel
    assert "efficiency, as an important measure" in enamel or "benchmark for evaluating the capability" in enamel


def test_a_name_listed_beside_one_that_became_a_paper_is_compared_too(engine):
    # MBPP sits next to "Python Programming Puzzles", which pairs with BigCodeBench; all three are rows.
    answer = engine.ask("how big are they: MBPP vs Python Programming Puzzles vs BigCodeBench?")
    assert answer.kind == "comparative" and {row["paper"] for row in answer.table} == {
        "Program Synthesis with Large Language Models", "Programming Puzzles", "BigCodeBench"}


def test_a_comparison_row_quotes_each_sentence_the_aspect_alone_finds_close(engine):
    # What ProcessBench tests is said in more than one sentence; its size ("3,400 test cases") is one of them.
    answer = engine.ask("processbench vs ugmathbench - what is each one testing, and how large is it?")
    cells = {row["paper"]: row["aspect"] or "" for row in answer.table}
    assert "3,400 test cases" in cells["ProcessBench"] and "5,062 problems" in cells["UGMathBench"]


def test_the_ask_after_a_lead_phrase_finds_its_own_sentence_first(engine):
    # The lead phrase ("For the pillow and numpy case studies") matches the abstract's opening sentences; the ask is
    # answered by "We have also not omitted reporting of failed attempts (there were none)."
    answer = engine.ask("For the pillow and numpy case studies, did any attempt fail?")
    assert answer.sentences[0].text.startswith("We have also not omitted reporting of failed attempts")


def test_the_models_papers_fine_tune_are_listed_by_name_with_their_papers(engine):
    answer = engine.ask("what models did people fine-tune in the HPC code papers?")
    assert not answer.refused
    for model in ("MonoCoder", "SPT-Code", "Polycoder"):
        assert f"**{model}**" in answer.answer
    assert "**Fortran**" not in answer.answer and "**HPCorpusMPI**" not in answer.answer  # a language, the data
    assert {c.title.split(":")[0] for c in answer.citations} == {"MPIrigen", "Scope is all you need"}
    # "The HPC papers", one word, picks the papers too: not every model the index's papers tune.
    answer = engine.ask("what pretrained checkpoints do the HPC papers build on?")
    assert "**MonoCoder**" in answer.answer and "**Llama2**" not in answer.answer


def test_the_metrics_papers_report_are_listed_by_name_with_their_papers(engine):
    answer = engine.ask("Which evaluation metrics show up across the code completion papers?")
    assert not answer.refused
    for metric in ("MRR", "ROUGE-L", "exact match", "Completion Acceptance Rate (CAR)"):
        assert f"**{metric}**" in answer.answer
    assert "**CodeXGLUE**" not in answer.answer  # a benchmark, where PyCoder's accuracy is measured
    # Benchmarks set aside and the metrics asked as a label: the same metrics.
    answer = engine.ask("not the benchmarks, the scoring metrics: what do the code completion papers measure with?")
    assert "**ROUGE-L**" in answer.answer and "**CodeXGLUE**" not in answer.answer


def test_labels_asked_of_a_described_paper_each_get_their_sentence(engine):
    # A meta-analyst's row: the dataset and model sentence and the gain sentence, not the abstract's background.
    answer = engine.ask("RL + LLM code optimization paper: dataset, base model, and the %OPT gain over baselines")
    assert not answer.refused and len({c.paper_id for c in answer.citations}) == 1
    assert "PIE" in answer.answer and "CodeT5" in answer.answer and "5.6%" in answer.answer


def test_the_models_on_top_across_benchmark_papers_are_models_not_the_benchmarks(engine):
    # "the math benchmark papers" say which papers; the models they find best are what is asked.
    answer = engine.ask("which model ends up on top across the math benchmark papers?")
    assert not answer.refused and "**QwQ-32B-Preview**" in answer.answer
    assert "**GSM8K**" not in answer.answer and "**miniF2F**" not in answer.answer


def test_a_second_follow_up_without_names_keeps_to_what_the_first_question_asked_about(engine):
    # A control as much as a test: carrying "how big is it" alone found ProcessBench too, by its words "best model".
    history = ["Which benchmark checks whether models can spot the earliest error in a math solution?",
               "how big is it?"]
    answer = engine.ask("which open model did best on it?", history=history)
    assert not answer.refused and {c.title.split(":")[0] for c in answer.citations} == {"ProcessBench"}
    assert "QwQ-32B-Preview" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # Two parts of one paper set side by side: a question about that paper, whose figures are over both.
    ("cs-bench: the chinese split vs the english split, how far apart are the scores?",
     "gives no figure for the chinese split"),
    # (refused by the start code too, on the "compared with" side: a control for the parts read as one paper's)
    ("tokompiler: how much did perplexity drop on the c++ corpus compared with the fortran corpus?", "gives no"),
    # A model size the abstract never writes (DotaMath has 7B models only), a top-k accuracy beside its MRR.
    ("what does the 34B DotaMath model get on GSM8K?", "mentions no 34B model"),
    ("CodeFill's top-5 accuracy on multi-token prediction?", "gives no top-k accuracy figure"),
])
def test_near_misses_on_a_papers_parts_sizes_and_metrics_are_refused(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer and answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    ("how does the 7B DotaMath do on GSM8K?", "86.7%"),  # the size it has (control)
    ("How does Eurus-2-7B-PRIME compare to Qwen2.5-Math-7B-Instruct in training data used?",
     "10% of its training data"),
])
def test_a_size_or_a_model_compared_with_that_the_abstract_has_is_answered(engine, question, said):
    answer = engine.ask(question)
    assert not answer.refused and said in answer.answer


def test_a_list_whose_papers_all_score_low_is_answered_paper_by_paper_from_the_lower_bar(engine):
    # No sentence comes close enough to be listed, and the best is under the usual bar; the question's words are the
    # abstracts' ("plugin" aside), so the papers closest to it answer, one line each.
    answer = engine.ask("which code completion papers actually tested their work with real developers in the wild "
                        "(deployed plugin, online eval, A/B test)?")
    assert not answer.refused
    assert {"Improving FIM Code Completions via Context & Curriculum Based Learning",
            "Language Models for Code Completion: A Practical Evaluation"} <= {c.title for c in answer.citations}


def test_a_list_no_paper_stands_out_for_is_answered_paper_by_paper_whatever_its_best_scores(engine):
    # "speed up code" is in many abstracts at once, so no paper stands out enough to be listed; a list question is
    # still answered with its papers side by side, not with one abstract's opening sentences.
    answer = engine.ask("are there papers on having LLMs speed up code that already exists?")
    assert not answer.refused and answer.kind == "list" and answer.answer.startswith("- **")
    assert "Leveraging Reinforcement Learning and Large Language Models for Code Optimization" in \
        {c.title for c in answer.citations}


@pytest.mark.parametrize(("question", "said"), [
    # A reason the abstract does not give: it reports the failure, not its cause.
    ("Why are LLMs so much worse at recursion traces than at OOP ones in CoCoNUT?", "does not say why"),
    ("ProcessBench says existing PRMs fail beyond GSM8K and MATH - why is that?", "does not say why"),
    # A superlative the abstract does not claim.
    ("Is BigCodeBench the largest benchmark of function calls?", "does not claim to be the largest"),
    # A model only its own paper names stands for that paper; its average ranks none of the benchmarks.
    ("DotaMath-deepseek-7B: which of its out-of-domain benchmarks was its weakest?", "gives no results that rank"),
    # The outcome of what it only plans.
    ("After UGMathBench's additional versions came out, how did the Delta of o1-mini change?", "only plans it"),
    ("what EAcc do models get on UGMathBench's additional planned versions?", "only plans it"),
    # A time its abstract never speaks of; a model size it never writes (refused by the start code too: a control).
    ("AutoCodeRover - what's its solving time per GitHub issue?", "does not mention time"),
    ("what's MPIrigen's parameter count?", "gives no"),
    # The parts behind an average it gives alone.
    ("PRIME's 15.1% average improvement: what's the per-benchmark breakdown?", "gives the average only"),
    # Members of a set it only counts, asked to be listed; a figure asked of a model it only beats ("what's X's
    # average": the name holds a dot).
    ("BigCodeBench spans 139 libraries - can you list them?", "counts 139 libraries but does not say which"),
    ("PRIME: what's qwen2.5-math-7b-instruct's average across the seven benchmarks?", "only as compared"),
])
def test_near_misses_asking_why_a_superlative_or_a_ranking_the_abstract_lacks_are_refused(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer and answer.citations == []


@pytest.mark.parametrize("question", [
    "according to the pycoder paper, why does AST extraction fail while developers type?",  # "because it requires"
    "is CS-Bench the first bilingual benchmark for computer science?",  # "the first bilingual (Chinese-English)"
    "why does PLANSEARCH help, according to its authors?",  # too little asked to hold a sentence to
    "why does FunCoder split functions into sub-functions?",  # a design choice: "as smaller goals"
    "how many randomized versions does each UGMathBench problem have?",  # stated beside what it plans
])
def test_a_reason_or_a_superlative_the_abstract_does_give_is_answered(engine, question):
    assert not engine.ask(question).refused


@pytest.mark.parametrize(("question", "said"), [
    ("What kind of network is DEPS's Selector, and which loss trains it?", "does not state its"),
    ("In PLANSEARCH, what R^2 does the diversity-predicts-gains fit reach?", "gives no R^2 figure"),
    ("Which five FIMO problems did DeepSeek-Prover get?", "counts five problems but does not say which"),
])
def test_near_misses_on_a_components_insides_an_unreported_metric_or_unnamed_members_are_refused(engine, question,
                                                                                                  said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer and answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    ("OVM paper: which two datasets did they run on?", "Game of 24"),  # the count is followed by the names
    ("OVM paper: it uses two datasets - what are they?", "Game of 24"),
    ("what architecture does CodeFill use?", "Transformer architecture"),
])
def test_members_and_insides_the_abstract_does_give_are_answered(engine, question, said):
    answer = engine.ask(question)
    assert not answer.refused and said in answer.answer


@pytest.mark.parametrize(("question", "row", "said"), [
    # A metric is rarely a name in a sentence about data: CodeFill's MRR sits in "single token prediction (MRR: ...)".
    ("Which scoring metrics do CodeFill and PyCoder give numbers for?", "CodeFill", "MRR: 70.9%"),
    # "eval sets" asks for the named things each evaluates on, as "benchmarks" does.
    ("what eval sets do DeepSeek-Prover and STP report on?", "DeepSeek-Prover", "miniF2F"),
])
def test_named_papers_asked_for_their_metrics_or_eval_sets_lead_with_the_sentences_naming_them(engine, question, row,
                                                                                                said):
    answer = engine.ask(question)
    assert answer.kind == "comparative" and not answer.refused
    cell = answer.answer.split(f"**{row}**", 1)[1].split("\n", 1)[0]
    first_two = re.split(r"(?<=\]) ", cell.split("|", 1)[1])[:2]
    assert any(said in sentence for sentence in first_two)


@pytest.mark.parametrize(("question", "named"), [
    # A number type the abstract never writes (it has float32), and a release of a model it never names (it has
    # o1-mini): variants of names the index has, not typos of them.
    ("how much faster than the baselines is AutoNumerics-Zero on float16?", "float16"),
    ("UGMathBench: what EAcc did o1-preview reach?", "o1-preview"),
])
def test_a_numbered_type_or_a_model_release_no_abstract_writes_is_refused(engine, question, named):
    answer = engine.ask(question)
    assert answer.refused and named in answer.answer and answer.citations == []


@pytest.mark.parametrize(("question", "said"), [
    # Puzzles are P3's items, which its abstract counts as "397 test problems".
    ("In P3, how many of the test puzzles can Codex crack in a single attempt?", "18% of 397 test problems"),
    # "Bigger models" describes what it is compared with; the abstract says "larger models".
    ("On which benchmark does Stable Code stack up against much bigger models?", "Multi-PL benchmark"),
])
def test_items_by_another_name_and_a_described_rival_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_count_of_the_whole_is_not_answered_by_a_splits_count(engine):
    # A control: the start code refused it too, for not counting puzzles at all.
    answer = engine.ask("how many puzzles does P3 have altogether, train and test together?")
    assert answer.refused and answer.citations == []


def test_a_slash_between_generic_words_does_not_list_every_paper_on_them(engine):
    answer = engine.ask("which papers have LLMs/AI write proofs that a machine checks (Lean, Isabelle and the like)?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"DeepSeek-Prover", "STP"} <= cited and len(cited) <= 7


def test_a_question_across_papers_worded_with_everyday_verbs_is_answered(engine):
    # "keeps", "giving", "varied": no abstract has these forms, but they are inflections of words abstracts use.
    answer = engine.ask("Repeated sampling keeps giving me nearly identical wrong programs - what have people done "
                        "to get varied outputs from a code model?")
    assert not answer.refused
    assert "Planning In Natural Language Improves LLM Search For Code Generation" in {c.title for c in answer.citations}


def test_they_after_a_list_are_the_papers_it_listed(engine):
    history = ["Which papers study how LLMs do on undergraduate-level math?"]
    answer = engine.ask("what models did they evaluate?", history=history)
    assert answer.kind == "comparative" and not answer.refused
    assert "UGMathBench" in answer.searched_query and "LLMs test" not in answer.searched_query
    assert any(c.title.startswith("UGMathBench") for c in answer.citations)


@pytest.mark.parametrize(("question", "refused"), [
    ("how did STP do on the minif2f validation split?", True),  # its figures are on miniF2F-test only
    ("what's DeepSeek-Prover's miniF2F dev set accuracy?", True),
    ("DeepSeek-Prover's miniF2F validation-set accuracy with 64 samples?", True),  # hyphenated
    ("what does STP get on the miniF2F test split?", False),  # the split it has (control)
    ("what's the HumanEval test set score of CodeTree?", False),  # "test set" said loosely: its HumanEval figure
])
def test_a_benchmark_split_the_abstract_never_reports_is_refused(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused


@pytest.mark.parametrize(("question", "said"), [
    ("Which institution did the AlphaCode team work at?", "affiliation"),
    ("AutoML-Agent: how much does each task cost to run?", "cost in money"),
    ("How fast does Code4Me return a completion, in milliseconds?", "does not mention time"),
])
def test_an_affiliation_a_cost_or_a_speed_no_abstract_states_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_what_approaches_exist_after_some_context_is_answered_paper_by_paper(engine):
    answer = engine.ask("Formal proofs are expensive to write by hand. What approaches exist for producing more "
                        "proof data to train LLM provers on?")
    assert answer.kind == "list" and answer.answer.startswith("- **")  # one line per paper, not a list of titles
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert {"DeepSeek-Prover", "STP"} <= cited


@pytest.mark.parametrize("question", [
    "which model did the GitChameleon paper find best?",  # "state-of-the-art LLMs struggle; for instance, GPT-4o ..."
    "Which LLM topped BigCodeBench's leaderboard?",
])
def test_which_model_did_best_is_refused_where_no_sentence_ranks_one_first(engine, question):
    assert_refused_saying(engine, question, "does not name which one")


def test_which_model_did_best_is_answered_where_a_sentence_ranks_it(engine):
    answer = engine.ask("which model did best on CoCoNUT?")  # "the top-performing model, Gemini" (control)
    assert not answer.refused and "Gemini" in answer.answer


def test_a_generic_acronym_in_context_names_no_paper(engine):
    # Code4Me's abstract introduces "an open-source IDE extension": "IDE" is not that paper's name.
    answer = engine.ask("Latency is critical in the IDE. What techniques make code completion cheaper or faster at "
                        "inference time?")
    assert not answer.refused and "The IDE abstract" not in answer.answer


@pytest.mark.parametrize(("question", "refused", "said"), [
    # A paper described, set off before the ask: the names that describe it are not what is asked of it.
    ("the Minecraft agent paper with the goal Selector: how many tasks does the agent manage?", False,
     "70+ Minecraft tasks"),
    ("in the benchmark of 116 version-conditioned python problems, what's GPT-4o's pass@10?", False, "39.9"),
    # ... and what is asked must be in that paper: Claude is another paper's model.
    ("the benchmark of 116 version-conditioned python problems -- what pass@10 does Claude 3.5 Sonnet get?", True,
     "does not mention Claude"),
])
def test_a_paper_described_before_the_ask_is_the_one_asked_about(engine, question, refused, said):
    assert_says(engine, question, refused, said)


def test_a_second_ask_for_a_number_is_judged_on_its_own_sentences(engine):
    # The first ask's closest sentence (the codebases) has no figure; the second ask's (80,000 lines) has. A control
    # (the start code answered it too): with the description's names no longer asked, it had been refused.
    answer = engine.ask("the C-to-safe-Rust paper: which verified codebases did they port, and how large is the "
                        "Rust crypto library that came out?")
    assert not answer.refused and "80,000" in answer.answer


def test_a_list_of_papers_counting_more_than_n_models_keeps_those_counting_models(engine):
    answer = engine.ask("which papers test 20 or more LLMs?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert cited == {"BigCodeBench", "CS-Bench", "UGMathBench", "How Efficient is LLM-Generated Code? A Rigorous & "
                                                                  "High-Standard Benchmark"}


@pytest.mark.parametrize(("question", "refused"), [
    ("For statement-level (multi-token) completion, what MRR does CodeFill report?", True),  # ROUGE-L there
    ("CodeFill's MRR when predicting a single token?", False),  # control: the setting its MRR is given for
])
def test_a_metric_asked_for_a_setting_the_abstract_measures_with_another_is_refused(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused and ("only for" in answer.answer) is refused


def test_there_after_a_list_of_one_paper_is_that_paper(engine):
    history = ["is there work on models that write counterexamples for buggy solutions?"]  # a list of one paper
    answer = engine.ask("what share of the wrong solutions could the top model break there?", history=history)
    assert not answer.refused and "9%" in answer.sentences[0].text
    assert {c.title.split(":")[0] for c in answer.citations} == {"Can Language Models Falsify? Evaluating "
                                                                 "Algorithmic Reasoning with Counterexample Creation"}


@pytest.mark.parametrize(("question", "spelled"), [
    ("the integer-sequence conjecture paper: what is esma short for?", "**Enumerated Signed-continued-fraction Massey "
                                                                       "Approve**"),
    ("PRIME - what does the acronym expand to?", "**Process Reinforcement through IMplicit rEwards**"),
    # Asked yes/no: the words spelling it out answer it, not the abstract's silence on "acronym".
    ("is ESMA an acronym? what's it expand into", "**Enumerated Signed-continued-fraction Massey Approve**"),
])
def test_what_an_acronym_stands_for_leads_with_the_words_spelling_it_out(engine, question, spelled):
    answer = engine.ask(question)
    assert not answer.refused and spelled in answer.answer  # shown in bold
    assert spelled.strip("*") in answer.sentences[0].text


@pytest.mark.parametrize(("question", "said"), [
    ("the C to safe Rust paper - what is HACL* short for?", "does not spell out HACL*"),  # used, never spelled out
    ("in which programming language did alphacode submit its solutions?", "programming language"),
    ("alphacode: how many samples per problem before filtering?", "no figure for samples"),  # not 5,000 participants
    ("which LLM did B4 use to write its test cases?", "does not name which one"),  # "LLM-generated tests" names none
    ("Code4Me's study had three code LMs: InCoder and which two others?", "counts three LMs"),  # never named
    ("Compiling C to Safe Rust: how does it compare to c2rust?", "does not mention c2rust"),  # the title before ","
])
def test_what_the_named_abstract_uses_but_never_says_is_refused(engine, question, said):
    answer = engine.ask(question)
    assert answer.refused and said in answer.answer and answer.citations == []


def test_the_second_paper_of_a_comparison_described_by_its_title_words_is_answered_from_its_figures(engine):
    # "the second one" is the paper described as "the F* proof-oriented programming (SMT-assisted) paper": its
    # title's "SMT-Assisted" says which paper, and a sentence need not repeat it to give its dataset's size.
    history = ["compare the C-to-safe-Rust compilation paper and the F* proof-oriented programming (SMT-assisted) "
               "paper: what real-world codebases does each work with?"]
    answer = engine.ask("the second one - how big is its dataset, in lines?", history=history)
    assert not answer.refused and "600K" in answer.sentences[0].text


@pytest.mark.parametrize("question", [
    "IMO Lean dataset paper - of the 3 extra problems, how many come from IMO 2023 versus 2022?",
    "of the extra IMO problems in the Lean dataset, how many come from 2022 versus 2023?",  # no paper named
])
def test_a_count_asked_for_each_of_two_parts_the_abstract_names_only_together_is_refused(engine, question):
    answer = engine.ask(question)
    assert answer.refused and "only together" in answer.answer and answer.citations == []


def test_a_comparison_quoting_one_sides_figure_to_ask_the_others_is_refused_when_the_other_has_none(engine):
    answer = engine.ask("stp vs deepseek-prover's 5 of 148 - how many FIMO problems did STP get?")
    assert answer.refused and "STP abstract gives none" in answer.answer and answer.citations == []
    # A control: both give a miniF2F figure, so the quoted one leaves a comparison.
    answer = engine.ask("MA-LoT vs DeepSeek-Prover's 46.3% - what does MA-LoT get on miniF2F?")
    assert not answer.refused


def test_a_name_setting_the_scene_is_not_what_each_rows_figure_must_name(engine):
    # "Lean" says what kind of prover; the figure is asked on miniF2F-test, and STP's sentence with its miniF2F-test
    # figure does not say Lean.
    answer = engine.ask("lean provers on minif2f-test: deepseek-prover vs ma-lot vs stp - which scores highest?")
    assert not answer.refused and "61.7%" in answer.answer and "54.51%" in answer.answer


def test_a_yes_no_comparison_quoting_one_sides_figure_is_refused_when_the_other_has_none(engine):
    answer = engine.ask("does CodeTree resolve more SWE-bench issues than AutoCodeRover's 19%?")
    assert answer.refused and "CodeTree abstract gives none" in answer.answer and answer.citations == []
    # A control: a digit inside a name ("stablecode-3b", "GPT-3.5") is no figure quoted.
    answer = engine.ask("with funcoder, does stablecode-3b beat gpt-3.5 on humaneval?")
    assert not answer.refused and "18.6%" in answer.answer


def test_a_title_quoted_with_an_acronym_beside_named_papers_is_a_row_of_its_own(engine):
    # "LLMs" is how the asker shortens "Large Language Models" in the title: the paper is indexed, and a third row.
    answer = engine.ask("which datasets do AlphaCode, the Programming Puzzles paper and the 'Program Synthesis with "
                        "LLMs' paper use?")
    assert not answer.refused and answer.kind == "comparative"
    cited = {c.title for c in answer.citations}
    assert cited >= {"Program Synthesis with Large Language Models", "Programming Puzzles"}
    assert "Program Synthesis" not in answer.answer.split("\n")[0]  # the title is no part of the aspect


@pytest.mark.parametrize(("question", "refused"), [
    # Few words shared with any one sentence, one word of the asker's own, yet a whole abstract close in meaning.
    ("when you generate many candidate programs, how do people pick the one to actually submit?", False),
    # Controls, refused before and after: topics the index lacks.
    ("how do papers here use learned models for instruction scheduling in a compiler backend?", True),
    ("what do the papers say about recommender systems for music?", True),
])
def test_a_question_across_papers_close_in_meaning_to_an_abstract_is_answered(engine, question, refused):
    assert engine.ask(question).refused is refused


def test_sentences_naming_a_rare_name_asked_about_join_the_answer(engine):
    # No paper named, "HACL*" named: the result sentence naming it joins, though the paper's general sentences
    # about translating C to Rust score higher.
    answer = engine.ask("when they applied their C-to-safe-Rust translation to HACL*, what was the outcome?")
    assert not answer.refused and "80,000" in answer.answer


def test_named_things_asked_of_one_paper_that_names_none_are_refused(engine):
    answer = engine.ask("what benchmarks or environments did the realizability off-policy RL paper test on?")
    assert answer.refused and "names no benchmark" in answer.answer and answer.citations == []
    # A control: the paper asked about names its benchmarks.
    answer = engine.ask("which benchmarks does the FunCoder divide-and-conquer paper evaluate on?")
    assert not answer.refused and "HumanEval" in answer.answer
    # A control: a benchmark paper speaks of benchmarks, and is one itself.
    assert not engine.ask("What benchmarks did BigCodeBench use?").refused


def test_an_aggregation_asked_of_one_described_paper_is_about_that_paper_only(engine):
    # Before, each dataset any completion paper names was listed (CCEval, CodeXGLUE, SWE-bench ...).
    answer = engine.ask("what datasets did the code completion context paper use?")
    assert len({c.paper_id for c in answer.citations}) <= 1 and "CodeXGLUE" not in answer.answer
    # The paper described, and only it: cited, or named in the refusal.
    said = [c.title for c in answer.citations] or [answer.answer]
    assert all("Deep Learning-based Code Completion" in text for text in said)


def test_a_currency_is_no_name_a_figure_must_be_held_to(engine):
    answer = engine.ask("how much does AutoCodeRover cost per issue in USD on SWE-bench-lite?")
    assert not answer.refused and "0.43" in answer.answer


def test_a_name_asked_in_a_yes_no_ask_needs_no_figure_from_a_second_ask_for_a_count(engine):
    # "natural language" is in the yes/no ask; the count is asked in the second: no sentence must give a figure
    # "of natural language".
    answer = engine.ask("think-and-execute: is pseudocode better than natural language at guiding LM reasoning? and on "
                        "how many tasks was it tested?")
    assert not answer.refused and "pseudocode can better guide" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("what linter is LintSeq built on when it samples insertions?", "does not name which one"),  # "a linter"
    ("in the Lean IMO dataset paper, which model was the one that proved just 2 of the 20 IMO problems?",
     "does not name which one"),  # "The model with best accuracy"
    # What the asker knows, then the ask: the ask's setting (Isabelle) is what the figure must be for.
    ("STP generated 19.8 billion tokens while training in Lean; how many did it generate for Isabelle?",
     "no Isabelle figure"),
    ("safe Rust version of HACL*: what % overhead compared to the C original?", "no such figure"),  # "what %"
    ("What Elo rating does Alphacode get on Codeforces?", "Elo"),  # capitalised as at a sentence's start
    # A title quoted names the paper; its words ask nothing ("Without Verification"), the choice offered does.
    ("In 'Scaling Test-Time Compute Without Verification or RL is Suboptimal', were the 3/8/32B LLMs Gemma or "
     "Mistral?", "mentions neither"),
])
def test_a_component_setting_or_measure_the_named_abstract_leaves_unsaid_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # Each is answered, in the words the abstract has.
    # a control
    ("How does STP do on miniF2F-test, and how many tokens did it generate while training in Lean?", "61.7%"),
    ("What does Codetree use to search?", "CodeTree"),  # a control
    ("the KV prediction paper - what is TTFT short for?", "**time to first token**"),  # ", or TTFT"
    ("what ckpt is PRIME initialised from?", "Qwen2.5-Math-7B-Base"),  # shorthand, no unknown name
    ("in 'Scaling Test-Time Compute Without Verification or RL is Suboptimal', do VB methods scale better than "
     "VF ones?", "VB methods scale better asymptotically"),  # the title's "Without Verification" is no condition
    ("BigCodeBench vs GitChameleon: which has more problems/tasks, and how many each?", "1,140"),
])
def test_questions_worded_like_those_near_misses_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_another_size_of_the_named_model_is_no_second_paper(engine):
    # "the 7B one" is ExecRepoBench's own model at its other size, not a paper to look up: one paper is asked about,
    # and its abstract has no 32B model.
    answer = engine.ask("Qwen2.5-Coder-Instruct-C on ExecRepoBench: the 32B version vs the 7B one?")
    assert answer.refused and "32B" in answer.answer and answer.citations == []
    answer = engine.ask("How does the 150M LintSeq model compare with the bigger one?")
    assert answer.kind == "factoid" and {c.title for c in answer.citations} == {
        "Training Language Models on Synthetic Edit Sequences Improves Code Synthesis"}


def test_a_follow_up_sharing_a_rare_phrase_with_a_low_scoring_sentence_is_answered_from_it(engine):
    answer = engine.ask("did error feedback make much of a difference for it?",
                        history=["what does GitChameleon find about GPT-4o on version-specific code?"])
    assert not answer.refused and "43.7" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("the MARIO protocol's 'significant improvement' for its 7B model: by how many points on GSM8K?", "no GSM8K"),
    ("KV Prediction's TTFT on the M2 Pro, in milliseconds?", "no figure in milliseconds"),
    ("Percent overhead of the Rust HACL* against its C original?", "no such figure"),
    ("under which licence is MBPP distributed?", "states a license"),  # no paper named, none states one
])
def test_a_gain_a_unit_or_a_licence_no_abstract_gives_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "history", "said"), [
    # "mostly" is an adverb, not the "Mostly" of "Mostly Basic Programming Problems".
    ("From Copilot to Pilot: did Copilot mostly stick to language idioms and avoid code smells?", [], "idioms"),
    # Two benchmarks asked each in their own right, each said in a sentence of its own.
    ("how much more accurate does it get on TriviaQA and on HumanEval?",
     ["what is KV Prediction for Improved Time to First Token about?"], "up to 30%"),
    # Which models, judged on that ask alone: the description before it and the second ask score other sentences.
    ("the FIM context & curriculum paper: which models were fine-tuned, and what improved in the A/B test?", [],
     "StarCoder"),
    ("of the 20 IMO problems in miniF2F's test set, how many already had formal proofs per the Lean IMO paper?",
     [], "6 of these problems"),
])
def test_questions_a_cautious_reading_refused_are_answered(engine, question, history, said):
    assert_answered_saying(engine, question, said, tuple(history))


def test_a_list_line_quotes_a_second_sentence_about_the_topic_and_both_are_verified(engine):
    answer = engine.ask("which papers do formal theorem proving in Lean?")
    stp = next(line for line in answer.answer.splitlines() if line.startswith("- **STP"))
    # The match names Lean; what makes STP a theorem prover is said in another sentence, quoted beside it.
    assert "19.8 billion tokens" in stp and "formal theorem proving by LLMs" in stp
    assert answer.sentences and all(s.verified for s in answer.sentences)


def test_a_statement_about_one_paper_then_an_ask_of_another_is_a_question_about_the_other(engine):
    # What the asker knows of DeepSeek-Prover, then an ask of MA-LoT alone: MA-LoT's abstract gives no FIMO figure,
    # and DeepSeek-Prover's is no answer for it.
    answer = engine.ask("DeepSeek-Prover proves 5 of the 148 FIMO problems. how many does MA-LoT prove on FIMO?")
    assert answer.refused and "FIMO" in answer.answer and answer.citations == []
    # "there" points back at the benchmark the statement names; its figure is no figure the ask quotes.
    answer = engine.ask("STP reaches 61.7% on miniF2F-test. what does DeepSeek-Prover get there?")
    assert not answer.refused and "46.3%" in answer.answer
    assert [c.title for c in answer.citations] == [
        "DeepSeek-Prover: Advancing Theorem Proving in LLMs through Large-Scale Synthetic Data"]
    # A control: an ask pointing back at the first paper compares the two.
    assert engine.ask("DotaMath reaches 80.1% on GSM8K; does MARIO beat it?").kind == "comparative"


@pytest.mark.parametrize(("question", "said"), [
    # The count is the first ask's, beside an ask for models: OMPGPT says "notably smaller size", no count.
    ("OMPGPT: how many parameters does it have, and which OpenMP LLMs does it beat?", "no figure for parameters"),
    # "in the user study" is P3's own, not a second paper to look up; it gives no share for its participants.
    ("in the P3 paper, what share of puzzles did the participants get right in the user study, and how many took "
     "part?", "Programming Puzzles"),
    # "the SOTA LLMs": which ones it tested is not said (its link's "IMO-Steps" names no model).
    ("which SOTA LLMs does the Lean IMO dataset paper evaluate?", "does not name which one"),
    # The figure the asker sets aside is the abstract's only one on MathQA-Python.
    ("the MBPP paper's largest model: what did it score on MathQA-Python few-shot, i.e. not the fine-tuned 83.8?",
     "MathQA-Python"),
    # "the other two" of Code4Me's three code LMs, which it never names.
    ("in the Code4Me study InCoder won - which were the other two code LMs?", "does not say which"),
])
def test_counts_shares_models_and_set_aside_figures_the_named_abstract_leaves_unsaid_are_refused(engine, question,
                                                                                                 said):
    assert_refused_saying(engine, question, said)


def test_which_models_a_paper_evaluated_is_answered_by_a_sentence_naming_one_however_it_scores(engine):
    assert_answered_saying(engine, "which LLMs did UGMathBench evaluate?", "OpenAI-o1-mini")


def test_which_one_after_a_comparison_ranks_the_two_on_their_results_only(engine):
    answer = engine.ask("which one is higher on GSM8K?", history=["compare DotaMath and MARIO"])
    assert answer.kind == "comparative" and "86.7%" in answer.answer
    # MARIO's "a 7B-parameter LLM on the GSM8K and MATH datasets" is no result on GSM8K.
    assert "no GSM8K result" in answer.answer


def test_which_model_did_best_leads_with_the_sentence_ranking_one_first(engine):
    # "as leading open-source LLMs become saturated" ranks no model first.
    answer = engine.ask("which model did best on UGMathBench?")
    assert answer.answer.startswith("Our extensive evaluation of 23 leading LLMs")


def test_each_ask_of_a_comparison_gets_its_own_sentence_in_each_row(engine):
    answer = engine.ask("CodeFill vs PyCoder: how does each bring syntax into completion, and does either need token "
                        "types when predicting?")
    assert "consumes sequences of source code token names and their equivalent AST token types" in answer.answer


def test_a_figure_set_aside_leaves_the_others_of_its_sentence(engine):
    answer = engine.ask("besides the 61.7% on miniF2F-test, what does STP get on ProofNet-test?")
    assert not answer.refused and "**23.1%**" in answer.answer


def test_a_paper_named_only_as_what_another_is_like_is_no_side_of_a_comparison(engine):
    # "like BigCodeBench does" is the premise: the question is GitChameleon's alone.
    answer = engine.ask("does GitChameleon cover 139 libraries, like BigCodeBench does?")
    assert answer.kind == "factoid" and [c.title for c in answer.citations] == [
        "GitChameleon: Unmasking the Version-Switching Capabilities of Code Generation Models"]


def test_papers_like_a_named_one_are_those_doing_what_the_asker_means_less_that_paper(engine):
    answer = engine.ask("been reading the DotaMath paper, anything else like that? i mean other stuff where they "
                        "tune an LLM to do math by writing and running programs")
    titles = [c.title for c in answer.citations]
    assert answer.kind == "list" and titles and not any(t.startswith("DotaMath") for t in titles)
    assert any(t.startswith("MARIO") for t in titles)


def test_a_name_typed_in_lower_case_that_no_abstract_writes_refuses_the_list(engine):
    # "coq" is where a name goes and no abstract or English has it: no paper on theorem proving is a Coq paper.
    answer = engine.ask("i need every paper that does theorem proving in coq")
    assert answer.refused and "Coq" in answer.answer and not answer.citations
    # A word the English tables lack, typed elsewhere ("telemetry"), is no such name.
    answer = engine.ask("which code completion papers learn from telemetry of real developers?")
    assert not answer.refused


def test_whether_one_paper_is_like_another_compares_them(engine):
    # Sameness is what is asked: both papers are rows, not the second one's method as a premise.
    answer = engine.ask("Is B4's way of picking among sampled programs basically the same as FunCoder's consensus?")
    assert answer.kind == "comparative" and {c.title.split(":")[0] for c in answer.citations} == {
        "B4", "Divide-and-Conquer Meets Consensus"}


def test_a_clipped_word_heading_a_name_the_abstracts_write_stays_that_name(engine):
    # "repo-instruct" is ExecRepoBench's Repo-Instruct, not a "repository-instruct" no abstract has.
    answer = engine.ask("what model did they fine-tune on repo-instruct?", history=["what is ExecRepoBench?"])
    assert not answer.refused and "Qwen2.5-Coder-Instruct-C" in answer.answer


def test_the_first_one_after_a_list_is_the_first_paper_listed(engine):
    listed = engine.ask("what papers study ChatGPT's math ability?")
    first = listed.citations[0].title
    answer = engine.ask("what dataset did the first one introduce?",
                        history=["what papers study ChatGPT's math ability?"])
    assert not answer.refused and [c.title for c in answer.citations] == [first]
    assert first in answer.searched_query  # asked of it by name, not found by chance


@pytest.mark.parametrize(("question", "title", "said"), [
    # The asked paper's sentences are scored against the ask alone, not the statement about the other paper.
    ("GitChameleon's pass@10 for GPT-4o is 39.9%. What does BigCodeBench's best model score?",
     "BigCodeBench: Benchmarking Code Generation with Diverse Function Calls and Complex Instructions", "up to 60%"),
    # Premises joined by "and" are premises each.
    ("does MA-LoT use Lean 4, like DeepSeek-Prover and STP do?",
     "MA-LoT: Multi-Agent Lean-based Long Chain-of-Thought Reasoning enhances Formal Theorem Proving", "Lean4"),
])
def test_the_one_paper_asked_beside_a_known_one_is_answered_from_its_own_abstract(engine, question, title, said):
    answer = engine.ask(question)
    assert not answer.refused and said in answer.answer and [c.title for c in answer.citations] == [title]


def test_a_component_the_paper_names_as_its_own_answers_which_one_it_uses(engine):
    # "Our proposed verifier, the Outcome-supervision Value Model (OVM)": the paper's own verifier, named beside
    # the word; RLCoder's "enable the retriever to learn" names none.
    assert_answered_saying(engine, "which verifier does OVM use, a value model or a reward model?",
                           "Outcome-supervision Value Model")
    assert_refused_saying(engine, "which retriever does RLCoder use?", "does not name which one")


@pytest.mark.parametrize(("question", "said"), [
    # How sure a figure is: no abstract here says how many runs, what interval or whether it is significant.
    ("AutoCodeRover resolves 19% of SWE-bench-lite; over how many runs, and with what standard deviation?",
     "number of runs or seeds"),
    ("is FunCoder's +9.8% average gain statistically significant?", "measure of uncertainty or significance"),
    ("how many random seeds were the LintSeq finetuning results averaged over?", "number of runs or seeds"),
    # What the asker believes comes first; the ask names a split no abstract mentions.
    ("DeepSeek-Prover gets 46.3% on the miniF2F test set with 64 samples. And on the valid split?",
     "on the validation split"),
    # The one pass@1 in the abstract is of what PLANSEARCH outperforms.
    ("what pass@1 does PLANSEARCH itself reach on LiveCodeBench?", "only for what it outperforms"),
    # The names set out first, the request after: the sentence naming both gives no score for either.
    ("QwQ-32B-Preview is said to be on par with GPT-4o in ProcessBench. Could you list the two models' scores?",
     "gives no"),
    # A benchmark another paper made, asked of RLCoder: its abstract never names it.
    ("how well does RLCoder do on ExecRepoBench?", "does not mention ExecRepoBench"),
])
def test_how_sure_a_figure_is_and_figures_of_a_split_or_a_beaten_baseline_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_request_for_a_figure_the_abstract_gives_is_answered(engine):
    # A control: "could you list" asks for the figures, and CodeFill's own MRR comes first where it won.
    assert_answered_saying(engine, "could you list CodeFill's MRR for single token prediction?", "70.9%")
    assert_answered_saying(engine, "what pass@200 does PLANSEARCH reach on LiveCodeBench?", "77.0%")


@pytest.mark.parametrize(("question", "said"), [
    # The third ask is which model did best: judged on that ask alone ("InCoder outperformed the other models").
    ("for the Code4Me study: how many people used it, how many completions were valid, and which of the three "
     "models did best?", "InCoder"),
    # "GPT-4-assisted" is named after GPT-4, which the OVM abstract does name.
    ("unlike GPT-4-assisted data pipelines, does OVM-7B need GPT-4 at all?", "GPT-4"),
    # A share of what a beaten model has is the paper's own figure.
    ("PRIME: how much of Qwen2.5-Math-7B-Instruct's training data did Eurus-2-7B-PRIME need?", "10%"),
])
def test_controls_worded_like_near_misses_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # The models are said in the first ask; ENAMEL's abstract ranks none of its 30 LLMs first.
    ("for ENAMEL, how many LLMs did they test, and which one got the top eff@1?", "does not name which one"),
    # "vs human reviewers" compares with people, no paper; the abstract gives no figure for its reviewer.
    ("The AI Scientist's reviewer is said to be near-human. what accuracy does it reach vs human reviewers, "
     "precisely?", "gives no such figure"),
    # What the asker knows comes first; the ask is for Code2Inv, which FVEL names with no figure.
    ("FVELER-tuned Mistral-7B solves 75 -> 84 SV-COMP problems. What are the matching figures on Code2Inv?",
     "Code2Inv"),
])
def test_an_ask_after_what_the_asker_sets_out_is_held_to_its_own_names(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # A fact-checker's questions, each answered in the abstract.
    ("GitChameleon says GPT-4o hits 39.9% — pass@1 or pass@10?", "pass@10"),  # one of the offered cut-offs
    ("STP reports 61.7% on miniF2F-test: at what pass@k was that?", "pass@3200"),
    ("FVEL's Mistral-7B gains 12% on SV-COMP. what were the raw counts before and after?", "75 -> 84"),
    # A control: the second ask, after a question mark, gets its own sentence.
    ("does the VB vs VF test-time compute paper favour verification? what model sizes did they try?", "3/8/32B"),
])
def test_a_fact_checkers_questions_the_abstract_answers_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # An engineer's deployment questions the abstracts leave open.
    ("the layer-skipping GPT-2 completion paper: which confidence threshold triggers the early stop?",
     "threshold or temperature value"),
    ("CodeFill gets 63.7 ROUGE-L for n=4 tokens; and for n=6?", "at n=6"),
    ("FIM curriculum paper: the CPR improvement in the A/B test, percent please?", "gives no such figure"),
])
def test_settings_and_values_an_engineer_asks_that_the_abstract_leaves_open_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "lead"), [
    # The finding closest to what is asked beyond the paper's subject leads, not the one most about the subject.
    ("do neural code generation models really let developers complete ML programming tasks sooner?",
     "(Bad) Code generation models cannot significantly improve developers' completion time."),
    ("is off-policy evaluation with function approximation still possible when only realizability holds, without "
     "Bellman completeness?", "In essence, these error bounds establish that off-policy reinforcement learning remains "
                              "statistically viable even in absence of Bellman completeness"),
])
def test_a_yes_no_question_leads_with_the_finding_on_what_it_asks(engine, question, lead):
    answer = engine.ask(question)
    assert not answer.refused and answer.sentences[0].text.startswith(lead)


def test_a_plain_word_the_corpus_capitalises_only_inside_a_longer_name_stays_plain(engine):
    # "Game" is written only as "Game of 24" / "Game of Life": "a Minecraft game" is the DEPS paper's, no name.
    answer = engine.ask("which papers put agents on web pages or in a Minecraft game?")
    assert answer.kind == "list" and any("Describe, Explain, Plan and Select" in c.title for c in answer.citations)
    # A control: "game of 24" typed in lower case is still that name.
    assert_refused_saying(engine, "what success rate does OVM reach on game of 24?", "Game of 24")


def test_a_licence_asked_yes_or_no_of_a_model_no_close_abstract_licenses_is_refused(engine):
    assert_refused_saying(engine, "is ExecRepoBench's Qwen2.5-Coder-Instruct-C available under the MIT license?",
                          "license")


@pytest.mark.parametrize(("question", "said"), [
    ("what does the B4 in the plausible-tests code selection paper stand for?", "does not spell out B4"),
    # One side's figure only, and the gap is asked.
    ("does CodeFill outperform PyCoder on CodeXGLUE, and what's the margin?",
     "Only the PyCoder abstract gives a result"),
])
def test_a_name_never_spelled_out_and_a_gap_with_one_figure_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_an_acronym_of_a_letter_and_a_digit_is_spelled_out_from_the_abstract(engine):
    # "Python Programming Puzzles (P3)" is the abstract's first sentence, which the title must not swallow.
    answer = engine.ask("what does P3 stand for?")
    assert not answer.refused and "**Python Programming Puzzles**" in answer.answer.split("[1]")[0]


@pytest.mark.parametrize(("question", "said"), [
    # The acronym's spelling-out names the paper, and is no name its figure must be said with.
    ("In the Python Programming Puzzles paper, how many of the test problems does Codex solve with one try?", "18%"),
    # A subject set apart by a colon, then a yes/no check of a finding said as a multiple in words.
    ("The MBPP paper by Austin et al.: does human feedback in natural language cut the error rate in half?",
     "halves the error rate"),
    # A count the asker only guesses at, asking for the real one.
    ("someone told me Code4Me had roughly 1,000 users; how many users did it really have?", "1200 users"),
])
def test_a_journalists_checks_the_abstract_answers_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # The ask first, then what the asker knows of another paper: the ask is of the first alone.
    ("what did one ADAS search cost in dollars? I know The AI Scientist is about $15 per paper", "cost in money"),
    ("How many SWEBench issues does CodeTree resolve with GPT-4o, in percent? I'd put it beside AutoCodeRover's 19%.",
     "CodeTree abstract"),
    # Names beyond the one the abstract gives; a member of a set no abstract names.
    ("Code4Me: InCoder won; name the other models they evaluated.", "does not name which one"),
    ("is TensorFlow among the ML libraries the Good, Bad and Missing study evaluated?", "TensorFlow"),
    # A sized model named beside the paper is what its figure must be for (FunCoder's 3B figure is on HumanEval).
    ("FunCoder + StableCode-3b MBPP score?", "StableCode-3b"),
])
def test_a_students_and_a_managers_near_misses_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize("question", [
    "has anyone evaluated on miniF2F?",
    "which papers use minif2f (testing or training on it)",  # a control: a name in lower case with an aside
])
def test_a_list_of_one_benchmarks_users_in_chat_wording_is_complete(engine, question):
    answer = engine.ask(question)
    assert answer.kind == "list" and any(c.title.startswith("DeepSeek-Prover") for c in answer.citations)
    assert len({c.paper_id for c in answer.citations}) == 4


@pytest.mark.parametrize(("question", "said"), [
    # Figures put up to be confirmed that the abstract never writes.
    ("Codev-Bench covers 10 repositories and about 3,000 samples, right?", "gives no figure of 10"),
    # A size asked of a benchmark: "48% of these problems" counts none of them.
    ("how many problems are in the REFUTE dataset?", "gives no figure for problems"),
    # The count asked beside another ask holds no number in the abstract.
    ("what level of maths does GHOSTS aim to cover, and how many questions are in it?", "gives no figure"),
    # The release asked beside it is a detail the abstract must state (stop 41: it was the count's reason).
    ("which release of ChatGPT did GHOSTS benchmark, and how many questions are in it?", "version or snapshot date"),
])
def test_a_meta_analysts_cells_the_abstract_leaves_empty_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    ("CS-Bench has around 5K test samples in 26 subfields, correct?", "approximately 5K"),  # a control: both written
    ("the F* paper: how many top-level definitions are in its dataset?", "32K"),  # a control
    # "written by" of what the paper made, not of the paper: no question about its authors.
    ("are ENAMEL's reference solutions written by an expert?", "human expert"),
])
def test_checks_the_abstract_answers_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_list_of_a_thing_used_or_a_subject_is_their_union(engine):
    answer = engine.ask("papers that use evolutionary search, or are about AutoML?")
    assert answer.kind == "list" and len({c.paper_id for c in answer.citations}) >= 4
    assert any(c.title.startswith("AutoML-Agent") for c in answer.citations)
    assert any(c.title.startswith("CoEvo") for c in answer.citations)


def test_a_reading_list_asked_after_context_with_a_relative_that_is_a_list(engine):
    answer = engine.ask("I'm new to formal methods. Which papers have LLMs produce proofs that get verified in Lean "
                        "or Isabelle?")
    cited = {c.title.split(":")[0] for c in answer.citations}
    assert answer.kind == "list" and {"DeepSeek-Prover", "STP", "MA-LoT", "FVEL"} <= cited


def test_a_paper_named_by_what_it_compares_is_one_paper_with_its_sizes_read_off_a_shared_unit(engine):
    # "VB vs VF ... paper" is the test-time compute paper, no comparison; "3/8/32B" writes 8B and 32B.
    assert_answered_saying(engine, "the VB vs VF scaling paper – did it use 8B and 32B models?", "3/8/32B")


def test_a_figure_of_a_baseline_described_in_words_is_the_baselines_or_none(engine):
    # "our model proved 5 out of 148 FIMO problems" is DeepSeek-Prover's own, not the tree-search method's.
    assert_refused_saying(engine, "in DeepSeek-Prover the tree search RL method got 41.0% on miniF2F; how many FIMO "
                                  "problems did that tree search baseline solve?", "FIMO")
    assert_refused_saying(engine, "DeepSeek-Prover's expert-iteration baseline: what did it get on FIMO?", "FIMO")
    # A control: the sentence describing the baseline gives its figure, and that figure is the one emphasised.
    answer = engine.ask("DeepSeek-Prover: what did the tree search reinforcement learning baseline get on miniF2F?")
    assert not answer.refused and "**41.0%**" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # Two settings of one run compared, no papers; a unit asked that "$" writes.
    ("GitChameleon, GPT-4o pass@10: vanilla vs with error feedback?", "43.7"),  # a control
    ("The AI Scientist's cost per paper in usd?", "$15"),
])
def test_an_engineers_settings_and_units_the_abstract_states_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_the_efficacy_of_a_baseline_named_only_as_beaten_is_refused(engine):
    assert_refused_saying(engine, "AutoCodeRover beats SWE-agent on SWE-bench-lite; what efficacy did SWE-agent have?",
                          "only as compared")


def test_which_of_two_places_a_quoted_figure_came_from_is_refused_when_the_abstract_does_not_say(engine):
    assert_refused_saying(engine, "In the pillow/numpy optimisation case studies, did the factor of 38 come from "
                                  "numpy or from pillow?", "without saying whether")


def test_a_defined_metric_asked_of_the_model_set_out_before_needs_that_models_figure(engine):
    # "its" is o1-mini; the abstract gives o1-mini's EAcc, and Delta only as "large Delta values" across models.
    assert_refused_saying(engine, "UGMathBench: o1-mini reaches 56.3% EAcc. what's its Delta?", "gives no Delta figure")
    # A control: the EAcc asked of it is there.
    assert_answered_saying(engine, "UGMathBench: which model reaches the highest EAcc, and what is it?", "56.3")


def test_they_after_a_question_answered_from_one_paper_are_that_papers_authors(engine):
    history = ["is there a benchmark of undergraduate maths problems with randomised versions of each one?"]
    answer = engine.ask("which metrics did they propose, and what was the top score?", history=history)
    assert not answer.refused and {c.title.split(":")[0] for c in answer.citations} == {"UGMathBench"}
    assert "EAcc" in answer.answer


def test_the_model_a_paper_fine_tunes_is_named_by_the_sentence_saying_so(engine):
    # "we introduce a task ... by fine-tuning MonoCoder": MonoCoder is what it fine-tunes, not a name of the paper.
    assert_answered_saying(engine, "which model does MPIrigen fine-tune?", "fine-tuning MonoCoder")


@pytest.mark.parametrize(("question", "said"), [
    # Why the asker asks, after the ask, names another paper: the ask is of the first alone.
    ("what's DeepSeek-Prover's ProofNet-test accuracy? my slides compare it to STP", "ProofNet-test"),
    ("DeepSeek-Prover's miniF2F-test accuracy at pass@3200, so I can compare it with STP?", "pass@3200"),
])
def test_a_comparison_the_asker_means_to_make_later_is_no_comparison_now(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_count_in_total_whose_unit_is_a_splits_own_is_answered(engine):
    assert_answered_saying(engine, "ProcessBench: how many test cases does it have in total?", "3,400 test cases")


def test_the_second_paper_after_a_question_naming_three_is_the_second_it_named(engine):
    history = ["which papers make small HPC code models, such as Tokompiler, MPIrigen and OMPGPT?"]
    answer = engine.ask("the second paper: which base model did they fine-tune?", history=history)
    assert not answer.refused and [c.title.split(":")[0] for c in answer.citations] == ["MPIrigen"]


def test_which_one_of_a_list_does_something_narrows_the_list(engine):
    # A control (MonoCoder is no longer read as MPIrigen's name, so the narrowing itself must hold).
    answer = engine.ask("which one of them fine-tunes monocoder?", history=["papers on llms for HPC code?"])
    assert answer.kind == "list" and [c.title.split(":")[0] for c in answer.citations] == ["MPIrigen"]


def test_counts_per_part_of_a_benchmark_given_only_as_a_total_are_refused(engine):
    assert_refused_saying(engine, "ProcessBench - what's the per-source breakdown of its 3,400 test cases?",
                          "counts per part")


def test_what_a_quoted_figure_is_of_is_said_by_the_sentence_writing_it_or_not_at_all(engine):
    # "factor up to 38" of "all attempts" names no function; "our best GPT-4-based agent" names GPT-4.
    assert_refused_saying(engine, "pillow/numpy LLM optimisation: which code locus gave the factor of 38?",
                          "without saying what it is of")
    assert_answered_saying(engine, "WebArena: which model got the 10.59%?", "GPT-4-based agent")


def test_a_cut_off_offered_in_one_ask_is_no_qualifier_of_the_next(engine):
    # "pass@1 or pass@k" is asked of the 61.7%; the LeanWorkbook figure is asked as it is.
    assert_answered_saying(engine, "STP reports 61.7% on miniF2F-test: is that pass@1 or pass@k? and what does it "
                                   "reach on LeanWorkbook?", "26.3%")


@pytest.mark.parametrize(("question", "said"), [
    # A yes/no check of the asker's own figures against the paper: another paper wrote them.
    ("My draft says AutoNumerics-Zero is up to 38x faster on float32. Is 38x the speedup it reports?", "38"),
    ("my notes: MARIO's 7B model got 86.7% on GSM8K and 64.8% on MATH. are those MARIO's numbers?", "86.7%"),
])
def test_figures_put_up_for_a_check_must_be_the_papers_own(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    ("How many questions does CS-Bench have, and how many areas does it span?", "5K"),  # its "test samples"
    ("UGMathBench: what was the highest effective accuracy (EAcc) reached, and by which model?", "OpenAI-o1-mini"),
    ("DotaMath reports 64.8% on MATH; are those the numbers of its 7B model?", "DotaMath-deepseek-7B"),  # a control
])
def test_what_a_paper_states_asked_in_the_askers_words_is_answered(engine, question, said):
    answer = engine.ask(question)
    assert not answer.refused and said in answer.answer and answer.kind != "comparative"


def test_a_paper_described_first_in_a_list_and_by_a_name_with_a_symbol_is_a_row(engine):
    answer = engine.ask("In the F* one, DeepSeek-Prover and InfinityMATH, what base models got fine-tuned?")
    titles = _titles(answer)
    assert answer.kind == "comparative" and len(titles) == 3
    assert "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming" in titles
    answer = engine.ask("which models were fine-tuned in the F* proof synthesis paper, the FIM curriculum paper and "
                        "InfinityMATH?")
    assert "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming" in _titles(answer)
    assert "StarCoder and DeepSeek" in answer.answer  # the sentence saying what the FIM paper tuned


@pytest.mark.parametrize(("question", "said"), [
    # A paper's main result asked in words its result sentence does not share.
    ("what's the main result of CoCoNUT?", "none of the investigated models achieve an accuracy over 5%"),
    ("in the MBPP paper, did human feedback actually halve the model's error rate?", "halves the error rate"),
    ("Think-and-Execute: did pseudocode beat plain english?", "pseudocode"),  # abstracts say "natural language"
])
def test_what_a_paper_found_asked_plainly_is_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_figure_asked_for_a_setting_the_paper_names_but_gives_none_for_is_refused(engine):
    # STP evaluates with Lean and Isabelle; its miniF2F figure names neither.
    assert_refused_saying(engine, "What was STP's Isabelle miniF2F result?", "Isabelle")


def test_the_other_sides_figure_quoted_asks_this_ones_figure_or_none(engine):
    # AutoCodeRover's 19% is quoted to ask CodeTree's, which its abstract does not give.
    assert_refused_saying(engine, "is CodeTree's SWE-bench resolve rate above the 19% AutoCodeRover got?",
                          "CodeTree abstract gives none")


@pytest.mark.parametrize(("question", "said"), [
    ("what line-level EM and CodeXGLUE token-level accuracy does PyCoder report?", "43.37%"),  # "an exact match"
    ("the ChatGPT vs software engineers study: where did the developers' code come from?", "Leetcode"),
])
def test_what_a_paper_states_in_other_words_than_the_askers_is_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_paper_asked_by_its_models_name_beside_another_papers_figure_is_asked_alone(engine):
    # DeepSeek-Prover's 46.3% is what the asker has; DotaMath's model has no miniF2F figure.
    assert_refused_saying(engine, "dotamath-deepseek-7b on miniF2F? deepseek-prover has 46.3% there, I need DotaMath's",
                          "miniF2F")


def test_each_papers_figure_on_its_own_benchmark_is_a_row(engine):
    answer = engine.ask("CodeTree's CodeContests score vs PLANSEARCH's pass@200 on LiveCodeBench?")
    assert not answer.refused and answer.kind == "comparative"
    assert "43.0 on CodeContests" in answer.answer and "77.0%" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("what grid size did LifeGPT use for the Game of Life?", "gives no figure"),  # it gives no number at all
    # The paper's own benchmark named with the setting: MBPP's few-shot 59.6% is no MathQA-Python figure.
    ("MBPP paper: what's the few-shot number of the largest model on MathQA-Python?", "few-shot"),
    ("alphacode: at what sampling temp were the samples drawn?", "temperature"),  # "temp" written out
])
def test_a_number_the_named_abstract_never_gives_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_which_model_a_paper_fine_tuned_is_answered_beside_another_ask(engine):
    assert_answered_saying(engine, "MPIrigen: what model did they fine-tune, and what accuracy on argument prediction?",
                           "fine-tuning MonoCoder on HPCorpusMPI")


def test_a_figure_asked_of_a_paper_that_gives_none_at_all_is_refused(engine):
    assert_refused_saying(engine, "how well did TaskMatrix.AI do in its experiments?", "gives no figure")


@pytest.mark.parametrize(("question", "said"), [
    # A word of the paper's own title typed as a plain word is no benchmark its figure must name.
    ("the Lean IMO dataset paper: how many lemmas came out of decomposing the olympiad proofs?", "1,329"),
    ("OVM-7B use GPT-4 for its GSM8K result?", "does not utilize GPT-4"),  # "does" left out
])
def test_plainly_worded_questions_about_one_paper_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize("question", [
    # MRR on CodeFill's own data against accuracy on CodeXGLUE: no gap can be taken between them.
    "by how much does CodeFill beat PyCoder at token-level completion?",
    "CodeFill vs PyCoder on next-token prediction: what's the margin?",
])
def test_a_gap_between_papers_with_no_common_benchmark_or_measure_is_refused(engine, question):
    assert_refused_saying(engine, question, "no figures on a common benchmark or measure")


def test_a_gap_asked_in_words_about_approaches_is_no_gap_in_figures(engine):  # a control
    answer = engine.ask("whats the difference between how PLANSEARCH and CodeTree explore the solution space?")
    assert not answer.refused and answer.kind == "comparative"


@pytest.mark.parametrize(("question", "said", "refused"), [
    # Whether one paper compares with another is asked of that paper's abstract alone.
    ("did the MA-LoT authors compare against STP on miniF2F?", "does not mention STP", True),
    ("does MA-LoT compare with DeepSeek-Prover?", "DeepSeek-Prover-v1.5", False),  # its abstract names it
])
def test_whether_a_paper_compares_with_another_is_asked_of_its_abstract(engine, question, said, refused):
    answer = engine.ask(question)
    assert answer.refused is refused and said in answer.answer and answer.kind != "comparative"


@pytest.mark.parametrize(("question", "said"), [
    ("the describe-explain-plan-select agent: how many minecraft tasks can it do?", "70+"),  # the title's words
])
def test_a_paper_named_by_its_titles_words_hyphened_is_that_paper(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    ("what TTFT does KV Prediction reach on an iPhone?", "iPhone"),  # a device no abstract names
])
def test_a_named_device_no_abstract_has_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_how_big_a_papers_models_are_is_the_sentence_giving_their_sizes(engine):
    answer = engine.ask("and how big were the models they finetuned, did the tiny one beat codex",
                        history=["whats the paper with the synthetic edit sequences, lintseq?"])
    assert not answer.refused and "2.6B to 14B" in answer.answer


@pytest.mark.parametrize("question", [
    "miniF2F-test: deepseek-prover (64 samples) vs MA-LoT vs STP - which is highest?",  # a setting in brackets
    "deepseek prover vs malot vs stp, best minif2f number?",  # a five-letter name typed in lower case
])
def test_three_provers_named_as_typed_are_three_rows(engine, question):
    titles = _titles(engine.ask(question))
    assert len(titles) == 3 and any(t.startswith("MA-LoT") for t in titles)
    assert any(t.startswith("DeepSeek-Prover") for t in titles)


@pytest.mark.parametrize(("question", "said", "refused"), [
    # The first ask wants one paper's figure and the second sets it against another's: with no such figure in
    # its abstract there is nothing to set against.
    ("what pass@1 did PLANSEARCH get on HumanEval? is it above CodeTree's?", "no HumanEval figure", True),
    ("what did STP get on miniF2F-test? is that better than MA-LoT's?", "61.7%", False),  # a control: both give it
])
def test_a_figure_set_against_another_papers_needs_the_first_papers_figure(engine, question, said, refused):
    answer = engine.ask(question)
    assert answer.refused is refused and said in answer.answer
    if refused:
        assert "95.1" not in answer.answer.split("\n")[0]  # CodeTree's HumanEval figure is no answer


@pytest.mark.parametrize(("question", "said", "refused"), [
    # A title typed loosely as the question's label names its paper.
    ("process reinforcement w/ implicit rewards - what base model do they start from?", "Qwen2.5-Math-7B-Base",
     False),  # a control: found by its words before too
    ("Scaling test-time compute w/o verification — which model families are its base LLMs?", "Scaling Test-Time",
     True),
])
def test_a_title_typed_as_the_questions_label_names_its_paper(engine, question, said, refused):
    answer = engine.ask(question)
    assert answer.refused is refused and said in answer.answer and answer.kind != "list"


@pytest.mark.parametrize(("question", "said"), [
    ("what version of ChatGPT did the Comparing Software Developers with ChatGPT study use?", "version"),
    ("a reviewer says DotaMath-deepseek-7B reaches 80.1% on SVAMP - does the paper give an SVAMP number?", "SVAMP"),
    # The 2 of "e^2" is an exponent, no count of conjectures.
    ("how many new conjectures for e and tan(1) did ESMA turn up, ballpark?", "no figure"),
])
def test_a_version_a_benchmark_or_a_count_the_named_abstract_never_gives_is_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_two_papers_described_on_either_side_of_vs_are_two_rows(engine):
    answer = engine.ask("dynamic inference for code completion vs the pillow/numpy LLM optimization case studies: "
                        "which reports the larger speedup?")
    titles = _titles(answer)
    assert answer.kind == "comparative" and len(titles) == 2
    assert any("Dynamic Model Inference" in t for t in titles) and any("Python Libraries" in t for t in titles)


def test_more_test_items_counts_whatever_each_benchmark_counts(engine):
    answer = engine.ask("ProcessBench vs UGMathBench: which has more test items, and exactly how many each?")
    assert "3,400 test cases" in answer.answer and "5,062 problems" in answer.answer


@pytest.mark.parametrize(("question", "said", "refused"), [
    # Whether the paper's model beats another it names: only a sentence comparing them can say.
    ("is OVM better than GPT-4 on GSM8K?", "compares OVM with it nowhere", True),
    ("does DeepSeek-Prover beat GPT-4 on miniF2F?", "surpassing the baseline GPT-4", False),  # a control
    # A split typed onto the benchmark's name is asked too.
    ("deepseek prover, miniF2F-valid, 64 samples: what %?", "miniF2F-valid", True),
    # A bound typed as a sign is no figure the abstract must write.
    ("webarena best gpt-4 agent >12% end-to-end success?", "10.59%", False),
    # A model's name opening the sentence that ranks it.
    ("P3 programming puzzles: which solver did best?", "Codex performs best", False),
])
def test_what_the_named_abstract_says_of_a_rival_a_split_a_bound_or_the_best(engine, question, said, refused):
    assert_says(engine, question, refused, said)


@pytest.mark.parametrize(("question", "said"), [
    # Names joined by a slash are two names: the MBPP paper is named, and its MathQA-Python figure is fine-tuned.
    ("the MBPP/MathQA-Python paper: few-shot MathQA-Python accuracy of its largest model, no fine-tuning?",
     "with few-shot prompting"),
    ("Tokompiler's perplexity on C++/OpenMP code?", "neither C++ nor OpenMP"),  # "C++" is no "c" of the abstract
    ("BigCodeBench's best LLM scores up to 60% - which model is that?", "does not name which one"),
])
def test_names_joined_by_a_slash_and_a_model_asked_of_a_figure(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_count_checked_that_the_abstract_gives_otherwise_is_answered_with_its_count(engine):
    answer = engine.ask("a blog says ENAMEL tested 45 LLMs - right?")
    assert not answer.refused and "30 popular LLMs" in answer.answer.split("\n")[0]


@pytest.mark.parametrize(("question", "said"), [
    ("what inter-annotator agreement did Code4Me's qualitative analysis reach?", "agreement between annotators"),
    ("did the DotaMath authors check DotaMathQA for overlap with the GSM8K test set?", "test-set contamination"),
])
def test_evaluation_details_the_named_abstract_never_states_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_question_across_papers_quotes_the_papers_about_it_not_those_merely_near(engine):
    # The planning-step papers (DEPS, AutoML-Agent); CodeTree's tree search and OVM's planning verifier are close in
    # wording, not in what they improve.
    answer = engine.ask("reviewer here: how do the agent papers improve the planning step itself?")
    titles = [c.title for c in answer.citations]
    assert any(t.startswith("Describe, Explain, Plan") for t in titles)
    assert any(t.startswith("AutoML-Agent") for t in titles)
    assert not any(t.startswith("CodeTree") for t in titles)


@pytest.mark.parametrize(("question", "said"), [
    # Names hyphened together by "vs" are the names.
    ("the VB-vs-VF scaling paper: what does it find about verification?", "verification"),
    # Two asks, neither for a figure: each is scored on its own when the whole question shares few words.
    ("GHOSTS: who put it together, and what level of maths is it meant to cover?", "graduate-level mathematics"),
])
def test_a_hyphened_pair_of_names_and_two_asks_of_a_paper_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # An initialism for a joined name no abstract writes: "HE" is HumanEval, "LCB" LiveCodeBench.
    ("what does CodeTree get on HE and MBPP w/ GPT-4o?", "95.1"),
    # One spelled out earlier in the same question; "p@1" is pass@1.
    ("does pseudocode steer reasoning better than natural language, even for models tuned on NL? (Think-and-Execute)",
     "pseudocode can better guide the reasoning"),
    # A paper named by the words before its title's colon, or by them with "LMs" for "Language Models".
    ("in the Good Bad Missing study, did code models make developers finish ML tasks faster?", "completion time"),
    ("the 'LMs as compilers' paper - does pseudocode beat natural language as a guide?",
     "pseudocode can better guide"),
    # How the asker wants it answered is no choice between "True" and "false".
    ("True or false: WebArena's best GPT-4 agent gets about 10.59% end-to-end success.", "10.59%"),
    # "name the two ..." is how many to name, no figure to check.
    ("InfinityMATH's relative gains of 184.7% to 514.3% - correct? and name the two perturbed benchmarks.",
     "514.3%"),
])
def test_initialisms_loose_title_names_and_answer_formats_are_read_as_meant(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # A control: spelled out, the benchmark is still one the paper does not report.
    ("CodeTree's LCB pass@1 with GPT-4o?", "LiveCodeBench"),
    # A control: an initialism defined where it is typed is asked as typed.
    ("RLCoder: what's its gain in edit similarity (ES) on CrossCodeEval?", "ES"),
])
def test_initialisms_read_as_meant_are_still_refused_when_unstated(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # A field the index lacks, asked across papers: a name no abstract writes, or long words none uses.
    ("how are people getting LLMs to write SQL queries for databases?", "SQL"),
    ("which papers have LLMs write smart contracts for blockchains?", "contracts"),
])
def test_questions_across_papers_about_a_field_the_index_lacks_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


def test_a_list_with_the_askers_own_examples_in_brackets_is_still_answered(engine):
    # A control: "plugin" is the asker's example, and no abstract's word.
    answer = engine.ask("which code completion papers tested with real developers in the wild (deployed plugin)?")
    assert not answer.refused and answer.citations


@pytest.mark.parametrize(("question", "said"), [
    # A model's figure asked by a possessive ("gpt-4o's number") is a figure, which the abstract reporting it has.
    ("how hard is GitChameleon vs BigCodeBench? gpt-4o's number on one vs the best LLM's on the other", "39.9"),
    # A share asked beside a change asked of another name: the share is in a sentence of its own.
    ("in the dynamic inference paper on GPT-2 code completion, what share of tokens does the first layer alone get "
     "right? and the ROUGE-L cost?", "1.1%"),
])
def test_a_possessed_figure_and_a_share_beside_a_change_are_answered(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said", "refused"), [
    # A figure said to be the paper's, the premise of what is asked, is checked as one put up for confirmation.
    ("DeepSeek-Prover reports 54.51% on miniF2F-test - at 64 samples or cumulative?", "54.51%", True),
    ("the dynamic inference completion paper claims an 11.2% speedup; how many layers does it skip?", "1.7 layers",
     False),  # a control: its own figure, said in a sentence without GPT-2
])
def test_a_figure_premised_as_the_papers_must_be_its_own(engine, question, said, refused):
    assert_says(engine, question, refused, said)


def test_a_title_quoted_loosely_asks_nothing_about_its_own_words(engine):
    # "w/o verification" is the title's word, not a setting the figure must have been measured without.
    answer = engine.ask("'test-time compute w/o verification or RL is suboptimal': what sizes of base LLMs did they "
                        "run?")
    assert not answer.refused and "3/8/32B" in answer.answer


def test_a_cutoff_typed_in_chat_shorthand_is_checked_as_written_out(engine):
    # "HE p@1" is HumanEval pass@1 in what the answer checks: LintSeq gives HumanEval pass@50 only.
    assert_refused_saying(engine, "LintSeq's 150M model - what's its HE p@1?", "pass@1")


def test_a_title_quoted_loosely_alone_names_the_paper_asked_about(engine):
    # "LMs" for "Language Models", the words before the title's colon: Think-and-Execute's paper, not the abstract
    # whose words come closest ("tasks", "evaluated").
    answer = engine.ask("in the 'LMs as compilers' paper, how many tasks was it evaluated on?")
    assert not answer.refused and "seven algorithmic reasoning tasks" in answer.answer
    assert {c.title for c in answer.citations} == {
        "Language Models as Compilers: Simulating Pseudocode Execution Improves Algorithmic Reasoning in Language "
        "Models"}


@pytest.mark.parametrize(("question", "lost"), [
    # A name the papers are about, said while setting the scene, is no benchmark both need a result on.
    ("AutoML-Agent and the functional hashing paper both make AutoML more efficient. What's the key idea in each?",
     "no AutoML result"),
    ("B4 and FunCoder both pick a program out of many candidates, one with a Bayesian view and one by consensus. "
     "Which approach is more convincing against self-testing?", "result on Bayesian"),
])
def test_what_compared_papers_are_about_is_no_benchmark_to_rank_them_on(engine, question, lost):
    answer = engine.ask(question)
    assert not answer.refused and answer.kind == "comparative" and len(answer.table) == 2
    assert lost not in answer.answer


@pytest.mark.parametrize(("question", "quoted"), [
    # Each benchmark asked in its own right around a setting said once: both figures, no refusal.
    ("How much does KV Prediction improve accuracy on TriviaQA at fixed TTFT FLOPs budgets, and on HumanEval?",
     ["15%", "30% on HumanEval"]),
    # A figure checked on a model the sentence before it names.
    ("The dynamic inference paper says 54.4% of tokens come out right from GPT-2's first layer alone - correct?",
     ["54.4%"]),
])
def test_a_figure_said_in_the_setting_of_the_sentence_before_is_answered(engine, question, quoted):
    answer = engine.ask(question)
    assert not answer.refused and all(q in answer.answer for q in quoted)


@pytest.mark.parametrize(("question", "refused"), [
    # Against a model no indexed paper is: only the named paper's own abstract can say, and MPIrigen's names GPT-3.5.
    ("MPIrigen versus GPT-4 for predicting MPI functions: how wide is the gap?", True),
    ("MPIrigen versus GPT-3.5 for predicting MPI functions: how wide is the gap?", False),  # a control
    ("MPIrigen (MPI code) vs GPT-4 - accuracy of each?", True),  # the model's side ends at a dash
])
def test_a_paper_against_a_model_is_answered_by_its_own_abstract_alone(engine, question, refused):
    answer = engine.ask(question)
    assert answer.refused is refused
    assert [c.title for c in answer.citations] == ([] if refused else [
        "MPIrigen: MPI Code Generation through Domain-Specific Language Models"])


def test_the_papers_using_a_named_model_as_a_base_or_a_baseline_are_a_list(engine):
    answer = engine.ask("which papers really test GPT-4o, whether as the base model or as a baseline?")
    assert answer.kind == "list" and {c.title.split(":")[0] for c in answer.citations} == {
        "GitChameleon", "CodeTree", "ProcessBench"}


def test_a_product_named_with_its_maker_lists_the_papers_on_the_product(engine):
    # "GitHub Copilot": not every paper whose code or data is on GitHub.
    answer = engine.ask("which papers study GitHub Copilot or ChatGPT doing real programming work?")
    titles = [c.title for c in answer.citations]
    assert "From Copilot to Pilot: Towards AI Supported Software Development" in titles and len(titles) <= 6


@pytest.mark.parametrize(("question", "quoted"), [
    # Who made a paper, or what the asker recalls of it in brackets, is no name its abstract must write.
    ("What ranking did DeepMind's AlphaCode reach in Codeforces contests?", "54.3%"),
    ("Apple's KV Prediction: how much does accuracy improve on TriviaQA?", "15%"),
    ("AutoCodeRover (an APR agent) on SWE-bench-lite: what resolve rate?", "19%"),
])
def test_a_papers_maker_or_a_bracketed_aside_is_not_asked_about(engine, question, quoted):
    answer = engine.ask(question)
    assert not answer.refused and quoted in answer.answer


def test_an_aside_in_brackets_between_two_papers_keeps_them_both_rows(engine):
    # "PLANSEARCH" is the name the PLANSEARCH abstract gives its method; "(with GPT-4o)" says which run of CodeTree.
    answer = engine.ask("CodeTree (with GPT-4o) vs PLANSEARCH (on Claude) - what does each report?")
    assert answer.kind == "comparative" and not answer.refused and len(answer.table) == 2


def test_a_model_the_named_paper_runs_is_no_second_paper(engine):
    # StableCode-3b is Stable Code's model, but here FunCoder's run of it: its figure is in FunCoder's abstract.
    answer = engine.ask("FunCoder on small models: is it true StableCode-3b ends up ahead of GPT-3.5, and by how much?")
    assert not answer.refused and answer.kind != "comparative" and "18.6%" in answer.answer  # held before too


@pytest.mark.parametrize(("question", "said"), [
    # As speech-to-text writes a question: names split into words, numbers in words, "pass at one".
    ("so um what did deep seek prover get on mini f2f test", "46.3%"),
    ("what did the lint seq paper do to test its idea", "LintSeq"),
    ("okay so how did GPT four do as a baseline on mini f2f in deep seek prover", "GPT-4"),
])
def test_a_dictated_question_is_read_as_the_abstracts_write_its_names_and_numbers(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_figure_dictated_in_words_is_checked_like_one_in_digits(engine):
    # STP gives 61.7% on miniF2F-test: a wrong figure said in words is not confirmed.
    assert_says(engine, "is it true that STP gets seventy one point seven percent on mini f2f test", True, "71.7%")


def test_a_figure_in_the_sentence_after_the_one_naming_the_model_leads(engine):
    # "an empirical investigation on GPT-2. We found that 54.4% of tokens ...": the 2 of GPT-2 states nothing.
    answer = engine.ask("With GPT-2, what share of tokens come out right from the first layer alone in the dynamic "
                        "inference code completion paper?")
    assert not answer.refused and answer.sentences[0].text.startswith("We found that 54.4%")


@pytest.mark.parametrize(("question", "refused", "said"), [
    # An acronym the abstract's text splits ("%OP T") is still the abstract's.
    ("what improvement on %OPT did the RL code optimization framework get?", False, "5.6%"),
    # Codex's figure, in the sentence after the one naming both solvers, is not GPT-3's.
    ("P3 puzzles: the GPT-3 solver's solve rate with a single try?", True, "gives no GPT-3 figure"),  # held before
])
def test_a_figure_belongs_to_the_name_it_is_said_of(engine, question, refused, said):
    assert_says(engine, question, refused, said)


@pytest.mark.parametrize(("question", "refused", "said"), [
    # Which cut-off a figure is at is what is asked: the stated one answers, whichever the asker offered.
    ("STP reports 61.7% on miniF2F-test: is that pass@1, or some other k?", False, "pass@3200"),
    ("is LintSeq's match with GPT-4 on HumanEval at pass@50 rather than pass@1?", False, "pass@50"),
    ("MA-LoT's 54.51% on miniF2F - at what pass@k?", True, "pass@k"),  # no cut-off given; held before too
])
def test_the_cut_off_a_figure_is_at_asked_by_offering_some(engine, question, refused, said):
    assert_says(engine, question, refused, said)


@pytest.mark.parametrize(("question", "said"), [
    # Kinds of an answer set out in brackets are what is asked of the paper, not sides to compare it with.
    ("The Code4Me paper: what share of failures came from each cause (model limits vs. misuse vs. overwritten valid "
     "requests)?", "66.3%"),
    # "are doing": a list topic as a student types it.
    ("which papers are doing theorem proving with Lean?", "DeepSeek-Prover"),
    # A model's "headline number" is a figure the abstracts reporting one speak of, not the model's own paper.
    ("GitChameleon: what's GPT-4o's headline number, with and without error feedback?", "39.9"),
    # Words of the paper's title, typed in lower case, say which paper it is, not what the figure is of.
    ("in the refute paper can language models falsify, what share of wrong answers could o3-mini high break with a "
     "counterexample", "<9%"),
])
def test_what_says_which_paper_or_which_kinds_is_not_what_must_be_stated(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # A change said in words answers "how much did it cut"; "factor up to 38" is a factor.
    ("in the MBPP paper, how much did feedback from a human cut the model's errors?", "halves"),
    ("the pillow and numpy optimisation case study: what speedup factor did they reach at most?", "38"),
    # A metric asked in the words the abstract defines it with is the metric it names ("EAcc").
    ("UGMathBench: what is the best effective accuracy, and which model reached it?", "56.3"),
    # The gain over what the question itself compares with is the paper's figure.
    ("PRIME: how large is the average improvement over SFT, starting from Qwen2.5-Math-7B-Base?", "15.1%"),
    # A dataset a described paper works on is no paper's name ("the RL on PIE paper").
    ("the RL on PIE paper: which language model did it fine-tune?", "CodeT5"),
    # Nor a model a paper's own study was made on ("their GPT-2 study").
    ("in the dynamic inference paper's gpt-2 study, how many tokens could the first layer alone already get right?",
     "54.4%"),
])
def test_figures_asked_in_the_askers_words_are_found(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_described_one_in_a_later_sentence_is_no_side_of_an_earlier_or(engine):
    # "the big-budget one" is the figure the asker has, not a paper joined by the "or" of the sentence before.
    assert_says(engine, "STP | miniF2F-test | a pass@1 or pass@10 figure? I only have the big-budget one", True,
                "gives no pass@1")


def test_a_device_answers_which_hardware_beside_another_ask(engine):
    answer = engine.ask("KV Prediction: what TTFT FLOPs accuracy gain on HumanEval, and on which hardware were they "
                        "timed?")
    assert not answer.refused and "30%" in answer.answer and "Apple M2 Pro CPU" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # A verb with its particle is no name typed in lower case ("churn out").
    ("roughly what does The AI Scientist spend to churn out each paper?", "$15"),
    # "have anything to do with": what the papers do, not the topic's first words.
    ("which papers have anything to do with SWE-bench?", "AutoCodeRover"),
    # The ask naming "python" counts problems; the other ask measures: a count answers the first.
    ("how many python problems are in GitChameleon, and what pass@10 does GPT-4o reach?", "116 Python"),
])
def test_round_three_wordings_are_read_as_asked(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "refused", "said"), [
    # What it matches or beats is what is asked: the models it outperforms answer.
    ("LintSeq's 150M model: which code models does it match or beat?", False, "AlphaCode"),
    # "Is that the abstract's MBPP figure?" puts the figure before it up to be checked on MBPP (97.7% is HumanEval's).
    ("A reviewer wrote that FunCoder lets StableCode-3b reach 97.7% on MBPP. Is that the abstract's MBPP figure?",
     True, "97.7% on MBPP"),
    # A model named inside the abstract's longer name ("OpenAI-o1-mini") is named; held before too.
    ("UGMathBench: someone wrote the top EAcc over 23 LLMs is 56.3%, by o1-mini. Accurate?", False, "56.3"),
])
def test_claims_put_up_to_be_checked(engine, question, refused, said):
    assert_says(engine, question, refused, said)


def test_a_title_typed_as_plain_words_is_no_setting_asked(engine):
    # "without verification" is the title's, not a run without verification the abstract would have to report.
    answer = engine.ask("the scaling test time compute without verification paper: is distilling search traces as "
                        "good as verifier based RL?")
    assert not answer.refused and answer.citations[0].title.startswith("Scaling Test-Time Compute")


@pytest.mark.parametrize(("question", "paper"), [
    # "the X one" after a list: the listed (or named) paper whose abstract writes X, not every paper "they" listed.
    ("the tokompiler one - which two models got pre-trained, and on which language's code?", "Scope is all you need"),
    ("and the OpenMP paper: what's its chain prompting trick called?", "OMPGPT"),
    ("for the MPI one, which corpus did they fine-tune on?", "MPIrigen"),
])
def test_a_follow_up_picks_one_listed_paper_by_what_it_is(engine, question, paper):
    answer = engine.ask(question, history=["LLMs for HPC code: which papers? MPIrigen, OMPGPT, the Tokompiler one?"])
    assert not answer.refused and {c.title.split(":")[0] for c in answer.citations} == {paper}


@pytest.mark.parametrize(("question", "said"), [
    # A title quoted cut short, or up to its own question mark, names the paper: its words are not what is asked.
    ("('Towards Neural Synthesis for SMT-Assisted...') - how many top-level definitions are in the dataset?", "32K"),
    ('"Can Language Models Falsify?" / REFUTE: for what share of wrong solutions does o3-mini (high) find a '
     "counterexample?", "<9%"),
    # A slip in what is counted is still what is counted.
    ("AutoML-Agent: how many datsets were its experiments run on?", "fourteen"),
    # "In the X paper (...), ..." scopes the rest: StableCode-3b is the model FunCoder ran.
    ("In the FunCoder paper, StableCode-3b beats GPT-3.5 on HumanEval - by how much?", "18.6%"),
])
def test_round_four_wordings_are_read_as_asked(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_topic_word_no_abstract_has_written_twice_is_refused(engine):
    answer = engine.ask("what has been tried for LLM-driven quantum circuit design or quantum program synthesis?")
    assert answer.refused and "“quantum”" in answer.answer and answer.citations == []


def test_lower_case_names_in_a_comma_run_are_each_a_side(engine):
    answer = engine.ask("dotamath, mario, infinitymath: how big is each one's training data?")
    assert {c.title.split(":")[0] for c in answer.citations} == {"DotaMath", "MARIO", "InfinityMATH"}


def test_a_title_quoted_in_brackets_is_a_side_with_its_own_ask(engine):
    # Each side's ask given after it ("for the former"): the other's abstract lacking ROUGE-L refuses nothing.
    answer = engine.ask("the dynamic inference one ('size up the situation') versus KV Prediction - what speedup "
                        "and ROUGE-L change for the former, what HumanEval gain for the latter?")
    assert not answer.refused and len({c.title for c in answer.citations}) == 2


@pytest.mark.parametrize(("question", "said"), [
    # Whether the abstract names a model: a name no abstract writes is the answer, no other name for it.
    ("Code4Me evaluation: a summary says they also tried CodeGPT. is CodeGPT named in the abstract?", "CodeGPT"),
    # A figure put up to be found in the abstract ("is that figure in ...") that it does not write.
    ("someone credits FunCoder with 95.1 pass@1 on HumanEval using GPT-4; is that figure in its abstract?", "95.1"),
    # "GSM8K+" is no "GSM8K".
    ("does the DotaMath abstract say anything about MATH+ or GSM8K+?", "GSM8K+"),
    # "DeepSeek Coder" is no typo of B-Coder: the AI Scientist abstract names none of the three.
    ("The AI Scientist - which backbone LLMs (GPT-4o? DeepSeek Coder? Claude?) did it use?", "not mention"),
])
def test_fact_checks_of_what_an_abstract_writes_are_refused(engine, question, said):
    assert_refused_saying(engine, question, said)


@pytest.mark.parametrize(("question", "said"), [
    # What the asker restates before the ask ("Gemini ... 47%") is not what the ask is of.
    ("CoCoNUT: the best model, Gemini, fully traces 47% of HumanEval. for recursion and parallel code, does any "
     "model get past 5%?", "over 5%"),
    # A label set off by a dash scopes the rest: StableCode-3b is the model FunCoder ran.
    ("FunCoder — +9.8% over the state of the art on MBPP and MATH. by how much does StableCode-3b beat GPT-3.5?",
     "18.6%"),
])
def test_restated_figures_and_dashed_labels(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "history", "said"), [
    # A quoted title with a word's "s" names its paper, and its words say which paper, not what is asked.
    ("for the 'falls out of a tree' paper: what did they add to the HumanEval traces?", (), "HumanEval task traces"),
    # Why the asker asks ("want to set KPIs ...") names nothing that is asked.
    ("which metric does CodeFill report for single-token prediction? want to set our own KPIs", (), "MRR"),
    # "buggy" is the abstracts' "bug" made an adjective, no name.
    ("how does AutoCodeRover find the buggy spot in the code?", (), "fault localization"),
    # The follow-up names its paper: "that" before "metric" points at no earlier turn.
    ("which LLM came out on top in UGMathBench, and what does that Delta metric capture?",
     ("UGMathBench and CS-Bench: how big is each?",), "Delta"),
])
def test_round_five_wordings_are_read_as_asked(engine, question, history, said):
    assert_answered_saying(engine, question, said, history)


@pytest.mark.parametrize(("question", "said"), [
    # The asker's guess after the question ("I think it was GPT-4") is not what is asked.
    ("CoCoNUT: which model traced the most HumanEval tasks fully? I think it was GPT-4 but not sure", "Gemini"),
    # A count typed without its verb, its subject after the unit.
    ("does the DeepSeek-Prover abstract say anything about FIMO, like how many problems it solved?", "148"),
])
def test_round_six_wordings_are_read_as_asked(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_what_an_abstract_gives_beside_a_restated_figure_is_checked_with_it(engine):
    answer = engine.ask("WebArena: the top GPT-4 agent gets 10.59% end to end. does the abstract give a human "
                        "success rate next to it?")
    assert answer.refused and "human" in answer.answer


@pytest.mark.parametrize(("question", "history", "said"), [
    # After "which study ...?" naming the models it tested, "they" are the paper that answered, not InstructGPT.
    ("what did they call the dataset they put out?",
     ("Which study had InstructGPT, ChatGPT and GPT-4 help people prove undergraduate maths?",), "MathConverse"),
    # A title quoted inside the carried-along turn, its acronym spelled out by the title ("LMs").
    ("and the best model there cracked what share of the wrong solutions?",
     ("what did the 'can LMs falsify' paper build?",), "9%"),
    # A name typed in lower case is put into the follow-up as the abstracts write it.
    ("and also how did it rank on codeforces?", ("quick one - what's the alphacode paper about?",), "54.3%"),
    # "even" before the subject extends the paper to no setting; the ask is after the preposition.
    ("REFUTE: even with execution feedback, the strongest model manages counterexamples for what share of the bad "
     "solutions?", (), "9%"),
    # "15%ish" is about 15%; "how much better than the SFT model" asks the gain over it.
    ("PRIME: how much better than the SFT model did it get on average? 15%ish iirc", (), "15.1%"),
    ("LintSeq: the models they finetuned went from 2.6bn up to 14B, right?", (), "2.6B to 14B"),
    # A kind named after what the abstract names ("Ramanujan-like") is stated by it.
    ("the Ramanujan-like constants paper (ESMA): which constants got new formulas?", (), "tan(1)"),
])
def test_round_seven_wordings_are_read_as_asked(engine, question, history, said):
    assert_answered_saying(engine, question, said, history)


def test_accuracies_asked_of_a_paper_giving_only_its_model_size_are_refused(engine):
    # MARIO's abstract says its 7B model improved on GSM8K and MATH, with no accuracy: "7B" is no accuracy.
    answer = engine.ask("for MARIO's 7B model, what were the GSM8K and MATH accuracies exactly?")
    assert answer.refused and "GSM8K" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # A model name typed half split ("dotamath-deepseek 7b") is the name the abstract writes, not a 7B figure.
    ("dotamath-deepseek 7b scores 86.7% on GSM8K, yes? what about MATH?", "64.8%"),
    # The asker's own ratio of two restated figures ("so about 2x") is checked by quoting them, not looked for.
    ("STP: 26.3% on LeanWorkbook against 13.2% before, so about 2x, right?", "doubling"),
])
def test_chat_restatements_are_checked_as_the_abstract_writes_them(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_it_after_which_paper_did_a_thing_on_a_model_is_that_paper_not_the_model(engine):
    answer = engine.ask("how much faster did it get, and at what rouge-l cost? ~11% for ~1%, right?",
                        history=["which paper was the layer-skipping one for code completion with gpt-2?"])
    assert not answer.refused and "1.1%" in answer.answer
    assert "gpt-2 get" not in answer.searched_query.lower()  # "it" is the paper, not GPT-2


def test_a_question_naming_one_paper_is_never_answered_from_another(engine):
    # CoCoNUT's sentences score low against this wording; STP's "26.3%" scored best of all abstracts, and had been
    # quoted as the answer about CoCoNUT.
    answer = engine.ask("how many LLMs did CoCoNUT test, and what's the best accuracy on the advanced subsets?")
    cited = {c.title for c in answer.citations}
    assert cited <= {"CoCoNUT: Structural Code Understanding does not fall out of a tree"}
    assert "26.3%" not in answer.answer


def test_a_loose_figure_put_up_to_confirm_on_a_benchmark_the_abstract_gives_none_for_is_refused(engine):
    # CodeTree's abstract gives SWEBench no figure ("significant performance gains"); its 95.1 is on HumanEval.
    answer = engine.ask("CodeTree w/ GPT-4o fixes something like 19% of SWEBench issues - can you confirm the number?")
    assert answer.refused and "19%" in answer.answer


@pytest.mark.parametrize(("question", "history", "said"), [
    # "reach the level of" a person asks a finding, said in words; "how many problems and which language" counts
    # problems, not "and".
    ("per the ChatGPT maths paper, can ChatGPT reach the level of an average maths grad student?", (),
     "graduate student"),
    ("how many problems and which programming language does GitChameleon have?", (), "116"),
    # Set against GPT-4, which proved none: the paper's own FIMO figure is what is asked.
    ("how did DeepSeek-Prover do on FIMO, against GPT-4?", (), "5 out of 148"),
    # "which paper in here introduced MBPP?" asks its maker: "it" is that paper, not the four using MBPP.
    ("how many problems does it have?", ("which paper in here introduced MBPP?",), "974"),
    # "the second one" is one paper, and so are "they" after it.
    ("and the second one: which base model did they start from?",
     ("OVM vs PRIME vs ProcessBench: what does each say about process rewards?",), "Qwen2.5-Math-7B-Base"),
])
def test_round_eight_wordings_are_read_as_asked(engine, question, history, said):
    assert_answered_saying(engine, question, said, history)


@pytest.mark.parametrize(("question", "history", "cited"), [
    # A size asked beside what each benchmark tests is no figure on HumanEval, which only describes them.
    ("GitChameleon and BigCodeBench: how large is each, and what do they test that HumanEval does not?", (),
     {"GitChameleon", "BigCodeBench"}),
    # A title with "(the MBPP one)" after it is still that paper.
    ("Program Synthesis with Large Language Models (the MBPP one) and Programming Puzzles: what kind of problems does "
     "each use?", (), {"Program Synthesis with Large Language Models", "Programming Puzzles"}),
    # "those three" are the three compared, not two of them and PRIME's "SFT".
    ("which of the three released model checkpoints?",
     ("math SFT sets: DotaMath, MARIO and InfinityMATH - how was each one made?",),
     {"DotaMath", "MARIO", "InfinityMATH"}),
    # A side described in a title's words, beside a named paper, is that paper.
    ("dynamic layer-skipping for code completion vs KV Prediction: which saves more latency?", (),
     {"KV Prediction", "When Neural Code Completion Models Size up the Situation"}),
    # Parts of one whole set against each other are no second paper.
    ("for Code4Me, what fraction of failures came from the model vs from how developers used it?", (),
     {"Language Models for Code Completion"}),
    # "or build on it" is another use of miniF2F: every paper naming it.
    ("which papers evaluate on miniF2F or build on it?", (),
     {"A Lean Dataset", "DeepSeek-Prover", "MA-LoT", "STP"}),
])
def test_round_eight_rows_and_lists_cite_the_papers_meant(engine, question, history, cited):
    answer = engine.ask(question, history=list(history))
    titles = {c.title for c in answer.citations}
    assert not answer.refused
    assert all(any(t.startswith(p) for t in titles) for p in cited)
    assert all(any(t.startswith(p) for p in cited) for t in titles)


@pytest.mark.parametrize(("question", "named", "not_said"), [
    # FIMO is DeepSeek-Prover's benchmark ("on FIMO: ..." is no "FIMO model"): STP's abstract gives nothing on it.
    ("STP on FIMO: problems proved out of 148?", "FIMO", "5 out of 148"),
    # FVEL's before -> after counts are on SV-COMP, not Code2Inv.
    ("FVEL: Mistral-7B problems solved before -> after fine-tuning, on Code2Inv?", "FVEL", "75 -> 84"),
])
def test_round_eight_near_misses_are_refused(engine, question, named, not_said):
    answer = engine.ask(question)
    assert answer.refused and named in answer.answer and not answer.citations
    assert not_said not in answer.answer.split("What other papers say")[0]


@pytest.mark.parametrize(("question", "said"), [
    # What is set aside ("beyond the HumanEval part") is not what a figure must be on.
    ("for CoCoNUT, beyond the HumanEval part, how do models do on the recursion / OOP subsets?", "5%"),
    # The benchmarks a paper made say which paper ("the MBPP/MathQA-Python paper"); they are not asked about.
    ("in the MBPP/MathQA-Python paper, does human feedback in plain language cut the error rate in half?",
     "halves the error rate"),
    # People compared with, in other words than the abstract's ("contestants": "participants").
    ("how did AlphaCode rank against the human contestants on Codeforces?", "54.3%"),
    # The top of a range of sizes is the "largest models" the abstract gives a figure for; a range restated is no
    # size asked.
    ("how did the 137B model do on MBPP few-shot in the MBPP paper?", "59.6"),
    ("LintSeq tunes 2.6B to 14B models on edit sequences: what's the pass@50 gain over baseline finetuning?", "20%"),
    # "what came out of that?" asks of the part before it as a whole.
    ("the C-to-safe-Rust paper ran its translation on HACL*: what came out of that?", "80,000"),
])
def test_round_nine_wordings_are_read_as_asked(engine, question, said):
    assert_answered_saying(engine, question, said)


@pytest.mark.parametrize(("question", "named"), [
    # 244M is only the bottom of "between 244M and 137B parameters": no figure of that model's is given.
    ("Austin et al.'s program synthesis paper: what did the 244M model score on MBPP few-shot?", "244M"),
])
def test_round_nine_near_misses_are_refused(engine, question, named):
    answer = engine.ask(question)
    assert answer.refused and named in answer.answer and not answer.citations


def test_a_follow_up_refused_with_its_paper_put_in_is_asked_again_with_the_earlier_turn(engine):
    # "(Code4Me)" alone leaves too few of its words the abstract's; the earlier turn carried along says what the
    # categories are of. A follow-up about a name no abstract has is still refused (its refusal has a reason).
    history = ["Code4Me: what share of the failed completions were the model's own fault?"]
    answer = engine.ask("and the remaining two categories, with their percentages?", history=history)
    assert not answer.refused and "24.4%" in answer.answer and "following" in answer.searched_query
    answer = engine.ask("and its score on MMLU?", history=history)
    assert answer.refused and "MMLU" in answer.answer


def test_a_count_said_to_be_a_papers_that_another_paper_gives_is_refused(engine):
    # 5,062 problems are UGMathBench's; ProcessBench has 3,400 test cases.
    answer = engine.ask("of ProcessBench's 5,062 problems, what share are olympiad-level?")
    assert answer.refused and "5,062" in answer.answer and not answer.citations


def test_a_verb_after_a_model_is_no_paper_written_as_that_word(engine):
    # "could Claude refute" is Claude's verb, not the REFUTE paper named twice: the question is of Claude, which the
    # REFUTE abstract never mentions, so o3-mini's figure is no answer.
    answer = engine.ask("on the REFUTE benchmark, what share of the wrong solutions could Claude refute?")
    assert answer.refused and "Claude" in answer.answer and "<9%" not in answer.answer


@pytest.mark.parametrize("question", ["Which works bring reinforcement learning to bear on coding problems?",
                                      "which papers use reinforcement learning for code tasks?"])
def test_a_list_of_a_method_applied_to_something_needs_both_written_not_only_the_method(engine, question):
    # PRIME's "RL ... for competitional math and coding" scores under the RL-theory abstract, which never writes code.
    titles = {c.title for c in engine.ask(question).citations}
    assert "Process Reinforcement through Implicit Rewards" in titles
    assert "When is Realizability Sufficient for Off-Policy Reinforcement Learning?" not in titles
    assert "B-Coder: Value-Based Deep Reinforcement Learning for Program Synthesis" in titles


@pytest.mark.parametrize(("question", "refused", "said"), [
    # Brackets after the paper's name say which paper it is: Apple made it, the asked figure is on HumanEval.
    ("KV Prediction (apple's first-token latency work) - how much better on HumanEval at equal FLOPs?", False, "30%"),
    # Brackets that open with "on" say where the figure was got: AutoCodeRover has none on HumanEval.
    ("AutoCodeRover (on HumanEval) - what pass rate does it get?", True, "does not mention HumanEval"),
])
def test_words_in_brackets_after_a_papers_name_say_which_paper_unless_they_say_where(engine, question, refused, said):
    answer = engine.ask(question)
    assert answer.refused is refused and said in answer.answer


def test_a_brand_new_benchmark_is_a_new_one(engine):
    # "brand" is in no abstract: read as a word of the topic, nothing matched and the closest papers were listed.
    answer = engine.ask("which papers made a brand-new benchmark for code completion?")
    assert re.match(r"\d+ papers in the index match “made a new benchmark for code completion”", answer.answer)
    titles = {c.title for c in answer.citations}
    assert "Codev-Bench: How Do LLMs Understand Developer-Centric Code Completion?" in titles


def test_a_model_size_the_question_names_finds_the_sentence_giving_it(engine):
    # The sentence on the 150M model shares little else with the question; below the bar it had been refused.
    answer = engine.ask("the 150M model in the lintseq paper, what do they say it rivals?")
    assert not answer.refused and answer.answer.startswith("Our 150M parameter edit sequence LM matches")


def test_which_of_a_list_release_code_keeps_the_papers_whose_abstract_gives_it(engine):
    # Only RLCoder's abstract links its code; every abstract on RL for code is close in meaning to "code".
    history = ["which papers apply reinforcement learning to code tasks?"]
    answer = engine.ask("alright, which of those also link to their code?", history=history)
    assert [c.title for c in answer.citations] == [
        "RLCoder: Reinforcement Learning for Repository-Level Code Completion"]
    assert "github.com" in answer.answer


def test_a_name_only_in_an_aside_in_brackets_does_not_make_a_list_of_every_paper_naming_it(engine):
    answer = engine.ask("which papers get the model to call a code interpreter (really executing python) on math "
                        "word problems?")
    titles = {c.title for c in answer.citations}
    assert "MARIO: MAth Reasoning with code Interpreter Output -- A Reproducible Pipeline" in titles
    assert "Programming Puzzles" not in titles  # names Python, and nothing of math


def test_papers_evaluating_a_named_model_include_those_saying_so_in_words_the_topic_does_not_use(engine):
    # CheckMate "conducts a study ... to evaluate three language models (InstructGPT, ChatGPT, and GPT-4)": its
    # sentence scores under the best, yet says the evaluation in words.
    titles = {c.title for c in engine.ask("which studies put ChatGPT itself under evaluation?").citations}
    assert "Evaluating Language Models for Mathematics through Interactions" in titles
    assert "TaskMatrix.AI: Completing Tasks by Connecting Foundation Models with Millions of APIs" not in titles


def test_a_follow_up_naming_a_kind_of_feedback_by_its_initials_finds_it_spelled_out(engine):
    # "human NL feedback" is the abstract's "natural language feedback from a human", as MA-LoT's abstract defines
    # NL; the "(MBPP)" the condensed question gets from the turn before names the paper, not a figure to name.
    for history, question in [
        (["what's the best few-shot MBPP score in the program synthesis paper that introduced MBPP?"],
         "and how much did human NL feedback help there"),
        (["what's the best few-shot mbpp number in the original program synthesis w/ LLMs paper (the one that "
          "introduced MBPP)"], "and how much did human NL feedback help in that paper"),
    ]:
        answer = engine.ask(question, history=history)
        assert not answer.refused, question
        assert "natural language feedback from a human halves the error rate" in answer.answer


@pytest.mark.parametrize(("question", "cited"), [
    # What the asker says after the ask (papers known already, what the list is for) is no part of the topic.
    ("which papers in our set write proofs in Lean? i count deepseek-prover and maybe 2 others. making a reading list",
     {"A Lean Dataset", "DeepSeek-Prover", "MA-LoT", "STP"}),
    # An example in brackets no abstract writes ("plugin") leaves the others and the topic: not refused.
    ("which code completion papers tested their tools with real developers in the wild (deployed plugin, online eval, "
     "A/B test)?",
     {"Language Models for Code Completion"}),
])
def test_a_list_asked_with_the_askers_own_asides_lists_the_papers_on_the_topic(engine, question, cited):
    answer = engine.ask(question)
    titles = {c.title for c in answer.citations}
    assert not answer.refused
    assert all(any(t.startswith(p) for t in titles) for p in cited)


@pytest.mark.parametrize(("question", "cited", "not_cited"), [
    ("of DeepSeek-Prover, MA-LoT, STP and FVEL, which ones report a miniF2F-test number?",
     {"DeepSeek-Prover", "MA-LoT", "STP"}, "FVEL"),
    ("CodeTree, PlanSearch, FunCoder, B4 and AlphaCode: which of them evaluate on MBPP?",
     {"CodeTree", "Planning In Natural Language", "Divide-and-Conquer"}, "B4"),
    ("of CodeTree's, B4's and FunCoder's abstracts, which mention MBPP?", {"CodeTree", "Divide-and-Conquer"}, "B4"),
])
def test_a_choice_among_named_papers_by_a_named_benchmark_cites_only_those_naming_it(engine, question, cited,
                                                                                      not_cited):
    answer = engine.ask(question)
    titles = [c.title for c in answer.citations]
    assert not answer.refused and answer.kind == "comparative"
    assert all(any(t.startswith(c) or c in t for t in titles) for c in cited), titles
    assert not any(not_cited in t for t in titles), titles
    assert f"**{not_cited}** | *no mention of" in answer.answer  # the row says it has none, uncited


def test_a_choice_between_two_named_papers_quotes_the_thing_and_cites_both(engine):
    answer = engine.ask("which of CodeTree and FunCoder reports MBPP?")
    assert {c.title.split(":")[0] for c in answer.citations} == {"CodeTree", "Divide-and-Conquer Meets Consensus"}
    assert all("MBPP" in row["aspect"] for row in answer.table)


def test_the_figure_of_each_paper_on_a_benchmark_keeps_a_cited_row_for_one_without(engine):
    # A comparison, not a choice: both papers are its sides and both are cited.
    answer = engine.ask("how do STP and DeepSeek-Prover do on PutnamBench?")
    assert {c.title.split(":")[0] for c in answer.citations} == {"STP", "DeepSeek-Prover"}
    assert "no PutnamBench result in the abstract" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("ProcessBench = 4,300 test cases? that's what the blog has. How many does the paper say?", "3,400"),
    ("The post writes that AlphaCode ranked in the top 45.3% on Codeforces. What average ranking is in the "
     "abstract?", "54.3%"),
    ("A newsletter says ENAMEL tests 60 LLMs. How many does the abstract actually say?", "**30** popular LLMs"),
    ("Someone told me CodeTree got 96.1 on HumanEval - what's the real number?", "**95.1** on HumanEval"),
])
def test_a_wrong_figure_from_elsewhere_is_answered_with_the_papers_own(engine, question, said):
    assert_answered_saying(engine, question, said)


def test_a_wrong_figure_taken_as_given_is_still_no_figure_of_the_paper(engine):
    assert_refused_saying(engine, "In ProcessBench, what are the 4,300 test cases drawn from?", "4,300")


@pytest.mark.parametrize(("question", "said"), [
    ("does MARIO release its dataset?", "will make the dataset publicly available"),
    ("does CodeFill release its dataset?", "We publicly release our source code and datasets."),
])
def test_whether_a_named_paper_releases_something_is_answered_by_its_release_sentence(engine, question, said):
    answer = engine.ask(question)
    assert not answer.refused and said in answer.sentences[0].text
    assert {c.paper_id for c in answer.citations} == {answer.citations[0].paper_id}  # that paper's only


def test_a_named_paper_saying_nothing_of_a_release_is_not_answered_by_another_papers(engine):
    assert_refused_saying(engine, "does AlphaCode release its dataset?", "does not say it makes anything public")


def test_a_list_besides_a_paper_never_answers_with_that_paper(engine):
    answer = engine.ask("Apart from FunCoder's approach, who else uses consensus among candidates?")
    assert not any(c.title.startswith("Divide-and-Conquer") for c in answer.citations)


def test_the_one_picked_by_description_may_be_from_the_list_before_a_narrowing(engine):
    """"the openmp one" after a list and a narrowing that left OMPGPT out: OMPGPT, as the list before had it."""
    history = ["what's in here on LLMs for HPC / parallel programming code?", "which of those mention polycoder"]
    answer = engine.ask("what about the openmp one, what trick do they add on top of the model itself?",
                        history=history)
    assert not answer.refused and {c.title.split(":")[0] for c in answer.citations} == {"OMPGPT"}


@pytest.mark.parametrize(("question", "listed"), [
    # A score asked on a benchmark: the papers stating one, not the dataset paper that only counts its problems.
    ("which papers actually report a minif2f test score for their own model?", {"DeepSeek-Prover", "MA-LoT", "STP"}),
])
def test_a_score_asked_lists_the_papers_stating_one(engine, question, listed):
    answer = engine.ask(question)
    assert answer.kind == "list" and {c.title.split(":")[0] for c in answer.citations} == listed


def test_a_speedup_said_as_a_factor_answers_how_big_the_improvement_was(engine):
    answer = engine.ask("there is one paper where ChatGPT-4 is optimizing code of pillow and numpy together with an "
                        "expert. What was the biggest performance improvement they got?")
    assert not answer.refused and "(factor up to 38)" in answer.sentences[0].text
    assert "factor **up to 38**" in answer.answer  # the value asked, emphasised


def test_a_margin_asked_of_a_named_paper_is_answered_by_its_sentence_with_one(engine):
    answer = engine.ask("The LintSeq paper puts an error bar on its headline gain. What's the gain, the +/- and the "
                        "metric it's measured with?")
    assert not answer.refused and "(+/-3%)" in answer.sentences[0].text


def test_a_list_asking_for_money_lists_the_papers_stating_an_amount(engine):
    answer = engine.ask("did anybody put a dollar figure on running their system?")
    assert answer.kind == "list" and {c.title.split(":")[0] for c in answer.citations} == {"AutoCodeRover",
                                                                                          "The AI Scientist"}


def test_whose_a_quoted_figure_is_cites_only_the_paper_writing_it(engine):
    answer = engine.ask("someone told me 19% was an AlphaCode number but i think it's AutoCodeRover's... whose is it "
                        "and on what benchmark?")
    assert [c.title.split(":")[0] for c in answer.citations] == ["AutoCodeRover"]
    assert "19% on SWE-bench-lite" in answer.answer and "19% not written in the abstract" in answer.answer


def _short_titles(answer) -> set[str]:
    return {c.title.split(":")[0] for c in answer.citations}


@pytest.mark.parametrize(("history", "question", "cited", "said"), [
    # "which of those is the openmp one?" after a list: that paper, and what is asked of it, not the list narrowed.
    ("which papers build small models for HPC code (MPI, OpenMP, Fortran)?",
     "which of those is the openmp one, and what prompting trick did they come up with?", {"OMPGPT"}, "chain-of-OMP"),
    # "the RL-based one": the listed paper named for RL, whose abstract never writes "RL-based".
    ("what are the papers that tackle repository-level code completion?",
     "the RL-based one among those: what does its retriever learn from?", {"RLCoder"}, "without the need for labeled"),
])
def test_one_listed_paper_picked_by_what_it_is(engine, history, question, cited, said):
    answer = engine.ask(question, history=[history])
    assert not answer.refused and _short_titles(answer) == cited and said in answer.sentences[0].text


def test_a_list_ask_after_a_sentence_about_its_name_lists_the_papers_reporting_on_it(engine):
    answer = engine.ask("SWE-bench comes up a lot. list every paper here that reports anything on SWE-bench, including "
                        "subsets of it")
    assert answer.kind == "list" and _short_titles(answer) == {
        "AutoCodeRover", "CodeTree", "Improving FIM Code Completions via Context & Curriculum Based Learning"}


def test_dollars_counted_are_answered_with_the_amount(engine):
    assert_answered_saying(engine, "how many dollars per issue does autocoderover cost", "0.43")


@pytest.mark.parametrize(("question", "among"), [
    # What the collection has on a topic said in the sentence before; what people do, asked without "do".
    ("I'm drafting notes on LLM agents that carry out tasks for users on websites, apps or games. what approaches does "
     "the corpus have on that?", {"WebArena", "Responsible Task Automation"}),
    ("Besides the open file, what extra context peoples give to code completion models?",
     {"Improving FIM Code Completions via Context & Curriculum Based Learning",
      "Deep Learning-based Code Completion"}),
])
def test_questions_across_papers_asked_around_a_lead_in(engine, question, among):
    answer = engine.ask(question)
    assert answer.kind == "list" and among <= _short_titles(answer)


def test_an_aggregation_over_a_described_set_keeps_a_paper_retrieval_ranks_high_for_it(engine):
    # DeepSeek-Prover's best sentence for "Lean theorem-proving" scores well under MA-LoT's title sentence, but
    # retrieval ranks it third for those words: its FIMO benchmark is an answer.
    answer = engine.ask("Across the Lean theorem-proving papers, which benchmarks are provers evaluated on?")
    assert answer.kind == "list" and "DeepSeek-Prover" in _short_titles(answer)
    assert "FIMO" in answer.answer


@pytest.mark.parametrize("question", [
    # A known name and what was done with it, in a participle the abstracts use in another spelling, is no unknown
    # name: the list was refused for "LLM-optimised".
    "Which papers ask whether LLM-written or LLM-optimised code is actually fast?",
    "Which papers study LLM-optimised code?",
])
def test_a_known_name_joined_to_what_was_done_with_it_is_known(engine, question):
    answer = engine.ask(question)
    assert not answer.refused and "How Efficient is LLM-Generated Code?" in " ".join(c.title for c in answer.citations)


def test_a_known_name_joined_to_what_no_abstract_does_with_it_is_unknown(engine):
    # CodeLlama is fine-tuned in the abstracts and other models distilled, never CodeLlama: a near miss, refused.
    answer = engine.ask("Any papers on CodeLlama-distilled models?")
    assert answer.refused and "CodeLlama-distilled" in answer.answer


def test_a_paper_left_out_at_the_end_is_out_of_an_aggregation(engine):
    answer = engine.ask("which benchmarks do the theorem-proving papers evaluate on? (miniF2F, but what else?) -- "
                        "leave out the verification work like FVEL")
    assert answer.kind == "list" and "FVEL" not in _short_titles(answer)
    assert "STP" in _short_titles(answer)


def test_two_benchmarks_asked_at_one_setting_are_each_answered(engine):
    answer = engine.ask("what accuracy gains does KV Prediction get - TriviaQA vs HumanEval at fixed TTFT FLOPs "
                        "budgets?")
    quoted = " ".join(s.text for s in answer.sentences)
    assert not answer.refused and "15%-50%" in quoted and "30% on HumanEval" in quoted


@pytest.mark.parametrize(("question", "cited"), [
    # A list asked in a shape of its own, then "Please list them."; an aggregation after a pause filled.
    ("Are there position or vision papers in here? Please list them.", {"TaskMatrix.AI"}),
    ("um what math benchmarks show up across the whole collection", {"DotaMath", "InfinityMATH"}),
])
def test_shapes_the_probe_askers_typed_are_read_as_meant(engine, question, cited):
    answer = engine.ask(question)
    assert answer.kind == "list" and cited <= _short_titles(answer)


@pytest.mark.parametrize(("history", "question", "cited"), [
    # A correction: what the asker meant, not what the earlier turn named.
    (["how many FIMO problems did DeepSeek-Prover solve?"],
     "no sorry, I meant the Lean IMO dataset paper. how many lemmas did they write?",
     {"A Lean Dataset for International Math Olympiad"}),
    # "the two" after two turns naming one paper each: both.
    (["what is MPIrigen?", "and OMPGPT?"], "so how do the two differ in what they generate?", {"MPIrigen", "OMPGPT"}),
    # "is one of them X" after a list: the listed papers that are.
    (["RL for code generation - what papers are there?"], "is one of them value-based rather than policy-based?",
     {"B-Coder"}),
    # "the one with ..." after a list: the listed paper whose abstract has it.
    (["which papers deal with code optimization?"], "the one with a human expert in the loop - which libraries?",
     {"LLM Interactive Optimization of Open Source Python Libraries -- Case Studies and Generalization"}),
])
def test_follow_ups_that_correct_pair_narrow_or_pick(engine, history, question, cited):
    answer = engine.ask(question, history=history)
    assert not answer.refused and _short_titles(answer) == cited


@pytest.mark.parametrize(("question", "cited"), [
    # Typed in a hurry: the topic, then words that only ask for papers; an aside on what counts.
    ("HPC code models -- which ones? need them all", {"Scope is all you need", "OMPGPT", "MPIrigen"}),
    ("re: machine-checked proofs in Lean — list em all, datasets included",
     {"A Lean Dataset for International Math Olympiad", "DeepSeek-Prover", "MA-LoT", "STP"}),
    # Examples after the ask, as a fragment of their own.
    ("anything on LLMs for HPC code? mpi, openmp, fortran, that world",
     {"Scope is all you need", "OMPGPT", "MPIrigen"}),
])
def test_a_list_asked_in_fragments_lists_the_papers_on_its_topic(engine, question, cited):
    answer = engine.ask(question)
    assert answer.kind == "list" and cited <= _short_titles(answer)


def test_a_list_line_quoting_a_papers_motivation_also_says_what_the_paper_does(engine):
    # PRIME's closest sentence is why dense rewards matter; its line also says what it proposes.
    answer = engine.ask("which papers use reinforcement learning for code generation?")
    prime = next(line for line in answer.answer.splitlines() if "Process Reinforcement through Implicit" in line)
    assert "we propose PRIME" in prime


def test_a_claim_is_quoted_with_what_limits_it(engine):
    # The case study finds ChatGPT-4 adept at optimizing code, and says right after that this needs a human expert.
    answer = engine.ask("was ChatGPT-4 any good at making pillow and numpy code more efficient by itself?")
    claim = next(i for i, s in enumerate(answer.sentences) if "surprisingly adept" in s.text)
    assert answer.sentences[claim + 1].text.startswith("However, this is only the case in interactive use")


def test_two_names_typed_in_lower_case_with_or_are_compared(engine):
    """"taskmatrix" is how the asker types TaskMatrix.AI's name; beside a named paper it is the other side."""
    answer = engine.ask("taskmatrix or responsibleta: which one is more about safety?")
    assert answer.kind == "comparative" and _short_titles(answer) == {"TaskMatrix.AI", "Responsible Task Automation"}


def test_an_acronym_asked_across_papers_is_met_by_its_words(engine):
    """"SE tasks": the abstracts that say "software engineering" (one defines SE so) answer it, not only the one
    writing "SE"."""
    answer = engine.ask("apart from writing code from scratch, which SE tasks get automated in these papers (fixing "
                        "issues, porting code), and how?")
    assert answer.kind == "list" and "AutoCodeRover" in _short_titles(answer)


@pytest.mark.parametrize("question", [
    "qwen-family models (QwQ included): which papers use them in any role?",
    "which papers use qwen family models?",
])
def test_a_model_family_is_every_version_of_its_name(engine, question):
    """The abstracts write Qwen by its versions ("Qwen2.5-Math-7B-Base", "QwQ-32B-Preview"): "qwen-family" was a word
    no abstract has, and the list was refused."""
    answer = engine.ask(question)
    assert answer.kind == "list" and not answer.refused
    assert {"ExecRepoBench", "Process Reinforcement through Implicit Rewards"} <= _short_titles(answer)


@pytest.mark.parametrize("question", [
    "Time series forecasting papers?",  # "Time" is written with no versions: no model family
    "Forth code generation: which papers?",  # Forth the language, not "back and forth"
    "which papers use semi-supervised learning?",  # "semi-" makes another subject
    "Princeton's SWE-agent paper: how does its interface work?",  # a paper the index lacks, whoever owns it
])
def test_near_words_of_the_new_readings_still_refuse(engine, question):
    assert engine.ask(question).refused


def test_a_list_topic_in_the_askers_idioms_is_not_refused(engine):
    """"back and forth" and "mid-task" are words of the asker's; the papers with a human in the loop answer."""
    answer = engine.ask("which papers have a human actually going back and forth with the model mid-task "
                        "(feedback, corrections)?")
    assert answer.kind == "list" and not answer.refused
    assert "Program Synthesis with Large Language Models" in {c.title for c in answer.citations}


def test_a_question_across_papers_after_the_askers_own_lead_is_answered(engine):
    """"the final answer isn't everything": "everything" is the asker's word, as "anything" is; with "tutor" it made
    two words no abstract uses, and the question was refused."""
    answer = engine.ask("for a math tutor the final answer isn't everything. how do papers evaluate llms on math "
                        "beyond final-answer accuracy (steps, robustness, helpfulness...)?")
    assert not answer.refused and len(answer.citations) >= 2
    assert "UGMathBench" in _short_titles(answer)


def test_a_verb_a_paper_names_its_method_with_is_still_a_verb(engine):
    """"execute" is written capitalised only in "Think-and-Execute"; read as that name, the list was of the one paper
    naming it, and none of the benchmarks that run code."""
    answer = engine.ask("which papers introduce completion benchmarks that actually execute the code (unit tests etc) "
                        "instead of string matching?")
    titles = _short_titles(answer)
    assert answer.kind == "list" and {"ExecRepoBench", "GitChameleon"} <= titles
    assert "Language Models as Compilers" not in titles


@pytest.mark.parametrize(("question", "cited", "not_cited"), [
    # A lecturer's "readings" are the papers.
    ("Which of the readings use GSM8k or the MATH dataset (or a variant of either) anywhere, for training or "
     "evaluation? I tell students these two are everywhere and want the full count.", {"DotaMath", "MARIO"}, set()),
    # A group of papers, then which of them: both at once, not every paper naming GPT-4.
    ("Among the papers on formal, machine-checked proofs, which ones compare their system against GPT-4?",
     {"Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming"},
     {"Divide-and-Conquer Meets Consensus", "WebArena"}),
    # "it" is what the sentence before names.
    ("Students always bring up Turing completeness when we get to this material. Which papers mention it explicitly?",
     {"Automated Design of Agentic Systems"}, set()),
    # The paper that made the benchmark, left out by what it did.
    ("Which papers report results on MBPP or MBPP+? Leave out the paper that originally introduced MBPP, I'm "
     "assigning that one separately.", {"CodeTree"}, {"Program Synthesis with Large Language Models"}),
    # "treat" asks for the papers on it; the asker's lead before "so" asks nothing.
    ("students always ask about completion beyond a single file, so which papers treat code completion at the "
     "repository level?", {"RLCoder", "ExecRepoBench"}, set()),
])
def test_a_lecturers_reading_list_questions(engine, question, cited, not_cited):
    answer = engine.ask(question)
    titles = _short_titles(answer)
    assert answer.kind == "list" and not answer.refused
    assert cited <= titles and not titles & not_cited


@pytest.mark.parametrize("question", [
    "I'd like to give students hands-on projects. Which papers link to a GitHub repository in the abstract? A project "
    "page on github.io or a Hugging Face link doesn't count.",
    "Which papers provide links to their GitHub repositories?",  # no abstract writes "links": not refused
])
def test_a_link_to_a_github_repository_is_a_github_address(engine, question):
    """Papers that only say they release code, or link a project page, give no repository to hand students."""
    answer = engine.ask(question)
    assert answer.kind == "list" and len(answer.citations) >= 10
    assert all("github.com/" in engine.view.papers[c.paper_id].abstract for c in answer.citations)


def test_ways_across_the_code_and_math_papers_are_the_ways_across_the_index(engine):
    """"the code and math papers" are nearly all of them: the papers to answer from are those on RL, not those
    closest to "code and math"."""
    answer = engine.ask("What are the different ways reinforcement learning shows up in the code and math papers?")
    assert {"RLCoder", "B-Coder", "Process Reinforcement through Implicit Rewards"} <= _short_titles(answer)


@pytest.mark.parametrize(("history", "question", "cited", "said"), [
    # "it" after a turn asking for the paper about something is that paper, not the game it plays.
    (["what's the paper about the AI that plays Minecraft by planning with a language model?"],
     "ok and how many things could it actually do in the game?",
     {"Describe, Explain, Plan and Select"}, "70+ Minecraft tasks"),
    # "what made it work" asks of AlphaCode alone: no second side described as "... work".
    (["how did alphacode do on codeforces?"], "and what did they say were the key ingredients that made it work?",
     {"Competition-Level Code Generation with AlphaCode"}, "AlphaCode"),
])
def test_follow_ups_about_the_paper_just_found(engine, history, question, cited, said):
    answer = engine.ask(question, history=history)
    assert not answer.refused and _short_titles(answer) == cited and said in answer.answer


def test_a_word_that_only_heads_a_name_is_english_in_lower_case(engine):
    """"Game" is written only in "Game of 24" and "Game of Life": "in the game" names neither."""
    lexicon = engine.view.lexicon
    assert lexicon.find("what could it do in the game?") == []
    assert [m.text for m in lexicon.find("game of 24 results?")] == ["game"]
    assert [m.text for m in lexicon.find("is the error within one ulp?")] == ["ulp"]  # an acronym: "1 ULP of error"


@pytest.mark.parametrize(("question", "cited"), [
    # A paper asked about by what its work does: the paper the description finds, as if named.
    ("tell me about the system that writes whole research papers by itself", {"The AI Scientist"}),
    ("tell me about the benchmark that checks if models can switch library versions", {"GitChameleon"}),
    ("tell me about the method that plays chess on the moon", set()),  # nothing it says is about that: refused
    ("tell me about the framework that trains robots with language models", set()),  # close in common words only
    ("explain the method that solves Sudoku puzzles", set()),  # Programming Puzzles has no Sudoku
])
def test_a_paper_asked_about_by_what_it_does(engine, question, cited):
    answer = engine.ask(question)
    assert answer.refused is not cited and _short_titles(answer) == cited


def test_a_follow_up_after_a_paper_asked_about_by_what_it_does_is_about_that_paper(engine):
    answer = engine.ask("and how did they decide whether the papers it wrote were any good?",
                        history=["tell me about the system that writes whole research papers by itself"])
    assert not answer.refused and _short_titles(answer) == {"The AI Scientist"}


def test_a_side_described_with_the_paper_it_is_from_is_compared(engine):
    """"the F* corpus from the proof-oriented programming paper" describes a paper, "the" inside it and all."""
    answer = engine.ask("Is the FVELER dataset larger or smaller than the F* corpus from the proof-oriented "
                        "programming paper?")
    assert answer.kind == "comparative"
    assert _short_titles(answer) == {"FVEL", "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming"}


@pytest.mark.parametrize(("question", "cited"), [
    # Nothing stands out by meaning ("a system whose own training actually relies on ..."): the papers writing
    # the topic's term, "reinforcement learning", among them the four whose training uses it.
    ("Which papers propose a system whose own training actually relies on reinforcement learning?",
     {"B-Coder", "RLCoder", "Process Reinforcement through Implicit Rewards",
      "Leveraging Reinforcement Learning and Large Language Models for Code Optimization"}),
    ("Which papers run a user study, i.e. recruit people to rate model outputs?",
     {"Programming Puzzles", "The Good, the Bad, and the Missing"}),
    # A head few abstracts write, said apart from what follows: every writer, however the rest weighs each one.
    ("Which papers pitch themselves as a multi-agent framework, with several LLM agents collaborating rather than one "
     "agent doing everything?", {"AutoML-Agent", "MA-LoT"}),
    ("which ones use perplexity, either as an eval metric or as a training signal?", {"RLCoder", "STP"}),
])
def test_a_list_met_by_a_term_few_abstracts_write(engine, question, cited):
    answer = engine.ask(question)
    assert answer.kind == "list" and cited <= _short_titles(answer)
    assert len(_short_titles(answer)) <= len(cited) + 4  # not every paper of the field


def test_a_list_narrowed_by_just_the_ones_naming_what_they_work_with(engine):
    answer = engine.ask("Which papers do formal mathematics in Lean (Lean 4 included)? Just the ones that actually "
                        "work with Lean proofs, not passing mentions.")
    assert {"DeepSeek-Prover", "MA-LoT", "STP"} <= _short_titles(answer)


@pytest.mark.parametrize(("question", "cited"), [
    ("papers that release models or data on hugging face?",
     {"Stable Code Technical Report", "Syntax-Aware On-the-Fly Code Completion", "InfinityMATH"}),
    ("what got released on huggingface", {"Stable Code Technical Report", "Syntax-Aware On-the-Fly Code Completion",
                                          "InfinityMATH"}),
    ("Which papers make their dataset available on Hugging Face?", {"InfinityMATH"}),  # data, not weights
])
def test_papers_putting_things_on_hugging_face(engine, question, cited):
    assert _short_titles(engine.ask(question)) == cited


def test_a_paper_described_in_brackets_is_not_what_its_figure_is_of(engine):
    """"(the autocomplete model that learns ... AST types)" says which paper; the MRR asked is its figure."""
    answer = engine.ask("the codefil one (the autocomplete model that learns from both token names and AST types) — "
                        "what MRR did it get on single token prediction?")
    assert not answer.refused and "70.9%" in answer.answer and _short_titles(answer) == {"CodeFill"}


def test_papers_remembered_after_a_question_across_papers_are_among_its_answers(engine):
    answer = engine.ask("ways llms get used to automate ml research itself or building ml systems? the ai "
                        "scientist, the meta agent one...")
    assert not answer.refused and {"The AI Scientist", "AutoML-Agent"} <= _short_titles(answer)


def test_a_count_bound_after_a_kind_of_papers_is_one_bound(engine):
    """"20 or more LLMs" is no "20" or "more LLMs": the benchmark papers counting that many models, no others."""
    answer = engine.ask("Which benchmark papers evaluate 20 or more LLMs?")
    assert _short_titles(answer) == {"BigCodeBench", "CS-Bench", "UGMathBench",
                                     "How Efficient is LLM-Generated Code? A Rigorous & High-Standard Benchmark"}


@pytest.mark.parametrize(("question", "cited"), [
    ("Which papers position themselves as a benchmark for code completion?",
     {"Codev-Bench", "ExecRepoBench", "GitChameleon"}),
    ("Which papers pitch themselves as a multi-agent framework, with several LLM agents collaborating?",
     {"AutoML-Agent", "MA-LoT"}),
])
def test_what_papers_pitch_themselves_as(engine, question, cited):
    answer = engine.ask(question)
    assert cited <= _short_titles(answer) and len(_short_titles(answer)) <= len(cited) + 1


@pytest.mark.parametrize(("question", "left_out"), [
    # A head narrowed after its comma keeps to what narrows it.
    ("Which papers propose a multi-agent framework, specifically for formal theorem proving?", {"AutoML-Agent"}),
    # A paper the asker got wrong after a question across papers is no example of its ways.
    ("ways llms are used for formal verification? the AI Scientist", {"The AI Scientist"}),
    ("What approaches exist for repository-level code completion? not RLCoder, I already know that one", set()),
])
def test_terms_and_examples_that_leave_papers_out(engine, question, left_out):
    answer = engine.ask(question)
    assert not answer.refused and not left_out & _short_titles(answer) and len(_short_titles(answer)) >= 2


def test_a_plural_acronym_names_what_the_abstracts_write_singular(engine):
    """"ASTs": the abstracts write "AST token types" and "abstract syntax tree (AST)"."""
    answer = engine.ask("Which papers bring abstract syntax trees (ASTs) into the picture?")
    assert {"CodeFill", "ExecRepoBench", "Syntax-Aware On-the-Fly Code Completion", "AutoCodeRover"} <= \
        _short_titles(answer)


def test_names_listed_with_and_the_like_are_alternatives(engine):
    """"HumanEval, MBPP and the like": a paper using either is in, as with "or"; "both ... and ..., etc." asks both."""
    answer = engine.ask("which papers use HumanEval, MBPP and the like?")
    assert {"Program Synthesis with Large Language Models", "KV Prediction for Improved Time to First Token",
            "CodeTree"} <= _short_titles(answer)
    assert _short_titles(engine.ask("which papers use both HumanEval and MBPP, etc.?")) == {
        "CodeTree", "Divide-and-Conquer Meets Consensus", "Planning In Natural Language Improves LLM Search For Code "
        "Generation"}


@pytest.mark.parametrize("question", [
    "Which papers introduce a new, named code completion benchmark?",
    # the ask said again after "i.e.", a field said before what is made
    "Papers that build their own benchmark vs. those that only evaluate on existing ones: for code completion "
    "specifically, give me the first group, i.e. every paper that introduces a new, named code completion benchmark.",
])
def test_papers_making_a_benchmark_for_a_field_said_before_it(engine, question):
    """CoCoNUT's benchmarks for "code generation, repair, or completion" and WebArena's "task completions" are no
    code completion benchmarks."""
    assert _short_titles(engine.ask(question)) == {
        "Codev-Bench", "ExecRepoBench", "GitChameleon", "Improving FIM Code Completions via Context & Curriculum Based "
        "Learning"}


@pytest.mark.parametrize(("question", "cited"), [
    # "UI" is written by one paper; "websites" and "a game" are met in plain words by others.
    ("papers on agents that act inside some environment, like a game or websites or a phone/desktop UI? all of them",
     {"Responsible Task Automation", "WebArena"}),
    # Each name a side of its own: the papers naming them, no more.
    ("Anything that works in Isabelle or F*, either one? Papers that also use Lean are fine.",
     {"FVEL", "STP", "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming"}),
])
def test_names_among_examples_and_names_as_sides(engine, question, cited):
    titles = _short_titles(engine.ask(question))
    assert cited <= titles and len(titles) <= len(cited) + 1


@pytest.mark.parametrize("question", [
    "which papers mention Codex or AlphaCode?",
    # a post's label before an emoji, and its hashtag after the question
    "throwback 📼 which papers mention Codex or AlphaCode? #LLM",
])
def test_a_question_asked_the_way_a_post_is_written(engine, question):
    assert _short_titles(engine.ask(question)) == {
        "Programming Puzzles", "Competition-Level Code Generation with AlphaCode",
        "From Copilot to Pilot",
        "Training Language Models on Synthetic Edit Sequences Improves Code Synthesis"}


def test_a_likeness_from_another_field_is_no_name_the_index_lacks(engine):
    """"MNIST", which no abstract has, is what the asker likens MBPP to: the list of MBPP papers, not a refusal."""
    answer = engine.ask("MBPP is the MNIST of code generation tbh. Which papers report results on MBPP? 🤔")
    assert not answer.refused
    assert _short_titles(answer) == {
        "Program Synthesis with Large Language Models", "Planning In Natural Language Improves LLM Search For Code "
        "Generation", "Divide-and-Conquer Meets Consensus", "CodeTree"}


@pytest.mark.parametrize("question", [
    "which papers use SWE-bench?",
    # Spanish around the English terms; a mathematician's set of papers
    "cuáles papers usan SWE-bench?",
    "Let T = {papers whose experiments involve SWE-bench}. Determine T.",
])
def test_a_list_asked_in_spanish_or_as_a_set(engine, question):
    assert _short_titles(engine.ask(question)) == {"AutoCodeRover", "CodeTree", "Improving FIM Code Completions via "
                                                   "Context & Curriculum Based Learning"}


def test_a_count_asked_in_spanish_is_answered_with_its_figure(engine):
    answer = engine.ask("cuántos usuarios tuvo Code4Me?")
    assert not answer.refused and "1200" in answer.answer
    assert _short_titles(answer) == {"Language Models for Code Completion"}


def test_papers_that_do_not_do_something_are_the_others(engine):
    """"don't use Lean" had listed the papers using Lean; of the theorem-proving papers, FVEL works in Isabelle."""
    answer = engine.ask("which theorem-proving papers don't use Lean?")
    assert not answer.refused
    assert _short_titles(answer) == {"FVEL"}
    assert not {"STP", "DeepSeek-Prover", "MA-LoT"} & _short_titles(engine.ask("which papers don't use Lean?"))


def test_a_librarians_search_string_is_run_as_a_database_would(engine):
    """"(GSM8K OR MATH) AND tool-use" had listed six papers by loose words; run as typed, one has both."""
    answer = engine.ask('(GSM8K OR MATH) AND "tool-use"')
    assert not answer.refused and _short_titles(answer) == {"DotaMath"}
    assert engine.ask("abs:Coq").refused


def test_the_abstracts_writing_a_quoted_word_are_listed_whatever_they_are_about(engine):
    writers = {p.paper_id for p in engine.papers.values() if re.search(r"\binteractive\b", p.abstract, re.I)}
    answer = engine.ask("the adjective 'interactive' - which abstracts use it?")
    assert not answer.refused and {c.paper_id for c in answer.citations} == writers
    assert engine.ask("which abstracts use the term 'mixture of experts'?").refused


def test_a_story_before_a_list_is_set_aside(engine):
    """The story's "HCI" and "Koza" had got the question refused as names no abstract has."""
    answer = engine.ask("so I was reading about genetic programming history last night (Koza and all that) and it "
                        "got me wondering which papers in here use evolutionary search")
    assert not answer.refused
    assert {"CoEvo", "AutoNumerics-Zero"} <= _short_titles(answer)


def test_a_question_written_as_a_letter_is_answered_as_its_ask(engine):
    """The sign-off had been read as part of the list's topic: "which papers use Lean? thanks!" was refused."""
    assert _short_titles(engine.ask("which papers use Lean? thanks!")) == _short_titles(
        engine.ask("which papers use Lean?"))
    answer = engine.ask("Hi paperchat,\n\nI'm putting together a reading list on provers. Could you let me know which "
                        "papers evaluate on miniF2F?\n\nThanks in advance,\nMaria")
    assert not answer.refused and {"STP", "DeepSeek-Prover", "MA-LoT"} <= _short_titles(answer)


def test_a_multiple_choice_question_is_answered_over_its_options(engine):
    """The options had been read as the topic; FVEL works in Isabelle, AlphaCode proves nothing."""
    answer = engine.ask("Q1. Which of these uses Lean? (a) STP (b) AlphaCode (c) FVEL (d) DeepSeek-Prover "
                        "(e) none of the above")
    assert not answer.refused and _short_titles(answer) == {"STP", "DeepSeek-Prover"}


def test_a_draft_sentence_with_a_placeholder_asks_for_the_papers_it_needs(engine):
    """The draft's words had got the question refused."""
    answer = engine.ask("footnote in my draft: 'GSM8K remains a standard testbed for math reasoning [CITE].' give me "
                        "every paper in here that brings up GSM8K in any form")
    assert not answer.refused and len(_short_titles(answer)) == 5
    assert "19%" in engine.ask('"AutoCodeRover resolves X% of SWE-bench-lite issues [CITE]" — what is X?').answer


def test_german_and_chinese_words_ask_in_english(engine):
    isabelle = _short_titles(engine.ask("which papers use Isabelle?"))
    assert isabelle and _short_titles(engine.ask("哪些论文 use Isabelle?")) == isabelle
    assert _short_titles(engine.ask("welche Paper use Isabelle?")) == isabelle


def test_french_a_forum_post_and_a_reviewers_claim_ask_what_they_ask(engine):
    """Each of these had been refused: French words, "anyone know", "R2" and "CG" read as names no abstract has."""
    isabelle = _short_titles(engine.ask("which papers use Isabelle?"))
    assert isabelle and _short_titles(engine.ask("Quels papiers utilisent Isabelle ?")) == isabelle
    assert _short_titles(engine.ask("anyone know which papers use Isabelle? feels like everyone got Lean-pilled")) == \
        isabelle
    claim = engine.ask("R3 claims GitChameleon has over a thousand problems. how many does it really have?")
    assert "116" in claim.answer
    assert not engine.ask("unit tests as signal for CG — how do papers use them?").refused


def test_the_layout_asked_for_leaves_the_question_answered(engine):
    """The columns' names ("benchmark_variant") had read as names no abstract has."""
    mbpp = _short_titles(engine.ask("which papers evaluate on MBPP?"))
    assert mbpp and _short_titles(engine.ask("which papers evaluate on MBPP? CSV: paper,benchmark_variant,score")) == \
        mbpp
    assert "$15" in engine.ask("cost per generated paper for The AI Scientist? just the number").answer


def test_a_claim_heard_from_someone_is_checked_against_the_abstracts(engine):
    """'teacher' and 'said' had read as the subject; as 'Is it true that ...?' a claimed figure went unchecked."""
    wrong = engine.ask("My teacher said WebArena has 812 tasks. is that true?")
    assert wrong.refused and "812" in wrong.answer
    isabelle = _short_titles(engine.ask("which papers use Isabelle?"))
    assert _short_titles(engine.ask("My friend says some papers use Isabelle. which ones?")) == isabelle
    assert _short_titles(engine.ask("Several papers here use Isabelle. Which ones do?")) == isabelle
