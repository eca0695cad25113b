"""Time a full build of the code database and report its size.

Builds into a temporary file from ``CODEDESK_DATA_DIR`` (or the embedded
default), printing each build step's time, the total, and the file size.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

from codedesk._systems import all_loaders
from codedesk.releases import Sources, build_database


def main() -> None:
    """Build once and print the figures."""
    data_dir = os.environ.get("CODEDESK_DATA_DIR")
    sources = Sources(data_dir=Path(data_dir) if data_dir else None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "codes.sqlite3"
        started = time.perf_counter()
        report = build_database(path, sources, all_loaders())
        total = time.perf_counter() - started
        size = path.stat().st_size

    for name, seconds in sorted(report.timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32} {seconds:7.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"build total: {total:.1f} s; database size: {size / 1e6:.1f} MB")
    print(f"peak memory of the build process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
