"""Load-test code pages: many concurrent clients for a fixed time, on loopback.

Starts the site under gunicorn with the production settings (``DEBUG=0``,
the config in codedesk_web/gunicorn_conf.py) on 127.0.0.1 only, signs in one
paid account per client (so every answer is a full, metered code page), then
runs the clients for a fixed number of seconds, each asking for code pages
drawn from the code database one after another. It stops the site and
prints requests per second, the error rate (any status but 200, and any
failed request) and latency percentiles.

Usage::

    python bench/load.py [--clients 50] [--seconds 30] [--workers N]
                         [--threads 4] [--database-url postgres://...]

The code database is ``CODEDESK_DB`` (default ``var/codes.sqlite3``, else
the test build in ``var/test/``). The site database is a new SQLite file
unless ``--database-url`` names a PostgreSQL database (its tables are made
with ``migrate``; the bench's accounts are deleted at the end).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SAMPLE = 500
BENCH_DOMAIN = "load.bench.invalid"


@dataclass
class Tally:
    """What the clients saw: statuses, failures and latencies."""

    statuses: dict[int, int] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values()) + sum(self.failures.values())

    @property
    def errors(self) -> int:
        bad = sum(n for status, n in self.statuses.items() if status != 200)
        return bad + sum(self.failures.values())


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", default="")
    return parser.parse_args(argv)


def code_database() -> Path:
    """The code database to serve."""
    configured = os.environ.get("CODEDESK_DB")
    candidates = [Path(configured)] if configured else []
    candidates += [
        ROOT / "var" / "codes.sqlite3",
        ROOT / "var" / "test" / "codes.sqlite3",
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise SystemExit("Error: no code database; run: codedesk data build")


def sample_pages(db: Path, count: int) -> list[str]:
    """Code page paths for a seeded random sample of billable codes."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute("SELECT system, code FROM code WHERE billable = 1").fetchall()
    conn.close()
    chosen = random.Random(2026).sample(rows, min(count, len(rows)))
    return [f"/codes/{system}/{code}" for system, code in chosen]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def site_environment(
    args: argparse.Namespace, db: Path, var_dir: Path, port: int
) -> dict[str, str]:
    """Production settings, served over plain HTTP on loopback."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST"):
        env.pop(name, None)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        CODEDESK_DB=str(db),
        CODEDESK_VAR_DIR=str(var_dir),
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"{HOST}:{port}",
        WEB_CONCURRENCY=str(args.workers),
        GUNICORN_THREADS=str(args.threads),
    )
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    return env


def manage(env: dict[str, str], *command: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *command],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


SESSIONS_SCRIPT = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from codedesk_web.accounts.models import Plan, Profile

for number in range({count}):
    email = f"client{{number}}@{domain}"
    user = User.objects.create_user(email, email, None)
    Profile.objects.create(user=user, plan=Plan.PAID)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print("session", session.session_key)
"""

CLEANUP_SCRIPT = """
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
Session.objects.filter(session_key__in={keys!r}).delete()
User.objects.filter(username__endswith="@{domain}").delete()
"""


def make_sessions(env: dict[str, str], count: int) -> list[str]:
    """Session keys of ``count`` new paid accounts, one per client."""
    script = SESSIONS_SCRIPT.format(count=count, domain=BENCH_DOMAIN)
    lines = manage(env, "shell", "-c", script).splitlines()
    return [line.split()[1] for line in lines if line.startswith("session ")]


def start_site(
    env: dict[str, str], port: int, log: IO[bytes]
) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:codedesk_web.gunicorn_conf",
            "codedesk_web.wsgi",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit(f"Error: the site did not answer on {HOST}:{port}")


async def run_client(
    base: str, session: str, pages: list[str], stop_at: float, tally: Tally
) -> None:
    """One client: a page after another until the time is up."""
    pick = random.Random(session)
    cookies = {"sessionid": session}
    async with httpx.AsyncClient(base_url=base, cookies=cookies, timeout=30) as client:
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                response = await client.get(pick.choice(pages))
            except httpx.HTTPError as error:
                name = type(error).__name__
                tally.failures[name] = tally.failures.get(name, 0) + 1
                continue
            tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            status = response.status_code
            tally.statuses[status] = tally.statuses.get(status, 0) + 1


async def run_load(
    base: str, sessions: list[str], pages: list[str], seconds: float
) -> tuple[Tally, float]:
    tally = Tally()
    started = time.monotonic()
    stop_at = started + seconds
    clients = [run_client(base, key, pages, stop_at, tally) for key in sessions]
    await asyncio.wait_for(asyncio.gather(*clients), timeout=seconds + 60)
    return tally, time.monotonic() - started


def logged_errors(path: Path) -> Counter[str]:
    """The site's logged errors (JSON lines), counted by their first line."""
    found: Counter[str] = Counter()
    for line in path.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("level") in ("ERROR", "CRITICAL"):
            detail = str(entry.get("exception") or entry.get("message"))
            found[detail.strip().splitlines()[-1][:200]] += 1
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(args: argparse.Namespace, db: Path, tally: Tally, elapsed: float) -> None:
    site_db = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"load: {args.clients} clients for {elapsed:.1f} s; gunicorn"
        f" {args.workers} workers x {args.threads} threads; site database"
        f" {site_db}; code database {db.name}"
    )
    rate = tally.requests / elapsed
    share = tally.errors / tally.requests if tally.requests else 0.0
    print(f"code pages: {tally.requests} requests, {rate:.1f} requests/s")
    print(f"error rate: {share:.2%} ({tally.errors} of {tally.requests})")
    if tally.latencies_ms:
        times = tally.latencies_ms
        print(
            f"latency: median {statistics.median(times):.0f} ms,"
            f" p95 {percentile(times, 0.95):.0f} ms,"
            f" p99 {percentile(times, 0.99):.0f} ms, max {max(times):.0f} ms"
        )
    print(
        f"statuses: {dict(sorted(tally.statuses.items()))} failures: {tally.failures}"
    )


def main(argv: list[str]) -> int:
    """Start the site, load it, stop it, print the figures."""
    args = parse_args(argv)
    db = code_database()
    pages = sample_pages(db, SAMPLE)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="codedesk-load-") as var_dir:
        env = site_environment(args, db, Path(var_dir), port)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        sessions = make_sessions(env, args.clients)
        log_path = Path(var_dir) / "site.log"
        with log_path.open("wb") as log:
            server = start_site(env, port, log)
        try:
            base = f"http://{HOST}:{port}"
            tally, elapsed = asyncio.run(run_load(base, sessions, pages, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
            if args.database_url:
                script = CLEANUP_SCRIPT.format(keys=sessions, domain=BENCH_DOMAIN)
                manage(env, "shell", "-c", script)
        errors = logged_errors(log_path)
    report(args, db, tally, elapsed)
    for message, count in errors.most_common(5):
        print(f"logged error x{count}: {message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
