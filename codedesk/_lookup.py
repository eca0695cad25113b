"""Lookup: one code, as typed, on a date of service.

Works for every code system from the shared tables (``code``, ``span``,
``note``, ``seventh_char``, ``replacement``, ``fact``, ``licensed_text``);
what differs between systems is only how their codes are typed, which each
``CodeSystem`` knows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sqlite3
from collections.abc import Sequence
from typing import Any, cast

from ._errors import DataError, InputError, MalformedCodeError
from ._records import NOTE_TYPES, CodeRecord, CodeRef, Fact, Note, SeventhCharacter
from ._suggest import (
    explain_malformed,
    explain_shapeless,
    explain_too_short,
    explain_unknown,
    explain_unknown_anywhere,
    known_systems,
    shaped_systems,
)
from ._systems import CodeSystem
from ._typed import clean_typed
from ._validity import (
    Period,
    adoption_warning,
    covering_period,
    floor_warning,
    is_before_adoption,
    newest_release_warning,
    read_spans,
    status_on,
    status_warnings,
)

#: How many billable codes under a header a record lists.
DESCENDANT_LIMIT = 50

#: Note types that belong to the entry they are printed under: inclusion
#: terms name what that entry covers, so they are not inherited.
OWN_ONLY_NOTES = frozenset({"inclusion_term"})

_CODE_COLUMNS = "code, kind, title, short_title, parent, parent_kind, billable"

#: A span covers the date: the same rule as ``Span.covers``.
_COVERS = (
    "(s.valid_from IS NULL OR s.from_floor = 1 OR s.valid_from <= :day)"
    " AND (s.valid_to IS NULL OR s.valid_to >= :day)"
)


#: A billable period in ``code_tree`` under a header, covering the date.
_UNDER = (
    "t.system = :system AND t.pos > :first AND t.pos <= :last AND t.billable = 1"
    " AND (t.bill_from IS NULL OR t.from_floor = 1 OR t.bill_from <= :day)"
    " AND (t.bill_to IS NULL OR t.bill_to >= :day)"
)


def lookup_code(
    conn: sqlite3.Connection, text: str, *, system: str | None, date: dt.date
) -> CodeRecord:
    """Everything known about one code on one date of service.

    With no ``system``, every system whose shape the text has is asked.
    When more than one has the code, the one whose code is exactly the text
    as typed (case and spaces aside) answers, else the first in lookup order
    (ICD-10-CM, ICD-10-PCS, HCPCS, CPT); the record then warns of each other
    system's code. So ``J1100`` is HCPCS J1100, warned of ICD-10-CM J11.00,
    which is reached only by inserting a dot; ``J11.00`` is ICD-10-CM alone.

    Raises:
        InputError: ``system`` is not a code system.
        MalformedCodeError: the text is not the shape of a code.
        UnknownCodeError: no such code; ``suggestions`` holds likely fixes.
    """
    systems = known_systems()
    text = clean_typed(text)
    if system is None:
        return _lookup_any(conn, text, date)
    if system not in systems:
        raise InputError(
            f"'{system}' is not a code system.",
            hint="Use one of: " + ", ".join(systems) + ".",
        )
    return _lookup_in(conn, systems[system], text, date)


def _lookup_any(conn: sqlite3.Connection, text: str, date: dt.date) -> CodeRecord:
    shaped = shaped_systems(text)
    found = _matches(conn, shaped, text)
    if found:
        best, *others = _rank_matches(found, text)
        record = build_record(conn, best[1], best[0].name, date)
        return _with_others(record, others)
    too_short = explain_too_short(conn, text)
    if too_short is not None:
        raise too_short
    if not shaped:
        raise explain_shapeless(conn, text)
    if len(shaped) == 1:
        return _lookup_in(conn, shaped[0], text, date)
    raise explain_unknown_anywhere(conn, shaped, text)


_Match = tuple[CodeSystem, tuple[str, ...]]


def _matches(
    conn: sqlite3.Connection, shaped: list[CodeSystem], text: str
) -> list[_Match]:
    """The code row of each system that has the text as a code."""
    found: list[_Match] = []
    for candidate in shaped:
        try:
            code = candidate.normalize(text)
        except MalformedCodeError:
            continue
        row = find_code_row(conn, candidate.name, code)
        if row is not None:
            found.append((candidate, row))
    return found


def _rank_matches(found: list[_Match], text: str) -> list[_Match]:
    """Exact matches first (the code as typed), then in lookup order."""
    typed = "".join(text.split()).upper()
    return sorted(found, key=lambda match: match[1][0] != typed)


def _with_others(record: CodeRecord, others: list[_Match]) -> CodeRecord:
    """The record, warned of the other systems that have the code too."""
    notes = [
        f"{record.code} is also {system.label} {row[0]} — {row[2]};"
        f" use --system {system.name}."
        for system, row in others
    ]
    if not notes:
        return record
    return dataclasses.replace(record, warnings=notes + record.warnings)


def _lookup_in(
    conn: sqlite3.Connection, system: CodeSystem, text: str, date: dt.date
) -> CodeRecord:
    try:
        code = system.normalize(text)
    except MalformedCodeError as error:
        raise explain_malformed(conn, system, text, error) from None
    row = find_code_row(conn, system.name, code)
    if row is None:
        raise explain_unknown(conn, system, code, text)
    return build_record(conn, row, system.name, date)


def find_code_row(
    conn: sqlite3.Connection, system: str, code: str
) -> tuple[str, ...] | None:
    """The code's row, the deepest kind first when a block shares its name."""
    row = conn.execute(
        f"SELECT {_CODE_COLUMNS} FROM code WHERE code = ? AND system = ?"
        " ORDER BY depth DESC LIMIT 1",
        (code, system),
    ).fetchone()
    return tuple(row) if row is not None else None


def build_record(
    conn: sqlite3.Connection, row: Sequence[str], system: str, date: dt.date
) -> CodeRecord:
    """Assemble the record of one code row for the date of service."""
    code, kind, title, short_title, parent, parent_kind, billable = row
    spans = read_spans(conn, system, code)
    status = status_on(spans, date, bool(billable))
    if is_before_adoption(system, date):
        status = "not_yet"
    if kind == "modifier" and status == "header":
        # A modifier is added to a code, never billed alone, and heads
        # nothing: in the code set on the date, it is simply valid.
        status = "valid"
    period = covering_period(spans, date) or Period(None, None, False)
    parents = read_parents(conn, system, parent, parent_kind)
    levels = [(code, kind)] + [(p.code, p.kind) for p in reversed(parents)]
    children = read_children(conn, system, code, kind, date)
    sevenths = read_seventh_characters(conn, system, levels)
    replaced_by = read_replacements(conn, system, code)
    under, count = _billable_under_header(conn, system, code, kind, date, status)
    return CodeRecord(
        system=system,
        code=code,
        kind=kind,
        title=title,
        date=date,
        status=status,
        billable=status == "valid" and kind != "modifier",
        valid_from=period.valid_from,
        valid_to=period.valid_to,
        from_floor=period.from_floor,
        short_title=short_title,
        notes=read_notes(conn, system, levels),
        seventh_characters=sevenths,
        parents=parents,
        children=children,
        billable_descendants=under,
        billable_descendant_count=count,
        spans=spans,
        replaced_by=replaced_by,
        facts=read_facts(conn, system, code),
        warnings=_date_warnings(system, code, date)
        or status_warnings(
            code, date, status, spans, children, replaced_by, bool(sevenths), under
        )
        + floor_warning(code, date, period)
        + newest_release_warning(conn, system, date),
        licensed_text=read_licensed_text(conn, system, code),
    )


def _date_warnings(system: str, code: str, date: dt.date) -> list[str]:
    """Before the system took effect, that alone is the answer."""
    if not is_before_adoption(system, date):
        return []
    return adoption_warning(system, code, date)


def _billable_under_header(
    conn: sqlite3.Connection,
    system: str,
    code: str,
    kind: str,
    date: dt.date,
    status: str,
) -> tuple[list[CodeRef], int]:
    if status != "header":
        return [], 0
    return read_billable_descendants(conn, system, code, kind, date)


def read_parents(
    conn: sqlite3.Connection, system: str, parent: str | None, kind: str | None
) -> list[CodeRef]:
    """The chain of parents, root first (chapter, block, category…)."""
    chain: list[CodeRef] = []
    while parent is not None and kind is not None:
        found = _parent_of(conn, system, kind, parent)
        if found is None:
            break
        ref, parent, kind = found
        chain.append(ref)
    return chain[::-1]


@functools.lru_cache(maxsize=16384)
def _parent_of(
    conn: sqlite3.Connection, system: str, kind: str, code: str
) -> tuple[CodeRef, str | None, str | None] | None:
    """One entry and its own parent's key, cached per connection.

    The code database is read-only while a connection is open, and the same
    chapters, blocks and categories head thousands of codes.
    """
    row = conn.execute(
        "SELECT code, kind, title, billable, parent, parent_kind FROM code"
        " WHERE system = ? AND kind = ? AND code = ?",
        (system, kind, code),
    ).fetchone()
    if row is None:
        return None
    return CodeRef(system, row[0], row[1], row[2], bool(row[3])), row[4], row[5]


def read_children(
    conn: sqlite3.Connection, system: str, code: str, kind: str, date: dt.date
) -> list[CodeRef]:
    """The codes directly under this one that are in the code set on the date."""
    rows = conn.execute(
        "SELECT c.code, c.kind, c.title, (SELECT max(s.billable) FROM span s"
        f" WHERE s.system = c.system AND s.code = c.code AND {_COVERS}) AS on_day"
        " FROM code c WHERE c.system = :system AND c.parent_kind = :kind"
        " AND c.parent = :code ORDER BY c.seq",
        {"system": system, "kind": kind, "code": code, "day": date.isoformat()},
    ).fetchall()
    return [
        CodeRef(system, row[0], row[1], row[2], bool(row[3]))
        for row in rows
        if row[3] is not None
    ]


def read_billable_descendants(
    conn: sqlite3.Connection, system: str, code: str, kind: str, date: dt.date
) -> tuple[list[CodeRef], int]:
    """The first billable codes under a header on the date, and how many.

    Raises:
        DataError: the database predates the ``lookup.tree`` build step.
    """
    try:
        extent = conn.execute(
            "SELECT pos, last FROM code_tree WHERE system = ? AND kind = ?"
            " AND code = ? LIMIT 1",
            (system, kind, code),
        ).fetchone()
    except sqlite3.OperationalError:
        raise DataError(
            "The code database has no code_tree table.",
            hint="Rebuild it with: codedesk data build",
        ) from None
    if extent is None:
        return [], 0
    params = {"system": system, "first": extent[0], "last": extent[1]}
    params["day"] = date.isoformat()
    rows = conn.execute(
        "SELECT t.code, t.kind, c.title FROM code_tree t JOIN code c"
        " ON c.system = t.system AND c.kind = t.kind AND c.code = t.code"
        f" WHERE {_UNDER} ORDER BY t.pos LIMIT {DESCENDANT_LIMIT}",
        params,
    ).fetchall()
    (count,) = conn.execute(
        f"SELECT count(*) FROM code_tree t WHERE {_UNDER}", params
    ).fetchone()
    return [CodeRef(system, r[0], r[1], r[2], True) for r in rows], count


def read_notes(
    conn: sqlite3.Connection, system: str, levels: list[tuple[str, str]]
) -> dict[str, list[Note]]:
    """Own notes, then those inherited from each level up, grouped by type."""
    rows = _rows_at_levels(conn, "type, text", "note", system, levels)
    notes: dict[str, list[Note]] = {}
    for depth, code, kind, note_type, text in rows:
        if depth and note_type in OWN_ONLY_NOTES:
            continue
        note = Note(note_type, text, code, kind, inherited=depth > 0)
        notes.setdefault(note_type, []).append(note)
    order = {name: i for i, name in enumerate(NOTE_TYPES)}
    return dict(sorted(notes.items(), key=lambda item: order.get(item[0], 99)))


def read_seventh_characters(
    conn: sqlite3.Connection, system: str, levels: list[tuple[str, str]]
) -> list[SeventhCharacter]:
    """The seventh-character table of the nearest level that defines one."""
    rows = _rows_at_levels(conn, "character, meaning", "seventh_char", system, levels)
    nearest = rows[0][0] if rows else None
    return [
        SeventhCharacter(char, meaning, code)
        for depth, code, _, char, meaning in rows
        if depth == nearest
    ]


def _rows_at_levels(
    conn: sqlite3.Connection,
    columns: str,
    table: str,
    system: str,
    levels: list[tuple[str, str]],
) -> list[tuple[Any, ...]]:
    """(depth, code, kind, *columns) at each level, nearest level first.

    One query for every level: a lookup walks up to seven of them.
    """
    depth_of = {level: depth for depth, level in enumerate(levels)}
    # Equalities joined by OR let SQLite search the index once per level; a
    # row-value IN list would scan the table.
    where = " OR ".join("(system = ? AND code = ? AND kind = ?)" for _ in levels)
    found = conn.execute(
        f"SELECT code, kind, seq, {columns} FROM {table} WHERE {where}",
        [part for code, kind in levels for part in (system, code, kind)],
    ).fetchall()
    ordered = sorted(found, key=lambda row: (depth_of[(row[0], row[1])], row[2]))
    return [(depth_of[(r[0], r[1])], r[0], r[1], *r[3:]) for r in ordered]


def read_replacements(
    conn: sqlite3.Connection, system: str, code: str
) -> list[CodeRef]:
    """The codes the data says replace this one."""
    rows = conn.execute(
        "SELECT r.replaced_by, c.kind, c.title, c.billable FROM replacement r"
        " JOIN code c ON c.system = r.system AND c.code = r.replaced_by"
        " WHERE r.system = ? AND r.code = ? ORDER BY c.seq",
        (system, code),
    ).fetchall()
    return [CodeRef(system, r[0], r[1], r[2], bool(r[3])) for r in rows]


def read_facts(conn: sqlite3.Connection, system: str, code: str) -> list[Fact]:
    """Public CMS facts about the code, by group."""
    rows = conn.execute(
        "SELECT grp, name, label, value, source FROM fact"
        " WHERE system = ? AND code = ? ORDER BY grp, seq",
        (system, code),
    ).fetchall()
    return [Fact(*row) for row in rows]


def read_licensed_text(
    conn: sqlite3.Connection, system: str, code: str
) -> dict[str, str]:
    """Descriptors from a licensed file the user imported, if any."""
    row = conn.execute(
        "SELECT short, medium, long FROM licensed_text WHERE system = ? AND code = ?",
        (system, code),
    ).fetchone()
    if row is None:
        return {}
    named = zip(("short", "medium", "long"), row, strict=True)
    return {name: text for name, text in named if text}


def sibling_codes(conn: sqlite3.Connection, record: CodeRecord) -> list[CodeRef]:
    """The other codes under the same parent, in the code set on the date."""
    if not record.parents:
        return []
    parent = record.parents[-1]
    children = read_children(conn, record.system, parent.code, parent.kind, record.date)
    return [child for child in children if child.code != record.code]


def record_as_dict(record: CodeRecord) -> dict[str, Any]:
    """The record as JSON-ready values: dates become ISO strings."""
    return cast(dict[str, Any], _jsonable(dataclasses.asdict(record)))


def _jsonable(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value
