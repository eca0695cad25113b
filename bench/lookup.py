"""Time ``Desk.lookup`` in process on the built code database.

Looks up a fixed-seed sample of codes of every system and kind, typed the
way people type them (lower case, no dot), on one date of service, and
prints the median, p95, p99 and worst latency overall and for billable
codes and headers apart. Each figure is given on the wall clock and on the
thread's CPU clock, which leaves out the time the process waited for a
core on a busy machine. Reads the database named by ``CODEDESK_DB``
(default ``var/codes.sqlite3``).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time
from collections.abc import Callable

from codedesk import Desk

SAMPLE = 3000
SEED = 20260401
DAY = dt.date(2026, 5, 1)


def sample_codes(desk: Desk) -> list[tuple[str, str, int]]:
    """(system, code, billable) for a fixed random sample of code rows."""
    rows = desk.conn.execute("SELECT system, code, billable FROM code").fetchall()
    chosen = random.Random(SEED).sample(list(rows), min(SAMPLE, len(rows)))
    return [(row[0], row[1], row[2]) for row in chosen]


def time_lookups(
    desk: Desk, codes: list[tuple[str, str, int]], clock: Callable[[], float]
) -> dict[str, list[float]]:
    """Milliseconds per lookup on a clock, grouped as all, billable, header."""
    timings: dict[str, list[float]] = {"all": [], "billable": [], "header": []}
    for system, code, billable in codes:
        typed = code.replace(".", "").lower()
        started = clock()
        desk.lookup(typed, system=system, date=DAY)
        elapsed = (clock() - started) * 1000
        timings["all"].append(elapsed)
        timings["billable" if billable else "header"].append(elapsed)
    return timings


def report(name: str, values: list[float]) -> str:
    """One line of figures for a group of timings."""
    if not values:
        return f"{name:9} no lookups"
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return (
        f"{name:9} n={len(values):5}  median {statistics.median(values):.3f} ms"
        f"  p95 {p95:.3f} ms  p99 {p99:.3f} ms  max {ordered[-1]:.3f} ms"
    )


def main() -> None:
    """Warm the cache with one pass, then time a pass on each clock."""
    desk = Desk()
    codes = sample_codes(desk)
    time_lookups(desk, codes, time.perf_counter)

    wall = time_lookups(desk, codes, time.perf_counter)
    cpu = time_lookups(desk, codes, time.thread_time)

    print(f"lookup in process on {desk.path}, date of service {DAY}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for clock, timings in (("wall", wall), ("cpu", cpu)):
        for name, values in timings.items():
            print(f"{clock:4} " + report(name, values))


if __name__ == "__main__":
    main()
