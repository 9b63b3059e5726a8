"""Words researchers clip in chat ("repo-level", "syntax info", "eval set", "ppl"), written out as the abstracts
write them.

Why: the sentence encoder and BM25 both miss "repo" for "repository" ("which papers tackle repo-level completion"
scored the repository-level papers 0.45 against 0.68 written out). A closed list: a clipping that could be two words
("dev": development or the dev set, "prob": problem or probability) is left as typed. Only lower-case words are
read, so a name ("Repo-Instruct", "SOTA-Bench") is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CLIPPINGS = {
    "repo": "repository", "repos": "repositories", "info": "information", "eval": "evaluation",
    "evals": "evaluations", "impl": "implementation", "config": "configuration", "configs": "configurations",
    "param": "parameter", "params": "parameters", "perf": "performance", "stats": "statistics",
    "lib": "library", "libs": "libraries", "docs": "documentation", "algo": "algorithm", "algos": "algorithms",
    "sota": "state-of-the-art", "devs": "developers", "approx": "approximately", "w/o": "without",
    "env": "environment", "envs": "environments", "exps": "experiments", "hparams": "hyperparameters",
    "hparam": "hyperparameter", "ckpt": "checkpoint", "ckpts": "checkpoints", "temp": "temperature",
    "temps": "temperatures", "uni": "university", "prev": "previous", "rel": "relative", "exec": "execution",
    "num": "number", "init": "initialization", "pct": "percent", "perc": "percentage", "toks": "tokens",
    "mem": "memory", "evo": "evolutionary",
    # chat spellings ("r" and "u" are left: Pearson's r, U-Net)
    "pls": "please", "plz": "please", "abt": "about", "thru": "through",
    "ppl": "people", "smth": "something", "esp": "especially",
    # a lecturer's word for the papers themselves: "which of the readings use GSM8K?"
    "readings": "papers",
}
_CLIPPED = re.compile(r"(?<![\w/-])(?:" + "|".join(sorted(map(re.escape, CLIPPINGS), key=len, reverse=True)) +
                      r")(?![\w/(]|\.\w)")  # not "config.json", "eval()"


# "acc @64 samples": "with 64 samples", not a metric "acc@64".
_AT_SAMPLES = re.compile(r"(?<![\w@])@\s*(\d[\d,]*)(?=\s+(?:samples?|tries|attempts|generations|rollouts)\b)", re.I)
# "how many test cases r in ProcessBench": chat's "r" for "are" after a count's noun (not Pearson's r).
_TYPED_R = re.compile(r"(\bhow\s+many\s+(?:[\w-]+\s+){1,3}?)r(?=\s+(?:in|there|on|used|available)\b)", re.I)
# "LLMs that lean on a code interpreter": the verb, not the prover Lean ("provers in lean on miniF2F" is that).
_LEAN_ON = re.compile(r"(?<!\bin\s)(?<!\bwith\s)(?<!\bof\s)(?<!\busing\s)\blean(s|ing|ed)?"
                      r"(?=\s+(?:heavily\s+|mostly\s+)?on\b)")

# "GSM8K (incl. enhanced versions)", "approx. 97": a clipping's full stop, which ends no sentence before a word in
# lower case or a figure.
# "incl" alone may be "inclusive"; with its stop before what it includes it is "including".
_ABBREVIATIONS = {"incl": "including", "esp": "especially", "approx": "approximately"}
_ABBREVIATED = re.compile(r"\b(incl|esp|approx)\.(?=\s+[a-z(\d$~])")
# "which docs run experiments on GSM8K": the documents (papers) asked for, not documentation.
_DOCS_ASKED = re.compile(r"\b(which|what|these|those|all|cited)\s+docs\b(?!\s+(?:do|does|did|should|for|of)\b)",
                         re.I)
# "15%ish", "20-ish": about that figure; "2.6bn", "150m": 2.6B, 150M, as the abstracts write a model's size.
_ISH = re.compile(r"(?<![\w.])(\d[\d.,]*%?)-?ish\b", re.I)
_BILLION = re.compile(r"(?<![\w.])(\d[\d.]*)\s?bn\b", re.I)
_MILLION = re.compile(r"(?<![\w.])(\d[\d.]*)m\b")

# "which papers eval on it", "the ones that eval'd against GPT-4": "eval" as the verb after who does it.
_EVAL_VERB = re.compile(r"\b(papers|ones|works|studies|they|who|which|that|we|you|models|people)\s+eval(s|['’]?d|ed)?"
                        r"(?=\s+(?:on|against|with|it|them|their|its|across|over)\b)", re.I)
# "X => Y": an arrow typed in ASCII, read as the arrow it stands for; before the ask ("mbpp -> which papers eval on
# it", "verifiers → any?") an arrow breaks off what the question is about, as a dash does.
_ARROW = r"(?<![<-])(?:-{1,2}>|={1,2}>|→)(?!>)"
_ARROW_ASK = re.compile(rf"\s*{_ARROW}\s*(?=(?:so\s+)?(?:which|what|who|how|list|any|is|are|does|do|did|has|have|"
                        r"papers?|ones)\b)", re.I)
_ASCII_ARROW = re.compile(r"\s*(?<![<-])(?:-{1,2}|={1,2})>(?!>)\s*")


def spell_out(text: str, written: Callable[[str], bool] = lambda name: False) -> str:
    """`text` with each clipped word written out ("repo-level" -> "repository-level"); upper-case "SOTA" too,
    since nothing is named that, "p@1" (pass@1), "@64 samples", a count's "r" ("how many cases r in"), the verb
    "lean on" ("rely on": no prover Lean is named), "15%ish" (about 15%), "2.6bn", "150m" (2.6B, 150M), "->" (→)
    and "eval" as a verb. Not inside a hyphened name the abstracts write (`written`): "repo-instruct" is
    ExecRepoBench's Repo-Instruct."""
    text = _ASCII_ARROW.sub(" → ", _ARROW_ASK.sub(" — ", text))
    text = _DOCS_ASKED.sub(r"\1 documents", text)
    text = _ABBREVIATED.sub(lambda m: _ABBREVIATIONS[m[1]], text)
    text = _EVAL_VERB.sub(lambda m: f"{m[1]} evaluate{'d' if m[2] and m[2][-1] == 'd' else m[2] or ''}", text)
    text = re.sub(r"(?<![\w-])SOTA(?![\w-])", "state-of-the-art", text)
    text = re.sub(r"(?<![\w@-])[pP]@(?=\d|k\b)", "pass@", text)  # "HE p@1": pass@1
    text = _AT_SAMPLES.sub(r"with \1", _TYPED_R.sub(r"\1are", text))
    text = _MILLION.sub(r"\1M", _BILLION.sub(r"\1B", _ISH.sub(r"about \1", text)))
    text = _LEAN_ON.sub(lambda m: {"s": "relies", "ing": "relying", "ed": "relied"}.get(m[1] or "", "rely"), text)

    def out(m: re.Match[str]) -> str:
        hyphened = re.match(r"-[\w-]+", text[m.end():])
        return m[0] if hyphened and written(m[0] + hyphened[0]) else CLIPPINGS[m[0]]

    return _CLIPPED.sub(out, text)
