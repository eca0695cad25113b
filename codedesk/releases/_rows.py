"""Small helpers the code-system loaders share: dates, CSV reading, inserts."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .._errors import ReleaseFileError


@dataclass(frozen=True)
class CodeRow:
    """One row of the shared ``code`` table."""

    system: str
    code: str
    kind: str
    title: str
    billable: bool
    short_title: str | None = None
    parent: str | None = None
    parent_kind: str | None = None
    depth: int = 0
    seq: int = 0


@dataclass(frozen=True)
class SpanRow:
    """One row of the shared ``span`` table (dates in ISO form)."""

    system: str
    code: str
    valid_from: str | None
    valid_to: str | None
    billable: bool
    title: str
    source: str
    from_floor: bool = False


@dataclass(frozen=True)
class FactRow:
    """One row of the shared ``fact`` table."""

    system: str
    code: str
    group: str
    name: str
    label: str
    value: str
    source: str
    seq: int = 0


def iso_from_yyyymmdd(text: str) -> str | None:
    """``20090101`` as ``2009-01-01``; blank or zero as None."""
    cleaned = text.strip()
    if not cleaned or set(cleaned) == {"0"}:
        return None
    try:
        return dt.datetime.strptime(cleaned, "%Y%m%d").date().isoformat()
    except ValueError:
        raise ReleaseFileError(f"'{text}' is not a YYYYMMDD date.") from None


def day_before(iso: str) -> str:
    """The ISO date one day before ``iso``."""
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def read_csv(path: Path, required: Iterable[str]) -> Iterator[dict[str, str]]:
    """Rows of a CSV file with a header, after checking its columns."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = set(required) - set(reader.fieldnames or ())
        if missing:
            raise ReleaseFileError(
                f"{path.name} lacks the columns {', '.join(sorted(missing))}.",
                hint="Check that the file is the official layout.",
            )
        yield from reader


def insert_codes(conn: sqlite3.Connection, rows: Iterable[CodeRow]) -> int:
    """Insert code rows (replacing any with the same key); return how many."""
    values = [
        (
            r.system,
            r.code,
            r.kind,
            r.title,
            r.short_title,
            r.parent,
            r.parent_kind,
            int(r.billable),
            r.depth,
            r.seq,
        )
        for r in rows
    ]
    conn.executemany(
        "INSERT OR REPLACE INTO code (system, code, kind, title, short_title,"
        " parent, parent_kind, billable, depth, seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def insert_spans(conn: sqlite3.Connection, rows: Iterable[SpanRow]) -> int:
    """Insert span rows; return how many."""
    values = [
        (
            r.system,
            r.code,
            r.valid_from,
            r.valid_to,
            int(r.from_floor),
            int(r.billable),
            r.title,
            r.source,
        )
        for r in rows
    ]
    conn.executemany(
        "INSERT INTO span (system, code, valid_from, valid_to, from_floor,"
        " billable, title, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def insert_facts(conn: sqlite3.Connection, rows: Iterable[FactRow]) -> int:
    """Insert fact rows; return how many."""
    values = [
        (r.system, r.code, r.group, r.name, r.label, r.value, r.source, r.seq)
        for r in rows
    ]
    conn.executemany(
        "INSERT INTO fact (system, code, grp, name, label, value, source, seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
    return len(values)


def insert_terms(
    conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str, str | None]]
) -> int:
    """Insert (system, code, text, source, path) term rows; return how many."""
    values = list(rows)
    conn.executemany(
        "INSERT INTO term (system, code, text, source, path) VALUES (?, ?, ?, ?, ?)",
        values,
    )
    return len(values)
