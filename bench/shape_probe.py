"""Does the planner read a question's shape as its asker meant it? Measured on labelled probe questions.

Why: the question sets score whole answers, so a question read in the wrong shape (a list read as one paper's
factoid, an aggregation read as ways across papers) shows up only as a lower citation recall among many other
causes. The probe sets in eval/shapes/ (written by helpers as terse, chatty, second-language, dictated and formal
askers, each question labelled with the shape meant) check the reading alone, question by question; the
`-frozen` parts are never tuned on.

A question counts as read right when:
  - list: the plan is a list whose topic holds every one of its `topic_words`;
  - multi / aggregate: the plan is that kind;
  - comparative: the answer is a comparison whose rows are exactly its `papers`;
  - factoid: the answer, not a refusal, cites exactly its one paper;
  - yesno: the plan is a yes/no question naming no paper.

    PYTHONPATH=. .venv/bin/python bench/shape_probe.py --data-dir /tmp/pc-main eval/shapes/shapes-a.jsonl ...
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--data-dir", type=Path, required=True, help="an index of the built-in corpus")
    parser.add_argument("--show", action="store_true", help="print each question read otherwise")
    args = parser.parse_args()

    from rag.offline import configure_offline

    configure_offline()
    from ingest.writer import open_engine
    from rag.answer.pipeline import _as_searched, plan_question
    from rag.settings import Settings
    from rag.text.clean import normalise_title

    engine = open_engine(Settings(data_dir=args.data_dir).resolved())
    view = engine.view
    right: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for path in args.files:
        for line in path.read_text().splitlines():
            probe = json.loads(line)
            kind = probe["kind"]
            plan, _ = plan_question(_as_searched(probe["question"], view), view, None)
            if kind == "list":
                good = plan.kind == "list" and all(w.lower() in plan.topic.lower() for w in probe["topic_words"])
            elif kind in ("multi", "aggregate"):
                good = plan.kind == kind
            elif kind == "yesno":
                good = plan.kind == "factoid" and plan.yes_no and not plan.papers
            else:
                answer = engine.ask(probe["question"])
                # Titles as ingest cleans them: a label may copy "$\textbf{Only-IF}$:..." from the corpus page.
                wanted = {normalise_title(t) for t in probe["papers"]}
                if kind == "comparative":
                    good = answer.kind == "comparative" and \
                        {normalise_title(r["title"]) for r in answer.table or []} == wanted
                else:
                    good = not answer.refused and {normalise_title(c.title) for c in answer.citations} == wanted
            asked[kind] += 1
            right[kind] += good
            if not good and args.show:
                print(f"  {probe['id']}: meant {kind}, read {plan.kind} {plan.topic!r}: {probe['question']}")
    for kind in sorted(asked):
        print(f"{kind:12s} {right[kind]:4d} / {asked[kind]}")
    print(f"{'all':12s} {sum(right.values()):4d} / {sum(asked.values())}")


if __name__ == "__main__":
    main()
