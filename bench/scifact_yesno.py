"""Do answers to yes/no research questions quote the finding that answers them? Measured on SciFact dev.

Why: the answer quality checks we have use questions we wrote ourselves, about abstracts we chose. SciFact
(Wadden et al. 2020) has 300 expert-written claims over 5,183 abstracts, each claim with the *rationale*
sentences that support or contradict it. Turned into yes/no questions ("Does X reduce Y?"), they say which
sentence a good answer should quote, on text nobody here wrote or tuned on (BEIR "test" == SciFact "dev": do not
tune answer selection on it).

Steps:
  1. Index the SciFact corpus (BEIR corpus.jsonl) into its own data folder with `paperchat ingest`; skipped when
     every document is already there. The BEIR reader keeps `_id` as the paper id, so paper ids are SciFact
     doc ids (as strings).
  2. Phrase each dev claim that has evidence (188 of 300) as a yes/no question by the rules in `phrase` (counts
     per rule are reported); the questions go to bench/results/scifact_yesno_questions.jsonl.
  3. Ask each question through `rag.engine.Engine` (whatever backend the settings pick; extractive by default).
  4. Score, over those claims:
     - finding_rate: the answer quotes at least one gold rationale sentence (any gold doc, any evidence set):
       after whitespace/Unicode normalisation a gold sentence is contained in an answer sentence or an answer
       sentence (of at least MIN_MATCH_CHARS characters) in a gold sentence;
     - lead2 baselines, same questions and same match: the first two sentences (SciFact's own sentence split)
       of (a) the paper the answer cites first (a refusal or an answer without citations scores 0) and (b) the
       top-retrieved paper (answer.evidence[0]);
     - gold_cited: the answer cites a gold doc; false_refusal: the answer is a refusal (every question here has
       an answer in the corpus, so every refusal is a false one);
     - the same figures split by label (SUPPORT / CONTRADICT).

    .venv/bin/python bench/scifact_yesno.py                  # all 188 claims with evidence
    .venv/bin/python bench/scifact_yesno.py --limit 20       # a quick subset (the first 20)
    .venv/bin/python bench/scifact_yesno.py --data-dir DIR   # another index folder (default /tmp/paperchat-scifact)
    .venv/bin/python bench/scifact_yesno.py --split train    # the train claims, to tune on (written to *_train.*)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCIFACT = Path("/work/shared/benchmarks/scifact")
DEFAULT_DATA_DIR = Path("/tmp/paperchat-scifact")
RESULTS = ROOT / "bench" / "results"
MIN_MATCH_CHARS = 20  # an answer sentence shorter than this never counts as "contained in" a gold sentence

# ---------------------------------------------------------------------------------------------------------------
# Phrasing: claim -> yes/no question
#
# Rules, tried in this order on the words of the claim (words inside parentheses are never the verb):
#   fronted    a leading "In mouse models, ..." / "Among ..., ..." phrase stays in front: "In mouse models, does ...?"
#              (a flag on top of the rule below, not a rule of its own).
#   The verb is the first word after the subject (at least one word) that is an auxiliary or a present-tense
#   form of a verb in VERBS; only when there is none, the first past-tense form. A word right after a
#   relative pronoun ("mice that lack ...") or a determiner/preposition, or followed by "of" ("uses of"), is not
#   taken as the verb.
#   be         is/are/was/were moves to the front: "X is associated with Y." -> "Is X associated with Y?"
#   modal      can/could/may/might/must/should/will/would moves to the front: "X can Y" -> "Can X Y?"
#   perfect    has/have/had + past participle moves to the front: "X have increased" -> "Have X increased?"
#   do         does/do/did moves to the front: "X does not vary" -> "Does X vary?"
#   does       third person singular: "X reduces Y." -> "Does X reduce Y?"
#   do-plural  plural present: "X reduce Y." -> "Do X reduce Y?"
#   did        past tense: "X decreased by 10%" -> "Did X decrease by 10%?"
#   fallback   no verb found: "Is it true that <claim>?"
# A "not" right after the moved auxiliary is dropped ("X is not associated with Y" -> "Is X associated with
# Y?"): a yes/no question asks both ways, and "Is X not associated ...?" is not how people ask. Lexical
# negation ("no effect", "uninvolved") stays. The subject's first word is lower-cased when it is an ordinary
# capitalised word ("Activation" -> "activation"), kept otherwise ("ALDH1", "mTORC2").
# ---------------------------------------------------------------------------------------------------------------

BE = {"is", "are", "was", "were"}
MODALS = {"can", "could", "may", "might", "must", "should", "will", "would"}
DO = {"does", "do", "did"}
IRREGULAR_PARTICIPLES = {"been", "shown", "led", "made", "found", "grown", "become", "given", "taken", "seen"}
IRREGULAR_PAST = {"led": "lead", "made": "make", "found": "find", "grew": "grow", "became": "become",
                  "gave": "give", "took": "take", "showed": "show", "drove": "drive", "bound": "bind"}
VERBS = set("""
    act activate affect alter ameliorate appear associate attenuate benefit bind block carry cause change
    cleave confer consist contain contribute control convert correlate counteract cross-react decline decrease
    degrade delay depend describe destabilize destabilise determine develop differentiate direct drink drive
    elevate enable encode enhance exacerbate exhibit exist experience express extend facilitate form function
    generate govern harm help impact impair improve increase induce influence inhibit interact involve lack
    lead limit link localize lower maintain make mediate migrate mirror mitigate modulate need occur
    outperform participate penetrate play potentiate predict prevent produce prolong promote protect provide
    raise recruit reduce regulate release remain repair represent require rescue respond restore result save
    segregate serve show shorten slow stabilize stimulate strengthen suppress take target translocate
    transnitrosylate trigger undergo use vary worsen
""".split())
# Also nouns or adjectives ("a transient decrease", "lower quality"): as a plural present verb only right
# after a plural-looking word ("genes increase").
AMBIGUOUS = set("""
    act benefit block change control decrease delay form function help impact increase lack link lower need
    release result show slow target use
""".split())
# After a perfect "have", a participle followed by one of these (or nothing) is a verb ("have increased due to");
# followed by anything else it is an adjective ("have increased risk": "have" is then the main verb).
AFTER_PARTICIPLE = {"due", "by", "in", "to", "since", "from", "over", "with", "after", "during", "at", "for",
                    "among", "across", "on", "significantly", ""}
RELATIVE = {"that", "which", "who", "whom", "where", "when", "it", "they", "we"}
NOT_BEFORE_VERB = {"the", "a", "an", "of", "in", "on", "for", "with", "by", "to", "from", "at", "its", "their",
                   "his", "her", "this", "these", "those", "no", "than", "as", "into"}
FRONTING = {"in", "among", "during", "after", "before", "for", "at", "under", "within", "across"}


def _word(token: str) -> str:
    return token.strip(".,;:!?\"'()[]").lower()


def _third_person(word: str) -> str | None:
    """The base form if `word` is "reduces"/"suppresses"/"carries" of a verb in VERBS."""
    if word.endswith("s") and word[:-1] in VERBS:
        return word[:-1]
    if word.endswith("es") and word[:-2] in VERBS:
        return word[:-2]
    if word.endswith("ies") and word[:-3] + "y" in VERBS:
        return word[:-3] + "y"
    return None


def _past(word: str) -> str | None:
    if word in IRREGULAR_PAST:
        return IRREGULAR_PAST[word]
    if not word.endswith("ed"):
        return None
    stem = word[:-2]
    for base in (stem, stem + "e", stem[:-1], stem[:-1] + "y" if stem.endswith("i") else ""):
        if base in VERBS:
            return base
    return None


def _perfect(following: list[str]) -> bool:
    """Whether the words after has/have/had make a perfect tense ("have increased due to ...")."""
    rest = [w for w in following if w != "not"]
    if not rest:
        return False
    participle = rest[0] in IRREGULAR_PARTICIPLES or rest[0].endswith("ed") or rest[0].endswith("en")
    return participle and (rest[1] if len(rest) > 1 else "") in AFTER_PARTICIPLE


def _lower_first(words: list[str]) -> list[str]:
    """"Activation" -> "activation"; names stay: "ALDH1", "Smc5/6", "S-nitrosylated", "T regulatory"."""
    first = words[0]
    if first in ("A", "An"):
        return [first.lower(), *words[1:]]
    parts = first.split("-")
    if first[:1].isupper() and all(p.isalpha() for p in parts) and len(parts[0]) > 1 and first[1:].islower():
        return [first[0].lower() + first[1:], *words[1:]]
    return words


@dataclass
class Question:
    text: str
    rule: str
    fronted: bool = False
    negation_dropped: bool = False


def _find_verb(words: list[str]) -> tuple[int, str, str] | None:
    """(index, rule, base form) of the main verb or auxiliary, or None."""
    depth = 0
    inside: list[bool] = []
    for token in words:
        inside.append(depth > 0 or "(" in token)
        depth = max(0, depth + token.count("(") - token.count(")"))

    def eligible(i: int) -> bool:
        if inside[i]:
            return False
        before = _word(words[i - 1])
        after = _word(words[i + 1]) if i + 1 < len(words) else ""
        return before not in RELATIVE and before not in NOT_BEFORE_VERB and after != "of"

    for i in range(1, len(words)):
        if not eligible(i):
            continue
        w = _word(words[i])
        nxt = [_word(t) for t in words[i + 1 : i + 4]]
        if w in BE:
            return i, "be", w
        if w in MODALS:
            return i, "modal", w
        if w in DO:
            return i, "do", w
        if w in ("has", "have"):
            if _perfect(nxt):
                return i, "perfect", w
            return i, "does" if w == "has" else "do-plural", "have"
        if (base := _third_person(w)) is not None:
            return i, "does", base
        if w in VERBS and (w not in AMBIGUOUS or _word(words[i - 1]).endswith("s")):
            return i, "do-plural", w
    for i in range(1, len(words)):
        if not eligible(i):
            continue
        w = _word(words[i])
        if w == "had":
            return (i, "perfect", w) if _perfect([_word(t) for t in words[i + 1 : i + 4]]) else (i, "did", "have")
        if (base := _past(w)) is not None and not (i + 1 < len(words) and _word(words[i + 1]) == "with"):
            return i, "did", base
    return None


def phrase(claim: str) -> Question:
    """A natural yes/no question for a SciFact claim; deterministic (see the rules above)."""
    text = re.sub(r"\s+", " ", claim).strip().rstrip(".").strip()
    prefix = ""
    if text.split(" ", 1)[0].lower() in FRONTING and "," in text and text.index(",") < 60:
        prefix, text = text.split(",", 1)
        prefix, text = prefix + ", ", text.strip()
    words = text.split()
    found = _find_verb(words) if len(words) > 1 else None
    if found is None:
        return Question(f"Is it true that {' '.join(_lower_first(claim.split())).rstrip('.')}?", "fallback")
    i, rule, base = found
    subject = _lower_first(words[:i])
    tail = words[i + 1 :]
    dropped = False
    if rule in ("be", "modal", "perfect", "do"):
        if tail and _word(tail[0]) == "not" and tail[0].lower() == "not":
            tail, dropped = tail[1:], True
        front = base
        body = [*subject, *tail]
    else:
        front = {"does": "does", "do-plural": "do", "did": "did"}[rule]
        body = [*subject, base, *tail]
    question = f"{front} {' '.join(body)}".strip()
    question = prefix + question if prefix else question[0].upper() + question[1:]
    question = question.rstrip(",;:") + "?"
    return Question(question, rule, fronted=bool(prefix), negation_dropped=dropped)


# ---------------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Claim:
    claim_id: int
    claim: str
    label: str  # SUPPORT, CONTRADICT (or MIXED if its evidence sets disagree)
    gold: dict[str, list[str]]  # doc id -> its rationale sentences (all evidence sets together)
    question: Question


def normalise(text: str) -> str:
    """Unicode NFC, no-break spaces as spaces, runs of whitespace as one space: what ingest does to abstracts
    (its LaTeX stripping aside, which touches no SciFact rationale sentence)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


def load_corpus(native_dir: Path) -> dict[str, list[str]]:
    """SciFact doc id (as a string, like the BEIR `_id` that ingest keeps as paper id) -> its sentences."""
    corpus: dict[str, list[str]] = {}
    with (native_dir / "corpus.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            corpus[str(doc["doc_id"])] = [normalise(s) for s in doc["abstract"]]
    return corpus


def load_claims(native_dir: Path, corpus: dict[str, list[str]], split: str = "dev") -> list[Claim]:
    claims = []
    with (native_dir / f"claims_{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            if not raw["evidence"]:
                continue
            labels = {s["label"] for sets in raw["evidence"].values() for s in sets}
            gold = {doc_id: [corpus[doc_id][i] for i in sorted({i for s in sets for i in s["sentences"]})]
                    for doc_id, sets in raw["evidence"].items()}
            claims.append(Claim(raw["id"], raw["claim"], labels.pop() if len(labels) == 1 else "MIXED", gold,
                                phrase(raw["claim"])))
    return claims


def quotes_gold(texts: list[str], gold: dict[str, list[str]]) -> bool:
    """A gold sentence inside one of `texts`, or one of `texts` (long enough) inside a gold sentence."""
    golds = [g for sentences in gold.values() for g in sentences]
    for text in map(normalise, texts):
        for g in golds:
            if g in text or (len(text) >= MIN_MATCH_CHARS and text in g):
                return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# Index
# ---------------------------------------------------------------------------------------------------------------


def ingest_command() -> list[str]:
    """The installed `paperchat` script, or the project's declared entry point run by this Python when the
    installed script is stale (it is generated at install time and breaks when modules move)."""
    script = Path(sys.executable).parent / "paperchat"
    if script.exists() and subprocess.run([str(script), "--help"], capture_output=True).returncode == 0:
        return [str(script)]
    target = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["paperchat"]
    module, _, func = target.partition(":")
    return [sys.executable, "-c", f"import sys; from {module} import {func}; sys.argv[0] = 'paperchat'; "
            f"sys.exit({func}())"]


def ensure_index(data_dir: Path, beir_corpus: Path, doc_ids: set[str]) -> dict[str, Any]:
    """Ingests the corpus unless every doc is already in `data_dir`; returns what was done and how long."""
    from rag.engine import Engine
    from rag.settings import Settings

    engine = Engine(Settings(data_dir=data_dir))
    missing = doc_ids - set(engine.papers)
    del engine
    if not missing:
        return {"ingested": False, "papers": len(doc_ids)}
    command = [*ingest_command(), "ingest", str(beir_corpus), "--data-dir", str(data_dir)]
    print(f"{len(missing):,} of {len(doc_ids):,} docs not indexed yet: {' '.join(command)}", file=sys.stderr)
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return {"ingested": True, "missing_before": len(missing), "ingest_s": round(time.perf_counter() - started, 1)}


# ---------------------------------------------------------------------------------------------------------------
# Run
# ---------------------------------------------------------------------------------------------------------------

FIGURES = ("finding_rate", "lead2_first_cited", "lead2_top_retrieved", "gold_cited", "false_refusal")


def score(claim: Claim, answer: Any, corpus: dict[str, list[str]]) -> dict[str, Any]:
    cited = [c.paper_id for c in sorted(answer.citations, key=lambda c: c.n)]
    first_cited = cited[0] if cited and not answer.refused else None
    top = answer.evidence[0].paper_id if answer.evidence else None
    texts = [] if answer.refused else [s.text for s in answer.sentences]
    return {
        "id": claim.claim_id,
        "label": claim.label,
        "question": claim.question.text,
        "refused": bool(answer.refused),
        "cited": list(dict.fromkeys(cited)),
        "top_retrieved": top,
        "gold_docs": list(claim.gold),
        "finding_rate": quotes_gold(texts, claim.gold),
        "lead2_first_cited": first_cited is not None and quotes_gold(corpus.get(first_cited, [])[:2], claim.gold),
        "lead2_top_retrieved": top is not None and quotes_gold(corpus.get(top, [])[:2], claim.gold),
        "gold_cited": not answer.refused and any(pid in claim.gold for pid in cited),
        "false_refusal": bool(answer.refused),
        "answer_sentences": texts,
        "ms": round(answer.timings_ms.get("total", 0.0)),
    }


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def rates(subset: list[dict[str, Any]]) -> dict[str, Any]:
        n = len(subset)
        return {"n": n, **{f: round(sum(r[f] for r in subset) / n, 4) if n else None for f in FIGURES}}

    by_label = {label: rates([r for r in rows if r["label"] == label])
                for label in sorted({r["label"] for r in rows})}
    return {"all": rates(rows), "by_label": by_label}


def print_table(summary: dict[str, Any]) -> None:
    groups = {"all": summary["all"], **summary["by_label"]}
    header = f"{'':22}" + "".join(f"{name:>12}" for name in groups)
    print(header)
    print(f"{'n':22}" + "".join(f"{g['n']:>12}" for g in groups.values()))
    for figure in FIGURES:
        print(f"{figure:22}" + "".join(f"{g[figure]:>12.3f}" for g in groups.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="index folder for SciFact")
    parser.add_argument("--scifact", type=Path, default=SCIFACT, help="folder with native/ and beir/")
    parser.add_argument("--limit", type=int, default=0, help="only the first N claims with evidence")
    parser.add_argument("--split", choices=["dev", "train"], default="dev",
                        help="train: the claims to tune answer rules on; dev (the reported figure) never is")
    parser.add_argument("--out", type=Path, default=RESULTS / "scifact_yesno.json")
    parser.add_argument("--questions-out", type=Path, default=RESULTS / "scifact_yesno_questions.jsonl")
    args = parser.parse_args()
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    started = time.perf_counter()

    native = args.scifact / "native"
    corpus = load_corpus(native)
    claims = load_claims(native, corpus, args.split)
    if args.split != "dev":  # the recorded dev results are not overwritten by a tuning run
        args.out = args.out.with_name(f"{args.out.stem}_{args.split}{args.out.suffix}")
        args.questions_out = args.questions_out.with_name(
            f"{args.questions_out.stem}_{args.split}{args.questions_out.suffix}")
    args.questions_out.parent.mkdir(parents=True, exist_ok=True)
    with args.questions_out.open("w", encoding="utf-8") as handle:
        for c in claims:
            handle.write(json.dumps({"id": c.claim_id, "label": c.label, "claim": c.claim, "question": c.question.text,
                                     "rule": c.question.rule, "fronted": c.question.fronted,
                                     "negation_dropped": c.question.negation_dropped}, ensure_ascii=False) + "\n")
    rules = Counter(c.question.rule for c in claims)
    print(f"{len(claims)} claims with evidence; rules: {dict(rules.most_common())}; "
          f"fronted {sum(c.question.fronted for c in claims)}, "
          f"negation dropped {sum(c.question.negation_dropped for c in claims)}", file=sys.stderr)
    if args.limit:
        claims = claims[: args.limit]

    index = ensure_index(args.data_dir, args.scifact / "beir" / "corpus.jsonl", set(corpus))
    from rag.engine import Engine
    from rag.settings import Settings

    t_open = time.perf_counter()
    engine = Engine(Settings(data_dir=args.data_dir))
    open_s = time.perf_counter() - t_open
    # Sanity check of the match: rationale sentences that occur verbatim (normalised) in the indexed abstracts.
    in_index = sum(g in normalise(engine.papers[d].abstract) for c in claims for d, golds in c.gold.items()
                   if d in engine.papers for g in golds)
    rows: list[dict[str, Any]] = []
    settings_hash = ""
    t_ask = time.perf_counter()
    for number, claim in enumerate(claims, start=1):
        answer = engine.ask(claim.question.text)
        settings_hash = answer.settings_hash
        rows.append(score(claim, answer, corpus))
        if number % 10 == 0 or number == len(claims):
            found = sum(r["finding_rate"] for r in rows)
            print(f"[{number}/{len(claims)}] finding {found}/{number}, {time.perf_counter() - t_ask:.0f} s",
                  file=sys.stderr)
    ask_s = time.perf_counter() - t_ask

    summary = summarise(rows)
    print_table(summary)
    result = {
        "summary": summary,
        "rules": dict(rules.most_common()),
        "claims": len(rows),
        "gold_sentences": sum(len(golds) for c in claims for golds in c.gold.values()),
        "gold_sentences_found_in_indexed_abstracts": in_index,
        "settings": {
            "data_dir": str(args.data_dir),
            "limit": args.limit,
            "backend": engine.backend_for(),
            "settings_hash": settings_hash,
            "encoder": engine.settings.encoder,
            "retrieval": engine.settings.retrieval.model_dump(mode="json"),
            "answer": engine.settings.answer.model_dump(mode="json"),
            "min_match_chars": MIN_MATCH_CHARS,
            "commit": _git("rev-parse", "--short", "HEAD"),
            "dirty_files": len(_git("status", "--porcelain").splitlines()),
        },
        "timing_s": {
            "index": index,
            "engine_open": round(open_s, 1),
            "ask_total": round(ask_s, 1),
            "ask_median_ms": statistics.median(r["ms"] for r in rows) if rows else None,
            "wall": round(time.perf_counter() - started, 1),
        },
        "load": os.getloadavg(),
        "per_claim": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} questions in {ask_s:.0f} s (median {result['timing_s']['ask_median_ms']} ms); "
          f"wrote {args.out}", file=sys.stderr)
    return 0


def _git(*args: str) -> str:
    git = shutil.which("git")
    if git is None:
        return ""
    done = subprocess.run([git, *args], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
