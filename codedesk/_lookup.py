"""Lookup: one code, as typed, on a date of service."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ._records import CodeRecord


def lookup_code(
    conn: sqlite3.Connection, text: str, *, system: str | None, date: dt.date
) -> CodeRecord:
    """Everything known about one code on one date (built in issue #2)."""
    raise NotImplementedError("lookup is being built in issue #2")
