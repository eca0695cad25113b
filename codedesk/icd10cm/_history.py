"""Build step ``icd10cm.history``: when each ICD-10-CM code was valid.

The I/OCE diagnosis table dates every billable code from July 2019 (our
floor) to its latest quarter. Headers get a span from their earliest
billable descendant. A code that left the code set keeps a ``code`` row
(not billable) so lookup can say when it ended.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .._errors import ReleaseFileError
from .._records import Release
from ..releases import Sources, sha256_of
from ._normalize import dotted

logger = logging.getLogger(__name__)

SYSTEM = "icd10cm"
DX_TABLE = "mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv"
CHANGES = "icd10cm/icd10cm_changes_fy2025_to_2026-04-01_derived.csv"
DX_COLUMNS = ("icd10cm_code", "description", "effective_from", "effective_to")
BECAME_HEADER = "tabular: the code became a header; its codes replace it"
ONE_DAY = dt.timedelta(days=1)


class SpanRow(NamedTuple):
    """One row of the ``span`` table."""

    system: str
    code: str
    valid_from: str | None
    valid_to: str | None
    from_floor: int
    billable: int
    title: str
    source: str


@dataclass
class DxSpan:
    """A run of contiguous I/OCE rows for one code with one description."""

    valid_from: dt.date
    valid_to: dt.date | None
    title: str


class _Entry(NamedTuple):
    code: str
    kind: str
    title: str
    parent: str | None
    billable: int
    depth: int


def read_dx_table(path: Path) -> dict[str, list[DxSpan]]:
    """Billable periods per dotted code from the I/OCE diagnosis table.

    Reads ``mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv`` (I/OCE v20.2, July
    2019, to v27.1, April 2026), columns ``icd10cm_code``, ``description``,
    ``effective_from`` and ``effective_to`` (blank: still valid). A code has
    one row per version range of its edit attributes; contiguous rows with
    the same description merge into one span.

    Raises:
        ReleaseFileError: a column is missing.
    """
    rows: dict[str, list[DxSpan]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        _check_columns(path, reader.fieldnames)
        for row in sorted(
            reader, key=lambda r: (r["icd10cm_code"], r["effective_from"])
        ):
            _merge_row(rows[dotted(row["icd10cm_code"].strip())], row)
    return dict(rows)


def _check_columns(path: Path, found: object) -> None:
    missing = [c for c in DX_COLUMNS if not isinstance(found, list) or c not in found]
    if missing:
        raise ReleaseFileError(
            f"{path.name} lacks the column(s) {', '.join(missing)}: it is not the"
            " I/OCE diagnosis table layout."
        )


def _merge_row(spans: list[DxSpan], row: dict[str, str]) -> None:
    start = dt.date.fromisoformat(row["effective_from"])
    end = dt.date.fromisoformat(row["effective_to"]) if row["effective_to"] else None
    title = row["description"].strip()
    last = spans[-1] if spans else None
    if (
        last
        and last.valid_to
        and last.valid_to + ONE_DAY == start
        and last.title == title
    ):
        last.valid_to = end
        return
    spans.append(DxSpan(start, end, title))


def read_old_titles(path: Path | None) -> dict[str, str]:
    """Full titles of deleted codes from the FY2025-to-April-2026 changes.

    Reads ``icd10cm/icd10cm_changes_fy2025_to_2026-04-01_derived.csv``,
    columns ``code``, ``change`` and ``description_fy2025``.
    """
    if path is None:
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            dotted(row["code"].strip()): row["description_fy2025"].strip()
            for row in csv.DictReader(handle)
            if row["change"] == "deleted" and row["description_fy2025"].strip()
        }


def load_history(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Write spans for every ICD-10-CM code, deleted codes and replacements.

    Steps:

    1. Billable codes take their spans from the I/OCE table; a billable code
       the table lacks (a newer tabular) starts with the tabular release.
    2. Headers take one open span from their earliest descendant's start.
    3. Codes of the I/OCE table missing from the tabular were deleted: they
       get a ``code`` row, not billable, and their old spans only.
    4. A billable code that became a header is replaced by its children.

    Without the I/OCE table every code gets one span from the tabular
    release, marked as the floor of our records.
    """
    entries = _read_entries(conn)
    start = _tabular_start(conn)
    path = sources.find(DX_TABLE)
    if path is None:
        _insert_spans(conn, _spans_without_history(entries, start))
        return []

    dx = read_dx_table(path)
    deleted = _deleted_codes(entries, dx, read_old_titles(sources.find(CHANGES)))
    spans = _spans_of_tabular(entries, dx, start, deleted)
    spans.extend(s for code in deleted for s in _billable_spans(code.code, dx, ""))
    _insert_spans(conn, spans)
    _insert_deleted(conn, deleted)
    replaced = _insert_replacements(conn, entries, dx)
    logger.info(
        "dated %d ICD-10-CM codes from %s: %d spans, %d deleted, %d replaced",
        len(entries),
        path.name,
        len(spans),
        len(deleted),
        replaced,
    )
    return [_release(path, len(spans))]


def _read_entries(conn: sqlite3.Connection) -> list[_Entry]:
    rows = conn.execute(
        "SELECT code, kind, title, parent, billable, depth FROM code"
        " WHERE system = ? ORDER BY seq",
        (SYSTEM,),
    ).fetchall()
    return [_Entry(*row) for row in rows]


def _tabular_start(conn: sqlite3.Connection) -> dt.date:
    row = conn.execute(
        "SELECT max(effective_from) FROM release WHERE system = ?", (SYSTEM,)
    ).fetchone()
    if row is None or row[0] is None:
        raise ReleaseFileError(
            "The ICD-10-CM history needs the tabular list loaded first.",
            hint="Run the icd10cm.tabular build step before icd10cm.history.",
        )
    return dt.date.fromisoformat(row[0])


def _spans_without_history(entries: list[_Entry], start: dt.date) -> list[SpanRow]:
    day = start.isoformat()
    return [
        SpanRow(SYSTEM, e.code, day, None, 1, e.billable, e.title, "tabular")
        for e in entries
    ]


def _spans_of_tabular(
    entries: list[_Entry],
    dx: dict[str, list[DxSpan]],
    start: dt.date,
    deleted: list[_Entry],
) -> list[SpanRow]:
    earliest = _earliest_starts(entries, dx, start, deleted)
    spans: list[SpanRow] = []
    for entry in entries:
        spans.extend(_billable_spans(entry.code, dx, entry.title))
        if entry.billable and entry.code not in dx:
            spans.append(_span(entry, start, billable=1, source="tabular"))
        elif not entry.billable:
            spans.append(
                _span(entry, earliest[entry.code], billable=0, source="tabular")
            )
    return spans


def _earliest_starts(
    entries: list[_Entry],
    dx: dict[str, list[DxSpan]],
    start: dt.date,
    deleted: list[_Entry],
) -> dict[str, dt.date]:
    """The first date each entry's subtree has a billable code (bottom up).

    Deleted codes count under their nearest ancestor: S30.1 was a header
    over S30.1XXA before its new codes S30.11XA… took over.
    """
    earliest: dict[str, dt.date] = {}
    for gone in deleted:
        if gone.parent is not None:
            first = min(s.valid_from for s in dx[gone.code])
            earliest[gone.parent] = min(earliest.get(gone.parent, first), first)
    for entry in reversed(entries):
        if entry.billable:
            spans = dx.get(entry.code)
            first = min(s.valid_from for s in spans) if spans else start
            earliest[entry.code] = min(earliest.get(entry.code, first), first)
        earliest.setdefault(entry.code, start)
        if entry.parent is not None:
            known = earliest.get(entry.parent, earliest[entry.code])
            earliest[entry.parent] = min(known, earliest[entry.code])
    return earliest


def _span(entry: _Entry, start: dt.date, *, billable: int, source: str) -> SpanRow:
    floor = int(start == FLOOR)
    return SpanRow(
        SYSTEM,
        entry.code,
        start.isoformat(),
        None,
        floor,
        billable,
        entry.title,
        source,
    )


#: The first day the I/OCE table covers (I/OCE v20.2, July 2019).
FLOOR = dt.date(2019, 7, 1)


def _billable_spans(
    code: str, dx: dict[str, list[DxSpan]], current_title: str
) -> list[SpanRow]:
    rows = []
    for span in dx.get(code, []):
        title = current_title if span.valid_to is None and current_title else span.title
        rows.append(
            SpanRow(
                SYSTEM,
                code,
                span.valid_from.isoformat(),
                span.valid_to.isoformat() if span.valid_to else None,
                int(span.valid_from == FLOOR),
                1,
                title,
                "ioce_dx",
            )
        )
    return rows


def _deleted_codes(
    entries: list[_Entry], dx: dict[str, list[DxSpan]], old_titles: dict[str, str]
) -> list[_Entry]:
    """Codes the I/OCE table dates that the tabular no longer has."""
    by_code = {e.code: e for e in entries}
    deleted = []
    for code in sorted(set(dx) - set(by_code)):
        parent = _nearest_ancestor(code, by_code)
        title = old_titles.get(code) or dx[code][-1].title
        depth = by_code[parent].depth + 1 if parent else 0
        deleted.append(_Entry(code, "code", title, parent, 0, depth))
    return deleted


def _nearest_ancestor(code: str, by_code: dict[str, _Entry]) -> str | None:
    bare = code.replace(".", "")
    for size in range(len(bare) - 1, 2, -1):
        candidate = dotted(bare[:size])
        if candidate in by_code:
            return candidate
    return None


def _insert_spans(conn: sqlite3.Connection, spans: list[SpanRow]) -> None:
    conn.executemany(
        "INSERT INTO span (system, code, valid_from, valid_to, from_floor,"
        " billable, title, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        spans,
    )


def _insert_deleted(conn: sqlite3.Connection, deleted: list[_Entry]) -> None:
    (last,) = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM code WHERE system = ?", (SYSTEM,)
    ).fetchone()
    kinds = dict(
        conn.execute("SELECT code, kind FROM code WHERE system = ?", (SYSTEM,))
    )
    conn.executemany(
        "INSERT INTO code (system, code, kind, title, parent, parent_kind,"
        " billable, depth, seq) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        [
            (
                SYSTEM,
                e.code,
                e.kind,
                e.title,
                e.parent,
                kinds.get(e.parent),
                e.depth,
                last + i,
            )
            for i, e in enumerate(deleted, start=1)
        ],
    )


def _insert_replacements(
    conn: sqlite3.Connection, entries: list[_Entry], dx: dict[str, list[DxSpan]]
) -> int:
    """A billable code that became a header is replaced by its children."""
    headers = {
        e.code
        for e in entries
        if not e.billable
        and e.code in dx
        and all(s.valid_to is not None for s in dx[e.code])
    }
    rows = [
        (SYSTEM, e.parent, e.code, BECAME_HEADER)
        for e in entries
        if e.parent in headers
    ]
    conn.executemany(
        "INSERT INTO replacement (system, code, replaced_by, source)"
        " VALUES (?, ?, ?, ?)",
        rows,
    )
    return len(headers)


def _release(path: Path, rows: int) -> Release:
    """The I/OCE table's release; its name carries the quarters it spans."""
    match = re.search(r"(\d{4})q(\d)_(\d{4})q(\d)", path.name)
    if not match:
        raise ReleaseFileError(
            f"Cannot tell the quarters {path.name} covers.",
            hint="Keep the name ioce_icd10cm_dx_edits_<YYYY>q<N>_<YYYY>q<N>.csv.",
        )
    year, quarter = int(match.group(3)), int(match.group(4))
    end = dt.date(year + quarter // 4, quarter % 4 * 3 + 1, 1) - ONE_DAY
    return Release(
        system=SYSTEM,
        name="I/OCE ICD-10-CM diagnosis table (validity history)",
        vintage="{}Q{}-{}Q{}".format(*match.groups()),
        source=str(path),
        sha256=sha256_of(path),
        rows=rows,
        effective_from=FLOOR,
        effective_to=end,
    )
