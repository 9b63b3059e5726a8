"""Mention finding and question shapes, as a table of questions worded the way researchers ask.

The lexicon is built from a handful of made-up papers, so each row shows one rule: possessives, a leading
"the", case/hyphen/space variants, one typo, a name a paper introduces in its abstract, "A or B", three papers,
a described side, a near-miss, a pronoun with nothing to refer to."""

from __future__ import annotations

import pytest

from rag.answer.across import paper_set
from rag.answer.asks import asks_yes_no
from rag.answer.followups import condense
from rag.answer.mentions import Lexicon
from rag.answer.plan import list_topic, understand
from rag.types import Paper

PAPERS = {
    "rl": Paper("rl", "RLCoder: Reinforcement Learning for Repository-Level Code Completion",
                "Code completion needs context. We propose RLCoder, a reinforcement learning framework for retrieval. "
                "RLCoder improves exact match by 12% on CrossCodeEval and RepoEval."),
    "dm": Paper("dm", "DotaMath: Decomposition of Thought with Code Assistance",
                "We introduce a series of LLMs, dubbed DotaMath. DotaMath-deepseek-7B scores 64.8% on MATH and 86.7% "
                "on GSM8K."),
    "im": Paper("im", "InfinityMATH: A Scalable Instruction Tuning Dataset",
                "We introduce InfinityMATH, a dataset for programmatic mathematical reasoning built from GSM8K."),
    "kv": Paper("kv", "KV Prediction for Improved Time to First Token",
                "We introduce a novel method called KV Prediction. It reduces time to first token on TriviaQA."),
    "sa": Paper("sa", "Syntax-Aware On-the-Fly Code Completion",
                "We propose PyCoder to leverage token types. PyCoder reaches 43.37% exact match on CodeXGLUE."),
    "ai": Paper("ai", "The AI Scientist: Towards Fully Automated Open-Ended Scientific Discovery",
                "We present The AI Scientist, which writes a full scientific paper. It is evaluated on MT-Bench."),
    "lp": Paper("lp", "Statins and Lipid Levels",
                "We study how statins change HDL cholesterol in adults. Innate lymphoid cells (ILC) respond too."),
    "dy": Paper("dy", "When Neural Code Completion Models Size up the Situation: Dynamic Model Inference",
                "We propose a dynamic inference method for code completion models that skips layers."),
    "pr": Paper("pr", "Process Reinforcement through Implicit Rewards",
                "We present PRIME. Our resulting model, Eurus-2-7B-PRIME, surpasses its base model on AIME."),
    "pf": Paper("pf", "Whole-Proof Generation with Lean",
                "Our prover reaches 61.7% on miniF2F-test and 23.1% on Proofnet-test."),
    "sc": Paper("sc", "Stable Code Technical Report", "We introduce Stable Code, a base code language model."),
    "fc": Paper("fc", "Divide-and-Conquer Meets Consensus", "With FunCoder, StableCode-3b surpasses GPT-3.5."),
    "ac": Paper("ac", "Competition-Level Code Generation with AlphaCode",
                "We introduce AlphaCode, a system for code generation that solves competitive problems."),
    "es": Paper("es", "Training Models on Edit Sequences", "A small LM trained on edits matches Codex and AlphaCode."),
    "eb": Paper("eb", "ExecRepoBench: Multi-level Executable Code Completion Evaluation",
                "We introduce ExecRepoBench, a repository-level benchmark of 1.2K samples."),
}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(PAPERS)


@pytest.mark.parametrize(("question", "papers"), [
    ("How does RLCoder's retrieval work?", ["rl"]),                     # possessive
    ("what does rlcoder retrieve", ["rl"]),                             # case
    ("Is RL-Coder trained with labels?", ["rl"]),                       # hyphen variant
    ("What does RLCodr improve?", ["rl"]),                              # one typo in a long name
    ("What does PyCoder predict?", ["sa"]),                             # a name the abstract introduces
    ("what did alphacodes biggest model reach", ["ac"]),                 # a possessive without its apostrophe
    ("DotaMath (7B) vs InfinityMATH", ["dm", "im"]),                     # a size in brackets defines no name
    ("What does the AI Scientist write?", ["ai"]),                      # leading "the"
    ("What does KV Prediction reduce?", ["kv"]),                        # a title's leading name
    ("DotaMath vs InfinityMATH", ["dm", "im"]),
    ("DotaMath/InfinityMATH: which data?", ["dm", "im"]),                # two names joined by a slash
    ("Which papers use GSM8K?", []),                                    # a benchmark is a term, not a paper
    # A paper's name with a size or version is its model, even where another abstract cites it by that name.
    ("stable code 3b: how many tokens was it trained on?", ["sc"]),
    ("What does StableCode-3b reach?", ["sc"]),
    ("Is Stable Code Instruct good at chat?", ["sc"]),
    # A name from a title typed in lower case, even where other abstracts cite it ("alphacode's").
    ("how big is alphacode's largest model", ["ac"]),
    ("what did alphacode get wrong", ["ac"]),
    ("What did Alphacode get wrong?", ["ac"]),  # only its first letter capitalised, as at a sentence's start
])
def test_papers_named_in_a_question(lexicon, question, papers):
    assert [m.paper_ids[0] for m in lexicon.paper_mentions(question)] == papers


@pytest.mark.parametrize("question", [
    "what does From Copilot to Pilot find?",
    "what does Copilot to Pilot find?",  # a title's leading preposition left out
    "where do code models fail? the code4me study, copilot-to-pilot",  # hyphens for spaces, in lower case
])
def test_a_title_opening_with_a_preposition_is_named_without_it(question):
    papers = {"cp": Paper("cp", "From Copilot to Pilot: Towards AI Supported Software Development",
                          "We study Copilot and AlphaCode."),
              "ot": Paper("ot", "Other Work", "Copilot is used by developers.")}
    assert [m.paper_ids[0] for m in Lexicon(papers).paper_mentions(question)] == ["cp"]


def test_a_titles_large_language_models_is_named_as_abbreviated():
    papers = [Paper("ps", "Program Synthesis with Large Language Models", "We study code models."),
              Paper("es", "Training Models on Edit Sequences", "Edits improve code synthesis.")]
    lexicon = Lexicon({p.paper_id: p for p in papers})
    question = "how many problems are in the dataset from the program synthesis with LLMs paper?"
    assert [m.paper_ids[0] for m in lexicon.paper_mentions(question)] == ["ps"]


@pytest.mark.parametrize(("question", "kind", "papers"), [
    ("Compare DotaMath and InfinityMATH", "comparative", ["dm", "im"]),
    # People and how it is asked are no sides: "vs human reviewers, exactly?".
    ("The AI Scientist's reviewer is near-human. what accuracy does it get vs human reviewers, exactly?", "factoid",
     ["ai"]),
    # A paper named by a model the other's abstract writes, nothing comparing them: about the other.
    ("What does the Divide-and-Conquer Meets Consensus paper say of GPT-3.5? StableCode-3b is in it.", "factoid",
     ["fc"]),
    ("Is StableCode-3b or Divide-and-Conquer Meets Consensus better?", "comparative", ["sc", "fc"]),  # a control
    # A model the other named paper's abstract runs, with nothing joining the two as sides: that paper's model.
    ("in Divide-and-Conquer Meets Consensus, did StableCode-3b beat GPT-3.5?", "factoid", ["fc"]),
    # A scope opening the question ("In the X paper (...), ...") puts what its abstract writes inside it.
    ("In the Divide-and-Conquer Meets Consensus paper, StableCode-3b beats GPT-3.5. True?", "factoid", ["fc"]),
    ("In the Divide-and-Conquer Meets Consensus paper (divide and conquer), did StableCode-3b beat GPT-3.5?",
     "factoid", ["fc"]),
    ("In the Divide-and-Conquer Meets Consensus paper, how does it compare with AlphaCode?", "comparative",
     ["fc", "ac"]),  # a control: AlphaCode is no name its abstract writes
    # A label set off by a dash scopes the rest as a colon does.
    ("Divide-and-Conquer Meets Consensus — it beats GPT-4. by how much does StableCode-3b beat GPT-3.5?", "factoid",
     ["fc"]),
    # The evidence of the collection; an ask after a question mark, in lower case, is still the one that asks.
    ("what's the evidence that diversity of training data matters?", "multi", []),
    ("When a model writes many programs, how do we choose one? what approaches exist", "multi", []),
    ("what's the evidence that DotaMath's data helps?", "factoid", ["dm"]),  # a control: one paper's
    # "the released dataset" is the paper's own, no other paper described.
    ("which models did DotaMath train, and what's the released dataset called?", "factoid", ["dm"]),
    ("what's the platform called, and what's the name of the dataset DotaMath released?", "factoid", ["dm"]),

    # A paper's figure asked on a benchmark another paper made: about the first, on the benchmark.
    ("what does RLCoder score on ExecRepoBench?", "factoid", ["rl"]),
    ("How well does RLCoder perform on the ExecRepoBench benchmark?", "factoid", ["rl"]),
    ("Is RLCoder or ExecRepoBench's model better on ExecRepoBench?", "comparative", ["rl", "eb"]),  # a control
    ("What does RLCoder score, and what does ExecRepoBench measure?", "comparative", ["rl", "eb"]),  # a control
    ("Is DotaMath or InfinityMATH better on GSM8K?", "comparative", ["dm", "im"]),
    ("How does DotaMath's way of using code differ from InfinityMATH's?", "comparative", ["dm", "im"]),
    ("Data construction in InfinityMATH, compared with how DotaMath does it", "comparative", ["im", "dm"]),
    ("What does each of RLCoder, PyCoder and KV Prediction do?", "comparative", ["rl", "sa", "kv"]),
    ("The DotaMath paper and the InfinityMATH paper: what data do they use?", "comparative", ["dm", "im"]),
    ("What MT-Bench score does DotaMath get?", "factoid", ["dm"]),
    # A title typed loosely as the question's label names its paper ("w/o" for "without").
    ("Process reinforcement w/ implicit rewards — which base model?", "factoid", ["pr"]),  # a control: its lead
    ("multi-level executable code completion evaluation: how many samples?", "factoid", ["eb"]),
    ("For the code completion papers: which benchmarks are used?", "aggregate", []),  # a control: no title
    ("repository-level code completion: which benchmarks do the papers use?", "aggregate", []),  # part of a title
    ("Which papers evaluate on GSM8K or MATH?", "list", []),
    ("Are there papers on code completion?", "list", []),
    ("Which of these touch GSM8K in some way?", "list", []),  # with nothing before: the indexed papers
    ("who releases training data for math word problems?", "list", []),  # who does it: the papers
    ("who wrote DotaMath?", "factoid", ["dm"]),  # a paper's authors, not a list
    ("Does retrieval improve code completion?", "factoid", []),
    ("Is accuracy different in GSM8K and MATH?", "factoid", []),       # a question about data, not two papers
    ("Tell me more about it", "clarify", []),
    ("What are the different ways of using code to solve math problems?", "multi", []),
    ("what tricks have benchmark authors used to keep test data out of training sets?", "multi", []),
    ("How are LLMs being used to automate code review?", "multi", []),   # a plural subject, no paper named
    # A claim, then the works testing it and how: each work's way.
    ("Can models tell when a proof step is wrong? Which studies probe that and how?", "multi", []),
    # The papers asked for in a clause of their own: base models are what they are about, not what is listed.
    ("qwen models used anywhere? which papers — base models and baselines both count", "list", []),
    ("need every paper that has GPT-4o numbers or uses GPT-4o as the base model", "list", []),
    # Techniques a patent examiner says are disclosed or used: the ways across papers.
    ("Which problem-decomposition techniques are disclosed for code generation?", "multi", []),
    ("Which decomposition techniques are used in math reasoning?", "multi", []),
    ("the compiler folks — what methods do they use to check generated code, roughly", "multi", []),
    ("how large are the datasets the formal proof / verification papers build?", "multi", []),
    ("when you sample many programs, how do people pick the one to submit?", "multi", []),  # asked anywhere
    ("how are folks dealing with scarce proof data?", "multi", []),
    # Stop 53: workarounds are ways; a list topic saying nothing ("are described") asks the ways across papers.
    ("code models leak test data - what remedies are suggested?", "multi", []),
    ("search over program space: what methods are described, and how do they work?", "multi", []),
    ("What tricks exist to make code LLM inference cheaper?", "multi", []),
    ("what ideas are out there for making test-time compute pay off?", "multi", []),
    # The sentence that asks decides, whatever context comes first.
    ("Proof data is scarce. What approaches exist for getting more of it?", "multi", []),
    # What the collection says, in the asker's words: several papers' findings.
    ("what does the corpus say about diversity mattering in training data?", "multi", []),
    ("what evidences are there that LLMs cannot predict program execution?", "multi", []),
    ("what approaches do people here use to discover new algorithms?", "multi", []),  # the ways, not a list
    ("ways that papers use pseudocode to help LLMs reason?", "multi", []),
    ("what results do the code generation methods here report?", "multi", []),
    ("what approaches use MCTS?", "list", []),  # the papers with an approach
    ("what approaches make LM code completion cheaper?", "multi", []),  # the ways of doing something
    ("ways of getting more training data for LLM theorem provers", "multi", []),
    ("what approaches let LLMs run code to solve math problems?", "multi", []),  # "let": the ways of doing it
    ("why do some authors think code benchmarks are unrealistic?", "multi", []),  # several groups' views
    ("Can LLMs predict program outputs? what's been found so far", "multi", []),  # the findings of several
    ("what has been reported on the efficiency of LLM-written code?", "multi", []),
    ("is there any evidence here that smaller domain models beat GPT-4?", "multi", []),  # the collection's evidence
    ("Repeated sampling gives me near-identical programs. What have people done about it?", "multi", []),
    ("What evidence is there that data diversity helps generalisation?", "multi", []),
    ("what have user studies found about completion acceptance?", "multi", []),  # a kind of study, still several
    ("Is there evidence that RLCoder beats BM25?", "factoid", ["rl"]),  # one paper named: its own evidence
    ("repo-level completion benchmarks mentioned across the corpus?", "aggregate", []),  # a label, no "which"
    ("does diversity actually help? which papers show it and how", "multi", []),  # each paper's evidence for it
    ("small domain models vs giant general LLMs - any evidence the small ones win?", "multi", []),  # no papers
    ("datasets used in these papers for math?", "aggregate", []),
    ("how is retrieval used throughout the collection?", "multi", []),
    ("which papers argue that code benchmarks are unrealistic?", "list", []),  # the papers that do
    ("What does DotaMath do?", "factoid", ["dm"]),
    ("Across the code completion papers, which benchmarks are used?", "aggregate", []),
    ("among the code completion papers, what eval datasets/benchmarks come up?", "aggregate", []),  # words between
    ("What GSM8K accuracy does Eurus-2-7B-PRIME reach?", "factoid", ["pr"]),  # "our resulting model, Eurus-..."
    ("How does the Eurus-2 model do?", "factoid", ["pr"]),                   # the family, written with a version
    # A paper named by what it compares, then the ask: one paper, no comparison.
    ("VB vs VF test-time compute paper - did they run 32B models?", "factoid", []),
    ("Self-play vs expert iteration: which helps more?", "comparative", []),  # a control: two sides
    # A question about the body of work, however it opens: what has been tried or found, the kinds of work there
    # are, what people or "you" do. Each is answered paper by paper.
    ("what's been tried for speeding up code completion models?", "multi", []),
    ("has anyone shown that retrieval helps repo-level completion?", "multi", []),
    ("how has reinforcement learning been applied to program synthesis?", "multi", []),
    ("how have theorem provers been trained without much formal data?", "multi", []),
    ("what search strategies have been proposed for LLM code generation?", "multi", []),
    ("what kinds of feedback have been shown to help code repair?", "multi", []),
    # Asked without "do", after a lead-in; what the collection has on a topic said just before; a paper the
    # question ends by leaving out is not asked about.
    ("Beside the current file, what extra context peoples feed into completion models?", "multi", []),
    ("what benchmark people use most?", "factoid", []),  # a control: a named thing asked, no ways
    ("I'm writing on LLM agents for web tasks. what approaches does the corpus have on that?", "multi", []),
    ("which benchmarks do the code generation papers evaluate on? -- leave out contest work like AlphaCode",
     "aggregate", []),
    ("which benchmarks does AlphaCode evaluate on?", "factoid", ["ac"]),  # a control
    # Questions across papers after a label or an aside, of a group named before, of kinds the works rely on, of
    # "this set of papers"; aggregations after a lead-in, with other nouns for data, said as a label.
    ("leakage: how do the benchmark authors prevent it?", "multi", []),
    ("hi there :) how do these works use tree search?", "multi", []),
    ("HPC people: how do they adapt models to their field?", "multi", []),
    ("What kinds of feedback do the code repair works use?", "multi", []),
    ("how are agents evaluated in this set of papers?", "multi", []),
    ("Beyond static benchmarks, what approaches does the collection offer for testing math ability?", "multi", []),
    ("For theorem proving, which test sets appear across the papers?", "aggregate", []),
    ("um what code benchmarks show up across the whole collection", "aggregate", []),
    ("I'm writing a data card. What training corpora do the completion models in here use?", "aggregate", []),
    ("benchmarks the code generation papers report on, all of them", "aggregate", []),
    ("completion benchmarks used in here?", "aggregate", []),
    ("how does RLCoder train its retriever?", "factoid", ["rl"]),  # a control: one paper named
    # Named things asked for as a label.
    ("Verification benchmarks like SV-COMP -- which ones appear?", "aggregate", []),
    ("Metrics for code efficiency -- which ones are in use?", "aggregate", []),
    ("datasets for evaluating code generation on ML libraries?", "aggregate", []),
    ("theorem proving benchmarks across the collection -- give me the inventory", "aggregate", []),
    ("benchmarks that get refreshed over time?", "list", []),  # a control: the papers making such benchmarks
    ("frameworks where one LLM delegates subtasks to tools or other models?", "multi", []),
    ("ideas for making sampled programs more diverse?", "multi", []),
    ("how do benchmark authors keep test problems out of training data?", "multi", []),
    ("how can you make a code model run faster on a laptop?", "multi", []),
    ("what do we know about LLMs predicting program outputs?", "multi", []),
    ("in what ways do the papers use execution feedback?", "multi", []),
    ("what concerns are raised about letting LLM agents act on their own?", "multi", []),
    ("how are the newer benchmarks trying to dodge test-set contamination?", "multi", []),
    ("main ways people give completion models more context?", "multi", []),
    ("I'd like to hand a whole ML project to an agent. what exists for that?", "multi", []),
    ("Beyond passing the tests, what else should I be checking in generated code?", "multi", []),
    # Stop 56 (my wording): a claim, then the works bearing on it; where the field stands; the ways asked after a
    # topic; what the community or people do; variants and pipelines there are.
    ("can models really debug their own code? who has tested that?", "multi", []),
    ("do LLMs grasp program semantics? what experiments have examined this", "multi", []),
    ("is bigger always better for provers? what evidence there is", "multi", []),
    ("what do we really know about contamination in code benchmarks?", "multi", []),
    ("whats the consensus on sampling many programs and filtering them?", "multi", []),
    ("what's the big picture on humans and LLMs coding together?", "multi", []),
    ("what's the landscape for agents that browse the web?", "multi", []),
    ("speeding up completion models - approaches?", "multi", []),
    ("how has the community tackled scarce proof data?", "multi", []),
    ("how people pick one program out of many samples?", "multi", []),
    ("provers lack training data - how are teams getting around it?", "multi", []),
    ("what curriculum variants exist for completion training?", "multi", []),
    ("what data pipelines are there for math tuning?", "multi", []),
    # Controls: a named paper's own evidence; a question about one paper with "what experiments".
    ("did RLCoder test this? what evidence there is", "factoid", ["rl"]),
    ("what experiments does DotaMath run?", "factoid", ["dm"]),
    ("which of the submitted papers employ Lean as their checker?", "list", []),  # the collection's own word
    ("which of the math papers use Lean?", "multi", []),  # a kind of paper: asked of that set
    ("What techniques exist for cheaper provers? Open models only, not closed ones.", "multi", []),  # a remark after
    # Controls: one paper asked about, or a detail with no body of work behind it.
    ("how are models evaluated on MBPP?", "factoid", []),
    ("How many lemmas does the Lean IMO dataset have?", "factoid", []),
    ("what method does DotaMath use to build its data?", "factoid", ["dm"]),
    ("How has RLCoder been evaluated?", "factoid", ["rl"]),
    # A paper against a model the index has no paper for: what its own abstract says of that model.
    ("how does the AlphaCode system stack up against GPT-3.5?", "factoid", ["ac"]),  # held before too
    ("PyCoder vs RLCoder on CodeXGLUE - how big is the gap?", "comparative", ["sa", "rl"]),  # a control: two papers
    # A lower-case name in a run of names after "do": a paper, not the first one's verb.
    ("how do RLCoder, dotamath and PyCoder differ?", "comparative", ["rl", "dm", "sa"]),
    # Parts of one whole set against each other, in the paper named: no second paper.
    ("in RLCoder, what fraction of retrievals were useful vs useless?", "factoid", ["rl"]),
    ("for PyCoder, how many of the errors came from syntax vs naming?", "factoid", ["sa"]),
    # The papers that use a named model, whatever role they give it; the models tuned when none is named.
    ("which papers put Codex through its paces, as a base model or a baseline?", "list", []),
    ("which base models get fine-tuned across these papers?", "aggregate", []),  # a control
    # Papers or a topic as a label before the ask: a colon, a dash and an arrow alike.
    ("theorem proving papers — which benchmarks are reported?", "aggregate", []),
    ("evolutionary search for programs: what approaches exist", "multi", []),
    ("evolutionary search for programs — what approaches exist", "multi", []),
    ("how do different papers build math tuning data", "multi", []),  # a request's question, its "do" put back
    ("Name the benchmarks the search papers report on.", "aggregate", []),
    ("What does our corpus say about diversity, and why it matters?", "multi", []),
    # Second-language word order, a slash between data nouns, a rundown asked for, one of two papers picked.
    ("Which methods are proposed for improve the diversity of outputs?", "multi", []),
    ("How papers are using LLMs for discovering formulas?", "multi", []),
    ("how the corpus deals with benchmark contamination", "multi", []),
    ("which envs/benchmarks do the agent papers test on?", "aggregate", []),
    ("Need a rundown of the evaluation metrics that the code benchmark papers introduce or use.", "aggregate", []),
    ("Which paper has the stronger exact match, RLCoder or PyCoder?", "comparative", ["rl", "sa"]),
    ("which papers, RLCoder or PyCoder or others, report exact match?", "list", ["rl", "sa"]),  # papers: a list
    ("how do the provers get their training data?", "multi", []),
    # Papers the asker remembers after the ask are examples of the ways, each answered beside the others.
    ("ways llms get used to automate ml research itself? the ai scientist, the meta agent one...", "multi", ["ai"]),
    ("what are the ways the AI Scientist reviews papers?", "factoid", ["ai"]),  # named in the ask: about it
    # Several groups' view, however hedged; how the answer is to be put is no part of what is asked.
    ("Several papers seem to argue small specialist models beat huge ones. What's the evidence?", "multi", []),
    ("Can you summarize, for a general audience, why these papers think a verifier matters?", "multi", []),
    ("In plain English, how do the provers get their training data?", "multi", []),
    # What a paper builds, said for the papers that build one: which of them do it; not the things a paper tests.
    ("which provers report miniF2F numbers?", "list", []),
    ("which theorem provers report miniF2F numbers?", "list", []),
    ("which agents does ExecRepoBench test?", "factoid", ["eb"]),
    ("which provers achieve the highest miniF2F accuracy?", "factoid", []),  # a figure compared, not a list
    ("which tools developers use for code completion?", "factoid", []),  # no list verb after the kind
    ("ELI5: how do the provers get their training data?", "multi", []),
    ("Plain-language summary please: how do the provers get data?", "multi", []),
    ("A few papers seem to argue small models beat big ones. What's the evidence?", "multi", []),
    ("Several papers seem to report pass@1 on HumanEval. what is the highest?", "factoid", []),  # a claim, a figure
    # A lead-in about the asker is dropped only when it names nothing: "before I cite RLCoder" says what is asked.
    ("Quick sanity check before I cite RLCoder: what exact match does it get?", "factoid", ["rl"]),
    ("Quick question before I cite rlcoder: what exact match does it get?", "factoid", ["rl"]),  # in lower case too
    ("Which tools on RLCoder's platform get connected?", "factoid", ["rl"]),  # a place, not a list's verb
    ("Quick question as I compare RLCoder and PyCoder: which one uses reinforcement learning?", "comparative",
     ["rl", "sa"]),
])
def test_the_shape_follows_from_the_mentions(lexicon, question, kind, papers):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.papers) == (kind, papers)


@pytest.mark.parametrize(("question", "kind", "topic"), [
    ("The post lists RLCoder and PyCoder as the completion papers. Which papers here really do code completion?",
     "list", "do code completion"),
    ("a blog says AlphaCode and PyCoder use ASTs. which abstracts actually use ASTs?", "list", "ASTs"),
    ("RLCoder and PyCoder both do completion. What other papers do it?", "comparative", ""),  # "it" points back
    ("Compare RLCoder and PyCoder. Which papers use them?", "comparative", ""),
    # "that one": the name the asker began with, whatever describes it after.
    ("Also PyCoder - the syntax-aware completion model. which papers use that one?", "list", "PyCoder"),
    ("Also RLCoder. Then I switched to PyCoder. which papers use that one?", "comparative", ""),  # two named
    ("Also MBPP. Then I switched to HumanEval. which papers use that one?", "list", "HumanEval"),  # the last one
    # A word for a whole field is nothing a clause's own "it" points at; a name is, and so is the field otherwise.
    ("AI tests leak. Which papers build a benchmark and say that it's meant to stop leaks?", "list",
     "build a benchmark and say that it's meant to stop leaks"),
    ("ExecRepoBench leaks. Which papers build a benchmark and say that it's meant to stop leaks?", "list",
     "build a benchmark and say that ExecRepoBench's meant to stop leaks"),
    ("AI is everywhere. Which papers use it?", "list", "AI"),
    # "that one" counting what follows is no pointer; a clause naming something is no appositive to skip.
    ("I've been using HumanEval. Which papers show that one sample per problem isn't enough?", "multi", ""),
    ("HumanEval is everywhere. The olympiad benchmark miniF2F, less so. Which papers use that one?", "list",
     "miniF2F"),
    # An appositive whose head is a common noun describes the name before it; a maker in it says only whose.
    ("Also HumanEval - the OpenAI function-completion set. which papers use that one or MBPP?", "list",
     "HumanEval or MBPP"),
])
def test_a_list_of_the_whole_index_may_follow_papers_named_before_it(lexicon, question, kind, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == (kind, topic)


@pytest.mark.parametrize(("question", "topic"), [
    ("Which papers put together a brand new benchmark for code completion?",
     "build a new benchmark for code completion"),
    ("which papers came up with a new tokenizer?", "propose a new tokenizer"),
    ("which papers put out a dataset?", "release a dataset"),
    ("which papers put the model in a sandbox?", "put the model in a sandbox"),  # no particle: as said
    # Only with what is made right after: "put together retrieval and RL" joins them; "out-of-distribution" is a word.
    ("which papers put together retrieval and RL?", "put together retrieval and RL"),
    ("which papers put together the outputs of several LLMs?", "put together the outputs of several LLMs"),
    ("which papers put together their own benchmark?", "build their own benchmark"),
    ("which papers put out-of-distribution tests in their evaluation?",
     "put out-of-distribution tests in their evaluation"),
    # How an answer is to be put, only when set apart; inside the topic it is what is asked about.
    ("Do any papers generate a plain-language summary of the proof?", "generate a plain-language summary of the proof"),
    ("Which papers study code generation for a general audience of non-programmers?",
     "code generation for a general audience of non-programmers"),
])
def test_a_verb_said_with_a_particle_is_read_as_the_abstracts_say_it(lexicon, question, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == ("list", topic)


@pytest.mark.parametrize(("question", "kind", "topic"), [
    # A kind of papers opening a fragment, then what they do: which of them do it.
    ("code completion papers using RL?", "list", "RL in code completion"),
    ("completion papers reporting ROUGE-L?", "list", "reporting ROUGE-L in completion"),
    ("theorem proving papers with Lean", "list", "with Lean in theorem proving"),
    # Not papers the asker counts ("both", "two") nor one a question word asks something else of.
    ("Both papers using RL report gains?", "factoid", ""),
    ("Do code completion papers using RL beat the others?", "factoid", ""),
    ("Code completion papers using RL: what do they report?", "factoid", ""),
    ("Code completion papers using RL generally improve pass@1, right?", "factoid", ""),  # a claim checked
    ("speculative decoding works with large batches?", "factoid", ""),  # "works" is a verb here
    ("Code completion papers using RL?", "list", "RL in code completion"),  # the question's capital is no name's
    ("need papers that do both RL and code tasks", "list", "do both RL and code tasks"),
])
def test_a_kind_of_papers_said_with_what_they_do_asks_which_do_it(lexicon, question, kind, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == (kind, topic)


@pytest.mark.parametrize(("question", "topic"), [
    ("multi agent llm frameworks", "multi agent llm frameworks"),
    ("code completion with real users / A/B tests", "code completion with real users / A/B tests"),
    ("rl for code where unit tests give the reward", "rl for code where unit tests give the reward"),
    # What the asker means, said apart after a dash, is no part of the search-box topic.
    ("tokenizers for code -- and I mean subword vocabularies, not lexers", "tokenizers for code"),
    ("retrieval for completion, cross-file only — skip anything about docs",
     "retrieval for completion, cross-file only"),
    # Controls: a figure asked, the asker's own sentence, a question word.
    ("dotamath gsm8k accuracy 7b", ""),
    ("my students use chatgpt for homework", ""),
    ("how multi agent frameworks plan", ""),
    ("number of tasks in MBPP", ""),
    # Examples after a dash, a closing "list pls" after a sentence.
    ("hpc code papers — mpi, openmp, fortran etc", "hpc code, e.g. mpi, openmp, fortran etc"),
    ("completion grounded in deployed usage — telemetry, A/B tests. list pls",
     "completion grounded in deployed usage telemetry, A/B tests"),
    ("hpc code papers — how do they scale?", ""),  # a question after the dash
    ("hpc code papers — e.g. mpi, openmp", "hpc code, e.g. mpi, openmp"),
    ("code completion papers — 2 of them report latency numbers", ""),  # a statement, no examples
    ("lean papers — no isabelle, no coq", ""),  # what is left out, no examples
    ("any study of code generation on machine learning library tasks?", ""),  # whether there is one
])
def test_a_search_box_query_naming_a_topic_asks_for_the_papers_on_it(lexicon, question, topic):
    plan = understand(question, lexicon)
    assert (plan.kind == "list", plan.topic) == (bool(topic), topic)


@pytest.mark.parametrize(("question", "kind", "topic", "besides"), [
    ("besides AlphaCode, what else in here does competitive programming?", "list", "does competitive programming",
     ["ac"]),
    ("apart from PyCoder, who else uses token types?", "list", "token types", ["sa"]),
    ("Other than RLCoder: which papers do repository-level completion?", "list", "do repository-level completion",
     ["rl"]),
    ("so other than DotaMath and InfinityMATH, any others that build math data from GSM8K?", "list",
     "build math data from GSM8K", ["dm", "im"]),
    ("besides the 61.7% on miniF2F-test, what else does it get?", "factoid", "", []),  # a control: no paper
    # The ask may name the paper set aside again.
    ("besides the AlphaCode paper itself, who else brings up AlphaCode?", "list", "AlphaCode", ["ac"]),
    ("besides the AlphaCode paper, which papers mention AlphaCode?", "list", "AlphaCode", ["ac"]),
    # Or left out at the end, after the ask: out of a list, an aggregation or a question across papers too.
    ("which papers use token types? skip PyCoder", "list", "token types", ["sa"]),
    ("which benchmarks do the code generation papers report on -- leave out contest work like AlphaCode", "aggregate",
     "", ["ac"]),
    ("how do people here pick among sampled programs, apart from AlphaCode?", "multi", "", ["ac"]),
    ("how does AlphaCode pick among sampled programs?", "factoid", "", []),  # a control: the paper asked about
    # The name, then "aside"; the named things asked for first ("I need the benchmarks the X papers evaluate on").
    ("I need the benchmarks the code completion papers evaluate on. RLCoder itself aside", "aggregate", "", ["rl"]),
    # Said last with no comma before it.
    ("which papers use token types besides PyCoder?", "list", "token types", ["sa"]),
])
def test_a_paper_set_aside_before_a_list_is_left_out_of_it(lexicon, question, kind, topic, besides):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic, plan.besides) == (kind, topic, besides)


@pytest.mark.parametrize("question", [
    "Is KV Prediction or the dynamic-inference code completion method aimed at cutting latency?",
    "The dynamic-inference code completion method and KV Prediction both cut latency. How does each save compute?",
    "How does the dynamic-inference code completion method save compute compared with KV Prediction?",
])
def test_a_side_named_by_description_is_kept_for_lookup(lexicon, question):
    plan = understand(question, lexicon)
    assert plan.kind == "comparative" and plan.papers == ["kv"]
    assert plan.described == ["dynamic-inference code completion method"]


@pytest.mark.parametrize(("question", "papers", "described", "sides"), [
    # Two descriptions and no name: still a comparison of two papers, each looked up by what it says.
    ("what do the retrieval-for-completion paper and the time-to-first-token method each conclude?", [],
     ["retrieval-for-completion paper", "time-to-first-token method"], []),
    ("how is the dynamic-inference code completion paper different from the PyCoder one", ["sa"],
     ["dynamic-inference code completion paper"], []),
    # "the same benchmark" points at no paper.
    ("Do the olympiad geometry dataset paper and DotaMath use the same benchmark?", ["dm"],
     ["olympiad geometry dataset"], []),
    # A name holding "to" is one side: the strong joiner ("with") splits first; each is written as a paper.
    ("Compare the C to Rust translation paper with the dynamic inference paper", [],
     ["the C to Rust translation", "the dynamic inference"], []),
    # A possessive on a described side: what it describes is looked up, not "... paper's conclusion".
    ("How does the retrieval-for-completion paper's result differ from the time-to-first-token study's?", [],
     ["retrieval-for-completion paper", "time-to-first-token study"], []),
    # Described by what it does, after the noun.
    ("the paper comparing developers with ChatGPT and the dynamic-inference paper - what does each examine?", [],
     ["paper comparing developers with ChatGPT", "dynamic-inference paper"], []),
    # A side that is neither a name nor written as a paper stays a side (reported missing if nothing names it).
    ("How does PyCoder differ from retrieval augmentation?", ["sa"], [], ["PyCoder", "retrieval augmentation"]),
])
def test_sides_named_by_description(lexicon, question, papers, described, sides):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.papers, plan.described, plan.sides) == ("comparative", papers, described, sides)


@pytest.mark.parametrize("question", [
    # What the paper's own model did is asked: "the 7B model", "their 7B model", "the top model" are no papers.
    "DotaMath got 64.8% on MATH and 86.7% on GSM8K; are those the numbers for the 7B model?",
    "I've written that their 7B model scored 64.8% on MATH. Are those DotaMath's numbers?",
    "DotaMath: does the top model really reach 64.8% on MATH?",
])
def test_a_papers_own_model_described_is_no_side(lexicon, question):
    assert understand(question, lexicon).kind == "factoid"


@pytest.mark.parametrize(("question", "sides"), [
    # "vs" joins what is in its own clause, not the asks listed before it.
    ("bigcodebench: how many libraries, domains and tasks, and best LLM score vs human?", ["best LLM score", "human?"]),
    ("A, B and C vs D", ["A", "B", "C", "D"]),
    ("how many problems, and what share at 1,000 tries vs a single try?",
     ["what share at 1,000 tries", "a single try?"]),
    # The ask after a dash or a colon is no part of the last side.
    ("dynamic inference vs the pillow case studies — which reports the larger speedup?",
     ["dynamic inference", "the pillow case studies"]),
    ("A vs B: how does each build its data?", ["A", "B"]),
    ("A vs B — and how big is each?", ["A", "B"]),  # "and" before the ask
    ("A's ROUGE-L of 63.7% - for how many tokens, and vs what figures for B and C?", []),  # an ask after "vs"
])
def test_what_vs_joins(question, sides):
    from rag.answer.plan import compared_sides

    assert compared_sides(question) == sides


@pytest.mark.parametrize("question", [
    "AlphaCode: how many problems, and what share did it solve with 1,000 tries vs a single try?",
    "PyCoder on CodeXGLUE: how much did the fine-tuned model gain vs base?",  # the base model is no paper
])
def test_budgets_or_settings_of_one_run_compared_are_no_sides(lexicon, question):
    assert understand(question, lexicon).kind == "factoid"


def test_a_lone_description_with_no_other_side_is_no_comparison(lexicon):
    assert understand("What does the dynamic-inference code completion method skip?", lexicon).kind == "factoid"


@pytest.mark.parametrize(("question", "terms"), [
    ("How many ProofNet problems does RLCoder solve?", ["ProofNet"]),      # a benchmark without its split
    ("What GSM8K accuracy does Eurus-2-7B-PRIME reach?", ["GSM8K"]),     # the model names its paper instead
    # A benchmark after a compared paper's possessive is still compared on, when the other paper's abstract has it.
    ("Is DotaMath's GSM8K score higher than InfinityMATH's?", ["GSM8K"]),
    ("Is RLCoder's CrossCodeEval gain bigger than PyCoder's?", []),  # only RLCoder's abstract has it: its own
])
def test_benchmarks_and_models_named_in_a_question(lexicon, question, terms):
    assert [t.text for t in understand(question, lexicon).terms] == terms


@pytest.mark.parametrize(("question", "aspect"), [
    ("Compare DotaMath and InfinityMATH", ""),
    ("How do RLCoder and PyCoder differ in how they use context?", "use context"),
    # Of several sentences, the one that asks.
    ("DotaMath and InfinityMATH both use code. How does each one build its data?", "build data"),
])
def test_the_aspect_is_what_remains_after_the_names(lexicon, question, aspect):
    assert understand(question, lexicon).aspect == aspect


@pytest.mark.parametrize(("question", "terms"), [
    ("alphacode's pass@1 on humaneval?", ["humaneval"]),  # written HumanEval by the abstracts
    ("what does it get on swe-bench?", ["swe-bench"]),  # "SWE" is a name there
    ("how do multi-agent systems plan?", []),  # plain words hyphened together
    ("what does the model reach?", []),
    ("the proofnet accuracy?", ["proofnet"]),  # the abstract has only a longer name: "Proofnet-test"
    ("how does stp do on it?", ["stp"]),  # three letters the abstracts only write as a name
    ("how does the model do on it?", []),  # three letters the abstracts write as a word
])
def test_a_name_typed_in_lower_case_is_the_name(question, terms):
    from rag.text.vocabulary import Vocabulary

    papers = {"ev": Paper("ev", "Code Evaluation", "We test on HumanEval and on SWE-bench, where a multi-agent model "
                                                   "reaches 20%. HumanEval is small; SWE-bench is not; on "
                                                   "Proofnet-test it gets 10%. The STP prover gets 5%.")}
    vocabulary = Vocabulary("\n".join(f"{p.title}\n{p.abstract}" for p in papers.values()))
    lexicon = Lexicon(papers, vocabulary=lambda: vocabulary)
    assert [m.text for m in lexicon.find(question) if m.kind == "term"] == terms


@pytest.mark.parametrize(("question", "papers", "terms"), [
    # A name defined in the question is the concept, not the paper whose title starts with it ...
    ("Do carriers of Apolipoprotein E4 (APOE4) have a higher risk?", [], ["APOE4"]),
    # ... unless what it defines is that paper's own name.
    ("Is KV Prediction (KVP) faster?", ["kv", "kv"], []),
    # A note in words in brackets defines nothing: the paper is still named.
    ("Is KV Prediction (time to first token) faster?", ["kv"], []),
])
def test_a_name_the_question_defines_is_a_concept(question, papers, terms):
    from rag.text.vocabulary import Vocabulary

    corpus = {
        "ap": Paper("ap", "Apolipoprotein E4 as a predictor of outcomes after injury", "APOE4 carriers did worse."),
        "a2": Paper("a2", "Dementia risk in women", "Female APOE4 carriers had a higher risk of dementia."),
        "kv": Paper("kv", "KV Prediction for Improved Time to First Token", "We propose KV Prediction (KVP)."),
    }
    vocabulary = Vocabulary("\n".join(f"{p.title}\n{p.abstract}" for p in corpus.values()))
    mentions = Lexicon(corpus, papers_using=lambda words: 1, vocabulary=lambda: vocabulary).find(question)
    assert [m.paper_ids[0] for m in mentions if m.kind == "paper"] == papers
    assert [m.text for m in mentions if m.kind == "term"] == terms


@pytest.mark.parametrize(("name", "text", "stated"), [
    ("ORFs", "It has three open reading frames.", True),  # spelled out
    ("MBPP", "We test on Mostly Basic Python Problems.", True),
    ("Hox gene", "Hox mRNA translation is specific.", True),  # the name in it, "gene" an ordinary word
    ("RANK-RANK-Ligand", "RANKL acts through RANK in the thymus.", True),
    ("MT-Bench", "It claims state of the art on coding tasks.", False),
    ("ORFs", "It has three open frames.", False),
    ("Hox gene", "The gene is expressed.", False),
    ("NL-gene pairs", "It pairs natural-language gene descriptions.", True),  # two capitals beside a plain word
    ("NL-gene pairs", "It pairs new gene descriptions.", False),  # a control
    ("NL", "It pairs natural-language gene descriptions.", False),  # a control: alone, two capitals are too few
    # A two-capital measure spelled out as a word and a measuring noun.
    ("EM", "It achieves an exact match of 43.37% for the line-level predictions.", True),
    ("ES", "It reaches an edit similarity of 70%.", True),
    ("EM", "It uses an external memory.", False),  # "memory" measures nothing
    # A split beside the name is asked too.
    ("miniF2F-valid", "It proves 46.3% of the miniF2F test.", False),
    ("miniF2F-test", "It proves 46.3% of the miniF2F test.", True),  # a control
    ("miniF2F test", "The miniF2F benchmark has 20 IMO problems in its test set.", True),  # the split said apart
    ("miniF2F valid", "The miniF2F benchmark has 20 IMO problems in its test set.", False),
    ("VB-vs-VF", "VB methods scale better than VF methods.", True),  # two names hyphened by "vs"
])
def test_what_an_abstract_states_by_name(name, text, stated):
    from rag.answer.naming import states_name
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary("the gene is expressed; a ligand binds; the gene and its ligand; a valid test")
    assert states_name(text, name, vocabulary) is stated


@pytest.mark.parametrize(("name", "known"), [
    ("RLCoder", True), ("RLCodr", True), ("CrossCodeEvals", True), ("Llama3", False), ("Coq", False),
    ("HDL-C", True),   # an abbreviation the abstract spells out
    ("ILCs", True),    # a plural of a name the abstract uses
    ("LDL-C", False),
])
def test_a_name_is_known_in_some_form_or_not_at_all(lexicon, name, known):
    assert lexicon.known(name) is known


def test_a_paper_acronym_spelled_out_in_its_abstract_names_the_paper_too():
    papers = {"p3": Paper("p3", "Programming Puzzles", "We introduce a new type of programming challenge called "
                                                       "programming puzzles, as an objective and comprehensive "
                                                       "evaluation of program synthesis, and release an open-source "
                                                       "dataset of Python Programming Puzzles (P3). Codex solves 18%."),
              "other": Paper("other", "Other", "We use the Python Programming Puzzles (P3) dataset too.")}
    lexicon = Lexicon({"p3": papers["p3"]})
    (mention,) = lexicon.find("In the Python Programming Puzzles paper, what does Codex solve?")[:1]
    assert mention.kind == "paper" and mention.paper_ids == ("p3",)
    # A control: where another abstract has the words too, they name no one paper.
    assert not any(m.kind == "paper" for m in Lexicon(papers).find("the Python Programming Puzzles paper"))


@pytest.mark.parametrize(("name", "known"), [
    ("Llama3-8B", True),  # the abstract writes "Llama3- 8B"
    ("llama3 8b", True),
    ("Llama4-8B", False),
    ("F1", False),  # two characters are in any long text: not looked for that way
    ("FormalVer", False),  # letters across words ("Formal Verification") are no name written with other spacing
])
def test_a_name_written_with_other_spacing_is_known(name, known):
    lexicon = Lexicon({"fv": Paper("fv", "FVEL: Formal Verification", "FVELER fine-tuned Llama3- 8B solves 17.39% "
                                                                      "more problems, and of1 is no name.")})
    assert lexicon.known(name) is known


@pytest.mark.parametrize(("question", "history", "standalone"), [
    ("What benchmarks did it use?", ["What is RLCoder?"], "What benchmarks did RLCoder use?"),
    ("tell me more about the second one - how accurate is it?", ["what are OMPGPT and MPIrigen?"],
     "tell me more about MPIrigen - how accurate is it?"),
    ("What data does the latter use?", ["Compare DotaMath and InfinityMATH"], "What data does InfinityMATH use?"),
    ("And the first paper?", ["Is DotaMath or InfinityMATH better on GSM8K?"], "And DotaMath?"),
    ("what is the first step of it?", ["What is RLCoder?"], "what is the first step of RLCoder?"),  # no place
    ("the fourth one?", ["Compare RLCoder and PyCoder"], "the fourth one?"),  # two were named: nothing to pick
    # "which one" after two papers: one of the two, asked of both.
    ("which one is higher on GSM8K?", ["Compare DotaMath and MARIO"],
     "which of DotaMath and MARIO is higher on GSM8K?"),
    ("Which of the two is newer?", ["how do OMPGPT and MPIrigen differ?"], "which of OMPGPT and MPIrigen is newer?"),
    # No name anywhere: the earlier questions are carried, the latest that stands alone first ("how big is it?" alone
    # says nothing of what "it" is).
    ("who wins on it?", ["is there a benchmark of theorem proving in Lean?"],
     "who wins on it (following “is there a benchmark of theorem proving in Lean”)?"),
    ("who wins on it?", ["is there a benchmark of theorem proving in Lean?", "how big is it?"],
     "who wins on it (following “is there a benchmark of theorem proving in Lean” and “how big is it”)?"),
    # A pronoun is what the name goes in for, not "the dataset" asked about.
    ("what's the name of the dataset they released?", ["What is RLCoder?"],
     "what's the name of the dataset RLCoder released?"),
    ("how big is the dataset?", ["What is RLCoder?"], "how big is RLCoder?"),  # no pronoun: the phrase
    # A correction names what the rest is asked of, whatever the earlier turn named.
    ("no sorry, I meant the Lean IMO paper. how many lemmas did they write?", ["What is RLCoder?"],
     "how many lemmas did the Lean IMO paper write?"),
    ("oops, I meant DotaMath: what's its GSM8K score?", ["What is RLCoder?"], "what's DotaMath's GSM8K score?"),
    ("no, it uses BM25", ["What is RLCoder?"], "no, RLCoder uses BM25"),  # a control: no correction of what
    # "the two" after two turns, one paper each.
    ("so how do the two differ?", ["what is MPIrigen?", "and OMPGPT?"], "so how do MPIrigen and OMPGPT differ?"),
    ("how do the two differ?", ["what is MPIrigen?"], "how do the two differ (MPIrigen)?"),  # a control: one turn
    # "that one", "that benchmark": the name said before, in its place.
    ("Which papers use that one?", ["Also MBPP - the mostly basic Python problems set."], "Which papers use MBPP?"),
    ("which papers report results on that benchmark?", ["what is MBPP?"], "which papers report results on MBPP?"),
])
def test_follow_ups_are_made_standalone(question, history, standalone):
    assert condense(question, history) == standalone


@pytest.mark.parametrize(("question", "narrows"), [
    # "which of those is the X one" picks one of the list (the engine puts the pick in); it narrows nothing.
    ("ok and which of those is the openmp one? what did they build?", False),
    ("which of them is the MPI paper?", False),
    ("which of those also use OpenMP?", True),  # a control: the list narrowed
    ("is one of them written for Fortran?", True),  # "is one of them X": which of them are
])
def test_picking_one_of_a_list_is_no_narrowing(question, narrows):
    from rag.answer.plan import NARROWING

    assert (NARROWING in condense(question, ["which papers build HPC code models?"])) is narrows


@pytest.mark.parametrize(("question", "history", "standalone"), [
    # The paper's name as the index knows it, not its capitalised words alone ("KV").
    ("What gains does it show on TriviaQA?", ["What's KV Prediction?"],
     "What gains does KV Prediction show on TriviaQA?"),
    # "They both" are both papers, while "the second one" is picked by place.
    ("what search do they both build on, and how does the second one speed it up?",
     ["tell me about RLCoder and the Syntax-Aware On-the-Fly Code Completion paper"],
     "what search do RLCoder and Syntax-Aware On-the-Fly Code Completion both build on, and how does "
     "Syntax-Aware On-the-Fly Code Completion speed it up?"),
    ("what does each train on, and what does the second one add?", ["Tell me about RLCoder and DotaMath"],
     "what does RLCoder and DotaMath train on, and what does DotaMath add?"),
    # A name only one abstract has (a benchmark it introduces) is one of "them" too.
    ("which of them reports exact match?", ["Tell me about RLCoder and CodeXGLUE"],
     "which of RLCoder and CodeXGLUE reports exact match?"),
    # Three papers compared are all three of "those three"; a field's acronym said in passing is none of them.
    ("which of those three released weights?", ["the RL data: RLCoder vs PyCoder vs DotaMath, how was each built?"],
     "which of RLCoder, PyCoder and DotaMath released weights?"),
    # "they" after the one picked by place are its authors; before it, still all of them.
    ("and the second one: what did they train on?", ["RLCoder vs PyCoder: which is better?"],
     "and PyCoder: what did PyCoder train on?"),
    # Typed in lower case, put in as the abstracts write it: "(rlcoder)" would read as no name.
    ("and also what did they train?", ["tbh whats the rlcoder paper about"], "and also what did they train (RLCoder)?"),
])
def test_follow_ups_name_papers_as_the_index_does(lexicon, question, history, standalone):
    assert condense(question, history, lexicon.paper_names) == standalone


def test_a_title_alias_that_is_a_topic_of_the_field_names_no_paper():
    """"Stem Cells" (of "Stem Cells and Early Lineage Development") is used by many papers: a question about stem
    cells is not about that paper. A rare lead ("KV Prediction") and the whole title still name theirs."""
    papers = {
        "sc": Paper("sc", "Stem Cells and Early Lineage Development", "We review how stem cells commit to a lineage."),
        "kv": PAPERS["kv"],
    }
    many = {"stem cells": 40, "stem": 40, "cells": 300}
    lexicon = Lexicon(papers, papers_using=lambda words: many.get(words.lower(), 1))
    assert lexicon.paper_mentions("Do stem cells divide asymmetrically?") == []
    assert [m.paper_ids for m in lexicon.paper_mentions("What does KV Prediction reduce?")] == [("kv",)]
    named = lexicon.paper_mentions("What does Stem Cells and Early Lineage Development review?")
    assert [m.paper_ids for m in named] == [("sc",)]


# SciFact-like titles: a topic before the colon, Title Case words, a one-word title.
_TOPIC_PAPERS = {
    "copd": Paper("copd", "COPD: Epidemiology, Prevalence, Morbidity and Mortality",
                  "We review COPD and how its activation of inflammation differs between patients."),
    "anx": Paper("anx", "Anxiety", "Anxiety disorders are common; we review their treatment."),
    **{f"c{i}": Paper(f"c{i}", f"Inflammation study {i}",
                      f"In COPD patients, anxiety and the activation of neutrophils were measured in cohort {i}; "
                      f"we found that calcium levels rose.") for i in range(5)},
    "recq": Paper("recq", "RecQ helicases: caretakers of the genome",
                  "RecQ helicases, a class of enzymes, keep the genome stable."),
    "kv": PAPERS["kv"],
    "desmond": Paper("desmond", "A diabetes education and self management programme (DESMOND): three year follow-up",
                     "Outcomes did not differ between the groups at three years."),
    "mpirigen": Paper("mpirigen", "MPIrigen: MPI Code Generation through Domain-Specific Language Models",
                      "Language models generate parallel programs."),
}


def _topic_lexicon() -> Lexicon:
    from rag.text.vocabulary import Vocabulary

    corpus = "\n".join(f"{p.title}\n{p.abstract}" for p in _TOPIC_PAPERS.values())
    vocabulary = Vocabulary(corpus)
    counts = {}

    def papers_using(words: str) -> int:  # as the BM25 index counts: its rarest word
        if words not in counts:
            counts[words] = min(sum(w.lower() in f"{p.title} {p.abstract}".lower() for p in _TOPIC_PAPERS.values())
                                for w in words.split())
        return counts[words]

    return Lexicon(_TOPIC_PAPERS, corpus, papers_using, lambda: vocabulary)


@pytest.mark.parametrize(("question", "papers", "terms"), [
    # A name before a colon that many abstracts use is the topic, not the paper ...
    ("Do high levels of CRP raise the risk of exacerbations in COPD?", [], ["COPD"]),
    # ... and so is a one-word title, which a question writes as an ordinary word.
    ("Did patients with panic anxiety show lower levels?", [], []),
    # A Title Case title's plain words, or a question's leading "Are", are no names.
    ("Are calcium levels linked to activation?", [], []),
    ("Does it act as a receptor?", [], []),
    # Rare names still name their papers.
    ("What does KV Prediction reduce?", ["kv"], []),
    ("What do RecQ helicases do?", ["recq"], []),
    # A name its title defines and no other paper uses names the paper (a trial's acronym) ...
    ("Did the DESMOND programme cause weight loss?", ["desmond"], []),
    # ... a name its title only uses is what the paper is about.
    ("Which models generate MPI code?", [], ["MPI"]),
])
def test_topics_and_plain_words_are_not_names(question, papers, terms):
    mentions = _topic_lexicon().find(question)
    assert [m.paper_ids[0] for m in mentions if m.kind == "paper"] == papers
    assert [m.text for m in mentions if m.kind == "term"] == terms


@pytest.mark.parametrize(("name", "known"), [
    ("RecQ-class", True),  # a known name with an ordinary word hyphened on
    ("COPD-related", False),  # "related" is no word of this corpus
    ("RecQ-mini", False),  # not a word the abstracts write: a name of its own
    ("RecQ-Zeta", False),
    ("RecQ-RecQ-Enzymes", True),  # known names and ordinary words, whatever their case
    ("KV-for-enzymes", True),  # a short known name ("RL-for-code") with ordinary words
    ("COPD-la", False),  # two letters are no word
])
def test_a_known_name_with_a_word_hyphened_on_is_known(name, known):
    assert _topic_lexicon().known(name) is known


@pytest.mark.parametrize(("sentence", "times_it"), [
    ("Training the auxiliary model takes 3 days on 8 GPUs.", True),
    ("Prompt processing can take 10s of seconds on edge devices.", False),  # a time of something else
    ("We train it for a while.", False),  # no time at all
])
def test_how_long_it_takes_to_do_something_is_a_time_of_doing_it(sentence, times_it):
    from rag.answer.units import counted_unit

    assert counted_unit("How long does it take to train the auxiliary model?").search(sentence) is times_it


@pytest.mark.parametrize(("sentence", "counts"), [
    ("One of the tasks asks for a proof.", False),  # "one of" is no count
    ("Using two subsets of our task set, we show it.", False),  # it counts subsets
    ("It solves 71 of the 397 tasks.", True),
    ("We collect 974 tasks.", True),
    ("Only 47% of tasks are solved.", True),
])
def test_a_count_of_the_asked_unit_is_a_number_of_them(sentence, counts):
    from rag.answer.units import counted_unit

    assert counted_unit("How many tasks are there?").search(sentence) is counts


@pytest.mark.parametrize(("question", "sentence", "counts"), [
    ("Which of the two trains on more synthetic examples?", "It has 574K query-response pairs.", True),
    ("Which of the two trains on more synthetic examples?", "It uses 8 million formal statements.", True),
    ("which one has more diverse programs?", "It uses 8 million formal statements.", None),  # no count asked
    ("how many samples each", "comprising 116 Python code completion problems", True),  # words between
    ("how many samples each", "We evaluate on 7 code generation benchmarks.", False),  # benchmarks hold samples
    ("how many samples each", "up to 0.9 accuracy for argument predictions", False),  # a decimal counts nothing
    ("how many samples each", "DotaMath-deepseek-7B showcases strong results", False),  # a model's name
    ("Which benchmark has the most tasks?", "ExecRepoBench includes 1.2K samples.", True),  # a benchmark's items
    ("Did A or B evaluate a larger number of LLMs?", "We evaluate 23 leading LLMs.", True),
    ("number of tasks in MBPP?", "The MBPP dataset contains 974 programming tasks.", True),  # said tersely
    ("what is the total number of tasks in MBPP?", "The MBPP dataset contains 974 programming tasks.", True),
    ("what is the total number of tasks in WebArena?", "The tasks in our benchmark are diverse.", False),
    ("WebArena total task count? i.e. what n is the 10.59% computed over", "It has 812 tasks.", True),
    ("a number of tasks were hard", "It has 974 programming tasks.", None),  # "a number of": no count asked
    # A number the question states is no count of what it asks: the abstract only says it again.
    ("how many of the 974 tasks are in the test split?", "The dataset contains 974 programming tasks.", False),
    # "are in REFUTE": its size, which a share of its problems is not.
    ("how many problems are in REFUTE currently?", "agents solve up to 48% of these problems", False),
    ("how many problems are in REFUTE currently?", "REFUTE holds 324 problems.", True),
    # Benchmark items by another name: P3 counts its puzzles as problems.
    ("how many of the test puzzles does Codex solve?", "solving up to 18% of 397 test problems", True),
    # The whole asked for: a split's count is no answer, whatever the items are called.
    ("how many puzzles does P3 contain in total?", "solving up to 18% of 397 test problems", False),
    ("how many problems does MBPP contain in total?", "The MBPP dataset contains 974 programming tasks.", True),
    # Samples drawn per problem are a budget, counted as samples only: the contest's participants are no answer.
    ("how many samples per problem did FooCoder draw?", "in contests with more than 5,000 participants", False),
    ("how many samples for each task did FooCoder draw?", "46.3% with 64 samples", True),  # a control
    ("what were the raw counts before and after?", "It solves 17.39% (69 -> 81) more problems.", None),  # no unit
    # Kinds of a thing, by whatever word: "how many kinds of context" is "8 types of contexts".
    ("how many kinds of context did they try?", "We experiment with 8 types of contexts.", True),
    ("how many varieties of prompt were tested?", "We test 5 kinds of prompts.", True),
])
def test_a_count_of_items_is_a_number_of_whatever_the_dataset_holds(question, sentence, counts):
    from rag.answer.units import counted_unit

    found = counted_unit(question)
    assert (found.search(sentence) if found else None) is counts


@pytest.mark.parametrize(("question", "sized"), [
    ("UGMathBench vs ProcessBench - how big is each one?", True),
    ("size of the proof datasets in FVEL and the IMO Lean one?", True),
    ("Is the FVELER dataset larger or smaller than the F* corpus?", True),
    ("which is bigger, OMPGPT or MPIrigen?", True),
    ("how many lemmas does each have?", False),  # a unit named: counted_unit's
    ("which one shows the larger gain on HumanEval?", False),  # a figure, not a size
    ("what bigger models do they claim to match?", False),
    ("How do A and B differ in approach?", False),
])
def test_a_size_asked_without_a_unit_is_a_count_of_items(question, sized):
    from rag.answer.units import size_unit

    found = size_unit(question)
    assert (found is not None) is sized
    if found:
        assert found.search("It consists of 3,400 test cases.") and not found.search("We gain 12.2% EM.")


@pytest.mark.parametrize(("question", "name"), [
    ("which paper introduced HumanEval?", "HumanEval"),
    ("Who first proposed the miniF2F benchmark?", "miniF2F"),
    ("which work here originally created GSM8K", "GSM8K"),
    ("where does SWE-bench come from?", "SWE-bench"),
    ("what is the origin of the MATH dataset?", "MATH"),
    ("in the paper that introduced MBPP, how many tasks are there?", "MBPP"),
    ("which paper in here came up with the HumanEval set?", "HumanEval"),
    ("which papers build domain-specific LMs for HPC code?", None),  # papers doing something: a list
    ("which paper uses HumanEval?", None),  # no making asked
    ("what did STP propose?", None),
])
def test_a_question_asking_who_made_a_name_names_it_right_after(question, name):
    from rag.answer.origin import asked_origin

    start = asked_origin(question)
    assert (question[start:start + len(name)] if start is not None else None) == name


_DOMAINS = "It spans 139 libraries and 7 domains. The best model scores up to 60%."


@pytest.mark.parametrize(("question", "text", "unranked"), [
    ("which of the 7 domains is hardest for the models?", _DOMAINS, "which domain is hardest"),
    ("which programming language did the models do worst on?", _DOMAINS, "which language is worst"),
    ("which of its subjects has the lowest accuracy?", _DOMAINS, "which subject is lowest"),
    ("which of the 7 domains is hardest?", "Models struggle most with the networking domain.", ""),  # ranked
    ("which model is best?", _DOMAINS, ""),  # not a part of the benchmark: which_model's
    ("what domains does it cover?", _DOMAINS, ""),  # no ranking asked
    # Any parts the question counts: "which of the 8 context types ... the biggest".
    ("which of the 8 context types gave the biggest single improvement?", "Contexts help, up to +22%.",
     "which of the 8 context types gave the biggest"),
    ("which of its 3 versions is hardest?", _DOMAINS, "which of its 3 versions is hardest"),
    ("which of the 4 context types helped most?", "The largest gain came from the process context.", ""),
    ("which of the 30 LLMs did best?", _DOMAINS, ""),  # models: which_model's
    # Parts named without a count, several words long, or by the paper's possessive.
    ("which of the quantized checkpoints has the highest throughput?", "We release quantized checkpoints.",
     "which of the quantized checkpoints has the highest"),
    ("which of Stable Code's quantized checkpoints is fastest?", "We release quantized checkpoints.",
     "which of Stable Code's quantized checkpoints is fastest"),
    ("which of the models is best?", _DOMAINS, ""),
    ("which of the two methods works best?", _DOMAINS, ""),  # methods: papers' ways, not a paper's parts
])
def test_a_ranking_of_a_papers_parts_needs_a_sentence_ranking_them(question, text, unranked):
    from rag.answer.asks import unranked_part

    assert unranked_part(question, text) == unranked


@pytest.mark.parametrize(("question", "aspect", "terms", "on_them"), [
    ("compare B-Coder and PRIME on the MATH benchmark", "MATH benchmark", ["MATH"], True),
    ("CodeTree vs PLANSEARCH on HumanEval results", "HumanEval results", ["HumanEval"], True),
    ("Is MPIrigen or OMPGPT the OpenMP one?", "OpenMP", ["OpenMP"], False),  # which is about it, no figure
    ("compare A and B on HumanEval and how they search", "HumanEval search", ["HumanEval"], False),  # more asked
])
def test_a_comparison_on_a_benchmark_alone_asks_each_ones_result_on_it(question, aspect, terms, on_them):
    from rag.answer.compare_rows import _on_them, _only_names

    assert (_only_names(aspect, terms) and _on_them(question, terms)) is on_them


@pytest.mark.parametrize(("question", "terms"), [
    ("RLCoder vs PyCoder (CodeXGLUE) - how well does each do?", []),  # which paper: PyCoder's own benchmark
    ("RLCoder vs PyCoder on CodeXGLUE - how well does each do?", ["CodeXGLUE"]),  # a control: what it is scored on
    ("RLCoder vs PyCoder (both on CodeXGLUE) - how well does each do?", []),
])
def test_a_name_in_brackets_after_a_paper_says_which_paper(lexicon, question, terms):
    assert [t.text for t in understand(question, lexicon).terms] == terms


@pytest.mark.parametrize(("question", "better"), [
    ("Both make code completion faster. What is the trick in each?", False),  # the scene, not the ask
    ("A and B both want more accurate proofs - how does each get them?", True),  # one sentence: it may ask
    ("A and B both prove theorems. Which one is stronger on miniF2F?", True),
    ("bayesian posterior vs consensus? which holds up better vs self-testing", True),
    ("Is A or B better? I need one for my survey.", True),  # the question first, an aside after
])
def test_only_the_sentences_that_ask_can_ask_which_is_better(question, better):
    from rag.answer.plan import asks_which_is_better

    assert asks_which_is_better(question) is better


@pytest.mark.parametrize(("aspect", "roles"), [
    ("specifically target", ["approach"]),  # what each is for: where it introduces itself
    ("about", ["approach"]),  # "what is each one about?"
    ("measuring instead", ["approach"]),  # what each measures is its method (a metric it proposes)
    ("reinforcment learning optimizing", ["approach"]),
    ("training data built", ["data", "approach"]),
    ("say about cost", []),  # "about" a topic asks for what is said on it, no role
    ("feed", ["approach"]),  # "what they feed the model": what goes in
    ("injects syntax", ["approach"]),
    # What each automates, how each decides or avoids labels, its core idea: its way of doing it.
    ("actually automating", ["approach"]),
    ("get around avoid step labels", ["approach"]),
    ("core idea", ["approach"]),
])
def test_what_a_paper_is_for_is_asked_of_its_approach_sentence(aspect, roles):
    from rag.answer.compare_rows import roles_asked

    assert roles_asked(aspect) == roles


_PROVER = ("Our model achieved whole-proof accuracies of 46.3% with 64 samples and 52% cumulatively on the miniF2F "
           "test, after fine-tuning the DeepSeekMath 7B model.")


@pytest.mark.parametrize(("question", "unmet"), [
    ("What accuracy does it reach with 128 samples?", "with 128 samples"),  # its figure is with 64
    ("What accuracy does it reach with 64 samples?", ""),
    ("What accuracy does it get at 128 samples?", "at 128 samples"),  # any way of saying the budget
    ("what does the 13B model get?", "for the 13B model"),
    ("What accuracy does it reach after fine-tuning on 8 million samples?", ""),  # data, not a budget
    ("what does the 7B model get?", ""),
    ("what is its accuracy at n=8?", "at n=8"),  # a parameter's value no sentence gives
    ("What accuracy does it reach?", ""),  # no setting given
    # A split: the figure is on the test split.
    ("It gets 46.3% on the miniF2F test set with 64 samples. And on the valid split?", "on the validation split"),
    ("what does it get on miniF2F-valid?", "on the validation split"),
    ("what's its accuracy on the dev set?", "on the validation split"),
    ("what does it get on the miniF2F test split?", ""),
    ("which tests does it run?", ""),  # no split
    ("what about the training data?", ""),  # what it trained on, not a figure's split
    # A prompting setting: the figure sentence is the fine-tuned model's ("achieves 46.3% with 64 samples").
    ("what few-shot accuracy does it get? no finetune", "with few-shot prompting"),
])
def test_a_figure_asked_under_a_setting_needs_a_sentence_under_it(question, unmet):
    from rag.answer.asks import unmet_setting

    assert unmet_setting(question, [_PROVER]) == unmet


def test_a_parameters_value_must_be_the_one_the_figure_is_for():
    from rag.answer.asks import unmet_setting

    codefill = "It beats the state of the art for multi-token prediction (ROUGE-L: 63.7%, for n=4 tokens)."
    assert unmet_setting("Its ROUGE-L is 63.7 at n=4 tokens - what is it at n=8?", [codefill]) == "at n=8"
    assert unmet_setting("codefill rouge-l for multi token prediction, n = 4?", [codefill]) == ""


@pytest.mark.parametrize(("question", "asks"), [
    ("what does RLCoder do and how much does it improve EM?", ["what does RLCoder do", "how much does it improve EM?"]),
    ("How many tasks does WebArena have; what does it measure?", ["How many tasks does WebArena have",
                                                                  "what does it measure?"]),
    ("For WebArena, what task success rate?", ["For WebArena, what task success rate?"]),  # a comma alone joins none
    ("name of OMPGPT's tokenizer + which language does it target?", ["name of OMPGPT's tokenizer",
                                                                      "which language does it target?"]),
    ("DotaMath's data plus what does it score on MATH?", ["DotaMath's data", "what does it score on MATH?"]),
    ("C++ or Fortran?", ["C++ or Fortran?"]),  # a plus inside a name joins nothing
    # A second question led by a preposition.
    ("is pseudocode better than prose? and on how many tasks was it tested?",
     ["is pseudocode better than prose?", "how many tasks was it tested?"]),
    ("which data does it use and on what basis?", ["which data does it use and on what basis?"]),  # control: no "?"
    ("how many test cases, and on which dataset was its PRM fine-tuned?",  # after a comma
     ["how many test cases", "which dataset was its PRM fine-tuned?"]),
    ("did it outscore Minerva, and by what margin?", ["did it outscore Minerva, and by what margin?"]),  # its gap
    # What the asker knows, then the ask.
    ("FooBench goes 69 -> 81 on X. What are the numbers on Y?", ["FooBench goes 69 -> 81 on X.",
                                                                "What are the numbers on Y?"]),
    ("I use GPT-4. Does it help?", ["I use GPT-4.", "Does it help?"]),
    ("does VB beat VF? what model sizes did they test?", ["does VB beat VF?", "what model sizes did they test?"]),
    ("It scores 12 vs. 10 on it.", ["It scores 12 vs. 10 on it."]),  # a control: no ask after the stop
    # The ask led by where it asks about.
    ("I'm reading about control flow. In CoCoNUT, how well did Gemini do?",
     ["I'm reading about control flow.", "In CoCoNUT, how well did Gemini do?"]),
    ("It ran on Lean. In total, 5 proofs.", ["It ran on Lean. In total, 5 proofs."]),  # no ask word after the comma
])
def test_a_question_with_two_asks_is_split_between_them(question, asks):
    from rag.answer.asks import split_asks

    assert split_asks(question) == asks


@pytest.mark.parametrize(("question", "asks"), [
    ("FooBench goes 69 -> 81 on X. What are the numbers on Y?", ["What are the numbers on Y?"]),
    ("what does FooCoder do and how big is it?", ["what does FooCoder do", "how big is it?"]),
    ("FooCoder is fast.", ["FooCoder is fast."]),  # nothing asked: the question itself
])
def test_what_the_asker_sets_out_is_no_ask(question, asks):
    from rag.answer.asks import asks_in

    assert asks_in(question) == asks


@pytest.mark.parametrize(("question", "ask"), [
    ("FooBench: how many LLMs were evaluated, and which one achieves the best eff@1?",
     "which one achieves the best eff@1?"),  # the models said in the ask before
    ("how many users, and which of the 3 models came out best?", "which of the 3 models came out best?"),
    ("which model did best?", "which model did best?"),  # one ask: the question
    ("how many tasks, and which one is hardest?", "how many tasks, and which one is hardest?"),  # no models said
])
def test_the_ask_for_which_model_among_several(question, ask):
    from rag.answer.asks import model_ask

    assert model_ask(question) == ask


@pytest.mark.parametrize(("question", "unmet"), [
    ("is that pass@1 or pass@10?", ""),  # one of the offered cut-offs is stated
    ("at what pass@k?", ""),  # any cut-off
    ("what's its pass@1?", "pass@1"),
    ("pass@1 or pass@5?", "pass@1"),  # none of them stated
    # Which cut-off it is, is what is asked: any stated one answers.
    ("the 39.9% - what k is that? pass@1 or something bigger", ""),
    ("is it pass@1, or a different k?", ""),
    ("which pass@k is the 39.9% at?", ""),
    # A cut-off set aside is not asked.
    ("is it at pass@10 rather than pass@1?", ""),
    ("is it at pass@1 rather than pass@10?", "pass@1"),
])
def test_a_metric_cut_off_asked_must_be_the_one_stated(question, unmet):
    from rag.answer.asks import unmet_qualifier
    from rag.answer.scoring import ScoredSentence

    stated = ScoredSentence("p", 0, "GPT-4o achieves a pass@10 of only 39.9%.", 0.9, 0.5, 0.9, 0)
    assert unmet_qualifier(question, [stated]) == unmet


@pytest.mark.parametrize(("question", "unmet"), [
    # The asker glosses the abstract's short name for the measurement: it is the one stated.
    ("what's the highest effective accuracy (EAcc) any model reached?", ""),
    ("what's the highest effective accuracy any model reached?", "effective"),
    ("what's the highest effective accuracy (EffAcc) any model reached?", "effective"),
])
def test_a_measurement_glossed_by_the_abstracts_short_name(question, unmet):
    from rag.answer.asks import unmet_qualifier
    from rag.answer.scoring import ScoredSentence

    stated = ScoredSentence("p", 0, "The highest EAcc achieved is 56.3% by OpenAI-o1-mini.", 0.9, 0.5, 0.9, 0)
    assert unmet_qualifier(question, [stated]) == unmet


@pytest.mark.parametrize(("question", "unmet"), [
    ("it gets 54.51% - at what pass@k?", "pass@k"),
    ("what k is the 54.51% at?", "pass@k"),
])
def test_which_cut_off_a_figure_is_at_is_unstated_when_no_sentence_gives_one(question, unmet):
    from rag.answer.asks import unmet_qualifier
    from rag.answer.scoring import ScoredSentence

    stated = ScoredSentence("p", 0, "Our framework achieves 54.51% accuracy on MiniF2F-Test.", 0.9, 0.5, 0.9, 0)
    assert unmet_qualifier(question, [stated]) == unmet


def test_a_papers_own_dataset_is_no_benchmark_to_compare_on(lexicon):
    # "InfinityMATH's GSM8K data": what it built from GSM8K; DotaMath's GSM8K score is no row beside it.
    shape = understand("DotaMath vs InfinityMATH's GSM8K data - how big is each?", lexicon)
    assert shape.kind == "comparative" and [t.text for t in shape.terms] == []
    shape = understand("DotaMath vs InfinityMATH's GSM8K score?", lexicon)  # a control: a score on a benchmark
    assert [t.text for t in shape.terms] == ["GSM8K"]


def test_every_ask_of_a_question_with_three_is_found():
    from rag.answer.asks import every_ask

    assert every_ask("how many users and how many completions in total, and which of the 3 models came out best?") \
        == ["how many users", "how many completions in total", "which of the 3 models came out best?"]
    assert every_ask("what does FooCoder do?") == ["what does FooCoder do?"]


@pytest.mark.parametrize(("question", "asks"), [
    ("Which model achieved the top score of about 60% on BigCodeBench?", True),
    ("what LLM did best there?", True),
    ("which model gets the highest pass@1?", True),
    ("Which model does RLCoder train?", False),  # a model, but no result it reached
    ("What score does the best model reach?", False),  # a score is asked, not which model
    ("Which of the evaluated LLMs did best?", True),
    ("which LLM tops BigCodeBench?", True),
    ("What method does CodeFill propose and what accuracy does it achieve?", False),  # a method, then a figure
    ("What model does RLCoder train, and how well does it perform?", False),  # two asks: neither is which did best
    ("which LLM does ADAS use as the meta agent?", True),  # which one it uses
    ("which base model does DeepSeek-Prover fine-tune?", True),
    ("adas paper: what foundation model powers the meta agent?", True),
    ("what LLM is behind Meta Agent Search?", True),
    ("what model size does RLCoder use?", False),  # a size, not a model
    ("Which specific edge devices were used for the throughput measurements?", True),  # hardware, by name
    ("What does the model achieve on HumanEval?", False),  # "what does the model": a figure, not which one
    ("stable code 3b: which edge devices exactly did they measure throughput on?", True),  # any verb
    ("UGMathBench evaluated 23 LLMs - which one had the biggest reasoning gap?", True),  # one of the LLMs
    ("Between ProcessBench and CS-Bench, which one has more test cases?", False),  # no models said
    ("ENAMEL evaluated 30 LLMs; which one is the most efficient?", True),  # the LLMs said in the ask before
    ("what linter does FooEdit rely on, flake8 or another?", True),  # a component, by name
    ("which retriever is FooRAG built around?", True),
    ("which SMT solver exactly?", True),
    ("what tokenizer does FooTok introduce?", False),  # its own, which the paper names as its own
    ("what does the retriever learn?", False),  # no kind asked by name
    ("which model was the one proving 2 of the 20 problems?", True),  # "the one": a name asked
    ("which SOTA LLMs did they test?", True),  # the models evaluated, by name
    ("which LLMs were evaluated on it?", True),
    ("which LLM generated the plausible test cases?", False),  # "test cases" is no testing of models
    ("which model sizes did they use?", False),  # sizes, not a model
    ("under $15 a paper - which LLM is that with?", True),  # the model behind a result
    ("top score is ~60% - which model is that?", True),  # the one that reached it
    ("InCoder came out on top. what were the other two models?", True),  # names beyond the one said
    ("Code4Me: name the other models they evaluated", True),
    ("how did the other models do?", False),  # how they did, not which
    ("what size model did they finetune?", False),  # a size, not which model
    ("which model families are its base LLMs?", True),  # families are named by their models
    ("which model architecture is it?", False),
])
def test_which_model_reached_a_result_is_asked_by_name(question, asks):
    from rag.answer.asks import asks_which_model

    assert asks_which_model(question) is asks


@pytest.mark.parametrize(("question", "unit", "counts"), [
    ("How many parameters does CodeFill have?", "parameters", "a 7B-parameter model"),
    ("How many lemmas are in the Lean dataset?", "lemmas", "a dataset of 1,329 lemmas"),
    ("How many lines of code is CodeFill trained on?", "lines", "425M lines of code"),  # lines, of code
    ("How long does FunCoder take per problem?", "how long it takes", "about 40 s per problem"),
    ("How long is the context window?", None, ""),  # a length, not a time
    ("What does RLCoder improve?", None, ""),
    ("how many models got evaluated in BigCodeBench?", "models", "our evaluation of 60 LLMs"),  # counted as LLMs
    ("evaluated on how many tasks and datasets?", "datasets", "seven tasks using fourteen datasets"),  # in words
    ("How many tasks are in WebArena?", "tasks", "a benchmark of 812 long-horizon tasks"),
    ("how many tasks can their agent accomplish?", "tasks", "can robustly accomplish 70+ Minecraft tasks"),
    ("how many problems are in gitchameleon?", "problems", "comprising 116 Python code completion problems"),
    # The unit said before "how many": "the most LLMs, and how many did each test?"
    ("Which of these evaluated the most LLMs, and how many did each test?", "LLMs", "our evaluation of 60 LLMs"),
    ("How many did they solve?", None, ""),  # nothing says what is counted
    ("how many traces did it get fully right?", "traces", "only 47% of HumanEval task traces"),  # a share of them
    ("Which model has more parameters, A or B?", "parameters", "a 7B parameters model"),
    ("Which benchmark has more items?", "items", "It consists of 3,400 test cases"),  # whatever it counts
    ("which benchmark has more problems?", "problems", "a benchmark of 1,140 fine-grained tasks"),
    ("Which dataset has more examples?", "examples", "It has 12,000 training examples"),
    ("Which benchmark is more rigorous, HumanEval or MBPP?", None, ""),  # an adjective is no unit
    ("whats the parameter count of OMPGPT?", "the parameter count", "a 0.76B parameter model"),
    ("StarCoder2 parameter count?", "the parameter count", "a 15B parameter model"),  # terse, after the name
    ("lemma count?", "the lemma count", "a dataset of 1,329 lemmas"),
    ("gitchameleon's problem count", "the problem count", "comprising 116 Python code completion problems"),
    ("How does MPIrigen count MPI calls?", None, ""),  # "count" as a verb asks no count
    ("how many people took part in the study?", "people", "a study with 25 participants"),  # not "part"
    ("how many developers used it?", "developers", "usage data from more than 1200 users"),  # people in any role
    ("how many training tokens went into it?", "tokens", "trained on 1.3T tokens"),
    ("how many manually curated problems does it have?", "problems", "116 manually curated problems"),
    ("how much speedup and how many layers skipped?", "layers", "it can averagely skip 1.7 layers"),  # not "skipped"
    ("how many top-level definitions exactly?", "definitions", "around 32K top-level definitions"),  # not "exactly"
    ("number of test samples, and how many LLMs they evaluated?", "LLMs", "we evaluate over 30 LLMs"),  # not "they"
    ("A vs B: which has more problems/tasks and how many each?", "problems", "a benchmark of 1,140 tasks"),
    ("of the 20 IMO problems, how many already had formal proofs?", None, ""),  # an adverb is no unit
    ("how many took part in the user study?", "people", "a study with 21 participants"),
    ("how many libraries/versions does it span?", "libraries", "It spans 12 versions of 7 libraries"),  # either
    ("how many test cases/problems in each?", "cases", "approximately 5K test samples"),  # whatever each counts
    ("A vs B: which has more test items, and exactly how many each?", "items", "It comprises 5,062 problems"),
    ("it solves 17% more on SV-COMP: what are the absolute counts?", None, ""),  # "more on" counts nothing
    ("how many people actually used Code4Me?", "people", "usage data from more than 1200 users"),  # not "actually"
])
def test_what_a_how_many_question_counts(question, unit, counts):
    from rag.answer.units import counted_unit

    found = counted_unit(question)
    assert (found.label if found else None) == unit
    if found:
        assert found.search(counts)
        assert not found.search("a task success rate of 14.41%")


@pytest.mark.parametrize(("question", "other"), [
    ("How much faster is KV Prediction than speculative decoding?", "speculative decoding"),
    ("Is PLANSEARCH better than plain repeated sampling?", "plain repeated sampling"),
    ("Is RLCoder better than the baseline?", ""),  # too plain to check: a paper may call it anything
    ("What does RLCoder improve?", ""),
    ("how does their translator compare with c2rust on HACL*?", "c2rust"),  # a digit inside: a name, however typed
    ("how does it compare to speculative decoding?", "speculative decoding"),
    ("does it hold up against much bigger models?", ""),  # any of a kind: a paper says "larger models" its own way
    ("is OMPGPT better than other open LLMs?", ""),
    ("do VB methods scale better than VF ones?", "VF"),  # the kind word after a name is no part of it
    ("is it faster than speculative decoding methods?", "speculative decoding"),
])
def test_what_a_question_compares_a_paper_with(question, other):
    from rag.answer.asks import compared_with

    assert compared_with(question) == other


@pytest.mark.parametrize(("question", "other"), [
    ("does codetree beat reflexion on humaneval?", "reflexion"),  # the abstracts write it Reflexion: a name
    ("does codetree beat sampling on humaneval?", ""),  # an ordinary word
])
def test_a_name_typed_in_lower_case_is_what_a_paper_is_compared_with(question, other):
    from rag.answer.asks import compared_with
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary("We beat Reflexion, as Reflexion is strong. Sampling is done; sampling helps.")
    assert compared_with(question, vocabulary) == other


@pytest.mark.parametrize(("question", "described"), [
    ("across the code completion papers, which evaluation metrics get reported?", "code completion"),
    ("how big are the datasets the formal proof / verification papers put together?", "formal proof / verification"),
    ("What do these theorem-proving methods train on?", ""),                # one word, hyphened or not
    ("What do these Lean theorem-proving methods train on?", "Lean theorem-proving"),
    ("What kinds of environments are the agent papers evaluated in?", ""),  # one word: too broad to look up
    ("What are the different ways these papers pick the best program?", ""),  # says nothing of the papers
    ("What benchmarks do the papers that train code models use?", ""),      # a relative clause: the question
])
def test_the_papers_a_question_across_papers_describes(question, described):
    assert paper_set(question) == described


@pytest.mark.parametrize(("question", "topic"), [
    # The clause that asks for the list decides; a lead-in sentence or label before it is context.
    ("I'm comparing provers. Which papers in here evaluate on miniF2F?", "miniF2F"),
    ("Not code: which papers work with Isabelle or with Coq", "Isabelle or with Coq"),
    ("Is there research on program repair in this collection? I want all of it", "program repair"),
    ("Any papers specifically about tokenizers? the full set please", "tokenizers"),
    ("is there any work on code search", "code search"),
    ("What does RLCoder retrieve? And how?", ""),                    # no clause asks for papers
    ("Which papers use Lean? Only the ones proving theorems", "Lean? Only the ones proving theorems"),  # it goes on
    ("I read DotaMath. Which papers do they compare with?", ""),      # "they": about what came before
    ("which papers use isabelle instead of, or as well as, lean", "isabelle"),  # what is asked for, not the other
    ("Which papers evaluate on MBPP but not HumanEval?", "MBPP"),
    ("who's using LLMs to make code run faster? list the papers pls", "LLMs to make code run faster"),
    ("who is working on code search", "code search"),
    # "one" is the thing the sentence before wants.
    ("I'm looking for benchmarks for repository-level completion. which papers introduce one",
     "benchmarks for repository-level completion"),
    ("We need a Lean dataset. Which papers release one", "release a Lean dataset"),
    # The topic first, the ask for papers after it.
    ("Looking for work on agents that act on websites - which papers", "agents that act on websites"),
    ("agents that act on websites - any papers", "agents that act on websites"),
    ("I need papers about code search. Which ones are there", "code search"),
    ("I read DotaMath. Which ones extend it", ""),  # "it": about what came before
    ("I'm collecting work that applies RL to code generation. Which papers in the collection fit",
     "RL to code generation"),
    ("which ones build math data where the model runs code", "build math data where the model runs code"),
    ("We use MCTS for proof search. Which other papers try that", ""),  # "that": what came before
    ("anything using Isabelle", "Isabelle"),
    ("anything on openmp or mpi code generation? which papers?", "openmp or mpi code generation"),
    ("bit of a random one: which abstracts bring up Turing completeness?", "Turing completeness"),
    # Words before "studies" describe them; an aside in brackets points at no earlier paper.
    ("I'm collecting empirical studies that evaluate ChatGPT itself (not just cite it). which ones",
     "ChatGPT itself (not just cite it)"),
    # A second ask after the topic is answered from the papers listed, not searched as part of the topic.
    ("which papers train provers with self-play, and what do they report on miniF2F", "train provers with self-play"),
    ("which papers use Lean and Isabelle", "Lean and Isabelle"),  # "and" inside the topic stays
    # Wanting all of them, with or without "I", asks nothing more of the papers.
    ("which papers do code search? want all of them for my survey", "do code search"),
    ("- which papers use Lean? - want everything in the corpus, not only provers", "Lean"),  # bullets typed
    # What is set aside after "which papers," is no part of the topic.
    ("Which papers, other than position papers, evaluate agents on websites", "agents on websites"),
    ("which works, leaving aside benchmark papers, train a Lean prover", "train a Lean prover"),
    ("who fine-tunes StarCoder? (i only remember one of them)", "fine-tunes StarCoder"),  # a hyphened verb
    ("any automl papers in here", "automl"),
    ("which one made better papers", ""),  # "which one" asks no list
    ("looking for RL applied to code tasks -- which papers", "RL applied to code tasks"),  # a double dash
    ("which papers use RL in some form, at least in part", "RL"),
    ("which papers do theorem proving in Lean as the main focus?", "do theorem proving in Lean"),
    ("which works train provers as their primary goal", "train provers"),
    # What the asker says of themselves after the ask: papers they know already, what the list is for.
    ("which papers in our set generate proofs in Lean? i count deepseek-prover and maybe 2-3 others. making the "
     "formal-methods session reading list", "generate proofs in Lean"),
    ("which papers evaluate ChatGPT itself? I can think of the math one... others? want a ChatGPT-evals mini-session",
     "ChatGPT itself"),
    ("which papers use Lean? I remember two", "Lean"),
    # What is wanted, said as a need; a clause setting papers aside or restating the ask is no part of it.
    ("for my review I need ONLY papers where the model writes Lean proofs - exclude ones that merely mention Lean. "
     "which papers qualify", "the model writes Lean proofs"),
    ("only papers that fine-tune on math data - exclude papers that only evaluate. which ones",
     "fine-tune on math data"),
    ("Which papers use a learned verifier for math? exclude proof checkers like Lean - I mean LLM judges only",
     "a learned verifier for math"),
    # A statement of what counts, after the ask, is said of the topic, not part of it; a narrowing said as one is.
    ("Which papers include a user study? Usage logs on their own wouldn't be enough for me", "a user study"),
    ("which papers report HumanEval numbers. plain HumanEval only, and skip ones that borrow its problems",
     "HumanEval numbers"),
    ("Slightly odd one: which papers bring up Turing-completeness? Passing mentions are fine here",
     "Turing-completeness"),
    ("Which papers use Lean? Only the ones proving theorems", "Lean? Only the ones proving theorems"),
    # "that" after a statement of interest points at it, with the examples given.
    ("I'm interested in judging each step of a solution. Which papers deal with that, e.g. process rewards, or "
     "finding the first wrong step", "judging each step of a solution, e.g. process rewards, or finding the first "
     "wrong step"),
    # What the topic names itself, "it" and "its" stand for; "they" saying or doing something are the papers.
    ("HumanEval lineage — which papers evaluate on HumanEval or its plus version, or build something out of it",
     "HumanEval"),
    ("For the evidence table: which papers report numbers on MBPP (or MBPP+), including whoever introduced it",
     "MBPP (or MBPP+)"),
    ("For the open-science point: which papers say they release their model on Hugging Face",
     "say they release their model on Hugging Face"),
    ("Latency is a cost paid in waiting. Which papers treat latency as the constraint they're optimizing against",
     "latency as the constraint they're optimizing against"),
    ("Most abstracts never name a price. Which ones put a dollar figure on what it costs to run their system",
     "put a dollar figure on what it costs to run their system"),
    ("I read AlphaCode. Which papers build on it", "AlphaCode"),
    ("I read the AlphaCode paper. Which papers do they compare against", ""),  # "they" first points back
    ("AutoCodeRover — which papers evaluate on SWE-bench and beat its 19%", ""),  # "its" is AutoCodeRover's
    # An ask restated after "i.e.", when it names what it is about
    ("What's downstream of Codex in this collection, i.e. which papers name Codex at all", "name Codex"),
    ("What's the Codex story, i.e. which papers use the model", ""),
    ("What's the best result on miniF2F, i.e. which paper reports the highest", ""),
    ("Who beats GPT-4 on miniF2F, i.e. which papers report surpassing GPT-4 there",
     "beats GPT-4 on miniF2F, i.e. which papers report surpassing GPT-4 there"),
    # A name for every role it may have: any use of it.
    ("which papers use GSM8K for training or eval", "GSM8K"),
    # any use of a name in the roles a model takes; the papers whose abstract mentions a name
    ("list the papers where GPT-4o is used, either as base model or for evaluation", "GPT-4o"),
    ("please list the papers where GPT-4o is used as the base model or as a baseline", "GPT-4o"),
    ("Need: every paper whose abstract mentions GSM8K", "GSM8K"),
    ("which papers use MBPP as training data or as a benchmark", "MBPP"),
    ("which papers use GSM8K for training", "GSM8K for training"),
    ("which papers use GSM8K for fine-tuning or pretraining", "GSM8K for fine-tuning or pretraining"),  # both train
    ("which papers use GPT-4 for evaluation or as a baseline", "GPT-4 for evaluation or as a baseline"),
    ("which papers use HumanEval only for evaluation", "HumanEval only for evaluation"),
    ("which papers use GitHub issues in their evaluation", "GitHub issues in their evaluation"),
    ("which papers use HumanEval or its extension HumanEval-X", "HumanEval or its extension HumanEval-X"),
    # "they" standing for what a sentence before says
    ("I read about process reward models. Which papers show they fail beyond GSM8K", ""),
    ("Small models are cheap. Which papers claim they match GPT-4", ""),
    ("Which papers beat GPT-4 on miniF2F, that is, which papers report a higher score than GPT-4",
     "beat GPT-4 on miniF2F, that is, which papers report a higher score than GPT-4"),
    ("which papers use MBPP in their evaluation", "MBPP"),
    ("which papers whose experiments involve SWE-bench", "SWE-bench"),
    ("Which papers use MBPP or its plus version in their evaluation? Please include the paper that originally "
     "introduced it", "MBPP"),
    ("which papers evaluate on HumanEval-X or its plus version", "HumanEval-X"),
    ("which papers use code execution for training or evaluation", "code execution for training or evaluation"),
    # the ways a name is used, said after it as examples: any use of it
    ("which papers here make use of HumanEval, be it for reporting results or building a new dataset",
     "make use of HumanEval"),
    ("which papers touch on miniF2F, whether they report numbers on it or build material around it", "miniF2F"),
    ("which papers work with GSM8K in some form", "GSM8K"),
    ("which papers use SWE-bench or some variant of it for eval", "SWE-bench"),
])
def test_a_list_asked_in_a_clause_of_a_longer_question(question, topic):
    assert list_topic(question.rstrip("?.! ")) == topic


@pytest.mark.parametrize(("question", "papers", "described", "terms"), [
    # A third side listed, described, after two named ones; the names inside it name that side.
    ("RLCoder, PyCoder and the CodeT5 + RRHF optimisation paper all use learning signals - for what?",
     ["rl", "sa"], ["CodeT5 + RRHF optimisation paper"], []),
    # "the better method" is no side: nothing lists it with the named papers.
    ("Compare DotaMath and InfinityMATH: which is the better method on GSM8K?", ["dm", "im"], [], ["GSM8K"]),
    # A name written as a paper's own ("PyCoder's CodeXGLUE") is no benchmark to compare both on.
    ("The time-to-first-token paper and PyCoder's CodeXGLUE runs: which shows more gain?", ["sa"],
     ["time-to-first-token paper"], []),
    ("Is PyCoder or RLCoder better on CodeXGLUE?", ["sa", "rl"], [], ["CodeXGLUE"]),
])
def test_comparison_sides_and_what_they_are_compared_on(lexicon, question, papers, described, terms):
    plan = understand(question, lexicon)
    assert plan.kind == "comparative"
    assert (plan.papers, plan.described, [t.text for t in plan.terms]) == (papers, described, terms)


@pytest.mark.parametrize(("question", "kind", "papers"), [
    # A name only one abstract uses, written as a side next to a named paper, is that paper.
    ("ZorbaBench and RLCoder both do retrieval. Which is harder?", "comparative", ["zb", "rl"]),
    ("Is RLCoder or ZorbaBench better?", "comparative", ["rl", "zb"]),
    # Named within a question about one paper, it is what is asked about.
    ("What does RLCoder get on ZorbaBench?", "factoid", ["rl"]),
])
def test_a_name_one_abstract_uses_paired_with_a_paper_is_compared(question, kind, papers):
    corpus = {**PAPERS, "zb": Paper("zb", "Evaluating Retrievers", "Results on ZorbaBench are low.")}
    shape = understand(question, Lexicon(corpus))
    assert (shape.kind, shape.papers) == (kind, papers)


@pytest.mark.parametrize(("question", "names", "unanswerable"), [
    ("What accuracy does GPT-4 reach on MMLU?", ["MMLU"], True),
    ("How does RLCoder do on Defects4J?", ["Defects4J"], True),
    ("Does the recruitment of Wdr5 depend on Kat8?", ["Kat8"], False),  # a claim: "on" names no benchmark
    ("Does Kat8 raise the accuracy on MMLU?", ["Kat8", "MMLU"], True),  # a figure asked
    ("Was RLCoder evaluated on Defects4J?", ["Defects4J"], True),  # a benchmark, by "evaluated on"
    ("does their 7B model beat GPT-4o on AIME 2024?", ["AIME"], True),  # where a comparison is measured
    ("Does Wdr5 beat Kat8 in binding strength?", ["Kat8"], True),  # what it is compared with, as before
    ("Does RLCoder perform well on Defects4J?", ["Defects4J"], True),
    ("Is RLCoder better than RepoFormer on CrossCodeEval?", ["RepoFormer"], True),  # what it is compared with
    ("Do cost evaluations based on cRCT data lack external validity?", ["cRCT"], False),  # "based on": a claim
    ("Does RLCoder help on Defects4J?", ["Defects4J"], True),  # an outcome on it is a result on a benchmark
    ("does RLCoder train its retriever w/ PPO or GRPO?", ["PPO", "GRPO"], True),  # the choices: neither is there
    ("Is Kat8 or Wdr5 the one that recruits MOF?", ["Kat8"], False),  # the other an abstract has: another word
    ("Is its data released under MIT or Apache 2.0?", ["MIT"], True),  # the other no abstract has either
    ("Is PyTorch one of the four ML libraries they used?", ["PyTorch"], True),  # a member of what a paper names
    ("Is TensorFlow among the libraries evaluated?", ["TensorFlow"], True),
    ("Is Kat8 one of the factors recruited by MOF?", ["Kat8"], False),  # a claim, not what a paper used
    ("does the DotaMath paper report an SVAMP number?", ["SVAMP"], True),  # a figure on it
    ("Does the Kat8 level rise when MOF binds?", ["Kat8"], False),  # a control: a claim about its level
])
def test_when_an_unknown_name_makes_a_question_unanswerable(question, names, unanswerable):
    from rag.answer.asks import unknown_name_unanswerable

    corpus = {"Wdr5", "MOF", "RLCoder"}.__contains__  # the words the abstracts have, here
    assert unknown_name_unanswerable(question, names, asks_yes_no(question.rstrip("?")), corpus) is unanswerable


@pytest.mark.parametrize(("question", "unknown"), [
    ("eurus-2-7b-prime aime 2024 pass@1?", ["aime"]),  # a benchmark's name typed in lower case
    ("alphacode's codeforces elo rating?", ["elo"]),  # tiktoken has "elo", but among its rare tokens
    ("ENAMEL eval metric name?", []),  # clipped English: a common token
    ("is chatgpt at the level of an avg math grad student or nah", []),
    ("how big is the verified crypto library?", []),
    ("what does plansearch do btw", []),  # the index has it; chat shorthand
    ("how hard is usamo?", ["usamo"]),  # a short name the index lacks
    ("what did the annotators do", []),  # a longer word nothing knows is as often rare English as a name
    ("waht does rlcoder do?", []),  # a common word with two letters swapped
    ("didnt they use code, sorta?", []),  # a contraction without its apostrophe; chat shorthand
    ("swe-bench-lite numbers", []),  # joined to a name by a hyphen: the name is judged whole
    ("how many test cases does it hav?", []),  # a function word with a letter left out
    ("why isnt it on-the-fly?", []),  # "is" is too short for the tables, not for a contraction
    ("how big is the lemma dataset?", []),  # the abstracts write it only in the plural
    ("exp setup: how many datasets?", []),  # a clipping left as typed
    ("how big is the lema dataset?", ["lema"]),  # a control: no plural of it anywhere
])
def test_a_lower_case_word_nothing_explains_is_a_name_the_index_lacks(question, unknown):
    from rag.answer.unknowns import unknown_lower
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary("We present PlanSearch and ChatGPT on SWE-bench-lite with Codeforces and 1,329 lemmas.")
    assert unknown_lower(question, vocabulary) == unknown


@pytest.mark.parametrize(("question", "unknown"), [
    ("what speedup does it get for float16 sine?", ["float16"]),  # another type than the abstract's float32
    ("any numbers on an h100?", ["h100"]),
    ("is llama3 used?", []),            # "Llama-3" in the abstract: the spacing differs, the name does not
    ("gpt4o vs o1 on it?", []),         # "GPT-4o", and "o1" heads "o1-mini"
    ("float32 results please", []),
    ("pass@1 and llama2-7b, top of v2?", []),  # a metric, a piece of a longer name, a release
])
def test_a_lower_case_name_with_a_number_the_abstracts_never_write_is_unknown(question, unknown):
    from rag.answer.unknowns import unwritten_numbered

    corpus = "Over float32 numbers, Llama-3 and GPT-4o beat o1-mini."
    assert unwritten_numbered(question, corpus) == unknown


@pytest.mark.parametrize(("question", "plussed"), [
    ("webarena gpt4 agent score on miniwob++", ["miniwob++"]),
    ("humaneval+ and mbpp+ numbers?", ["humaneval+", "mbpp+"]),
    ("written in c++ or C#?", []),  # one letter is a language's name, no benchmark's
    ("GSM8K+MATH, a+b", []),  # joined names and sums
])
def test_a_lower_case_name_with_plus_signs_is_a_name(question, plussed):
    from rag.answer.unknowns import PLUSSED

    assert PLUSSED.findall(question) == plussed


@pytest.mark.parametrize(("question", "yes_no"), [
    ("Does retrieval improve code completion?", True),
    ("If I diversify instruction data inside a few domains, should I expect generalisation?", True),
    ("When the prompt is long, does KV Prediction still help", True),
    ("I am tuning a retriever. Does reinforcement learning help it?", True),
    ("If a model is small, what does it get on HumanEval?", False),      # the condition, then a wh-question
    ("What does RLCoder do? It retrieves.", False),
    ("QwQ is competitive with GPT-4o. Can you give both models' scores?", False),  # a request for the scores
    ("could you please list the benchmarks it uses?", False),
    ("Can you tell me whether FunCoder beats GPT-4?", True),  # a control: whether is yes or no
    ("Can FunCoder run on small models?", True),
    # A subject set apart by a colon or a dash, then the question.
    ("Austin et al.'s MBPP paper: is it true that feedback halves the error rate?", True),
    ("the pillow/numpy case study - did they have failed attempts?", True),
    ("the pillow/numpy case study - what did they optimise?", False),
    ("Does it beat GPT-4? STP: what sizes?", True),  # a question before the colon decides
    # Where it asks first: "in the X paper, did ...".
    ("in the MBPP paper, did human feedback actually halve the error rate?", True),
    ("According to CoCoNUT, can Gemini trace half of the traces?", True),
    ("in the MBPP paper, what halves the error rate?", False),
    # The answer's form said outright; "does" left out before a name's bare verb.
    ("mbpp paper: human nl feedback halves the error rate? y/n", True),
    ("OVM-7B use GPT-4 or code execution for its GSM8K result?", True),
    ("DeepSeek-Prover prove any FIMO problem? and GPT-4 also prove some?", True),
    ("AlphaCode solve how many problems?", False),  # a wh-question all the same
    ("CS-Bench have ~5K samples.", False),  # a statement
    ("autocoderover on swe-bench-lite - higher than SWE-agent or not?", True),
    ("ok but is ChatGPT at grad-student level or nah", True),
    ("hot take: offline benchmarks match real usage. true or nah?", True),
    # A claim, then whether it holds.
    ("Post claims QwQ-32B-Preview beats o1-mini on ProcessBench. Accurate?", True),
    ("blog credits OVM-7B's result to GPT-4. true??", True),
    ("STP gets 61.7% - is that right?", True),
    ("what is the dataset, right?", False),  # a tag on a wh-question
    ("which is correct?", False),
    # Whether something pays off, asked after it (my wording); a list asked so is none.
    ("curriculum learning for small completion models - any real benefit?", True),
    ("retrieving context for completion: is there a measurable improvement?", True),
    ("tree search for code: any papers?", False),
])
def test_a_yes_no_question_may_follow_a_condition_or_a_lead_in(question, yes_no):
    assert asks_yes_no(question.rstrip("?")) is yes_no


@pytest.mark.parametrize(("question", "aspect"), [
    # The sentence with the question mark asks, wherever it stands.
    ("Are RLCoder and PyCoder trained on GitHub data? We want to reuse it.", "trained GitHub data"),
    ("RLCoder and PyCoder both complete code. How does each use context?", "use context"),
    # A clause after a spaced dash or a colon asks as much as a sentence does.
    ("RLCoder, PyCoder and DotaMath all use code - what kind of data does each one train on?", "data train"),
    ("RLCoder vs PyCoder: how does each use context", "use context"),
    # A clause pointing back asks about what it points at.
    ("RLCoder and PyCoder both train on GitHub code - how does each use it?", "train GitHub code use"),
    # The pointer and the hedging are no aspect, nor is a sentence's full stop.
    ("RLCoder and PyCoder both seem to skip labelled data. how does each one do that?", "skip labelled data"),
    ("RLCoder vs PyCoder — which languages did each one get tested on?", "languages tested"),
])
def test_the_aspect_comes_from_the_sentence_that_asks(lexicon, question, aspect):
    assert understand(question, lexicon).aspect == aspect


class _Scored:
    """Sentence scores of one paper, as a question found them (the scoring itself is the model's)."""

    TEXTS = ("Code completion must be fast.",                                     # problem
             "Latency matters to users of IDEs.",                                 # problem
             "We propose an early exit that skips 1.7 layers on average.",        # approach
             "We train a classifier that decides when to exit, from each hidden state.",  # approach
             "The weather was fine.",                                             # other
             "It keeps 98% of the accuracy while saving 11% of the compute.")     # results

    def __init__(self, scores: list[float]) -> None:
        from rag.answer.scoring import ScoredSentence

        self.sentences = sorted((ScoredSentence("p", i, self.TEXTS[i], s, 0.0, s, 0) for i, s in enumerate(scores)),
                                key=lambda s: -s.score)

    def scored_in(self, paper_ids):
        return self.sentences


@pytest.mark.parametrize(("scores", "quoted"), [
    ([0.9, 0.2, 0.5, 0.1, 0.1, 0.1], [0, 2]),  # the best, and the sentence saying what the paper did
    ([0.9, 0.2, 0.5, 0.5, 0.1, 0.5], [0, 2, 3, 5]),  # the way is often said over two sentences; then its result
    ([0.9, 0.3, 0.3, 0.1, 0.1, 0.1], [0]),  # nothing else close enough
    ([0.9, 0.2, 0.1, 0.1, 0.7, 0.1], [0, 4]),  # a sentence this close to the best joins, in the abstract's order
    # ... unless it is background: the question asks what the papers do, not why it matters.
    ([0.9, 0.7, 0.1, 0.1, 0.1, 0.1], [0]),
])
def test_a_papers_line_across_papers(scores, quoted):
    from rag.answer.across import paper_group

    found = _Scored(scores)
    group = paper_group(found, found.sentences[0])
    assert [s.position for s in group] == quoted


@pytest.mark.parametrize(("name", "sentence", "data"), [
    ("RepoEval", "RLCoder is evaluated on CrossCodeEval and RepoEval.", True),
    ("PutnamBench", "It is state of the art on miniF2F-test (61.7%, pass@3200), Proofnet-test (23.1%, pass@3200) "
                    "and PutnamBench (8/644, pass@3200).", True),
    ("FIMO", "It proved 5 of 148 problems in the Lean 4 Formal International Mathematical Olympiad (FIMO) "
             "benchmark.", True),
    ("MBPP", "The MBPP dataset has 974 problems.", True),
    ("GPT-4o", "With GPT-4o, CodeTree reaches 95.1 on HumanEval.", False),  # a model, not data
    ("Code4Me", "We developed an open-source IDE extension, Code4Me, for the evaluation.", False),
    ("IDE", "Developers accept completions in the IDE.", False),
    ("DeepSeek", "We fine-tune various sized models, including StarCoder and DeepSeek, on this dataset.", False),
    ("HuggingFace", "Our PyCoder is publicly available on HuggingFace.", False),  # a platform
    ("CCEval", "We evaluate on benchmarks including CCEval and HumanEval.", True),
    # Only names between "models such as" and the name: the data after the model list is still data.
    ("HumanEval", "We evaluate models such as GPT-4 on the HumanEval benchmark.", True),
    ("MBPP", "We test code models, including StarCoder and CodeLlama, on HumanEval and MBPP.", True),
])
def test_a_name_put_where_data_goes(name, sentence, data):
    from rag.answer.across import used_as_data

    assert used_as_data(name, sentence) is data


@pytest.mark.parametrize(("question", "topic"), [
    ("which existing benchmarks are used to evaluate code completion across these papers?", "code completion"),
    ("what benchmarks get used for repository-level code completion across the papers?",
     "repository-level code completion"),
    ("What datasets are used for math word problems?", "math word problems"),
    ("What eval benchmarks do plansearch, codetree and funcoder use?", ""),  # papers named, no topic
    ("What datasets do the papers that train LLMs for math reasoning use?", ""),  # a relative clause: left out
    ("Which benchmarks are tested in more than one paper?", ""),  # no topic
    ("What benchmarks are used for evaluation and what metrics do they report?", ""),  # the first ask only
])
def test_what_the_papers_an_aggregation_asks_about_do(question, topic):
    from rag.answer.across import aggregated_topic

    assert aggregated_topic(question) == topic


@pytest.mark.parametrize(("question", "papers"), [
    # "we propose AutoML-Agent, a framework for full-pipeline AutoML": AutoML is what it is for, not its name.
    ("In the Unified Functional Hashing paper for AutoML, what does hashing avoid?", ["fh"]),
    ("What does AutoML-Agent plan?", ["aa"]),
])
def test_a_name_after_the_one_a_paper_introduces_is_not_its_name(question, papers):
    corpus = {
        "aa": Paper("aa", "AutoML-Agent: A Multi-Agent LLM Framework for Full-Pipeline AutoML",
                    "Automated machine learning (AutoML) is costly. We propose AutoML-Agent, a novel multi-agent "
                    "framework tailored for full-pipeline AutoML."),
        "fh": Paper("fh", "Unified Functional Hashing in Automatic Machine Learning",
                    "The field of AutoML has attained results. We show that functional hashing avoids re-evaluation."),
    }
    assert understand(question, Lexicon(corpus)).papers == papers


@pytest.mark.parametrize(("question", "papers"), [
    # Short names typed in lower case, paired: each is its paper.
    ("ovm and dotamath both skip step labels: what does each train from?", ["ov", "dm"]),
    ("Is rlcoder or ovm better?", ["rl", "ov"]),
    # Alone, or paired with a plain word, a short lower-case word is a word.
    ("Does ovm training help?", []),
    ("ovm and friends", []),
    # A run of names by commas or a slash: each beside a paper's name is that paper.
    ("dotamath, ovm, infinitymath - how is each dataset built?", ["dm", "ov", "im"]),
    ("ovm/rlcoder: which needs labels?", ["ov", "rl"]),
    ("code, ovm, and friends", []),  # a short name beside plain words only
])
def test_short_names_typed_in_lower_case_as_two_sides(question, papers):
    corpus = {**PAPERS, "ov": Paper("ov", "Outcome-supervised Verifiers for Planning",
                                    "Our verifier, the Outcome-supervision Value Model (OVM), plans.")}
    shape = understand(question, Lexicon(corpus))
    assert shape.papers == papers


@pytest.mark.parametrize(("sentence", "introduced"), [
    ("We propose a novel tokenizer named Tokompiler, designed for HPC code.", ["Tokompiler"]),
    ("We propose AutoML-Agent, a framework tailored for full-pipeline AutoML.", ["AutoML-Agent"]),
    ("A model called the baseline is used.", []),  # no capitalised name after the naming word
])
def test_the_names_a_sentence_introduces(sentence, introduced):
    from rag.answer.mentions import _introduced_names

    assert _introduced_names(sentence) == introduced


@pytest.mark.parametrize(("question", "described"), [
    # An aside in parentheses stays part of the description; a name right after says which paper it is.
    ("Metrics used by RLCoder, DotaMath and the dynamic inference (layer skipping) paper?",
     ["dynamic inference (layer skipping) paper"]),
    ("RLCoder, DotaMath and the code optimization one with CodeT5: what does each learn?",
     ["code optimization one with CodeT5"]),
    # What the asker recalls of a named paper, in brackets after its name, is no side of its own.
    ("Who's higher on miniF2F, RLCoder or DotaMath (v1, the synthetic data one)?", []),
])
def test_a_side_described_after_named_ones(lexicon, question, described):
    assert understand(question, lexicon).described == described


@pytest.mark.parametrize(("question", "qualifier"), [
    ("what's the human success rate on WebArena tasks?", "human"),  # whose figure: the agent's is no answer
    ("What is the zero-shot accuracy of OVM?", "zero-shot"),
    ("what's the few-shot number for the largest model?", "few-shot"),  # a prompting setting qualifies any figure
    ("what's the best success rate on WebArena?", ""),  # "best" says which, of those reported
    ("What task success rate does WebArena's agent reach?", ""),
    ("What success rate do humans get on WebArena tasks?", "human"),  # whose, said after the measurement
    ("For WebArena, what task success rate did human annotators achieve?", "human"),
    ("What Codeforces Elo rating did AlphaCode get?", "Elo"),  # which rating: its ranking is no Elo
    ("What accuracy does DotaMath get on GSM8K?", ""),  # the paper's own
    ("With GPT-4o as the base model, what did CodeTree score on HumanEval?", ""),
    ("What's the average pass rate?", ""),
    ("How well do human experts do on it?", "human"),  # people asked about anywhere
    ("what's the HumanEval test set score of CodeTree?", ""),  # "set" says which benchmark, not whose figure
])
def test_the_word_that_says_whose_measurement_is_asked(question, qualifier):
    from rag.answer.asks import measure_qualifier

    assert measure_qualifier(question) == qualifier


@pytest.mark.parametrize(("question", "sentence", "value"), [
    ("How many lemmas are in the dataset?", "It has 1,329 lemmas and 40k lines.", "1,329 lemmas"),
    ("on how many tasks and datasets?", "On seven tasks using fourteen datasets we win.", "fourteen datasets"),
    ("What MRR does CodeFill reach?", "CodeFill reaches MRR: 70.9% vs. 66.2%.", "70.9%"),
    ("What does DotaMath score on MATH?", "DotaMath-7B gets 86.7% on GSM8K and on MATH 64.8%.", "64.8%"),  # after MATH
    ("What does DotaMath do?", "DotaMath-7B gets 64.8% on MATH.", None),  # no figure asked
    ("human accuracy on it?", "Models score up to 60%, lower than the human performance of 97%.", "97%"),
    # Nearest the asked name on its side of a contrast, not the baseline's figure after it.
    ("What MATH accuracy does it get?", "It reaches 52% on MATH, surpassing the baseline GPT-4 at 23.0%.", "52%"),
    ("What does it score on MATH?", "It scores 86.7% on GSM8K while on MATH it gets 64.8%.", "64.8%"),
    # A version after a name is no value: "Lean 4", nearest MATH, is the language.
    ("What does it get on MATH?", "It gets 52% cumulatively on the Lean 4 MATH test.", "52%"),
    # A figure said on the name is its own, however near the next one is.
    ("What does it score on MATH?", "It reaches 64.8% on the competitive MATH dataset and 86.7% on GSM8K.", "64.8%"),
    ("what MATH score does it get?", "Top results of 95.1 on MATH, 98.7 on MBPP, and 43.0 on APPS.", "95.1"),
    # The total the question gives back is no answer: the count before it is.
    ("how many of the 148 problems did it prove?", "It proved 5 out of 148 problems in FIMO.", "5 out of 148 problems"),
    # The benchmark's tasks, not the libraries they are drawn from.
    ("how many tasks does FooBench have?", "It uses tools from 139 libraries and 7 domains for 1,140 fine-grained "
                                           "programming tasks.", "1,140 fine-grained programming tasks"),
])
def test_the_value_a_figure_question_asks_for(question, sentence, value):
    from rag.answer.asks import asked_value

    span = asked_value(question, sentence, ["MATH"] if "MATH" in question else [])
    assert (sentence[span[0]:span[1]] if span else None) == value


@pytest.mark.parametrize(("question", "variant"), [
    ("How does it do on the full SWE-bench, not the lite subset?", "SWE-bench-lite"),
    ("its resolve rate on SWE-bench (the big one, not lite)?", "SWE-bench-lite"),
    ("What does it get on the full SWE-bench?", "SWE-bench-lite"),  # the whole benchmark asked
    ("What does it get on SWE-bench?", ""),  # the lite figure is a SWE-bench figure
    ("not the lite one: what does it get on SWE-bench?", "SWE-bench-lite"),  # ... unless ruled out
])
def test_a_benchmark_variant_the_question_rules_out(question, variant):
    from rag.answer.asks import excluded_variant

    stating = ["Experiments on SWE-bench-lite (300 issues) show 19% on SWE-bench-lite."]
    assert excluded_variant(question, ["SWE-bench"], stating) == variant
    # A word after the name is no variant of it: "the miniF2F test" is miniF2F.
    assert excluded_variant("What does it score on the full miniF2F?", ["miniF2F"], ["52% on the miniF2F test."]) == ""


@pytest.mark.parametrize(("question", "figures"), [
    ("In ProcessBench, which model achieves the 56.3% EAcc?", ["56.3"]),
    ("The LintSeq paper reports a 43.37% exact match: for which task?", ["43.37"]),
    ("Is a pass@1 of 0.5 good?", ["0.5"]),
    # A count written with a thousands separator is quoted as known (UGMathBench's, said of ProcessBench: no
    # paper rounds to it by chance); a small count describes.
    ("ProcessBench's 5,062 problems in 16 subjects: how many are Olympiad-level?", ["5,062"]),
    ("Which of its 16 subjects is hardest?", []),
    ("What is its accuracy with 128 samples?", []),  # a setting
    ("Which model scored about 60% on BigCodeBench?", []),  # hedged: the abstract may say "up to 60%"
    ("Which models exceed 50% on BigCodeBench?", []),  # a bound, not a figure
    ("Which LLMs does it evaluate on Python 3.10 code?", []),  # a version
])
def test_figures_a_question_quotes_as_known(question, figures):
    from rag.answer.asks import quoted_figures

    assert [f.text for f in quoted_figures(question)] == figures


@pytest.mark.parametrize(("question", "text", "unstated"), [
    ("which model gets the 56.3%?", "The best model reaches 56.3\\% on it.", ""),  # LaTeX percent
    ("which model gets the 56.3%?", "The best model reaches 56.2% on it.", "56.3%"),
    ("which model reached the 56% EAcc?", "The highest EAcc is 56.3%.", ""),  # rounded as the question rounds
    ("what about its 80% location accuracy?", "Location accuracy of 0.8.", ""),  # a share as a fraction
    ("what gets 10.6%?", "A success rate of 10.59%.", ""),
])
def test_a_quoted_figure_must_be_written_in_the_abstract(question, text, unstated):
    from rag.answer.asks import unstated_figure

    assert unstated_figure(question, text) == unstated


@pytest.mark.parametrize(("question", "quantity", "said", "unsaid"), [
    ("How much memory does KV Prediction save?", "memory", "cuts memory use by 2x", "reduces time to first token"),
    ("What is the memory footprint of RLCoder?", "memory footprint", "a small memory footprint", "a small model"),
    ("What context length does Stable Code support?", "context length", "a 16k context", "a 3B model"),
    ("how much energy does it use?", "energy", "an energy-efficient model", "an efficient model"),
    ("how much gain does RLCoder get?", "", "", ""),  # a figure in any words: no resource named
    ("How much greater is its EM?", "", "", ""),
    ("How much faster is it?", "", "", ""),  # a comparison, not a quantity
    ("How much money does it spend per paper?", "", "", ""),  # money is the record's rule
    ("What is the overhead?", "", "", ""),
    ("how fast is its completion latency in ms?", "time", "a 2x speedup", "a small model"),  # time, in any words
])
def test_the_quantity_a_how_much_question_measures(question, quantity, said, unsaid):
    from rag.answer.units import measured_quantity, names_quantity

    assert measured_quantity(question) == quantity
    if quantity:
        assert names_quantity(said, quantity)
        assert not names_quantity(unsaid, quantity)


@pytest.mark.parametrize(("question", "names", "subject"), [
    ("what pass@1 does Reflexion get on HumanEval?", ["Reflexion"], "Reflexion"),
    ("What is Voyager's success rate in Minecraft?", ["Voyager"], "Voyager"),
    ("Reflexion achieves what accuracy on HumanEval?", ["Reflexion"], "Reflexion"),
    ("what accuracy does GPT-4 get on Zorba?", ["Zorba"], ""),  # the data it is measured on, not whose figure
    ("Does Reflexion help on HumanEval?", ["Reflexion"], ""),  # no figure asked
])
def test_a_figure_of_a_name_no_abstract_has(question, names, subject):
    from rag.answer.asks import unknown_subject

    assert unknown_subject(question, names) == subject


@pytest.mark.parametrize(("question", "kind", "papers", "described"), [
    # A topic first, a named paper after "compared with": the topic is a side looked up by what it says.
    ("dynamic inference for code completion, compared with how KV Prediction cuts inference cost", "comparative",
     ["kv"], ["dynamic inference for code completion"]),
    ("How fast is it, compared with KV Prediction?", "factoid", ["kv"], []),  # the question's own opening
    # A plural the collection holds, said with "here": the work of several papers.
    ("how do completion models here use token types?", "multi", [], []),
    ("How is the analysis here validated in KV Prediction?", "factoid", ["kv"], []),  # a singular in -s
    ("For the KV Prediction paper, what benchmarks does it use?", "factoid", ["kv"], []),  # one paper, not across
    ("Accuracy on TriviaQA compared with KV Prediction?", "factoid", ["kv"], []),  # a measurement, no side
    ("ways code models are being applied to proof search?", "multi", [], []),  # the ways of several groups
    # The paper's own final model is no other paper.
    ("what base model did KV Prediction start from, and what's the final model called?", "factoid", ["kv"], []),

    ("apart from miniF2F, what other benchmarks do the Lean papers report?", "aggregate", [], []),
])
def test_shapes_said_around_the_names(lexicon, question, kind, papers, described):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.papers, plan.described) == (kind, papers, described)


def test_a_name_right_after_a_figure_is_what_the_figure_measures(lexicon):
    # "PyCoder" alone names its paper; after "43.37%" it is what was measured (here: a paper's model).
    assert [m.kind for m in lexicon.find("Which task has the 43.37% PyCoder result?")] == ["term"]
    assert [m.kind for m in lexicon.find("Which task has PyCoder's 43.37% result?")] == ["paper"]


@pytest.mark.parametrize(("question", "sentences", "unmet"), [
    ("what's its success rate on just the e-commerce sites?", ["Our best agent reaches 10.59% over four domains."],
     "on just the e-commerce sites"),
    ("what's its success rate on just the e-commerce sites?", ["On e-commerce sites it reaches 12%."], ""),
    ("pass@1 on the function-level subset?", ["It reaches 40% pass@1 overall."], "for the function-level subset"),
    ("What is its pass@1?", ["It reaches 40% pass@1 overall."], ""),  # nothing narrowed
    ("which model is best on the web development domain, and what score?", ["Models score up to 60%."],
     "on the web development domain"),
    ("accuracy in the computer networks subfield?", ["In the computer networks subfield GPT-4 reaches 71%."], ""),
])
def test_a_figure_narrowed_to_a_part_needs_a_sentence_naming_it(question, sentences, unmet):
    from rag.answer.asks import unmet_scope

    assert unmet_scope(question, sentences) == unmet


@pytest.mark.parametrize(("question", "other"), [
    ("How does FunCoder stack up against Reflexion on HumanEval?", "Reflexion"),
    ("Is RLCoder better relative to RepoCoder?", "RepoCoder"),
    ("How does Responsible Task Automation protect against harmful actions?", ""),  # against, no comparison
])
def test_what_a_paper_is_held_up_against(question, other):
    from rag.answer.asks import compared_with

    assert compared_with(question) == other


def test_a_name_one_abstract_defines_listed_with_papers_is_that_paper():
    corpus = {
        "mb": Paper("mb", "Program Synthesis with Large Language Models",
                    "The Mostly Basic Programming Problems (MBPP) dataset contains 974 programming tasks."),
        "bc": Paper("bc", "BigCodeBench: Benchmarking Code Generation", "BigCodeBench has 1,140 tasks; MBPP is small."),
        "ct": Paper("ct", "CodeTree: Agent-guided Tree Search", "CodeTree reaches 98.7 on MBPP."),
    }
    lexicon = Lexicon(corpus)
    assert understand("Adding up MBPP and BigCodeBench, how many problems?", lexicon).papers == ["mb", "bc"]
    assert understand("If I pooled the MBPP tasks and the BigCodeBench tasks, how many?", lexicon).papers == \
        ["mb", "bc"]
    # Measured on, not listed with a paper: the benchmark, not the paper that made it.
    assert understand("What does CodeTree get on MBPP?", lexicon).papers == ["ct"]


@pytest.mark.parametrize(("question", "kind", "papers"), [
    ("For the Zorba papers, what do they evaluate on?", "multi", []),  # a plural after a name: a set of papers
    ("In the Zorba paper, what do they evaluate on?", "factoid", ["zb"]),  # the one that made it
])
def test_a_name_before_papers_is_a_set_of_them(question, kind, papers):
    corpus = {"zb": Paper("zb", "Fast retrieval for completion", "We propose Zorba, a retriever. Zorba is fast."),
              "z2": Paper("z2", "Retrieval at scale", "We compare retrievers on RepoEval.")}
    plan = understand(question, Lexicon(corpus))
    assert (plan.kind, plan.papers) == (kind, papers)


def test_by_introducing_a_named_dataset_the_paper_introduces_it():
    corpus = {"gh": Paper("gh", "Mathematical Capabilities of ChatGPT",
                          "We address this issue by introducing a new dataset: GHOSTS. We benchmark ChatGPT "
                          "on GHOSTS."),
              "ot": Paper("ot", "Other", "We test proofs in Lean.")}
    assert understand("what license is the GHOSTS dataset released under", Lexicon(corpus)).papers == ["gh"]


def test_a_kind_word_after_a_paper_name_is_no_aspect(lexicon):
    plan = understand("What level of math do DotaMath and the InfinityMATH dataset target?", lexicon)
    assert plan.papers == ["dm", "im"] and "dataset" not in plan.aspect


@pytest.mark.parametrize(("question", "asked"), [
    ("for my survey: how do papers here use unit tests?", "how do papers here use unit tests?"),
    ("reviewer here: how do the agent papers plan?", "how do the agent papers plan?"),
    ("GitChameleon: GPT-4o pass@10?", "GitChameleon: GPT-4o pass@10?"),  # the label names what is asked
    ("number of LLMs evaluated: BigCodeBench vs CS-Bench", "number of LLMs evaluated: BigCodeBench vs CS-Bench"),
    ("Question about AlphaCode: how many samples?", "Question about AlphaCode: how many samples?"),  # names the topic
    ("For the theorem proving papers: what datasets?", "For the theorem proving papers: what datasets?"),
    ("Q-learning: which papers use it?", "Q-learning: which papers use it?"),
    ("As a systems person: how are programs checked?", "how are programs checked?"),
    # A request wrapped round a question: the question.
    ("Describe how different papers build math tuning data.", "how do different papers build math tuning data."),
    ("could you describe how the provers get their data?", "how do the provers get their data?"),
    ("Explain how many samples AlphaCode draws", "how many samples AlphaCode draws"),  # no "do" before "many"
    ("Walk me through how CodeTree and FunCoder each split it", "how CodeTree and FunCoder each split it"),
    ("Describe the CodeTree method", "Describe the CodeTree method"),  # no question inside
    ("could you explain how the agent papers test their agents", "how do the agent papers test their agents"),
    ("can you tell me about CodeTree?", "can you tell me about CodeTree?"),  # no question inside
    ("Give me the different tricks people use to speed up completion", "what are the different tricks people use to "
     "speed up completion"),
    ("give me the evidence in here that small models keep up", "what evidence is there that small models keep up"),
    ("show me the approaches that use Lean", "show me the approaches that use Lean"),  # the papers doing so: a list
    ("Need a comparison of FVEL and the C-to-Rust work on guarantees", "Compare FVEL and the C-to-Rust work on "
     "guarantees"),
    # The asker musing round a question: the question ("if" asks whether).
    ("I wonder which of the abstracts mention miniF2F", "which of the abstracts mention miniF2F"),
    ("Curious whether LLMs can trace code.", "whether LLMs can trace code."),
    ("I wonder if search helps small provers", "whether search helps small provers"),
    ("It would be useful to know the various ways authors get prover data", "the various ways authors get prover "
     "data"),
    ("I'm after an overview of how papers combine code and math", "how do papers combine code and math"),
    # A lead saying what the asker keeps to: the topic of a question pointing back to it or having none.
    ("Suppose I restrict myself to Lean and nothing else: which of these papers actually work with it?",
     "which of these papers actually work with Lean?"),
    ("Provided I stick to math solved with a code interpreter, which papers should be on my list?",
     "Which papers are about math solved with a code interpreter?"),
    ("If I only care about Lean 4, which papers should I read?", "Which papers are about Lean 4?"),
    ("If I'm interested in theorem provers, which datasets do they train on?",
     "which datasets do theorem provers train on?"),
    ("If I want to cite every code generation benchmark in this collection, what are their names?",
     "Which code generation benchmarks are there in this collection?"),
    ("Before I pick a prover: is DeepSeek-Prover or STP stronger on miniF2F?",
     "is DeepSeek-Prover or STP stronger on miniF2F?"),  # the lead is about the asker; the question has its topic
    ("If I fine-tune on MBPP, does pass@1 go up?", "If I fine-tune on MBPP, does pass@1 go up?"),  # a condition asked
    ("Since I'm working on Lean proofs, what should I read?", "Which papers are about Lean proofs?"),
    ("If we restrict ourselves to math, which of these papers matter?", "Which papers are about math?"),
    ("If I focus on repository-level completion, which benchmarks do they use?",
     "which benchmarks do the repository-level completion papers use?"),  # "they": the papers on it
    ("If I'm picking between RLCoder and PyCoder, which is better on exact match?",
     "RLCoder and PyCoder: which is better on exact match?"),  # the choices are what is compared
    ("Given I want to compare CodeTree and PLANSEARCH, which is better on HumanEval?",
     "CodeTree and PLANSEARCH: which is better on HumanEval?"),
    ("If we care about STP, DeepSeek-Prover and MA-LoT, which of them does best on miniF2F?",
     "which of STP, DeepSeek-Prover and MA-LoT does best on miniF2F?"),  # three papers, commas and all
    ("Since I'm working on program repair, do any papers evaluate it on SWE-bench?",
     "do any papers evaluate program repair on SWE-bench?"),  # "it" before the end
    ("If I'm interested in CodeTree, what is its pass@1 on HumanEval?", "what is CodeTree's pass@1 on HumanEval?"),
    ("If I pick a larger sample budget, does pass@k keep going up?",
     "a larger sample budget: does pass@k keep going up?"),  # the condition stays
    ("Because I work on HPC, which papers use OpenMP?", "HPC: which papers use OpenMP?"),
    # A condition on something other than a paper's work is asked, not taken on trust.
    ("If the code is correct, is it also efficient?", "If the code is correct, is it also efficient?"),
    ("If my memory is right, their pass@1 was around 90%?", "If my memory is right, their pass@1 was around 90%?"),
    # A paper's claim taken on trust: what is asked is asked of that paper.
    ("Provided the Only-IF paper holds up, what do its authors say matters more than raw data quantity?",
     "what do Only-IF paper's authors say matters more than raw data quantity?"),
    ("Assuming DotaMath holds up, is decomposition the key?", "DotaMath: is decomposition the key?"),
    # A second-language asker's missing article; asked across papers in fragments.
    ("Which of papers is making a dataset?", "Which of the papers is making a dataset?"),
    ("multi-agent designs — how each paper splits the roles", "multi-agent designs — how do the papers split the "
     "roles"),
    ("how each paper uses retrieval", "how do the papers use retrieval"),
    ("how each paper is evaluated", "how each paper is evaluated"),  # no verb to put after "do"
    ("papers break problems into pieces. how does each one do the decomposition",
     "papers break problems into pieces. how do the papers do the decomposition"),
    ("and how does each of them construct its data?", "and how does each of them construct its data?"),  # the list's
    ("self-repair — how handled across works", "self-repair — how handled across the works"),
    # A claim, then whether it holds; named things, then the ask for them.
    ("evolutionary search beating classical approximations — real?",
     "Is it true that evolutionary search beating classical approximations?"),
    ("STP beats DeepSeek-Prover on miniF2F, right?", "STP beats DeepSeek-Prover on miniF2F, right?"),  # confirm
    ("AlphaCode ranked in the top 54% — true?", "AlphaCode ranked in the top 54% — true?"),  # a figure to confirm
    ("GPT-4 beating humans at competitive programming — real?",
     "Is it true that GPT-4 beating humans at competitive programming?"),  # a digit in a name is no figure
    ("What models — names?", "What models — names?"),  # a question already
    ("models evaluated across the code-reasoning benchmark papers — names",
     "Which models evaluated across the code-reasoning benchmark papers?"),
    # How the answer is to be put, set apart: no part of what is asked.
    ("ELI5 how does PRIME work?", "how does PRIME work?"),
    ("Plain English please: what does PRIME do?", "what does PRIME do?"),
    ("What does STP do in plain English?", "What does STP do?"),
    ("Can you summarize, for a general audience, why verifiers matter?", "why verifiers matter?"),
    ("Which papers evaluate in plain English versus Lean?", "Which papers evaluate in plain English versus Lean?"),
    ("Quick sanity check before I write this line: does PRIME use RL?", "does PRIME use RL?"),
    ("Quick question before I cite alphacode: how big is it?",
     "Quick question before I cite alphacode: how big is it?"),  # names what is asked about
    # What kind of question it is, how many papers the asker expects, what the ask is set against in brackets: no
    # part of it.
    ("Odd one, but which papers bring up Turing-completeness?", "which papers bring up Turing-completeness?"),
    ("A quick q, so what does PRIME do?", "what does PRIME do?"),
    ("As a reviewer, which papers use Lean?", "which papers use Lean?"),  # any label about the asker, before a comma
    ("Lean, which papers use it?", "Lean, which papers use it?"),  # a label naming what is asked stays
    ("multi-agent setups, not single model - which 2 or 3 papers?",
     "multi-agent setups, not single model - which papers?"),
    ("Which two papers use Isabelle?", "Which papers use Isabelle?"),
    ("Which 2023 papers use Lean?", "Which 2023 papers use Lean?"),  # a year, no count
    ("which theorem proving papers use Isabelle (instead of, or on top of, Lean)?",
     "which theorem proving papers use Isabelle?"),
    ("Any papers working with Isabelle rather than (or in addition to) Lean?", "Any papers working with Isabelle?"),
    ("Which papers use Lean 4 rather than (or in addition to) Lean 3?", "Which papers use Lean 4?"),
    ("miniF2F rather than (or in addition to) the ProofNet benchmark, which ones?", "miniF2F, which ones?"),
    # A frame said before a list is its label, without the words framing it.
    ("Insofar as efficiency is concerned, which papers measure runtime?", "efficiency: which papers measure runtime?"),
    ("As far as Lean is concerned, which papers build datasets?", "Lean: which papers build datasets?"),
    ("With respect to code completion, what papers are there?", "code completion: what papers are there?"),
    ("With respect to efficiency, how does CodeTree compare with AlphaCode?",
     "With respect to efficiency, how does CodeTree compare with AlphaCode?"),  # no list: the frame is the aspect
])
def test_a_label_about_the_asker_is_no_part_of_the_question(question, asked):
    from rag.answer.plan import asked_part

    assert asked_part(question) == asked


@pytest.mark.parametrize(("question", "unconfirmed"), [
    # Figures put up to be confirmed, counts and rough ones too, that the abstract does not write.
    ("WebArena has 812 tasks and humans at ~78% success, correct?", "812"),
    ("it gets about 10.6% end to end, right?", ""),  # 10.59% is near enough to "about 10.6%"
    ("it gets about 60% end to end, right?", "about 60%"),
    ("it has 812 tasks: how many does the agent solve?", ""),  # no confirmation asked: the premise is judged elsewhere
    # A yes/no check of the asker's own figures against the paper.
    ("I have 'up to 38x' in my notes. Is 38x the speedup it reports?", "up to 38"),
    ("its speedup over baselines for float32 - was it the 38x? need the exact factor", "38"),
    ("Is 10.59% the success rate WebArena reports?", ""),
    ("My notes say 86.7% on GSM8K and 64.8% on MATH. Are those WebArena's numbers?", "86.7%"),
    ("Is 38x much faster than the baseline?", ""),  # no figure checked against the paper
    # A rough figure is met within its rounding too: "~11" by 10.59.
    ("so ~11% end to end, right?", ""),
    # The asker's own ratio of two figures the abstract writes is no figure to find.
    ("10.59% vs a 5.3% baseline, so roughly 2x right?", ""),
    ("10.59% vs a 3.1% baseline, so roughly 2x right?", "3.1%"),  # a control: one of them unwritten
    # A multiple is met by one written as a multiple or in a word, not by any number: "doubles" is ~2x.
    ("so it roughly doubles it, ~2x right?", ""),
    ("so ~3x over the baseline, right?", "~3"),
])
def test_figures_asked_to_be_confirmed_must_be_written(question, unconfirmed):
    from rag.answer.asks import unconfirmed_figure

    assert unconfirmed_figure(question, "Our best agent reaches a task success rate of 10.59%. The baseline has "
                                        "5.3%, which our agent doubles. It solves 3 more tasks.") == unconfirmed


@pytest.mark.parametrize(("question", "text", "contradicted"), [
    ("UGMathBench evaluated 60 LLMs - which one did best?", "Our evaluation of 23 leading LLMs reveals ...", "60 LLMs"),
    ("BigCodeBench evaluated 60 LLMs - which one did best?", "Our evaluation of 60 LLMs shows ...", ""),
    ("What success rate does it get on its 812 tasks?", "The best agent succeeds on 10.59% of tasks.", ""),  # unsaid
    ("how well did it do on the 974 problems?", "MBPP has 974 programming tasks; MathQA has 23914 problems.", ""),
    ("how many of the 974 problems were solved?", "MBPP has 974 tasks; MathQA has 23914 problems.", ""),
    # A count the asker only guesses at, asking for the real one, is theirs to check; stated flat, it is a premise.
    ("a blog says 'about 1,000 users': how many users did it have?", "Data from more than 1200 users.", ""),
    ("It had 1,000 users: how many completions did they give?", "Data from more than 1200 users.", "1,000 users"),
    ("61.7% - pass@1 or pass@k?", "It reaches 61.7% with 3200 passes.", ""),  # the 1 of pass@1 counts nothing
])
def test_a_count_the_abstract_gives_otherwise(question, text, contradicted):
    from rag.answer.asks import contradicted_count

    assert contradicted_count(question, text) == contradicted


@pytest.mark.parametrize(("question", "sentence", "counts"), [
    # A size asked ("contain", "are in"): a share of the items is no count of them.
    ("How many tasks does the benchmark contain?", "Agents solve 48% of these tasks.", False),
    ("How many tasks are in it?", "It has 812 tasks.", True),
    ("How many tasks does the agent solve?", "Agents solve 48% of these tasks.", True),  # a share answers this
    ("How many papers does it write?", "Each paper costs $15 per paper.", False),  # a rate per paper counts none
    ("how many samples each", "It includes 1.2K samples from active repositories.", True),  # "each" is no unit
    ("How many problems are in each?", "A dataset of 974 programming problems.", True),
    ("How many failures were in that category?", "66.3% of failures were due to it.", True),  # a part, not a size
    ("How many samples does it contain?", "Version 2 of the dataset is public.", False),  # "is" is no plural
    ("How many samples inside?", "Using query evolution on GSM8K and MATH datasets.", False),  # 8K of GSM8K
    ("how many problems are in the REFUTE benchmark?", "It solves up to 48% of these problems.", False),  # a size
    ("how many top-level definitions?", "It has around 32K top-level F* definitions.", True),  # a name with a *
    ("how many test cases in total?", "It consists of 3,400 test cases.", True),  # the unit is the split's own
    ("how many puzzles in total?", "Codex solves 18% of 397 test puzzles.", False),  # one split of them
    ("how many problems are in REFUTE right now?", "It solves up to 48% of these problems.", False),  # its size
    # A benchmark's size in whatever it counts: "questions" are its "test samples".
    ("How many questions are in CS-Bench and how many areas does it cover?", "It has 5K curated test samples.", True),
    ("How many questions are in CS-Bench?", "It evaluates 30 mainstream LLMs.", False),
    ("How many questions does CS-Bench have?", "It has 5K curated test samples.", True),
    ("How many questions does the model answer?", "It has 5K curated test samples.", False),  # no size asked
])
def test_what_a_count_question_counts(question, sentence, counts):
    from rag.answer.units import counted_unit

    assert counted_unit(question).search(sentence) is counts


@pytest.mark.parametrize(("question", "figure"), [
    ("CodeTree's solve rate on SWE-bench?", True),
    ("the resolution rate on the lite split?", True),
    ("what did it get on HumanEval, as a %?", True),
    ("how does CodeTree search?", False),
    ("Reflexion scores on MBPP+?", True),  # terse, plural
    ("what's the wall-clock TTFT reduction in seconds on the M2?", True),  # a quantity asked in its unit
    ("what's the reduction in memory traffic about?", False),  # a control: no unit
    ("MARIO 7B: exact GSM8K and MATH accuracies?", True),  # a plural asks figures too
])
def test_a_rate_or_a_percent_sign_asks_for_a_figure(question, figure):
    from rag.answer.asks import asks_for_figure, asks_measure

    assert asks_for_figure(question) is figure
    if "accuracies" in question:
        assert asks_measure(question)  # a measurement, which a "7B" model size is not


@pytest.mark.parametrize(("question", "metric"), [
    ("how much exact-match accuracy do they lose?", "exact match"),
    ("what EM do they report?", "exact match"),
    ("what edit similarity does it reach?", "edit similarity"),
    ("how accurate is it?", ""),  # accuracy in any words is no named metric
    ("What resolution did cryo-EM reach?", ""),  # EM of cryo-EM is no exact match
    ("how does the em algorithm converge?", ""),  # nor is "em" in lower case
])
def test_a_metric_named_in_plain_words(question, metric):
    from rag.answer.units import named_metric

    assert named_metric(question) == metric


@pytest.mark.parametrize(("question", "which_model"), [
    ("what sizes of models did they finetune?", False),  # a property of the models
    ("which models did they finetune?", True),
    ("what kinds of LLMs does it evaluate?", False),
])
def test_which_model_is_asked_only_when_a_model_is_the_answer(question, which_model):
    from rag.answer.asks import asks_which_model

    assert bool(asks_which_model(question)) is which_model


@pytest.mark.parametrize(("question", "topic"), [
    ("anything involving SWE-bench?", "SWE-bench"),
    ("anything touching Isabelle in any form?", "Isabelle"),
    ("papers whose main focus is evaluating provers on Lean?", "evaluating provers on Lean"),
    ("which papers study proof search, not program synthesis?", "proof search"),
    # An aside in the middle is not cut off with all that follows it; what it leaves out is no part of the topic.
    ("which papers on code LLMs, not chatbots, use execution feedback?", "code LLMs use execution feedback"),
    ("which papers use learned verifiers for math? formal proof checkers like Lean don't count",
     "learned verifiers for math"),
    ("papers evaluating LLMs on math in natural language (no Lean/Isabelle)?",
     "evaluating LLMs on math in natural language"),
    ("which papers release math data with code solutions (word problems, not lean proofs)?",
     "release math data with code solutions (word problems)"),
    ("which papers test ChatGPT itself (not just cite it)?", "test ChatGPT itself (not just cite it)"),  # a qualifier
    ("anything touching on program repair?", "program repair"),
    ("which works study children aged 5 - 12 years?", "children aged 5 - 12 years"),
    ("math benchmarks with graduate problems - which ones are there?", "math benchmarks with graduate problems"),
    ("I need tools for repository mining - which papers build those?", "build tools for repository mining"),
    ("which papers explicitly study code efficiency?", "code efficiency"),
    ("list every paper that reports something on HumanEval / HumanEval+", "HumanEval / HumanEval+"),
    ("show me all the papers using Lean", "Lean"),
    ("give me every paper that evaluates on MBPP", "MBPP"),
    # "did anyone / has any paper" with a verb of doing asks which papers did it.
    ("did anyone use SWE-bench or something derived from it?", "SWE-bench or something derived from it"),
    ("has any paper here evaluated on APPS?", "APPS"),
    ("has anyone tried evolutionary search?", "evolutionary search"),
    ("has anyone found that small models win?", ""),  # a finding asked across papers, not a list
    # After context, a relative "that" points at nothing before; "either ... or" joins alternatives.
    ("I'm building a reading list. Which papers have models write proofs that get checked by Lean?",
     "have models write proofs that get checked by Lean"),
    ("I care about speed. Which papers are about either measuring code efficiency or speeding programs up?",
     "either measuring code efficiency or speeding programs up"),
    ("I read about DotaMath. Which papers try that approach?", ""),  # a control: "that approach" points back
    ("Anything in here on LLMs for parallel programming code?", "LLMs for parallel programming code"),
    ("is there anything here about evolutionary search?", "evolutionary search"),
    ("it has 16 subjects - which of those 16 subjects is hardest?", ""),  # a count of something else
    # What is "out there": the topic is after "for".
    ("what approaches are out there for math reasoning with a code interpreter?",
     "math reasoning with a code interpreter"),
    ("which methods are available for repository-level completion?", "repository-level completion"),
    # A reviewer's hedge after the noun is no part of the topic.
    ("which works, if any, evaluate on HumanEval?", "HumanEval"),
    ("which papers if any use Isabelle?", "Isabelle"),
    # "every paper that ...", as asked for a chapter or a team.
    ("I'd like every paper that cares about running models on phones", "cares about running models on phones"),
    ("we want all the papers where the model writes Lean proofs", "the model writes Lean proofs"),
    ("i need every paper that reports HumanEval numbers", "HumanEval numbers"),
    # What the list is for, said first, is no part of it; nor is where in the paper it is said.
    ("For the agents section of my thesis, are there any papers where agents browse websites?",
     "where agents browse websites"),
    ("In 2023, which papers used Lean?", ""),  # a year, left to the filters as before
    ("which papers bring up Turing-completeness anywhere in their abstract?", "Turing-completeness"),
    # "stuff on X", "any X frameworks (...)": the papers on it.
    ("stuff on grading the steps of a solution?", "grading the steps of a solution"),
    ("any multi-agent LLM frameworks (agents with roles)?", "multi-agent LLM frameworks (agents with roles)"),
    ("any other benchmarks?", ""),  # a follow-up, not a topic
    # "any X papers that ...", "does anything here touch ...": which papers do it.
    ("any RL papers using Lean?", "Lean in RL"),
    ("does anything here touch SWE-bench?", "SWE-bench"),
    ("any other papers that use Lean?", ""),  # a follow-up on papers named before
    # Said in one breath: the ask after a comma decides, what came before is what "that" or "it" points at, and
    # fillers and "either one" are no part of it.
    ("okay so, code reasoning, which papers get a model to predict what a program does when it runs",
     "get a model to predict what a program does when it runs"),
    ("this is for a talk, computers finding formulas for constants, which papers do that",
     "computers finding formulas for constants"),
    ("the python problems set, MBPP, which papers report a number on it", "a number on MBPP"),
    ("um, Isabelle, which papers build on it as their prover, either one", "Isabelle as their prover"),
    ("RL for coding, whatever, which papers use RL for code, and leave out the theorem provers please",
     "RL for code"),
    ("which ones evaluate on APPS or CodeContests, any of the three is fine", "APPS or CodeContests"),
    ("In 2022, which papers used Lean?", ""),  # a year said first stays the filters' to read
    # "In which works X is used?": which works use X.
    ("In which works the MBPP benchmark is used?", "the MBPP benchmark"),
    ("In which papers is Lean applied?", "Lean"),
    ("In which abstracts is mentioned the Turing completeness?", "the Turing completeness"),
    ("Please, can you tell me which papers are working with Isabelle?", "Isabelle"),
    # How the list is to be laid out is no part of it; "list every paper where X." is the ask, not a wish for all.
    ("We're choosing a base model. Which papers fine-tune StarCoder (as opposed to just mentioning it)? One line each",
     "fine-tune StarCoder (as opposed to just mentioning it)"),
    ("For a slide on proof assistants: list every paper where models write Lean proofs",
     "where models write Lean proofs"),
    ("I need a reading list on repository-level code completion. Bullet list please",
     "repository-level code completion"),
    ("Give me the benchmarks whose tasks hinge on calling library APIs. One line each",
     "benchmarks whose tasks hinge on calling library APIs"),
    # "e.g." ends no clause, and what follows it is no clause setting papers aside.
    ("which papers make inference faster, e.g. skipping layers or caching?",
     "make inference faster, e.g. skipping layers or caching"),
    # A kind of papers said first, with no "which": which such papers do it.
    ("code completion papers that take data from real developers", "take data from real developers in code completion"),
    ("list the code completion works that use the AST", "the AST in code completion"),
    ("Most papers that use Lean report miniF2F?", ""),  # a claim about papers, not a list
    ("need papers that do both RL and code tasks", "do both RL and code tasks"),  # a need, not a kind of papers
    ("list the papers that apply RL to code", "RL to code"),  # "the" is no kind of papers
    ("can you list the papers that use LLMs to write Verilog?", "LLMs to write Verilog"),
    ("any benchmarks that keep themselves fresh?", "benchmarks that keep themselves fresh"),
    ("i need every paper on judging the steps of a solution", "judging the steps of a solution"),
    ("anyone using Isabelle at all?", "Isabelle"),
    # Lists asked with no "which papers": anybody, anything, any abstracts, anywhere, in which abstracts, name them.
    ("Has anybody here looked at Isabelle?", "Isabelle"),
    ("Humans correcting the model over a conversation - has anybody looked at that?",
     "Humans correcting the model over a conversation"),
    ("Energy use or environmental cost - is that raised anywhere?", "Energy use or environmental cost"),
    ("Turing completeness - where does it come up?", "Turing completeness"),
    ("SWE-bench shows up in which abstracts?", "SWE-bench"),
    ("turing completeness gets mentioned in which abstracts", "turing completeness"),
    ("isabelle anything?", "isabelle"),
    # Examples asked for: any paper that does it is one.
    ("name two papers that report results on miniF2F, I want one for the lecture", "miniF2F"),
    ("give me one example of a paper whose main contribution is a new benchmark", "a new benchmark"),
    ("anything in here that uses Isabelle? name two if there are", "Isabelle"),
    ("verifiers or reward models for math reasoning: name two papers", "verifiers or reward models for math reasoning"),
    ("I need an example of a completion model that uses ASTs", "completion model that uses ASTs"),
    ("what's a good paper to assign on theorem proving in Lean?", "theorem proving in Lean"),
    ("did anybody put a dollar figure on running their system?", "put a dollar figure on running their system"),
    ("has anyone shown that retrieval helps?", ""),  # evidence, across papers
    ("hpc code models list", "hpc code models"),
    ("evo search ones", "evo search"),
    ("completion acceptance rate as a metric: which completion papers report it?",
     "completion acceptance rate as a metric in completion"),
    ("evolutionary algorithms - who relies on them for search?", "evolutionary algorithms for search"),
    ("HPC code generation - any papers?", "HPC code generation"),
    ("who actually evaluates chatgpt itself", "chatgpt itself"),
    # "who" with the papers' own deed in any tense, "which" with a verb, "what here ...", "do we have anything on".
    ("who here explicitly builds a multi-agent llm framework?", "builds a multi-agent llm framework"),
    ("Before I trust this: who actually tested their completion work with real developers?",
     "tested their completion work with real developers"),  # "their" is the papers' own
    ("who needs more data?", ""),
    ("Which report their own numbers on plain HumanEval?", "their own numbers on plain HumanEval"),
    ("what here covers agents acting on websites?", "covers agents acting on websites"),
    ("anything here built specifically for HPC code?", "built for HPC code"),
    ("Do we have anything on running models on-device?", "running models on-device"),
    ("what's in here on LLMs for HPC code?", "LLMs for HPC code"),
    ("Any abstracts here that give a dollar cost for running their system?",
     "give a dollar cost for running their system"),
    ("what do you have on Lean provers?", "Lean provers"),
    ("are there any readings on LLMs writing proofs in Coq?", "LLMs writing proofs in Coq"),
    ("In what papers the LLM is solving math problems with code?", "where the LLM is solving math problems with code"),
    ("We're thinking about an assistant that clicks through websites. What here covers that kind of agent?",
     "an assistant that clicks through websites"),
    ("i remember completion models trained to predict token types.. which ones was that?",
     "completion models trained to predict token types"),
    ("I'm interested in how fast the code is, not the models: who looks at LLMs optimising code?",
     "looks at LLMs optimising code"),  # the aside set apart ends at the colon
    ("agents that act in a game world. coding agents don't count", "agents that act in a game world"),
    ("is anyone in here using Isabelle for the proofs, or is it all Lean?", "Isabelle for the proofs"),
    # The ask points back past a clause that only sets things aside.
    ("i search benchmarks for informal math - no Lean proofs. which paper introduce such benchmark?",
     "benchmarks for informal math"),
    ("Is ChatGPT itself put to the test anywhere?", "ChatGPT itself"),
    ("Do any of the abstracts talk about test-set contamination?", "test-set contamination"),
    ("Find me work on agents that operate apps", "agents that operate apps"),
    ("Can I get the work that reports results on MBPP?", "MBPP"),
    ("Show me papers that use Lean", "Lean"),
    ("list me papers that use Lean", "Lean"),  # "me" is no kind of papers
    ("Could you point me to the papers that judge each step of a model's reasoning?",
     "judge each step of a model's reasoning"),
    ("How many abstracts mention GSM8K? Name them.", "GSM8K"),
    ("Who reports results on MBPP or MBPP+?", "MBPP or MBPP+"),
    ("Benchmarks designed to be refreshed over time", "Benchmarks designed to be refreshed over time"),
    ("Anything shipped on Hugging Face?", "Anything shipped on Hugging Face"),
    # Controls: an aggregation, a yes/no about one paper, a paper's title before its question.
    ("theorem proving benchmarks that show up across the prover papers?", ""),
    ("would codefill work for rust or go, or is it python-only?", ""),
    ("Evaluating Language Models for Mathematics - which models did it test?", ""),
    # A scope said first is no purpose: the question is about ways across papers, not a list.
    ("for code gen on HumanEval, what approaches plan or decompose the problem?", ""),
    ("For my survey, which papers use Lean?", "Lean"),
    # Stop 53: "who here is / does", "who in this corpus", the asker's count, "every paper that", a topic then "is
    # it just X or are there others?", "where does X get used here", a reviewer's "which subs?".
    ("who here is actually fine-tuning StarCoder", "are fine-tuning StarCoder"),
    ("Who in this collection is building benchmarks for Verilog?", "are building benchmarks for Verilog"),
    ("who here does serious work on tree search?", "do serious work on tree search"),
    ("We know of two papers that prove theorems in Isabelle. List them all.", "prove theorems in Isabelle"),
    ("Latency matters to us. Every paper that measures time to first token - throughput-only work doesn't count.",
     "measures time to first token"),
    ("tree search for code: is it only CodeTree, or are there others?", "tree search for code"),
    ("process rewards - anything besides PRIME?", "process rewards"),
    ("where does Monte Carlo tree search get used here?", "Monte Carlo tree search"),
    ("web agents, e.g. shopping or forums. which submissions?", "web agents, e.g. shopping or forums"),
    ("Is it only OMPGPT, or are there other OpenMP papers?", "OpenMP"),  # the same asked the other way round
    ("we count three papers that use Isabelle. which ones?", "Isabelle"),  # the count, then "which ones?"
    ("Every study that evaluates GPT-4 on math, please", "GPT-4 on math"),
    # Controls: where in one paper, "who does" without "here" (people), a comparison.
    ("where is the verifier used in AlphaCode?", ""),
    ("who does the grading in the user study?", ""),
    ("is it only CodeTree that beats the baseline?", ""),
    ("what methods are described", ""),  # no topic: the ways across papers
    ("which papers are described as surveys", "are described as surveys"),
    ("tree search for proofs. list all of them", "tree search for proofs"),  # a label, then the whole list asked
    ("which papers describe their own system as multi-agent", "multi-agent"),  # what they call it
    ("which works call their method a verifier", "verifier"),
    ("Compare FunCoder and CodeTree - I want the full set", ""),
    # "what are (all) the papers that ...", "the full set of papers in here that ...", "trying to round up every ...".
    ("what are all the papers in the collection that specifically tackle repo-level completion?",
     "repo-level completion"),
    ("What were the papers on Isabelle", "Isabelle"),
    ("I need the full set of papers in here that build small HPC code models. can you give me all of them?",
     "build small HPC code models"),
    ("we're trying to round up every paper that trains provers in Lean", "trains provers in Lean"),
    # An aside that some kinds count; a name ending the list ask after a sentence about it; "it" for that name.
    ("which papers tackle tree search? benchmarks and methods both count", "tree search"),
    ("swe-bench is everywhere. list every paper here that reports anything on SWE-bench", "SWE-bench"),
    ("HumanEval is everywhere. list every paper that uses HumanEval, including sets carved out of it",
     "HumanEval, including sets carved out of it"),
    # Controls: the ways across papers; a question about one paper's results.
    ("what are the main ideas", ""),
    ("what are the results of the papers on Isabelle", ""),
    # More shapes, as a probe set's askers typed them (my wording): "pls", "paper(s)", other nouns for papers,
    # "enumerate", a longer purpose first, "Which are they?", "in this pool", a topic then who is on it, "are there
    # X papers", a closing "please list them", a pause filled first.
    ("isabelle proof papers pls", "isabelle proof"),
    ("cellular automata paper(s)?", "cellular automata"),
    ("which manuscripts report user studies", "user studies"),
    ("which submissions in this pool fine-tune StarCoder", "fine-tune StarCoder"),
    ("Could you enumerate every paper that evaluates GPT-4 on math?", "GPT-4 on math"),
    ("For a workshop talk on AI for science I need each paper here that discovers formulas", "discovers formulas"),
    ("For my chapter I need every paper that studies data diversity. Which are they?", "data diversity"),
    ("new tokenizers for code, any paper proposing one?", "new tokenizers for code"),
    ("pandas and numpy code generation - papers evaluating that?", "evaluating pandas and numpy code generation"),
    ("model weights on hugging face - by whom?", "model weights on hugging face"),
    ("tree search for proofs, every paper pls", "tree search for proofs"),
    ("Are there survey papers in here? Please list them.", "survey papers"),
    ("um so which papers use Lean you know for proofs", "Lean for proofs"),
    ("I want the complete set of papers measuring latency", "measuring latency"),
    # "Who here works on X?" (capital W, the verb not the noun), "X - which papers? not the Y ones", a purpose with a
    # clause of its own before "I need the full set of studies that ...", "X, list please; Y don't count".
    ("Who here works on proof repair? Need all of them, tools count too.", "proof repair"),
    ("synthetic training data for provers - which papers? not the math ones", "synthetic training data for provers"),
    ("For a brief I'm drafting on AI and jobs, I need the full set of studies that compare programmers with ChatGPT",
     "compare programmers with ChatGPT"),
    ("Frameworks where several LLM agents cooperate, list please; single-agent setups don't count",
     "Frameworks where several LLM agents cooperate"),
    ("Who reports the higher score, CodeTree or FunCoder", ""),  # a control: a comparison asked with "who"
    # Controls: the ways across papers, said to span them; a question with "anything" closing another ask.
    ("What approaches are there for decomposing problems, across the papers?", ""),
    ("Agents - how do the agent papers plan? web, games, anything", ""),
    # Stop 56 (my wording): the kinds that count said last; "its own" inside the clause; "handle that" after what is
    # wanted, "not after X, only Y"; "the ones that ... Which are those?" after what is set aside.
    ("program repair papers pls, neural or symbolic", "program repair"),
    ("which papers do tree search for proofs, LLM-guided or classical alike", "do tree search for proofs"),
    ("which papers automate ML pipelines? both the LLM-driven kind and the evolutionary kind", "automate ML pipelines"),
    ("verifiers: which papers let the model grade its own answers", "let the model grade its own answers"),
    ("I'm not interested in theorem proving in general, only Isabelle. Which papers handle that?", "Isabelle"),
    ("Not the math benchmark papers; the ones that train provers with RL. Which are those?",
     "train provers with RL"),
    ("the ones that fine-tune StarCoder. which are they?", "fine-tune StarCoder"),
    ("which of the indexed papers report MBPP numbers", "MBPP numbers"),  # as "which papers report ..."
    ("HumanEval+ numbers reported by which papers", "HumanEval+ numbers"),  # the passive, asked last
    ("Isabelle used in which works", "Isabelle"),
    ("copilot mentioned where? list pls", "copilot"),
    ("list of papers re: SWE-bench", "SWE-bench"),
    ("Need a list of the papers that worry about latency.", "worry about latency"),
    ("whether you could point me to the papers in this collection that report results on GSM8K", "GSM8K"),
    ("where is Copilot discussed?", "Copilot"),
    # Formal asides between commas, and a list asked for as a favour, say nothing of the topic.
    ("Which works, broadly construed, employ tree search at generation time?", "tree search at generation time"),
    ("I would be grateful for a list of the works which report numbers on the miniF2F benchmark",
     "the miniF2F benchmark"),
    ("Which of the corpus papers are concerned with code efficiency", "are concerned with code efficiency"),
    # Who looks, and the asker's musing, are no part of the topic.
    ("Looking for studies that test code completion tools in the wild", "studies that test code completion tools in "
     "the wild"),
    ("I keep wondering if agents can shop online - show me what you've got on that", "agents can shop online"),
    ("I'm wondering whether agents can shop online - show me what you've got on that", "agents can shop online"),
    # Controls: two benchmarks named after the topic are part of it; "its" pointing back at a paper said before.
    ("which papers report results, MBPP or HumanEval", "results, MBPP or HumanEval"),
    ("I read CodeTree. Which papers extend its search?", ""),
    # How papers pitch themselves is what they are about.
    ("Which papers pitch themselves as a multi-agent framework, with several LLM agents collaborating",
     "multi-agent framework, with several LLM agents collaborating"),
    ("which works position themselves as a framework for code completion", "framework for code completion"),
    # Not a kind of paper ("as a benchmark"): what each paper is, asked as it was.
    ("which works position themselves as a benchmark for code completion",
     "position themselves as a benchmark for code completion"),
    # The topic first, then "which papers care for / deal with this?": the papers about it.
    ("Running on small hardware like a laptop cpu — which papers care for this?",
     "Running on small hardware like a laptop cpu"),
    ("evolutionary search: which papers deal with that?", "evolutionary search"),
    ("GPT-4 — which papers beat it?", ""),  # a deed done to it, not what the papers are about
    ("CrossCodeEval gets criticised. Which papers address this?", ""),  # a claim said, not a topic
    ("HumanEval is contaminated — which papers mention this?", ""),  # after a dash too
    # "i.e. the ones that ..." after a topic of its own says more of it; it is no new topic.
    ("Which papers evaluate on HumanEval, i.e. the ones that report pass@1",
     "HumanEval, i.e. the ones that report pass@1"),
    # The ask said again plainly after "i.e." is the topic.
    ("Papers that build a benchmark vs. those that reuse one: give me the first group, i.e. every paper that "
     "introduces a new code completion benchmark", "introduces a new code completion benchmark"),
    # "Just the ones that ..." naming what it keeps narrows a list of what was named, as a follow-up does.
    ("Which papers do formal mathematics in Lean? Just the ones that actually work with Lean proofs",
     "do formal mathematics in Lean and also work with Lean proofs"),
    # A formal request ("could you clarify which", "I would be obliged to know which") asks the list itself; so does a
    # purpose said first with what it is on.
    ("For a section of my report on release practices, could you clarify which papers release their weights",
     "release their weights"),
    ("Kindly indicate which works evaluate on miniF2F", "miniF2F"),
    ("which papers here even touch miniF2F", "miniF2F"),  # how the deed is stressed
    # Any use of a name counts: the ways said after it are examples.
    ("I need every paper that uses HumanEval or HumanEval+ somewhere - as eval, as a source of solutions, whatever. "
     "list pls", "HumanEval or HumanEval+"),
    ("which papers in here touch miniF2F in any way? either report numbers on it or build stuff around its problems",
     "miniF2F"),
    ("Which theorem-proving papers use GPT-4 somewhere", "GPT-4 in theorem-proving"),  # the kind said first stays
    # Not before a condition: "somewhere other than HumanEval" is no any-use (what it sets apart is read elsewhere).
    ("which papers use GPT-4 somewhere other than HumanEval", "GPT-4 somewhere"),

    ("I would be obliged to know which works employ the Isabelle proof assistant", "the Isabelle proof assistant"),
    ("I'd be grateful to know which papers evaluate on HumanEval", "HumanEval"),
    ("I would be very grateful to know which papers use Lean", "Lean"),
    ("It would help my literature review to know which papers use tree search", "tree search"),
    ("Could you kindly tell me which papers use Isabelle", "Isabelle"),
    ("Could you clarify for me which papers use Isabelle", "Isabelle"),
    ("Would you be so kind as to indicate which papers use Isabelle", "Isabelle"),
    ("For my report on release practices, kindly indicate which papers release their weights", "release their weights"),
    # A frame said first in plain words ("Insofar as X is concerned,", "With respect to X,") is said again by the ask.
    ("Insofar as efficiency of the resulting software is concerned, which papers measure the runtime efficiency of "
     "LLM-generated code", "measure the runtime efficiency of LLM-generated code"),
    ("With respect to openness, which papers release their weights", "release their weights"),
    # An aside between dashes before the ask is no example: the closing dash still parts the lead-in from it.
    ("Quick question - sorry, long day - which papers use Lean", "Lean"),
    ("For my thesis - due soon, alas - which papers study repository-level completion",
     "repository-level completion"),
    ("It would assist my taxonomy to know which of the papers rely on evolutionary search",
     "evolutionary search"),
    # Examples between two dashes are an aside, as in brackets.
    ("which completion papers use data from a deployed tool - telemetry, online A/B, usage logs etc - rather than "
     "offline benchmarks", "data from a deployed tool (telemetry, online A/B, usage logs etc) rather than offline "
                          "benchmarks in completion"),
    # Whether there are any, then "which papers are those?": the ones that are; "To what extent has X done Y?", then
    # the papers "that fall into that category": X doing Y.
    ("Are any of the agents here tested on websites? Which papers are those", "agents tested on websites"),
    ("To what extent are any of the benchmarks here refreshed with new problems, and which papers are those",
     "benchmarks refreshed with new problems"),
    ("Some papers build their own Lean dataset. Which ones are they", "build their own Lean dataset"),
    ("To what extent has the HPC community produced its own small models? I should be grateful for a list of the "
     "papers in the index that fall into that category", "HPC community produced its own small models"),
    ("HPC people built their own small models. I'd like a list of the papers that fit that description",
     "HPC people built their own small models"),
])
def test_list_topics_in_chat_wording(question, topic):
    from rag.answer.plan import list_topic

    assert list_topic(question.rstrip("?")) == topic


@pytest.mark.parametrize("question", [
    "Which papers introduce a Python benchmark? Only those that build their own benchmark, please",  # the ask again
    "Which papers do formal theorem proving? Just the ones that use Lean",  # a list described, its bar its own
])
def test_only_the_ones_that_narrows_no_list_it_would_cut_short(question):
    from rag.answer.plan import NARROWING, list_topic

    assert list_topic(question) and NARROWING not in list_topic(question)


def test_a_verb_after_its_subject_is_no_name(lexicon):
    # "Think" names a phase of Think-and-Execute; "I think" names nothing.
    assert all(m.text.lower() != "think" for m in lexicon.find("STP on ProofNet, I think it was 23%?"))


def test_the_paper_said_to_have_made_a_name_is_that_papers():
    made = Lexicon({p.paper_id: p for p in [Paper("ps", "Program Synthesis with Large Language Models",
                          "The Mostly Basic Programming Problems (MBPP) dataset contains 974 short programs."),
                    Paper("ct", "Tree Search for Code", "We evaluate on MBPP and HumanEval."),
                    Paper("fc", "Functions for Code", "It gains 9.8% on MBPP.")]})
    mentions = made.find("how big are the models in the original MBPP paper?")
    assert [(m.text, m.kind, m.paper_ids) for m in mentions] == [("MBPP", "paper", ("ps",))]
    assert [m.kind for m in made.find("which papers use MBPP?")] == ["term"]  # not said to be its paper



def test_a_name_the_question_brackets_after_its_words_is_a_concept_not_a_title_s_paper():
    titled = Lexicon({p.paper_id: p for p in [
        Paper("rk", "The cytokine receptor activator ligand (RANKL) fosters epithelial cells",
              "Its signals drive the maturation of epithelial cells."),
        Paper("ot", "Medullary epithelial cells in the thymus", "CD40 acts on them.")]})
    assert [m.kind for m in titled.find("Is the RANK ligand (RANKL) pathway needed by epithelial cells?")
            if m.text == "RANKL"] == ["term"]
    assert [m.kind for m in titled.find("Does RANKL foster epithelial cells?") if m.text == "RANKL"] == ["paper"]


@pytest.mark.parametrize(("question", "metric"), [
    ("does any paper report exact match?", ""),  # named, but no figure asked
    ("how much exact-match accuracy do they lose?", "exact match"),
    ("what EM does RLCoder gain on RepoEval?", "exact match"),
    ("pycoder line-level edit similarity on codexglue?", "edit similarity"),  # a bare label asks its figure
    ("is edit similarity reported anywhere?", ""),
    ("explain the edit similarity metric PyCoder uses", ""),  # an imperative asks no figure
])
def test_a_metric_is_asked_only_with_a_figure(question, metric):
    from rag.answer.asks import asked_metric

    assert asked_metric(question) == metric


@pytest.mark.parametrize(("question", "unmet"), [
    ("what share does it solve in this setting alone?", ""),  # points back, names no part
    ("how many problems are in algebra specifically?", "in algebra specifically"),
])
def test_a_part_asked_alone_is_a_part_only_when_named(question, unmet):
    from rag.answer.asks import unmet_scope

    assert unmet_scope(question, ["It solves 18% of the 397 problems."]) == unmet


@pytest.mark.parametrize(("question", "stating", "pooled"), [
    # One figure for two benchmarks answers neither alone.
    ("RLCoder EM gain on RepoEval alone?", ["RLCoder outperforms it on CrossCodeEval and RepoEval, achieving 12.2% EM "
                                            "improvement."], ("RepoEval", "CrossCodeEval")),
    ("rlcoder on repoeval (not crosscodeeval)", ["Better on CrossCodeEval and RepoEval, by 12.2% EM."],
     ("repoeval", "CrossCodeEval")),
    ("RLCoder EM gain on RepoEval?", ["Better on CrossCodeEval and RepoEval, by 12.2% EM."], None),  # plainly asked
    ("Is RepoEval the only benchmark?", ["Better on CrossCodeEval and RepoEval, by 12.2% EM."], None),
    ("Just curious, RLCoder's gain on RepoEval?", ["Better on CrossCodeEval and RepoEval, by 12.2% EM."], None),
    ("RLCoder's gain only on RepoEval?", ["Better on CrossCodeEval and RepoEval, by 12.2% EM."],
     ("RepoEval", "CrossCodeEval")),
    # A figure for each is the named one's own.
    ("STP on miniF2F-test only?", ["61.7% on miniF2F-test and 23.1% on Proofnet-test."], None),
    ("CodeTree's MBPP score only", ["95.1 on HumanEval, 98.7 on MBPP, and 43.0 on CodeContests."], None),
])
def test_a_figure_shared_with_another_benchmark_is_not_the_named_ones_alone(question, stating, pooled):
    from rag.answer.asks import pooled_with

    names = [n for n in ("RepoEval", "repoeval", "miniF2F-test", "MBPP") if n in question]
    assert pooled_with(question, names, stating) == pooled


@pytest.mark.parametrize(("question", "gap"), [
    ("which has the higher accuracy and by how much?", True),
    ("what are the two numbers", True),
    ("how big is the gap between them on HumanEval?", True),
    ("how much better is A than B?", True),
    ("which one does better on PutnamBench?", False),  # one figure and the other's silence answer this
    ("what does each score on MBPP?", False),
    ("which is better on HumanEval, and what's the main difference in approach?", False),  # no figure
    ("what is the difference in accuracy between them?", True),
    ("does A beat B on it? whats the gap", True),
    ("did A outscore B, and by what margin?", True),
])
def test_a_question_that_needs_a_figure_from_each_side(question, gap):
    from rag.answer.asks import asks_for_gap

    assert asks_for_gap(question) is gap


@pytest.mark.parametrize(("question", "extreme"), [
    ("whats the smallest model they train, and what does it beat?", "smallest"),
    ("parameter count of AlphaCode's largest model?", "largest"),
    ("LintSeq's biggest LLM?", "largest"),
    ("the tiniest variant they release?", "smallest"),
    ("which model is best?", ""),
    ("what's the largest dataset they use?", ""),  # data, not a model
    ("how well did the largest model do on the 974 problems?", ""),  # its result, not its size
    ("what does the smallest model score on HumanEval?", ""),
])
def test_a_size_extreme_of_a_papers_models_is_asked(question, extreme):
    from rag.answer.model_sizes import asked_extreme

    assert asked_extreme(question) == extreme


@pytest.mark.parametrize(("sentence", "sizes"), [
    ("Our 150M parameter edit sequence LM matches or outperforms Codex.", [150e6]),
    ("We finetune a series of smaller LLMs ranging from 2.6B to 14B parameters.", [2.6e9, 14e9]),
    ("Notably, DotaMath-deepseek-7B showcases 64.8% on MATH.", [7e9]),
    ("The synthetic dataset comprises 8 million formal statements.", []),  # data, in words
    ("With 19.8 billion tokens generated during training.", []),
    ("We generate 574K query-response pairs.", []),
])
def test_model_sizes_are_read_where_a_sentence_gives_them(sentence, sizes):
    from rag.answer.model_sizes import model_sizes

    assert model_sizes(sentence) == pytest.approx(sizes)


@pytest.mark.parametrize(("question", "offered"), [
    ("is it released under mit or apache 2.0?", ["mit", "apache 2.0"]),
    ("which model was the meta agent, gpt-4 or claude?", ["gpt-4", "claude"]),
    ("does DeepSeek-Prover use Lean or Isabelle?", ["Lean", "Isabelle"]),
    ("is the code generation or optimisation the focus?", []),  # no name offered
    ("does it help programs or solutions?", []),
    ("does RLCoder train its retriever w/ PPO or GRPO?", ["PPO", "GRPO"]),  # "w/" is "with"
    ("PPO/GRPO?", ["PPO", "GRPO"]),
    ("were the 3/8/70B models Llama or Qwen?", ["Llama", "Qwen"]),  # sizes joined by slashes are no choice
    ("the 7/13B ones?", []),
])
def test_names_a_question_offers_to_choose_between(question, offered):
    from rag.answer.alternatives import offered_names
    from rag.answer.mentions import name_like

    assert offered_names(question, name_like) == offered


_REFUTE = ("Even OpenAI o3-mini (high) with code execution feedback can create counterexamples for only <9% of "
           "incorrect solutions in REFUTE.")
_CHAMELEON = "GPT-4o achieves a pass@10 of only 39.9% (43.7% when provided with error feedback)."
_OVM = "Our OVM-7B model achieves state-of-the-art results; especially it does not utilize GPT-4 or code execution."


_FUNCODER_METHOD = "We propose FunCoder, a code generation framework incorporating functional consensus."


@pytest.mark.parametrize(("question", "text", "unmet"), [
    ("how does o3-mini do when it doesn't get code execution feedback?", _REFUTE, "code execution feedback"),
    ("o3-mini's score without code execution feedback?", _REFUTE, "code execution feedback"),
    ("what does it get with no code execution feedback at all?", _REFUTE, "code execution feedback"),
    ("gpt4o pass@10 without error feedback?", _CHAMELEON, ""),  # the figure given beside the variant is without
    ("how well does OVM do without code execution?", _OVM, ""),  # said as absent
    ("what does it get without retrieval?", _REFUTE, ""),  # not mentioned at all: other rules' business
    ("what does it get with code execution feedback?", _REFUTE, ""),
    # "step" is the question's word for the piece; the abstract names the piece alone.
    ("funcoder without its functional consensus step, how much worse?", _FUNCODER_METHOD, "functional consensus step"),
])
def test_a_setting_asked_by_its_absence_needs_an_abstract_saying_it_absent(question, text, unmet):
    from rag.answer.negations import unmet_absence

    assert unmet_absence(question, text) == unmet


_PROVER_FIMO = ("Additionally, our model successfully proved 5 out of 148 problems in the Lean 4 FIMO benchmark, while "
           "GPT-4 failed to prove any.")
_FUNCODER = "Further analysis reveals that the functional consensus prevails over self-testing in correctness."


@pytest.mark.parametrize(("question", "text", "contradicted"), [
    ("why did DeepSeek-Prover fail to prove any of the FIMO problems?", _PROVER_FIMO, True),
    ("why did functional consensus end up doing worse than plain self-testing?", _FUNCODER, True),
    ("why does FunCoder perform worse than self-testing for judging correctness?", _FUNCODER, True),
    ("why did GPT-4 fail to prove the FIMO problems?", _PROVER_FIMO, False),  # the failure is GPT-4's
    ("why does it prove FIMO problems so well?", _PROVER_FIMO, False),  # no failure asked
    ("why did it fail on miniF2F?", _PROVER_FIMO, False),  # the abstract says nothing of it
])
def test_a_why_did_it_fail_question_whose_premise_the_abstract_contradicts(question, text, contradicted):
    from rag.answer.premises import contradicted_failure

    assert bool(contradicted_failure(question, text)) is contradicted


@pytest.mark.parametrize(("question", "topic"), [
    # "it" in the clause asking is the one name said before it; a second ask is no part of the topic.
    ("GSM8K is everywhere - which papers evaluate on it, and for what?", "GSM8K"),
    ("MBPP keeps coming up. which papers use it or a variant of it?", "MBPP"),
])
def test_it_in_a_list_question_is_the_name_said_before(question, topic):
    from rag.answer.plan import list_topic

    assert list_topic(question) == topic


@pytest.mark.parametrize(("question", "parts"), [
    ("the pillow/numpy case study - did they have failed attempts?", ["the pillow/numpy case study",
                                                                     "did they have failed attempts?"]),
    ("In the pillow case studies, were any failed attempts reported?", ["In the pillow case studies",
                                                                       "were any failed attempts reported?"]),
    ("For CodeTree, what is the search space?", ["For CodeTree", "what is the search space?"]),
    ("What is STP - does it use Isabelle?", ["What is STP - does it use Isabelle?"]),  # the first part asks
    ("In 2023, LLMs got better.", ["In 2023, LLMs got better."]),  # no ask after the comma
])
def test_a_subject_set_apart_before_the_ask(question, parts):
    from rag.answer.asks import subject_and_ask

    assert subject_and_ask(question) == parts


@pytest.mark.parametrize(("name", "base"), [
    ("GSM8K-based", "GSM8K"), ("HumanEval-style", "HumanEval"), ("GPT-4-like", "GPT-4"), ("GPT-4", "GPT-4"),
])
def test_a_kind_named_after_a_name_is_read_as_that_name(name, base):
    from rag.answer.unknowns import kind_base

    assert kind_base(name) == base


@pytest.mark.parametrize(("question", "supposed"), [
    ("what MATH score would dotamath get if finetuned on infinitymath instead of dotamathqa?",
     "if finetuned on infinitymath instead of dotamathqa"),
    ("If STP were trained without self-play, what would it score on miniF2F?", "if STP were trained without self-play"),
    ("how much would RLCoder's EM drop if it were trained on Python only?", "if it were trained on Python only"),
    ("how would the model perform if it had no retriever?", ""),  # an ablation an abstract may report
    ("If I pooled the MBPP and BigCodeBench tasks, how many would I have?", ""),  # the asker's own sum
    ("What would you recommend for repository-level completion?", ""),  # no setting supposed
    ("If a model is small, what does it get on HumanEval?", ""),  # a condition, then what was reported
])
def test_a_result_under_a_setting_nobody_ran_is_a_hypothetical(question, supposed):
    from rag.answer.hypotheticals import hypothetical

    assert hypothetical(question) == supposed


_ACR = ("Experiments on SWE-bench-lite show increased efficacy (19% on SWE-bench-lite), which is higher than the "
        "efficacy of the recently reported SWE-agent.")
_MALOT = ("Our framework achieves 54.51% on MiniF2F-Test, largely outperforming GPT-4 (22.95%), and whole-proof "
          "generation (DeepSeek-Prover-v1.5, 48.36%) baselines.")


@pytest.mark.parametrize(("sentence", "name", "only"), [
    (_ACR, "SWE-agent", True),  # "higher than ... SWE-agent": the figure is the paper's own
    (_ACR, "SWE-bench-lite", False),  # where the figure is
    (_MALOT, "GPT-4", False),  # its own figure right after it
    ("RLCoder outperforms state-of-the-art methods on CrossCodeEval and RepoEval, achieving 12.2% EM.", "RepoEval",
     False),  # where its result is, though "outperforms" comes before
    (_MALOT, "DeepSeek-Prover-v1.5", False),  # inside the brackets with its figure
    ("Codex (18%) outperforms GPT-3 on APPS.", "GPT-3", True),
    ("Codex (18%) outperforms GPT-3 on APPS.", "Codex", False),
    ("We compare against GPT-4, which reaches 23.0%.", "GPT-4", False),  # its figure, in the clause after
    # What the winner did it with, and the margin, are no figure of the beaten one.
    ("Eurus-2-7B-PRIME surpasses Qwen2.5-Math-7B-Instruct on seven benchmarks with 10% of its training data.",
     "Qwen2.5-Math-7B-Instruct", True),
    ("Our model beats GPT-4 by 5%.", "GPT-4", True),
    # A share of another's figure is none of its own; a share of a set is where the figure is.
    ("StableCode-3b achieves 97.7% of GPT-4's performance on HumanEval.", "GPT-4", True),
    ("Gemini gets 47% of HumanEval task traces right.", "HumanEval", False),
])
def test_a_name_held_up_only_as_beaten_has_no_figure_there(sentence, name, only):
    from rag.answer.baselines import only_compared

    assert only_compared(sentence, name) is only


def test_a_name_an_abstract_only_beats_is_found_as_it_writes_it():
    from rag.answer.baselines import beaten_only

    abstract = f"{_ACR} AutoCodeRover resolves 19% of the issues."
    assert beaten_only(["AutoCodeRover", "swe-agent"], abstract) == ("SWE-agent", _ACR)
    assert beaten_only(["AutoCodeRover"], abstract) is None  # said with its own figure
    assert beaten_only(["Reflexion"], abstract) is None  # not said at all


@pytest.mark.parametrize(("topic", "parts"), [
    ("HumanEval / HumanEval+", ["HumanEval", "HumanEval+"]),  # names joined by a slash: either
    ("Isabelle or Coq", ["Isabelle", "Coq"]),
    ("input/output examples", ["input/output examples"]),  # no names: one phrase
    ("Lean and/or Coq", ["Lean", "Coq"]),
    ("code generation or optimisation", ["code generation or optimisation"]),
])
def test_a_list_of_alternatives_is_matched_side_by_side(topic, parts):
    from rag.answer.listing import either_parts

    assert either_parts(topic) == parts


_ESMA = ("The ESMA algorithm found various known formulas for e, e^2, tan(1), and ratios of values of Bessel "
         "functions. The algorithm further discovered a large number of new conjectures for these constants, some "
         "providing simpler representations.")
_PROCESSBENCH = "It consists of 3,400 test cases, primarily focused on competition- and Olympiad-level math problems."


@pytest.mark.parametrize(("question", "abstract", "unlisted"), [
    ("which new formulas for pi did the ESMA algorithm discover?", _ESMA, "pi"),
    ("did ESMA find formulas for phi too?", _ESMA, "phi"),
    ("ESMA formulas for e?", _ESMA, None),  # listed
    ("how many new conjectures for pi did ESMA find?", _ESMA, None),  # "conjectures for these constants, ..." is prose
    ("processbench consists of how many cases in total?", _PROCESSBENCH, None),  # no item after the words
    ("what results on pi does it report?", _PROCESSBENCH, None),  # the abstract lists no results
])
def test_an_item_missing_from_the_list_an_abstract_gives_is_not_covered(question, abstract, unlisted):
    from rag.answer.enumerations import unlisted_item
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary(f"{abstract} The pillow library, in total, in practice.")
    found = unlisted_item(question, abstract, vocabulary)
    assert (found[0] if found else None) == unlisted
    if found:
        assert found[1].startswith("formulas for e, e^2, tan(1)")


_UGMATH = ("Our extensive evaluation of 23 leading LLMs reveals that the highest EAcc achieved is 56.3% by "
           "OpenAI-o1-mini, with large Delta values observed across different models.")


@pytest.mark.parametrize(("sentence", "name", "has"), [
    (_UGMATH, "EAcc", True),
    (_UGMATH, "o1-mini", True),
    (_UGMATH, "Delta", False),  # said in the clause after ", with", which has no number
    ("FunCoder outperforms state-of-the-art methods by +9.8% on average in HumanEval, MBPP, xCodeEval and MATH.",
     "MBPP", True),  # one figure for all the names the plain commas join
    ("We reach 45% on MBPP; HumanEval results are left to future work.", "HumanEval", False),
])
def test_a_figure_belongs_to_the_names_of_its_clause(sentence, name, has):
    from rag.answer.figure_clauses import figure_for

    assert figure_for(sentence, name) is has


@pytest.mark.parametrize(("name", "own", "headed"), [
    ("dotamath-llama2-13b", {"dotamath"}, True),  # the paper's name heads a model it never reports
    ("interleukin-2", {"interleukin6andinterleukin8levels"}, False),  # a typo away from its title's name: another
    ("ma-lot", {"malot"}, False),  # its own name whole, no part after it
])
def test_a_model_is_the_papers_own_name_with_more_after_it(name, own, headed):
    from rag.answer.focused import _headed_by
    from rag.answer.mentions import key

    assert _headed_by(name, lambda head: key(head) in own) is headed


@pytest.mark.parametrize(("abstract", "tuned"), [
    ("We fine-tune several code models, including CodeGen-2B and SantaCoder, on the cleaned corpus.",
     ["CodeGen-2B", "SantaCoder"]),
    ("Starting from Mixtral-8x7B, our recipe improves pass@1 by 4 points.", ["Mixtral-8x7B"]),  # "from" is no data here
    ("After fine-tuning the OLMo 7B model on TinyProofs, the prover solves 12% more lemmas.", ["OLMo 7B"]),  # not data
    ("Fine-tuned small models (such as Gemma-2B or TinyLlama) compare favorably with GPT-4.",
     ["Gemma-2B", "TinyLlama"]),  # the model compared with is no model the paper tuned
    ("We release an instruction fine-tuning dataset called MathMix with 200K pairs.", []),  # the paper's own data
    ("We pre-train two models, BERTje and RobBERT, for a Dutch legal corpus.", ["BERTje", "RobBERT"]),  # not Dutch
    ("Fine-tuning LLMs with verifier-guided (VG) search beats cloning traces.", []),  # a method, defined by the paper
    ("Our results use pre-trained LMs such as BERT as encoders.", []),  # "pre-trained" says what they are
])
def test_the_models_an_abstract_says_it_tuned(abstract, tuned):
    from rag.answer.across import used_as_data
    from rag.answer.tuned_models import tuned_models

    paper = Paper(paper_id="p", title="A Paper", abstract=abstract)
    assert [name for name, _ in tuned_models(paper, used_as_data)] == tuned


@pytest.mark.parametrize(("question", "asks"), [
    ("which base models get fine-tuned in the vision papers?", True),
    ("what LLMs did people fine-tune across these papers?", True),
    ("code LMs that get further pretrained here - the full set please", True),
    ("Which papers fine-tune StarCoder?", False),  # papers, with a named model: a list
    ("what models were evaluated on HumanEval?", False),  # evaluated, not tuned
    ("How many epochs was the model fine-tuned on Repo-Instruct trained for?", False),  # one model, one paper's
    # What the papers start from, said other ways.
    ("the starting checkpoints the prover papers build on?", True),
    ("which LLMs serve as the backbone of these agent systems", True),
    ("which model serves as the base for OVM?", False),  # one paper's
])
def test_a_question_for_the_models_papers_tuned(question, asks):
    from rag.answer.tuned_models import asks_tuned_models

    assert asks_tuned_models(question) is asks


@pytest.mark.parametrize(("sentence", "metrics"), [
    ("Our parser reaches an exact match of 61.2% and a BLEU of 40.1 on the test split.", ["exact match", "BLEU"]),
    ("It improves recall (R@10: 55.0% vs. 49.3%) over the baseline.", ["R@10"]),  # a name given its figure
    ("Online tests show gains in Answer Acceptance Rate (AAR) at no latency cost.", ["Answer Acceptance Rate (AAR)"]),
    ("The agent solves tasks with a 12.5% success rate, and pass@5 rises with more samples.",
     ["success rate", "pass@5"]),
    ("We evaluate GPT-4 and Llama-3 on HumanEval and MBPP.", []),  # models and benchmarks are no metrics
])
def test_the_metrics_a_sentence_reports(sentence, metrics):
    from rag.answer.metric_names import metrics_in

    assert metrics_in(sentence) == metrics


@pytest.mark.parametrize(("question", "asks"), [
    ("what metrics do the summarisation papers report?", True),
    ("metrics used across these papers for retrieval?", True),
    ("which evaluation measures do people use here for code completion?", True),
    ("what metrics does CodeFill report?", False),  # one paper's: no papers word, a question about it
    ("Which papers report the MRR metric?", False),  # papers that use it: a list
    ("what metrics do the math benchmarks rely on?", True),  # benchmark papers, their metrics
    ("what metrics does the HumanEval benchmark use?", False),  # one benchmark's: a question about it
    ("not the benchmarks, the scoring metrics: what do the completion papers measure with?", True),  # as a label
])
def test_a_question_for_the_metrics_several_papers_report(question, asks):
    from rag.answer.metric_names import asks_metrics

    assert asks_metrics(question) is asks


@pytest.mark.parametrize(("question", "abstract", "size"), [
    ("What's the MATH score of the 13B FooMath model?", "FooMath-7B reaches 60% on MATH.", "13B"),
    ("how does the 7b foomath do?", "FooMath-7B reaches 60% on MATH.", ""),
    ("what does its 7B model score?", "It matches models of 7 billion parameters.", ""),  # written in words
    ("trained on 13B tokens?", "FooMath-7B reaches 60% on MATH.", ""),  # data, not a model
    ("did they run 8B and 32B models?", "It holds with 3/8/32B-sized pre-trained LLMs.", ""),  # sizes sharing a unit
    ("did they run a 70B model?", "It holds with 3/8/32B-sized pre-trained LLMs.", "70B"),
])
def test_a_model_size_the_abstract_never_writes(question, abstract, size):
    from rag.answer.model_sizes import unwritten_size

    assert unwritten_size(question, abstract) == size


@pytest.mark.parametrize(("sentence", "name", "compared"), [
    ("How does FooLM-7B compare with BarLM-7B-Instruct on math?", "BarLM-7B-Instruct", True),
    ("How does FooLM-7B compare with BarLM on math?", "FooLM-7B", False),
    ("FooLM beats BarLM, which reaches 40%.", "BarLM", False),  # its own figure follows
])
def test_a_name_the_question_only_compares_with(sentence, name, compared):
    from rag.answer.baselines import only_compared

    assert only_compared(sentence, name) is compared


def test_a_number_inside_a_model_name_is_no_value():
    from rag.text.numbers import read

    assert [f.in_name for f in read("Eurus-2-7B-PRIME reaches 26.7% on AIME, as does GPT-4.").figures] == \
        [True, True, False, True]


@pytest.mark.parametrize(("question", "abstract", "unexplained"), [
    ("Why does FooNet beat the baselines on long documents?",
     "FooNet beats the baselines on long documents because its memory keeps earlier sections.", False),
    ("Why does FooNet beat the baselines on long documents?",
     "FooNet beats the baselines on long documents. We release the code.", True),
    ("What makes FooNet's outputs more diverse?", "FooNet produces more diverse outputs. This results in faster "
     "training.", True),  # a consequence of something else, sharing no word with what is asked
    ("Why does FooNet help?", "FooNet helps.", False),  # too little asked to hold a sentence to
    ("Why does FooNet split documents into sections?", "FooNet splits documents into sections.", False),  # a design
    # choice, which motivation sentences answer however they word it, not a result
    ("What does FooNet beat on long documents?", "FooNet beats the baselines.", False),  # no why
])
def test_a_why_the_abstract_gives_no_reason_for(question, abstract, unexplained):
    from rag.answer.claims import unexplained as unexplained_why

    assert unexplained_why(question, abstract, {"foonet"}) is unexplained


@pytest.mark.parametrize(("question", "abstract", "unclaimed"), [
    ("Is FooBench the largest benchmark of its kind?", "FooBench is a diverse benchmark.", "largest"),
    ("is FooBench the first bilingual benchmark?", "FooBench is the first bilingual benchmark.", ""),
    ("Does FooBench beat the first baseline?", "FooBench is a diverse benchmark.", ""),  # no claim asked of it
])
def test_a_superlative_the_abstract_does_not_claim(question, abstract, unclaimed):
    from rag.answer.claims import unclaimed_superlative

    assert unclaimed_superlative(question, abstract) == unclaimed


def test_parts_named_before_which_one_are_ranked_only_where_a_sentence_ranks_them():
    from rag.answer.asks import unranked_part

    question = "Among FooAgent's seven downstream tasks, which one had the lowest success rate?"
    assert unranked_part(question, "FooAgent reaches a higher success rate on seven tasks.") == \
        "which of the downstream tasks is lowest"
    assert unranked_part(question, "FooAgent struggles most on the forecasting task.") == ""


@pytest.mark.parametrize(("question", "abstract", "members"), [
    ("Which 5 problems did FooProver solve?", "FooProver solved 5 out of 148 problems in BarBench.", "5 problems"),
    ("which two datasets?", "We run on two datasets, GSM8K and Game of 24.", ""),  # named right after
    ("which three theorems?", "We prove three theorems: A, B and C.", ""),
    ("which 4 tasks?", "We evaluate on seven tasks.", ""),  # another count: a contradiction, not this
    ("FooBench has 16 subjects - what are they?", "It has 5,062 problems across 16 subjects.", "16 subjects"),
    ("it covers twelve languages, can u list all 12?", "We evaluate across twelve programming languages.",
     "twelve languages"),
    # Counted as "models" in the abstract, asked as "LMs"; "which two?" asks the members not named in the question.
    ("it compared three code LMs - besides FooCoder, which two?", "We assess three public code language models.",
     "three LMs"),
    # A control: the abstract lists them.
    ("it compared three code LMs - what are the other two?", "We assess three models: FooCoder, A and B.", ""),
    # The one ranked first is asked, not the members; "the other two it beat" are the members.
    ("which of the 3 models came out best?", "We assess three public code language models.", ""),
    ("FooCoder won - which were the other two code LMs it beat?", "We assess three public code language models.",
     "two LMs"),
])
def test_members_of_a_counted_set_the_abstract_does_not_name(question, abstract, members):
    from rag.answer.claims import unnamed_members

    assert unnamed_members(question, abstract) == members


@pytest.mark.parametrize(("question", "planned"), [
    ("How did accuracy change once FooBench's extra versions were added?", True),
    ("how many versions does each FooBench problem have?", False),  # what the sentence states, not what it plans
    ("How did accuracy change once FooBench's extra test cases were added?", False),  # not what it plans
])
def test_the_outcome_of_what_an_abstract_only_plans(question, planned):
    from rag.answer.claims import only_planned

    abstract = "Each FooBench problem has three versions, with extra versions planned for release later."
    assert bool(only_planned(question, abstract, {"foobench"})) is planned


@pytest.mark.parametrize(("question", "abstract", "unsized"), [
    ("fooLM model size? how many params", "FooLM generates MPI code.", True),
    ("how big is FooLM's model?", "Our 150M parameter FooLM beats larger models.", False),
    ("what's the size of the FooBench test set?", "FooBench has 500 problems.", False),  # data, not a model
])
def test_a_model_size_asked_of_an_abstract_that_gives_none(question, abstract, unsized):
    from rag.answer.model_sizes import unsized as asks_unsized

    assert asks_unsized(question, abstract) is unsized


@pytest.mark.parametrize(("question", "abstract", "averaged"), [
    ("FooLM averages 61.2% - what are the individual benchmark scores behind that avg?",
     "FooLM reaches an average of 61.2% over eight benchmarks.", True),
    ("FooLM averages 61.2% - what are the individual benchmark scores behind that avg?",
     "FooLM reaches an average of 61.2% (55.0% on A and 67.4% on B).", False),  # the parts are there
    ("what are FooLM's individual benchmark scores?", "FooLM reaches an average of 61.2%.", False),  # no average asked
    # A rate is no breakdown: "$0.43 per issue" is what the average is of.
    ("it solves 19% at an avg cost of $0.43 per issue, right?", "It costs $0.43 on average per run.", False),
    ("avg 61.2% - what's the per-task breakdown?", "FooLM reaches an average of 61.2%.", True),
])
def test_the_parts_of_an_average_the_abstract_gives_alone(question, abstract, averaged):
    from rag.answer.claims import averaged_only

    assert bool(averaged_only(question, abstract)) is averaged


@pytest.mark.parametrize(("question", "names", "rewritten"), [
    ("which models did they test?", ["UGMathBench", "CheckMate"], "which models did UGMathBench and CheckMate test?"),
    ("what are their main results?", ["A", "B", "C"], "what are A, B and C's main results?"),
    ("how big is it?", ["A", "B"], ""),                # one thing asked about: not the list
    ("which models did they test?", ["A"], ""),         # one paper: the usual follow-up rules
    ("which models did they test?", list("ABCDEFG"), ""),  # too many to set side by side
])
def test_a_plural_pronoun_after_a_list_stands_for_the_listed_papers(question, names, rewritten):
    from rag.answer.followups import about_listed

    assert about_listed(question, names) == rewritten


@pytest.mark.parametrize(("question", "metric", "elsewhere"), [
    ("its MRR for multi-token prediction?", "MRR", "single token prediction"),
    ("its MRR for multi token prediction?", "MRR", "single token prediction"),  # however the setting is spelled
    ("its MRR for single-token prediction?", "MRR", ""),  # the setting it is given for
    ("its ROUGE-L for multi token prediction?", "ROUGE-L", ""),
    ("what MRR does it get?", "MRR", ""),  # no setting asked
])
def test_a_metric_given_for_one_setting_is_not_an_answer_for_another(question, metric, elsewhere):
    from rag.answer.figure_clauses import metric_elsewhere

    sentence = ("It surpasses all baselines in single token prediction (MRR: 70.9% vs. 66.2%) and the state of the "
                "art for multi-token prediction (ROUGE-L: 63.7% vs. 52.4%).")
    assert metric_elsewhere(question, sentence, metric) == elsewhere


_PLANSEARCH = ("Using PLANSEARCH achieves a pass@200 of 77.0% on LiveCodeBench, outperforming both the best score "
               "achieved without search (pass@1 = 41.4%) and standard repeated sampling (pass@200 = 60.6%).")


@pytest.mark.parametrize(("question", "sentences", "beaten"), [
    ("What's PLANSEARCH's own pass@1 on LiveCodeBench?", [_PLANSEARCH], "pass@1"),
    # What the asker knows comes first; the metric asked is the ask's.
    ("It gets 77.0% pass@200 there. And its pass@1?", [_PLANSEARCH], "pass@1"),
    ("what pass@200 does it get on LiveCodeBench?", [_PLANSEARCH], ""),  # its own, before "outperforming"
    # Not the metric the asker says they have, wherever they say it.
    ("its pass@1 on LiveCodeBench? I have the pass@200, need pass@1 for the method itself", [_PLANSEARCH], "pass@1"),
    ("what pass@1 does it get itself? I have its pass@200", [_PLANSEARCH], "pass@1"),
    ("what's the pass@1 without search?", [_PLANSEARCH], ""),  # the beaten one is what is asked
    ("its pass@1?", ["It reaches pass@1 of 50%, outperforming the baseline's pass@1 of 40%."], ""),
    ("what's its accuracy?", [_PLANSEARCH], ""),  # no metric token asked
    # Where it won, with its own figure first: "surpasses all baselines in single token prediction (MRR: 70.9% vs.".
    ("codefill MRR single token prediction?",
     ["It surpasses all baselines in single token prediction (MRR: 70.9% vs. 66.2% and 67.8%)."], ""),
    ("its MRR?", ["It outperforms the baselines (MRR: 70.9% vs. 66.2%)."], ""),
])
def test_a_metric_given_only_for_what_the_paper_beats_is_not_its_own(question, sentences, beaten):
    from rag.answer.figure_clauses import metric_only_beaten

    assert metric_only_beaten(question, sentences) == beaten


@pytest.mark.parametrize(("question", "history", "searched"), [
    # "there" at the end points back as "it" does; "is there" does not.
    ("what fraction could the best model break there?", ["Tell me about REFUTE"],
     "what fraction could the best model break there (REFUTE)?"),
    ("is there a paper on Lean?", ["Tell me about REFUTE"], "is there a paper on Lean?"),
    # A field's common word ("LLMs") stands for no paper: the earlier question is carried along instead.
    ("which did best there?", ["any work on LLMs writing counterexamples?"],
     "which did best there (following “any work on LLMs writing counterexamples”)?"),
])
def test_what_a_follow_up_points_back_to(question, history, searched):
    assert condense(question, history) == searched


@pytest.mark.parametrize(("question", "own", "acronym"), [
    ("what does QRX* stand for in the Foo paper?", ["Foo"], "QRX*"),
    ("FooNet - what's the acronym expand to?", ["FooNet"], "FooNet"),
    ("what's the acronym expand to, and what data did they use?", ["ZAP"], "ZAP"),  # the paper's own name
    ("what does zap stand for?", ["Some Long Title", "ZAP"], "ZAP"),  # typed in lower case: the paper's name
    ("what does zap stand for?", ["Some Long Title"], ""),  # no name of its own to be asked
    ("what does ZAP do for code search?", ["ZAP"], ""),  # no ask for what it stands for
    ("how do they expand the training set?", ["ZAP"], ""),  # "expand" is not "expand to"
    ("what does the name B4 stand for?", ["B4"], "B4"),  # a capital and a digit
])
def test_which_acronym_a_question_asks_to_spell_out(question, own, acronym):
    from rag.answer.acronyms import asked_acronym

    assert asked_acronym(question, own) == acronym


@pytest.mark.parametrize(("acronym", "abstract", "words"), [
    ("ZAPE", "We introduce the Zonal Adaptive-pruning Pooled Estimator (ZAPE) method. It is fast.",
     "Zonal Adaptive-pruning Pooled Estimator"),  # capitals, a hyphenated word among them
    ("PRISM", "We propose PRISM (Policy Rewards via IMplicit Signal Modelling), which learns online.",
     "Policy Rewards via IMplicit Signal Modelling"),  # after it, in brackets
    ("KBQ", "A new knowledge base question (KBQ) benchmark is released.", "knowledge base question"),  # initials
    ("LLMs", "Large Language Models (LLMs) write code.", "Large Language Models"),
    ("QRX*", "We apply it to the QRX* library and show it scales.", None),  # used, never spelled out
    ("ZAPE", "ZAPE is a zonal estimator. Zonal Adaptive-pruning Estimators are common.", None),  # not beside it
    ("ZAP", "A title\nZAP, which stands for Zonal Adaptive Pruning, works.", "Zonal Adaptive Pruning"),  # in words
    ("ZAP", "Zonal Adaptive Pruning for Search\nWe present ZAP.", None),  # the title's initials are ZAPS
    ("ZAP", "Zonal Adaptive Pruning\nWe present ZAP.", "Zonal Adaptive Pruning"),  # the title spells it
    # A run of the title's words, small ones counted: "Time to First Token" for TTFT.
    ("TTFT", "Faster Time to First Token\nWe cut TTFT.", "Time to First Token"),
    ("ZAP", "A title\nIt speeds up (known as ``zonal adaptive pruning'', or ZAP) the search.",
     "zonal adaptive pruning"),  # ", or ZAP" after its words
    # A title led by the acronym: its capitals after the colon, in order.
    ("MA-LoT", "MA-LoT: Multi-Agent Lean-based Long Chain-of-Thought Reasoning\nWe present MA-LoT.",
     "Multi-Agent Lean-based Long Chain-of-Thought"),
    ("ZAP", "ZAP: Fast Pruning\nWe present ZAP.", None),  # the capitals after the colon lack the A
    # A capital and a digit: the letter that many times.
    ("P3", "Puzzles\nWe release a dataset of Python Programming Puzzles (P3).", "Python Programming Puzzles"),
    ("B4", "B4: Plausible Tests\nWe present B4, a selection strategy.", None),
])
def test_what_an_abstract_spells_an_acronym_out_as(acronym, abstract, words):
    from rag.answer.acronyms import expansion

    found = expansion(acronym, abstract)
    assert (found[0][found[1][0]:found[1][1]] if found else None) == words


@pytest.mark.parametrize(("question", "abstract", "pooled"), [
    ("of its 3 extra problems, how many are from 2023 vs 2022?", "It adds 3 extra problems from 2022 and 2023.",
     "2023 and 2022"),
    ("how many tasks are in Python versus Java?", "It has 900 tasks in Java and Python.", "Python and Java"),
    ("how many tasks are in Python versus Java?", "It has 500 tasks in Python and 400 tasks in Java.", ""),  # apart
    ("how many tasks are in Python versus Java?", "Tasks are in Python and Java (Python: 500).", ""),  # one apart
    ("how many tasks are in Python versus Java?", "It has 900 Python tasks.", ""),  # never together: other rules
    ("which is better, Python or Java?", "It has 900 tasks in Java and Python.", ""),  # no count asked
])
def test_a_count_of_each_of_two_parts_the_abstract_names_only_together(question, abstract, pooled):
    from rag.answer.claims import pooled_count

    assert pooled_count(question, abstract) == pooled


@pytest.mark.parametrize(("question", "sentence", "change"), [
    ("what percentage of all FooBench problems does FooLM solve?", "FooLM solves 12% (75 -> 84) more problems.", True),
    ("what share of FooBench tasks does FooLM pass?", "It improves FooLM's pass rate by 12%.", True),
    ("what percentage of all FooBench problems does FooLM solve?", "FooLM solves 18% of 397 problems.", False),
    # A share beside a change: the share answers.
    ("what percentage of problems does FooLM solve?", "FooLM solves 40% of problems, a 12% improvement.", False),
    ("how many more problems does FooLM solve, in percent?", "FooLM solves 12% (75 -> 84) more problems.", False),
    ("what percentage improvement does FooLM get?", "FooLM solves 12% (75 -> 84) more problems.", False),
    # Written as LaTeX abstracts write a percentage.
    ("what percentage of all problems does FooLM solve?", "FooLM solves 12\\% (75 -> 84) more problems.", True),
])
def test_a_share_asked_of_an_abstract_giving_only_a_change(question, sentence, change):
    from rag.answer.shares import change_only

    assert bool(change_only(question, [sentence])) is change


def test_a_share_the_abstract_gives_in_another_sentence_is_no_change_only():
    from rag.answer.shares import change_only

    question = "on FooBench, what share of tokens does the first layer alone get right?"
    changes = ["On FooBench it gives an 11.2% speedup with a 1.1% reduction in accuracy."]
    assert change_only(question, changes, [*changes, "Only 9% of papers use FooBench."])  # another change-less %
    assert not change_only(question, changes, [*changes, "The first layer predicts 54.4% of tokens correctly."])


@pytest.mark.parametrize(("name", "defined"), [
    ("Gap", True), ("EAcc", True), ("FooBench", False), ("Ga", False),
])
def test_a_metric_the_abstract_introduces_as_one(name, defined):
    from rag.answer.metric_names import defines_metric

    abstract = "We build FooBench. We propose two metrics: effective accuracy (EAcc) and reasoning gap (Gap)."
    assert defines_metric(name, abstract) is defined


@pytest.mark.parametrize(("question", "description"), [
    ("the olympiad Lean dataset paper: how many lemmas?", "olympiad Lean dataset "),  # a control
    ("RL + LLM code optimization paper: which dataset did they use?", "RL + LLM code optimization "),  # "+" in it
    ("which paper introduced HumanEval?", None),  # a control: asks for a paper, describes none
])
def test_a_paper_described_before_the_word_paper(question, description):
    from rag.answer.described import ONE_PAPER

    match = ONE_PAPER.search(question)
    assert (match["description"] if match else None) == description


def test_the_metrics_an_abstract_defines_with_a_short_name():
    from rag.answer.metric_names import defined_metrics

    abstract = ("We build FooBench. We propose two metrics: effective accuracy (EAcc), the share solved in every "
                "version, and reasoning gap (Gap), the drop between versions. Models reach 40% (EAcc) on it.")
    assert defined_metrics(abstract) == [("EAcc", "effective accuracy"), ("Gap", "reasoning gap")]


@pytest.mark.parametrize(("question", "names", "each"), [
    ("what gains does it report on TriviaQA and on HumanEval?", ["TriviaQA", "HumanEval"], True),
    ("GSM8K, MATH or SVAMP accuracy?", ["GSM8K", "MATH", "SVAMP"], True),
    ("what does it reach on HumanEval with GPT-4o?", ["HumanEval", "GPT-4o"], False),  # one setting
    ("GSM8K accuracy of the 7B model, MATH too?", ["GSM8K", "MATH"], False),  # words between them
    ("token-level accuracy on CodeXGLUE and its line-level EM?", ["CodeXGLUE", "EM"], True),  # a measure of its own
])
def test_names_asked_each_in_their_own_right(question, names, each):
    from rag.answer.focused import coordinated

    assert coordinated(question, names) is each


@pytest.mark.parametrize(("question", "names", "apart"), [
    ("what gains does it report on TriviaQA and on HumanEval?", ["TriviaQA", "HumanEval"], ["TriviaQA", "HumanEval"]),
    # The preposition said again around a setting: the setting's names go with both.
    ("by how much on TriviaQA across TTFT FLOPs budgets, and on HumanEval?", ["TriviaQA", "TTFT", "FLOPs", "HumanEval"],
     ["TriviaQA", "HumanEval"]),
    ("accuracy in Lean 4 with DeepSeek-Prover data, or in Isabelle?", ["Lean 4", "DeepSeek-Prover", "Isabelle"],
     ["Lean 4", "Isabelle"]),
    ("what does it reach on HumanEval with GPT-4o?", ["HumanEval", "GPT-4o"], []),  # one setting
    ("on HumanEval with GPT-4o and MBPP?", ["HumanEval", "GPT-4o", "MBPP"], []),  # no preposition again
    # Two joined first, the setting's names after both.
    ("gains - TriviaQA vs HumanEval at fixed TTFT FLOPs budgets?", ["TriviaQA", "HumanEval", "TTFT", "FLOPs"],
     ["TriviaQA", "HumanEval"]),
    ("scores on MBPP or APPS with GPT-4o?", ["MBPP", "APPS", "GPT-4o"], ["MBPP", "APPS"]),
])
def test_names_asked_apart_around_a_setting(question, names, apart):
    from rag.answer.focused import asked_apart

    assert asked_apart(question, names) == apart


@pytest.mark.parametrize(("question", "names", "picked"), [
    ("what dataset did the first one introduce?", ["GHOSTS", "CheckMate"], "what dataset did GHOSTS introduce?"),
    ("and the last paper?", ["A", "B", "C"], "and C?"),
    ("the third one?", ["A", "B"], ""),  # too few listed
    ("what dataset did they introduce?", ["A", "B"], ""),  # no place picked
])
def test_a_follow_up_picks_a_listed_paper_by_its_place(question, names, picked):
    from rag.answer.followups import picked_by_place

    assert picked_by_place(question, names) == picked


@pytest.mark.parametrize(("question", "words"), [
    ("DeepSeek-Prover: the tree-search RL baseline (41.0% on miniF2F) - how many FIMO problems did it prove?",
     ["tree", "search"]),
    ("what does the expert iteration baseline get on miniF2F?", ["expert", "iteration"]),
    ("DeepSeek-Prover's expert-iteration baseline: its FIMO count?", ["expert", "iteration"]),  # a possessive
    ("what did the GPT-4 baseline score?", []),  # a name, judged as one
    ("its accuracy, and the margin over baselines?", []),  # no baseline described
    ("how does their method beat the baseline?", []),
])
def test_a_baseline_asked_about_by_description(question, words):
    from rag.answer.baselines import described_baseline

    assert described_baseline(question) == words


@pytest.mark.parametrize(("question", "placed"), [
    # Which of two places a quoted figure was got in, where its sentence names neither.
    ("was the 38x in numpy or in pillow's _getextrema?", ("38", "numpy or pillow's _getextrema")),
    ("was the up-to-38x gain on the numpy locus or in pillow?", ("38", "numpy locus or pillow")),
    ("was the 12x in numpy or in pillow?", None),  # a figure the abstract does not write: judged elsewhere
])
def test_a_figure_asked_where_it_was_got_needs_a_sentence_naming_the_place(question, placed):
    from rag.answer.alternatives import unplaced_figure

    abstract = "We optimise a pillow function. In all attempts, the improvement is significant (factor up to 38)."
    found = unplaced_figure(question, abstract)
    assert (found[:2] if found else None) == placed
    # A control: the sentence with the figure names the place.
    assert unplaced_figure(question, "In the pillow library, the improvement is a factor of 38.") is None


@pytest.mark.parametrize(("question", "earlier", "standalone"), [
    ("which one of them fine-tunes monocoder?", "papers on llms for HPC code?",
     "Which papers are about llms for HPC code and also fine-tunes monocoder?"),  # a subject: "are about"
    ("Which of them also use Isabelle?", "Which papers use Lean?",  # a name: the papers naming it
     "Which papers are about Lean and also use Isabelle?"),
    ("Of those, is there one that also tried Isabelle?", "Which papers use Lean?",
     "Which papers are about Lean and also tried Isabelle?"),
    ("do any of them use Isabelle?", "Which papers use Lean?", "Which papers are about Lean and also use Isabelle?"),
    ("ok, of those, which use Isabelle?", "Which papers use Lean?",
     "Which papers are about Lean and also use Isabelle?"),
    # "it" is the one thing the list was on; the value asked of each is what the list quotes.
    ("which of those actually reports a number on it, and what is it?", "which papers evaluate on SWE-bench?",
     "Which papers are about SWE-bench and also actually reports a number on SWE-bench?"),
    # "the Lean ones" are the listed papers, called by what the list was on; a label asked for in full is a list.
    ("which of the Lean ones also use Isabelle?", "Which papers use Lean?",
     "Which papers are about Lean and also use Isabelle?"),
    ("which of the RL ones get rewards from tests?", "RL for code (completion, optimisation) - need all of them",
     "Which papers are about RL for code (completion, optimisation) and also get rewards from tests?"),
])
def test_which_of_them_narrows_the_earlier_list(question, earlier, standalone):
    from rag.answer.followups import condense

    assert condense(question, [earlier]) == standalone


def test_a_name_used_as_the_means_of_what_a_paper_introduces_is_not_introduced():
    papers = {"mpi": Paper("mpi", "MPIrigen: MPI Code Generation", "We introduce a task of MPI code generation by "
                                                                  "fine-tuning MonoCoder on HPCorpusMPI.")}
    lexicon = Lexicon(papers)
    assert "monocoder" not in lexicon.paper_aliases and "mpirigen" in lexicon.paper_aliases


@pytest.mark.parametrize(("question", "abstract", "unattributed"), [
    ("which code locus gave that 38x?", "In all attempts, the improvement is large (factor up to 38).", "38"),
    ("which locus gave that 38x?", "The _getextrema function got a factor of 38.", None),  # an identifier named
    ("which model got the 10.59%?", "Our best GPT-4-based agent reaches 10.59%.", None),
    ("what did it get on 38 tasks?", "In all attempts, the improvement is large (factor up to 38).", None),  # no which
])
def test_a_quoted_figure_asked_what_it_is_of(question, abstract, unattributed):
    from rag.answer.alternatives import unattributed_figure

    found = unattributed_figure(question, abstract)
    assert (found[0] if found else None) == unattributed


@pytest.mark.parametrize(("question", "checked"), [
    # Chat emphasis is taken off the asked word; a name's own sign stays.
    ("MA-LoT accuracy on miniF2F *valid* split?", "MA-LoT accuracy on miniF2F valid split?"),
    ("what is **54.51%** of?", "what is 54.51% of?"),
    ("proofs in F* and HACL* code", "proofs in F* and HACL* code"),
])
def test_a_question_as_asked(question, checked):
    from rag.answer.question import check_question

    assert check_question(question, 1000) == checked


@pytest.mark.parametrize(("question", "unattributed"), [
    # What a quoted figure is of, asked: the figure after the ask is the one asked about.
    ("with 8 context types: which context gives the +22%?", ("22", "It improves by up to +22% overall.")),
    ("which context gives the 5%?", None),  # a figure the abstract does not write: judged elsewhere
])
def test_what_a_quoted_figure_is_of(question, unattributed):
    from rag.answer.alternatives import unattributed_figure

    abstract = "We try 8 types of contexts. It improves by up to +22% overall."
    assert unattributed_figure(question, abstract) == unattributed


def test_one_place_put_up_for_a_quoted_figure_needs_a_sentence_naming_it():
    from rag.answer.alternatives import unplaced_figure

    abstract = "We optimise a pillow function. In all attempts, the improvement is significant (factor up to 38)."
    assert unplaced_figure("is the 38x from numpy?", abstract)[:2] == ("38", "numpy")
    assert unplaced_figure("is the 38x from numpy?", "On numpy the improvement is a factor of 38.") is None


@pytest.mark.parametrize(("question", "picked"), [
    # One of the listed papers, by a word its name starts with; "they" is then that paper.
    ("for the MPI one, which corpus did they fine-tune?", "for MPIrigen, which corpus did MPIrigen fine-tune?"),
    ("and the OMP paper: what is their model size?", "and OMPGPT: what is OMPGPT's model size?"),
    ("for the HPC one, what did they build?", ""),  # no one name starts so: no pick
    # A name made a describing word: "the MPI-based one" is MPIrigen's.
    ("the MPI-based one among those - which corpus did they use?",
     "MPIrigen among those - which corpus did MPIrigen use?"),
])
def test_a_follow_up_picks_a_listed_paper_by_a_word_of_its_name(question, picked):
    from rag.answer.followups import picked_by_description

    assert picked_by_description(question, ["MPIrigen", "OMPGPT", "Tokompiler"]) == picked


_LISTED = {
    "Scope is all you need": "Scope is all you need: Transforming LLMs for HPC Code\nWe propose a tokenizer named "
                             "Tokompiler and pre-train SPT-Code on Fortran.",
    "OMPGPT": "OMPGPT: A Generative Pre-trained Transformer Model for OpenMP\nWe create chain-of-OMP.",
    "STP": "STP: Self-play LLM Theorem Provers\nA conjecturer and a prover play against each other.",
}


@pytest.mark.parametrize(("question", "picked"), [
    # No name starts with the words: the one paper whose title or abstract writes them.
    ("for the tokompiler one: which models did they pre-train?",
     "for Scope is all you need: which models did Scope is all you need pre-train?"),
    ("what does the OpenMP one generate?", "what does OMPGPT generate?"),
    ("and that self-play paper - how many tokens?", "and STP - how many tokens?"),
    # Words two papers write, or words that say which by where it stands, pick none.
    ("for the pre-train one, what corpus?", ""),
    ("and the other one: what does it generate?", ""),
    ("what about the bigger paper?", ""),
    ("the MPI one: which corpus?", ""),  # "MPI" inside "OpenMP" is no writing of MPI
])
def test_a_follow_up_picks_a_listed_paper_by_words_its_title_or_abstract_writes(question, picked):
    from rag.answer.followups import picked_by_description

    assert picked_by_description(question, list(_LISTED), list(_LISTED.values())) == picked


@pytest.mark.parametrize(("question", "on", "unconfirmed"), [
    # A figure checked on a named benchmark: a sentence writing it must name that benchmark.
    ("is 77% the HumanEval number it reports?", ["HumanEval"], "77% on HumanEval"),
    ("it gets 77% on LiveCodeBench, correct?", ["LiveCodeBench"], ""),
    ("is 77% the number it reports?", [], ""),  # no benchmark named: written is enough
    # Said right after the sentence naming it, in one naming nothing else.
    ("it got 54.4% with GPT-2's first layer alone, right?", ["GPT-2"], ""),
    ("it got 77% on HumanEval+, right?", ["HumanEval"], "77% on HumanEval"),  # LiveCodeBench's sentence: not
    # Only the names in the figure's own clause: MBPP is another ask's.
    ("77% on LiveCodeBench, right? and what did it get on MBPP?", ["LiveCodeBench", "MBPP"], ""),
    ("77% on HumanEval, right? and what did it get on MBPP?", ["HumanEval", "MBPP"], "77% on HumanEval"),
    # A size inside a model's name is no figure to check: "gpt-2-54b".
    ("it got 54.4% with gpt-2-54b's first layer alone, right?", [], ""),
    # A cost is said of the run, not as a result on the benchmark: written anywhere is enough.
    ("it gets 77% on LiveCodeBench at a cost of $0.43 per task, right?", ["LiveCodeBench"], ""),
    ("it gets 77% on LiveCodeBench at a cost of $0.50 per task, right?", ["LiveCodeBench"], "0.50"),
])
def test_a_figure_checked_on_a_benchmark_must_be_written_for_it(question, on, unconfirmed):
    from rag.answer.asks import unconfirmed_figure

    abstract = ("It shows strong results across HumanEval+ and MBPP+. It reaches a pass@200 of 77.0% on LiveCodeBench. "
                "We first study the layers of GPT-2. We found that 54.4% of tokens need only the first layer. "
                "Our agent did so at a lower cost (on average, $0.43 USD).")
    assert unconfirmed_figure(question, abstract, on) == unconfirmed


@pytest.mark.parametrize(("names", "topic", "heads"), [
    # A maker's name right before its product's says whose it is: the product is what papers write.
    (["ChatGPT", "GitHub", "Copilot"], "ChatGPT or GitHub Copilot doing programming work", ["ChatGPT", "Copilot"]),
    (["OpenAI", "Codex", "DeepMind", "AlphaCode"], "OpenAI's Codex or DeepMind AlphaCode", ["Codex", "AlphaCode"]),
    # Not when no abstract writes the second as a name, nor when one writes the two together.
    (["SWE-bench", "Verified"], "numbers on SWE-bench Verified", ["SWE-bench", "Verified"]),
    (["Apple", "M2"], "benchmarks on an Apple M2", ["Apple", "M2"]),
])
def test_a_name_qualified_by_its_makers_is_matched_by_its_own(names, topic, heads):
    from rag.answer.listing import _heads

    papers = [Paper("c", "From Copilot to Pilot", "We study Copilot's suggestions, and Codex and AlphaCode."),
              Paper("g", "A Repo-Level Benchmark", "Tasks come from GitHub issues; we evaluate on SWE-bench."),
              Paper("k", "KV Prediction", "We benchmark models on an Apple M2 Pro CPU.")]
    assert _heads(names, topic, papers) == heads


@pytest.mark.parametrize(("question", "asides"), [
    ("how did DeepMind's AlphaCode rank?", ["DeepMind"]),  # its maker, possessive
    ("the DeepMind AlphaCode paper: how did it rank?", ["DeepMind"]),
    ("AlphaCode (DeepMind, Codeforces) - how did it rank?", ["DeepMind", "Codeforces"]),  # recalled in brackets
    ("how did AlphaCode rank on Codeforces?", []),  # a control: asked about
    ("GPT-4's HumanEval score?", []),  # a model owns a benchmark's score, no paper
])
def test_what_only_says_which_paper_is_meant(question, asides):
    from rag.answer.asides import aside
    from rag.answer.mentions import Mention

    spots = {"DeepMind": "term", "AlphaCode": "paper", "Codeforces": "term", "GPT-4": "term", "HumanEval": "term"}
    mentions = [Mention(name, at, at + len(name), ("p",), kind) for name, kind in spots.items()
                if (at := question.find(name)) >= 0]
    assert [m.text for m in mentions if m.kind == "term" and aside(question, m.start, m.end, mentions)] == asides


@pytest.mark.parametrize(("question", "left_out"), [
    ("how do papers use human feedback (not RLHF, more like interactive use)?", ["RLHF"]),
    ("which provers are trained on Lean (excluding Coq)?", ["Coq"]),
    ("benchmarks that refresh their problems (other than LiveCodeBench)?", ["LiveCodeBench"]),
    ("which papers use Lean (not just mention it)?", []),  # "not just": more is asked, nothing left out
    ("which papers use Coq, not Lean?", []),  # no bracket: it may be what is asked ("is it Coq, not Lean?")
    ("which papers use Lean (and Coq)?", []),
    ("how do papers improve math accuracy (not GSM8K but SVAMP)?", ["GSM8K"]),  # SVAMP is what is asked
    ("formal proof data (not only for Lean but also for CoqGym)?", []),  # nothing left out
    ("which agents (not sure of the name, maybe Voyager) ...?", ["sure of the name"]),  # no name in it
])
def test_what_a_bracket_leaves_out(question, left_out):
    # A name a bracket leaves out is not asked about: no abstract need mention it for the question to be answered.
    from rag.answer.asides import excluded_in_brackets

    assert [question[a:b].strip() for a, b in excluded_in_brackets(question)] == left_out


@pytest.mark.parametrize(("question", "sides", "said"), [
    # The brackets that hold a side or follow it say which paper too.
    ("dynamic inference (the early-exit one on GPT-2) vs KV Prediction?", ["early-exit one"],
     ["(the early-exit one on GPT-2)"]),
    ("the FIM completions paper (Amazon's) vs RLCoder?", ["FIM completions paper"],
     ["FIM completions paper (Amazon's)"]),
    ("the FIM completions paper vs RLCoder?", ["FIM completions paper"], ["FIM completions paper"]),
])
def test_brackets_holding_or_after_a_described_side_belong_to_it(question, sides, said):
    from rag.answer.plan import _with_brackets

    assert _with_brackets(question, sides) == said


def test_a_papers_maker_is_no_aspect_of_a_comparison():
    from rag.answer.mentions import Mention
    from rag.answer.plan import aspect_of

    question = "Is DeepMind's AlphaCode or PLANSEARCH better on competitive programming?"
    spots = {"DeepMind": "term", "AlphaCode": "paper", "PLANSEARCH": "paper"}
    mentions = [Mention(name, question.find(name), question.find(name) + len(name), ("p",), kind)
                for name, kind in spots.items()]
    assert aspect_of(question, mentions) == "better competitive programming"


_ABSTRACT = ["We study GPT-2 on code.", "We found that 54.4% of tokens come from the first layer.",
             "We build GPT-3 and Codex solvers.", "Codex performs best, solving 18% of problems.",
             "It needs no keys.", "ProofNet has 77% on it."]


@pytest.mark.parametrize(("sentence", "names", "on"), [
    ("We found that 54.4% of tokens come from the first layer.", ["GPT-2"], True),   # goes on about the one before
    ("We study GPT-2 on code.", ["GPT-2"], True),                                    # names it
    ("Codex performs best, solving 18% of problems.", ["GPT-3"], False),            # another solver named before
    ("Codex performs best, solving 18% of problems.", ["GPT-3", "Codex"], False),   # one of the two asked
    ("It needs no keys.", ["GPT-3"], False),                                         # the one before names none
    ("ProofNet has 77% on it.", ["GPT-2"], False),                                   # a name of its own
    ("We study GPT-2 on code.", ["Codex"], False),                                   # the first sentence
])
def test_a_figure_is_on_a_name_its_sentence_or_the_one_before_names(sentence, names, on):
    from rag.answer.asks import said_on

    assert said_on(sentence, names, _ABSTRACT) is on


@pytest.mark.parametrize(("question", "other"), [
    ("how was blame split (model limits vs. misuse vs. devs overwriting suggestions)?", ""),  # kinds of an answer
    ("How much faster is KV Prediction than speculative decoding?", "speculative decoding"),   # a control
])
def test_options_in_brackets_are_nothing_a_paper_is_compared_with(question, other):
    from rag.answer.asks import compared_with

    assert compared_with(question) == other


@pytest.mark.parametrize(("question", "asks_ethics"), [
    ("Does the paper discuss risks of misuse?", True),
    ("Is there an ethics statement?", True),
    ("how much of the failures were misuse vs. model limits?", False),  # a user's misuse of the tool
])
def test_misuse_asks_for_ethical_concerns_only_as_a_risk(question, asks_ethics):
    from rag.answer.record import missing_detail
    from rag.types import Paper

    paper = Paper(paper_id="p", title="T", abstract="We evaluate a code completion tool with 1200 users.")
    assert bool(missing_detail(paper, question)) is asks_ethics


@pytest.mark.parametrize(("question", "sentence", "answers"), [
    ("how much did human feedback cut the errors?", "Feedback from a human halves the error rate.", True),
    ("how well do humans do?", "Feedback from a human halves the error rate.", False),  # a measurement is asked
    ("what was the biggest speedup factor?", "The improvement is significant (factor up to 38).", True),
    ("by what factor is it faster?", "It is faster.", False),
])
def test_the_figure_a_question_needs(question, sentence, answers):
    from rag.answer.asks import figure_needed

    assert figure_needed(question)(sentence) is answers


def test_a_metric_asked_in_the_words_the_abstract_defines_it_with_gets_its_short_name():
    from rag.answer.focused import _glossed

    abstract = ("We propose two key metrics: effective accuracy (EAcc) and reasoning gap (Delta). "
                "The highest EAcc is 56.3%.")
    assert _glossed("what is the top effective accuracy?", abstract) == "what is the top effective accuracy (EAcc)?"
    assert _glossed("the effective accuracy (EAcc)?", abstract) == "the effective accuracy (EAcc)?"  # glossed already


@pytest.mark.parametrize(("question", "unknown"), [
    ("what does it cost to churn out one paper?", []),     # a verb with its particle
    ("what is its churn rate?", ["churn"]),                 # the same word as a name-like noun is still asked
    ("alphacode's elo rating?", ["elo"]),
])
def test_words_typed_in_lower_case_that_no_abstract_has(question, unknown):
    from rag.answer.unknowns import unknown_lower
    from rag.text.vocabulary import Vocabulary

    assert unknown_lower(question, Vocabulary("We report a rating and a cost per paper.")) == unknown


@pytest.mark.parametrize(("question", "checked"), [
    ("it reaches 97.7% on MBPP. is that the MBPP number in the abstract?", True),
    ("the proposal says 61.7% on miniF2F. does that hold up?", True),
    ("43.7% with feedback - accurate?", True),
    ("46.3% with 64 samples; can I trust this line?", True),
    ("is that approach better than sampling?", False),  # no "the / its / what" after "is that"
    ("what does it reach on MBPP?", False),
    # Whether a figure is in the abstract: "is that figure in ...", "is the human number in ...".
    ("a blog gives it 95.1 on HumanEval. is that figure in its abstract?", True),
    ("GPT-4 gets 10.59% and humans ~78%. is the human success number from the abstract?", True),
    ("is the number of tasks large?", False),  # no "in" / "from": a question about the figure
    ("they resolve like 19% of issues? can u confirm the exact %", True),
    ("can you explain the 19% figure?", False),
])
def test_figures_put_up_to_be_confirmed(question, checked):
    from rag.answer.asks import asks_confirmation

    assert asks_confirmation(question) is checked


@pytest.mark.parametrize(("question", "corrected"), [
    ("The post quotes it at 49.9% pass@10. What's the actual pass@10 figure?", True),
    ("4,300 test cases? that's what the blog has. How many does the paper say?", True),
    ("The post writes that it ranked in the top 45.3%. What average ranking is in the abstract?", True),
    ("Its function calls are said to come from 193 libraries. What's the real library number?", True),
    ("quoted as $4.30 in the article - what does the paper say it costs on average?", True),
    ("what are the 4,300 test cases drawn from?", False),  # the figure is taken as given
    ("it reaches 97.7% on MBPP. is that the MBPP number in the abstract?", False),  # put up to be confirmed
    ("the slide says 1,140 tasks. what's the actual size?", False),  # the abstract counts no tasks
    ("a blog says 60 LLMs were tested. How many does the abstract actually say?", False),  # it counts none
    ("the blog says 400 libraries. what's the real number?", True),  # "139 libraries"
])
def test_a_figure_quoted_from_elsewhere_can_be_put_up_to_be_corrected(question, corrected):
    from rag.answer.asks import corrects_figure

    abstract = "It has 3,400 test cases and draws on 139 libraries; GPT-4o reaches 39.9% at $0.43 per run."
    assert corrects_figure(question, abstract) is corrected


@pytest.mark.parametrize(("question", "label"), [
    ("how many libraries BigCodeBench cover", "libraries"),          # typed without "does"
    ("how many samples and what do they call the model", "samples"),  # the next ask starts
    ("how many more SV-COMP problems does it solve?", "problems"),    # a name inside the unit said in full
    ("how many problems or samples are in it?", "samples"),  # either counts (as before)
    ("how many ProofNet problems does it solve?", "problems"),
    ("i.e. how many problems it proved there?", "problems"),  # a subject starts the clause after the unit
])
def test_the_unit_a_count_asks_for(question, label):
    from rag.answer.units import counted_unit

    assert counted_unit(question).label == label


@pytest.mark.parametrize(("question", "left"), [
    ("the scaling test time compute without verification paper, is VB better?", "the   paper, is VB better?"),
    ("without verification, how does it do?", "without verification, how does it do?"),  # three words: no title
])
def test_a_title_typed_as_words_in_a_row_is_no_part_of_what_is_asked(question, left):
    from rag.answer.quoted_titles import without_title

    assert without_title(question, "Scaling Test-Time Compute Without Verification or RL is Suboptimal") == left


@pytest.mark.parametrize(("question", "options"), [
    ("how was blame split (model limits vs. misuse vs. devs overwriting suggestions)?",
     "(model limits vs. misuse vs. devs overwriting suggestions)"),
    ("which part is slow (prefill or decoding or both)?", "(prefill or decoding or both)"),
    ("how fast is KV Prediction (vs speculative decoding)?", None),   # one thing it is compared with
    ("CodeTree vs PLANSEARCH (on MBPP or HumanEval)?", None),          # the "vs" outside joins two papers
])
def test_options_set_out_in_brackets(question, options):
    from rag.answer.asides import options_in_brackets

    span = options_in_brackets(question)
    assert (question[span[0]:span[1]] if span else None) == options
    # One joint is enough to say the sides in brackets are no pair of papers.
    assert options_in_brackets("the F* paper (small fine-tuned vs large): which models?", least=1) is not None


@pytest.mark.parametrize(("question", "spans"), [
    # A title quoted cut short, or ending at its own question mark, says which paper.
    ("the F* paper ('Towards Neural Synthesis for SMT-Assisted...') - how many lines?", ["'Towards Neural Synthesis "
                                                                                         "for SMT-Assisted...'"]),
    ('REFUTE / "Can Language Models Falsify?" - what share?', ['"Can Language Models Falsify?"']),
    ("REFUTE: is 'counterexample creation' what it measures?", []),  # two words of it: no title
    # A quote closes with the mark that pairs its opening one; an acronym stands for the title's words.
    ("so (following “what did the 'can LMs falsify' paper build”)?", ["'can LMs falsify'"]),
    ("“can LMs falsify' and the rest”", []),  # unpaired marks quote nothing
])
def test_where_a_question_quotes_a_papers_title(question, spans):
    from rag.answer.quoted_titles import quoted_title_spans

    titles = {"Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming",
              "Can Language Models Falsify? Evaluating Algorithmic Reasoning with Counterexample Creation"}
    found = [question[a:b] for title in sorted(titles) for a, b in quoted_title_spans(question, title)]
    assert sorted(found) == sorted(spans)


@pytest.mark.parametrize(("question", "word"), [
    # A word no abstract uses, written twice, is what the question is about.
    ("any LLM work on quantum circuit synthesis or compiling to quantum hardware?", ["quantum"]),
    ("what's known about LLMs writing quantum programs?", []),  # once: may be the asker's paraphrase
    ("which papers tune tokenizers, and which tokenizers win?", []),  # a word the abstracts use
    ("really, which papers really do this?", []),  # chatter
])
def test_a_word_no_abstract_uses_written_twice(question, word):
    from rag.answer.unknowns import repeated_unused
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary("We train a tokenizer for HPC code. LLMs write programs and circuits for hardware.")
    assert repeated_unused(question, vocabulary) == word


@pytest.mark.parametrize(("question", "titles"), [
    # A quote that is all a bracket holds, after a description, is a title typed loosely.
    ("dynamic inference ('size up the situation') vs KV Prediction: speedups?",
     ["When Neural Code Completion Models Size up the Situation: Dynamic Model Inference"]),
    ("what does it mean to ('size up')?", []),  # two words: no title
    ("is code completion 'sized up the situation' here?", []),  # no bracket, no "paper": a phrase
])
def test_a_title_quoted_in_brackets(question, titles):
    from rag.answer.quoted_titles import quoted_papers

    assert [PAPERS[pid].title for pid in quoted_papers(question, PAPERS.values())] == titles


@pytest.mark.parametrize(("question", "name", "asked"), [
    # Whether a name is written is what is asked: then only the name itself answers.
    ("does the abstract name UniXcoder and CodeGPT, or only InCoder?", "CodeGPT", True),
    ("it was run on CodeGen-350M too. does the abstract mention CodeGen at all?", "CodeGen-350M", True),
    ("is PolyCoder ever cited there?", "PolyCoder", True),
    ("does PolyCoder beat it? and does the abstract mention tokens?", "PolyCoder", False),  # another ask's verb
    ("does Kat8 regulate MOF?", "Kat8", False),
])
def test_a_question_asking_whether_a_name_is_written(question, name, asked):
    from rag.answer.asks import asked_if_mentioned

    assert asked_if_mentioned(question, name) is asked


@pytest.mark.parametrize(("text", "name", "named"), [
    ("86.7% on GSM8K.", "GSM8K+", False),  # "GSM8K+" is another benchmark
    ("robust on GSM8K+ and MATH+.", "GSM8K+", True),
    ("Llama3- 8B solves more.", "Llama3-8B", True),  # a spacing variant is the name
])
def test_a_benchmark_with_a_plus_is_named_only_with_it(text, name, named):
    from rag.answer.naming import mentions_name

    assert mentions_name(text, name) is named


def test_a_capitalised_word_is_no_typo_of_a_name_it_ends():
    corpus = {"bc": Paper("bc", "B-Coder: Value-Based Deep Reinforcement Learning for Program Synthesis",
                          "We develop our B-Coder."),
              "rl": PAPERS["rl"]}
    lexicon = Lexicon(corpus)
    assert [m.paper_ids for m in lexicon.paper_mentions("did they run DeepSeek Coder?")] == []
    assert [m.paper_ids for m in lexicon.paper_mentions("what does B-Coder learn?")] == [("bc",)]
    assert [m.paper_ids for m in lexicon.paper_mentions("what does RLCodr retrieve?")] == [("rl",)]  # a typo inside


@pytest.mark.parametrize(("question", "restated"), [
    # A statement of a figure the abstract writes, before the ask: what the asker already has.
    ("CoCoNUT - Gemini traces 47% of HumanEval tasks. on recursion, does any model pass 5%?",
     ["CoCoNUT - Gemini traces 47% of HumanEval tasks."]),
    ("Gemini traces 1.7 layers. fine. and OOP?", ["Gemini traces 1.7 layers."]),  # a decimal ends no sentence
    # Not when what follows points back at it, repeats its figure, or asks to have it checked.
    ("Gemini traces 47% of HumanEval tasks. what is its score on recursion?", []),
    ("Gemini traces 47% of tasks. at what k is the 47%?", []),
    ("Gemini traces 47% of HumanEval tasks - correct?", []),
    ("Gemini traces 52% of HumanEval tasks. and on recursion?", []),  # a figure the abstract does not write
    ("Gemini traces 47% of HumanEval tasks. does the abstract give a human figure?", []),  # checked with it
])
def test_a_figure_restated_before_the_ask(question, restated):
    from rag.answer.asks import restated_spans

    abstract = "Even Gemini fully traces only 47% of HumanEval tasks. It skips 1.7 layers. None passes 5% on recursion."
    assert [question[a:b] for a, b in restated_spans(question, abstract)] == restated


@pytest.mark.parametrize(("title", "quoted", "named"), [
    # A quoted title's words with or without a plural's or verb's "s".
    ("CoCoNUT: Structural Code Understanding does not fall out of a tree", "falls out of a tree", True),
    ("CoCoNUT: Structural Code Understanding does not fall out of a tree", "rises out of a tree", False),
])
def test_a_title_quoted_with_a_words_s_is_still_its_title(title, quoted, named):
    from rag.answer.quoted_titles import quoted_title_spans

    assert bool(quoted_title_spans(f"in the '{quoted}' paper, what is new?", title)) is named


@pytest.mark.parametrize(("question", "purpose"), [
    # Why the asker asks, after the question: its names are theirs, not asked.
    ("which metrics does CodeFill use? want to pick KPIs for our eval", " want to pick KPIs for our eval"),
    ("which is faster? for our IDE plugin", " for our IDE plugin"),
    ("I want to know which metrics CodeFill uses", None),  # before the question: that is the question
    ("which metrics does CodeFill use? and does it report KPIs?", None),
    # What the asker guesses, after the question.
    ("which model was best? I think it was gpt-4 but not sure", " I think it was gpt-4 but not sure"),
    ("which algorithm is it built on? i keep wanting to say LLL. for the reading group session",
     " i keep wanting to say LLL. for the reading group session"),
    ("which papers use RL? prepping a 'RL for code' overview", None),  # what they make says what it is about
    ("can it predict a program's output? think the answer was no", " think the answer was no"),  # "I" left out
    ("does it beat Codex? pretty sure it does", " pretty sure it does"),
    ("which one? think tanks aside", None),  # a noun, no guess
    # What the asker makes of the answer: "every paper" there is their table's, no list asked.
    ("HumanEval pass@1 of the 137B model? filling the HumanEval column for every paper",
     " filling the HumanEval column for every paper"),
    # What a work under review says, which the question checks; what the asker is doing with the answer.
    ('Where do compilers show up in these pipelines? Submission claims "compiler-in-the-loop" is new.',
     ' Submission claims "compiler-in-the-loop" is new.'),
    ("Any paper working with C code? submission says C has been ignored", " submission says C has been ignored"),
    ("Which abstracts claim to be the first? Collecting priority claims to cross-check the submission's.",
     " Collecting priority claims to cross-check the submission's."),
    ("Which submission claims are new?", None),  # a control: the question itself
    ("Summarise CodeTree. The authors claim big gains on HumanEval; give the numbers.", None),  # still the ask
    ("Which papers use MBPP? Checking for ones that also use HumanEval.", None),  # a narrowing
])
def test_the_askers_purpose_after_the_question(question, purpose):
    from rag.answer.asides import purpose_spans

    assert [question[a:b] for a, b in purpose_spans(question)] == ([purpose] if purpose else [])


@pytest.mark.parametrize(("question", "history", "condensed"), [
    # A question naming its paper, with "that" only before a thing of it, stands alone.
    ("which model topped UGMathBench, and what's that reasoning gap metric measuring?",
     ["UGMathBench vs CS-Bench - how many problems?"],
     "which model topped UGMathBench, and what's that reasoning gap metric measuring?"),
    ("what does UGMathBench say about that one?", ["tell me about CS-Bench"],
     "what does UGMathBench say about CS-Bench?"),  # "that one" is a paper before
])
def test_that_before_a_thing_of_the_named_paper_points_at_no_earlier_turn(question, history, condensed):
    from rag.answer.followups import condense

    assert condense(question, history) == condensed


def test_an_adjective_made_of_an_abstracts_word_is_no_unknown_name():
    from rag.answer.unknowns import unknown_lower
    from rag.text.vocabulary import Vocabulary

    vocabulary = Vocabulary("We localise the bug with tests. Our tool fixes it.")
    assert unknown_lower("how does it localise the buggy code?", vocabulary) == []
    assert unknown_lower("what is its elo rating?", vocabulary) == ["elo"]  # a control: no word of theirs


@pytest.mark.parametrize(("question", "read"), [
    ("which model was best? I think it was gpt-4 but not sure", "which model was best?"),
    # A guess naming a paper says where to look: kept.
    ("do offline benchmarks match real use? I think the Code4Me people looked at this",
     "do offline benchmarks match real use? I think the Code4Me people looked at this"),
    # What the answer is for, after a comma; a section named by its topic says what is asked.
    ("automated scientific discovery: which papers, for the related-work para",
     "automated scientific discovery: which papers"),
    ("which papers should I cite, for the program repair section?",
     "which papers should I cite, for the program repair section?"),
])
def test_the_askers_guess_after_the_question_is_not_read(question, read):
    from rag.answer.asides import without_purpose

    assert without_purpose(question, lambda text: "Code4Me" in text) == read


@pytest.mark.parametrize(("question", "terms"), [
    # Names inside a named paper's quoted title say which paper, not what is asked of it.
    ("how many tasks can it do (in the paper “Interactive Planning with GPT-4 in Minecraft”)?", []),
    ("how does it do on CodeXGLUE (in the paper “Syntax-Aware On-the-Fly Code Completion”)?", ["CodeXGLUE"]),
])
def test_names_in_a_quoted_title_are_not_asked(question, terms):
    papers = {**PAPERS, "gp": Paper("gp", "Open-World Agents: Interactive Planning with GPT-4 in Minecraft",
                                    "Our planner, built on GPT-4, completes 70 Minecraft tasks.")}
    plan = understand(question, Lexicon(papers))
    assert [t.text for t in plan.terms] == terms and len(plan.papers) == 1


@pytest.mark.parametrize(("question", "picked"), [
    # A clipped word in the description ("undergrad"), or what the paper has ("the one with a chain-of-OMP trick").
    ("the undergrad-level one: what metrics did they use?", "UGMathBench: what metrics did UGMathBench use?"),
    ("the one with prompt engineering tricks - what model size?", "OMPGPT - what model size?"),
    ("the one with a tokenizer, what data?", "Scope is all you need, what data?"),
    ("the one with Lean, what data?", ""),  # a control: none has it
])
def test_a_follow_up_picks_a_listed_paper_by_what_it_has(question, picked):
    from rag.answer.followups import picked_by_description

    texts = {"UGMathBench": "UGMathBench: A Benchmark for Undergraduate-Level Mathematical Reasoning",
             "OMPGPT": "OMPGPT\nWe adopt prompt engineering techniques to create chain-of-OMP tricks.",
             "Scope is all you need": "Scope is all you need\nWe propose a tokenizer named Tokompiler."}
    assert picked_by_description(question, list(texts), list(texts.values())) == picked


def test_a_list_two_turns_back_is_narrowed_by_what_it_was_on():
    from rag.answer.plan import NARROWING

    narrowed = condense("ok, and among the gsm8k ones, which also use a code interpreter?",
                        ["which papers use GSM8K?", "what's the OVM one's result there?"])
    assert NARROWING in narrowed and "GSM8K" in narrowed


@pytest.mark.parametrize(("question", "parts"), [
    ("RL code optimization paper: dataset, base model, and the %OPT gain",
     ["RL code optimization paper", "dataset", "base model", "the %OPT gain"]),
    ("DotaMath: model size used, and GSM8K accuracy", ["DotaMath", "model size used", "GSM8K accuracy"]),
    ("DotaMath: which datasets and which model sizes?", []),        # asks of its own after the colon
    ("What is STP: a prover, a dataset?", []),                       # the subject asks itself
    ("Code4Me: how many users", []),                                 # one ask
])
def test_labels_asked_of_a_subject_are_each_an_ask(question, parts):
    from rag.answer.asks import labelled_asks

    assert labelled_asks(question) == parts


@pytest.mark.parametrize(("question", "topic"), [
    # A group of papers, then which of them: the group's list narrowed, as a follow-up "which of them" narrows one.
    ("Among the code completion papers, which ones use reinforcement learning?",
     "code completion and also use reinforcement learning"),
    ("Among the papers on code completion, which ones use RL?", "code completion and also use RL"),
    # Controls: no group of papers said, only pointed at; asked across the group, or one picked from it.
    ("Of these papers, which is best?", ""),
    ("From the two, which is better?", ""),
    ("Of the papers above, which ones use RL?", "RL"),
    ("Among the papers you listed, which ones use RL?", "RL"),
    ("From the code completion papers, what datasets do they evaluate on?", ""),
    ("Among the papers on code completion, which one reports the highest exact match?", ""),
])
def test_which_of_a_group_of_papers_narrows_the_groups_list(lexicon, question, topic):
    from rag.answer.plan import asked_part

    plan = understand(asked_part(question), lexicon)
    assert (plan.kind == "list" and plan.topic) == (topic or False)


@pytest.mark.parametrize(("question", "topic"), [
    # A remark after the list's question mark is no part of its topic.
    ("Which papers rely on evolutionary search? CoEvo is obviously one, but I am not sure which others belong with it.",
     "evolutionary search"),
    ("which papers use Lean? or Isabelle?", "Lean? or Isabelle"),  # a control: the ask goes on
    ("Which theorem proving papers use GPT-4? I want to show students the baselines.", "GPT-4 in theorem proving"),
    # Controls: a narrowing after the question mark is part of the ask.
    ("Which papers use HumanEval? Which of them also use MBPP?", "HumanEval? Which of them also use MBPP"),
    ("Which papers use MBPP? Checking for ones that also use HumanEval.",
     "MBPP? Checking for ones that also use HumanEval"),
    ("Which papers use MBPP? Please include the paper that introduced it.", "MBPP"),  # the maker uses it too
    ("anything on LLMs for HPC code? mpi, openmp, fortran, that world",  # examples, no sentence of the asker's
     "LLMs for HPC code? mpi, openmp, fortran, that world"),
    # "treat" only asks for the papers on a topic.
    ("so which papers treat code completion at the repository level?", "code completion at the repository level"),
    # A patent examiner's words for the papers.
    ("Which references run experiments on GSM8K?", "run experiments on GSM8K"),
    ("which of the cited art reports HumanEval numbers?", "HumanEval numbers"),
    ("In the cited art, which documents run experiments on GSM8K?", "run experiments on GSM8K"),
    ("Which cited references report pass@1?", "pass@1"),  # "cited" is no kind of paper
    ("Which references does AlphaCode compare against?", ""),  # its own references
    # whether, said last, is no part of the topic
    ("any papers on Rust or nah?", "Rust"),
    ("which papers use Lean or not?", "Lean"),
])
def test_a_list_topic_is_what_the_ask_says(question, topic):
    assert list_topic(question) == topic


@pytest.mark.parametrize(("question", "kind", "topic"), [
    # "it" in the ask is the one name the sentence before says.
    ("Reviewers keep asking about CrossCodeEval. Which papers use it?", "list", "CrossCodeEval"),
    ("GSM8K and MATH keep coming up. Which papers use it?", "factoid", ""),  # a control: two names, which one?
    ("CrossCodeEval gets criticised. Which papers address this?", "factoid", ""),  # "this" is the criticism
])
def test_a_list_of_it_is_of_the_name_said_just_before(lexicon, question, kind, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == (kind, topic)


def test_a_clause_ending_in_work_describes_no_paper_to_compare(lexicon):
    """"the key ingredients that made it work" is no side named "... work" beside AlphaCode."""
    plan = understand("and what did they say were the key ingredients that made it work (following “how did AlphaCode "
                      "do on codeforces”)?", lexicon)
    assert (plan.kind, plan.papers, plan.described) == ("factoid", ["ac"], [])


@pytest.mark.parametrize(("earlier", "asks"), [
    ("what's the paper about the AI that plays Minecraft by planning?", True),  # its answer is what "it" is
    ("which paper introduced MBPP?", True),
    ("what's the paper's main result?", False),  # a control: asks of a paper, not which one
])
def test_an_earlier_turn_asking_for_a_paper(earlier, asks):
    from rag.answer.followups import ASKS_WHICH_PAPER

    assert bool(ASKS_WHICH_PAPER.search(earlier)) is asks



@pytest.mark.parametrize(("question", "topic"), [
    # "any paper" asking whether there is one: whichever papers do it.
    ("Any paper working with C or C++ code specifically?", "C or C++ code"),
    ("is there any paper using Game of 24?", "Game of 24"),
    ("Any paper here where a smaller auxiliary model does part of the work?",
     "a smaller auxiliary model does part of the work"),
    # Papers of a kind, then what they do, then the ask: which of those papers do it.
    ("Benchmark papers that report GPT-4o numbers — which ones?", "GPT-4o numbers in benchmark"),
    ("Which prior papers detect equivalence between programs?", "detect equivalence between programs"),
    ("Two or three papers that use GSM8K — which ones?", "GSM8K"),  # how many expected, no kind
    # Controls: a figure asked of the paper, or a second ask after the list.
    ("Any paper that says how many parameters AlphaCode has?", ""),
    ("Any paper on Lean, and which version do they use?", ""),
])
def test_lists_asked_of_any_paper_or_of_papers_of_a_kind(question, topic):
    assert list_topic(question) == topic


@pytest.mark.parametrize(("question", "likened"), [
    ("GSM8K looks like the MNIST of math reasoning. Which papers use it?", ["MNIST"]),
    ("the ImageNet of theorem proving: which benchmark is it?", ["ImageNet"]),
    ("anything like a rolling ImageNet-v2, i.e. benchmarks that are refreshed?", ["ImageNet-v2"]),
    ("In CV we bolt on auxiliary heads. Which papers do that?", ["CV"]),
    ("People call miniF2F the ImageNet of theorem proving", ["ImageNet"]),
    ("the accuracy of AlphaCode", []),  # no likeness: a figure of a name
    ("Which papers report the Elo of their agents?", []),  # a figure of the papers' own
    ("papers like AlphaCode?", []),  # a likeness not restated is what is asked
])
def test_what_the_asker_likens_the_asked_thing_to(question, likened):
    from rag.answer.asides import likened_spans

    assert [question[a:b] for a, b in likened_spans(question)] == likened


@pytest.mark.parametrize(("question", "kind", "topic"), [
    # A sentence before the ask says nothing of the list; the ask, read alone, gives its topic.
    ("GSM8K looks like the MNIST of math reasoning. Which papers build data from GSM8K or report a score for a model "
     "they trained?", "list", "build data from GSM8K or report a score for a model they trained"),
    # Not when the remark says what the ask leaves out, nor when it narrows the list without a likeness.
    ("GSM8K looks like the MNIST of math reasoning. Which papers report a score for a model they trained?", "factoid",
     ""),
    ("I only care about theorem proving. Which papers report a model they trained?", "factoid", ""),
    # "it" points back, here at one of two names
    ("GSM8K and MATH are everywhere. Which papers report a score for it?", "factoid", ""),
])
def test_a_list_asked_after_a_remark_is_read_from_the_ask(lexicon, question, kind, topic):
    plan = understand(question, lexicon)
    assert (plan.kind, plan.topic) == (kind, topic)


@pytest.mark.parametrize(("topic", "question", "deed", "kind", "things"), [
    ("don't use Lean", "which papers don't use Lean?", "use Lean", "", ("Lean",)),
    ("don't use an LLM or any language model", "which papers don't use an LLM or any language model at all?",
     "use an LLM or any language model", "", ("LLM", "language model")),
    ("never mention GPT-4", "which papers never mention GPT-4?", "mention GPT-4", "", ("GPT-4",)),
    ("don't use Lean in theorem-proving", "which theorem-proving papers don't use Lean?", "use Lean",
     "theorem-proving", ("Lean",)),
    ("use Lean", "which papers use Lean?", None, None, None),  # nothing denied
    # not a deed naming things: what the papers say they do without is what they say, listed as usual
    ("do not release their code", "which papers do not release their code?", None, None, None),
    ("don't need labeled data", "which papers don't need labeled data?", None, None, None),
    ("don't just report accuracy but also latency", "which papers don't just report accuracy?", None, None, None),
    ("don't use Lean but use Isabelle", "which papers don't use Lean but use Isabelle?", None, None, None),
    ("do not evaluate with real users", "which papers do not evaluate with real users?", None, None, None),
    ("do not rely on exhaustive search", "which papers do not rely on exhaustive search?", None, None, None),
])
def test_a_list_of_papers_not_doing_something(topic, question, deed, kind, things):
    from rag.answer.negated import negated

    denied = negated(topic, question)
    assert (denied.deed, denied.kind, denied.things) == (deed, kind, things) if deed else denied is None


@pytest.mark.parametrize(("abstract", "said"), [
    ("We evaluate on GPT-4 and Lean.", True),
    ("Unlike prior work, it does not utilize GPT-4 or code execution.", False),  # goes without it
    ("Our GPT-4-based agent solves tasks.", True),
    ("We study ChatGPT-4.", False),  # another name
])
def test_a_paper_naming_what_is_denied_does_it_unless_it_says_it_goes_without(abstract, said):
    from rag.answer.negated import negated

    assert negated("don't use GPT-4", "which papers don't use GPT-4?").said_in("A title", abstract) is said


@pytest.mark.parametrize(("question", "read"), [
    # a story, then an ask that says all it asks: the ask alone
    ("so HCI people keep telling me ML folks never do user studies. Which papers ran a study with human participants?",
     "Which papers ran a study with human participants?"),
    ("Say cost per task is my binding constraint. Which agentic systems here report a dollar cost per task?",
     "Which agentic systems here report a dollar cost per task?"),
    # a scene before a colon; a story naming only what the ask names; a question across papers after a story of
    # words no abstract has
    ("Picture a skeptic who trusts only live deployments: which code completion papers test with real developers?",
     "which code completion papers test with real developers?"),
    ("My labmate says Lean is eating formal math. Which papers do theorem proving in Lean with real proofs?",
     "Which papers do theorem proving in Lean with real proofs?"),
    # a story naming what the ask does not, a question across papers (its story is often its topic), a scope before
    # "I'd like to know which": whole
    ("Say cost per task is my binding constraint. What dollar costs do the agentic systems report per task?",
     "Say cost per task is my binding constraint. What dollar costs do the agentic systems report per task?"),
    ("Among the code completion papers I would like to know which papers use reinforcement learning for training.",
     "Among the code completion papers I would like to know which papers use reinforcement learning for training."),
    ("CoCoNUT excludes OOP from its claim. Which models score above 5% on the OOP traces?",
     "CoCoNUT excludes OOP from its claim. Which models score above 5% on the OOP traces?"),
    ("Training data for provers seems scarce. What have people tried to get around the lack of formal proofs?",
     "Training data for provers seems scarce. What have people tried to get around the lack of formal proofs?"),
    ("so I was reading about genetic programming history last night and it got me wondering which papers in here "
     "use evolutionary search as a core part of the method", "which papers in here use evolutionary search as a core "
     "part of the method"),
    # the ask points back at a scene the asker sets: the scene in its place; "a dataset like that" keeps its noun
    ("Say I need a math fine-tuning set whose solutions are programs. Which papers have built a dataset like that?",
     "Say I need a math fine-tuning set whose solutions are programs. Which papers have built a dataset like that?"),
    ("Suppose I'm designing an agent acting in web browsers. Which papers evaluate agents in that kind of setting?",
     "Which papers evaluate agents in an agent acting in web browsers?"),
    # a scene of words no abstract has (the list would be refused for them), a story setting no scene, an ask
    # saying too little by itself: whole
    ("Imagine we want to translate legacy C code into safe Rust. Which papers tackle that kind of task?",
     "Imagine we want to translate legacy C code into safe Rust. Which papers tackle that kind of task?"),
    ("I'm collecting work that applies RL to code generation. Which papers in the collection fit?",
     "I'm collecting work that applies RL to code generation. Which papers in the collection fit?"),
    ("automated scientific discovery: which papers, for the related-work para",
     "automated scientific discovery: which papers, for the related-work para"),
    ("Lean keeps coming up in talks. Which papers have built a dataset like that?",
     "Lean keeps coming up in talks. Which papers have built a dataset like that?"),
    ("I have one doubt regarding picking the best sampled program. What are the different strategies used?",
     "I have one doubt regarding picking the best sampled program. What are the different strategies used?"),
    # a first question, a plain question, an ask framed in its own sentence: as typed
    ("Which papers use Lean? Which of them use Isabelle too?",
     "Which papers use Lean? Which of them use Isabelle too?"),
    ("I want to know which papers use Lean", "I want to know which papers use Lean"),
])
def test_a_story_before_a_question_is_set_aside_when_the_question_says_all(question, read):
    from rag.answer.preamble import without_story

    assert without_story(question, lambda text: {name.lower() for name in ("CoCoNUT", "Lean") if name in text},
                         lambda word: word not in {"legacy"}) == read


@pytest.mark.parametrize(("question", "words", "every"), [
    ("which abstracts use the word 'undergraduate' (incl. undergraduate-level)?", ["undergraduate"], False),
    ("the adjective 'interactive' - which abstracts use it?", ["interactive"], False),
    ("Who uses the exact phrase 'human expert' or 'human experts'?", ["human expert", "human experts"], False),
    ('which papers contain "verifier"?', ["verifier"], False),
    ("which abstracts use both the word 'safe' and 'Rust'?", ["safe", "Rust"], True),
    ("which abstracts use the phrase 'the model's ability'?", ["the model's ability"], False),
    ("Who uses the exact phrase 'human expert'? (expert mathematicians etc. doesn't count)", ["human expert"], False),
    ('Tracking the word "verifier" across the collection - which abstracts contain it?', ["verifier"], False),
    # words quoted in another sentence than the ask, a use of the thing, not the word, a negation or a condition the
    # words do not say, or no words asked of the papers
    ("Most abstracts say 'efficient' without a price. Which ones put a dollar figure on it?", [], False),
    ("Which papers use 'execution feedback' to improve code generation?", [], False),
    ("Which abstracts don't use the word 'novel'?", [], False),
    ("Which 2024 papers use the word 'agentic'?", [], False),
    ("Which benchmarks do papers using the term 'repository-level' introduce?", [], False),
    ("what does the word 'agentic' mean in ADAS?", [], False),
    ("which papers use Lean?", [], False),
])
def test_the_words_a_list_asks_the_abstracts_to_write(question, words, every):
    from rag.answer.words_asked import words_asked

    assert words_asked(question) == (words, every)


@pytest.mark.parametrize(("term", "written", "not_written"), [
    ("MATH", ["on MATH and GSM8K"], ["math problems"]),
    ("C", ["C code"], ["CS-Bench"]),
    ("autoregressive", ["trained autoregressively"], []),
    ("verifier", ["verifiers for math", "a verifier-based method"], ["versifiers", "unverified"]),
    ("test time", ["scaling test-time compute", "at test time"], ["testtime"]),
    ("pass@k", ["pass@1 of 40%", "pass@k"], ["passes"]),
])
def test_a_word_asked_is_met_as_the_abstracts_may_write_it(term, written, not_written):
    from rag.text.boolean_search import Term

    assert all(Term(term).pattern().search(text) for text in written)
    assert not any(Term(term).pattern().search(text) for text in not_written)


@pytest.mark.parametrize(("question", "read"), [
    # the asker's own question says all: the draft goes
    ("bit of an odd one: my discussion says 'Turing-completeness keeps showing up as a lens (ref?)'. which abstracts "
     "actually invoke Turing completeness?", "which abstracts actually invoke Turing completeness?"),
    ("Which papers here work with Isabelle? placeholder sits in: \"beyond Lean, Isabelle serves as a backend (ref?)\"",
     "Which papers here work with Isabelle?"),
    # the ask points at the draft: the papers that show its claim, with a second ask kept
    ('What should I cite for "provers have been trained with self-play [CITE]"? and how does each one get its data',
     "Which papers show that provers have been trained with self-play? and how does each one get its data"),
    ("Draft: \"In niche domains such as HPC, small models rival large ones \\cite{??}.\" Which papers speak to that?",
     "Which papers show that in niche domains such as HPC, small models rival large ones?"),
    # a figure left as a letter: the claim with its letters asked
    ('"AutoCodeRover resolves X% of SWE-bench-lite issues at about $Y each [CITE]" — what are X and Y?',
     "AutoCodeRover resolves what % of SWE-bench-lite issues at about what cost each?"),
    # names before the draft are kept with the ask; a placeholder in a question is dropped; no placeholder: as typed
    ('DotaMath or MARIO for "code-interpreter math data [CITE]" — how do their datasets differ?',
     "DotaMath or MARIO — how do their datasets differ?"),
    ("What should I cite for 'CodeTree or PlanSearch improve code search with planning [CITE]'? is it one of those "
     "two?",
     "Which papers show that CodeTree or PlanSearch improve code search with planning?"),
    ("does any paper say Copilot follows idioms? or otherwise [citation needed]",
     "does any paper say Copilot follows idioms? or otherwise"),
    ("which papers use 'Lean'?", "which papers use 'Lean'?"),
])
def test_a_draft_sentence_with_a_citation_placeholder_is_read_as_what_it_asks(question, read):
    from rag.answer.drafts import as_cited_ask
    from rag.answer.preamble import says_all

    assert as_cited_ask(question, says_all) == read


@pytest.mark.parametrize(("question", "read"), [
    ("I'm putting together a reading list. Could you let me know which papers use Lean and Isabelle?",
     "Could you let me know which papers use Lean and Isabelle?"),
    ("I am drafting a section on reward design. For the papers that apply RL to code, where does each one get its "
     "reward?", "For the papers that apply RL to code, where does each one get its reward?"),
    # a statement about the field before a question across papers is its topic, and so is the asker's work on a
    # topic the question does not say again
    ("Training data for provers seems scarce. How do the papers get around it?",
     "Training data for provers seems scarce. How do the papers get around it?"),
    ("I am preparing a lecture on formal theorem proving. How do the papers get their training data?",
     "I am preparing a lecture on formal theorem proving. How do the papers get their training data?"),
])
def test_a_letters_account_of_the_askers_work_is_set_aside(question, read):
    from rag.answer.preamble import without_story

    assert without_story(question, lambda text: set(), lambda word: True) == read


@pytest.mark.parametrize(("question", "read"), [
    ("my teacher said testing on benchmarks is as good as real users. is that true?",
     "testing on benchmarks is as good as real users. Is that true?"),
    ("A reviewer thinks diversifying instructions is enough. is it?",
     "diversifying instructions is enough. Is that true?"),
    ("My friend says some papers use Lean 4. which ones?", "some papers use Lean 4. which ones?"),
    ("A colleague thinks STP and MA-LoT both use Lean 4. which ones do?",
     "STP and MA-LoT both use Lean 4. which ones do?"),
    # a question of its own after the claim, or after its check, stays whole
    ("My advisor mentioned CodeTree. Does it use MBPP?", "CodeTree. Does it use MBPP?"),
    ("My advisor mentioned reward models for math as a hot topic. What are the different ways papers use them?",
     "reward models for math as a hot topic. What are the different ways papers use them?"),
    ("My advisor said STP uses Isabelle. Is that true, and which other papers use Isabelle?",
     "My advisor said STP uses Isabelle. Is that true, and which other papers use Isabelle?"),
    # a list after the claim lists what it asks, not the papers the claim named
    ("My advisor says DeepSeek-Prover is best on miniF2F. Which papers report miniF2F results?",
     "Which papers report miniF2F results?"),
    ("A reviewer: 'no prior prover targets Isabelle.' Is that even true? Which papers here use Isabelle as a prover?",
     "Which papers here use Isabelle as a prover?"),
    # a question too short to say all it asks follows the claim's check
    ("A reviewer: 'no prior prover targets Isabelle.' Is that even true? Which use Isabelle?",
     "no prior prover targets Isabelle. Is that true? Which use Isabelle?"),
    ('A reviewer: "MBPP results are missing." ok so which ones in here actually report on MBPP?',
     "ok so which ones in here actually report on MBPP?"),
    # the papers the claim named and the question does not stay with it
    ("A reviewer says the best model on UGMathBench reaches 70%. does it? what's the top EAcc and which model?",
     "what's the top EAcc and which model, for UGMathBench?"),
    # a question across papers keeps the claim, as a story before it is kept
    ("A reviewer claims static benchmarks are enough. what do papers in the index say is wrong with them?",
     "static benchmarks are enough. what do papers in the index say is wrong with them?"),
    ("my teacher mentioned process reward models (PRMs?). which papers have those",
     "process reward models (PRMs?). which papers have those"),
    # no one's claim, or a question that needs the claim, stays
    ("My teacher uses Lean. Which papers use Lean?", "My teacher uses Lean. Which papers use Lean?"),
    ("A colleague said STP is good. Which of its numbers?", "A colleague said STP is good. Which of its numbers?"),
    ("A reviewer wrote that FunCoder reaches 97.7% on MBPP. Is that the abstract's MBPP figure?",
     "A reviewer wrote that FunCoder reaches 97.7% on MBPP. Is that the abstract's MBPP figure?"),
])
def test_what_someone_said_before_a_question_is_read_as_a_claim(question, read):
    from rag.answer.hearsay import without_hearsay
    from rag.answer.preamble import says_all

    assert without_hearsay(question, says_all, lambda name: name in {"UGMathBench", "STP"}) == read


@pytest.mark.parametrize(("question", "read"), [
    ("A weird number of these abstracts name-drop Turing completeness. Which ones bring it up?",
     "Which papers name-drop Turing completeness?"),
    ("Several papers here use Isabelle. Which ones do?", "Which papers use Isabelle?"),
    ("I noticed some of the papers report dollar costs. Which ones?", "Which papers report dollar costs?"),
    # a "which ones" asking something of its own, or no remark about papers, stays
    ("Some papers use Lean. Which ones use Isabelle?", "Some papers use Lean. Which ones use Isabelle?"),
    ("Some benchmarks are contaminated. Which ones?", "Some benchmarks are contaminated. Which ones?"),
])
def test_a_remark_that_some_papers_do_something_asks_which(question, read):
    from rag.answer.some_papers import as_which_papers

    assert as_which_papers(question) == read
