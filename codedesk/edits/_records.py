"""Typed records of the claim checker: claims, findings, reports, edit facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: Rule names a finding can carry.
RULES: tuple[str, ...] = (
    "ncci_ptp",
    "addon",
    "mue",
    "code_validity",
    "excludes1",
    "code_first",
    "manifestation_first",
    "age",
    "sex",
    "header_code",
    "modifier",
    "duplicate",
    "diagnosis_count",
)

#: Severities, worst first.
SEVERITIES: tuple[str, ...] = ("deny", "review", "info")

#: Claim settings: a practitioner (professional) claim or a facility
#: (outpatient hospital) claim; DME supplier claims use the DME MUE table.
SETTINGS: tuple[str, ...] = ("practitioner", "facility", "dme")


@dataclass(frozen=True)
class ClaimLine:
    """One service line: a CPT or HCPCS code, its modifiers and units."""

    code: str
    modifiers: tuple[str, ...] = ()
    units: int = 1
    date: dt.date | None = None


@dataclass(frozen=True)
class Claim:
    """A claim to check: its date of service, setting, lines and diagnoses.

    Diagnoses are ICD-10-CM codes in the order they are listed; the first is
    the first-listed (principal) diagnosis. ``sex`` is ``M`` or ``F``.
    """

    date: dt.date
    setting: str
    lines: tuple[ClaimLine, ...] = ()
    diagnoses: tuple[str, ...] = ()
    age: int | None = None
    sex: str | None = None
    id: str | None = None

    def line_date(self, line: ClaimLine) -> dt.date:
        """The date of service of a line (the claim's unless the line has one)."""
        return line.date or self.date


@dataclass(frozen=True)
class SourceRef:
    """The release row behind a finding or fact."""

    table: str
    release: str
    vintage: str
    file: str
    effective_from: str | None = None
    effective_to: str | None = None
    modifier_indicator: int | None = None
    row: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One problem (or note) the checker found on a claim.

    ``lines`` are 1-based line numbers (for a PTP pair: the column 1 line,
    then the column 2 line), ``diagnoses`` 1-based positions in the
    diagnosis list.
    """

    rule: str
    severity: str
    message: str
    codes: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()
    diagnoses: tuple[int, ...] = ()
    source: SourceRef | None = None
    fix: str | None = None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    """The checker's answer for one claim."""

    claim: Claim
    findings: tuple[Finding, ...]

    @property
    def denied_lines(self) -> tuple[int, ...]:
        """Lines a finding of severity deny denies (for PTP, the column 2 line)."""
        lines: set[int] = set()
        for f in self.findings:
            if f.severity == "deny":
                lines.update(f.lines[-1:] if f.rule == "ncci_ptp" else f.lines)
        return tuple(sorted(lines))

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready values (dates as ISO text)."""
        # Written out field by field: a batch serialises thousands of these.
        return {
            "claim": _claim_dict(self.claim),
            "summary": {
                severity: sum(1 for f in self.findings if f.severity == severity)
                for severity in SEVERITIES
            },
            "denied_lines": list(self.denied_lines),
            "findings": [_finding_dict(f) for f in self.findings],
        }


@dataclass(frozen=True)
class PtpEdit:
    """One PTP row as it applies to a pair of codes."""

    column1: str
    column2: str
    modifier_indicator: int
    setting: str
    effective_from: str
    effective_to: str | None
    source: SourceRef
    prior_1996: bool | None = None
    rationale: str | None = None

    def in_effect(self, day: dt.date) -> bool:
        """Whether the edit applies on the date of service."""
        text = day.isoformat()
        started = self.effective_from <= text
        return started and (self.effective_to is None or text <= self.effective_to)


@dataclass(frozen=True)
class AddonEdit:
    """An add-on code and one acceptable primary (None for type 2)."""

    addon_code: str
    aoc_type: int
    primary_code: str | None
    effective_from: str
    effective_to: str | None
    source: SourceRef


@dataclass(frozen=True)
class MueEdit:
    """A Medically Unlikely Edit value for one code and setting."""

    code: str
    setting: str
    mue_value: int
    mai: int
    mai_text: str
    rationale: str
    source: SourceRef


@dataclass(frozen=True)
class Fee:
    """A fee schedule amount worked out from RVUs, GPCIs and the CF.

    ``arithmetic`` spells out the sum so a coder can check it by hand.
    """

    code: str
    modifier: str
    setting: str
    locality: str | None
    amount: float
    conversion_factor: float
    arithmetic: str
    opps_cap: float | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class PairAnswer:
    """What the edit tables say about two codes billed together."""

    code1: str
    code2: str
    date: dt.date
    setting: str
    ptp: tuple[PtpEdit, ...]
    other_dates: tuple[PtpEdit, ...]
    addon: tuple[AddonEdit, ...]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The answer as JSON-ready values."""
        plain: dict[str, Any] = _plain(self)
        return plain


@dataclass(frozen=True)
class EditFacts:
    """The edit and fee facts of one code on one date, for its code page."""

    system: str
    code: str
    date: dt.date
    setting: str
    as_column1: tuple[PtpEdit, ...] = ()
    as_column1_count: int = 0
    as_column2: tuple[PtpEdit, ...] = ()
    as_column2_count: int = 0
    addon_primaries: tuple[AddonEdit, ...] = ()
    addons_of: tuple[AddonEdit, ...] = ()
    addons_of_count: int = 0
    mue: tuple[MueEdit, ...] = ()
    fees: tuple[Fee, ...] = ()
    diagnosis: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def ptp_source(self) -> SourceRef | None:
        """The release the PTP partners come from, if there are any."""
        for edit in (*self.as_column1, *self.as_column2):
            return edit.source
        return None

    def to_dict(self) -> dict[str, Any]:
        """The facts as JSON-ready values."""
        plain: dict[str, Any] = _plain(self)
        return plain


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "date": claim.date.isoformat(),
        "setting": claim.setting,
        "lines": [
            {
                "code": line.code,
                "modifiers": list(line.modifiers),
                "units": line.units,
                "date": line.date.isoformat() if line.date else None,
            }
            for line in claim.lines
        ],
        "diagnoses": list(claim.diagnoses),
        "age": claim.age,
        "sex": claim.sex,
        "id": claim.id,
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    source = finding.source
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "codes": list(finding.codes),
        "lines": list(finding.lines),
        "diagnoses": list(finding.diagnoses),
        "source": None if source is None else _source_dict(source),
        "fix": finding.fix,
        "suggestions": list(finding.suggestions),
    }


def _source_dict(source: SourceRef) -> dict[str, Any]:
    return {
        "table": source.table,
        "release": source.release,
        "vintage": source.vintage,
        "file": source.file,
        "effective_from": source.effective_from,
        "effective_to": source.effective_to,
        "modifier_indicator": source.modifier_indicator,
        "row": dict(source.row),
    }
