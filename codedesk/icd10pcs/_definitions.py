"""The ICD-10-PCS definitions, guidelines and index (FY2025 CSV exports).

Reads, under ``icd10pcs/``:

- ``icd10pcs_definitions_body_system_fy2025.csv``: section, code,
  body_system.
- ``icd10pcs_definitions_root_operation_fy2025.csv``: section, code, value,
  definition, explanation, examples.
- ``icd10pcs_definitions_body_part_fy2025.csv``: section, body_system_code,
  body_part_code, body_system, body_part.
- ``icd10pcs_definitions_approach_fy2025.csv``: section, code, value,
  definition.
- ``icd10pcs_official_guidelines_fy2025.csv``: section, type, guideline_id,
  text (the ICD-10-PCS Official Guidelines, one row per guideline).
- ``icd10pcs_index_fy2025.csv``: term, content (main terms; ``content``
  holds the sub-entries one per line, code fragments between ``**``).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..releases._rows import read_csv
from ._hierarchy import Names

BODY_SYSTEM_FILE = "icd10pcs/icd10pcs_definitions_body_system_fy2025.csv"
ROOT_OPERATION_FILE = "icd10pcs/icd10pcs_definitions_root_operation_fy2025.csv"
BODY_PART_FILE = "icd10pcs/icd10pcs_definitions_body_part_fy2025.csv"
APPROACH_FILE = "icd10pcs/icd10pcs_definitions_approach_fy2025.csv"
GUIDELINES_FILE = "icd10pcs/icd10pcs_official_guidelines_fy2025.csv"
INDEX_FILE = "icd10pcs/icd10pcs_index_fy2025.csv"

GUIDELINE_SCHEMA = """
CREATE TABLE pcs_guideline (
    guideline_id TEXT PRIMARY KEY,
    section TEXT NOT NULL,
    topic TEXT NOT NULL,
    text TEXT NOT NULL,
    seq INTEGER NOT NULL
);
"""

_FRAGMENT = re.compile(r"\*\*([0-9A-HJ-NP-Z]{3,7})\*\*")


@dataclass(frozen=True)
class NoteRow:
    """A note on a PCS header: (code, kind) and its type and text."""

    code: str
    kind: str
    type: str
    text: str


@dataclass(frozen=True)
class PcsGuideline:
    """One ICD-10-PCS Official Guideline (e.g. ``B3.1a``)."""

    guideline_id: str
    section: str
    topic: str
    text: str


@dataclass(frozen=True)
class IndexTerm:
    """An index entry leading to a code or a table."""

    code: str
    text: str
    path: str


def read_names(body_systems: Path | None, operations: Path | None) -> Names:
    """Body system and root operation names by their code characters."""
    names = Names()
    if body_systems:
        for row in read_csv(body_systems, ("section", "code", "body_system")):
            names.body_systems[row["section"] + row["code"]] = row[
                "body_system"
            ].strip()
    if operations:
        for row in read_csv(operations, ("section", "code", "value")):
            names.operations[row["section"] + row["code"]] = row["value"].strip()
    return names


def operation_notes(path: Path, tables: set[str]) -> list[NoteRow]:
    """Each root operation's definition, explanation and examples, on every
    table of that operation (section and third character)."""
    notes = []
    columns = ("section", "code", "definition", "explanation", "examples")
    for row in read_csv(path, columns):
        for table in sorted(
            t for t in tables if t[0] + t[2] == row["section"] + row["code"]
        ):
            for kind in ("definition", "explanation", "examples"):
                if row[kind].strip():
                    notes.append(NoteRow(table, "table", kind, row[kind].strip()))
    return notes


def body_part_notes(path: Path) -> list[NoteRow]:
    """The body part values of each body system (``0: Brain``)."""
    columns = ("section", "body_system_code", "body_part_code", "body_part")
    return [
        NoteRow(
            row["section"] + row["body_system_code"],
            "body_system",
            "body_part",
            f"{row['body_part_code']}: {row['body_part'].strip()}",
        )
        for row in read_csv(path, columns)
    ]


def approach_notes(path: Path) -> list[NoteRow]:
    """Each approach value and its definition, on its section."""
    return [
        NoteRow(
            row["section"],
            "section",
            "approach",
            f"{row['code']} {row['value'].strip()}: {row['definition'].strip()}",
        )
        for row in read_csv(path, ("section", "code", "value", "definition"))
    ]


def read_guidelines(path: Path) -> list[PcsGuideline]:
    """The Official Guidelines in file order."""
    return [
        PcsGuideline(
            row["guideline_id"].strip(),
            row["section"].strip(),
            row["type"].strip(),
            row["text"].strip(),
        )
        for row in read_csv(path, ("section", "type", "guideline_id", "text"))
    ]


def pcs_guidelines(
    conn: sqlite3.Connection, section: str | None = None
) -> list[PcsGuideline]:
    """The guidelines in a built database, all or one section's."""
    sql = "SELECT guideline_id, section, topic, text FROM pcs_guideline"
    args: tuple[str, ...] = ()
    if section is not None:
        sql += " WHERE section = ?"
        args = (section,)
    return [PcsGuideline(*row) for row in conn.execute(sql + " ORDER BY seq", args)]


def read_index(path: Path) -> list[IndexTerm]:
    """Index entries that name a code or a table.

    A fragment of seven characters is a code; three to six characters lead
    to the table of their first three.
    """
    terms = []
    for row in read_csv(path, ("term", "content")):
        main = row["term"].strip()
        for line in row["content"].splitlines():
            for fragment in _FRAGMENT.findall(line):
                words = _FRAGMENT.sub("", line).strip(" ,")
                text = f"{main}, {words}" if words and words != "(continued)" else main
                code = fragment if len(fragment) == 7 else fragment[:3]
                terms.append(IndexTerm(code, text, f"{main} > {line.strip()}"))
    return terms
