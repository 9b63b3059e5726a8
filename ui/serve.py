"""`paperchat serve`: checks it is safe to listen, fills an empty index, then launches the page built by app.py.

The page answers anyone who can reach it, so only loopback is served without a password.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from typing import TYPE_CHECKING

from rag.errors import PaperchatError

if TYPE_CHECKING:
    import gradio as gr
    from pydantic import SecretStr

    from rag.engine import Engine


class ServeError(PaperchatError):
    """A reason not to start the server; the message says how to fix it."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything, so it is treated as exposed


def parse_auth(value: str) -> tuple[str, str]:
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ServeError("--auth (or PAPERCHAT_AUTH) must look like USER:PASS, both parts non-empty.")
    return user, password


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value() if value is not None else ""


def resolve_auth(flag: str | None, engine: Engine) -> tuple[str, str] | None:
    """The flag wins over the settings (env PAPERCHAT_AUTH, or PAPERCHAT_UI__AUTH)."""
    settings = engine.settings
    raw = flag or _secret(settings.ui.auth) or _secret(settings.auth)
    return parse_auth(raw) if raw else None


def check_binding(host: str, auth: tuple[str, str] | None) -> None:
    if not is_loopback(host) and auth is None:
        raise ServeError(
            f"refusing to serve on {host} without a password: anyone who can reach this machine could use it. "
            "Pass --auth USER:PASS (or set PAPERCHAT_AUTH), or leave --host at 127.0.0.1."
        )


def serve(engine: Engine, args: argparse.Namespace) -> int:
    host, port = args.host, args.port
    try:
        auth = resolve_auth(getattr(args, "auth", None), engine)
        check_binding(host, auth)
    except ServeError as exc:
        print(f"paperchat: {exc}", file=sys.stderr)
        return 2
    if not engine.papers:
        from ingest.writer import ensure_builtin_corpus

        print("The index is empty: ingesting the built-in corpus first.", file=sys.stderr)
        report = ensure_builtin_corpus(engine, progress=True)
        if report is not None:
            print(report.summary(), file=sys.stderr)

    from ui.app import build_app
    from ui.page_assets import launch_options

    demo = build_app(engine)
    shown_host = f"[{host}]" if ":" in host else host
    print(f"paperchat: the chat page is at http://{shown_host}:{port}  ({len(engine.papers)} papers; Ctrl-C stops)")
    if is_loopback(host):
        print("paperchat: listening on loopback only: this machine alone can open it.")
    else:
        assert auth is not None
        print(
            f"paperchat: listening on {host}, reachable from other machines; sign-in required (user {auth[0]!r}). "
            "Traffic is plain HTTP: put TLS in front of it on untrusted networks."
        )
    try:
        demo.launch(server_name=host, server_port=port, auth=auth, quiet=True, **launch_options())
    except OSError as exc:
        print(f"paperchat: cannot listen on {host}:{port}: {exc}. Pick another --port.", file=sys.stderr)
        return 2
    return 0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def start_in_background(demo: gr.Blocks, host: str = "127.0.0.1", port: int | None = None,
                        auth: tuple[str, str] | None = None) -> str:
    """Launches on a server thread and returns the page's URL; for tests and the screenshot (close with
    `demo.close()`)."""
    from ui.page_assets import launch_options

    port = port or free_port(host)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=True, quiet=True, auth=auth,
                **launch_options())
    return f"http://{host}:{port}/"
