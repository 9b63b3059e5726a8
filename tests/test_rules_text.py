"""Table-driven examples for the stable rule modules: sentences, citation markers, text cleaning, tokens,
fusion of the retrieval lists, and settings that refuse unknown keys.

Every expected value is written from what the module says it does (its docstrings), not copied from a run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.index.retrieval import _Scores, fuse
from rag.settings import RetrievalSettings, Settings
from rag.text.clean import clean_text, normalise_title, strip_latex
from rag.text.markers import MARKER, escape_markers, numbers_of, strip_markers
from rag.text.sentences import split_sentences
from rag.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1]

# --- sentences -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We use e.g. BERT models. They work.", ["We use e.g. BERT models.", "They work."], id="e.g."),
        pytest.param("It stays strong on other benchmarks (Avg. 80.1% on OOD). We release it.",
                     ["It stays strong on other benchmarks (Avg. 80.1% on OOD).", "We release it."], id="avg"),
        pytest.param("As Smith et al. (2020) show, it holds. We extend it.",
                     ["As Smith et al. (2020) show, it holds.", "We extend it."], id="et-al"),
        pytest.param("Accuracy rose by 3.5 points. Errors fell.", ["Accuracy rose by 3.5 points.", "Errors fell."],
                     id="decimal"),
        pytest.param("Code is at https://github.com/org/repo.git today. We release it.",
                     ["Code is at https://github.com/org/repo.git today.", "We release it."], id="url"),
        pytest.param("Data from the U.S. Census were used. It helps.",
                     ["Data from the U.S. Census were used.", "It helps."], id="U.S."),
        pytest.param("It was proposed by J. Smith in 2019. Later work followed.",
                     ["It was proposed by J. Smith in 2019.", "Later work followed."], id="initial"),
        pytest.param("Does it scale? Yes, to 1B parameters.", ["Does it scale?", "Yes, to 1B parameters."],
                     id="question-mark"),
        pytest.param('They call it "fast." Then they test it.', ['They call it "fast."', "Then they test it."],
                     id="closing-quote"),
        pytest.param("(This was expected.) The model fails.", ["(This was expected.)", "The model fails."],
                     id="closing-bracket"),
        pytest.param("Fig. 2 shows the results. GPT vs. BERT is compared.",
                     ["Fig. 2 shows the results.", "GPT vs. BERT is compared."], id="fig-vs"),
        pytest.param("It works! We train it. 10 runs were made.", ["It works!", "We train it.", "10 runs were made."],
                     id="exclamation-and-digit-start"),
        pytest.param("The value is 5. and more follows.", ["The value is 5. and more follows."],
                     id="lower-case-start-does-not-split"),
        pytest.param("We prove it. $\\alpha$ stays small.", ["We prove it.", "$\\alpha$ stays small."],
                     id="latex-start"),
        pytest.param(
            "Latency drops to 35 ms. The model is small.", ["Latency drops to 35 ms.", "The model is small."],
            id="unit-ms-ends-a-sentence",
            marks=pytest.mark.xfail(
                reason="'ms' is in the abbreviation list (for 'Ms.'), and the list ignores case, so a sentence "
                "ending in the unit 'ms.' never ends",
                strict=True,
            ),
        ),
        pytest.param(
            "Is it robust? The answer is no. Larger models help.",
            ["Is it robust?", "The answer is no.", "Larger models help."], id="word-no-ends-a-sentence",
            marks=pytest.mark.xfail(
                reason="'no' is in the abbreviation list (for 'No. 5'), so a sentence ending in the word 'no.' "
                "runs into the next one",
                strict=True,
            ),
        ),
        pytest.param("   \n ", [], id="blank"),
        pytest.param("  No full stop at the end  ", ["No full stop at the end"], id="no-stop"),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


# --- citation markers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a claim [3].", [[3]], id="one"),
        pytest.param("a claim [1, 4].", [[1, 4]], id="comma"),
        pytest.param("a claim [2; 5].", [[2, 5]], id="semicolon"),
        pytest.param("a claim [ 7 ].", [[7]], id="inner-spaces"),
        pytest.param("a claim [1,2;3] and [12]", [[1, 2, 3], [12]], id="mixed-and-two-markers"),
        pytest.param("a footnote [a].", [], id="letter-is-not-a-marker"),
        pytest.param("a range [3a] or [] or [1,]", [], id="malformed"),
    ],
)
def test_markers_and_their_numbers(text, expected):
    assert [numbers_of(m) for m in MARKER.finditer(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("as in [3].", "as in \\[3\\].", id="one"),
        pytest.param("see [1, 4]", "see \\[1, 4\\]", id="list"),
        pytest.param("keeps [a] as it is", "keeps [a] as it is", id="not-a-marker"),
    ],
)
def test_escape_markers(text, expected):
    escaped = escape_markers(text)
    assert escaped == expected
    assert MARKER.search(escaped) is None  # escaped, it no longer parses as a citation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A claim [1].", "A claim.", id="before-stop"),
        pytest.param("X [1, 2] and Y [3; 4]", "X and Y", id="several"),
        pytest.param("Keeps [a] and [b].", "Keeps [a] and [b].", id="not-markers"),
    ],
)
def test_strip_markers(text, expected):
    assert strip_markers(text) == expected


# --- cleaning --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("$\\textbf{Only-IF}$", "Only-IF", id="bold-in-math"),
        pytest.param("see \\url{https://x.org}", "see https://x.org", id="url"),
        pytest.param("development\\url{https://x.org}", "development https://x.org", id="glued-command"),
        pytest.param("\\GitChameleon{} is a benchmark", "GitChameleon is a benchmark", id="empty-macro"),
        pytest.param("a \\emph{\\textit{nested}} word", "a nested word", id="nested"),
        pytest.param("with $x$ tokens", "with x tokens", id="plain-math"),
        pytest.param("loss $\\alpha + \\beta$ here", "loss $\\alpha + \\beta$ here", id="real-math-kept"),
        pytest.param("costs $5 and $10 per run", "costs $5 and $10 per run", id="prices-kept"),
        pytest.param("from $21,000 to $5 each", "from $21,000 to $5 each", id="price-range-kept"),
        pytest.param("from $AU355 million to $AU784 million", "from $AU355 million to $AU784 million",
                     id="currency-prefix-kept"),
        pytest.param("\\textbf{\\emph{\\url{deep}}} end", "deep end", id="three-levels"),
        pytest.param("a \\emph{x {y} z} b", "a \\emph{x {y} z} b", id="bare-brace-inside-kept"),
        pytest.param("\\emph{open \\textbf{x} end", "\\emph{open x end", id="unclosed-kept"),
        pytest.param("stray } brace", "stray } brace", id="stray-close"),
        pytest.param("\\Model{\\Tool{}} wins", "Tool wins", id="empty-macro-nested"),
        pytest.param("see textbf{this}", "see this", id="command-without-backslash"),
    ],
)
def test_strip_latex(text, expected):
    assert strip_latex(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("  a\u00a0b \n\t c  ", "a b c", id="spaces"),
        pytest.param("Cafe\u0301 \\textit{au lait}", "Caf\u00e9 au lait", id="nfc-and-latex"),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("The $\\textbf{Only-IF}$ Method:  A Study", "the only if method a study", id="latex-punct"),
        pytest.param("Caf\u00e9 \u00dcber-Models", "cafe uber models", id="diacritics"),
        pytest.param("  BERT:\nPre-training of Deep Bidirectional Transformers ",
                     "bert pre training of deep bidirectional transformers", id="spacing"),
    ],
)
def test_normalise_title(title, expected):
    assert normalise_title(title) == expected


# --- tokens ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "generic"), [
    ("LLMs", True), ("LLM-generated", True), ("AI-supported", True), ("RL-based", True),
    ("GPT-4", False), ("DeepSeek-Prover", False), ("LLM-Coder", False), ("miniF2F", False),
    ("IDE", True), ("GPUs", True),  # what many papers run in or on, no paper's name
])
def test_generic_names_and_their_compounds(name, generic):
    from rag.text.names import is_generic

    assert is_generic(name) is generic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The models are running", ["model", "run"], id="stop-words-and-stems"),
        pytest.param("state-of-the-art retrieval", ["state", "art", "retriev"], id="hyphen-split"),
        pytest.param("We use papers and abstracts", [], id="only-stop-words"),
        pytest.param("BERT-base has 110M parameters", ["bert", "base", "110m", "paramet"], id="numbers"),
        pytest.param("Transformers, TRANSFORMERS; transformer.", ["transform", "transform", "transform"],
                     id="case-and-punctuation"),
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(("text", "pairs"), [
    # Side by side only: "giving it error" makes no "giving error".
    ("and does giving it error feedback help much?", ["error feedback", "feedback help", "help much"]),
    ("Is it the best of all?", []),  # stopwords and short words make no phrase
    ("Process-level Rewards, online", ["process-level rewards", "rewards online"]),
])
def test_word_pairs(text, pairs):
    from rag.text.tokens import word_pairs

    assert word_pairs(text) == pairs


# --- fusion ----------------------------------------------------------------------------------------------------

# dense a .8 > c .6 > b .4 (min-max: a 1, c .5, b 0); BM25 b 6 > a 2 (min-max: b 1, a 0); d only in BM25 at 4 (.5).
LISTS = {
    "a": _Scores(dense=0.8, dense_rank=0, lexical=2.0, lexical_rank=2),
    "b": _Scores(dense=0.4, dense_rank=2, lexical=6.0, lexical_rank=0),
    "c": _Scores(dense=0.6, dense_rank=1),
    "d": _Scores(lexical=4.0, lexical_rank=1),
}


@pytest.mark.parametrize(
    ("scores", "settings", "expected"),
    [
        pytest.param(LISTS, {"dense_weight": 0.7, "bm25_weight": 0.3},
                     # a .7*1 + .3*0; b .7*0 + .3*1; c .7*.5 (no BM25: floor 0); d .3*.5 (no dense: floor 0)
                     {"a": 0.7, "b": 0.3, "c": 0.35, "d": 0.15}, id="convex-and-one-sided-papers"),
        pytest.param(LISTS, {"fusion": "rrf", "rrf_k": 60, "dense_weight": 1.0, "bm25_weight": 2.0},
                     # weight / (k + rank + 1), ranks counted from 0, summed over the lists a paper is in
                     {"a": 1 / 61 + 2 / 63, "b": 1 / 63 + 2 / 61, "c": 1 / 62, "d": 2 / 62}, id="rrf"),
        pytest.param(LISTS, {"retriever": "dense"}, {"a": 0.8, "b": 0.4, "c": 0.6, "d": 0.0}, id="dense-only-raw"),
        pytest.param(LISTS, {"retriever": "bm25"}, {"a": 2.0, "b": 6.0, "c": 0.0, "d": 4.0}, id="bm25-only-raw"),
        pytest.param({"a": _Scores(dense=0.5, dense_rank=0, lexical=3.0, lexical_rank=0),
                      "b": _Scores(dense=0.5, dense_rank=1)}, {},
                     # tied dense list: both its best (1); the BM25 list's only paper is its best too
                     {"a": 1.0, "b": 0.5}, id="ties-count-as-best"),
        pytest.param({}, {}, {}, id="nothing-retrieved"),
    ],
)
def test_fuse(scores, settings, expected):
    assert fuse(scores, RetrievalSettings(**settings)) == pytest.approx(expected)


# --- settings refuse unknown keys ------------------------------------------------------------------------------


def only_error(exc: pytest.ExceptionInfo[ValidationError]) -> dict:
    errors = exc.value.errors()
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize(
    ("values", "loc"),
    [
        pytest.param({"retrieval": {"toppapers": 8}}, ("retrieval", "toppapers"), id="in-group"),
        pytest.param({"answer": {"refuse_bellow": 0.3}}, ("answer", "refuse_bellow"), id="in-another-group"),
        pytest.param({"top_papers": 8}, ("top_papers",), id="top-level"),
    ],
)
def test_settings_refuse_unknown_keys(values, loc, tmp_path):
    with pytest.raises(ValidationError) as exc:
        Settings(data_dir=tmp_path, **values)
    error = only_error(exc)
    assert (error["type"], error["loc"]) == ("extra_forbidden", loc)
    assert loc[-1] in str(exc.value)


def test_settings_refuse_an_unknown_key_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PAPERCHAT_RETRIEVAL__TOPPAPERS", "8")
    with pytest.raises(ValidationError) as exc:
        Settings(data_dir=tmp_path)
    error = only_error(exc)
    assert (error["type"], error["loc"]) == ("extra_forbidden", ("retrieval", "toppapers"))


def test_cli_names_an_unknown_setting_and_exits_2(tmp_path):
    env = {**os.environ, "PAPERCHAT_RETRIEVAL__TOPPAPERS": "8", "PAPERCHAT_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "x"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    output = done.stdout + done.stderr
    assert any("unknown setting retrieval.toppapers" in line for line in output.splitlines()), output
    assert "Traceback" not in output


@pytest.mark.parametrize(("text", "names"), [
    ("We prove it in F* and run C++ and C# code.", ["F*", "C++", "C#"]),  # one letter and a sign
    ("RLCoder beats GSM8K-tuned models on miniF2F.", ["RLCoder", "GSM8K-tuned", "miniF2F"]),
    ("A plain sentence with no names.", []),
    ("Is HumanEval+ harder than MBPP, and did CodeT++ beat them?", ["HumanEval+", "MBPP", "CodeT++"]),  # signs kept
    # A letter, a number and a variant is a model's name; a number with "-based" is not.
    ("Even OpenAI o3-mini (high) and o1-preview fail; a2-based ones too.", ["OpenAI", "o3-mini", "o1-preview"]),
    ("Does it run on an iPhone or only on macOS?", ["iPhone", "macOS"]),  # a capital after a short lower-case start
])
def test_names_in_a_text(text, names):
    from rag.text.names import names_in

    assert names_in(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("We use the Mostly Basic Programming Problems set.", ["Mostly Basic Programming Problems"]),
    # Whole words only: "Repo" of "RepoEval", "Cross" of "CrossCodeEval" are no names of their own.
    ("It beats RepoCoder on CrossCodeEval and RepoEval.", []),
    ("We study Self-play with Llama3.", ["Self-play"]),
])
def test_runs_of_capitalised_words(text, names):
    from rag.text.names import capitalised_names

    assert capitalised_names(text) == names


@pytest.mark.parametrize(("text", "words"), [
    ("what are the ways people pick the best program?", ["people", "program"]),
    ("How does RLCoder's retriever work on CrossCodeEval?", ["retriever"]),  # names are looked up as names
])
def test_the_long_words_a_question_is_about(text, words):
    from rag.text.tokens import long_words

    assert long_words(text) == words


@pytest.mark.parametrize(("text", "spelled"), [
    ("which papers do repo-level completion?", "which papers do repository-level completion?"),
    ("does syntax info help?", "does syntax information help?"),
    ("SOTA on GSM8K w/o tools", "state-of-the-art on GSM8K without tools"),
    ("how do ppl do it", "how do people do it"),
    ("agents in interactive envs", "agents in interactive environments"),
    ("at what sampling temp?", "at what sampling temperature?"),
    ("to pass a uni exam", "to pass a university exam"),
    ("Pearson's r for U-Net runs", "Pearson's r for U-Net runs"),  # a letter is no clipping
    ("see config.json and eval()", "see config.json and eval()"),  # code is left as typed
    ("Repo-Instruct and RepoEval", "Repo-Instruct and RepoEval"),  # names are never changed
    ("the dev set and the prob of success", "the dev set and the prob of success"),  # two readings: left as typed
    ("HE p@1 and MBPP P@10", "HE pass@1 and MBPP pass@10"),
    # "eval" after who does it is the verb; an arrow typed in ASCII is the arrow, and before the ask a break.
    ("mbpp -> which papers eval on it", "mbpp — which papers evaluate on it"),  # before the ask: a dash
    ("the ones that eval'd against GPT-4", "the ones that evaluated against GPT-4"),
    ("the eval on HumanEval => numbers", "the evaluation on HumanEval → numbers"),
    ("the top@1 and map@5 figures", "the top@1 and map@5 figures"),  # only a "p" is pass
    ("how many test cases r in it?", "how many test cases are in it?"),  # chat's "r" after a count's noun
    ("how many runs report Pearson's r in the table?", "how many runs report Pearson's r in the table?"),
    ("whole-proof acc @64 samples?", "whole-proof acc with 64 samples?"),  # not a metric "acc@64"
    ("pass@64 samples?", "pass@64 samples?"),  # a control: a metric's own "@"
    # The verb "lean on" is no prover Lean; Lean itself, or lean in a prover's place, is left.
    ("ways to let LLMs lean on a code interpreter", "ways to let LLMs rely on a code interpreter"),
    ("does it still lean heavily on unsafe code?", "does it still rely heavily on unsafe code?"),
    ("provers written in lean on miniF2F", "provers written in lean on miniF2F"),
    ("Lean on miniF2F: which provers?", "Lean on miniF2F: which provers?"),
    # A figure said loosely ("15%ish") is about that figure; sizes in chat ("2.6bn", "150m") as abstracts write them.
    ("the gain was 15%ish right?", "the gain was about 15% right?"),
    ("a 20-ish point jump", "a about 20 point jump"),
    ("tuned from 2.6bn to 14B, and a 150m one", "tuned from 2.6B to 14B, and a 150M one"),
    ("the bn layer and the m-th token", "the bn layer and the m-th token"),  # no figure: left as typed
    ("rel improvement over prev best? code exec", "relative improvement over previous best? code execution"),
    ("evo search ones", "evolutionary search ones"),
    ("which of the readings use GSM8K?", "which of the papers use GSM8K?"),  # a lecturer's word for the papers
    ("functions like exp, incl sine", "functions like exp, incl sine"),  # could be two words: left as typed
    # with its stop before what it takes in, "including": the stop ends no sentence
    ("GSM8K (incl. enhanced versions)", "GSM8K (including enhanced versions)"),
    # the documents asked for, not documentation
    ("which docs run experiments on GSM8K?", "which documents run experiments on GSM8K?"),
    ("the docs of the library", "the documentation of the library"),
    ("which docs should I read for WebArena?", "which documentation should I read for WebArena?"),
    ("which documents report approx. 97 on HumanEval?", "which documents report approximately 97 on HumanEval?"),
    ("results incl. GSM8K. Which papers?", "results incl. GSM8K. Which papers?"),  # a stop before a capital may end
])
def test_clipped_words_are_written_out(text, spelled):
    from rag.text.clippings import spell_out

    assert spell_out(text) == spelled


def test_a_clipping_heading_a_name_the_abstracts_write_is_left_as_typed():
    from rag.text.clippings import spell_out

    written = {"repo-instruct"}.__contains__
    assert spell_out("trained on repo-instruct?", written) == "trained on repo-instruct?"  # ExecRepoBench's corpus
    assert spell_out("repo-level completion", written) == "repository-level completion"
    assert spell_out("the base ckpt", written) == "the base checkpoint"


@pytest.mark.parametrize(("question", "corpus", "english", "read"), [
    ("which papers acutally test it?", "", {"actually"}, "which papers actually test it?"),  # two letters swapped
    ("which papers actualy test it?", "", {"actually", "actual"}, "which papers actually test it?"),  # a double
    ("webarna success rate?", "We present WebArena.", set(), "webarena success rate?"),  # a letter the index has
    ("jupyter notebooks", "", {"jupiter", "notebooks"}, "jupyter notebooks"),  # a changed letter: English alone
    ("shaving compute off", "", {"shave", "having"}, "shaving compute off"),  # an inflected English word
    ("a vision encoder", "InCoder is a model.", set(), "a vision encoder"),  # never the first letter
    ("how many epochs?", "", {"epoch"}, "how many epochs?"),
    ("step-level lables", "labels and ladles", set(), "step-level lables"),  # two words one slip away: as typed
    ("Webarna scores", "We present WebArena.", set(), "Webarna scores"),  # capitalised: a name, left to the lexicon
    ("the repo.lables file", "labels", set(), "the repo.lables file"),  # code is left as typed
    # "which" and "what", however short, by a dropped, swapped or doubled letter; not a word ("wat") or a name.
    ("wich ones use isabelle", "", set(), "which ones use isabelle"),
    ("Whcih works use RL?", "", set(), "Which works use RL?"),
    ("waht is it", "", set(), "what is it"),
    ("wat is it", "", {"wat"}, "wat is it"),
    ("WHT scores", "", set(), "WHT scores"),
    # A capitalised word, a name's part, by a letter dropped, added or swapped from one word the index has; a
    # changed letter is no sign ("Claude" is no "clause").
    ("the KV Predicton paper", "KV Prediction for Improved Time to First Token", set(), "the KV Prediction paper"),
    ("Claude scores", "We add a clause.", set(), "Claude scores"),
    # An -ing form spelled as if regular, whose root passes for an inflection: put as English spells it.
    ("papers on useing RL", "", {"using", "use"}, "papers on using RL"),
    ("runing models on phones", "", {"running", "run"}, "running models on phones"),
    ("shaving compute off", "", {"shave", "saving"}, "shaving compute off"),  # a regular -ing form stays
    # Capitals for emphasis are no name; a word the corpus writes in capitals is one.
    ("papers that do BOTH RL and code", "", set(), "papers that do both RL and code"),
    ("NOT just a mention", "", set(), "not just a mention"),
    ("R2 says data is THE bottleneck", "", set(), "R2 says data is the bottleneck"),
    ("which papers use THE PILE?", "", set(), "which papers use THE PILE?"),  # a name typed in capitals
    ("results on NONE of them", "We test on NONE of the splits.", set(), "results on NONE of them"),
    # Four or five letters: a double letter typed once or two letters swapped, into the one word the index has.
    ("avg cost per isue", "on average $0.43 per issue", set(), "avg cost per issue"),
    ("the top socre", "a score of 81", set(), "the top score"),
    ("the cose of it", "the cost and the case", set(), "the cose of it"),  # a changed letter, and two words
    ("a tiny modl", "a model", set(), "a tiny modl"),  # a letter dropped from a short word: too loose a sign
    # A space left out after a short word, before one of five letters or more; a word as written stays one.
    ("as opposed tocorrectness", "", {"correctness"}, "as opposed to correctness"),
    ("work ofthe model", "", {"the"}, "work ofthe model"),  # too short to be sure
    ("papers on information retrieval", "", {"information", "formation"}, "papers on information retrieval"),
    ("which papers treat inexact proofs as failures", "", {"exact"}, "which papers treat inexact proofs as failures"),
])
def test_a_typing_slip_is_put_right_only_when_sure(question, corpus, english, read):
    from rag.text.typos import correct_slips
    from rag.text.vocabulary import Vocabulary

    assert correct_slips(question, Vocabulary(corpus), frozenset(english)) == read


@pytest.mark.parametrize(("question", "corpus", "read"), [
    # A word in capitals where stress falls, which the corpus writes in lower case: stressed, no name.
    ("whether it's FAST", "code that runs fast.", "whether it's fast"),
    ("must be FAST and cheap", "code that runs fast.", "must be fast and cheap"),
    ("is it really FASTER", "it runs faster.", "is it really faster"),
    ("contests with FEWER than 5,000", "with fewer tokens.", "contests with FEWER than 5,000"),  # no stress position
    # Where a name stands, or a name the corpus writes in capitals or lacks: as typed.
    ("which paper introduces CRITIC?", "we train a critic model.", "which paper introduces CRITIC?"),
    ("results on TRACE", "we trace the program.", "results on TRACE"),
    ("Is TRACE used as a benchmark?", "we trace the program.", "Is TRACE used as a benchmark?"),  # a question's verb
    ("both HumanEval and TRACE", "we trace the program.", "both HumanEval and TRACE"),  # joined to a name
    ("is it MARIO", "We train MARIO on data. We see that MARIO wins.", "is it MARIO"),
    ("is it CUDA", "code that runs fast.", "is it CUDA"),
    ("is it RAG", "a rag doll.", "is it RAG"),  # three letters: an acronym as often as a word
    # a degree asked with "how", and a verb before its object: English will do there
    ("how CHEAP is a paper?", "a cheaper run.", "how cheap is a paper?"),
    ("HOW BIG is the dataset?", "a large set.", "how big is the dataset?"),
    ("which papers actually USE the AST?", "we use the AST.", "which papers actually use the AST?"),
    ("papers that TRACE the program", "we trace the program.", "papers that trace the program"),
    ("how CUDA is used", "code that runs fast.", "how CUDA is used"),  # no word after "how" that asks a degree
    ("acceptance rate AFTER their method", "after that we won.", "acceptance rate AFTER their method"),  # not a verb
    ("pass@1 on APPS that beats AlphaCode?", "apps that run.", "pass@1 on APPS that beats AlphaCode?"),  # a name
    ("does any paper beat GPT-4 on SPIDER this year?", "a spider web.",
     "does any paper beat GPT-4 on SPIDER this year?"),
    ("which papers really SPIDER the web?", "code.", "which papers really SPIDER the web?"),  # the abstracts lack it
])
def test_a_word_typed_in_capitals_for_stress_is_read_in_lower_case(question, corpus, read):
    from rag.text.typos import unstressed
    from rag.text.vocabulary import Vocabulary

    assert unstressed(question, Vocabulary(corpus)) == read


def test_english_is_the_shipped_vocabularies():
    from rag.text.typos import english_words

    words = english_words()
    assert {"actually", "notebooks", "backend", "bcrypt"} <= words  # tiktoken has the plurals and code words
    assert "actualy" not in words


@pytest.mark.parametrize(("word", "english", "compound"), [
    ("supercomputers", {"super", "computers"}, True),
    ("supercomputer", {"super", "computer"}, True),
    ("verilog", {"very", "log"}, False),  # a name: no two English words make it
    ("vhdl", set(), False),
])
def test_two_english_words_run_together_are_english(word, english, compound):
    from rag.text.typos import compound_word

    assert compound_word(word, frozenset(english)) is compound


@pytest.mark.parametrize(("sentence", "spells_out"), [
    ("Specifically, we adopted a unified tree structure to explore different coding strategies.", True),
    ("In particular, the verifier ranks partial paths.", True),
    ("More specifically, it masks AST nodes.", True),
    ("Specific cases are rare.", False),  # "Specific", not "Specifically"
    ("We propose CodeTree, a framework for LLM agents.", False),
])
def test_a_sentence_that_spells_out_the_one_before_it(sentence, spells_out):
    from rag.text.sentences import elaborates

    assert elaborates(sentence) is spells_out


@pytest.mark.parametrize(("sentence", "limits"), [
    ("However, this only holds with a human in the loop.", True),
    ("But the gains vanish on harder splits.", True),
    ("Nonetheless, few iterations were needed.", True),
    ("In contrast, cross-domain data helps.", True),
    ("Butterfly networks are used.", False),  # a word starting with "But"
    ("Yesterday's models fail.", False),
    ("We show that however you sample, accuracy rises.", False),  # not where the sentence starts
])
def test_a_sentence_that_limits_the_one_before_it(sentence, limits):
    from rag.text.sentences import qualifies

    assert qualifies(sentence) is limits


# An abstract-like corpus: joined names, a definition in brackets, and initialisms it writes itself.
_CORPUS = ("We evaluate on HumanEval, LiveCodeBench and CodeContests. We combine reasoning in Natural Language (NL) "
           "with proofs. Reinforcement Learning (RL) helps; we use RL and NL reasoning. CodeChef and CodeContests.\n"
           "Towards Neural Synthesis for SMT-Assisted Proof-Oriented Programming\nSmall Models Work; Small Models Win")


@pytest.mark.parametrize(("text", "read"), [
    ("CodeTree numbers for HE, MBPP and LCB pls", "CodeTree numbers for HumanEval, MBPP and LiveCodeBench pls"),
    # Words the question writes beside an initialism the abstracts write more often than those words: kept as typed.
    ("better than natural language, despite tuning on NL?", "better than natural language, despite tuning on NL?"),
    ("where is RL used, what is trained with reinforcement learning?", "where is RL used, what is trained with "
                                                                        "reinforcement learning?"),
    # Left as typed: two joined names with its capitals, words after it that no abstract defines it as, a
    # definition typed in the question, a plural with no words, one the abstracts write.
    ("the CC numbers", "the CC numbers"),                                   # CodeChef or CodeContests
    ("which papers test AI agents acting inside games?", "which papers test AI agents acting inside games?"),
    ("gains in edit similarity (ES)?", "gains in edit similarity (ES)?"),
    ("ES (edit similarity) gains?", "ES (edit similarity) gains?"),
    ("how many HEs", "how many HEs"),
    ("RL for code", "RL for code"),
    ("what about XYZ?", "what about XYZ?"),                                 # nothing spells it: an unknown name
    # a compound's words one by one, and a slash joining the initialism to a word as its alternative
    ("out-of-domain results vs its in-domain/OOD gains?",
     "out-of-domain results vs its in-domain/out of domain gains?"),
    ("How does DotaMath do on OOD benchmarks?", "How does DotaMath do on OOD benchmarks?"),
    ("CI/CD pipelines", "CI/CD pipelines"),
    # The one run of capitalised words, as a title writes it, with those initials; two runs: left as typed.
    ("the SMT-assisted POP paper", "the SMT-assisted proof-oriented programming paper"),
    ("the SMW paper", "the SMW paper"),
])
def test_initialisms_are_read_as_what_they_stand_for_when_certain(text, read):
    from rag.text.initialisms import spell_initialisms

    written = re.compile(r"\b(?:RL|NL|MBPP)\b").search
    assert spell_initialisms(text, _CORPUS, lambda name: written(name) is not None) == read


@pytest.mark.parametrize(("text", "read"), [
    # the abstracts' commoner form of the two the question writes
    ("where is RL used, what is trained with reinforcement learning?",
     "where is reinforcement learning used, what is trained with reinforcement learning?"),
    ("results on MBPP the mostly basic programming problems thing", "results on MBPP the mostly basic programming "
                                                                    "problems thing"),
])
def test_an_initialism_and_its_words_are_read_as_the_abstracts_mostly_write_them(text, read):
    from rag.text.initialisms import spell_initialisms

    corpus = ("Reinforcement Learning (RL) helps. We use reinforcement learning. Reinforcement learning again.\n"
              "Mostly Basic Programming Problems (MBPP). We test on MBPP. MBPP again.")
    assert spell_initialisms(text, corpus, lambda name: name in corpus) == read


# --- dictation ---------------------------------------------------------------------------------------------------

# Abstract-like text: names written as one token, a version after a name, and a name written as words.
_SPOKEN = ("We report on HumanEval, miniF2F-test and LiveCodeBench with GPT-4 and o3-mini; DeepSeek-Prover proves "
           "Lean 4 theorems. MA-LoT beats it. Stable Code 3B and StableCode-3b are both written. CodeTree wins. "
           "Repository-Level code completion is hard. It works across 4 benchmarks, Code2Inv too. Only-IF holds. "
           "AlphaCode ranks on the Codeforces platform. Leveraging search helps.")


@pytest.mark.parametrize(("text", "read"), [
    ("it got sixty one point seven percent", "it got 61.7%"),
    ("fifteen point one percent better", "15.1% better"),
    ("solved one hundred and twenty three tasks", "solved 123 tasks"),
    ("what's the pass at one and pass at k", "what's the pass@1 and pass@k"),
    ("ninety five percent of them", "95% of them"),
    ("how did GPT four do in lean four", "how did GPT-4 do in lean 4"),
    ("qwen math seven B base, the one hundred fifty M model", "qwen math 7B base, the 150M model"),
    ("a B grade", "a B grade"),
    ("qwen two point five seven B", "qwen 2.5 7B"),            # the decimal is not the size's
    ("one hundred and fifty M", "150M"),
    ("improve by point seven percent", "improve by point seven percent"),  # no whole part: left as said
    ("one hundred two hundred", "one hundred two hundred"),    # no one number
    ("pass at zero", "pass@0"),
    ("across four benchmarks", "across four benchmarks"),      # a count written "across 4", no version
    ("does it write code two times faster", "does it write code two times faster"),  # "Code2Inv" is a name
    # Words that are no number here: a pronoun, a count of papers, digits read out one by one.
    ("which one is better, the two papers or one", "which one is better, the two papers or one"),
    ("the top five papers", "the top five papers"),
    ("codes one two three", "codes one two three"),
    # A count from ten said as a bound is the figure a list's bound reads; small counts and bare counts stay words.
    ("evaluate twenty or more LLMs", "evaluate 20 or more LLMs"),
    ("at least fifty problems", "at least 50 problems"),
    ("a hundred or more tries", "100 or more tries"),
    ("one or more benchmarks", "one or more benchmarks"),
    ("over ten programming languages", "over ten programming languages"),  # abstracts write small counts in words
    ("twenty papers", "twenty papers"),
])
def test_numbers_in_words_are_written_as_digits_where_they_can_only_be_numbers(text, read):
    from rag.text.spoken import spell_numbers

    assert spell_numbers(text, _SPOKEN) == read


@pytest.mark.parametrize(("text", "read"), [
    ("what did deep seek prover get on mini f2f test", "what did DeepSeek-Prover get on miniF2F-test"),
    ("human eval and live code bench", "HumanEval and LiveCodeBench"),
    ("ma lot versus code tree", "MA-LoT versus CodeTree"),
    ("o3 mini results", "o3-mini results"),
    # Left as typed: words an abstract writes apart ("Stable Code 3B"), a hyphened phrase in title case, words set
    # apart by a comma.
    ("Stable Code 3B tokens", "Stable Code 3B tokens"),
    ("repository level code completion", "repository level code completion"),
    ("code, tree", "code, tree"),
    ("about code. Tree search", "about code. Tree search"),  # a full stop between them
    ("tested on human eval.", "tested on HumanEval."),       # and it stays
    ("does it help only if the tests pass?", "does it help only if the tests pass?"),  # stopwords are no name
    # A hyphen beside a space: the name typed half joined ("ma-lot" is MA-LoT written so, "deepseek-prover 7b" is
    # no name the abstracts have); a hyphened word alone is typed as meant.
    ("deep seek-prover results", "DeepSeek-Prover results"),
    ("live-code bench", "LiveCodeBench"),
    ("code-tree", "code-tree"),
    # A capitalised word English lacks, written so inside a sentence, is a name too; not a word only starting one.
    ("ranked on code forces", "ranked on Codeforces"),
    ("lever aging search", "lever aging search"),
])
def test_a_name_dictation_splits_into_words_is_joined_as_the_abstracts_write_it(text, read):
    from rag.text.spoken import join_split_names

    assert join_split_names(text, _SPOKEN) == read


@pytest.mark.parametrize(("text", "read"), [
    ("what was its ranking on codeforces comma I think", "what was its ranking on codeforces, I think"),
    ("from copilot to pilot paper comma does copilot follow idioms question mark", "from copilot to pilot paper, "
                                                                                  "does copilot follow idioms?"),
    ("so full stop what did it find", "so. what did it find"),
    ("is the output comma-separated?", "is the output comma-separated?"),  # part of a word
    ("does colon cancer risk drop?", "does colon cancer risk drop?"),  # a word the abstracts use
])
def test_punctuation_said_aloud_is_written_as_marks(text, read):
    from rag.text.spoken import spoken_marks

    assert spoken_marks(text, "Colon cancer was studied.") == read


@pytest.mark.parametrize(("name", "text", "found"), [
    ("OPT", "an increase of 5.6% concerning the %OP T and SP metrics", True),  # split by PDF extraction
    ("OPT", "an increase concerning the %OPT metric", True),
    ("OPT", "OP TIMES", False),
    ("GPT", "G PT", False),  # only before the last letter
    ("llama3-8b", "fine-tuned Llama3- 8B solves", True),  # a hyphen with a space after it, as PDFs split names
    ("llama3-8b", "Llama3 8B", True),
    ("llama3-8b", "Llama3-  8B", False),
    # A name's quality said as a noun is what the adjective names.
    ("Turing-completeness", "the language is Turing-complete", True),
    ("Turing-completeness", "is Turing Complete", True),
    ("Turing-completeness", "Turing-completeness holds", True),
    ("Turing-completeness", "Turing machines", False),
    # An acronym that is an English word in lower case names its benchmark only in capitals.
    ("MATH", "accuracy rates on math tasks", False),
    ("MATH", "on the GSM8K and MATH datasets", True),
    ("MBPP", "results on mbpp", True),  # no English word: any case
    # A lone letter after a hyphen keeps it: run together, "MultiPL-E" is "multiple".
    ("MultiPL-E", "experiments across multiple domains", False),
    ("MultiPL-E", "evaluated on MultiPL-E and ExecRepoBench", True),
    ("GPT-4", "gpt4 results", True),
])
def test_an_acronym_split_before_its_last_letter_is_still_named(name, text, found):
    from rag.text.names import mention_pattern

    assert (mention_pattern(name).search(text) is not None) is found


@pytest.mark.parametrize(("word", "known"), [
    ("hinge", True),  # the tables list only its plural: a word English has all the same
    ("verilog", False),  # a name no table has in any form
    ("teh", False),
])
def test_a_word_is_english_when_the_tables_have_an_inflection_of_it(word, known):
    from rag.text.typos import known_word
    from rag.text.vocabulary import Vocabulary

    assert known_word(word, Vocabulary(""), frozenset({"hinges", "the"})) is known


@pytest.mark.parametrize(("question", "read"), [
    ("wich papers tackle inference latency?", "which papers tackle inference latency?"),  # tiktoken has "wich"
    ("From an llm-ops seat: wich ones use RL?", "From an llm-ops seat: which ones use RL?"),
    ("wat is it", "wat is it"),  # a word English writes
])
def test_a_question_word_slip_is_put_right_against_the_shipped_vocabularies(question, read):
    from rag.text.typos import correct_slips
    from rag.text.vocabulary import Vocabulary

    assert correct_slips(question, Vocabulary("")) == read


@pytest.mark.parametrize(("question", "read"), [
    # an emoji between a label and the ask ends the label's sentence; one at either end goes
    ("old school vibes 📼 which papers mention Codex?", "old school vibes. which papers mention Codex?"),
    ("which benchmarks get refreshed? 🔄", "which benchmarks get refreshed?"),
    ("hot take: it can't run code 🤔 which papers trace it?", "hot take: it can't run code. which papers trace it?"),
    ("agents in environments 🎮🌐 which papers?", "agents in environments. which papers?"),
    # hashtags tag the post before or after it; inside a sentence the word is meant
    ("which papers touch Isabelle at all? 🤔 #AI4Math", "which papers touch Isabelle at all?"),
    ("#AI4Math 🧵 pt2: formal proving lacks data. what are the ways?", "formal proving lacks data. what are the ways?"),
    ("which #Lean papers report miniF2F?", "which Lean papers report miniF2F?"),
    # chat's interjections, with one comma beside them
    ("LLM-driven or classic, idc, just want the list", "LLM-driven or classic, just want the list"),
    ("ngl, which papers use Lean lol.", "which papers use Lean."),
    # a plus typed for "and" before a second ask, not between names
    ("which of those is the multi-agent one 👀 + what's its score", "which of those is the multi-agent one, and what's "
                                                                     "its score"),
    ("which papers do LLM + Lean proving?", "which papers do LLM + Lean proving?"),
    # a tag a word before it wants as its object, or one that starts the question, is its word
    ("which papers evaluate on #HumanEval", "which papers evaluate on HumanEval"),
    ("#HumanEval scores for FunCoder?", "HumanEval scores for FunCoder?"),
    ("papers on synthesis with #RL", "papers on synthesis with RL"),
    ("which papers evaluate #MMLU", "which papers evaluate MMLU"),
    ("#ProofNet-valid scores for STP?", "ProofNet-valid scores for STP?"),
    ("#AutoCodeRover | how much per issue?", "AutoCodeRover | how much per issue?"),
    ("which papers benchmark 🐍 Python code completion?", "which papers benchmark Python code completion?"),
    # an emoji inside a sentence is a space; a comma after an interjection stays
    ("translates C to Rust 🦀 safely?", "translates C to Rust safely?"),
    ("humaneval is everywhere tbh, which papers use it?", "humaneval is everywhere, which papers use it?"),
    # not IMO (the olympiad), C#, arrows or signs
    ("the Lean IMO one", "the Lean IMO one"),
    ("C# code generation papers?", "C# code generation papers?"),
    ("offline benchmarks ≈ real-world usage -> true?", "offline benchmarks ≈ real-world usage -> true?"),
    ("lol", "lol"),  # nothing else: kept as typed
    # a word starred after the question corrects the one a slip from it; emphasis and arithmetic stay
    ("any paper doing theorem proving in cog?\n*Coq", "any paper doing theorem proving in Coq?"),
    ("who scores higher: MA-LoT or STP? all learn 4 i think\n*Lean", "who scores higher: MA-LoT or STP? all Lean 4 i "
                                                                     "think"),
    ("which papers use HumanEval? *MBPP", "which papers use HumanEval? *MBPP"),
    ("what is *this*", "what is *this*"),
])
def test_a_posts_emoji_hashtags_and_interjections_are_taken_out(question, read):
    from rag.text.social import without_post_marks

    assert without_post_marks(question) == read


@pytest.mark.parametrize(("question", "read"), [
    # a pause filled inside a dictated question is where a comma would be; one first says nothing
    ("a multi agent framework um multiple LLM agents working together",
     "a multi agent framework, multiple LLM agents working together"),
    ("um which papers use lean", "which papers use lean"),
    ("the UM benchmark", "the UM benchmark"),  # a name in capitals
    ("papers on Lumber", "papers on Lumber"),  # inside a word
])
def test_a_dictated_pause_is_a_comma(question, read):
    from rag.text.spoken import as_dictated

    assert as_dictated(question, "") == read


@pytest.mark.parametrize(("question", "read"), [
    # a list asked in Spanish, with and without accents
    ("qué papers usan SWE-bench?", "which papers use SWE-bench?"),
    ("que papers mencionan Turing completeness? curiosidad mía jaja", "which papers mention Turing completeness? just "
                                                                       "curious"),
    ("cuáles hacen fine-tuning sobre un modelo base de DeepSeek?", "which papers do fine-tuning on a base model of "
                                                                   "DeepSeek?"),
    ("busco papers sobre LLMs para código de HPC. cuáles hay?", "I am looking for papers about LLMs for code of HPC. "
                                                                "which are there?"),
    ("papers que intentan bajar la latency", "papers that try to reduce the latency"),
    # the adjective before its noun, a noun typed in English too
    ("pueden modelos pequeños fine-tuneados competir con GPT-4?", "can small fine-tuned models compete with GPT-4?"),
    ("qué papers proponen benchmarks nuevos?", "which papers propose new benchmarks?"),
    # the verb of a question after its subject, or "they" where Spanish leaves the subject out
    ("qué dicen los papers sobre el contexto?", "what do the papers say about the context?"),
    ("si samplean muchos programas candidatos, qué estrategias usan los papers?",
     "if they sample many candidate programs, which strategies do the papers use?"),
    ("cómo la consiguen aumentar?", "how do they manage to increase?"),
    ("MBPP o BigCodeBench — en qué se diferencian los problemas?",
     "MBPP or BigCodeBench — how do the problems differ?"),
    # "como" without its accent asks only first; a tag "no?" asks to confirm
    ("dime los papers, ya sea como benchmark o como fuente de datos",
     "tell me the papers, whether as benchmark or as source of data"),
    ("los dos usan token types, no?", "both use token types, right?"),
    ("matemáticas de nivel undergraduate", "undergraduate-level math"),
    # English, and names, as typed: no word English never writes
    ("which papers use Lean or Coq?", "which papers use Lean or Coq?"),
    ("what does the Meta Agent Search paper say about the base model?", "what does the Meta Agent Search paper say "
                                                                         "about the base model?"),
    ("pros and cons of a solo agent vs a team", "pros and cons of a solo agent vs a team"),
    ("what pass@10 does GPT-4o get? creo que era bajísimo", "what pass@10 does GPT-4o get? I think it was very low"),
    ("Which papers introduce a benchmark, i.e. a new evaluation set?", "Which papers introduce a benchmark, i.e. a new "
                                                                        "evaluation set?"),
    ("Hay et al. introduce which benchmark?", "Hay et al. introduce which benchmark?"),
    ("Los Alamos folks: which papers reduce latency?", "Los Alamos folks: which papers reduce latency?"),
    # a count asked before its verb and subject; a phrase's English is not read again
    ("cuántas subáreas cubre CS-Bench?", "how many subareas does CS-Bench cover?"),
    ("cuánto cuesta usar AutoCodeRover por issue?", "how much does it cost to use AutoCodeRover per issue?"),
    ("necesito los papers que tiran de evolutionary search", "I need the papers that use evolutionary search"),
    ("qué papers usan, e.g., Lean?", "which papers use, e.g. Lean?"),
    # chat's spellings, bounds, the "a" before a named object, the imperfect
    ("q papers usan miniF2F?", "which papers use miniF2F?"),
    ("xq AlphaCode necesita tanto sampling?", "why AlphaCode needs so much sampling?"),
    ("¿qué papers sacan más del 80% en GSM8K?", "which papers get more than 80% in GSM8K?"),
    ("qué modelo supera a GPT-4 en HumanEval?", "which model outperforms GPT-4 in HumanEval?"),
    ("¿cuántos usuarios tenía Code4Me?", "how many users had Code4Me?"),
    # English words a rule makes from a Spanish verb, and other languages, as typed
    ("compile papers with no released code", "compile papers with no released code"),
    ("automated discovery: which papers, for the related-work para", "automated discovery: which papers, for the "
                                                                      "related-work para"),  # a paragraph
    ("which papers handle todos in code comments?", "which papers handle todos in code comments?"),
    ("qual é o resultado do STP no miniF2F?", "qual é o resultado do STP no miniF2F?"),
    ("quali paper usano la tecnica migliore su miniF2F?", "quali paper usano la tecnica migliore su miniF2F?"),
])
def test_spanish_mixed_into_a_question_is_read_in_english(question, read):
    from rag.text.spanish import in_english

    assert in_english(question) == read


@pytest.mark.parametrize(("question", "read"), [
    # a set of papers asked for by its letter is the list
    ("Let T = {papers whose experiments involve SWE-bench}. Determine T.",
     "which papers whose experiments involve SWE-bench?"),
    ("Let S be the set of papers in which proofs are checked in Lean (Lean 4 counts; a mention does not). What is S?",
     "which papers where proofs are checked in Lean (Lean 4 counts; a mention does not)?"),
    ("Let E be the set of papers p s.t. p tests code execution, i.e. p ∈ E iff it traces programs. Is |E| > 2? List E.",
     "which papers that tests code execution?"),
    ("S := {p : p uses Lean}. List S.", "which papers uses Lean?"),
    # a set that is not asked for, another set asked for, or a "let" of English, is as typed
    ("Let S be the set of papers on HumanEval, and T those on MBPP. What is S \\ T?",
     "Let S be the set of papers on HumanEval, and T those on MBPP. What is S \\ T?"),
    ("Let S be the set of papers that use Lean. Which of them use Isabelle too?",
     "Let S be the set of papers that use Lean. Which of them use Isabelle too?"),
    ("let me know which papers use Lean", "let me know which papers use Lean"),
    # LaTeX: text commands unwrapped, signs read; prices kept
    ("which papers report $\\text{pass}@1$ $\\geq 50\\%$?", "which papers report pass@1 ≥ 50%?"),
    ("conjectures for $\\zeta(3)$?", "conjectures for zeta(3)?"),
    ("does it cost $5 or $10 per issue?", "does it cost $5 or $10 per issue?"),
    ("Does AutoCodeRover cost $0.43 per issue, vs $15 for the AI Scientist?",
     "Does AutoCodeRover cost $0.43 per issue, vs $15 for the AI Scientist?"),
    # a mathematician's asides
    ("WLOG restrict to code completion: how do the papers reduce latency?",
     "restrict to code completion: how do the papers reduce latency?"),
    ("Which papers feed ASTs? NB a paper that avoids them does not count.",
     "Which papers feed ASTs? a paper that avoids them does not count."),
    ("the NB classifier paper", "the NB classifier paper"),
    # the k of a pass@k said apart
    ("What pass@$k$ does PlanSearch report for $k = 200$?", "What pass@200 does PlanSearch report?"),
])
def test_a_mathematicians_notation_is_read_in_words(question, read):
    from rag.text.notation import in_words

    assert in_words(question) == read


@pytest.mark.parametrize(("question", "run"), [
    # a string alone, run as typed (its remark in brackets and "anywhere in the abstract" aside)
    ("abs:Bellman*", "abs:Bellman*"),
    ('"Turing complete" OR "Turing-complete" anywhere in the abstract',
     '"Turing complete" OR "Turing-complete" anywhere in the abstract'),
    ("SELECT title FROM papers WHERE abstract LIKE '%theorem%' AND abstract NOT LIKE '%Lean%'",
     "SELECT title FROM papers WHERE abstract LIKE '%theorem%' AND abstract NOT LIKE '%Lean%'"),
    ('TITLE-ABS-KEY("code completion") AND TITLE-ABS-KEY(latency)',
     'TITLE-ABS-KEY("code completion") AND TITLE-ABS-KEY(latency)'),
    ("code AND energy AND NOT survey", "code AND energy AND NOT survey"),
    # a list asked in words after it: the string is the criterion; "-- NOT ..." leaves out
    ("conjectur* -> which papers have a system that makes its own conjectures?", "conjectur*"),
    ("abs:HumanEval (HumanEval+ counts too). I want every paper that evaluates on it", "abs:HumanEval"),
    ('"evolutionary search" OR "genetic programming" -- NOT "software evolution" (false drops)',
     '("evolutionary search" OR "genetic programming") AND NOT ("software evolution")'),
    # a narrower list in words, a pick, a question across the papers it finds: no run
    ("agent* -> which papers evaluate on Minecraft?", ""),
    ("PlanSearch AND CodeTree -> which is better on HumanEval?", ""),
    ("(tool* OR API*) AND agent* -> how do these papers connect models to tools?", ""),
    # no search string: a name with a star, bold, a word in capitals for stress, a plain question with an aside,
    # labels, requests and claims with a word in capitals
    ("The C-to-safe-Rust paper translated HACL*. How large is the library?", ""),
    ("**pseudocode vs natural language** — which guides LMs better?", ""),
    ("which abstracts contain it? I'm NOT counting typos", ""),
    ("Hi all: quick one. Which papers use Lean?", ""),
    ("Title: DotaMath. Which datasets does it train on?", ""),
    ("Summarize PlanSearch AND CodeTree", ""),
    ("AlphaCode did NOT use RL", ""),
    ("pass@1 OR pass@k, whichever they report, for AlphaCode", ""),
    ("which papers make code faster? (code optimi* OR efficient) -- not model inference", ""),
])
def test_a_librarians_search_string_is_run_as_typed(question, run):
    from rag.text.search_strings import string_run

    assert string_run(question) == run


@pytest.mark.parametrize(("question", "read"), [
    # what the plan reads: a list of the papers mentioning the string's terms (the string itself is run)
    ('(Isabelle OR "Isabelle/HOL") AND NOT Coq', "which papers mention Isabelle or Isabelle/HOL?"),
    ('"energy efficien*" OR green -- who looks at energy use?', "which papers mention “energy efficien” or green?"),
    # a narrower list in words: the words; another question, or no string: as typed
    ("agent* -> which papers evaluate on Minecraft?", "which papers evaluate on Minecraft?"),
    ("PlanSearch AND CodeTree -> which is better on HumanEval?",
     "PlanSearch AND CodeTree -> which is better on HumanEval?"),
    ("Summarize PlanSearch AND CodeTree", "Summarize PlanSearch AND CodeTree"),
])
def test_a_question_with_a_search_string_is_planned_as_its_list(question, read):
    from rag.text.search_strings import in_words

    assert in_words(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("Kindly list the papers that use GPT-4o.", "list the papers that use GPT-4o."),
    ("Sir kindly tell which papers use Rust.", "tell which papers use Rust."),
    ("Respected sir, kindly tell which papers use MBPP.", "tell which papers use MBPP."),
    ("which papers are using Codex? pls do the needful asap and share same", "which papers are using Codex?"),
    ("what all papers are using Lean? pls do the needful", "which papers are using Lean?"),
    ("Can you explain what all they found, sir?", "Can you explain what they found?"),
    ("Which benchmarks does STP report? Please revert at the earliest.", "Which benchmarks does STP report?"),
    # words of the topic are kept: a "sir" inside a name, "all" without "what"
    ("which papers cite Sirius or list all benchmarks?", "which papers cite Sirius or list all benchmarks?"),
    ("Which papers compare to SIR?", "Which papers compare to SIR?"),
    ("which abstracts use the word 'kindly'?", "which abstracts use the word 'kindly'?"),
    ("What all the papers share is a benchmark", "What all the papers share is a benchmark"),
    ("What all-to-all attention do they use?", "What all-to-all attention do they use?"),
])
def test_courtesies_of_south_asian_english_are_read_plainly(question, read):
    from rag.text.courtesy import plain_courtesy

    assert plain_courtesy(question) == read


@pytest.mark.parametrize(("string", "title", "abstract", "found"), [
    ("(ChatGPT OR GPT-4) AND mathemat*", "", "We test GPT-4 on mathematical proofs.", True),
    ("(ChatGPT OR GPT-4) AND mathemat*", "", "We test GPT-4 on code.", False),
    ("Lean AND NOT Isabelle", "", "Proofs in Lean 4.", True),
    ("Lean AND NOT Isabelle", "", "Proofs in Lean and Isabelle.", False),
    ("ti:(code AND completion)", "Code completion at scale", "", True),
    ("ti:(code AND completion)", "A study", "Code completion at scale.", False),
    ("abs:verifier", "", "Outcome verifiers and verifier-based search.", True),
    ('"test time" OR "inference-time"', "", "Scaling test-time compute.", True),
    # a name in capitals is that name; SQL's conditions, NOT LIKE among them
    ("(GSM8K OR MATH) AND tool-use", "", "Math problems with tool-use.", False),
    ("(GSM8K OR MATH) AND tool-use", "", "On MATH with tool-use.", True),
    ("SELECT title FROM papers WHERE abstract LIKE '%theorem%' AND abstract NOT LIKE '%Lean%'", "",
     "Theorem proving in Isabelle.", True),
    ("SELECT title FROM papers WHERE abstract LIKE '%theorem%' AND abstract NOT LIKE '%Lean%'", "",
     "Theorem proving in Lean.", False),
])
def test_a_search_string_finds_the_papers_a_database_would(string, title, abstract, found):
    from rag.text.boolean_search import parse

    search = parse(string)
    assert search is not None and search.holds(title, abstract) is found


@pytest.mark.parametrize("string", ["((Lean OR Isabelle)", "Lean AND", "OR"])
def test_a_search_string_that_does_not_parse_is_no_search(string):
    from rag.text.boolean_search import parse

    assert parse(string) is None


@pytest.mark.parametrize(("question", "read"), [
    ("Hi paperchat,\n\nCould you let me know which papers use Lean?\n\nThanks in advance,\nMaria",
     "Could you let me know which papers use Lean?"),
    ("which papers use Lean? thanks!", "which papers use Lean?"),
    ("Which papers use Lean? Cheers, Tom", "Which papers use Lean?"),
    ("Dear all, which papers use Lean? Best regards", "which papers use Lean?"),
    ("Good morning team - which papers use Lean?", "which papers use Lean?"),
    ("Thanks in advance! Which papers use Lean?", "Which papers use Lean?"),
    # a P.S. is part of the question; the sign-off before it goes
    ("Which papers use Lean? Thanks a lot for any pointers, J.\nP.S. only Lean 4 counts",
     "Which papers use Lean? only Lean 4 counts"),
    # no greeting in a word, no sign-off that asks, no PostScript as a P.S., a lone "thanks" as typed
    ("Hi-res images: which papers?", "Hi-res images: which papers?"),
    ("Which model is best? Best open model?", "Which model is best? Best open model?"),
    ("Which papers use PS files?", "Which papers use PS files?"),
    ("thanks", "thanks"),
    ("Hi paperchat — which papers use Lean — thanks!", "which papers use Lean"),
    ("Which papers use Lean?\n--\nMaria", "Which papers use Lean?"),
    ("Hi Maria, which papers use Lean?", "which papers use Lean?"),
    # what a greeting's or a closing's words say of the question stays
    ("Which papers use PS-Bench?", "Which papers use PS-Bench?"),
    ("Best-of-n sampling. Which papers use it?", "Best-of-n sampling. Which papers use it?"),
    ("Thanks to Lean, proofs are checkable. Which papers?", "Thanks to Lean, proofs are checkable. Which papers?"),
    ("Which papers use Lean? Best if they include IMO.", "Which papers use Lean? Best if they include IMO."),
    ("Dear GitChameleon authors, how many problems?", "Dear GitChameleon authors, how many problems?"),
    ("Hi Isabelle users: which papers?", "Hi Isabelle users: which papers?"),
])
def test_a_letters_greeting_and_sign_off_are_not_the_question(question, read):
    from rag.text.letters import without_letter

    assert without_letter(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("Q1. Which of these uses Lean? (a) STP (b) AlphaCode (c) FVEL (d) none of the above -- mark every correct option",
     "which of STP, AlphaCode and FVEL uses Lean?"),
    ("Which of these train with RL? Select all that apply: (a) B-Coder (b) RLCoder (c) CodeFill",
     "which of B-Coder, RLCoder and CodeFill train with RL?"),
    ("Q9 multiple choice, more than one may be right: which benchmark is new? A. Codev-Bench B. CodeFill",
     "which of Codev-Bench and CodeFill is new?"),
    ("Which papers evaluate on SWE-bench? a) WebArena b) SWE-agent",
     "which of WebArena and SWE-agent evaluate on SWE-bench?"),
    ("Q10. What are the ways papers make completion cheaper?", "What are the ways papers make completion cheaper?"),
    ("Fill in the blanks: ___ and ___ are the papers that build math data from GSM8K.",
     "Which papers build math data from GSM8K."),
    # "select all" of a noun is the ask; a blank for a figure, a lettered aside and a number in a name stay
    ("Select all papers that use the AST.", "Select all papers that use the AST."),
    ("STP reaches ___ on miniF2F-test.", "STP reaches ___ on miniF2F-test."),
    ("Which model does a) use? b) what", "Which model does a) use? b) what"),
    ("Q-learning in which papers?", "Q-learning in which papers?"),
    ("Two questions: (a) which papers use Lean? (b) which use Isabelle?",
     "Two questions: (a) which papers use Lean? (b) which use Isabelle?"),
    # options that are no papers: what the question asks of its subject; a question after the options kept
    ("Q12: which of these benchmarks does CodeTree report on? (a) HumanEval (b) MBPP (c) miniF2F",
     "which benchmarks does CodeTree report on?"),
    ("Consider: (a) DotaMath (b) MARIO. How do their datasets differ?",
     "DotaMath and MARIO: How do their datasets differ?"),
    ("Which papers fine-tune StarCoder? (select all)", "Which papers fine-tune StarCoder?"),
    ("Fill in the blank: the ____ algorithm builds on Berlekamp-Massey.",
     "which algorithm builds on Berlekamp-Massey."),
])
def test_quiz_material_is_read_as_the_question_it_asks(question, read):
    from rag.text.quiz import as_asked

    papers = {"STP", "AlphaCode", "FVEL", "B-Coder", "RLCoder", "CodeFill", "Codev-Bench", "WebArena", "SWE-agent",
              "DotaMath", "MARIO"}
    assert as_asked(question, lambda name: name in papers) == read


@pytest.mark.parametrize(("question", "read"), [
    ("Welche Paper use GSM8K?", "Which papers use GSM8K?"),
    ("cheaper bzw. faster completion (z.B. MPI oder OpenMP)", "cheaper or faster completion (e.g. MPI or OpenMP)"),
    ("I want a Vergleich of the selection strategies.", "I want a comparison of the selection strategies."),
    # English words German shares, and names in capitals, stay
    ("Which papers also use Lean? Is it ODER?", "Which papers also use Lean? Is it ODER?"),
    ("Welche Paper use kein GPT-4?", "Which papers use no GPT-4?"),
    ("Was ist FunCoder?", "What is FunCoder?"),
    ("welche Paper vergleichen sich mit GPT-4 oder GPT-3.5?", "Which papers compare against GPT-4 or GPT-3.5?"),
    # a word capitalised inside a sentence may be a name
    ("Which papers use the ZB benchmark or the Genau dataset, by Nur Ahmed?",
     "Which papers use the ZB benchmark or the Genau dataset, by Nur Ahmed?"),
])
def test_german_words_in_an_english_question_are_read_in_english(question, read):
    from rag.text.german import from_german

    assert from_german(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("哪些论文 use Isabelle?", "Which papers use Isabelle?"),
    ("Which papers have used Lean? I want all of them, 谢谢", "Which papers have used Lean? I want all of them"),
    ("multi-agent framework 的 paper有哪些?", "multi-agent framework paper, which ones?"),
    ("miniF2F-test 上, STP or MA-LoT, which one is higher?", "On miniF2F-test, STP or MA-LoT, which one is higher?"),
    ("Which papers use Lean?", "Which papers use Lean?"),
    # negation read, not dropped; Chinese too long to leave out, which may hold the topic, as typed
    ("哪些论文不用 Lean？", "Which papers do not use Lean?"),
    ("哪些论文只用 Isabelle？", "Which papers only use Isabelle?"),
    ("代码补全相关的论文有哪些？", "代码补全相关的论文有哪些？"),
])
def test_chinese_phrases_in_an_english_question_are_read_in_english(question, read):
    from rag.text.chinese import from_chinese

    assert from_chinese(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("[Q] which papers use Lean?", "which papers use Lean?"),
    ("anyone know which papers use Isabelle?", "which papers use Isabelle?"),
    ("TIL evolutionary search is alive. Which papers use it?", "Evolutionary search is alive. Which papers use it?"),
    ("ELI5: how do verifiers work in these papers?", "How do verifiers work in these papers?"),
    ("which papers are about PRMs? upvote if you agree", "which papers are about PRMs?"),
    ("Stable Code 3B's pass@1? asking for a friend who needs one number", "Stable Code 3B's pass@1?"),
    ("throwaway because my lab is all-in on scaling: which papers use small models?",
     "which papers use small models?"),
    ("cool. which of those report PutnamBench?\n\nEDIT: or ProofNet",
     "cool. which of those report PutnamBench?\n\nor ProofNet"),
    # a tl;dr is the ask only when the post has not asked in full before it
    ("long story about my lab.\n\ntl;dr how do these papers use verification for math",
     "how do these papers use verification for math"),
    ("what role do verifiers play here? tl;dr at the bottom\n\ntl;dr how do papers verify",
     "what role do verifiers play here?"),
    # the same words doing other work stay
    ("does anyone know if any paper uses Lean?", "does anyone know if any paper uses Lean?"),
    ("Which papers edit code?", "Which papers edit code?"),
    ("Has anyone seen a paper on Isabelle provers?", "Is there a paper on Isabelle provers?"),
    ("TIL: STP exists. Which papers cite it?", "STP exists. Which papers cite it?"),
    ("Which papers use Isabelle? EDIT: typo", "Which papers use Isabelle?"),
    ("Which use MBPP? Update: nvm, found it", "Which use MBPP?"),
    ("Can you give me a tl;dr of the AlphaCode paper", "Can you give me a tl;dr of the AlphaCode paper"),
    ("the update rule of PRIME: what is it?", "the update rule of PRIME: what is it?"),
])
def test_a_forum_posts_marks_are_set_aside(question, read):
    from rag.text.forum import without_forum_marks

    assert without_forum_marks(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("R2 claims MA-LoT beats STP -- is that right?", "A reviewer claims MA-LoT beats STP -- is that right?"),
    ("R3: 'missing baselines'. which papers report MBPP?",
     "A reviewer: 'missing baselines'. which papers report MBPP?"),
    ("Reviewer #1 says X. ok so which ones?", "A reviewer says X. ok so which ones?"),
    ("ok and which report PutnamBench? Meta-review asks for it",
     "ok and which report PutnamBench? A reviewer asks for it"),
    # "R1" that is not a reviewer's label stays
    ("how does DeepSeek-R1 compare?", "how does DeepSeek-R1 compare?"),
    ("R1 vs o1: which is better?", "R1 vs o1: which is better?"),
    ("R2 is a nice model", "R2 is a nice model"),
    ("Which papers compare against R1-style reasoning models?",
     "Which papers compare against R1-style reasoning models?"),
    ("Does any abstract mention R1 -- the DeepSeek model?", "Does any abstract mention R1 -- the DeepSeek model?"),
])
def test_a_reviewers_label_is_read_as_a_reviewer(question, read):
    from rag.text.reviewers import as_reviewer

    assert as_reviewer(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("which papers evaluate on MBPP? CSV: paper,benchmark_variant,number_if_given", "which papers evaluate on MBPP?"),
    ("table w/ columns paper | benchmark | score -- every paper that reports a miniF2F number",
     "every paper that reports a miniF2F number"),
    ("[bullet list, one line per paper] which ones target HPC?", "which ones target HPC?"),
    ("CSV: paper,dataset,size. I want every paper that releases a proof dataset",
     "I want every paper that releases a proof dataset"),
    ("which papers use Lean? give me {paper, level} as JSON", "which papers use Lean?"),
    ("BigCodeBench scale: # libraries, # tasks. JSON pls", "BigCodeBench scale: # libraries, # tasks."),
    ("how do these papers pick the final program? format: <paper>: <selection mechanism>",
     "how do these papers pick the final program?"),
    ("cost per generated paper for The AI Scientist? just the number",
     "cost per generated paper for The AI Scientist?"),
    ("(y/n + source) does pseudocode beat natural language?", "(y/n) does pseudocode beat natural language?"),
    ("mbpp paper: human feedback halves the error rate? y/n", "mbpp paper: human feedback halves the error rate? y/n"),
    ("how do they get around it? bullet per paper", "how do they get around it?"),
    ("one line per paper is fine: which use Lean?", "which use Lean?"),
    ("markdown table comparing MA-LoT and STP on miniF2F: columns = paper | score",
     "compare MA-LoT and STP on miniF2F"),
    # layout words asked about stay
    ("Which papers use JSON?", "Which papers use JSON?"),
    ("Which papers use MBPP? CSV pls", "Which papers use MBPP?"),
    ("Which papers use Lean? Output JSON.", "Which papers use Lean?"),
    ("list the code completion papers, one per line", "list the code completion papers"),
    ("which papers build a table of results?", "which papers build a table of results?"),
    ("which papers report just the numbers without analysis?",
     "which papers report just the numbers without analysis?"),
    ("what is the format of the MBPP tasks?", "what is the format of the MBPP tasks?"),
    ("Which FIM paper uses the format <PRE> <SUF> <MID>?", "Which FIM paper uses the format <PRE> <SUF> <MID>?"),
    ("Is the data given as a CSV: rows, columns?", "Is the data given as a CSV: rows, columns?"),
    ("Does CodeFill report just the numbers?", "Does CodeFill report just the numbers?"),
    ("Is the InfinityMATH data stored as JSON?", "Is the InfinityMATH data stored as JSON?"),
    ("is it a silver bullet?", "is it a silver bullet?"),
    # a layout's slots are what is asked when the question asks nothing else
    ("format: <paper>: <SWE-bench verified score> for AutoCodeRover", "SWE-bench verified score for AutoCodeRover"),
    ("table: paper | prover | miniF2F-test score, for theorem provers",
     "prover and miniF2F-test score for theorem provers"),
])
def test_the_layout_asked_for_an_answer_is_set_aside(question, read):
    from rag.text.layouts import without_layout

    assert without_layout(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("Est-ce qu'il y a des papiers qui travaillent avec Isabelle plutôt que Lean ? lesquels ?",
     "Are there papers that work with Isabelle rather than Lean? Which ones?"),
    ("quels papiers use Lean ?", "Which papers use Lean?"),
    ("AutoML : quels papiers en parlent ?", "AutoML: Which papers talk about it?"),
    ("which works rely on evolutionary search, avec ou sans LLM ?",
     "which works rely on evolutionary search, with or without LLM?"),
    ("Le papier de CodeTree : quel est son pass@1 ?", "the CodeTree paper: What is its pass@1?"),
    ("which papers present themselves as « multi-agent » frameworks ?",
     "which papers present themselves as \"multi-agent\" frameworks?"),
    ("Quels papiers introduisent un nouveau benchmark pour la complétion de code ?",
     "Which papers introduce a new benchmark for the completion of code?"),
    # English that French shares, names and English questions stay
    ("Wang et al. propose a new benchmark: which one?", "Wang et al. propose a new benchmark: which one?"),
    ("How does CodeTree compare to La Plata?", "How does CodeTree compare to La Plata?"),
    ("which papers comment on des results?", "which papers comment on des results?"),
    ("Is there a paper on art nouveau image generation?", "Is there a paper on art nouveau image generation?"),
    ("which papers do font generation?", "which papers do font generation?"),  # English words French writes too
    ("results for vers. 2 of the model?", "results for vers. 2 of the model?"),
    ("Les Houches and Des Moines papers?", "Les Houches and Des Moines papers?"),
    ("Kannst du mir sagen, wie genau des MA-LoT funktioniert?",
     "Kannst du mir sagen, wie genau des MA-LoT funktioniert?"),
    ("STP : combien de statements prouvés dans LeanWorkbook ?", "STP: How many statements proved in LeanWorkbook?"),
    ("Does STP use Lean?", "Does STP use Lean?"),
])
def test_french_in_a_question_is_read_in_english(question, read):
    from rag.text.french import from_french

    assert from_french(question) == read


@pytest.mark.parametrize(("question", "read"), [
    ("unit tests as signal for CG", "unit tests as signal for code generation"),
    ("GitChameleon: GPT-4o PaT@10?", "GitChameleon: GPT-4o pass@10?"),
    ("beyond vanilla PaT", "beyond vanilla pass@k"),
    ("TP in Lean on mF2F", "theorem proving in Lean on miniF2F"),
    ("HE+ scores for SWE-b agents", "HumanEval+ scores for SWE-bench agents"),
    ("any SE agents that resolve GitHub issues?", "any software engineering agents that resolve GitHub issues?"),
    ("SE and SD of the scores", "SE and SD of the scores"),
    # what the abstracts write is theirs; longer names stay
    ("TTS for code", "TTS for code"),
    ("CGX and the TPU", "CGX and the TPU"),
    ("Which papers build TTS systems for voice cloning?", "Which papers build TTS systems for voice cloning?"),
    ("Does any paper report TP@1 accuracy?", "Does any paper report TP@1 accuracy?"),
    ("TP=8 tensor parallelism in Lean provers", "TP=8 tensor parallelism in Lean provers"),
])
def test_the_fields_shorthand_is_written_out(question, read):
    from rag.text.shorthand import shorthand_written_out

    assert shorthand_written_out(question, lambda name: name == "TTS") == read


@pytest.mark.parametrize(("question", "read"), [
    ("evolutionary search papers pls (LLM-driven or not, doesn't matter)", "evolutionary search papers pls"),
    ("MBPP / MBPP+ — every paper that evals on it, plus the one that introduced it",
     "MBPP / MBPP+ — every paper that evals on it"),
    ("GSM8K users in the corpus? count variants too", "Which papers use GSM8K? count variants too"),
    ("which papers use Lean? Lean 4, whatever the version", "which papers use Lean? Lean 4"),
    ("which papers use Lean (either is fine)?", "which papers use Lean?"),
    ("which papers evaluate ChatGPT (coding, math, whatever)?",
     "which papers evaluate ChatGPT (coding, math, whatever)?"),
    ("which papers use evolutionary search (in any form)?", "which papers use evolutionary search (in any form)?"),
    # what matters, or what is asked either way, stays
    ("Which papers test whether it matters?", "Which papers test whether it matters?"),
    ("does the model size matter?", "does the model size matter?"),
    ("Is PRIME better or not?", "Is PRIME better or not?"),
    ("which papers use any version of HumanEval?", "which papers use any version of HumanEval?"),
    ("which papers find that, for HPC, it doesn't matter?", "which papers find that, for HPC, it doesn't matter?"),
    ("which math papers use tools (any kind of code interpreter)?",
     "which math papers use tools (any kind of code interpreter)?"),
    ("which papers use miniF2F, regardless of version?", "which papers use miniF2F?"),
    ("theorem proving papers, any prover is fine", "theorem proving papers"),
])
def test_what_the_asker_says_does_not_matter_is_set_aside(question, read):
    from rag.text.indifference import without_indifference

    assert without_indifference(question) == read
