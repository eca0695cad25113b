"""Whether a code is in the code set on a date, from its spans."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ._records import SYSTEM_LABELS, CodeRef, Span

#: How many codes a warning names before it says "…".
NAMED_IN_WARNING = 8

#: When a system took effect for US claims (HHS final rule, 79 FR 45128:
#: ICD-10-CM and ICD-10-PCS from October 1, 2015). No code of the system is
#: valid on an earlier date of service, whatever the spans say.
ADOPTED: dict[str, dt.date] = {
    "icd10cm": dt.date(2015, 10, 1),
    "icd10pcs": dt.date(2015, 10, 1),
}


@dataclass(frozen=True)
class Period:
    """Contiguous spans merged: the code was in the code set throughout."""

    valid_from: dt.date | None
    valid_to: dt.date | None
    from_floor: bool


def read_spans(conn: sqlite3.Connection, system: str, code: str) -> list[Span]:
    """The code's spans, oldest first."""
    rows = conn.execute(
        "SELECT valid_from, valid_to, billable, title, source, from_floor FROM span"
        " WHERE system = ? AND code = ? ORDER BY valid_from",
        (system, code),
    ).fetchall()
    return [
        Span(_date(r[0]), _date(r[1]), bool(r[2]), r[3], r[4], bool(r[5])) for r in rows
    ]


def status_on(spans: list[Span], day: dt.date, billable: bool = False) -> str:
    """``valid``, ``header``, ``ended`` or ``not_yet`` on the date.

    A code with no spans at all (a system loaded without dates) counts as
    in the code set, billable as its row says.
    """
    if not spans:
        return "valid" if billable else "header"
    covering = [span for span in spans if span.covers(day)]
    if any(span.billable for span in covering):
        return "valid"
    if covering:
        return "header"
    if any(span.valid_from and span.valid_from > day for span in spans):
        return "not_yet"
    return "ended"


def covering_period(spans: list[Span], day: dt.date) -> Period | None:
    """The merged period around the date; else the nearest one."""
    periods = merge_periods(spans)
    for period in periods:
        if Span(
            period.valid_from, period.valid_to, False, "", "", period.from_floor
        ).covers(day):
            return period
    later = [p for p in periods if p.valid_from and p.valid_from > day]
    if later:
        return later[0]
    return periods[-1] if periods else None


def merge_periods(spans: list[Span]) -> list[Period]:
    """Join spans that touch or overlap into periods, oldest first."""
    periods: list[Period] = []
    for span in sorted(spans, key=lambda s: s.valid_from or dt.date.min):
        last = periods[-1] if periods else None
        if last and _touches(last, span):
            end = (
                None
                if last.valid_to is None or span.valid_to is None
                else max(last.valid_to, span.valid_to)
            )
            periods[-1] = Period(last.valid_from, end, last.from_floor)
        else:
            periods.append(Period(span.valid_from, span.valid_to, span.from_floor))
    return periods


def _touches(period: Period, span: Span) -> bool:
    if period.valid_to is None or span.valid_from is None:
        return True
    return span.valid_from <= period.valid_to + dt.timedelta(days=1)


def status_warnings(
    code: str,
    day: dt.date,
    status: str,
    spans: list[Span],
    children: list[CodeRef],
    replaced_by: list[CodeRef],
    has_sevenths: bool = False,
    billable_under: list[CodeRef] | None = None,
) -> list[str]:
    """What a coder must know before using the code on the date.

    ``has_sevenths`` says a seventh-character table governs the code;
    ``billable_under`` are the billable codes under a header, which the
    warning names as the codes to use (a child may be a header itself).
    """
    warnings: list[str] = []
    if status == "header":
        usable = [c for c in children if c.billable]
        if billable_under is not None:
            usable = billable_under
        warnings.append(_header_warning(code, children, usable, has_sevenths))
    elif status == "ended":
        end = max((s.valid_to for s in spans if s.valid_to), default=None)
        warnings.append(f"{code} is not valid on {day}: it ended on {end}.")
    elif status == "not_yet":
        start = min(s.valid_from for s in spans if s.valid_from)
        warnings.append(f"{code} is not valid on {day}: it takes effect on {start}.")
    if replaced_by and status != "valid":
        warnings.append(_replaced_warning(code, status, spans, replaced_by))
    return warnings


def _replaced_warning(
    code: str, status: str, spans: list[Span], replaced_by: list[CodeRef]
) -> str:
    names = names_of(replaced_by)
    ends = [s.valid_to for s in spans if s.billable and s.valid_to]
    if status == "header" and ends:
        return f"{code} was billable until {max(ends)}; it is replaced by {names}."
    return f"{code} is replaced by {names}."


def needs_seventh(children: list[CodeRef]) -> bool:
    """Whether every code under a header is seven characters long."""
    return bool(children) and all(
        len(child.code.replace(".", "")) == 7 for child in children
    )


def _header_warning(
    code: str, children: list[CodeRef], usable: list[CodeRef], has_sevenths: bool
) -> str:
    names = names_of(usable)
    if has_sevenths and needs_seventh(children) and usable:
        return f"{code} is not billable: it needs a seventh character ({names})."
    if usable:
        return f"{code} is a header, not billable: use a code under it ({names})."
    return f"{code} is a header, not billable."


def names_of(refs: list[CodeRef]) -> str:
    """The codes, comma separated, the first few only."""
    names = ", ".join(ref.code for ref in refs[:NAMED_IN_WARNING])
    return names + ", …" if len(refs) > NAMED_IN_WARNING else names


def newest_release_warning(
    conn: sqlite3.Connection, system: str, day: dt.date
) -> list[str]:
    """A warning when the date is after every release loaded for the system."""
    row = conn.execute(
        "SELECT name, vintage, effective_to FROM release WHERE system = ?"
        " AND effective_to IS NOT NULL ORDER BY effective_to DESC LIMIT 1",
        (system,),
    ).fetchone()
    if row is None or day.isoformat() <= row[2]:
        return []
    label = SYSTEM_LABELS.get(system, system)
    return [
        f"The date of service {day} is after the newest {label} release loaded"
        f" ({row[1]}, in effect to {row[2]}); this answer comes from that release."
    ]


def floor_warning(code: str, day: dt.date, period: Period) -> list[str]:
    """A warning when the date is before the records that vouch for the code."""
    if not period.from_floor or period.valid_from is None:
        return []
    if day >= period.valid_from:
        return []
    return [
        f"Our records of {code} start on {period.valid_from}; whether it was"
        f" valid on {day} is not known from the data."
    ]


def is_before_adoption(system: str, day: dt.date) -> bool:
    """Whether the date is before the system took effect for US claims."""
    adopted = ADOPTED.get(system)
    return adopted is not None and day < adopted


def adoption_warning(system: str, code: str, day: dt.date) -> list[str]:
    """Why no code of the system is valid before it took effect."""
    label = SYSTEM_LABELS.get(system, system)
    return [
        f"{code} is not valid on {day}: {label} took effect for US claims on"
        f" {ADOPTED[system]}; earlier claims use ICD-9-CM."
    ]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
