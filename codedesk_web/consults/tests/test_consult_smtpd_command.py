from __future__ import annotations

import signal
import smtplib
import socket
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest
from django.core.management import CommandError, call_command

from .conftest import free_port

ROOT = Path(__file__).resolve().parents[3]


def test_the_command_serves_smtp_until_terminated() -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "consult_smtpd",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env={"CONSULT_DESK_ADDRESS": "desk@codedesk.test", "PATH": "/usr/bin:/bin"},
    )
    try:
        assert server.stderr is not None
        banner = read_banner(server.stderr)
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
            code, _ = client.ehlo()
            size = client.esmtp_features.get("size")
    finally:
        server.send_signal(signal.SIGTERM)
        _, rest = server.communicate(timeout=20)

    assert banner == (
        f"Consult desk SMTP on 127.0.0.1:{port} for desk@codedesk.test; "
        "stop with Ctrl-C.\n"
    )
    assert (code, size) == (250, str(5 * 1024 * 1024))
    assert server.returncode == 0
    assert rest.endswith("Consult desk SMTP stopped.\n")


def read_banner(stream: IO[str]) -> str:
    for _ in range(20):
        line = stream.readline()
        if line.startswith("Consult desk SMTP on"):
            return line
    return ""


def test_the_command_names_a_port_it_cannot_take() -> None:
    port = free_port()

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        with pytest.raises(CommandError) as failure:
            call_command("consult_smtpd", "--port", str(port))

    assert str(failure.value) == (
        f"Cannot listen on 127.0.0.1:{port}: [Errno 98] Address already in use; "
        "pick another --port."
    )
