"""Build step ``lookup.tree``: every code's place in its hierarchy.

Lookup lists the billable codes under a header (a chapter of ICD-10-CM has
tens of thousands). Walking parent links for each lookup is slow, so the
build numbers each system's codes in tree order once: the codes under an
entry are then one range of positions, each with its billable periods.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import NamedTuple

from ._records import Release, Span
from ._validity import merge_periods
from .releases import Loader, Sources

TREE_SCHEMA = """
-- One row per code and billable period (or one row, billable 0, for a code
-- never billable). ``pos`` numbers codes in tree order; ``last`` is the
-- highest ``pos`` under the code, so its descendants are (pos, last].
CREATE TABLE code_tree (
    system TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    pos INTEGER NOT NULL,
    last INTEGER NOT NULL,
    billable INTEGER NOT NULL,
    bill_from TEXT,
    bill_to TEXT,
    from_floor INTEGER NOT NULL DEFAULT 0
);
"""

TREE_INDEXES = (
    "CREATE INDEX code_tree_by_code ON code_tree (system, kind, code)",
    "CREATE INDEX code_tree_by_pos ON code_tree (system, pos)",
)


#: (system, kind, code): how records are keyed.
Key = tuple[str, str, str]


class _Node(NamedTuple):
    system: str
    kind: str
    code: str
    parent: Key | None
    billable: int


def load_nothing(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """The tree is built in ``finish``, once every system has loaded."""
    return []


def build_tree(conn: sqlite3.Connection) -> None:
    """Number every code in tree order and store its billable periods.

    Steps:

    1. Read every code row; a row whose parent is missing is a root.
    2. Walk each root depth first, children in ``seq`` order, numbering
       codes as they are reached; ``last`` is the highest number below.
    3. Store one row per billable period from the code's spans.
    """
    nodes, children = _read_nodes(conn)
    spans = _read_billable_spans(conn)
    rows = []
    for key, pos, last in _number(nodes, children):
        node = nodes[key]
        rows.extend(_rows_for(node, pos, last, spans.get((node.system, node.code))))
    conn.executemany(
        "INSERT INTO code_tree (system, kind, code, pos, last, billable,"
        " bill_from, bill_to, from_floor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # One statement at a time: executescript would end the build's transaction.
    for statement in TREE_INDEXES:
        conn.execute(statement)


def _read_nodes(
    conn: sqlite3.Connection,
) -> tuple[dict[Key, _Node], dict[Key, list[Key]]]:
    nodes: dict[Key, _Node] = {}
    children: dict[Key, list[Key]] = defaultdict(list)
    rows = conn.execute(
        "SELECT system, kind, code, parent, parent_kind, billable FROM code"
        " ORDER BY system, seq"
    )
    for system, kind, code, parent, parent_kind, billable in rows:
        up = (system, parent_kind, parent) if parent and parent_kind else None
        nodes[(system, kind, code)] = _Node(system, kind, code, up, billable)
        if up is not None:
            children[up].append((system, kind, code))
    return nodes, children


def _number(
    nodes: dict[Key, _Node], children: dict[Key, list[Key]]
) -> list[tuple[Key, int, int]]:
    """(key, pos, last) for every node, in tree order."""
    numbered: list[tuple[Key, int, int]] = []
    roots = [k for k, n in nodes.items() if n.parent is None or n.parent not in nodes]
    counter = 0
    for root in roots:
        # Iterative depth-first walk; a node's ``last`` is known on leaving it.
        stack: list[tuple[Key, bool]] = [(root, False)]
        start: dict[Key, int] = {}
        while stack:
            key, leaving = stack.pop()
            if leaving:
                numbered.append((key, start.pop(key), counter))
                continue
            counter += 1
            start[key] = counter
            stack.append((key, True))
            stack.extend((child, False) for child in reversed(children.get(key, [])))
    return sorted(numbered, key=lambda item: item[1])


def _read_billable_spans(conn: sqlite3.Connection) -> dict[tuple[str, str], list[Span]]:
    spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
    rows = conn.execute(
        "SELECT system, code, valid_from, valid_to, from_floor FROM span"
        " WHERE billable = 1"
    )
    for system, code, start, end, floor in rows:
        spans[(system, code)].append(
            Span(_date(start), _date(end), True, "", "", bool(floor))
        )
    return spans


def _rows_for(
    node: _Node, pos: int, last: int, spans: list[Span] | None
) -> list[tuple[object, ...]]:
    head = (node.system, node.kind, node.code, pos, last)
    if spans is None:
        # No dates for this code: billable as its row says, on any date.
        return [(*head, node.billable, None, None, 0)]
    return [
        (*head, 1, _iso(p.valid_from), _iso(p.valid_to), int(p.from_floor))
        for p in merge_periods(spans)
    ]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


TREE_LOADER = Loader(
    name="lookup.tree", load=load_nothing, schema=TREE_SCHEMA, finish=build_tree
)
