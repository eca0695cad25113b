"""The desk's SMTP server: it takes mail for the desk's address only.

It runs on aiosmtpd. Each message is handed to ``inbound.receive_message``
in a worker thread, because Django's database layer must not run on the
event loop; the SMTP reply waits until the case is stored, so a message the
server accepted (250) is never lost.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import close_old_connections, connections

from .inbound import MessageRejectedError, Outcome, receive_message

logger = logging.getLogger(__name__)


class DeskHandler:
    """aiosmtpd hooks: check each recipient, then file the message."""

    def __init__(self, desk_address: str) -> None:
        self.desk_address = desk_address.lower()

    async def handle_RCPT(
        self,
        server: Any,
        session: Any,
        envelope: Any,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address.lower() != self.desk_address:
            return "550 5.1.1 This server takes mail for the consult desk only"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or b""
        sender = envelope.mail_from or ""
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(
                None, file_message, raw, sender
            )
        except MessageRejectedError as error:
            logger.info("refused a message of %d bytes", len(raw))
            return error.smtp_reply
        except Exception:
            logger.exception("could not file a message of %d bytes", len(raw))
            return "451 4.3.0 The desk could not store the message; try again later"
        return f"250 2.0.0 Message accepted ({outcome.action})"


def file_message(raw: bytes, sender: str) -> Outcome:
    """Run ``receive_message`` in a worker thread with fresh connections."""
    close_old_connections()
    try:
        return receive_message(raw, sender)
    finally:
        connections.close_all()


def start_server(host: str, port: int) -> Controller:
    """Start the server in a background thread; call ``stop()`` when done.

    Raises:
        OSError: the address cannot be bound.
    """
    check_bindable(host, port)
    controller = Controller(
        DeskHandler(settings.CONSULT_DESK_ADDRESS),
        hostname=host,
        port=port,
        data_size_limit=settings.CONSULT_MAX_MESSAGE_BYTES,
        ident="CodeDesk consult desk",
    )
    controller.start()
    logger.info(
        "consult desk SMTP on %s:%d for %s", host, port, settings.CONSULT_DESK_ADDRESS
    )
    return controller


def check_bindable(host: str, port: int) -> None:
    """Fail at once if ``host:port`` is taken (aiosmtpd would wait seconds)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
