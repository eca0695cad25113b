"""What every tool call shares: the code source, the date and the setting."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from dataclasses import dataclass, field
from typing import Protocol

from .._records import SYSTEM_LABELS, CodeRecord, SearchResult
from ._records import Source


class CodeSource(Protocol):
    """What the assistant needs from a desk (``codedesk.Desk`` fits)."""

    @property
    def conn(self) -> sqlite3.Connection: ...

    def lookup(
        self, text: str, *, system: str | None = None, date: dt.date | None = None
    ) -> CodeRecord: ...

    def search(
        self,
        query: str,
        *,
        system: str | None = None,
        date: dt.date | None = None,
        limit: int = 20,
        billable_only: bool = False,
    ) -> list[SearchResult]: ...


@dataclass
class ToolContext:
    """The desk, the date of service and the setting the tools answer for.

    ``question_codes`` are the codes the user typed: the guard keeps them in
    the answer even when they are not valid, since the answer explains them.
    """

    desk: CodeSource
    date: dt.date
    setting: str | None = None
    question_codes: tuple[str, ...] = ()
    system_hint: str | None = None
    _releases: dict[str, str] = field(default_factory=dict)

    def release_label(self, system: str) -> str:
        """The release a system's rows come from, e.g. 'HCPCS Level II 2026 Q1'."""
        if system not in self._releases:
            self._releases[system] = read_release_label(self.desk.conn, system)
        return self._releases[system]

    def release_start(self, system: str) -> dt.date | None:
        """When the system's first release loaded (its notes' release) starts."""
        return read_release_start(self.desk.conn, system)

    def code_source(self, record: CodeRecord) -> Source:
        """The source line for a code's own row."""
        return Source(
            title=self.release_label(record.system),
            detail=f"row {record.code}",
            system=record.system,
            code=record.code,
        )


def read_release_label(conn: sqlite3.Connection, system: str) -> str:
    """The names and vintages of the releases loaded for a system."""
    try:
        rows = conn.execute(
            "SELECT name, vintage FROM release WHERE system = ? ORDER BY id",
            (system,),
        ).fetchall()
    except sqlite3.Error:
        rows = []
    label = SYSTEM_LABELS.get(system, system)
    if not rows:
        return f"{label} code database"
    name, vintage = _distinct(rows)[0]
    return f"{name} ({vintage})"


def read_release_start(conn: sqlite3.Connection, system: str) -> dt.date | None:
    """The effective date of the release ``read_release_label`` names first."""
    try:
        row = conn.execute(
            "SELECT effective_from FROM release WHERE system = ? ORDER BY id LIMIT 1",
            (system,),
        ).fetchone()
    except sqlite3.Error:
        row = None
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


def _distinct(rows: list[sqlite3.Row]) -> list[tuple[str, str]]:
    return list(dict.fromkeys((str(r[0]), str(r[1])) for r in rows))


@functools.cache
def system_label(system: str) -> str:
    """The display name of a code system."""
    return SYSTEM_LABELS.get(system, system)
