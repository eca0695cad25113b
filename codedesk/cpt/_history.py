"""CPT code numbers and the dates they were valid, from public CMS tables.

Reads two files, neither of which carries a descriptor:

- ``cpt/ioce_code_presence_2019q3_2026q2_no_descriptors.csv``: one row per
  code the outpatient code editor knew from v20.2 (2019-07-01) to v27.1
  (2026-04-01); columns code, code_type, first_effective_from_in_ioce,
  last_effective_to_in_ioce, date_approved, date_terminated,
  still_active_2026q2.
- ``cpt/pfs_status_code_history_2022_2025_no_descriptors.csv``: the PFS
  status of each code in the January 2022, 2023, 2024, 2025 and October 2025
  RVU files; columns hcpcs, mod, status_2022_jan … status_2025_oct,
  first_release_present, last_release_present.

Every CPT code gets a ``code`` row with an empty title (descriptors are the
AMA's and arrive only through ``data import-cpt``). Spans come from the code
editor where it knows the code, else from the PFS releases.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .._records import Release
from ..releases import Sources, sha256_of
from ..releases._rows import (
    CodeRow,
    FactRow,
    SpanRow,
    day_before,
    insert_codes,
    insert_facts,
    insert_spans,
    read_csv,
)
from ._normalize import CPT_SHAPE

PRESENCE_FILE = "cpt/ioce_code_presence_2019q3_2026q2_no_descriptors.csv"
PFS_HISTORY_FILE = "cpt/pfs_status_code_history_2022_2025_no_descriptors.csv"
IOCE_FIRST_DAY = "2019-07-01"

#: The PFS releases the history file covers, and the day each took effect.
PFS_RELEASES: dict[str, str] = {
    "2022_jan": "2022-01-01",
    "2023_jan": "2023-01-01",
    "2024_jan": "2024-01-01",
    "2025_jan": "2025-01-01",
    "2025_oct": "2025-10-01",
}


@dataclass(frozen=True)
class CodePresence:
    """When the outpatient code editor carried a code."""

    code: str
    code_type: str
    first_from: str
    last_to: str | None
    date_approved: str
    date_terminated: str


def read_presence(path: Path) -> list[CodePresence]:
    """The CPT rows of the code-editor presence file."""
    columns = (
        "code",
        "code_type",
        "first_effective_from_in_ioce",
        "last_effective_to_in_ioce",
        "date_approved",
        "date_terminated",
        "still_active_2026q2",
    )
    return [
        CodePresence(
            code=row["code"].strip(),
            code_type=row["code_type"],
            first_from=row["first_effective_from_in_ioce"],
            last_to=None
            if row["still_active_2026q2"] == "1"
            else row["last_effective_to_in_ioce"] or None,
            date_approved=row["date_approved"],
            date_terminated=row["date_terminated"],
        )
        for row in read_csv(path, columns)
        if row["code_type"].startswith("CPT")
    ]


def read_pfs_history(path: Path) -> dict[str, dict[str, str]]:
    """Per CPT code (no modifier): its status in each PFS release, by release."""
    history: dict[str, dict[str, str]] = {}
    for row in read_csv(path, ("hcpcs", "mod", "first_release_present")):
        code = row["hcpcs"].strip()
        if row["mod"].strip() or not CPT_SHAPE.match(code):
            continue
        history[code] = {
            release: row.get(f"status_{release}", "").strip()
            for release in PFS_RELEASES
        }
    return history


def load_cpt_codes(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Insert every CPT code number with its spans and history facts."""
    presence_path = sources.find(PRESENCE_FILE)
    history_path = sources.find(PFS_HISTORY_FILE)
    presence = read_presence(presence_path) if presence_path else []
    history = read_pfs_history(history_path) if history_path else {}
    known = {p.code for p in presence} | set(history)

    insert_codes(
        conn, (CodeRow("cpt", code, "code", "", True) for code in sorted(known))
    )
    insert_spans(conn, spans_from_presence(presence))
    covered = {p.code for p in presence}
    insert_spans(
        conn,
        (
            s
            for code, h in history.items()
            if code not in covered
            for s in spans_from_pfs(code, h)
        ),
    )
    insert_facts(conn, presence_facts(presence))
    insert_facts(
        conn, (f for code, h in history.items() for f in pfs_history_facts(code, h))
    )

    releases = []
    if presence_path:
        releases.append(_presence_release(presence_path, len(presence)))
    if history_path:
        releases.append(_history_release(history_path, len(history)))
    return releases


def spans_from_presence(presence: Iterable[CodePresence]) -> list[SpanRow]:
    """One span per code, from its first to its last quarter in the editor."""
    return [
        SpanRow(
            "cpt",
            p.code,
            p.first_from,
            p.last_to,
            True,
            "",
            "I/OCE code table 2019-07..2026-06",
            from_floor=p.first_from == IOCE_FIRST_DAY,
        )
        for p in presence
    ]


def spans_from_pfs(code: str, statuses: dict[str, str]) -> list[SpanRow]:
    """Spans of consecutive PFS releases that carry the code.

    A code absent from a release ended the day before that release took
    effect; the first release (January 2022) is the floor of our records.
    """
    spans: list[SpanRow] = []
    releases = list(PFS_RELEASES)
    start: str | None = None
    for index, release in enumerate(releases):
        present = bool(statuses.get(release))
        if present and start is None:
            start = release
        ends_here = start is not None and (
            index + 1 == len(releases) or not statuses.get(releases[index + 1])
        )
        if ends_here and start is not None:
            last = index + 1 == len(releases)
            valid_to = None if last else day_before(PFS_RELEASES[releases[index + 1]])
            spans.append(
                SpanRow(
                    "cpt",
                    code,
                    PFS_RELEASES[start],
                    valid_to,
                    True,
                    "",
                    "MPFS RVU files 2022-2025",
                    from_floor=start == releases[0],
                )
            )
            start = None
    return spans


def presence_facts(presence: Iterable[CodePresence]) -> list[FactRow]:
    """Approval and termination dates the code editor records."""
    facts = []
    for p in presence:
        facts.append(
            FactRow(
                "cpt",
                p.code,
                "History",
                "code_type",
                "Code type",
                p.code_type,
                "I/OCE",
                0,
            )
        )
        if p.date_approved:
            facts.append(
                FactRow(
                    "cpt",
                    p.code,
                    "History",
                    "date_approved",
                    "Approved",
                    p.date_approved,
                    "I/OCE",
                    1,
                )
            )
        if p.date_terminated:
            facts.append(
                FactRow(
                    "cpt",
                    p.code,
                    "History",
                    "date_terminated",
                    "Terminated",
                    p.date_terminated,
                    "I/OCE",
                    2,
                )
            )
    return facts


def pfs_history_facts(code: str, statuses: dict[str, str]) -> list[FactRow]:
    """The PFS status in each release, e.g. ``Jan 2022: A; … Oct 2025: A``."""
    parts = [
        f"{_release_label(release)}: {status or 'absent'}"
        for release, status in statuses.items()
    ]
    return [
        FactRow(
            "cpt",
            code,
            "History",
            "pfs_status_history",
            "PFS status by release",
            "; ".join(parts),
            "MPFS RVU files 2022-2025",
            3,
        )
    ]


def _release_label(release: str) -> str:
    year, month = release.split("_")
    return f"{month.capitalize()} {year}"


def _presence_release(path: Path, rows: int) -> Release:
    return Release(
        system="cpt",
        name="CPT code numbers in the I/OCE code table, v20.2..v27.1 (no descriptors)",
        vintage="2026-04",
        source=PRESENCE_FILE,
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(2019, 7, 1),
        effective_to=dt.date(2026, 6, 30),
    )


def _history_release(path: Path, rows: int) -> Release:
    return Release(
        system="cpt",
        name="CPT status in MPFS RVU files Jan 2022..Oct 2025 (no descriptors)",
        vintage="2025-10",
        source=PFS_HISTORY_FILE,
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(2022, 1, 1),
        effective_to=dt.date(2025, 12, 31),
    )
