"""Sentence roles in abstracts: the old cue-word rule of the comparison table vs rag/answer/roles.py.

Scores both on the hand-labelled sentences in eval/labels/ (one JSON object a line: title, position, sentence,
role), the tune file (papers 1-40 of the built-in corpus) and the frozen file (papers 41-67, never tuned on),
and prints accuracy, per-role precision/recall/F1 and macro-F1 (over the five labels, "other" included).

    .venv/bin/python bench/sentence_roles.py            # both files, old vs new
    .venv/bin/python bench/sentence_roles.py --errors   # plus the new rule's mistakes on the tune file only

The baseline is a copy of `_CUES` + the per-column scoring of `cells_for` in rag/answer/comparison.py (the rule
that filled the table), applied per sentence: the top-scoring column, or "other" when no cue hits.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer.roles import classify  # noqa: E402

LABELS = ("problem", "approach", "data", "results", "other")
TUNE = ROOT / "eval" / "labels" / "sentence_roles.jsonl"
FROZEN = ROOT / "eval" / "labels" / "sentence_roles-frozen.jsonl"

# --- baseline: copied from rag/answer/comparison.py (_CUES, _NUMBER, the scoring inside cells_for) ---
_CUES = {
    "problem": re.compile(
        r"\b(challeng\w*|problem\w*|limitation\w*|lack\w*|struggl\w*|difficult\w*|bottleneck|remain\w*|fail\w*|"
        r"however|existing|costly|expensive|critical|gap|hinder\w*|insufficient|overlook\w*|suffer\w*)\b", re.I),
    "approach": re.compile(
        r"\b(we (?:propose|introduce|present|develop|design|formulate|build|devise|construct|describe|release)|"
        r"this (?:paper|work) (?:proposes|introduces|presents)|our (?:method|approach|framework|model|system)|"
        r"framework|pipeline|algorithm|approach|method|architecture|technique|decompos\w*|fine-tun\w*|train\w*)\b",
        re.I),
    "data": re.compile(
        r"\b(benchmark\w*|dataset\w*|data set\w*|corpus|corpora|evaluat\w* on|experiments? on|tasks?|problems from|"
        r"HumanEval\+?|MBPP\+?|GSM8K\+?|MATH\+?|SWE-bench|miniF2F|CrossCodeEval|RepoEval|APPS|CodeContests|Lean)\b",
        re.I),
    "results": re.compile(
        r"\b(outperform\w*|achiev\w*|improv\w*|surpass\w*|state-of-the-art|accuracy|pass@\d+|gains?|performance|"
        r"scor\w+|solv\w+|success rate|speedups?|faster|\d+(?:\.\d+)?\s*%|"
        r"significant\w*|better|best|exceed\w*|reach\w*|result\w* show|demonstrat\w*)\b", re.I),
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*%|\b\d+\.\d+\b|\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


def baseline(sentence: str, position: int, n_sentences: int) -> str:
    early = 1.0 - position / max(n_sentences, 1)
    best, best_score = "other", 0.0
    for column, cue in _CUES.items():
        hits = len(cue.findall(sentence))
        if not hits:
            continue
        score = float(hits)
        if column == "problem":
            score += 1.5 * early
        elif column == "approach":
            score += 2.0 if re.search(r"\bwe (?:propose|introduce|present)\b", sentence, re.I) else 0.0
        elif column == "results":
            score += 1.5 * len(_NUMBER.findall(sentence)) + (1 - early)
        elif column == "data":
            score += 0.5 * len(re.findall(r"\b[A-Z][A-Za-z0-9]*[A-Z0-9]\w*\b", sentence))
        if score > best_score:
            best, best_score = column, score
    return best


# --- scoring ---
def load(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sizes = Counter(row["title"] for row in rows)
    for row in rows:
        row["n"] = sizes[row["title"]]
    return rows


def predict(rule: Callable[[str, int, int], str], rows: list[dict]) -> list[str]:
    return [rule(row["sentence"], row["position"], row["n"]) for row in rows]


def report(name: str, gold: list[str], pred: list[str]) -> dict:
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    per_role = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        n_pred, n_gold = pred.count(label), gold.count(label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_role[label] = (precision, recall, f1, n_gold, n_pred)
    macro = sum(v[2] for v in per_role.values()) / len(LABELS)
    print(f"  {name:<4} accuracy {accuracy:.3f}   macro-F1 {macro:.3f}")
    for label, (precision, recall, f1, n_gold, n_pred) in per_role.items():
        print(f"       {label:<9} P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}"
              f"   (gold {n_gold:3d}, predicted {n_pred:3d})")
    return {"accuracy": accuracy, "macro_f1": macro}


def confusion(gold: list[str], pred: list[str]) -> None:
    print("       confusion (rows gold, columns predicted): " + " ".join(f"{lab[:4]:>5}" for lab in LABELS))
    for g in LABELS:
        counts = [sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == p) for p in LABELS]
        print(f"       {g:<9}" + " " * 38 + " ".join(f"{c:5d}" for c in counts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the new rule's mistakes on the tune file")
    args = parser.parse_args()
    for label, path in (("tune", TUNE), ("frozen", FROZEN)):
        rows = load(path)
        gold = [row["role"] for row in rows]
        print(f"{label}: {path.relative_to(ROOT)} ({len(rows)} sentences, "
              f"{len({r['title'] for r in rows})} abstracts)")
        report("old", gold, predict(baseline, rows))
        new = predict(classify, rows)
        report("new", gold, new)
        confusion(gold, new)
        if args.errors and label == "tune":
            for row, p in zip(rows, new, strict=True):
                if p != row["role"]:
                    print(f"    [{row['role']} -> {p}] {row['position']}/{row['n']} {row['sentence'][:150]}")
        print()


if __name__ == "__main__":
    main()
