"""The coding assistant: questions answered with the desk's own tools, cited.

:func:`answer` returns a whole :class:`Answer`; :func:`stream_answer` yields
tool steps and text as they form, then the answer. Without a model client
the offline engine answers; with one, the model plans the tool calls and
writes the prose, and the same guard checks every code it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .._errors import InputError
from ._context import CodeSource, ToolContext
from ._engine import stream_offline
from ._guard import Guard, GuardedStream
from ._intent import recognise
from ._llm import stream_model
from ._model import ModelClient, ModelConfig, ToolCall, config_from_env
from ._notes import KnowledgeNote, find_note, load_notes, search_notes
from ._records import (
    KINDS,
    Answer,
    CodeMention,
    DoneEvent,
    Event,
    Finding,
    Intent,
    Source,
    StepEvent,
    TextEvent,
    ToolResult,
    ToolStep,
    step_json,
)
from ._tools import TOOLS, run_tool, tool_schemas

#: The longest question accepted, in characters.
MAX_QUESTION = 2000


def check_question(question: str) -> str:
    """The question, trimmed.

    Raises:
        InputError: it is empty or longer than ``MAX_QUESTION`` characters.
    """
    text = question.strip()
    if not text:
        raise InputError(
            "The question is empty.", hint="Ask about a code, a modifier or a rule."
        )
    if len(text) > MAX_QUESTION:
        raise InputError(
            f"The question is {len(text)} characters long;"
            f" the limit is {MAX_QUESTION}.",
            hint="Ask one thing at a time.",
        )
    return text


def stream_answer(
    desk: CodeSource,
    question: str,
    *,
    date: dt.date | None = None,
    model: ModelClient | None = None,
) -> Iterator[Event]:
    """Tool steps and text as they form, then a ``DoneEvent`` with the answer.

    Raises:
        InputError: the question is empty or too long.
    """
    text = check_question(question)
    if model is None:
        return stream_offline(desk, text, date=date)
    return stream_model(desk, text, model, date=date)


def answer(
    desk: CodeSource,
    question: str,
    *,
    date: dt.date | None = None,
    model: ModelClient | None = None,
) -> Answer:
    """The checked answer to a question, with its sources.

    Raises:
        InputError: the question is empty or too long.
    """
    for event in stream_answer(desk, question, date=date, model=model):
        if isinstance(event, DoneEvent):
            return event.answer
    raise InputError("The assistant produced no answer.")  # pragma: no cover


__all__ = [
    "KINDS",
    "MAX_QUESTION",
    "TOOLS",
    "Answer",
    "CodeMention",
    "CodeSource",
    "DoneEvent",
    "Event",
    "Finding",
    "Guard",
    "GuardedStream",
    "Intent",
    "KnowledgeNote",
    "ModelClient",
    "ModelConfig",
    "Source",
    "StepEvent",
    "TextEvent",
    "ToolCall",
    "ToolContext",
    "ToolResult",
    "ToolStep",
    "answer",
    "check_question",
    "config_from_env",
    "find_note",
    "load_notes",
    "recognise",
    "run_tool",
    "search_notes",
    "step_json",
    "stream_answer",
    "tool_schemas",
]
