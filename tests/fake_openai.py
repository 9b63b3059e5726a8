"""A small OpenAI-protocol server on loopback for the LLM tests: chat completions, streamed (SSE) or not, and
the failures real servers produce (unknown model, rejected key, slow answers). Replies come from a function of
the request's messages, so a test decides what the "model" says."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[list[dict[str, str]]], str]
SOURCE_LINE = re.compile(r"^\[(\d+)\] (.*)$", re.M)


def sources_in(messages: list[dict[str, str]]) -> dict[int, str]:
    """The numbered sentences of a paperchat prompt, as the model sees them."""
    return {int(n): text for n, text in SOURCE_LINE.findall(messages[-1]["content"])}


def quote_source(n: int = 1) -> Reply:
    """A model that restates source n and cites it: the best-behaved model there is."""
    return lambda messages: f"{sources_in(messages)[n]} [{n}]"


class FakeOpenAI:
    def __init__(self) -> None:
        self.models = ["fake-model"]
        self.reply: Reply = quote_source(1)
        self.api_key: str | None = None  # when set, requests must carry it
        self.delay_s = 0.0  # before the reply starts
        self.chunk_delay_s = 0.0  # between streamed pieces, so a page can be seen to grow
        # When set, a streamed reply's body is exactly these bytes, written as they come (misbehaving servers).
        self.raw_stream: Callable[[], Iterator[bytes]] | None = None
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def reset(self) -> None:
        self.reply, self.api_key, self.delay_s, self.chunk_delay_s = quote_source(1), None, 0.0, 0.0
        self.raw_stream = None
        self.requests.clear()
        self.headers.clear()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet test output
                pass

            def _json(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path == "/v1/models":
                    self._json(200, {"object": "list", "data": [{"id": m, "object": "model"} for m in fake.models]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                if self.path != "/v1/chat/completions":
                    self.send_response(404)
                    self.end_headers()
                    self.wfile.write(b"404 page not found")
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.headers.append(dict(self.headers))
                if fake.api_key and self.headers.get("Authorization") != f"Bearer {fake.api_key}":
                    self._json(401, {"error": {"message": "Incorrect API key provided.", "code": "invalid_api_key"}})
                    return
                if body["model"] not in fake.models:
                    self._json(404, {"error": {"message": f"The model `{body['model']}` does not exist.",
                                               "type": "invalid_request_error", "code": "model_not_found"}})
                    return
                time.sleep(fake.delay_s)
                text = fake.reply(body["messages"]) if fake.raw_stream is None else ""
                if not body.get("stream"):
                    self._json(200, {"id": "c1", "object": "chat.completion", "model": body["model"], "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                if fake.raw_stream is not None:
                    try:
                        for data in fake.raw_stream():
                            self.wfile.write(data)
                            self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                events = [{"role": "assistant"}] + [{"content": piece} for piece in re.findall(r"\S+\s*|\s+", text)]
                try:
                    for delta in events:
                        chunk = {"id": "c1", "object": "chat.completion.chunk", "model": body["model"],
                                 "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                        time.sleep(fake.chunk_delay_s)
                    self.wfile.write(b": keep-alive\n\ndata: [DONE]\n\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def closed_port_url() -> str:
    """A loopback URL where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def keep_alive_forever(every_s: float = 0.05) -> Callable[[], Iterator[bytes]]:
    """A server that holds the stream open with SSE comments and never sends a token."""

    def body() -> Iterator[bytes]:
        while True:
            yield b": keep-alive\n\n"
            time.sleep(every_s)

    return body


def events(*payloads: Any) -> Callable[[], Iterator[bytes]]:
    """A stream of `data:` events with exactly these JSON payloads, then [DONE]."""

    def body() -> Iterator[bytes]:
        for payload in payloads:
            yield f"data: {json.dumps(payload)}\n\n".encode()
        yield b"data: [DONE]\n\n"

    return body
