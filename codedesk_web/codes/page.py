"""What the code page shows, worked out from a lookup record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codedesk import (
    SYSTEM_LABELS,
    CodeError,
    CodeRecord,
    CodeRef,
    Desk,
    Fact,
    Note,
    SeventhCharacter,
    plain_summary,
)
from codedesk._records import NOTE_TYPES

#: How each ICD-10-CM note type is headed on the page, as the tabular prints it.
NOTE_LABELS: dict[str, str] = {
    "note": "Notes",
    "includes": "Includes",
    "inclusion_term": "Inclusion terms",
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
    # ICD-10-PCS: the meaning of the characters, from the PCS definitions.
    "definition": "Definition of the root operation",
    "explanation": "Explanation",
    "examples": "Examples",
    "body_part": "Body part values",
    "approach": "Approach values",
}

#: How each lookup status reads in the badge of the code page.
STATUS_LABELS: dict[str, str] = {
    "valid": "Valid",
    "header": "Header",
    "ended": "Ended",
    "not_yet": "Not yet valid",
}


@dataclass(frozen=True)
class NoteGroup:
    """The notes of one type, in the order the tabular prints them."""

    type: str
    label: str
    notes: list[Note]


@dataclass(frozen=True)
class FactGroup:
    """The CMS facts from one source file (HCPCS, MPFS, OPPS...)."""

    group: str
    facts: list[Fact]


def code_page_context(desk: Desk, record: CodeRecord) -> dict[str, Any]:
    """Everything the code page template needs."""
    return {
        "record": record,
        "system_label": SYSTEM_LABELS.get(record.system, record.system),
        "status_label": STATUS_LABELS.get(record.status, record.status),
        "summary": plain_summary(record),
        "note_groups": group_notes(record.notes),
        "fact_groups": group_facts(record.facts),
        "own_seventh": own_seventh_character(record),
        "siblings": find_siblings(desk, record),
        "licensed": record.system == "cpt",
    }


def group_notes(notes: dict[str, list[Note]]) -> list[NoteGroup]:
    """Notes grouped by type, in tabular order; unknown types go last."""
    order = list(NOTE_TYPES) + sorted(set(notes) - set(NOTE_TYPES))
    return [
        NoteGroup(kind, note_label(kind), notes[kind])
        for kind in order
        if notes.get(kind)
    ]


def note_label(kind: str) -> str:
    """The heading of a note type; an unlisted type reads as its words."""
    return NOTE_LABELS.get(kind, kind.replace("_", " ").capitalize())


def group_facts(facts: list[Fact]) -> list[FactGroup]:
    """Facts grouped by their source group, in the order they came."""
    groups: dict[str, list[Fact]] = {}
    for fact in facts:
        groups.setdefault(fact.group, []).append(fact)
    return [FactGroup(group, items) for group, items in groups.items()]


def find_siblings(desk: Desk, record: CodeRecord) -> list[CodeRef]:
    """The other codes under the same parent, on the same date."""
    if not record.parents:
        return []
    try:
        return desk.siblings(record)
    except CodeError:
        return []


def own_seventh_character(record: CodeRecord) -> SeventhCharacter | None:
    """The row of the seventh-character table that this code uses."""
    bare = record.code.replace(".", "")
    if len(bare) != 7:
        return None
    return next(
        (row for row in record.seventh_characters if row.character == bare[6]), None
    )
