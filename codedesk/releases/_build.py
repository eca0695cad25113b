"""Build the code database from release files.

Steps:

1. Create ``<path>.building`` with the core schema and each loader's own.
2. Run every loader in order; each inserts its rows and returns the
   releases it read (an optional source that is absent returns none).
3. Run each loader's ``finish`` (indexes, full-text tables, derived rows).
4. Check the result (integrity, required systems present), then rename the
   new file over the old one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._db import CORE_SCHEMA, SCHEMA_VERSION, building, connect_read_only
from .._errors import DataError
from .._records import Release
from ._sources import Sources

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loader:
    """One step of the build.

    ``load`` reads release files and inserts rows; it returns the releases it
    read. ``finish`` runs after every loader has loaded, for work that needs
    other systems' rows (search terms, indexes).
    """

    name: str
    load: Callable[[sqlite3.Connection, Sources], list[Release]]
    schema: str = ""
    finish: Callable[[sqlite3.Connection], None] | None = None
    required: bool = False


@dataclass
class BuildReport:
    """What a build did and how long each step took, in seconds."""

    path: Path
    releases: list[Release] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def build_database(
    path: Path,
    sources: Sources,
    loaders: Sequence[Loader],
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build a new code database at ``path`` from ``sources``."""
    report = BuildReport(path=path)
    say = progress or (lambda message: None)
    with building(path) as conn:
        create_schema(conn, loaders)
        for loader in loaders:
            say(f"loading {loader.name}")
            started = time.perf_counter()
            releases = run_loader(conn, loader, sources)
            record_releases(conn, releases)
            report.releases.extend(releases)
            report.timings[loader.name] = time.perf_counter() - started
        for loader in loaders:
            if loader.finish is not None:
                say(f"finishing {loader.name}")
                started = time.perf_counter()
                conn.execute("BEGIN")
                loader.finish(conn)
                conn.execute("COMMIT")
                report.timings[loader.name + ".finish"] = time.perf_counter() - started
        say("checking")
        check_database(conn)
        conn.execute("ANALYZE")
    return report


def create_schema(conn: sqlite3.Connection, loaders: Sequence[Loader]) -> None:
    """Create the core tables and each loader's own."""
    conn.executescript(CORE_SCHEMA)
    for loader in loaders:
        if loader.schema:
            conn.executescript(loader.schema)
    built_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("schema_version", str(SCHEMA_VERSION)), ("built_at", built_at)],
    )


def run_loader(
    conn: sqlite3.Connection, loader: Loader, sources: Sources
) -> list[Release]:
    """Run one loader inside a transaction."""
    conn.execute("BEGIN")
    try:
        releases = loader.load(conn, sources)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if loader.required and not releases:
        raise DataError(f"The build step {loader.name} found no release file.")
    return releases


def record_releases(conn: sqlite3.Connection, releases: list[Release]) -> None:
    """Write each loaded release into the ``release`` table."""
    conn.executemany(
        "INSERT INTO release (system, name, vintage, source, sha256, rows,"
        " effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.system,
                r.name,
                r.vintage,
                r.source,
                r.sha256,
                r.rows,
                _iso(r.effective_from),
                _iso(r.effective_to),
            )
            for r in releases
        ],
    )


def check_database(conn: sqlite3.Connection) -> None:
    """Refuse to install a database that is corrupt or has no codes."""
    (verdict,) = conn.execute("PRAGMA quick_check").fetchone()
    if verdict != "ok":
        raise DataError(f"The new code database failed its check: {verdict}")
    (count,) = conn.execute("SELECT count(*) FROM code").fetchone()
    if count == 0:
        raise DataError("The new code database has no codes; nothing was loaded.")


def read_releases(path: Path) -> list[Release]:
    """The releases recorded in a built database, for ``data status``."""
    conn = connect_read_only(path)
    try:
        rows = conn.execute(
            "SELECT system, name, vintage, source, sha256, rows, effective_from,"
            " effective_to FROM release ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [
        Release(
            system=row["system"],
            name=row["name"],
            vintage=row["vintage"],
            source=row["source"],
            sha256=row["sha256"],
            rows=row["rows"],
            effective_from=_date(row["effective_from"]),
            effective_to=_date(row["effective_to"]),
        )
        for row in rows
    ]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
