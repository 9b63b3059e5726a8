"""List topics no indexed paper can match: the list is refused with the word no abstract has, instead of being
answered with the nearest sentences about something else."""

from __future__ import annotations

import pytest

from rag.answer.listing import unmet_words
from rag.text.vocabulary import Vocabulary
from rag.types import Paper

CORPUS = ("KV Prediction for Improved Time to First Token\nWe reduce decoding latency with an auxiliary model.\n"
          "Tokompiler\nA tokenizer for HPC code; we optimize Fortran and C. There is speculation about scaling.")


@pytest.mark.parametrize(("topic", "missing"), [
    ("speculative decoding to speed up code LLMs", "speculative decoding"),  # "speculation" is no "speculative"
    ("quantisation of code models", "quantisation"),
    ("tokenizers for HPC code", ""),                 # a plural of a word the corpus has
    ("optimising Fortran", ""),                      # -ise / -ize spellings are one word
    ("decoding latency with speculative drafts", ""),  # a later word may be the asker's own paraphrase
    ("speculative decoding or auxiliary models", ""),  # "A or B": the other side may still match
    ("latency, from 2023", ""),                      # a year limit is no word of the topic
    ("caching, from 2023", "caching"),
    ("look at text-to-SQL generation", "text-to-SQL generation"),  # after what the papers do with it
    # "tricks" is the asker's word for ways of doing it: one word of theirs beside the abstracts' is a paraphrase.
    ("tricks for decoding latency via early-exit", ""),
    ("use quantisation for HPC", "quantisation"),
    ("deal with decoding latency", ""),
    ("tokenizers built for HPC code", ""),  # "tokenizers" is the subject; "built" only says more of it
    ("probe whether decoding latency drops", ""),  # what is checked, not a subject
    ("test wheter decoding latency drops", ""),  # "whether" as typed
    ("probe whether quantisation of code helps", "quantisation"),
    ("are doing decoding latency work", ""),  # "are doing ...", "is proposing ...": what the papers do, as typed
    ("are proposing quantisation of code", "quantisation"),
    ("are treating decoding latency", ""),  # any verb in -ing after "are" says what the papers do
    ("are treating quantisation of code", "quantisation"),
    # What a paper did ("which paper did ..."), and a kind it is likened to ("early-exit style"), are no subject.
    ("did early-exit style decoding latency work", ""),
    ("did quantisation of code", "quantisation"),
    # A verb with its particle after the object is the asker's figure of speech for what is done to the subject.
    ("shaving decoding latency off HPC code", ""),
    ("squeezing latency out of auxiliary models", ""),
    ("shaving quantisation", "shaving quantisation"),  # no particle: the word itself is the subject
    # Examples listed before "etc" are the asker's, as in brackets.
    ("latency on laptops, phones, tablets etc", ""),
    ("latency on laptops, phones and tablets", "laptops"),
    # A prefix joined by a hyphen that keeps the subject ("mid-", "pre-") and the idiom "back and forth" are no
    # words the index lacks; "semi-" makes another subject.
    ("tokenizers going back and forth mid-decoding", ""),
    ("pre-tokenizer speculation", ""),
    ("semi-supervised tokenizers", "semi-supervised tokenizers"),
])
def test_a_list_topic_starting_with_a_word_no_abstract_has_is_unmet(topic, missing):
    reason = unmet_words(topic, Vocabulary(CORPUS))
    assert (f"mentions “{missing}”" in reason) if missing else reason == ""


@pytest.mark.parametrize(("word", "used"), [
    ("tokenizers", True), ("optimising", True), ("running", True), ("actually", True), ("speculative", False),
    ("colour", True), ("code-optimising", True), ("quantisation", False),
    ("optimisation", False),  # a derived word is not looked for from its verb: no stemming beyond inflections
    ("keeps", True), ("giving", True), ("varied", True),  # a short verb's inflections too
    ("class", False), ("focus", False),  # a word's own ending is no inflection
    # A short part of a hyphened word is a word of its own: "sim-to-real" is no "similar"; "no-code" is the asker's.
    ("sim-to-real", False), ("no-code", True), ("code-optimising", True),
    # A prefix before a hyphen is the asker's: the word after it decides.
    ("pre-tokenizer", True), ("mid-sim", False),
    ("semi-actual", False),  # "semi-" makes another subject: the corpus must have it
])
def test_a_word_is_found_in_any_form_a_writer_gives_it(word, used):
    vocabulary = Vocabulary("A tokenizer we optimize; it runs in actual code. Speculation about the color. We keep "
                            "what is given, with various cla.")
    assert vocabulary.uses(word) is used


def test_a_word_the_corpus_only_writes_capitalised_is_a_name():
    vocabulary = Vocabulary("We prove it in Isabelle. We write Python code; python is not always capitalised in "
                            "it. We use Lean 4.")
    assert [vocabulary.as_written(w) for w in ["isabelle", "python", "lean", "proof"]] == \
        ["Isabelle", "python", "Lean", "proof"]


@pytest.mark.parametrize(("word", "name"), [
    ("isabelle", "Isabelle"),
    ("execute", ""),  # the abstracts inflect it in lower case ("executed"): a verb a name has in it
    ("copilot", "Copilot"),  # a plural in lower case ("copilots") is no verb's inflection
    ("mpi", "MPI"),   # in capitals it is a name, whatever else is written
])
def test_a_verb_a_name_has_in_it_is_no_name_typed_in_lower_case(word, name):
    vocabulary = Vocabulary("We prove it in Isabelle. We compare with Think-and-Execute. The model executes code, "
                            "and executed code is checked. We use MPI and mpis. We study GitHub Copilot; copilots "
                            "help. Copilot users like it.")
    assert vocabulary.name_typed_lower(word) == name


@pytest.mark.parametrize(("name", "versioned"), [("qwen", True), ("Llama", True), ("time", False), ("GPT", False)])
def test_a_name_the_corpus_writes_with_versions_names_a_family(name, versioned):
    vocabulary = Vocabulary("We start from Qwen2.5-Math-7B and Llama3-8B; GPT-4 is compared. Time to first token.")
    assert vocabulary.versioned(name) is versioned


def test_a_name_with_a_capital_inside_is_typed_in_lower_case_as_written_while_plain_goes_by_the_first_letter():
    vocabulary = Vocabulary("Results on miniF2F and xCodeEval. We test on miniF2F again, and on the test split.")
    assert [vocabulary.name_typed_lower(w) for w in ["minif2f", "xcodeeval", "test"]] == ["miniF2F", "xCodeEval", ""]
    # "in miniF2F" reads as a sentence's word, as before: a model's name is looked for among capitalised words.
    assert vocabulary.plain("miniF2F") and vocabulary.plain("test")


def test_a_word_capitalised_only_as_the_head_of_a_longer_name_is_that_names():
    vocabulary = Vocabulary("We solve the Game of 24 and the Game of Life. We prove it in Isabelle.")
    assert vocabulary.heads_a_name_only("game") and not vocabulary.heads_a_name_only("isabelle")


def test_a_word_capitalised_only_where_a_sentence_or_title_starts_is_no_name():
    vocabulary = Vocabulary("Scaling Laws for Code\nNotably, we scale it. Notably the loss falls with Isabelle.")
    assert [vocabulary.as_written(w) for w in ["notably", "scaling", "isabelle"]] == ["notably", "scaling", "Isabelle"]


@pytest.mark.parametrize(("topic", "head", "examples"), [
    ("high-performance computing code, like MPI, OpenMP or Fortran", "high-performance computing code",
     ["MPI", "OpenMP", "Fortran"]),
    ("parallel code (OpenMP, MPI, Fortran and so on)", "parallel code", ["OpenMP", "MPI", "Fortran"]),
    ("proof assistants such as Isabelle and Coq", "proof assistants", ["Isabelle", "Coq"]),
    # Examples in plain words are the topic's meaning, not names to look for.
    ("agents in environments, like websites, games or desktop UIs",
     "agents in environments, like websites, games or desktop UIs", []),
    ("theorem proving in Lean", "theorem proving in Lean", []),
    # An aside in parentheses naming no examples qualifies the topic and is left out.
    ("math data with solutions as programs (PoT-style, not proofs)", "math data with solutions as programs", []),
    ("HumanEval (including HumanEval+)", "HumanEval", ["HumanEval+"]),  # one name, said to count too
    ("Qwen models (QwQ included)", "Qwen models", ["QwQ"]),  # or said after it
    ("HumanEval (HumanEval+ too)", "HumanEval", ["HumanEval+"]),
    ("Qwen models (QwQ not included)", "Qwen models", []),  # set aside, not an example
    ("HumanEval (HumanEval+)", "HumanEval", []),  # a name alone in brackets, nothing said of it: an aside
    ("miniF2F (evaluation or building on it)", "miniF2F", []),  # a name alone, an aside of no names after it
    # Named examples in brackets inside the topic, with more of it after them.
    ("write formal proofs (Lean, Isabelle and the like) or build data for that",
     "write formal proofs or build data for that", ["Lean", "Isabelle"]),
    ("produce machine-checked proofs (Lean, Isabelle, F*, that sort of proof assistant)",
     "produce machine-checked proofs", ["Lean", "Isabelle", "F*"]),
    # One example of three or more typed in lower case: the names stand for the examples.
    ("fine-tune some llama-family model (Llama2, CodeLlama, llama 3 etc)", "fine-tune some llama-family model",
     ["Llama2", "CodeLlama"]),
    ("HPC code, like MPI, OpenMP or fortran", "HPC code", ["MPI", "OpenMP"]),
    ("agents in websites, like web pages or Minecraft", "agents in websites, like web pages or Minecraft", []),
])
def test_examples_given_for_a_list_topic(topic, head, examples):
    from rag.answer.listing import example_names

    assert example_names(topic) == (head, examples)


@pytest.mark.parametrize(("topic", "papers", "listed"), [
    # Each example is a way to meet the topic, whatever the rest of the topic scores.
    ("HPC code, like MPI, OpenMP or Fortran",
     [Paper("mpi", "MPI code generation", "We generate MPI calls."),
      Paper("omp", "Pragmas", "A model for OpenMP pragmas."),
      Paper("web", "Web agents", "Agents browse websites.")], ["mpi", "omp"]),
    # No abstract names any example: the head met loosely is about something else.
    ("hardware designs, like Verilog or VHDL",
     [Paper("hpc", "HPC code", "We question the design choices of large models."),
      Paper("web", "Web agents", "Agents browse websites.")], []),
    # A name used either way is any use of it.
    ("use HumanEval, either for evaluation or as source material",
     [Paper("eval", "A", "We evaluate on HumanEval and MBPP."),
      Paper("src", "B", "We build HumanEval+ from HumanEval by adding tests."),
      Paper("none", "C", "We study proofs.")], ["eval", "src"]),
    # A name of words is also met run together, as in a web address.
    ("Hugging Face",
     [Paper("hf", "Math data", "The data is available at https://huggingface.co/datasets/x/y."),
      Paper("sc", "Code model", "Their weights are available via Hugging Face for anyone to use."),
      Paper("gh", "Agents", "Our code is at https://github.com/a/b.")], ["hf", "sc"]),
    # A topic typed as a whole question starts with a capital: a word the abstracts write in lower case is no name
    # there (every paper on language models would match "Language"), a name they write capitalised still is.
    ("Language models for Fortran",
     [Paper("ft", "Fortran code", "A language model for Fortran code."),
      Paper("lm", "Language models", "Large language models write code; language models are everywhere.")], ["ft"]),
    ("Isabelle or Coq",
     [Paper("is", "Provers", "Proofs in Isabelle, which isabelle users like."),
      Paper("lm", "Language models", "Large language models write code.")], ["is"]),
    # Money asked: the papers stating an amount, which they write "$", not "dollar".
    ("give a dollar cost for running their system",
     [Paper("acr", "Repair", "It resolves issues at a cost of $0.43 per issue."),
      Paper("sci", "Science", "Each paper costs less than $15."),
      Paper("kv", "Latency", "We cut the cost of inference by 30%.")], ["acr", "sci"]),
    # A score asked on it: a sentence naming it with a score, not one counting its problems.
    ("a miniF2F-test score for their own model",
     [Paper("sc", "Prover", "Our prover reaches 61.07% on miniF2F-test."),
      Paper("ct", "Dataset", "The miniF2F-test set has 20 IMO problems, 6 of them with proofs."),
      Paper("pb", "Putnam", "It solves 5 out of 148 problems of miniF2F-test.")], ["pb", "sc"]),
])
def test_papers_naming_what_the_topic_names_match_it(topic, papers, listed):
    from rag.answer.listing import find_matches

    assert sorted(m.paper.paper_id for m in find_matches(topic, papers, lambda text: [])) == listed


@pytest.mark.parametrize(("topic", "parts"), [
    ("Isabelle or Coq", ["Isabelle", "Coq"]),  # names: each side a topic of its own
    ("on proving programs correct or on translating verified C code",
     ["proving programs correct", "translating verified C code"]),
    # Two things sharing what follows them: each with it.
    ("verifiers or process reward models for math reasoning",
     ["verifiers for math reasoning", "process reward models for math reasoning"]),
    ("discovering new math formulas or function approximations via automated search",
     ["discovering new math formulas via automated search", "function approximations via automated search"]),
    ("evolutionary algorithms to protein or drug molecule design in any",  # a long first side only before "via"
     ["evolutionary algorithms to protein or drug molecule design in any"]),
    ("repairing bugs in C or Java via LLMs", ["repairing bugs in C or Java via LLMs"]),  # a side with its own head
    ("code written by humans or generated by models", ["code written by humans or generated by models"]),
    ("code generation or optimisation", ["code generation or optimisation"]),  # one phrase: left to its meaning
    ("use evolutionary search, or are about AutoML", ["use evolutionary search", "AutoML"]),  # a verb first
    ("HumanEval / HumanEval+", ["HumanEval", "HumanEval+"]),
    # A slash between generic words joins no two topics: each side would match every paper on LLMs.
    ("have LLMs/AI write machine-checked proofs", ["have LLMs/AI write machine-checked proofs"]),
    # The thing done, each way.
    ("make programs run faster, either with llms or via search",
     ["make programs run faster with llms", "make programs run faster via search"]),
    # The second side in another place only: the first side's head goes with it ("in games" alone is the Game of 24).
    ("agents acting on websites or in games", ["agents acting on websites", "agents acting in games"]),
    ("work on Lean or on Isabelle", ["work on Lean", "work on Isabelle"]),
    # Names joined inside one phrase share its ends: the verb before and what follows the last name.
    ("put ChatGPT or GitHub Copilot to the test on programming work",
     ["put ChatGPT to the test on programming work", "put GitHub Copilot to the test on programming work"]),
    ("fine-tune StarCoder or CodeLlama", ["fine-tune StarCoder", "fine-tune CodeLlama"]),
    # Short ways listed after a preposition share the head's words: left to the topic's meaning (each side alone,
    # "apply RL to completion", let in papers on other kinds of completion).
    ("apply reinforcement learning to code generation, completion or optimization",
     ["apply reinforcement learning to code generation, completion or optimization"]),
    # A bound on a figure is no "or" between sides.
    ("20 or more LLMs in benchmark", ["20 or more LLMs in benchmark"]),
    ("reach 50% or higher on MATH, or 80% or higher on GSM8K", ["reach 50% or higher on MATH",
                                                              "80% or higher on GSM8K"]),
])
def test_the_sides_of_a_list_topic_joined_by_or(topic, parts):
    from rag.answer.listing import either_parts

    assert either_parts(topic) == parts


@pytest.mark.parametrize(("sentence", "name", "passing"), [
    ("In contrast to formal mathematics, where large databases of formal proofs are available (e.g., the Lean "
     "Mathematical Library), current datasets only cover elementary mathematics.", "Lean", True),
    ("Large language models (LLMs), as epitomized by models like ChatGPT, have revolutionized NLP.", "ChatGPT", True),
    ("We evaluate on benchmarks such as HumanEval and MBPP.", "HumanEval", False),  # the paper's own evaluation
    ("We investigate the mathematical capabilities of ChatGPT.", "ChatGPT", False),
    ("ChatGPT, like other LLMs such as GPT-4, fails here.", "ChatGPT", False),  # named outside the examples
    # The paper's own evaluation, said without "we".
    ("Qwen2.5-Coder is rigorously evaluated against existing benchmarks, including MultiPL-E.", "MultiPL-E", False),
    ("Fine-tuning experiments with models such as Llama2 and CodeLlama demonstrate gains.", "CodeLlama", False),
])
def test_a_name_given_only_as_an_example_is_a_passing_mention(sentence, name, passing):
    from rag.answer.naming import in_passing
    from rag.text.names import mention_pattern

    assert in_passing(sentence, mention_pattern(name)) is passing



@pytest.mark.parametrize(("topic", "listed"), [
    # One paper names the one name among examples in plain words: the papers meeting the others join it.
    ("agents acting in an environment, like websites, games or phone UIs", ["ui", "web"]),
    # A name as a side of its own, not an example: the papers naming it.
    ("agents acting on phone UIs or on websites, either one", ["ui", "web"]),
    ("agents operating phone UIs, or any other setting", ["ui"]),
])
def test_a_name_among_plain_examples_is_one_way_of_meeting_the_topic(topic, listed):
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence
    from rag.types import Paper

    said = {"web": "Agents act on websites.", "ui": "Agents operate phone UI screens.", "math": "We prove theorems."}
    papers = [Paper(pid, pid, text) for pid, text in said.items()]

    def score(text: str) -> list[ScoredSentence]:
        return [ScoredSentence(pid, 0, said[pid], s, 0.0, s, rank)
                for rank, (pid, s) in enumerate([("web", 0.8), ("ui", 0.5), ("math", 0.2)])]

    assert [m.paper.paper_id for m in find_matches(topic, papers, score)] == listed


def test_a_name_no_paper_has_among_described_alternatives_leaves_the_description():
    """"websites, GUIs or games": no abstract says GUI, but the papers on websites still match."""
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence
    from rag.types import Paper

    papers = [Paper("web", "Web agents", "Agents act on websites."), Paper("math", "Proofs", "We prove theorems.")]

    def score(text: str) -> list[ScoredSentence]:
        return [ScoredSentence("web", 0, "Agents act on websites.", 0.8, 0.5, 0.8, 0),
                ScoredSentence("math", 0, "We prove theorems.", 0.2, 0.0, 0.2, 1)]

    found = find_matches("agents acting in websites, GUIs or games", papers, score)
    assert [m.paper.paper_id for m in found] == ["web"]
    assert find_matches("GUIs", papers, score) == []  # the name alone: nothing matches


def test_a_list_asking_for_a_count_keeps_papers_counting_that_thing():
    from rag.answer.listing import find_matches
    from rag.types import Paper

    papers = [Paper("a", "A bench", "We evaluate 23 leading LLMs on it."),
              Paper("b", "B bench", "Our study covers over 30 mainstream models."),
              Paper("c", "C prover", "The best model proves 2 of these 20 IMO problems."),  # 20 counts problems
              Paper("d", "D model", "Our 150M parameter LM matches larger models.")]  # a size, not a count
    found = find_matches("evaluate 20+ LLMs", papers, lambda text: [])
    assert sorted(m.paper.paper_id for m in found) == ["a", "b"]


def test_an_acronym_in_a_list_topic_also_matches_the_words_an_abstract_spells_it_out_as():
    from rag.answer.listing import find_matches
    from rag.types import Paper

    papers = [Paper("a", "Verifiers", "We train process reward models (PRMs) for math."),
              Paper("b", "Dense rewards", "Our process reward models score each step of a solution."),
              Paper("c", "Agents", "Agents browse websites.")]
    found = find_matches("PRMs", papers, lambda text: [])
    assert sorted(m.paper.paper_id for m in found) == ["a", "b"]  # "b" never writes "PRMs"


def test_a_capitalised_name_is_met_at_the_head_of_a_name_run_together():
    from rag.answer.listing import find_matches
    from rag.types import Paper

    papers = [Paper("a", "Self-play provers", "We prove 8/644 problems of PutnamBench."),
              Paper("b", "Exams", "We collect problems from the Putnam competition."),
              Paper("c", "Words", "We study putnamese dialects."),  # no name run together: its own word
              Paper("d", "Lean", "We prove the problems of LeanWorkbook."),
              Paper("e", "Prover", "We fine-tune DeepSeek on MathConverse data.")]
    found = find_matches("the Putnam problems", papers, lambda text: [])
    assert sorted(m.paper.paper_id for m in found) == ["a", "b"]
    # Only a collection's name: "DeepSeek" is no "Deep", "MathConverse" no "Math".
    assert find_matches("Deep methods", papers, lambda text: []) == []
    assert [m.paper.paper_id for m in find_matches("the Math problems", papers, lambda text: [])] == []


def test_a_named_topic_evaluated_on_is_met_by_every_paper_naming_it_versions_too():
    from rag.answer.listing import find_matches
    from rag.types import Paper

    papers = [Paper("ds", "A Lean dataset", "We write formal proofs in Lean for olympiad problems."),
              Paper("ma", "MA-LoT", "The first multi-agent framework for Lean4 theorem proving."),
              Paper("py", "PyCoder", "Code completion with token types.")]
    # "train or evaluate models on" asks nothing beyond naming it: no closeness of wording is needed.
    found = find_matches("train or evaluate models on Lean proofs", papers, lambda text: [])
    assert sorted(m.paper.paper_id for m in found) == ["ds", "ma"]


@pytest.mark.parametrize(("topic", "unmet"), [
    # More long words no abstract uses than a paraphrase brings, outweighing those some abstract uses.
    ("writing solidity smart contracts for blockchains", True),
    ("decoding latency with speculative drafts", False),  # still about decoding latency
    ("decoding latency in the wild (deployed plugin)", False),  # an example in brackets is the asker's
    # A name the abstracts write makes the topic theirs, however the rest is worded; not a name among examples.
    ("work that repurposes Tokompiler outputs as the basis of audits", False),
    ("writing solidity smart contracts (Tokompiler-like) for blockchains", True),
])
def test_a_list_topic_mostly_in_words_no_abstract_uses_is_unmet(topic, unmet):
    assert bool(unmet_words(topic, Vocabulary(CORPUS + " We write programs; a smart idea."))) is unmet


@pytest.mark.parametrize(("question", "topic"), [
    # A bare "which ones?" after a topic that is a list already asks nothing more (the last two held before too).
    ("papers doing tree search, either for code gen or for proving - which ones do we have?",
     "doing tree search, either for code gen or for proving"),
    ("papers on lean proving - which ones?", "lean proving"),
    ("empirical studies of how good chatgpt is - which ones are in here?", "empirical studies of how good chatgpt is"),
])
def test_a_bare_which_ones_after_a_list_topic(question, topic):
    from rag.answer.plan import list_topic

    assert list_topic(question) == topic


@pytest.mark.parametrize(("topic", "scored"), [
    # "some form of" asks for any evolutionary search, which is what the abstracts' sentences are scored against.
    ("rely on some form of evolutionary search", "rely on evolutionary search"),
    ("use any kind of tree search", "use tree search"),
    # Another word for the data made, after "or", is no second topic; among the papers making one, what it is for
    # decides, since "benchmark" is in all their sentences.
    ("put out a new benchmark or eval set for code completion", "code completion"),
    ("introduce new datasets to evaluate math reasoning", "math reasoning"),
])
def test_what_a_described_list_topic_is_scored_as(topic, scored):
    from rag.answer.listing import find_matches

    papers = [Paper("b", "FooBench: A Benchmark for Code Completion", "We introduce FooBench, a new benchmark.")]
    asked: list[str] = []
    find_matches(topic, papers, lambda text: asked.append(text) or [])
    assert asked[:1] == [scored]


@pytest.mark.parametrize(("theory_rank", "listed"), [
    (4, ["code", "coding"]),  # the RL-theory abstract never writes code: it is out; "coding" is in
    (1, ["code", "theory", "coding"]),  # unless retrieval ranks its whole abstract near the top
])
def test_a_method_applied_to_a_target_is_met_by_papers_writing_both(theory_rank, listed):
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    said = {"code": "We use reinforcement learning for code generation.",
            "theory": "We bound off-policy reinforcement learning error.",
            "coding": "Reinforcement learning with dense rewards improves math and coding."}
    papers = [Paper(pid, pid, text) for pid, text in said.items()]
    papers += [Paper(f"other{i}", f"other{i}", f"A study of topic {i}.") for i in range(20)]

    def score(text: str) -> list[ScoredSentence]:
        ranked = [("code", 0.75, 0), ("theory", 0.6, theory_rank), ("coding", 0.4, 3)]
        ranked += [(f"other{i}", 0.1, 5 + i) for i in range(20)]
        return [ScoredSentence(pid, 0, next(p.abstract for p in papers if p.paper_id == pid), s, 0.0, s, rank)
                for pid, s, rank in ranked]

    found = find_matches("reinforcement learning for code tasks", papers, score)
    assert [m.paper.paper_id for m in found] == listed


@pytest.mark.parametrize(("topic", "kinds", "rest"), [
    ("release their code", ["code"], ""),
    ("LLM-agent papers release their code publicly", ["code"], "LLM-agent"),
    ("have models write proofs in Lean and also say they release their dataset", ["data"], "have models write proofs "
                                                                                          "Lean"),
    ("release code / give a repository link", ["code"], ""),
    ("make their weights publicly available", ["model"], ""),
    # A link asked for itself: the address, a github.com one when GitHub is named.
    ("link to a GitHub repository", ["github"], ""),
    ("provide links to their GitHub repositories", ["github"], ""),
    ("LLM-agent papers that link to a GitHub repo", ["github"], "LLM-agent"),
    ("link to GitHub or a project page", ["link"], ""),  # either: any address
    ("give links", ["link"], ""),
    ("use reinforcement learning for code", None, None),
    # Where it goes, asked right after what: a sentence releasing that there; what follows the ask is not asked of the
    # papers, and what comes before is ("math papers").
    ("release models or data on hugging face", ["data", "model", "hugging face"], ""),
    ("put their weights on Hugging Face? list me those papers pls", ["model", "hugging face"], ""),
    ("math papers release data on Hugging Face", ["data", "hugging face"], "math"),
    ("release models on Hugging Face or GitHub", ["model"], "Hugging Face or GitHub"),  # either place: as before
    ("release their code and evaluate on Hugging Face datasets", ["code"], "evaluate Hugging Face datasets"),
    ("released on huggingface", ["hugging face"], ""),  # whatever it was
    ("released on huggingface, if anything", ["hugging face"], ""),
    ("fine-tune models published on Hugging Face", None, None),  # models someone published, no release asked
    # Said of what is released, in the passive; what it is set against asks nothing more.
    ("state that the trained model weights or checkpoints themselves have been, or will be, made publicly available, "
     "as distinct from merely code or data", ["model"], ""),
    ("math papers whose data will be made available", ["data"], "math"),
    # Another's things made public are no release of the papers' own.
    ("train on code whose source has been made publicly available on GitHub", None, None),
    ("test on benchmarks whose data has been made public by others", None, None),
    ("evaluate models whose weights have been made publicly available", None, None),
    ("have made the model weights publicly available", ["model"], "have"),
])
def test_what_a_list_topic_asks_papers_to_release(topic, kinds, rest):
    from rag.answer.released import release_asked

    asked = release_asked(topic)
    assert (asked is None) if kinds is None else asked == (kinds, rest)


@pytest.mark.parametrize(("sentence", "kinds", "releases"), [
    ("We provide the code and data at https://github.com/x/y.", ["code"], True),
    ("Both the synthetic dataset and the model will be made available.", ["data"], True),
    ("Our PyCoder is publicly available on HuggingFace.", ["model"], True),
    ("We test it on publicly available datasets.", [], False),  # someone else's data
    ("We propose solving GitHub issues autonomously.", [], False),  # GitHub named, nothing released
    ("The code is released at https://github.com/x/y.", ["data"], False),  # code, not data
    ("The code is released at https://github.com/x/y.", ["github"], True),
    ("See our project page at https://x.github.io/y.", ["github"], False),  # a page, no repository
    ("See our project page at https://x.github.io/y.", ["link"], True),
    ("We will release our code.", ["link"], False),  # a release said, no address
    ("Their weights are available via Hugging Face for anyone to download.", ["model", "hugging face"], True),
    ("The data is available at https://huggingface.co/datasets/x.", ["data", "hugging face"], True),
    ("Their weights are available via Hugging Face for anyone to download.", ["data", "hugging face"], False),
    ("The code is released at https://github.com/x/y.", ["code", "hugging face"], False),
    # A dataset's address on Hugging Face, or the language models a dataset serves, release no model.
    ("The data is available at https://huggingface.co/datasets/x.", ["model"], False),
    ("We make this dataset publicly available to compare ChatGPT with large language models.", ["model"], False),
    ("We make this dataset publicly available to compare ChatGPT with large language models.", ["data"], True),
    # A model's name in its address is no code.
    ("Weights at https://huggingface.co/stabilityai/stable-code-3b.", ["code"], False),
    # The authors' release said after another deed, or as a noun.
    ("We introduce programming puzzles and release an open-source dataset of them (P3).", ["data"], True),
    ("We anticipate that the release of UGMathBench, with its evaluation codes, will help.", ["code"], True),
    ("They introduce X and release a dataset.", [], False),  # not the authors
])
def test_a_sentence_releasing_code_data_or_models(sentence, kinds, releases):
    from rag.answer.released import release_sentence

    assert (release_sentence(sentence, kinds) == sentence) is releases


@pytest.mark.parametrize(("topic", "sentence", "says"), [
    ("evaluate ChatGPT", "We benchmark ChatGPT on GHOSTS.", True),
    ("evaluate ChatGPT", "We find that ChatGPT-4 is adept at optimizing code.", True),
    ("evaluate ChatGPT", "Foundation models like ChatGPT can offer conversation abilities.", False),  # no "found"
    ("fine-tune StarCoder", "We fine-tuned StarCoder on our data.", True),
    ("fine-tune StarCoder", "We compare with StarCoder.", False),
])
def test_the_words_a_sentence_says_a_topics_relation_to_a_name_in(topic, sentence, says):
    from rag.answer.listing import _relation_said

    said = _relation_said(topic)
    assert said is not None and bool(said.search(sentence)) is says


def test_a_relation_whose_stem_other_words_share_has_no_words_of_its_own():
    from rag.answer.listing import _relation_said

    assert _relation_said("construct math data with Python") is None  # "const" is in "constraint"


def test_a_new_benchmark_for_a_field_is_one_whose_abstract_writes_the_field():
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    papers = [Paper("cc", "CompBench", "We introduce CompBench, a new benchmark for code completion."),
              Paper("repo", "RepoEval", "We build a new repository-level benchmark. Code completion is hard."),
              Paper("web", "WebTasks", "We release a new benchmark of web tasks. Task completions are checked."),
              # Others' benchmarks "for code generation, repair, or completion" name no code completion.
              Paper("trace", "TraceBench", "Benchmarks for code generation, repair, or completion are saturated. "
                                           "We present a new benchmark of execution traces.")]

    def score_topic(text: str) -> list[ScoredSentence]:  # by meaning, "task completions" is as close as the rest
        return [ScoredSentence(p.paper_id, 0, p.abstract, 0.8, 0.5, 0.8, i) for i, p in enumerate(papers)]

    found = find_matches("introduce a new benchmark for code completion", papers, score_topic)
    assert sorted(m.paper.paper_id for m in found) == ["cc", "repo"]


def test_an_acronym_for_a_method_is_read_as_the_words_an_abstract_spells_it_out_as():
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    papers = [Paper("coder", "A", "We train a retriever for code completion with reinforcement learning."),
              Paper("math", "B", "Reinforcement learning (RL) improves math reasoning and coding."),
              Paper("theory", "C", "We study when reinforcement learning is sample efficient in theory."),
              *[Paper(f"x{i}", "X", f"Topic {i} has nothing to do with it.") for i in range(20)]]

    def score_topic(text: str) -> list[ScoredSentence]:  # the encoder puts RL theory first, as it did PRIME's
        order = ["theory", "x0", "x1", "math", "coder"]
        return [ScoredSentence(pid, 0, "", 0.3, 0.0, 0.3 - 0.01 * i, i) for i, pid in enumerate(order)]

    found = find_matches("apply RL to code generation", papers, score_topic)
    assert sorted(m.paper.paper_id for m in found) == ["coder", "math"]


@pytest.mark.parametrize(("question", "passing"), [
    ("which papers mention ChatGPT?", True),
    ("which papers cite AlphaCode or build on it?", True),
    # Said only to set such papers aside: the papers asked for work on it.
    ("which papers actually do theorem proving in lean (not just mention it)?", False),
    ("which papers evaluate ChatGPT itself, not the ones that only cite it", False),
    ("which papers use Lean, rather than merely mention it", False),
    ("which papers don't just cite HumanEval but build on it", True),  # "build on" is asked
])
def test_a_list_asks_for_papers_naming_a_thing_in_passing_only_when_it_says_so(question, passing):
    from rag.answer.listing import asks_mentions

    assert asks_mentions(question) is passing


@pytest.mark.parametrize(("aside", "kinds"), [
    ("(verifiers, reward models for steps, critics)", ["verifiers", "reward models for steps", "critics"]),
    ("(undergrad or graduate)", []),             # qualities, not kinds of thing
    ("(benchmarking or optimizing)", []),
    ("(PoT-style, not formal proofs)", []),      # a qualification
    ("(provers)", []),                           # one alone is what the head says
])
def test_kinds_an_aside_lists_in_words(aside, kinds):
    from rag.answer.listing import kinds_listed

    assert kinds_listed(aside) == kinds


@pytest.mark.parametrize(("topic", "missing"), [
    ("tested with developers (deployed plugin, online eval)", ""),  # an example of several is the asker's
    ("latency in a Verilog plugin", "Verilog"),
    ("latency (Verilog)", "Verilog"),  # a name in brackets alone is what is asked
])
def test_a_topic_no_paper_matched_is_unmet_by_a_name_no_abstract_writes(topic, missing):
    from rag.answer.listing import unknown_word

    reason = unknown_word(topic, Vocabulary(CORPUS), lambda word: False)
    assert (f"mentions “{missing}”" in reason) if missing else reason == ""


@pytest.mark.parametrize(("word", "apart"), [
    ("runtime", True),    # "run time" / "run times"
    ("codebase", True),   # "code bases"
    ("speculative", False),
    ("fastcode", False),  # "code" is there, "fast" is not
])
def test_a_compound_the_abstracts_write_as_two_words_is_theirs(word, apart):
    vocabulary = Vocabulary("We run the code at run time; larger code bases take more time.")
    assert vocabulary.written_apart(word) is apart
    assert bool(unmet_words(f"{word} of code", vocabulary)) is not apart


@pytest.mark.parametrize(("topic", "listed"), [
    # A term of a few words that two or more papers write word for word is met by those: "optimal" is close to
    # "optimization" by meaning only.
    ("do code optimization", ["opt", "title"]),
    ("code optimization methods", ["opt", "title"]),  # the kind of thing after the term is no part of it
    # Not a term: words between ("in their work") are the asker's; every paper close enough stays.
    ("code optimization in their work", ["near", "opt", "title"]),
])
def test_a_term_written_word_for_word_keeps_the_papers_writing_it(topic, listed):
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    papers = [Paper("opt", "A", "We study code optimization with an LLM."),
              Paper("title", "LLMs for Code Optimization", "Programs get faster when rewritten."),
              Paper("near", "B", "Our optimal strategy picks the best code solutions.")]
    scores = {"opt": 0.86, "title": 0.8, "near": 0.75}

    def score_topic(text: str) -> list[ScoredSentence]:
        return [ScoredSentence(p.paper_id, 0, p.abstract, scores[p.paper_id], 0.5, scores[p.paper_id], i)
                for i, p in enumerate(papers)]

    assert sorted(m.paper.paper_id for m in find_matches(topic, papers, score_topic)) == listed


def test_papers_of_a_kind_in_words_releasing_code_are_those_whose_abstract_is_of_that_kind():
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    papers = [Paper("web", "WebWorld", "We build LLM agents for websites. Code: https://github.com/a/web."),
              Paper("mine", "Planner", "Our agents play Minecraft. The code is released at https://github.com/b/mc."),
              Paper("eff", "EffBench", "A benchmark of code efficiency. Code is at https://github.com/c/eff."),
              Paper("tool", "ToolAgent", "An LLM agent calling tools; we share nothing.")]

    def score_topic(text: str) -> list[ScoredSentence]:  # by meaning, only the tool paper reads as "LLM-agent"
        scores = {"tool": 0.9, "eff": 0.5, "web": 0.45, "mine": 0.4}
        return [ScoredSentence(pid, 0, "", score, 0.5, score, i) for i, (pid, score) in enumerate(scores.items())]

    found = find_matches("LLM-agent papers release their code publicly", papers, score_topic)
    assert sorted(m.paper.paper_id for m in found) == ["mine", "web"]


@pytest.mark.parametrize(("name", "text", "words"), [
    ("NL", "Natural language feedback from a human halves the error rate.", "natural language"),  # defined elsewhere
    ("NL", "We use no feedback.", "NL"),          # not spelled out here
    ("RL", "We use RL.", "RL"),                   # written as it is
    ("FL", "Formal language proofs.", "FL"),      # no abstract defines FL
])
def test_an_acronym_a_text_only_spells_out_as_another_abstract_defines_it(name, text, words):
    from rag.answer.naming import written_out

    papers = [Paper("def", "MA-LoT", "We combine Natural Language (NL) reasoning with formal verification.")]
    assert written_out(name, text, papers) == words


@pytest.mark.parametrize(("topic", "figures"), [
    # A number ending an item after a word is a version of a name, not a figure the papers must state.
    ("fine-tune a llama model (Llama2, CodeLlama, llama 3 etc)", []),
    ("use Llama 2, CodeLlama or StarCoder", []),
    ("use GPT 4?", []),
    ("report above 50", ["50"]),  # a bound
    ("evaluate on 3 benchmarks", ["3"]),  # a count of what follows
    ("models with 7 or 13 billion parameters", ["7", "13 billion"]),
])
def test_the_figures_a_list_topic_asks_for(topic, figures):
    from rag.answer.listing import asked_figures

    assert [f.text for f in asked_figures(topic)] == figures


@pytest.mark.parametrize(("topic", "word"), [
    ("do theorem proving in Coq", "Coq"),  # a short name, capitalised
    ("grading teh steps of a solution", ""),  # a short slip in lower case is no name
    ("code for Verilog", "Verilog"),
])
def test_a_list_topic_naming_what_no_abstract_writes_is_unmet(topic, word):
    from rag.answer.listing import unknown_word

    reason = unknown_word(topic, Vocabulary(CORPUS), lambda name: False)
    assert (f"mentions “{word}”" in reason) if word else reason == ""


@pytest.mark.parametrize(("question", "kinds"), [
    ("does MARIO release its dataset?", ["data"]),
    ("is PyCoder's code publicly available?", ["code"]),
    ("did they open-source the weights?", ["model"]),
    ("which open-source model was the best critic?", None),  # a kind of model, not a release
    ("how big is the released dataset?", None),  # taken as given
])
def test_a_release_asked_of_one_paper_is_said_with_its_verb(question, kinds):
    from rag.answer.released import release_asked_of_paper

    asked = release_asked_of_paper(question)
    assert (asked[0] if asked else None) == kinds


def test_a_common_name_inside_a_longer_description_leaves_the_list_to_the_description():
    """Every paper writing Python does not "solve math problems by writing Python code": what is described decides,
    and a paper doing it without the name matches too."""
    from rag.answer.listing import COMMON_NAME_PAPERS, find_matches
    from rag.answer.scoring import ScoredSentence
    from rag.types import Paper

    papers = [Paper(f"py{i}", "Python tools", "A Python library for parsing.") for i in range(COMMON_NAME_PAPERS)]
    papers.append(Paper("math", "Math with code", "The model solves math word problems by writing programs."))

    def score(text: str) -> list[ScoredSentence]:
        return [ScoredSentence("math", 0, "The model solves math word problems by writing programs.", 0.8, 0.5, 0.8, 0),
                *(ScoredSentence(f"py{i}", 0, "A Python library for parsing.", 0.2, 0.0, 0.2, 1 + i)
                  for i in range(COMMON_NAME_PAPERS))]

    topic = "models solving math problems by writing Python code"
    assert [m.paper.paper_id for m in find_matches(topic, papers, score)] == ["math"]
    # The name alone, or with a word or two about it, is still every paper writing it.
    assert len(find_matches("Python code", papers, score)) == COMMON_NAME_PAPERS


@pytest.mark.parametrize(("topic", "names"), [
    # A name made a describing word is the name: an abstract on HPC code models need not write "HPC-specific".
    ("HPC-specific code models", ["HPC"]),
    ("GPT-4-based agents", ["GPT-4"]),
    ("Lean-based provers or Isabelle-style ones", ["Lean", "Isabelle"]),
    ("CodeLlama fine-tunes", ["CodeLlama"]),  # a name with no such word stays whole
    # What the topic sets its papers against is none of its names.
    ("math datasets whose solutions run code rather than plain CoT text", []),
    ("agents built on GPT-4 instead of Claude", ["GPT-4"]),
])
def test_the_names_of_a_list_topic(topic, names):
    from rag.answer.listing import topic_names

    assert topic_names(topic) == names



@pytest.mark.parametrize(("topic", "names"), [
    # The asker's examples in brackets are no names a paper must have; a name outside them is.
    ("math datasets whose solutions run code (python interpreter, program-of-thought style stuff)", []),
    ("provers trained on Lean (e.g. miniF2F, ProofNet)", ["Lean"]),
])
def test_the_names_a_list_topic_asks_for(topic, names):
    from rag.answer.listing import names_asked

    assert names_asked(topic) == names


@pytest.mark.parametrize(("topic", "listed", "closest_rank", "kept"), [
    # The paper closest to the whole topic (first by retrieval, best sentence) joins a list its sides made.
    ("agents acting on websites or in games", ["games"], 0, ["games", "web"]),
    ("agents acting on websites or in games", ["games"], 1, ["games", "web"]),
    ("agents acting on websites or in games", ["games"], 2, ["games"]),      # ranked lower: the sides decide
    ("agents acting on websites or in games", [], 0, []),                    # an empty list stays empty
    ("papers that evaluate on WebShop", ["games"], 0, ["games"]),            # a name's list: those naming it
    ("agents acting on websites from 2023", ["games"], 0, ["games"]),        # a limit: read apart
    ("a new benchmark for web agents", ["games"], 0, ["games"]),             # what papers make: read apart
    ("agents tested on 20 or more websites", ["games"], 0, ["games"]),      # a figure: read apart
])
def test_the_paper_closest_to_a_whole_described_topic_joins_its_list(topic, listed, closest_rank, kept):
    from rag.answer.listing import Match, with_closest
    from rag.answer.scoring import ScoredSentence

    papers = [Paper("web", "WebSim: agents on websites", "Agents act on simulated websites.", year=2022),
              Paper("games", "GameBench", "Agents play text games.", year=2023)]
    by_id = {p.paper_id: p for p in papers}

    def score_topic(text: str) -> list[ScoredSentence]:
        return [ScoredSentence("web", 0, "Agents act on simulated websites.", 0.5, 0.5, 0.5, closest_rank),
                ScoredSentence("games", 0, "Agents play text games.", 0.4, 0.4, 0.4, 1 - min(closest_rank, 1))]

    matches = [Match(by_id[pid], by_id[pid].abstract, 0.4) for pid in listed]
    assert [m.paper.paper_id for m in with_closest(topic, matches, papers, score_topic)] == kept


@pytest.mark.parametrize(("abstract_score", "listed"), [
    (1.0, ["best", "whole"]),  # the closest abstract of all, its best sentence just under the bar: it joins
    (0.8, ["best"]),           # an abstract no closer than the best paper's: its sentence alone decides
])
def test_a_paper_close_by_its_sentence_and_its_whole_abstract_joins_a_list(abstract_score, listed):
    from rag.answer.listing import find_matches
    from rag.answer.scoring import ScoredSentence

    said = {"best": "Alpha does the thing.", "whole": "Beta goes about it another way.",
            "sentence": "Gamma mentions it once.", "abstract": "Delta is on a neighbouring subject."}
    papers = [Paper(pid, pid, text) for pid, text in said.items()]
    papers += [Paper(f"other{i}", f"other{i}", f"Topic {i}.") for i in range(10)]
    # (paper, best sentence's score, retrieval rank, retrieval's fused score for the whole abstract)
    ranked = [("best", 0.70, 1, 0.8), ("whole", 0.53, 2, abstract_score), ("sentence", 0.53, 3, 0.5),
              ("abstract", 0.30, 0, 0.95)] + [(f"other{i}", 0.1, 4 + i, 0.1) for i in range(10)]

    def score(text: str) -> list[ScoredSentence]:
        return [ScoredSentence(pid, 0, said.get(pid, "Topic."), s, 0.0, s, rank, fused)
                for pid, s, rank, fused in ranked]

    found = find_matches("tools that verify programs", papers, score)
    assert [m.paper.paper_id for m in found] == listed


def test_an_unmet_topic_is_quoted_as_the_asker_wrote_it_idioms_included():
    reason = unmet_words("quantisation back and forth", Vocabulary(CORPUS))
    assert reason == ("No paper in the index matches “quantisation back and forth”: no indexed abstract mentions "
                      "“quantisation”.")


@pytest.mark.parametrize(("described", "used", "fits"), [
    ("code and math", {"code": 40, "math": 20}, True),   # the two fields the whole index is about
    ("code completion", {"code completion": 8}, False),  # a few of them
    ("agent", {"agent": 12}, False),
    # A phrase is counted by its least used word, too loose a bound: never the whole index.
    ("code generation", {"code generation": 41}, False),
    ("code completion and code generation", {"code completion": 29, "code generation": 41}, False),
])
def test_a_described_set_of_papers_most_of_the_index_fits_narrows_nothing(described, used, fits):
    from rag.answer.across import fits_most

    assert fits_most(described, lambda words: used.get(words, 0), 67) is fits


@pytest.mark.parametrize(("topic", "abstract", "quoted"), [
    # A metric named for every cut-off ("pass@k") is met by each of them; with numbers asked, by a cut-off only.
    ("quote a pass@k number (pass@10, pass@200 etc)", "We reach 61.7% (pass@3200). It is new.",
     "We reach 61.7% (pass@3200)."),
    ("report pass@k numbers", "We generalize the pass@k metric. It is new.", ""),
    ("pass@k", "We generalize the pass@k metric. It is new.", "We generalize the pass@k metric."),
    ("pass@k", "Our eff@k metric is new.", ""),  # another metric's family
    ("their results in pass@k notation", "Scores rise (Pass@10 of 40%).", "Scores rise (Pass@10 of 40%)."),
    ("eff@k or pass@k", "Our eff@k metric is new.", "Our eff@k metric is new."),  # either family
    # What the rest names narrows the papers writing it, and so does a release asked.
    ("pass@k numbers on miniF2F", "Scores rise (pass@10 of 40%) on HumanEval.", ""),
    ("pass@k numbers on miniF2F", "On miniF2F we reach pass@10 of 40%.", "On miniF2F we reach pass@10 of 40%."),
    ("pass@k numbers and release their code", "Scores rise (pass@10 of 40%).", ""),
])
def test_a_metric_family_is_met_by_its_cut_offs(topic, abstract, quoted):
    from rag.answer.listing import find_matches
    from rag.types import Paper

    paper = Paper(paper_id="p", title="A paper", abstract=abstract)
    matches = find_matches(topic, [paper], lambda text: [])
    assert [m.sentence for m in matches] == ([quoted] if quoted else [])
