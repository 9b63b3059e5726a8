"""A small Ollama-protocol server on loopback (POST /api/chat, streamed as JSON lines or not), so the Ollama backend
is tested through llama-index's real Ollama integration and the official client, with a test deciding the reply."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[list[dict[str, str]]], str]


class FakeOllama:
    def __init__(self, reply: Reply) -> None:
        self.models = ["llama3.2"]
        self.reply = reply
        self.requests: list[dict[str, Any]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, lines: list[dict[str, Any]]) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                for line in lines:
                    self.wfile.write(json.dumps(line).encode() + b"\n")
                    self.wfile.flush()

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                if self.path != "/api/chat":
                    self._send(404, [{"error": "404 page not found"}])
                    return
                if body["model"] not in fake.models:
                    self._send(404, [{"error": f"model \"{body['model']}\" not found, try pulling it first"}])
                    return
                text = fake.reply(body["messages"])
                pieces = re.findall(r"\S+\s*|\s+", text) if body.get("stream") else [text]
                message = {"model": body["model"], "created_at": "2025-01-01T00:00:00Z", "done": False}
                lines = [{**message, "message": {"role": "assistant", "content": p}} for p in pieces]
                lines.append({**message, "done": True, "done_reason": "stop", "prompt_eval_count": 10,
                              "eval_count": len(pieces), "message": {"role": "assistant", "content": ""}})
                self._send(200, lines if body.get("stream") else [{**lines[0], "done": True}])

        return Handler
