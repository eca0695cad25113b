"""Personas, mail servers and messages for the consult desk tests.

``desk_server`` is the desk's own SMTP server on a free loopback port;
``mail_host`` is a second SMTP server standing in for the coder's mail host,
and Django's email backend is pointed at it.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import Profile, Role
from codedesk_web.consults.smtpd import start_server

DESK = "desk@codedesk.test"
CODER_ADDRESS = "pat.coder@example.org"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def question(
    *,
    sender: str = CODER_ADDRESS,
    subject: str = "Modifier 25 with 99213?",
    body: str = "Can I bill 99213-25 with 20610 on the same day?",
    message_id: str = "<q1@example.org>",
    **headers: str,
) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = f"Pat Coder <{sender}>"
    message["To"] = DESK
    message["Subject"] = subject
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


class Inbox:
    """aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = BytesParser(policy=policy.default).parsebytes(
            envelope.original_content
        )
        self.messages.append(parsed)
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 2.0.0 Stored"


@pytest.fixture(autouse=True)
def desk_settings(settings: Settings) -> None:
    settings.CONSULT_DESK_ADDRESS = DESK
    settings.CONSULT_MAX_MESSAGE_BYTES = 64 * 1024
    settings.CONSULT_ATTACHMENT_MAX_BYTES = 8 * 1024
    settings.SITE_URL = "https://desk.example"


@pytest.fixture
def mail_host(settings: Settings) -> Iterator[Inbox]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()


@pytest.fixture
def desk_server(mail_host: Inbox) -> Iterator[int]:
    port = free_port()
    controller = start_server("127.0.0.1", port)
    yield port
    controller.stop()


def user_with_role(username: str, email: str, role: Role) -> User:
    user = User.objects.create_user(username, email=email, password=None)
    Profile.objects.create(user=user, role=role)
    return user


@pytest.fixture
def coder(db: None) -> User:
    return user_with_role("pat", CODER_ADDRESS, Role.CODER)


@pytest.fixture
def consultant(db: None) -> User:
    return user_with_role("lee", "lee@codedesk.test", Role.CONSULTANT)


@pytest.fixture
def consultant_client(consultant: User) -> Client:
    client = Client()
    client.force_login(consultant)
    return client
