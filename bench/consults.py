"""Time the consult desk's SMTP intake end to end on loopback.

Migrates a fresh site database in a temporary folder, makes one coder
account, starts ``manage.py consult_smtpd`` on 127.0.0.1, and sends
questions with ``smtplib``: first one at a time, then from several clients
at once. Each send returns only once the server has stored the case and the
assistant's draft, so its latency is the whole intake. Prints the median and
p95 latency, messages per second, and how many cases were filed. The drafts
read the code database named by ``CODEDESK_DB`` (without one, each draft
says the assistant could not answer, which is faster). Usage:
``python bench/consults.py [MESSAGES] [CLIENTS]`` (default 40 and 4); the
run stops after 120 seconds whatever the count.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESK = "desk@bench.test"
CODER = "coder@bench.test"
QUESTIONS = [
    "Is K92.2 billable for a GI bleed?",
    "Can 99213-25 go with 20610 on the same day?",
    "What is the code for a heart attack?",
    "Does I21.9 need a seventh character?",
]
DEADLINE_S = 120.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command and return its output."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def prepare(var_dir: Path) -> dict[str, str]:
    """A migrated site database with one coder account; the environment."""
    env = dict(os.environ, CODEDESK_VAR_DIR=str(var_dir), CONSULT_DESK_ADDRESS=DESK)
    env.pop("DATABASE_URL", None)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        f"User.objects.create_user('coder', '{CODER}', None)",
    )
    return env


def question(number: int) -> EmailMessage:
    """The ``number``-th question, with its own Message-ID."""
    message = EmailMessage()
    message["From"] = CODER
    message["To"] = DESK
    message["Subject"] = f"Question {number}"
    message["Message-ID"] = f"<bench-{number}@bench.test>"
    message.set_content(QUESTIONS[number % len(QUESTIONS)])
    return message


def send_one(port: int, number: int) -> float:
    """Send one question; seconds until the server said 250."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.send_message(question(number))
    return time.perf_counter() - started


def run_batch(port: int, numbers: range, clients: int, stop_at: float) -> list[float]:
    """Send ``numbers`` from ``clients`` threads; the latencies of those sent."""
    wanted = [n for n in numbers if time.monotonic() < stop_at]
    with ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(lambda n: send_one(port, n), wanted))


def report(label: str, latencies: list[float], wall: float) -> None:
    """Print one line of figures."""
    if not latencies:
        print(f"{label}: nothing sent before the deadline")
        return
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    median = statistics.median(ordered)
    print(
        f"{label}: {len(ordered)} messages, median {median * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, {len(ordered) / wall:.1f} messages/s"
    )


@contextlib.contextmanager
def serving(env: dict[str, str], port: int) -> Iterator[None]:
    """``manage.py consult_smtpd`` on ``port`` until the block ends.

    Its log goes to the file named by ``BENCH_SMTPD_LOG`` (default: nowhere).
    """
    log_path = os.environ.get("BENCH_SMTPD_LOG", os.devnull)
    command = [sys.executable, "manage.py", "consult_smtpd", "--port", str(port)]
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log)
        try:
            wait_for_port(port)
            yield
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_for_port(port: int) -> None:
    """Block until something listens on 127.0.0.1:``port`` (at most 30 s)."""
    give_up = time.monotonic() + 30
    while time.monotonic() < give_up:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Error: the consult desk did not start on port {port}.")


def count_cases(env: dict[str, str]) -> list[str]:
    """How many cases were filed, and how many have a draft."""
    out = manage(
        env,
        "shell",
        "-c",
        "from codedesk_web.consults.models import ConsultCase as C; "
        "print(C.objects.count(), C.objects.exclude(draft='').count())",
    )
    return out.splitlines()[-1].split()


def main(argv: list[str]) -> int:
    """Run the benchmark and print its figures."""
    count = int(argv[0]) if argv else 40
    clients = int(argv[1]) if len(argv) > 1 else 4
    with tempfile.TemporaryDirectory(prefix="codedesk-bench-") as folder:
        env = prepare(Path(folder))
        port = free_port()
        with serving(env, port):
            stop_at = time.monotonic() + DEADLINE_S
            half = count // 2
            started = time.perf_counter()
            serial = run_batch(port, range(half), 1, stop_at)
            report("one client", serial, time.perf_counter() - started)
            started = time.perf_counter()
            parallel = run_batch(port, range(half, count), clients, stop_at)
            report(f"{clients} clients", parallel, time.perf_counter() - started)
        filed, drafted = count_cases(env)
        print(f"cases filed: {filed}, with a draft: {drafted}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
