"""`paperchat` command line: the face every command goes through. Imports stay inside the commands so `--help`
starts fast."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rag.choices import BACKENDS, ENCODERS, RETRIEVERS


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", type=Path, help="folder of the embedded store (env PAPERCHAT_DATA_DIR)")
    parser.add_argument("--chroma-url", help="a Chroma server, e.g. http://127.0.0.1:8000 (env PAPERCHAT_CHROMA_URL)")
    parser.add_argument("--device", help="embedding device: cpu, cuda or auto (env PAPERCHAT_DEVICE)")
    parser.add_argument("--encoder", choices=ENCODERS,
                        help="embedding runtime (env PAPERCHAT_ENCODER; default onnx)")


def _retrieval(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--retriever", choices=list(RETRIEVERS), help="how chunks are found")
    parser.add_argument("--top-papers", type=_bounded_int("retrieval", "top_papers"),
                        help="papers whose evidence reaches the answer (1-50)")


def _llm(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("answer backend (README: LLM backends)")
    group.add_argument("--backend", choices=BACKENDS,
                       help="who writes the answers: extractive quotes, or a model (default: the llama-index class, "
                            "else openai when an LLM URL is set, else the local model, else extractive)")
    group.add_argument("--llm-base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 "
                       "(env PAPERCHAT_LLM_BASE_URL)")
    group.add_argument("--llm-model", help="model name at that endpoint (env PAPERCHAT_LLM_MODEL)")
    group.add_argument("--local-model", help="transformers folder, .gguf file, or `smollm2` (the packaged one)")
    group.add_argument("--strict", action="store_true", default=None,
                       help="drop generated sentences the verifier cannot support instead of flagging them")


def _bounded_int(group: str, name: str):
    """An argparse type holding an int to the bounds the settings model declares, so a value out of range gets
    a one-line usage error instead of a validation traceback (the bounds live only in rag/settings.py)."""

    def convert(text: str) -> int:
        from rag.settings import Settings

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        group_model = Settings.model_fields[group].annotation
        low = high = None
        for bound in group_model.model_fields[name].metadata:
            low = getattr(bound, "ge", low)
            high = getattr(bound, "le", high)
        if (low is not None and value < low) or (high is not None and value > high):
            allowed = f"between {low} and {high}" if None not in (low, high) else f"at least {low}" if high is None \
                else f"at most {high}"
            raise argparse.ArgumentTypeError(f"must be {allowed}, got {value}")
        return value

    return convert


def _port(text: str) -> int:
    """A TCP port, checked here so a typo is a usage line, not a socket traceback once the page is half built."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, got {port}")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paperchat", description="Ask questions about research-paper abstracts; answers cite the papers."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="add abstracts to the index (no FILE: the built-in corpus)")
    p.add_argument("files", nargs="*", type=Path,
                   help="JSONL, CSV/TSV, BEIR corpus.jsonl, arXiv metadata, BibTeX, RIS, Zotero CSV, OpenAlex or "
                        "Semantic Scholar JSON, .txt page")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--if-empty", action="store_true", help="only ingest when the index holds no papers yet")
    _common(p)

    p = sub.add_parser("ask", help="answer one question with citations")
    p.add_argument("question")
    p.add_argument("--json", action="store_true", help="print the Answer as JSON")
    _common(p)
    _retrieval(p)
    _llm(p)

    p = sub.add_parser("chat", help="a multi-turn conversation in the terminal")
    _common(p)
    _retrieval(p)
    _llm(p)

    p = sub.add_parser("serve", help="the chat page in the browser (ingests the built-in corpus if empty)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind; anything but loopback needs --auth")
    p.add_argument("--port", type=_port, default=7860, help="TCP port to listen on (1-65535; default 7860)")
    p.add_argument("--auth", help="USER:PASS required to open the page (env PAPERCHAT_AUTH)")
    _common(p)
    _retrieval(p)
    _llm(p)

    p = sub.add_parser("papers", help="list the indexed papers")
    _common(p)

    from eval.cli import register

    register(sub, lambda p: (_common(p), _retrieval(p)))
    return parser


def settings_from(args: argparse.Namespace):
    from rag.settings import Settings

    overrides: dict[str, Any] = {}
    if getattr(args, "data_dir", None):
        overrides["data_dir"] = args.data_dir
    if getattr(args, "chroma_url", None):
        overrides["chroma_url"] = args.chroma_url
    if getattr(args, "device", None):
        overrides["device"] = args.device
    if getattr(args, "encoder", None):
        overrides["encoder"] = args.encoder
    retrieval = {k: v for k in ("retriever", "top_papers") if (v := getattr(args, k, None)) is not None}
    if retrieval:
        overrides["retrieval"] = retrieval
    llm = {key: value for key, flag in (("backend", "backend"), ("base_url", "llm_base_url"), ("model", "llm_model"),
                                        ("local_model_dir", "local_model"), ("strict", "strict"))
           if (value := getattr(args, flag, None)) is not None}
    settings = Settings(**overrides).resolved()
    if llm:  # flags win over PAPERCHAT_LLM_* and PAPERCHAT_LLM__*
        llm_settings = settings.llm.model_validate({**settings.llm.model_dump(), **llm})
        settings = settings.model_copy(update={"llm": llm_settings})
    return settings


def main(argv: list[str] | None = None) -> int:
    _text_streams()
    args = build_parser().parse_args(argv)
    from rag.offline import configure_offline

    configure_offline()
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    from rag.errors import PaperchatError

    try:
        return _run(args)
    except PaperchatError as exc:
        _fail(str(exc))
        return 2
    except ValidationError as exc:
        for line in _setting_errors(exc):
            _fail(line)
        return 2
    except SettingsError as exc:
        _fail(_unreadable_setting(exc))
        return 2
    except KeyboardInterrupt:
        print("paperchat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`paperchat ask ... | head`): not an error; keep Python from complaining at exit.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        # A path from a flag or setting that the system refused (a file where a folder belongs, no permission,
        # a full disk): the system's own words name it, and a traceback would add nothing the user can act on.
        where = f": {exc.filename}" if exc.filename else ""
        _fail(f"{exc.strerror or exc}{where}. Check the paths in your flags and PAPERCHAT_* settings.")
        return 2


def _text_streams() -> None:
    """Bytes that are not UTF-8 reach the question check as text instead of killing the chat's input(), and what
    cannot be encoded is printed as "?" instead of raising: a title must never take the output down."""
    import contextlib
    import io

    for stream, errors in ((sys.stdin, "surrogateescape"), (sys.stdout, "replace"), (sys.stderr, "replace")):
        reconfigure = getattr(stream, "reconfigure", None)  # a stand-in stream (pytest's capture) may not have it
        with contextlib.suppress(io.UnsupportedOperation):  # raised for a stream already read from: keep it as is
            if reconfigure is not None:
                reconfigure(errors=errors)


def _fail(message: str) -> None:
    from rag.text.controls import strip_controls

    print(f"paperchat: {strip_controls(message)}", file=sys.stderr)


def _unreadable_setting(exc: Exception) -> str:
    """pydantic-settings cannot parse a group variable (PAPERCHAT_RETRIEVAL='x'): say what it expects."""
    import re

    found = re.search(r'field "(\w+)"', str(exc))
    if not found:
        return f"{exc}: see README: Settings"
    name = found.group(1)
    env = f"PAPERCHAT_{name.upper()}"
    return (f"cannot read setting {name} (env {env}): a settings group is a JSON object, e.g. "
            f"{env}='{{\"key\": value}}'; or set one key as {env}__KEY=value (README: Settings)")


def _json_for_terminal(data: Any) -> str:
    """JSON whose strings keep every character as data: json.dumps escapes C0 controls, and the rest a terminal
    would obey (DEL, C1 such as 0x9b CSI) or cannot encode (lone surrogates) are escaped the same way."""
    import re

    text = json.dumps(data, indent=2, ensure_ascii=False)
    return re.sub("[\x7f-\x9f\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def _setting_errors(exc) -> list[str]:
    """A settings validation error (a bad PAPERCHAT_* variable) as lines naming the variable to fix."""
    lines = []
    for error in exc.errors():
        path = [str(part) for part in error["loc"]]
        env = "PAPERCHAT_" + "__".join(path).upper()
        if error["type"] == "extra_forbidden":
            lines.append(f"unknown setting {'.'.join(path)} (env {env}): no such setting; see README: Settings "
                         "for the names")
        else:
            lines.append(f"invalid setting {'.'.join(path)}={error.get('input')!r} (env {env}): "
                         f"{error['msg'].removeprefix('Value error, ')}")
    return lines


READ_ONLY = frozenset({"ask", "chat", "papers"})  # commands that need an index and never create one


def _run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    if args.command == "eval":
        from eval.cli import run

        return run(args, settings)
    if args.command == "ask":
        # The question is checked before anything is opened or loaded.
        from rag.answer.question import check_question

        args.question = check_question(args.question, settings.answer.max_question_chars)
    from ingest.writer import open_engine
    from rag.text.controls import strip_controls

    engine = open_engine(settings, must_exist=args.command in READ_ONLY, quick=args.command in READ_ONLY,
                         encoder_early=args.command != "papers")  # listing papers embeds nothing
    if args.command == "ingest":
        from ingest.pipeline import BUILTIN_CORPUS
        from ingest.writer import ingest_into

        if args.if_empty and engine.papers:
            print(strip_controls(f"The index at {engine.location} already holds {len(engine.papers)} papers."))
            return 0
        report = ingest_into(engine, args.files or [BUILTIN_CORPUS], progress=not args.quiet)
        for line in report.problems():  # they quote the files' own ids and titles
            print(strip_controls(line), file=sys.stderr)
        print(report.summary())
        return report.exit_code
    if args.command == "ask":
        from ui.render_text import answer_as_text

        answer = engine.ask(args.question)
        print(_json_for_terminal(answer.to_dict()) if args.json else answer_as_text(answer))
        return 0
    if args.command == "chat":
        from ui.terminal_chat import run_chat

        return run_chat(engine)
    if args.command == "serve":
        from ui.serve import serve

        return serve(engine, args)
    if args.command == "papers":
        for paper in sorted(engine.papers.values(), key=lambda p: p.title.lower()):
            print(strip_controls(f"{paper.paper_id}\t{paper.title}"))
        return 0
    raise AssertionError(args.command)


if __name__ == "__main__":
    sys.exit(main())
