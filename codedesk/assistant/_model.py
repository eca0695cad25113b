"""The one module that talks to a language model.

It speaks the OpenAI-compatible chat completions protocol (llama.cpp, vLLM,
Ollama and others serve it): ``POST {url}/chat/completions`` with messages
and tool schemas, plain or streamed as server-sent events. Every failure
becomes ``TransportError``, whose ``permanent`` says whether a retry can
help.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from .._errors import InputError, TransportError

logger = logging.getLogger(__name__)

#: Statuses worth retrying: rate limited, timeouts, server trouble.
RETRYABLE = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class ModelConfig:
    """Where the model is and how to reach it."""

    url: str
    model: str
    api_key: str = ""
    timeout: float = 60.0
    max_tokens: int = 800


def config_from_env(environ: dict[str, str] | None = None) -> ModelConfig | None:
    """The model named by ``CODEDESK_LLM_URL`` and friends, or None.

    Raises:
        InputError: the URL is set but not http(s), or a number is not one.
    """
    env = dict(os.environ) if environ is None else environ
    url = env.get("CODEDESK_LLM_URL", "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise InputError(
            f"CODEDESK_LLM_URL is '{url}', which is not an http(s) URL.",
            hint="Set it to the base of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1",
        )
    return ModelConfig(
        url=url.rstrip("/"),
        model=env.get("CODEDESK_LLM_MODEL", "").strip() or "default",
        api_key=_api_key(env),
        timeout=_positive(env, "CODEDESK_LLM_TIMEOUT", 60.0),
    )


def _api_key(env: dict[str, str]) -> str:
    path = env.get("CODEDESK_LLM_API_KEY_FILE", "").strip()
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError as error:
            raise InputError(
                f"CODEDESK_LLM_API_KEY_FILE names '{path}',"
                f" which cannot be read: {error.strerror}."
            ) from None
    return env.get("CODEDESK_LLM_API_KEY", "").strip()


def _positive(env: dict[str, str], name: str, default: float) -> float:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise InputError(
            f"{name} is '{text}'; it must be a positive number of seconds."
        )
    return value


@dataclass
class ToolCall:
    """A tool the model asked to run; ``arguments`` is the JSON text it sent."""

    id: str
    name: str
    arguments: str = ""

    def parsed_arguments(self) -> dict[str, Any]:
        """The arguments as a dict ({} when the model sent none or bad JSON)."""
        try:
            value = json.loads(self.arguments or "{}")
        except json.JSONDecodeError:
            return {}
        return value if isinstance(value, dict) else {}


@dataclass
class ModelReply:
    """One assistant turn: its text and the tools it asked for."""

    content: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str = ""
    usage: dict[str, Any] = field(default_factory=dict)

    def message(self) -> dict[str, Any]:
        """The turn as a message to send back with the tool results."""
        message: dict[str, Any] = {"role": "assistant", "content": self.content}
        if self.tool_calls:
            message["tool_calls"] = [
                {
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.name, "arguments": call.arguments},
                }
                for call in self.tool_calls
            ]
        return message


class ModelClient:
    """A client for one OpenAI-compatible chat completions endpoint."""

    def __init__(
        self, config: ModelConfig, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.config = config
        headers = {"Content-Type": "application/json"}
        if config.api_key:
            headers["Authorization"] = f"Bearer {config.api_key}"
        self._http = httpx.Client(
            base_url=config.url,
            headers=headers,
            timeout=config.timeout,
            transport=transport,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def chat(
        self, messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None
    ) -> ModelReply:
        """One completion, not streamed."""
        started = time.perf_counter()
        response = self._post(self._body(messages, tools, stream=False))
        try:
            payload = response.json()
            reply = reply_from_message(payload["choices"][0], payload.get("usage"))
        except (ValueError, KeyError, IndexError, TypeError):
            raise self._bad_response(response.text) from None
        self._log(response.status_code, started, reply.usage)
        return reply

    def stream(
        self, messages: list[dict[str, Any]], tools: list[dict[str, Any]] | None = None
    ) -> Iterator[str | ModelReply]:
        """Text deltas as they arrive, then the whole reply as the last item."""
        started = time.perf_counter()
        body = self._body(messages, tools, stream=True)
        reply = ModelReply()
        try:
            with self._http.stream("POST", "/chat/completions", json=body) as response:
                self._check_status(response, read=True)
                for data in sse_data(response.iter_lines()):
                    delta = apply_chunk(reply, data)
                    if delta:
                        yield delta
        except httpx.TransportError as error:
            raise _unreachable(self.config.url, error) from None
        self._log(200, started, reply.usage)
        yield reply

    def _body(
        self,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        *,
        stream: bool,
    ) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": self.config.max_tokens,
            "stream": stream,
        }
        if tools:
            body["tools"] = tools
            body["tool_choice"] = "auto"
        return body

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            response = self._http.post("/chat/completions", json=body)
        except httpx.TransportError as error:
            raise _unreachable(self.config.url, error) from None
        self._check_status(response, read=False)
        return response

    def _check_status(self, response: httpx.Response, *, read: bool) -> None:
        if response.status_code < 400:
            return
        if read:
            response.read()
        logger.warning(
            "model endpoint %s answered %d: %s",
            self.config.url,
            response.status_code,
            response.text[:200],
        )
        raise TransportError(
            f"The model endpoint {self.config.url} answered"
            f" HTTP {response.status_code}.",
            permanent=response.status_code not in RETRYABLE,
            hint="Check CODEDESK_LLM_URL, CODEDESK_LLM_MODEL and CODEDESK_LLM_API_KEY.",
        )

    def _bad_response(self, text: str) -> TransportError:
        logger.warning(
            "model endpoint %s sent an unreadable body: %s", self.config.url, text[:200]
        )
        return TransportError(
            f"The model endpoint {self.config.url} sent a reply"
            " that is not a chat completion.",
            permanent=True,
        )

    def _log(self, status: int, started: float, usage: dict[str, Any]) -> None:
        logger.info(
            "model call %s/chat/completions status=%d latency_ms=%.0f tokens=%s",
            self.config.url,
            status,
            (time.perf_counter() - started) * 1000,
            usage.get("total_tokens", "?"),
        )


def _unreachable(url: str, error: httpx.TransportError) -> TransportError:
    return TransportError(
        f"The model endpoint {url} could not be reached ({type(error).__name__}).",
        permanent=False,
        hint="Is the model server running? CODEDESK_LLM_URL names it.",
    )


def reply_from_message(choice: dict[str, Any], usage: Any) -> ModelReply:
    """A reply from a non-streamed choice."""
    message = choice["message"]
    calls = [
        ToolCall(
            id=str(call.get("id", "")),
            name=str(call["function"]["name"]),
            arguments=str(call["function"].get("arguments") or ""),
        )
        for call in message.get("tool_calls") or []
    ]
    return ModelReply(
        content=str(message.get("content") or ""),
        tool_calls=calls,
        finish_reason=str(choice.get("finish_reason") or ""),
        usage=usage if isinstance(usage, dict) else {},
    )


def sse_data(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """The JSON payloads of an event stream, up to ``data: [DONE]``."""
    for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            payload = json.loads(data)
        except json.JSONDecodeError:
            raise TransportError(
                "The model stream sent an event that is not JSON.", permanent=True
            ) from None
        if isinstance(payload, dict):
            yield payload


def apply_chunk(reply: ModelReply, chunk: dict[str, Any]) -> str:
    """Fold one streamed chunk into the reply; return its new text."""
    if isinstance(chunk.get("usage"), dict):
        reply.usage = chunk["usage"]
    choices = chunk.get("choices") or []
    if not choices:
        return ""
    choice = choices[0]
    if choice.get("finish_reason"):
        reply.finish_reason = str(choice["finish_reason"])
    delta = choice.get("delta") or {}
    for part in delta.get("tool_calls") or []:
        _apply_tool_delta(reply, part)
    text = str(delta.get("content") or "")
    reply.content += text
    return text


def _apply_tool_delta(reply: ModelReply, part: dict[str, Any]) -> None:
    # Streamed tool calls arrive in pieces keyed by ``index``: the first
    # piece carries the id and name, later ones append to the arguments.
    index = int(part.get("index", len(reply.tool_calls)))
    while len(reply.tool_calls) <= index:
        reply.tool_calls.append(ToolCall(id="", name=""))
    call = reply.tool_calls[index]
    function = part.get("function") or {}
    call.id = str(part.get("id") or call.id)
    call.name += str(function.get("name") or "")
    call.arguments += str(function.get("arguments") or "")
