"""Replies the desk sends by SMTP, threaded to the question they answer.

Every reply carries a fresh Message-ID, ``In-Reply-To`` naming the question
and ``References`` continuing its thread (RFC 5322 section 3.6.4). Header
values come only from ``headers``, which keeps them to one line; Django's
mail also refuses any header with CR or LF (``BadHeaderError``).
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
import time
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.core.mail import BadHeaderError, EmailMessage
from django.urls import reverse

from codedesk import TransportError

from .headers import clean_address, clean_message_id, clean_references, reply_subject

if TYPE_CHECKING:
    from .inbound import Question

logger = logging.getLogger(__name__)

REGISTER_REPLY_EVERY = 24 * 3600


def build_reply(
    *,
    to: str,
    subject: str,
    body: str,
    in_reply_to: str,
    references: list[str],
    automatic: bool = False,
) -> EmailMessage:
    """A reply from the desk's address, threaded to ``in_reply_to``."""
    headers = {
        "Message-ID": make_msgid(domain=desk_domain()),
        "Date": formatdate(localtime=False),
    }
    parent = clean_message_id(in_reply_to)
    if parent:
        chain = clean_references(" ".join([*references, parent]))
        headers["In-Reply-To"] = parent
        headers["References"] = " ".join(chain)
    if automatic:
        headers["Auto-Submitted"] = "auto-replied"
    return EmailMessage(
        subject=reply_subject(subject),
        body=body,
        from_email=settings.CONSULT_DESK_ADDRESS,
        to=[to],
        headers=headers,
    )


def send(message: EmailMessage) -> bytes:
    """Send through Django's email backend; the sent message's bytes.

    Raises:
        TransportError: the mail server refused or could not be reached.
    """
    started = time.monotonic()
    try:
        raw = message.message().as_bytes()
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError, BadHeaderError) as error:
        logger.warning(
            "reply %s not sent: %s", message.extra_headers["Message-ID"], error
        )
        raise TransportError(
            f"The mail server at {settings.EMAIL_HOST}:{settings.EMAIL_PORT} did "
            f"not take the reply: {error}.",
            permanent=isinstance(error, BadHeaderError),
            hint="Check EMAIL_HOST and EMAIL_PORT, then approve again.",
        ) from error
    logger.info(
        "sent reply %s via %s:%s in %.0f ms (%d bytes)",
        message.extra_headers["Message-ID"],
        settings.EMAIL_HOST,
        settings.EMAIL_PORT,
        (time.monotonic() - started) * 1000,
        len(raw),
    )
    return raw


def send_register_request(question: Question, envelope_sender: str) -> bool:
    """Tell an unknown sender to register; False if told already today.

    The reply goes to the envelope sender, where bounces and replies belong
    (RFC 5321 section 4.5.5), never to a From that may be forged. Mail with
    a forged sender would otherwise make the desk write to anyone
    (backscatter), so each address gets at most one such reply a day.
    """
    to = clean_address(envelope_sender)
    if not to or not first_reply_today(to):
        logger.info("register reply skipped: no usable address or sent today")
        return False
    body = (
        "We could not find a CodeDesk account for this email address.\n\n"
        f"Register at {settings.SITE_URL}{reverse('accounts:register')} with this "
        "address, confirm it, then send your question again.\n"
    )
    reply = build_reply(
        to=to,
        subject=question.subject,
        body=body,
        in_reply_to=question.message_id,
        references=question.references,
        automatic=True,
    )
    try:
        send(reply)
    except TransportError:
        logger.warning("could not ask an unknown sender to register")
        return False
    return True


def first_reply_today(address: str) -> bool:
    """Claim today's one register reply for ``address`` (shared cache)."""
    digest = hashlib.sha256(address.lower().encode()).hexdigest()[:32]
    return bool(cache.add(f"consults:register-reply:{digest}", 1, REGISTER_REPLY_EVERY))


def desk_domain() -> str:
    """The domain part of the desk's address, for fresh Message-IDs."""
    return settings.CONSULT_DESK_ADDRESS.rpartition("@")[2] or "localhost"
