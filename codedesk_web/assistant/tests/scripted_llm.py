"""A scripted OpenAI-compatible chat server on 127.0.0.1, for tests.

It speaks the real protocol over real HTTP: ``POST /v1/chat/completions``
answers with a chat completion, or with server-sent events when the request
says ``"stream": true`` (text in small deltas; tool calls split into an
opening chunk with id and name and later chunks that carry the arguments in
pieces, as OpenAI-compatible servers send them). Each request takes the
next turn of the script and is recorded, so a test can check what the
client sent back (tool results with their ``tool_call_id``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Turn:
    """One scripted reply: text, or tool calls as (name, arguments) pairs."""

    content: str = ""
    tool_calls: tuple[tuple[str, dict[str, Any]], ...] = ()
    status: int = 200


@dataclass
class Script:
    """The turns still to play and the requests received."""

    turns: list[Turn]
    requests: list[dict[str, Any]] = field(default_factory=list)


class ScriptedServer:
    """The server, started on a free loopback port; use as a context manager."""

    def __init__(self, turns: list[Turn]) -> None:
        self.script = Script(list(turns))
        handler = type("Handler", (_Handler,), {"script": self.script})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The API base, e.g. http://127.0.0.1:PORT/v1."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    script: Script

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_POST(self) -> None:
        if self.path != "/v1/chat/completions":
            self._send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.script.requests.append(body)
        if not self.script.turns:
            self._send_json(500, {"error": {"message": "script exhausted"}})
            return
        turn = self.script.turns.pop(0)
        if turn.status != 200:
            self._send_json(turn.status, {"error": {"message": "scripted failure"}})
        elif body.get("stream"):
            self._send_stream(turn, str(body.get("model", "")))
        else:
            self._send_json(200, completion(turn, str(body.get("model", ""))))

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, turn: Turn, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        for chunk in stream_chunks(turn, model):
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True


def _calls(turn: Turn) -> list[dict[str, Any]]:
    return [
        {
            "id": f"call_{index}",
            "type": "function",
            "function": {"name": name, "arguments": json.dumps(arguments)},
        }
        for index, (name, arguments) in enumerate(turn.tool_calls)
    ]


def completion(turn: Turn, model: str) -> dict[str, Any]:
    """A whole chat completion for a turn."""
    message: dict[str, Any] = {"role": "assistant", "content": turn.content or None}
    if turn.tool_calls:
        message["tool_calls"] = _calls(turn)
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if turn.tool_calls else "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


def _chunk(
    model: str, delta: dict[str, Any], finish: str | None = None
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def stream_chunks(turn: Turn, model: str) -> Iterator[dict[str, Any]]:
    """The chunks of a streamed turn, split the way real servers split them."""
    yield _chunk(model, {"role": "assistant", "content": ""})
    for start in range(0, len(turn.content), 7):
        yield _chunk(model, {"content": turn.content[start : start + 7]})
    for index, call in enumerate(_calls(turn)):
        opening = {
            "index": index,
            "id": call["id"],
            "type": "function",
            "function": {"name": call["function"]["name"], "arguments": ""},
        }
        yield _chunk(model, {"tool_calls": [opening]})
        arguments = call["function"]["arguments"]
        for start in range(0, len(arguments), 5):
            piece = {
                "index": index,
                "function": {"arguments": arguments[start : start + 5]},
            }
            yield _chunk(model, {"tool_calls": [piece]})
    yield _chunk(model, {}, "tool_calls" if turn.tool_calls else "stop")
    yield {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "model": model,
        "choices": [],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }
