"""Run every benchmark in this folder, one after another, and print each report.

Usage: ``python bench/run.py [NAME ...]`` (default: all). Each benchmark is a
script ``bench/NAME.py`` that prints its own figures; they read the code
database named by ``CODEDESK_DB`` (default ``var/codes.sqlite3``). Figures are
for the machine they run on and are never asserted by the test suite.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("build", "lookup", "search", "check", "web", "load")


def discover(names: list[str]) -> list[Path]:
    """The benchmark scripts to run, in a sensible order."""
    found = {p.stem: p for p in HERE.glob("*.py") if p.stem not in ("run", "__init__")}
    wanted = names or [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER))
    missing = [n for n in wanted if n not in found]
    if missing:
        raise SystemExit(f"Error: no benchmark named {', '.join(missing)} in bench/")
    return [found[n] for n in wanted]


def describe_machine() -> str:
    """One line naming the machine the figures come from."""
    cores = os.cpu_count() or 0
    return f"{platform.platform()}, Python {platform.python_version()}, {cores} cores"


def main(argv: list[str]) -> int:
    """Run the benchmarks named in argv, or all."""
    print(f"# machine: {describe_machine()}", flush=True)
    failures = 0
    for script in discover(argv):
        print(f"\n## {script.stem}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], check=False)
        elapsed = time.perf_counter() - started
        print(f"({script.stem} finished in {elapsed:.1f} s, exit {result.returncode})")
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
