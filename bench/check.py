"""Time the claim checker: PTP load, one claim, and a batch on one core.

1. Load the 1.59 million hospital PTP pairs into an empty database (insert,
   then the indexes) from ``CODEDESK_DATA_DIR``.
2. Check claims of 10 lines and 5 diagnoses, drawn with a fixed seed from
   the code database named by ``CODEDESK_DB``: median and p99 per claim,
   with one checker reused (as a batch does) and with a new one per claim.
3. Run ``codedesk check --batch`` on a JSONL file of such claims, pinned to
   one core when the platform allows, and report claims per second.

Targets (issue #3): load under 60 s, a claim under 5 ms, 1,000 claims/s.
CPU time is printed beside wall time: on a shared machine the wall time
mostly measures the wait for a core.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from codedesk._db import CORE_SCHEMA, connect_for_build, connect_read_only, default_path
from codedesk.edits import Checker, check_claim, claim_from_dict
from codedesk.edits._ptp import HOSPITAL_IOCE_FILE, read_ioce_ptp
from codedesk.edits._schema import EDIT_SCHEMA, PTP_INDEXES
from codedesk.releases import Sources

SEED = 20260401
CLAIMS = 2000
BATCH = 5000
DATE = "2026-04-15"


def time_ptp_load(data_dir: Path) -> None:
    """Load the hospital pairs into a fresh file and print the timings."""
    path = Sources(data_dir=data_dir).find(HOSPITAL_IOCE_FILE)
    if path is None:
        print("PTP load: skipped (no hospital PTP file in CODEDESK_DATA_DIR)")
        return
    with tempfile.TemporaryDirectory() as folder:
        conn = connect_for_build(Path(folder) / "ptp.sqlite3")
        conn.executescript(CORE_SCHEMA + EDIT_SCHEMA)
        started = time.perf_counter()
        cpu_started = time.process_time()
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO ptp (source, setting, column1, column2, modifier_indicator,"
            " effective_from, effective_to, prior_1996, rationale)"
            " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
            read_ioce_ptp(path),
        )
        inserted = time.perf_counter()
        for statement in PTP_INDEXES.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("COMMIT")
        done = time.perf_counter()
        cpu = time.process_time() - cpu_started
        (rows,) = conn.execute("SELECT count(*) FROM ptp").fetchone()
        conn.close()
    print(
        f"PTP load: {rows:,} pairs in {done - started:.1f} s"
        f" (read+insert {inserted - started:.1f} s, indexes {done - inserted:.1f} s;"
        f" {cpu:.1f} s CPU)"
    )


def make_claims(conn: sqlite3.Connection, count: int) -> list[dict[str, Any]]:
    """Claims of 10 lines (half of them PTP partners) and 5 billable diagnoses."""
    rng = random.Random(SEED)
    firsts = [r[0] for r in conn.execute("SELECT DISTINCT column1 FROM ptp LIMIT 5000")]
    procs = [r[0] for r in conn.execute("SELECT code FROM code WHERE system = 'cpt'")]
    dxs = [
        r[0]
        for r in conn.execute(
            "SELECT code FROM code WHERE system = 'icd10cm' AND billable = 1"
        )
    ]
    claims = []
    for number in range(count):
        first = rng.choice(firsts)
        partners = [
            r[0]
            for r in conn.execute(
                "SELECT column2 FROM ptp WHERE column1 = ? LIMIT 20", (first,)
            )
        ]
        lines = [first, *rng.sample(partners, min(4, len(partners)))]
        lines += rng.sample(procs, 10 - len(lines))
        claims.append(
            {
                "id": str(number),
                "date_of_service": DATE,
                "setting": "facility",
                "age": rng.randint(0, 95),
                "lines": [
                    {"code": c, "modifiers": ["59"] if rng.random() < 0.2 else []}
                    for c in lines
                ],
                "diagnoses": rng.sample(dxs, 5),
            }
        )
    return claims


def time_claims(conn: sqlite3.Connection, claims: list[dict[str, Any]]) -> None:
    """Median and p99 of one claim, with a reused and a fresh checker."""
    parsed = [claim_from_dict(c) for c in claims]
    checker = Checker(conn)
    for claim in parsed[:50]:
        checker.check(claim)
    warm = []
    cpu_started = time.process_time()
    for claim in parsed:
        started = time.perf_counter()
        checker.check(claim)
        warm.append((time.perf_counter() - started) * 1000)
    cpu = time.process_time() - cpu_started
    cold = []
    for claim in parsed[:500]:
        started = time.perf_counter()
        check_claim(conn, claim)
        cold.append((time.perf_counter() - started) * 1000)
    print(f"10-line, 5-dx claim, reused checker: {_spread(warm)}")
    print(f"10-line, 5-dx claim, new checker each: {_spread(cold)}")
    print(
        f"in-process throughput: {len(warm) / (sum(warm) / 1000):,.0f} claims/s"
        f" wall, {len(warm) / cpu:,.0f} claims per CPU second"
        f" ({cpu / len(warm) * 1000:.2f} ms CPU per claim)"
    )


def _spread(ms: list[float]) -> str:
    ranked = sorted(ms)
    p99 = ranked[min(len(ranked) - 1, int(len(ranked) * 0.99))]
    median = statistics.median(ranked)
    return f"median {median:.2f} ms, p99 {p99:.2f} ms ({len(ms)} claims)"


def time_batch(db: Path, claims: list[dict[str, Any]]) -> None:
    """``codedesk check --batch`` on one core, start-up included."""
    command = [sys.executable, "-m", "codedesk", "check", "--batch"]
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.jsonl"
        path.write_text("".join(json.dumps(c) + "\n" for c in claims))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(
            [*pin, *command, str(path), "--db", str(db)],
            capture_output=True,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    reports = result.stdout.count("\n")
    where = "one core" if pin else "unpinned"
    print(
        f"check --batch ({where}): {reports:,} claims in {elapsed:.2f} s wall,"
        f" {reports / elapsed:,.0f} claims/s; {cpu:.2f} s CPU,"
        f" {reports / cpu:,.0f} claims per CPU second (start-up included,"
        f" exit {result.returncode})"
    )


def main() -> None:
    """Run the three measurements and print the figures."""
    data_dir = os.environ.get("CODEDESK_DATA_DIR")
    if data_dir:
        time_ptp_load(Path(data_dir))
    else:
        print("PTP load: skipped (CODEDESK_DATA_DIR is not set)")
    db = default_path()
    conn = connect_read_only(db)
    claims = make_claims(conn, max(CLAIMS, BATCH))
    time_claims(conn, claims[:CLAIMS])
    time_batch(db, claims[:BATCH])


if __name__ == "__main__":
    main()
