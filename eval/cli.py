"""`paperchat eval ...`: each evaluator registers its own sub-command here, in its own module."""

from __future__ import annotations

import argparse
from importlib import import_module

# name -> module with `add_arguments(parser)` and `run(args, settings) -> int`
COMMANDS = {
    "beir": ("eval.beir_command", "score retrieval on a BEIR folder (nDCG@10, Recall@100, MRR@10)"),
    "run": ("eval.run_command", "ask a question set (JSONL) and write results, summary, report and charts"),
    "compare": ("eval.compare_command", "compare two `eval run` folders side by side"),
}


def register(sub: argparse._SubParsersAction, common) -> None:
    parser = sub.add_parser("eval", help="evaluate retrieval and answers")
    eval_sub = parser.add_subparsers(dest="eval_command", required=True, metavar="EVAL_COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        p = eval_sub.add_parser(name, help=help_text)
        import_module(module).add_arguments(p)
        common(p)


def run(args: argparse.Namespace, settings) -> int:
    module, _ = COMMANDS[args.eval_command]
    return import_module(module).run(args, settings)
