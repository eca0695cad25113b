"""The ``dx_note`` table: each ICD-10-CM code's Excludes1 and code-first notes.

The tabular prints a note once, at its own level; it applies to every code
below. Working the inheritance out once at build time lets the checker read
a claim's notes in one query instead of walking each code's parents.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

DX_NOTE_SCHEMA = """
-- Excludes1 and code-first notes that apply to a code, with the level
-- (code) they are printed at; depth 0 is the code itself.
CREATE TABLE dx_note (
    code TEXT NOT NULL,
    depth INTEGER NOT NULL,
    level TEXT NOT NULL,
    type TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL
);
"""

_TYPES = ("excludes1", "code_first")

Level = tuple[str, str]


def build_dx_notes(conn: sqlite3.Connection) -> None:
    """Finish step: fill ``dx_note`` from the shared ``code`` and ``note`` tables."""
    parents: dict[Level, Level | None] = {}
    for kind, code, parent_kind, parent in conn.execute(
        "SELECT kind, code, parent_kind, parent FROM code WHERE system = 'icd10cm'"
    ):
        parents[(kind, code)] = (parent_kind, parent) if parent else None
    notes: dict[Level, list[tuple[str, int, str]]] = defaultdict(list)
    for kind, code, type_, seq, text in conn.execute(
        "SELECT kind, code, type, seq, text FROM note WHERE system = 'icd10cm'"
        " AND type IN (?, ?)",
        _TYPES,
    ):
        notes[(kind, code)].append((type_, seq, text))
    conn.executemany(
        "INSERT INTO dx_note (code, depth, level, type, seq, text)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        _rows(parents, notes),
    )
    conn.execute("CREATE INDEX dx_note_by_code ON dx_note (code)")


def _rows(
    parents: dict[Level, Level | None], notes: dict[Level, list[tuple[str, int, str]]]
) -> list[tuple[str, int, str, str, int, str]]:
    rows = []
    for start in parents:
        if start[0] in ("block", "chapter"):
            continue
        level: Level | None = start
        depth = 0
        while level is not None and depth < 12:
            for type_, seq, text in notes.get(level, ()):
                rows.append((start[1], depth, level[1], type_, seq, text))
            level = parents.get(level)
            depth += 1
    return rows
