"""The outpatient code editor's HCPCS/CPT table: OPPS facts and validity.

Reads ``ioce/ioce_hcpcs_opps_2019q3_2026q2.csv`` (CMS I/OCE v20.2, 2019-07,
to v27.1, 2026-04): one row per code and I/OCE version range, with columns
code, description_level2_only, status_indicator, apc, payment_indicator,
date_approved, date_terminated, effective_from, effective_to (blank: still
current), ioce_lo_version, ioce_hi_version and about a hundred 0/1 edit
flags. The meanings of status and payment indicators come from
``ioce/ioce_status_indicators.csv`` and ``ioce/ioce_payment_indicators.csv``
(columns status_indicator or payment_indicator, description, lo_version,
hi_version).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .._records import Release
from ._rows import FactRow, SpanRow, day_before, read_csv
from ._sources import Sources, sha256_of

OPPS_FILE = "ioce/ioce_hcpcs_opps_2019q3_2026q2.csv"
STATUS_FILE = "ioce/ioce_status_indicators.csv"
PAYMENT_FILE = "ioce/ioce_payment_indicators.csv"
OPPS_SOURCE = "I/OCE v20.2..v27.1"
FIRST_DAY = "2019-07-01"

#: Columns that are not 0/1 edit flags.
_FIELDS = frozenset(
    (
        "code",
        "description_level2_only",
        "status_indicator",
        "apc",
        "payment_indicator",
        "lo_age",
        "hi_age",
        "sex",
        "date_approved",
        "date_terminated",
        "effective_from",
        "effective_to",
        "ioce_lo_version",
        "ioce_hi_version",
    )
)


@dataclass(frozen=True)
class OppsRow:
    """One code in one I/OCE version range."""

    code: str
    description: str
    status_indicator: str
    apc: str
    payment_indicator: str
    date_approved: str
    date_terminated: str
    effective_from: str
    effective_to: str | None
    hi_version: int
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Meaning:
    """What an indicator value meant for a range of I/OCE versions."""

    value: str
    description: str
    lo_version: int
    hi_version: int


def read_opps(path: Path, keep: Callable[[str], bool]) -> dict[str, list[OppsRow]]:
    """The rows of codes ``keep`` accepts, per code, oldest first."""
    by_code: dict[str, list[OppsRow]] = {}
    for row in read_csv(path, _FIELDS):
        code = row["code"].strip()
        if keep(code):
            by_code.setdefault(code, []).append(_opps_row(code, row))
    for rows in by_code.values():
        rows.sort(key=lambda r: r.effective_from)
    return by_code


def read_meanings(path: Path, column: str) -> list[Meaning]:
    """Indicator meanings with the versions they apply to."""
    return [
        Meaning(
            row[column].strip(),
            row["description"].strip(),
            int(row["lo_version"]),
            int(row["hi_version"]),
        )
        for row in read_csv(path, (column, "description", "lo_version", "hi_version"))
    ]


def meaning_of(meanings: Iterable[Meaning], value: str, version: int) -> str:
    """The description of ``value`` in I/OCE ``version`` ('' if unknown)."""
    for m in meanings:
        if m.value == value and m.lo_version <= version <= m.hi_version:
            return m.description
    return ""


def merged_spans(
    system: str, code: str, rows: list[OppsRow], title: str
) -> list[SpanRow]:
    """Periods the code editor carried the code, adjoining ranges merged."""
    periods: list[tuple[str, str | None]] = []
    for r in rows:
        if periods and _continues(periods[-1], r):
            start, end = periods[-1]
            if end is not None:
                later = None if r.effective_to is None else max(end, r.effective_to)
                periods[-1] = (start, later)
            continue
        periods.append((r.effective_from, r.effective_to))
    return [
        SpanRow(system, code, start, end, True, title, OPPS_SOURCE, start == FIRST_DAY)
        for start, end in periods
    ]


def _continues(period: tuple[str, str | None], row: OppsRow) -> bool:
    end = period[1]
    return end is None or day_before(row.effective_from) <= end


def opps_facts(
    system: str,
    row: OppsRow,
    statuses: list[Meaning],
    payments: list[Meaning],
) -> list[FactRow]:
    """OPPS facts from the newest row of a code."""
    si = _with_meaning(
        row.status_indicator, meaning_of(statuses, row.status_indicator, row.hi_version)
    )
    pi = _with_meaning(
        row.payment_indicator,
        meaning_of(payments, row.payment_indicator, row.hi_version),
    )
    values = [
        ("status_indicator", "OPPS status indicator", si),
        ("apc", "APC", "" if row.apc.strip("0") == "" else row.apc),
        ("payment_indicator", "OPPS payment indicator", pi),
        (
            "effective",
            "In effect",
            f"{row.effective_from} to {row.effective_to or 'current'}",
        ),
        ("date_approved", "Approved", row.date_approved),
        ("date_terminated", "Terminated", row.date_terminated),
        ("flags", "I/OCE edit flags", ", ".join(row.flags)),
    ]
    return [
        FactRow(system, row.code, "OPPS", name, label, value, OPPS_SOURCE, seq)
        for seq, (name, label, value) in enumerate(values)
        if value
    ]


def load_opps_facts(
    conn_insert: Callable[[Iterable[FactRow]], int],
    sources: Sources,
    system: str,
    keep: Callable[[str], bool],
) -> tuple[dict[str, list[OppsRow]], Release | None]:
    """Read the OPPS table for one system and insert its facts.

    Returns the rows per code (for spans) and the release read.
    """
    path = sources.find(OPPS_FILE)
    if path is None:
        return {}, None
    by_code = read_opps(path, keep)
    statuses = _meanings_or_empty(sources, STATUS_FILE, "status_indicator")
    payments = _meanings_or_empty(sources, PAYMENT_FILE, "payment_indicator")

    conn_insert(
        f
        for rows in by_code.values()
        for f in opps_facts(system, rows[-1], statuses, payments)
    )

    release = Release(
        system=system,
        name="I/OCE HCPCS/CPT table v20.2..v27.1: OPPS indicators and validity",
        vintage="2026-04",
        source=OPPS_FILE,
        sha256=sha256_of(path),
        rows=sum(len(rows) for rows in by_code.values()),
        effective_from=dt.date(2019, 7, 1),
        effective_to=dt.date(2026, 6, 30),
    )
    return by_code, release


def _meanings_or_empty(sources: Sources, relative: str, column: str) -> list[Meaning]:
    path = sources.find(relative)
    return read_meanings(path, column) if path else []


def _with_meaning(value: str, meaning: str) -> str:
    if not value:
        return ""
    return f"{value}: {meaning}" if meaning else value


def _opps_row(code: str, row: dict[str, str]) -> OppsRow:
    return OppsRow(
        code=code,
        description=row["description_level2_only"].strip(),
        status_indicator=row["status_indicator"].strip(),
        apc=row["apc"].strip(),
        payment_indicator=row["payment_indicator"].strip(),
        date_approved=row["date_approved"].strip(),
        date_terminated=row["date_terminated"].strip(),
        effective_from=row["effective_from"].strip(),
        effective_to=row["effective_to"].strip() or None,
        hi_version=int(row["ioce_hi_version"]),
        flags=tuple(
            name for name, value in row.items() if name not in _FIELDS and value == "1"
        ),
    )
