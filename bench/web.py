"""Time code pages end to end over HTTP, and the site's peak memory.

Starts the site under gunicorn (one sync worker, ``DEBUG=0``) on 127.0.0.1
with the code database named by ``CODEDESK_DB``, asks for a fixed set of code
pages plus a sample of codes drawn from the database, and prints the median,
p95 and p99 latency of a full request (connect, render, read), the API's
latency for the same codes, and the peak resident memory (VmHWM) of the
worker process. Usage: ``python bench/web.py [ROUNDS]`` (default 3 rounds).
"""

from __future__ import annotations

import http.client
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
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
#: Pages the tests also check: a billable code, a seventh character, a
#: header, a deleted code, a CPT and a HCPCS code.
FIXED = [
    "icd10cm/I21.9",
    "icd10cm/S72.001A",
    "icd10cm/E78.0",
    "icd10cm/H81.41",
    "icd10cm/I20-I25",
    "cpt/99213",
    "hcpcs/J3301",
]
SAMPLE = 200
#: What the autocomplete sends as someone types.
TYPED = [
    "he",
    "hear",
    "heart att",
    "chf",
    "k92",
    "k922",
    "fract",
    "s72.0",
    "j33",
    "992",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sample_codes(db: Path, count: int) -> tuple[list[str], list[str]]:
    """``system/code`` paths of a seeded random sample: billable, headers."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT system, code, billable FROM code WHERE kind NOT IN ('chapter')"
    ).fetchall()
    conn.close()
    chosen = random.Random(2026).sample(rows, min(count, len(rows)))
    billable = [f"{system}/{code}" for system, code, flag in chosen if flag]
    headers = [f"{system}/{code}" for system, code, flag in chosen if not flag]
    return billable, headers


def site_environment(db: Path, var_dir: Path) -> dict[str, str]:
    """The environment of the benchmarked site: production-like settings."""
    env = dict(os.environ)
    env.update(
        CODEDESK_DB=str(db),
        CODEDESK_VAR_DIR=str(var_dir),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        LOG_LEVEL="WARNING",
        # Plain HTTP on loopback, as behind a proxy that ends TLS.
        SECURE_SSL_REDIRECT="0",
    )
    return env


#: Run by ``manage.py shell``: a paid account, a session for it and an API
#: key, so allowances do not cut the pages short. Prints "session key".
MAKE_READER = """
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from codedesk_web.accounts.apikeys import create_api_key
from codedesk_web.accounts.models import Plan, Profile
user = User.objects.create_user("bench@example.org", "bench@example.org", None)
Profile.objects.create(user=user, plan=Plan.PAID)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key, create_api_key(user, "bench")[1])
"""


def prepare_site(env: dict[str, str]) -> dict[str, str]:
    """Migrate, collect static files, and sign a paid reader in: its headers."""
    python = sys.executable
    manage = str(ROOT / "manage.py")
    subprocess.run([python, manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run(
        [python, manage, "collectstatic", "--noinput", "-v0"], env=env, check=True
    )
    made = subprocess.run(
        [python, manage, "shell", "-c", MAKE_READER],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    session, key = made.stdout.split()[-2:]
    return {"Cookie": f"sessionid={session}", "Authorization": f"Bearer {key}"}


def start_site(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """Start gunicorn on the port and wait until it answers."""
    python = sys.executable
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "codedesk_web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    wait_until_up(port)
    return server


def wait_until_up(port: int, seconds: float = 30.0) -> None:
    """Poll the home page until it answers or the time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            fetch(port, "/")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Error: the site did not start on 127.0.0.1:{port}")


#: Headers of the signed-in paid reader every request is sent as.
READER: dict[str, str] = {}


def fetch(port: int, path: str) -> tuple[int, float]:
    """One request on a new connection: status and seconds taken."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=READER)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, time.perf_counter() - started


#: Latencies in ms, a count per status, and the site's CPU seconds.
Run = tuple[list[float], dict[int, int], float]

#: The gunicorn master's process id, once the site is up.
SITE_PID: list[int] = []


def measure(port: int, paths: list[str], rounds: int) -> Run:
    """Latencies over every path, a count per status, and the CPU it took."""
    timings: list[float] = []
    statuses: dict[int, int] = {}
    before = cpu_seconds(SITE_PID[0])
    for _ in range(rounds):
        for path in paths:
            status, seconds = fetch(port, path)
            timings.append(seconds * 1000)
            statuses[status] = statuses.get(status, 0) + 1
    return timings, statuses, cpu_seconds(SITE_PID[0]) - before


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, run: Run) -> None:
    """Print one line of figures."""
    timings, statuses, cpu = run
    median = statistics.median(timings)
    p95, p99 = percentile(timings, 0.95), percentile(timings, 0.99)
    print(
        f"{name}: n={len(timings)} median={median:.1f} ms p95={p95:.1f} ms"
        f" p99={p99:.1f} ms max={max(timings):.1f} ms"
        f" site CPU={cpu * 1000 / len(timings):.1f} ms/request"
        f" statuses={dict(sorted(statuses.items()))}"
    )


def process_tree(pid: int) -> list[int]:
    """The process and its children (the gunicorn master and its worker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if not children.exists():
        return [pid]
    return [pid] + [int(child) for child in children.read_text().split()]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of the site's processes so far, in seconds.

    Unlike wall time it hardly grows when other work shares the machine.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in process_tree(pid):
        fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def peak_rss_kib(pid: int) -> int:
    """The largest VmHWM among the process and its children, in KiB."""
    peaks = []
    for each in process_tree(pid):
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]))
    return max(peaks)


def main(argv: list[str]) -> int:
    """Start the site, measure, stop it, print the figures."""
    rounds = int(argv[0]) if argv else 3
    db = Path(os.environ.get("CODEDESK_DB", ROOT / "var" / "codes.sqlite3"))
    if not db.exists():
        raise SystemExit(f"Error: no code database at {db}; run: codedesk data build")
    billable, headers = sample_codes(db, SAMPLE)
    codes = FIXED + billable + headers
    port = free_port()
    with tempfile.TemporaryDirectory() as var_dir:
        env = site_environment(db, Path(var_dir))
        READER.update(prepare_site(env))
        server = start_site(env, port)
        SITE_PID.append(server.pid)
        try:
            measure(port, [f"/codes/{code}" for code in FIXED], 1)
            pages = measure(port, [f"/codes/{code}" for code in billable], rounds)
            tops = measure(port, [f"/codes/{code}" for code in headers], rounds)
            api = measure(port, [f"/api/v1/codes/{code}" for code in codes], rounds)
            fixed = measure(port, [f"/codes/{code}" for code in FIXED], rounds * 10)
            typed = [f"/api/v1/search?limit=8&q={quote(text)}" for text in TYPED]
            suggest = measure(port, typed, rounds * 5)
            rss = peak_rss_kib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"code database: {db} ({db.stat().st_size / 1e6:.0f} MB)")
    report("code page (fixed set)", fixed)
    report("code page (sample, billable codes)", pages)
    report("code page (sample, headers)", tops)
    report("API lookup (sample)", api)
    report("API search as typed (autocomplete)", suggest)
    print(f"peak RSS of the site (gunicorn worker): {rss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
