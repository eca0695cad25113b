"""The model path: the model plans tool calls and writes the prose.

The same tools answer, and the same guard checks the text as it streams:
a code the model names that is not valid on the date of service is removed
and flagged. If the model cannot be reached, the offline engine answers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Generator, Iterator
from typing import Any

from .._errors import TransportError
from ._context import CodeSource, ToolContext
from ._engine import make_context, stream_offline
from ._guard import Guard, GuardedStream
from ._intent import recognise
from ._model import ModelClient, ModelReply
from ._records import (
    Answer,
    DoneEvent,
    Event,
    StepEvent,
    TextEvent,
    ToolResult,
    ToolStep,
)
from ._tools import result_json, run_tool, tool_schemas

logger = logging.getLogger(__name__)

MAX_ROUNDS = 5

SYSTEM_PROMPT = """You are CodeDesk's assistant for medical coders.
Answer only from the results of the tools you are given; never from memory.
Look up every code you mention with a tool first. Never invent a code.
Never write the text of a CPT descriptor: CPT descriptors are AMA content.
When the tools lack the data, say plainly that you do not know and what data
would be needed. Keep answers short. Name the source of each fact as the
tool result gives it. The date of service is {date}."""


def stream_model(
    desk: CodeSource, question: str, client: ModelClient, *, date: dt.date | None = None
) -> Iterator[Event]:
    """Answer with the model, streaming steps and checked text; fall back offline."""
    started = time.perf_counter()
    intent = recognise(question)
    ctx = make_context(desk, question, intent, date)
    try:
        answer = yield from _converse(ctx, question, intent.kind, client)
    except TransportError as error:
        logger.warning(
            "model unavailable (permanent=%s); answering offline", error.permanent
        )
        yield from _offline_fallback(desk, question, ctx.date, error)
        return
    answer.elapsed_ms = (time.perf_counter() - started) * 1000
    yield DoneEvent(answer)


def _converse(
    ctx: ToolContext, question: str, kind: str, client: ModelClient
) -> Generator[Event, None, Answer]:
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": SYSTEM_PROMPT.format(date=ctx.date.isoformat())},
        {"role": "user", "content": question},
    ]
    guard = Guard(ctx)
    results: list[ToolResult] = []
    steps: list[ToolStep] = []
    for _ in range(MAX_ROUNDS):
        stream = GuardedStream(guard)
        reply = yield from _one_round(client, messages, stream)
        if not reply.tool_calls:
            return _answer(question, kind, ctx, guard, stream.text(), results, steps)
        messages.append(reply.message())
        yield from _run_calls(ctx, reply, messages, results, steps)
    raise TransportError(
        f"The model asked for tools {MAX_ROUNDS} times without answering.",
        permanent=True,
    )


def _one_round(
    client: ModelClient, messages: list[dict[str, Any]], stream: GuardedStream
) -> Generator[Event, None, ModelReply]:
    reply = ModelReply()
    for item in client.stream(messages, tool_schemas()):
        if isinstance(item, ModelReply):
            reply = item
            continue
        checked = stream.feed(item)
        if checked:
            yield TextEvent(checked)
    rest = stream.close()
    if rest:
        yield TextEvent(rest)
    return reply


def _run_calls(
    ctx: ToolContext,
    reply: ModelReply,
    messages: list[dict[str, Any]],
    results: list[ToolResult],
    steps: list[ToolStep],
) -> Iterator[Event]:
    for call in reply.tool_calls:
        arguments = call.parsed_arguments()
        yield StepEvent(ToolStep(call.name, arguments, "running"), done=False)
        result, step = run_tool(ctx, call.name, arguments)
        yield StepEvent(step, done=True)
        results.append(result)
        steps.append(step)
        content = json.dumps(result_json(result), ensure_ascii=False, default=str)
        messages.append({"role": "tool", "tool_call_id": call.id, "content": content})


def _answer(
    question: str,
    kind: str,
    ctx: ToolContext,
    guard: Guard,
    text: str,
    results: list[ToolResult],
    steps: list[ToolStep],
) -> Answer:
    sources = list(dict.fromkeys(f.source for r in results for f in r.findings))
    return Answer(
        question=question,
        text=text.strip(),
        date=ctx.date,
        kind=kind,
        engine="model",
        known=any(r.findings for r in results),
        sources=sources,
        codes=list(guard.codes.values()),
        steps=steps,
        flags=list(guard.flags),
        missing=list(dict.fromkeys(m for r in results for m in r.missing)),
    )


def _offline_fallback(
    desk: CodeSource, question: str, day: dt.date, error: TransportError
) -> Iterator[Event]:
    for event in stream_offline(desk, question, date=day):
        if isinstance(event, DoneEvent):
            event.answer.flags.append(
                f"The language model was not used: {error.message}"
                " This answer is from the offline engine."
            )
        yield event
