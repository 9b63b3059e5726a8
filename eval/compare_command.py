"""`paperchat eval compare DIR_A DIR_B`: two run folders side by side, and the questions whose outcome changed.

Works from the written files alone, so runs made days apart, or on another machine, still compare.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eval.answer_metrics import COMPARE_BY_TYPE, LOWER_IS_BETTER, SUMMARY_KEYS, keys_in, short_label
from eval.report import fmt, quote_block, table

DETAILS_SHOWN = 15
# The per-type table shows "before → after" cells, so only a few columns: the mean score, then these.
TYPE_COLUMNS = ("mean_score", *keys_in(COMPARE_BY_TYPE))
EPS = 1e-9


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir_a", type=Path, help="the baseline run folder (--out of `paperchat eval run`)")
    parser.add_argument("dir_b", type=Path, help="the run to compare with it")
    parser.add_argument("--out", type=Path, help="also write the comparison to this Markdown file")


def run(args: argparse.Namespace, settings) -> int:
    from eval.runner import load_run

    try:
        a, b = load_run(args.dir_a), load_run(args.dir_b)
    except (OSError, ValueError) as exc:
        print(f"paperchat eval compare: {exc}", file=sys.stderr)
        return 2
    text = compare_runs(a, b, names=(str(args.dir_a), str(args.dir_b)))
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


def delta(key: str, va: float | None, vb: float | None) -> str:
    if va is None or vb is None:
        return ""
    d = vb - va
    if abs(d) < EPS:
        return "="
    better = (d < 0) if key in LOWER_IS_BETTER else (d > 0)
    shown = f"{d:+,.0f}" if key.startswith("latency") else f"{d:+.3f}"
    return f"{shown} {'better' if better else 'worse'}"


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def changes(ra: dict[str, Any], rb: dict[str, Any]) -> list[str]:
    """What differs between two outcomes of the same question, in words; empty when nothing that counts did."""
    found = []
    sa, sb = ra["metrics"]["score"], rb["metrics"]["score"]
    if abs(sa - sb) > EPS:
        found.append(f"score {fmt(sa)} → {fmt(sb)}")
    if ra["refused"] != rb["refused"]:
        found.append("now refused" if rb["refused"] else "now answered")
    cited_a = {c["title"] for c in ra["citations"]}
    cited_b = {c["title"] for c in rb["citations"]}
    if cited_a != cited_b:
        found.append(f"cites +{len(cited_b - cited_a)} −{len(cited_a - cited_b)} papers")
    facts_a, facts_b = set(ra["facts_found"]), set(rb["facts_found"])
    if facts_a != facts_b:
        gained, lost = sorted(facts_b - facts_a), sorted(facts_a - facts_b)
        found.append("facts " + ", ".join([*(f"+{f}" for f in gained), *(f"−{f}" for f in lost)]))
    if bool(ra["error"]) != bool(rb["error"]):
        found.append("now fails" if rb["error"] else "no longer fails")
    return found


def compare_runs(a: tuple[dict, list[dict]], b: tuple[dict, list[dict]], names: tuple[str, str] = ("A", "B")) -> str:
    (sa, records_a), (sb, records_b) = a, b
    out = [
        "# Comparison of two evaluation runs",
        "",
        table(["", "run", "settings", "code", "question set", "questions", "created"], [
            [label, name, f"`{s.get('settings_hash', '')}`", f"`{s.get('code_version') or '?'}`",
             f"{s.get('question_set', '')} "
             f"`{s.get('question_set_digest', '')}`", str(s.get("n", "")), s.get("created_at", "")]
            for label, name, s in (("A", names[0], sa), ("B", names[1], sb))
        ]),
        "",
    ]
    if sa.get("question_set_digest") != sb.get("question_set_digest"):
        out += ["**The question sets differ**: only questions with the same id are compared below.", ""]
    out += ["## Metrics", "", table(["metric", "A", "B", "B − A"], [
        [k, fmt(sa.get(k), k), fmt(sb.get(k), k), delta(k, sa.get(k), sb.get(k))] for k in SUMMARY_KEYS
    ]), ""]

    types = list(dict.fromkeys([*sa.get("per_type", {}), *sb.get("per_type", {})]))
    rows = []
    for t in types:
        ta, tb = sa.get("per_type", {}).get(t, {}), sb.get("per_type", {}).get(t, {})
        rows.append([t, f"{ta.get('n', 0)} / {tb.get('n', 0)}",
                     *(f"{fmt(ta.get(k), k)} → {fmt(tb.get(k), k)}" for k in TYPE_COLUMNS)])
    labels = ["score" if k == "mean_score" else short_label(k) for k in TYPE_COLUMNS]
    out += ["## By type", "", table(["type", "n A / B", *labels], rows), ""]

    fa, fb = flatten(sa.get("settings", {})), flatten(sb.get("settings", {}))
    differing = [k for k in sorted(set(fa) | set(fb)) if fa.get(k) != fb.get(k)]
    out += ["## Settings that differ", ""]
    out += [table(["setting", "A", "B"], [[k, f"`{fa.get(k)}`", f"`{fb.get(k)}`"] for k in differing])
            if differing else "None.", ""]

    by_id_b = {r["id"]: r for r in records_b}
    ids_a = {r["id"] for r in records_a}
    changed = []
    for ra in records_a:
        rb = by_id_b.get(ra["id"])
        if rb is not None and (what := changes(ra, rb)):
            changed.append((ra, rb, what))
    changed.sort(key=lambda x: (x[1]["metrics"]["score"] - x[0]["metrics"]["score"], x[0]["id"]))
    out += [f"## Questions that changed ({len(changed)})", ""]
    if changed:
        out += [table(["id", "type", "what changed"], [[ra["id"], ra["type"], "; ".join(w)] for ra, _, w in changed]),
                ""]
        out += [f"Worst changes first; answers of the first {min(DETAILS_SHOWN, len(changed))}:", ""]
        for ra, rb, _ in changed[:DETAILS_SHOWN]:
            out += [f"### {ra['id']}: {ra['question']}", "", "A:", "", quote_block(ra["answer"], 400), "", "B:", "",
                    quote_block(rb["answer"], 400), ""]
    else:
        out += ["None: every question shared by both runs scored, cited and refused the same.", ""]
    only_a = [r["id"] for r in records_a if r["id"] not in by_id_b]
    only_b = [r["id"] for r in records_b if r["id"] not in ids_a]
    if only_a or only_b:
        out += ["## Questions in one run only", "", f"- only in A: {', '.join(only_a) or 'none'}",
                f"- only in B: {', '.join(only_b) or 'none'}", ""]
    return "\n".join(out)
