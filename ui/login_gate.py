"""Sign-in in front of every route of the page, not only the routes Gradio guards itself.

Under `--auth`, Gradio checks the login cookie on most routes but leaves some open (`/gradio_api/cancel`, `/reset`,
the heartbeat, `/openapi.json`): an anonymous request could cancel a signed-in user's evaluation. This ASGI
middleware turns the question around: without a valid login cookie only what the login form itself needs is
served (the page shell, its static files and the login POST), and everything else answers 401.
"""

from __future__ import annotations

import json
import logging
from http.cookies import SimpleCookie
from typing import Any

log = logging.getLogger("paperchat.ui")

# What the browser fetches to show and submit the login form (found by recording a real login in Chromium), and
# the startup call `launch()` makes itself (it runs the page's startup events once, then does nothing).
OPEN_PATHS = frozenset({"/", "/login", "/login/", "/theme.css", "/favicon.ico", "/gradio_api/startup-events"})
OPEN_PREFIXES = ("/assets/", "/static/")

Scope = dict[str, Any]


class LoginRequired:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or _allowed(scope):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = json.dumps({"detail": "Not authenticated: sign in on the page first."}).encode()
        await send({"type": "http.response.start", "status": 401,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _allowed(scope: Scope) -> bool:
    app = scope.get("app")
    if app is None or not hasattr(app, "tokens") or not hasattr(app, "cookie_id"):
        log.error("login gate: the web app does not look like Gradio's; refusing the request")
        return False  # closed, not open, when Gradio's internals change
    if getattr(app, "auth", None) is None and getattr(app, "auth_dependency", None) is None:
        return True  # no password set: loopback only (ui/serve.py refuses anything else)
    path = scope.get("path", "")
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return True
    return _token(scope, app.cookie_id) in app.tokens


def _token(scope: Scope, cookie_id: str) -> str | None:
    cookies: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                cookies.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header signs nobody in
                return None
    for name in (f"access-token-{cookie_id}", f"access-token-unsecure-{cookie_id}"):
        if name in cookies:
            return cookies[name].value
    return None
