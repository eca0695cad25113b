"""``POST /api/v1/ask``: a coding question answered with sources.

The same answer as ``codedesk ask --json``; the assistant's rate limit
applies (a 429 with a JSON body past it).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from codedesk.assistant import answer
from codedesk_web.assistant.limits import check_rate
from codedesk_web.assistant.model import model_client
from codedesk_web.lib.desk import get_desk

from .dates import date_or_today
from .schemas import ErrorOut

router = Router(tags=["assistant"])


class AskBody(Schema):
    """A question, and optionally the date of service (YYYY-MM-DD)."""

    question: str
    date: str | None = None


class SourceOut(Schema):
    title: str
    detail: str
    system: str | None = None
    code: str | None = None


class StepOut(Schema):
    tool: str
    arguments: dict[str, Any]
    summary: str
    elapsed_ms: float


class MentionOut(Schema):
    system: str
    code: str
    title: str
    status: str


class AnswerOut(Schema):
    """The answer, its sources, the tool steps and what the guard removed."""

    question: str
    text: str
    date: str
    kind: str
    engine: str
    known: bool
    sources: list[SourceOut]
    codes: list[MentionOut]
    steps: list[StepOut]
    flags: list[str]
    missing: list[str]
    elapsed_ms: float


@router.post(
    "/ask",
    response={200: AnswerOut, 400: ErrorOut, 429: ErrorOut, 503: ErrorOut},
    url_name="ask",
)
def ask(request: HttpRequest, body: AskBody) -> dict[str, Any]:
    """Answer a coding question from the code database, citing each fact.

    Every code in the answer has been checked against the code database for
    the date of service. ``known`` is false when the data cannot answer;
    ``missing`` then says what would be needed.
    """
    limit = check_rate(request)
    if not limit.allowed:
        raise HttpError(429, limit.message)
    day = date_or_today(body.date) if body.date else None
    client = model_client()
    try:
        result = answer(get_desk(), body.question, date=day, model=client)
    finally:
        if client is not None:
            client.close()
    return result.to_json()
