"""What the code set says about shortlisted codes on the date of service."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

_Key = tuple[str, str]


@dataclass(frozen=True)
class CodeState:
    """A code's kind and title, and whether it is valid and billable then."""

    kind: str
    title: str
    valid: bool
    billable: bool


def code_states(
    conn: sqlite3.Connection, keys: list[_Key], date: dt.date
) -> dict[_Key, CodeState]:
    """The state of each (system, code) on the date; unknown codes are left out.

    A code with no ``span`` rows is taken as valid and as billable as its
    ``code`` row says; with spans, the span covering the date decides.
    """
    if not keys:
        return {}
    wanted = "WITH wanted (system, code) AS (VALUES {})".format(
        ", ".join("(?, ?)" for _ in keys)
    )
    params = [part for key in keys for part in key]
    codes = _code_rows(conn, wanted, params)
    spans = _span_rows(conn, wanted, params)
    day = date.isoformat()
    return {
        key: _state(kind, title, billable, spans.get(key), day)
        for key, (kind, title, billable) in codes.items()
    }


def _code_rows(
    conn: sqlite3.Connection, wanted: str, params: list[str]
) -> dict[_Key, tuple[str, str, bool]]:
    rows = conn.execute(
        wanted + " SELECT c.system, c.code, c.kind, c.title, c.billable"
        " FROM wanted w JOIN code c ON c.code = w.code AND c.system = w.system"
        " ORDER BY c.kind IN ('chapter', 'block') DESC",
        params,
    )
    # Grouping kinds come first, so a code row of the same name replaces them.
    return {(s, c): (kind, title, bool(b)) for s, c, kind, title, b in rows}


def _span_rows(
    conn: sqlite3.Connection, wanted: str, params: list[str]
) -> dict[_Key, list[tuple[str | None, str | None, int, int]]]:
    spans: dict[_Key, list[tuple[str | None, str | None, int, int]]] = {}
    rows = conn.execute(
        wanted + " SELECT s.system, s.code, s.valid_from, s.valid_to,"
        " s.from_floor, s.billable FROM wanted w"
        " JOIN span s ON s.system = w.system AND s.code = w.code",
        params,
    )
    for system, code, valid_from, valid_to, from_floor, billable in rows:
        spans.setdefault((system, code), []).append(
            (valid_from, valid_to, from_floor, billable)
        )
    return spans


def _state(
    kind: str,
    title: str,
    billable: bool,
    spans: list[tuple[str | None, str | None, int, int]] | None,
    day: str,
) -> CodeState:
    if not spans:
        return CodeState(kind, title, True, billable)
    for valid_from, valid_to, from_floor, span_billable in spans:
        started = valid_from is None or bool(from_floor) or valid_from <= day
        if started and (valid_to is None or day <= valid_to):
            return CodeState(kind, title, True, bool(span_billable))
    return CodeState(kind, title, False, False)
