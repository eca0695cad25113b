"""Findings for codes that are not valid, or not billable, on the date."""

from __future__ import annotations

import datetime as dt

from .._records import SYSTEM_LABELS
from ._data import EditData, Status
from ._records import Finding, SourceRef


def validity_finding(
    data: EditData,
    system: str,
    code: str,
    status: Status,
    day: dt.date,
    lines: tuple[int, ...] = (),
    diagnoses: tuple[int, ...] = (),
) -> Finding | None:
    """A code_validity or header_code finding, or None when the code is fine."""
    if status.state in ("valid", "unchecked"):
        return None
    label = SYSTEM_LABELS.get(system, system)
    where = {"codes": (code,), "lines": lines, "diagnoses": diagnoses}
    source = _span_source(data, system, status)
    if status.state == "header":
        below = data.children(system, code)
        fix = "Use a billable code below it" + (
            f": {', '.join(below)}." if below else "."
        )
        message = (
            f"{code} is a header in {label}, not a billable code on {day.isoformat()}."
        )
        return Finding("header_code", "deny", message, source=source, fix=fix, **where)  # type: ignore[arg-type]
    message, fix = _invalid_text(data, system, code, status, day, label)
    return Finding("code_validity", "deny", message, source=source, fix=fix, **where)  # type: ignore[arg-type]


def _invalid_text(
    data: EditData, system: str, code: str, status: Status, day: dt.date, label: str
) -> tuple[str, str]:
    on = day.isoformat()
    if status.state == "unknown":
        return f"{code} is not in {label}.", "Check the code for a typing error."
    if status.state == "not_yet":
        return (
            f"{code} is not valid on {on}: it takes effect on {status.valid_from}.",
            "Use the code that was valid on the date of service.",
        )
    replaced = data.replacements(system, code)
    message = f"{code} is not valid on {on}: it ended on {status.valid_to}."
    if replaced:
        return message, "Use its replacement: " + ", ".join(replaced) + "."
    return message, "Use the code that replaced it on the date of service."


def _span_source(data: EditData, system: str, status: Status) -> SourceRef | None:
    if status.state == "unknown":
        return None
    name, vintage, file = data.release_of(system)
    return SourceRef(
        table="span",
        release=name,
        vintage=vintage,
        file=status.source or file,
        effective_from=status.valid_from,
        effective_to=status.valid_to,
    )
