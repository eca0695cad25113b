"""The assistant's pages: the chat, its answer stream, and the glossary.

Answers stream as server-sent events (``step``, ``text``, ``done``) read by
``static/assistant/chat.js``; without JavaScript the form posts to ``ask``
and the page reloads with the answer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from typing import Any

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from codedesk import CodeDeskError
from codedesk.assistant import (
    DoneEvent,
    Event,
    ModelClient,
    StepEvent,
    TextEvent,
    answer,
    check_question,
    load_notes,
    step_json,
    stream_answer,
)
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.flags import require_setting
from codedesk_web.lib.service_date import parse_service_date, service_date

from .conversations import LIST_LIMIT, get_owned, message_context, owned, save_answer
from .limits import check_rate
from .model import model_client

logger = logging.getLogger(__name__)


@require_GET
@require_setting("ASSISTANT_ENABLED")
def chat(request: HttpRequest) -> HttpResponse:
    conversation = get_owned(request, request.GET.get("c"))
    messages = conversation.messages.all() if conversation else []
    when = service_date(request)
    return render(
        request,
        "assistant/chat.html",
        {
            "conversations": owned(request)[:LIST_LIMIT],
            "conversation": conversation,
            "exchanges": [message_context(m) for m in messages],
            "ask_date": when.day.isoformat() if when.chosen else "",
        },
    )


@require_POST
@require_setting("ASSISTANT_ENABLED")
def ask(request: HttpRequest) -> HttpResponse:
    conversation = get_owned(request, request.POST.get("conversation"))
    limit = check_rate(request)
    if not limit.allowed:
        return _refuse(request, limit.message, 429)
    try:
        question = check_question(request.POST.get("question", ""))
        day = _date(request.POST.get("date", ""))
        client = model_client()
        try:
            result = answer(get_desk(), question, date=day, model=client)
        finally:
            if client is not None:
                client.close()
    except CodeDeskError as error:
        return _refuse(request, error.message, 400)
    kept = save_answer(request, conversation, result)
    return redirect(reverse("assistant:chat") + f"?c={kept.pk}")


@require_POST
@require_setting("ASSISTANT_ENABLED")
def stream(request: HttpRequest) -> HttpResponseBase:
    conversation = get_owned(request, request.POST.get("conversation"))
    limit = check_rate(request)
    if not limit.allowed:
        return JsonResponse({"error": limit.message}, status=429)
    client = model_client()
    try:
        question = check_question(request.POST.get("question", ""))
        day = _date(request.POST.get("date", ""))
        events = stream_answer(get_desk(), question, date=day, model=client)
    except CodeDeskError as error:
        if client is not None:
            client.close()
        return JsonResponse({"error": error.message, "hint": error.hint}, status=400)
    response = StreamingHttpResponse(
        sse(request, conversation, events, client), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


def sse(
    request: HttpRequest,
    conversation: Any,
    events: Iterator[Event],
    client: ModelClient | None = None,
) -> Iterator[str]:
    """The events as server-sent events; the answer is kept when done."""
    try:
        for event in events:
            if isinstance(event, StepEvent):
                yield _event("step", {**step_json(event.step), "done": event.done})
            elif isinstance(event, TextEvent):
                yield _event("text", {"text": event.text})
            elif isinstance(event, DoneEvent):
                kept = save_answer(request, conversation, event.answer)
                payload = event.answer.to_json()
                payload["conversation"] = kept.pk
                payload["conversation_url"] = (
                    reverse("assistant:chat") + f"?c={kept.pk}"
                )
                yield _event("done", payload)
    except CodeDeskError as error:
        yield _event("error", {"error": error.message})
    finally:
        if client is not None:
            client.close()


def _event(name: str, payload: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(payload, default=str)}\n\n"


@require_GET
@require_setting("ASSISTANT_ENABLED")
def glossary(request: HttpRequest) -> HttpResponse:
    notes = load_notes()
    kinds = ["guideline", "edit", "modifier", "payment", "glossary"]
    groups = [(kind, [n for n in notes if n.kind == kind]) for kind in kinds]
    return render(request, "assistant/glossary.html", {"groups": groups})


def _date(text: str) -> dt.date | None:
    return parse_service_date(text) if text.strip() else None


def _refuse(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request,
        "assistant/chat.html",
        {
            "conversations": owned(request)[:LIST_LIMIT],
            "conversation": None,
            "exchanges": [],
            "problem": message,
        },
        status=status,
    )
