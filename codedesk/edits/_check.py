"""The claim checker: every rule over one claim, and the pair question."""

from __future__ import annotations

import datetime as dt
import sqlite3

from .._errors import InputError
from ._claim_rules import check_claim_entries
from ._claims import _SETTING_ALIASES
from ._data import PTP_SETTING, EditData
from ._dx_rules import check_diagnoses
from ._modifier_rules import check_modifiers
from ._pair_codes import require_procedure_code
from ._proc_rules import check_addons, check_line_codes, check_mue, check_ptp
from ._records import SETTINGS, SEVERITIES, CheckReport, Claim, Finding, PairAnswer


class Checker:
    """Checks claims on one connection, reusing what it has read.

    One checker serves a whole batch; build a new one after the database
    changes.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.data = EditData(conn)

    def check(self, claim: Claim) -> CheckReport:
        """Every finding for a claim, worst first, then in claim order."""
        findings: list[Finding] = []
        if claim.lines:
            findings += check_line_codes(self.data, claim)
            findings += check_ptp(self.data, claim)
            findings += check_addons(self.data, claim)
            findings += check_mue(self.data, claim)
            findings += check_modifiers(self.data, claim)
        findings += check_diagnoses(self.data, claim)
        findings += check_claim_entries(claim)
        findings.sort(key=_order)
        return CheckReport(claim=claim, findings=tuple(findings))


def _order(finding: Finding) -> tuple[int, tuple[int, ...], tuple[int, ...]]:
    return SEVERITIES.index(finding.severity), finding.lines, finding.diagnoses


def check_claim(conn: sqlite3.Connection, claim: Claim) -> CheckReport:
    """Check one claim against the edit tables for its date and setting."""
    return Checker(conn).check(claim)


def parse_setting(text: str) -> str:
    """A claim setting from what a user typed (practitioner, facility, dme)."""
    value = text.strip().lower()
    value = _SETTING_ALIASES.get(value, value)
    if value not in SETTINGS:
        raise InputError(
            f"'{text}' is not a claim setting.",
            hint="Use one of: " + ", ".join(SETTINGS) + ".",
        )
    return value


def pair_edits(
    conn: sqlite3.Connection, code1: str, code2: str, date: dt.date, setting: str
) -> PairAnswer:
    """What the PTP and add-on tables say about two codes, both ways round."""
    data = EditData(conn)
    first = require_procedure_code(data, code1, date)
    second = require_procedure_code(data, code2, date)
    table = PTP_SETTING[setting]
    notes: list[str] = []
    if not data.loaded("ptp", table) and setting == "practitioner":
        table = "hospital"
        notes.append(
            "No practitioner PTP table is loaded; these are the outpatient"
            " hospital edits."
        )
    rows = data.ptp_between([first, second], table, None)
    rows = [r for r in rows if r.column1 != r.column2]
    addons = [
        edit
        for a, b in ((first, second), (second, first))
        for edit in data.addons(a, "addon_code", date)
        if edit.primary_code == b
    ]
    return PairAnswer(
        code1=first,
        code2=second,
        date=date,
        setting=setting,
        ptp=tuple(r for r in rows if r.in_effect(date)),
        other_dates=tuple(r for r in rows if not r.in_effect(date)),
        addon=tuple(addons),
        notes=tuple(notes),
    )
