"""Whose conversations are whose: a user's, or a guest session's."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from codedesk.assistant import Answer

from .models import Conversation, Message

#: How many conversations the side list shows.
LIST_LIMIT = 30


def session_key(request: HttpRequest) -> str:
    """The guest's session key, creating the session when there is none."""
    if not request.session.session_key:
        request.session.save()
    return str(request.session.session_key)


def owned(request: HttpRequest) -> QuerySet[Conversation]:
    """The conversations the asker may see."""
    if request.user.is_authenticated:
        return Conversation.objects.filter(user=request.user)
    return Conversation.objects.filter(user=None, session_key=session_key(request))


def get_owned(request: HttpRequest, pk: int | str | None) -> Conversation | None:
    """One of the asker's conversations; 404 for anyone else's."""
    if pk in (None, ""):
        return None
    try:
        return owned(request).get(pk=int(str(pk)))
    except (ValueError, Conversation.DoesNotExist):
        raise Http404("No such conversation.") from None


def save_answer(
    request: HttpRequest, conversation: Conversation | None, answer: Answer
) -> Conversation:
    """Keep a question and its answer, starting a conversation if needed."""
    if conversation is None:
        user = request.user if request.user.is_authenticated else None
        conversation = Conversation.objects.create(
            user=user,
            session_key="" if user else session_key(request),
            title=answer.question[:200],
        )
    Message.objects.create(
        conversation=conversation,
        question=answer.question,
        answer_text=answer.text,
        answer=answer.to_json(),
    )
    conversation.save(update_fields=["updated"])
    return conversation


def message_context(message: Message) -> dict[str, Any]:
    """What the template shows of one kept message."""
    data = message.answer
    return {
        "question": message.question,
        "text": message.answer_text,
        "sources": data.get("sources", []),
        "codes": data.get("codes", []),
        "flags": data.get("flags", []),
        "steps": data.get("steps", []),
        "engine": data.get("engine", ""),
        "date": data.get("date", ""),
    }
