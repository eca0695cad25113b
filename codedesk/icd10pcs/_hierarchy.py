"""The ICD-10-PCS headers above the codes: section, body system, table.

The first character of a code names its section, the first two its body
system and the first three its table (``02N``: Medical and Surgical, Heart
and Great Vessels, Release). Headers are rebuilt from the codes; their
titles come from the definitions files where those cover them (sections 0
and 1), and otherwise from the words every code title in the table shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..releases._rows import CodeRow, SpanRow

#: Section names, as the ICD-10-PCS tables print them.
SECTIONS: dict[str, str] = {
    "0": "Medical and Surgical",
    "1": "Obstetrics",
    "2": "Placement",
    "3": "Administration",
    "4": "Measurement and Monitoring",
    "5": "Extracorporeal or Systemic Assistance and Performance",
    "6": "Extracorporeal or Systemic Therapies",
    "7": "Osteopathic",
    "8": "Other Procedures",
    "9": "Chiropractic",
    "B": "Imaging",
    "C": "Nuclear Medicine",
    "D": "Radiation Therapy",
    "F": "Physical Rehabilitation and Diagnostic Audiology",
    "G": "Mental Health",
    "H": "Substance Abuse Treatment",
    "X": "New Technology",
}

_LINKING_WORDS = frozenset(("of", "to", "using", "with", "in", "on", "and", "for"))


@dataclass
class Names:
    """Body system and root operation names from the definitions files.

    Keys are the leading characters of the code: ``"02"`` for a body
    system, ``"0N"`` (section and third character) for a root operation.
    """

    body_systems: dict[str, str] = field(default_factory=dict)
    operations: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Validity:
    """A code's period of validity in ISO dates."""

    valid_from: str
    valid_to: str | None
    from_floor: bool


def header_rows(titles: dict[str, str], names: Names) -> list[CodeRow]:
    """Section, body system and table rows for the codes in ``titles``."""
    by_table: dict[str, list[str]] = {}
    for code, title in titles.items():
        by_table.setdefault(code[:3], []).append(title)
    rows: dict[tuple[str, str], CodeRow] = {}
    for table in sorted(by_table):
        section, system = table[:1], table[:2]
        rows[("section", section)] = CodeRow(
            "icd10pcs", section, "section", _section(section), False
        )
        rows[("body_system", system)] = CodeRow(
            "icd10pcs",
            system,
            "body_system",
            _body_system(system, names),
            False,
            parent=section,
            parent_kind="section",
            depth=1,
        )
        rows[("table", table)] = CodeRow(
            "icd10pcs",
            table,
            "table",
            _table(table, names, by_table[table]),
            False,
            parent=system,
            parent_kind="body_system",
            depth=2,
        )
    return list(rows.values())


def header_spans(
    validity: dict[str, Validity], title_of: dict[str, str]
) -> list[SpanRow]:
    """Headers are in the code set while any code under them is."""
    grouped: dict[str, list[Validity]] = {}
    for code, period in validity.items():
        for header in (code[:1], code[:2], code[:3]):
            grouped.setdefault(header, []).append(period)
    return [
        SpanRow(
            "icd10pcs",
            header,
            min(p.valid_from for p in periods),
            _latest_end(periods),
            False,
            title_of.get(header, ""),
            "derived from the codes under it",
            from_floor=any(p.from_floor for p in periods),
        )
        for header, periods in sorted(grouped.items())
    ]


def common_words(titles: Iterable[str]) -> str:
    """The leading words all titles share, without a dangling linking word."""
    split = [title.split() for title in titles]
    shared: list[str] = []
    for words in zip(*split, strict=False):
        if len(set(words)) != 1:
            break
        shared.append(words[0])
    while shared and shared[-1].lower().strip(",") in _LINKING_WORDS:
        shared.pop()
    return " ".join(shared).rstrip(",")


def _latest_end(periods: list[Validity]) -> str | None:
    if any(p.valid_to is None for p in periods):
        return None
    return max(p.valid_to for p in periods if p.valid_to is not None)


def _section(section: str) -> str:
    return SECTIONS.get(section, f"Section {section}")


def _body_system(system: str, names: Names) -> str:
    known = names.body_systems.get(system)
    return known or f"{_section(system[0])}, body system {system[1]}"


def _table(table: str, names: Names, titles: list[str]) -> str:
    operation = names.operations.get(table[0] + table[2]) or common_words(titles)
    parts = [_section(table[0]), names.body_systems.get(table[:2], "")]
    parts.append(operation or f"table {table}")
    return ", ".join(part for part in parts if part)
