"""Read an emailed question and file it as a consult case.

Parsing uses the standard library's ``email`` package with
``policy.default``. Steps of ``receive_message``:

1. Parse the message; refuse it (an SMTP 554) when an attachment is too
   large, too many, or not a PDF, DOCX, PNG, JPEG or plain-text file.
2. Ignore automatic mail (bounces, auto-replies, lists) so two robots
   cannot answer each other forever (RFC 3834 section 2).
3. Find the confirmed (active) account whose email is both the envelope
   sender (SMTP MAIL FROM) and the From address, compared without case; a
   header From alone is easy to forge. Any other message is kept as an
   unmatched message, and its envelope sender gets a reply that asks them
   to register.
4. Store the case, its received message and attachments in one
   transaction; a repeated Message-ID from the same sender is stored once.
   A message whose In-Reply-To or References names a message of one of
   the sender's cases (their question or our reply) joins that case, and
   reopens it if it was answered.
5. Ask the assistant for a draft of a new or reopened case and record it
   in the case's history.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from codedesk import InputError
from codedesk_web.lib.filetypes import (
    DOCX,
    JPEG,
    PDF,
    PNG,
    TEXT,
    check_upload,
    safe_filename,
)

from . import drafts, outbound
from .headers import clean_address, clean_message_id, clean_references, single_line
from .models import (
    CaseStatus,
    ConsultAttachment,
    ConsultCase,
    ConsultEvent,
    EventKind,
    UnmatchedMessage,
)

logger = logging.getLogger(__name__)

ATTACHMENT_KINDS = (PDF, DOCX, PNG, JPEG, TEXT)
_AUTOMATIC_PRECEDENCE = ("bulk", "junk", "list", "auto_reply")


class MessageRejectedError(InputError):
    """A received message the desk refuses; ``smtp_reply`` is what SMTP says."""

    def __init__(self, message: str, *, code: str = "554 5.6.0") -> None:
        super().__init__(message)
        self.smtp_reply = f"{code} {message}"


@dataclass(frozen=True)
class Attachment:
    """A checked attachment: a safe file name, its type and bytes."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Question:
    """What the desk keeps from a received message."""

    sender_address: str
    subject: str
    message_id: str
    references: list[str]
    in_reply_to: str
    text: str
    automatic: bool
    attachments: list[Attachment] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What became of a received message: a case, a register reply, or nothing."""

    case: ConsultCase | None
    action: str


def receive_message(raw: bytes, envelope_sender: str) -> Outcome:
    """File the raw message as a case; see the module docstring for the steps.

    Raises:
        MessageRejectedError: the message cannot be accepted.
    """
    question = parse_question(raw)
    if question.automatic or not envelope_sender:
        logger.info("ignored automatic message of %d bytes", len(raw))
        return Outcome(None, "ignored")
    sender = find_sender(question.sender_address, envelope_sender)
    if sender is None:
        keep_unmatched(question, envelope_sender, raw)
        outbound.send_register_request(question, envelope_sender)
        return Outcome(None, "asked_to_register")
    case, needs_draft = store_case(sender, question, raw)
    if needs_draft:
        add_draft(case, question.text)
    return Outcome(case, "filed")


def parse_question(raw: bytes) -> Question:
    """The parts of a raw RFC 5322 message the desk uses."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    return Question(
        sender_address=from_address(message),
        subject=single_line(str(message.get("Subject", ""))) or "(no subject)",
        message_id=clean_message_id(str(message.get("Message-ID", ""))),
        references=clean_references(str(message.get("References", ""))),
        in_reply_to=first_message_id(str(message.get("In-Reply-To", ""))),
        text=body_text(message),
        automatic=is_automatic(message),
        attachments=read_attachments(message),
    )


def from_address(message: EmailMessage) -> str:
    """The one address in From; refuses a message without a usable one."""
    try:
        addresses = [item.addr_spec for item in message["From"].addresses]
    except (IndexError, ValueError, TypeError, AttributeError):
        addresses = []
    found = clean_address(addresses[0]) if len(addresses) == 1 else ""
    if not found:
        raise MessageRejectedError(
            "The From header must hold exactly one plain email address.",
            code="550 5.1.7",
        )
    return found


def is_automatic(message: EmailMessage) -> bool:
    """Whether the message was sent by a program, not a person."""
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    return (
        auto != "no"
        or precedence in _AUTOMATIC_PRECEDENCE
        or message.get("List-Id") is not None
    )


def body_text(message: EmailMessage) -> str:
    """The plain text of the message, from its HTML part when it has no text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True)
        content = (
            payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        )
    text = str(content)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.strip()


def read_attachments(message: EmailMessage) -> list[Attachment]:
    """The checked attachments; refuses the message if any is not allowed."""
    parts = list(message.iter_attachments())
    limit = settings.CONSULT_ATTACHMENT_MAX_COUNT
    if len(parts) > limit:
        raise MessageRejectedError(
            f"The message has {len(parts)} attachments; send at most {limit}.",
            code="552 5.3.4",
        )
    return [check_attachment(part) for part in parts]


def check_attachment(part: EmailMessage) -> Attachment:
    """One attachment, checked by its bytes against the allowed kinds."""
    name = safe_filename(part.get_filename() or "", "attachment")
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    try:
        kind = check_upload(
            name, data, ATTACHMENT_KINDS, settings.CONSULT_ATTACHMENT_MAX_BYTES
        )
    except InputError as error:
        raise MessageRejectedError(error.message) from None
    return Attachment(name, kind.content_type, data)


def find_sender(address: str, envelope_sender: str) -> AbstractBaseUser | None:
    """The active account with this address, if the envelope sender agrees."""
    if address.lower() != clean_address(envelope_sender).lower():
        return None
    accounts = get_user_model().objects.filter(email__iexact=address, is_active=True)
    return accounts.order_by("pk").first()


def keep_unmatched(question: Question, envelope_sender: str, raw: bytes) -> None:
    """Record a message no confirmed account sent, byte for byte."""
    kept = UnmatchedMessage.objects.create(
        envelope_sender=envelope_sender[:254],
        from_address=question.sender_address,
        subject=question.subject,
        message_id=question.message_id,
        raw_message=raw,
    )
    logger.info("kept unmatched message %d of %d bytes", kept.pk, len(raw))


def store_case(
    sender: AbstractBaseUser, question: Question, raw: bytes
) -> tuple[ConsultCase, bool]:
    """Save the message as a new case or a follow-up, in one transaction.

    Returns the case and whether it needs a fresh draft.
    """
    with transaction.atomic():
        repeat = find_case(sender, [question.message_id], EventKind.RECEIVED)
        if repeat is not None:
            return repeat, repeat.draft == ""
        parent = find_case(sender, [question.in_reply_to, *question.references])
        if parent is not None:
            return parent, continue_case(parent, question, raw)
        case = ConsultCase.objects.create(
            sender_id=sender.pk,
            sender_address=question.sender_address,
            subject=question.subject,
            message_id=question.message_id,
            references=" ".join(thread_of(question)),
            question=question.text,
        )
        add_received(case, question, raw)
    return case, True


def find_case(
    sender: AbstractBaseUser, message_ids: list[str], kind: str | None = None
) -> ConsultCase | None:
    """The sender's latest case with an event carrying one of ``message_ids``."""
    wanted = [item for item in message_ids if item]
    if not wanted:
        return None
    events = ConsultEvent.objects.filter(
        case__sender_id=sender.pk, message_id__in=wanted
    )
    if kind is not None:
        events = events.filter(kind=kind)
    found = events.select_related("case").order_by("-created_at", "-id").first()
    return found.case if found else None


def continue_case(case: ConsultCase, question: Question, raw: bytes) -> bool:
    """Add a follow-up to its case; True if that reopened an answered case.

    The next reply threads to the follow-up. An open case keeps the draft a
    consultant may be editing; the follow-up shows in its history.
    """
    reopened = case.status == CaseStatus.ANSWERED
    add_received(case, question, raw)
    if question.message_id:
        case.message_id = question.message_id
        case.references = " ".join(thread_of(question))
    if reopened:
        case.status = CaseStatus.OPEN
    case.save(update_fields=["message_id", "references", "status", "updated_at"])
    return reopened


def add_received(case: ConsultCase, question: Question, raw: bytes) -> None:
    """Record a received message and its attachments on ``case``."""
    ConsultEvent.objects.create(
        case=case,
        kind=EventKind.RECEIVED,
        body=question.text,
        message_id=question.message_id,
        raw_message=raw,
    )
    save_attachments(case, question.attachments)
    logger.info(
        "consult %d received %d bytes, %d attachments",
        case.pk,
        len(raw),
        len(question.attachments),
    )


def thread_of(question: Question) -> list[str]:
    """The Message-IDs the question answers, oldest first."""
    if question.references:
        return question.references
    return [question.in_reply_to] if question.in_reply_to else []


def first_message_id(value: str) -> str:
    """The first well-formed Message-ID in a header such as In-Reply-To."""
    found = clean_references(value)
    return found[0] if found else ""


def save_attachments(case: ConsultCase, attachments: list[Attachment]) -> None:
    """Store the checked attachments of a case."""
    ConsultAttachment.objects.bulk_create(
        ConsultAttachment(
            case=case,
            filename=item.filename,
            content_type=item.content_type,
            size=len(item.data),
            data=item.data,
        )
        for item in attachments
    )


def add_draft(case: ConsultCase, question: str) -> None:
    """Ask the assistant for a draft answer to ``question`` and record it."""
    text = drafts.draft_answer(question)
    with transaction.atomic():
        ConsultEvent.objects.create(case=case, kind=EventKind.DRAFT, body=text)
        case.draft = text
        case.save(update_fields=["draft", "updated_at"])


def html_to_text(html: str) -> str:
    """The text of an HTML body, without scripts and styles."""
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    return "".join(reader.chunks)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in ("br", "p", "div", "li", "tr"):
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.chunks.append(data)
