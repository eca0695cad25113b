"""``manage.py consult_smtpd``: run the consult desk's SMTP server."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
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
        stop = threading.Event()
        with stopped_by_signals(stop):
            self.serve(host, port, stop)

    def serve(self, host: str, port: int, stop: threading.Event) -> None:
        """Run the server until ``stop`` is set."""
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
            while not stop.wait(0.5):
                pass
        finally:
            controller.stop()
        self.stderr.write("Consult desk SMTP stopped.")


@contextlib.contextmanager
def stopped_by_signals(stop: threading.Event) -> Iterator[None]:
    """Let SIGINT and SIGTERM set ``stop`` inside the block.

    The handlers go in before the server starts, so a signal sent as soon as
    the banner shows still stops it cleanly; the old ones come back after.
    """

    def on_signal(number: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {
        number: signal.signal(number, on_signal)
        for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
