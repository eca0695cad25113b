"""The offline engine: intent, tools, composed answer. No model needed.

Steps:

1. Recognise the question's kind, codes, date, setting and place.
2. Plan the tool calls for that kind and run them, streaming each step,
   plus the follow-ups a result suggests (the notes of a search's best hit).
3. Compose the text from the findings, numbering each source; say what is
   missing, or "I don't know" when the data cannot answer.
4. Pass the text through the guard, then stream it in pieces.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Iterator

from ._compose import compose_text, is_known, number_sources
from ._context import CodeSource, ToolContext
from ._guard import Guard
from ._intent import recognise
from ._plan import follow_up_calls, plan_calls
from ._records import (
    Answer,
    DoneEvent,
    Event,
    Intent,
    StepEvent,
    TextEvent,
    ToolResult,
    ToolStep,
)
from ._tools import run_tool

logger = logging.getLogger(__name__)

_PIECE = re.compile(r"[^\n]*\n|[^\n]+$")


def make_context(
    desk: CodeSource, question: str, intent: Intent, date: dt.date | None
) -> ToolContext:
    """The tool context: the date given, else the question's, else today."""
    day = date or intent.date or dt.date.today()
    return ToolContext(desk, day, intent.setting, intent.codes, intent.system)


def stream_offline(
    desk: CodeSource, question: str, *, date: dt.date | None = None
) -> Iterator[Event]:
    """Answer without a model, streaming tool steps, then text, then the answer."""
    started = time.perf_counter()
    intent = recognise(question)
    ctx = make_context(desk, question, intent, date)
    results: list[ToolResult] = []
    steps: list[ToolStep] = []

    yield from run_calls(ctx, intent, results, steps)
    answer = compose_answer(question, intent, ctx, results, steps)

    answer.elapsed_ms = (time.perf_counter() - started) * 1000
    logger.info(
        "offline answer kind=%s tools=%d sources=%d chars=%d ms=%.0f",
        answer.kind,
        len(steps),
        len(answer.sources),
        len(answer.text),
        answer.elapsed_ms,
    )
    for piece in _PIECE.findall(answer.text):
        yield TextEvent(piece)
    yield DoneEvent(answer)


def run_calls(
    ctx: ToolContext, intent: Intent, results: list[ToolResult], steps: list[ToolStep]
) -> Iterator[Event]:
    """Run the planned calls and their follow-ups, streaming each step."""
    queue = plan_calls(intent)
    while queue:
        name, arguments = queue.pop(0)
        yield StepEvent(ToolStep(name, arguments, "running"), done=False)
        result, step = run_tool(ctx, name, arguments)
        yield StepEvent(step, done=True)
        queue.extend(follow_up_calls(intent, result, first=not results))
        results.append(result)
        steps.append(step)


def compose_answer(
    question: str,
    intent: Intent,
    ctx: ToolContext,
    results: list[ToolResult],
    steps: list[ToolStep],
) -> Answer:
    """The checked answer from the tool results."""
    findings = [f for r in results for f in r.findings]
    sources, numbers = number_sources(findings)
    known = is_known(intent, results)
    text = compose_text(intent, results, numbers, known, ctx.date.isoformat())
    guard = Guard(ctx)
    report = guard.report(text)
    return Answer(
        question=question,
        text=report.text,
        date=ctx.date,
        kind=intent.kind,
        engine="offline",
        known=known,
        sources=sources,
        codes=report.codes,
        steps=steps,
        flags=report.flags,
        missing=list(dict.fromkeys(m for r in results for m in r.missing)),
    )
