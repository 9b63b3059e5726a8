"""Placeholder registration; the BEIR runner replaces this module."""

from __future__ import annotations


def add_arguments(parser) -> None:
    parser.add_argument("dir")


def run(args, settings) -> int:
    raise SystemExit("paperchat eval beir: not built yet")
