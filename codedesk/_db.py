"""The code database: one SQLite file per build, read-only at run time.

A build writes ``<path>.building``, checks it, and only then renames it over
``<path>``; a failed or interrupted build leaves the old file working.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from ._errors import DatabaseMissingError

logger = logging.getLogger(__name__)

#: Bumped whenever the shared schema below changes shape.
SCHEMA_VERSION = 1

#: Tables every code system writes into. A loader may add its own tables in
#: its ``schema`` string; these are the shared ones lookup and search read.
CORE_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE release (
    id INTEGER PRIMARY KEY,
    system TEXT NOT NULL,
    name TEXT NOT NULL,
    vintage TEXT NOT NULL,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    effective_from TEXT,
    effective_to TEXT
);

-- Every code of every system in its newest known state. ``kind`` is the
-- level in the official hierarchy (ICD-10-CM: chapter, block, category,
-- subcategory, code; ICD-10-PCS: section, body_system, table, code; HCPCS:
-- code, modifier; CPT: code). ``parent`` names the parent's code and
-- ``parent_kind`` its kind: records are keyed by (kind, code).
CREATE TABLE code (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    short_title TEXT,
    parent TEXT,
    parent_kind TEXT,
    billable INTEGER NOT NULL,
    depth INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (system, kind, code)
) WITHOUT ROWID;
CREATE INDEX code_by_parent ON code (system, parent_kind, parent);
CREATE INDEX code_by_code ON code (code);

-- Periods of validity. valid_from NULL: before our records; from_floor 1:
-- valid_from is the first date our records cover, the code may be older.
-- valid_to NULL: still valid in the newest release loaded.
CREATE TABLE span (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    from_floor INTEGER NOT NULL DEFAULT 0,
    billable INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX span_by_code ON span (system, code);

-- Instructional notes as printed at their own level (inheritance is worked
-- out at lookup time by walking the parents).
CREATE TABLE note (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX note_by_code ON note (system, kind, code);

-- Seventh characters as defined at their own level.
CREATE TABLE seventh_char (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    character TEXT NOT NULL,
    meaning TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE INDEX seventh_by_code ON seventh_char (system, kind, code);

CREATE TABLE replacement (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    replaced_by TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX replacement_by_code ON replacement (system, code);

-- Public facts shown on a code page, grouped (e.g. "HCPCS", "MPFS", "OPPS").
CREATE TABLE fact (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    grp TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    value TEXT NOT NULL,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX fact_by_code ON fact (system, code);

-- Words that lead to a code: titles, inclusion terms, index entries,
-- synonyms. ``source`` is one of title, short_title, inclusion_term,
-- index, drug, neoplasm, external_cause, synonym, licensed.
CREATE TABLE term (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    path TEXT
);
CREATE INDEX term_by_code ON term (system, code);

-- Descriptors from a licensed file the user imported (CPT). Never shipped.
CREATE TABLE licensed_text (
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    short TEXT,
    medium TEXT,
    long TEXT,
    valid_from TEXT,
    valid_to TEXT,
    source TEXT NOT NULL,
    PRIMARY KEY (system, code)
) WITHOUT ROWID;
"""


#: What to do when no code database is found.
BUILD_HINT = (
    "Build one with: codedesk data build (or set CODEDESK_DB to the file of an "
    "existing build)"
)


def default_path() -> Path:
    """Where the code database lives unless ``CODEDESK_DB`` says otherwise.

    ``var/codes.sqlite3`` under the working folder when it exists there, else
    the one in the checkout this package was installed from (an editable
    install), so the CLI finds the database from any folder.
    """
    configured = os.environ.get("CODEDESK_DB")
    if configured:
        return Path(configured)
    local = Path("var") / "codes.sqlite3"
    checkout = Path(__file__).resolve().parent.parent / "var" / "codes.sqlite3"
    if not local.exists() and checkout.exists():
        return checkout
    return local


def connect_for_build(path: Path) -> sqlite3.Connection:
    """A writable connection tuned for a one-shot bulk load."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -200000")
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to a built code database."""
    if not path.exists():
        raise DatabaseMissingError(
            f"No code database at {path}.",
            hint=BUILD_HINT,
        )
    uri = f"file:{path.resolve()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cache_size = -64000")
    conn.execute("PRAGMA mmap_size = 268435456")
    return conn


class ConnectionPool:
    """One read-only connection per thread, to the same database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        connect_read_only(path).close()

    def get(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_read_only(self.path)
            self._local.conn = conn
        return conn


@contextlib.contextmanager
def building(path: Path) -> Iterator[sqlite3.Connection]:
    """Yield a connection to a fresh database that replaces ``path`` on success.

    The new file is written beside the old one and renamed over it only when
    the block finishes without error, so readers never see a half-built file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".building")
    temp.unlink(missing_ok=True)
    conn = connect_for_build(temp)
    try:
        yield conn
        conn.close()
        os.replace(temp, path)
        logger.info("code database written to %s", path)
    except BaseException:
        conn.close()
        temp.unlink(missing_ok=True)
        raise
