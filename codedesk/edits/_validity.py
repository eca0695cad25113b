"""Findings for codes that are not valid, or not billable, on the date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._errors import CodeDeskError, CodeError, MalformedCodeError
from .._lookup import lookup_code
from .._records import SYSTEM_LABELS
from ._data import EditData, Status
from ._records import Finding, SourceRef

#: Billable codes a header finding names.
_SHOWN = 6

#: Every code under a header that is billable on the day, in code order.
_BILLABLE_BELOW = (
    "WITH RECURSIVE below(code, kind) AS ("
    " SELECT code, kind FROM code WHERE system = :system AND parent = :code"
    " AND kind != 'block'"
    " UNION SELECT c.code, c.kind FROM code c JOIN below b"
    " ON c.system = :system AND c.parent = b.code AND c.parent_kind = b.kind)"
    " SELECT DISTINCT b.code FROM below b JOIN span s"
    " ON s.system = :system AND s.code = b.code AND s.billable = 1"
    " AND (s.valid_from IS NULL OR s.from_floor = 1 OR s.valid_from <= :day)"
    " AND (s.valid_to IS NULL OR s.valid_to >= :day)"
    " ORDER BY b.code"
)


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
    if status.state == "valid":
        return None
    where = {"codes": (code,), "lines": lines, "diagnoses": diagnoses}
    if status.state in ("unknown", "unchecked"):
        return _not_a_code_finding(data, system, code, status, day, where)
    label = SYSTEM_LABELS.get(system, system)
    source = _span_source(data, system, status)
    if status.state == "header":
        fix = _header_fix(data, system, code, day)
        message = (
            f"{code} is a header in {label}, not a billable code on {day.isoformat()}."
        )
        return Finding("header_code", "deny", message, source=source, fix=fix, **where)  # type: ignore[arg-type]
    message, fix = _invalid_text(data, system, code, status, day, label)
    return Finding("code_validity", "deny", message, source=source, fix=fix, **where)  # type: ignore[arg-type]


def _not_a_code_finding(
    data: EditData,
    system: str,
    code: str,
    status: Status,
    day: dt.date,
    where: dict[str, tuple[Any, ...]],
) -> Finding | None:
    """A code_validity finding with lookup's own message, hint and suggestions.

    Where the code set is not loaded (``unchecked``), only a code that is not
    the shape of one is reported.
    """
    try:
        lookup_code(data.conn, code, system=system, date=day)
    except CodeError as error:
        if status.state == "unchecked" and not isinstance(error, MalformedCodeError):
            return None
        fix = error.hint or "Check the code for a typing error."
        return Finding(
            "code_validity",
            "deny",
            error.message,
            fix=fix,
            suggestions=tuple(error.suggestions),
            **where,  # type: ignore[arg-type]
        )
    except CodeDeskError:
        pass
    if status.state == "unchecked":
        return None
    label = SYSTEM_LABELS.get(system, system)
    message = f"{code} is not in {label} on {day.isoformat()}."
    fix = "Check the code for a typing error."
    return Finding("code_validity", "deny", message, fix=fix, **where)  # type: ignore[arg-type]


def _header_fix(data: EditData, system: str, code: str, day: dt.date) -> str:
    """Name the first billable codes under a header, never other headers."""
    rows = data.conn.execute(
        _BILLABLE_BELOW, {"system": system, "code": code, "day": day.isoformat()}
    ).fetchall()
    below = [str(row[0]) for row in rows]
    if not below:
        return "Use a billable code below it."
    more = f" (the first {_SHOWN} of {len(below)})" if len(below) > _SHOWN else ""
    return f"Use a billable code below it: {', '.join(below[:_SHOWN])}{more}."


def _invalid_text(
    data: EditData, system: str, code: str, status: Status, day: dt.date, label: str
) -> tuple[str, str]:
    on = day.isoformat()
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
