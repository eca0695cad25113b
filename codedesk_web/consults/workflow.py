"""What a consultant does to a case: edit the draft, approve it, send it.

Every step adds an event to the case's history, and the edited text is
saved before any attempt to send, so a failed send loses nothing.
"""

from __future__ import annotations

import logging

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from codedesk import InputError, TransportError

from . import outbound
from .models import CaseStatus, ConsultCase, ConsultEvent, EventKind

logger = logging.getLogger(__name__)

ANSWER_MAX = 20_000


def save_draft(case_id: int, text: str, actor: AbstractBaseUser) -> ConsultCase:
    """Store an edited draft, recording the edit when the text changed.

    Raises:
        InputError: the case is already answered or the text is unusable.
    """
    with transaction.atomic():
        case = lock_open_case(case_id)
        record_edit(case, check_answer(case, text), actor)
    return case


def approve_and_send(case_id: int, text: str, actor: AbstractBaseUser) -> ConsultCase:
    """Approve the draft as edited and send it to the coder.

    Raises:
        InputError: the case is not open or the text is unusable.
        TransportError: the mail server did not take the reply; the case
            stays open with the approved text saved, ready to approve again.
    """
    with transaction.atomic():
        case = lock_open_case(case_id)
        record_edit(case, check_answer(case, text), actor)
        add_event(case, EventKind.APPROVAL, actor)
        case.status = CaseStatus.APPROVED
        case.save(update_fields=["status", "updated_at"])
    reply = outbound.build_reply(
        to=case.sender_address,
        subject=case.subject,
        body=case.draft,
        in_reply_to=case.message_id,
        references=case.references.split(),
    )
    try:
        raw = outbound.send(reply)
    except TransportError as error:
        record_send_failure(case, error, actor)
        raise
    record_sent(case, reply.extra_headers["Message-ID"], raw, actor)
    return case


def lock_open_case(case_id: int) -> ConsultCase:
    """The case, locked for this transaction; refuses one answered or sending."""
    case = ConsultCase.objects.select_for_update().get(pk=case_id)
    if case.status == CaseStatus.ANSWERED:
        raise InputError(f"Consult {case.pk} is already answered.")
    if case.status == CaseStatus.APPROVED:
        raise InputError(
            f"Consult {case.pk} is being sent by another consultant; "
            "reload the page in a moment."
        )
    return case


def check_answer(case: ConsultCase, text: str) -> str:
    """The answer text with its line ends made uniform; refuses an empty one."""
    cleaned = text.replace("\r\n", "\n").strip()
    if not cleaned:
        raise InputError(f"The answer to consult {case.pk} is empty; write one.")
    if len(cleaned) > ANSWER_MAX:
        raise InputError(
            f"The answer to consult {case.pk} has {len(cleaned)} characters; "
            f"the limit is {ANSWER_MAX}."
        )
    return cleaned


def record_edit(case: ConsultCase, text: str, actor: AbstractBaseUser) -> None:
    """Save ``text`` as the draft, adding an edit event if it changed."""
    if text == case.draft:
        return
    add_event(case, EventKind.EDIT, actor, body=text)
    case.draft = text
    case.save(update_fields=["draft", "updated_at"])


def record_send_failure(
    case: ConsultCase, error: TransportError, actor: AbstractBaseUser
) -> None:
    """Reopen the case after a failed send and say why in its history."""
    with transaction.atomic():
        add_event(case, EventKind.SEND_FAILED, actor, body=error.message)
        case.status = CaseStatus.OPEN
        case.save(update_fields=["status", "updated_at"])
    logger.warning("consult %d reply not sent", case.pk)


def record_sent(
    case: ConsultCase, message_id: str, raw: bytes, actor: AbstractBaseUser
) -> None:
    """Mark the case answered and keep the reply exactly as sent."""
    with transaction.atomic():
        add_event(
            case,
            EventKind.SENT,
            actor,
            body=case.draft,
            message_id=message_id,
            raw_message=raw,
        )
        case.status = CaseStatus.ANSWERED
        case.save(update_fields=["status", "updated_at"])
    logger.info("consult %d answered by user %s", case.pk, actor.pk)


def add_event(
    case: ConsultCase,
    kind: EventKind,
    actor: AbstractBaseUser | None,
    **fields: object,
) -> ConsultEvent:
    """Append one event to the case's history."""
    return ConsultEvent.objects.create(
        case=case, kind=kind, actor_id=actor.pk if actor else None, **fields
    )
