"""``manage.py consult_smtpd``: run the consult desk's SMTP server."""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from codedesk_web.consults.smtpd import start_server


class Command(BaseCommand):
    help = (
        "Run the SMTP server that takes coders' questions for the consult "
        "desk's address (CONSULT_DESK_ADDRESS) until stopped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to bind.")
        parser.add_argument("--port", type=int, default=8025, help="Port to bind.")

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        try:
            controller = start_server(host, port)
        except (OSError, RuntimeError) as error:
            raise CommandError(
                f"Cannot listen on {host}:{port}: {error}; pick another --port."
            ) from None
        self.stderr.write(
            f"Consult desk SMTP on {host}:{port} for "
            f"{settings.CONSULT_DESK_ADDRESS}; stop with Ctrl-C."
        )
        try:
            wait_for_stop()
        finally:
            controller.stop()
        self.stderr.write("Consult desk SMTP stopped.")


def wait_for_stop() -> None:
    """Block until SIGINT or SIGTERM arrives."""
    stop = threading.Event()

    def on_signal(number: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    while not stop.wait(0.5):
        pass
