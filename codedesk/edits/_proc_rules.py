"""Rules on service lines: NCCI PTP, add-on codes, MUE, modifiers, validity.

The PTP rule follows the NCCI Policy Manual, chapter I: for a pair in
effect on the date of service the column 2 code is denied, unless the
modifier indicator is 1 and the column 2 line carries an NCCI-associated
modifier. A modifier on the column 1 line never bypasses; indicator 0 allows
no bypass; indicator 9 means the pair is not an edit.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ._data import MUE_SETTING, PTP_SETTING, EditData
from ._records import AddonEdit, Claim, ClaimLine, Finding, MueEdit, PtpEdit
from ._validity import validity_finding

#: Anatomic modifiers (NCCI Policy Manual, chapter I, section E).
ANATOMIC_MODIFIERS = frozenset(
    ["E1", "E2", "E3", "E4", "FA", "LC", "LD", "LM", "RC", "RI", "LT", "RT", "TA"]
    + [f"F{n}" for n in range(1, 10)]
    + [f"T{n}" for n in range(1, 10)]
)

#: Modifiers that may bypass a PTP edit with indicator 1 when on the column 2
#: line: the anatomic modifiers and these (NCCI Policy Manual, chapter I).
NCCI_MODIFIERS = ANATOMIC_MODIFIERS | frozenset(
    ["24", "25", "27", "57", "58", "59", "78", "79", "91", "XE", "XP", "XS", "XU"]
)

Numbered = list[tuple[int, ClaimLine]]


def by_date(claim: Claim) -> dict[dt.date, Numbered]:
    """The claim's lines (numbered from 1) grouped by date of service."""
    groups: dict[dt.date, Numbered] = defaultdict(list)
    for number, line in enumerate(claim.lines, 1):
        groups[claim.line_date(line)].append((number, line))
    return groups


def check_ptp(data: EditData, claim: Claim) -> list[Finding]:
    """PTP findings for every pair of lines on the same date of service."""
    setting, notes = _ptp_table_for(data, claim)
    findings = list(notes)
    if setting is None:
        return findings
    for day, lines in by_date(claim).items():
        by_code: dict[str, Numbered] = defaultdict(list)
        for number, line in lines:
            by_code[line.code].append((number, line))
        if len(by_code) < 2:
            continue
        for edit in data.ptp_between(sorted(by_code), setting, day):
            findings += _apply_ptp(edit, by_code)
    return findings


def _ptp_table_for(data: EditData, claim: Claim) -> tuple[str | None, list[Finding]]:
    wanted = PTP_SETTING[claim.setting]
    if data.loaded("ptp", wanted):
        return wanted, _coverage_notes(data, claim, wanted)
    if claim.setting == "practitioner" and data.loaded("ptp", "hospital"):
        note = Finding(
            rule="ncci_ptp",
            severity="info",
            message=(
                "No practitioner PTP table is loaded, so this practitioner claim"
                " was checked against the outpatient hospital PTP table; the"
                " two tables differ for some pairs."
            ),
            fix="Import the CMS practitioner PTP files with:"
            " codedesk data import-edits ptp-practitioner FILE",
        )
        return "hospital", [note, *_coverage_notes(data, claim, "hospital")]
    return None, [
        Finding(
            rule="ncci_ptp",
            severity="info",
            message=f"PTP edits were not checked: no {wanted} PTP table is loaded.",
            fix=f"Import one with: codedesk data import-edits ptp-{wanted} FILE",
        )
    ]


def _coverage_notes(data: EditData, claim: Claim, setting: str) -> list[Finding]:
    starts = [s.effective_from for s in data.loaded("ptp", setting) if s.effective_from]
    first = min(starts) if len(starts) == len(data.loaded("ptp", setting)) else None
    if first is None or claim.date.isoformat() >= first:
        return []
    return [
        Finding(
            rule="ncci_ptp",
            severity="info",
            message=(
                f"The loaded {setting} PTP table starts on {first}; pairs for"
                f" {claim.date.isoformat()} may be missing from it."
            ),
        )
    ]


def _apply_ptp(edit: PtpEdit, by_code: dict[str, Numbered]) -> list[Finding]:
    if edit.modifier_indicator == 9:
        return []
    firsts = by_code.get(edit.column1, [])
    findings: list[Finding] = []
    for number, line in by_code.get(edit.column2, []):
        others = [n for n, _ in firsts if n != number]
        if others:
            findings += _ptp_finding(edit, others[0], firsts, number, line)
    return findings


def _ptp_finding(
    edit: PtpEdit, first: int, firsts: Numbered, number: int, line: ClaimLine
) -> list[Finding]:
    bypass = sorted(set(line.modifiers) & NCCI_MODIFIERS)
    pair = (
        f"{edit.column2} (line {number}) is bundled into {edit.column1} (line {first})"
    )
    if edit.modifier_indicator == 1 and bypass:
        message = (
            f"{pair}, but modifier {bypass[0]} on line {number} bypasses the edit"
            " (modifier indicator 1); the record must show a distinct service."
        )
        return [_pair_finding(edit, "info", message, (first, number))]
    findings = [_denial(edit, pair, (first, number), bypass)]
    # Anatomic modifiers on column 1 are routine (RT on a knee); only a
    # bypass modifier such as 59 or XS there suggests a misplaced modifier.
    bypassing = NCCI_MODIFIERS - ANATOMIC_MODIFIERS
    column1_mods = {m for _, f in firsts for m in f.modifiers} & bypassing
    if edit.modifier_indicator == 1 and column1_mods:
        findings.append(_misplaced(edit, (first, number), sorted(column1_mods)))
    return findings


def _pair_finding(
    edit: PtpEdit,
    severity: str,
    message: str,
    lines: tuple[int, int],
    fix: str | None = None,
    rule: str = "ncci_ptp",
) -> Finding:
    return Finding(
        rule,
        severity,
        message,
        codes=(edit.column1, edit.column2),
        lines=lines,
        source=edit.source,
        fix=fix,
    )


def _denial(
    edit: PtpEdit, pair: str, lines: tuple[int, int], bypass: list[str]
) -> Finding:
    number = lines[1]
    if edit.modifier_indicator == 0:
        said = f" Modifier {bypass[0]} cannot bypass it." if bypass else ""
        message = f"{pair}; modifier indicator 0 allows no modifier to bypass it.{said}"
        fix = (
            f"Remove line {number} ({edit.column2}): it is not separately payable"
            f" with {edit.column1}."
        )
    else:
        message = f"{pair} and line {number} has no NCCI-associated modifier."
        fix = (
            f"If {edit.column2} was a distinct service (another site, session or"
            f" encounter), add a modifier such as XS, XU or 59 to line {number};"
            f" otherwise remove line {number}."
        )
    return _pair_finding(edit, "deny", message, lines, fix)


def _misplaced(edit: PtpEdit, lines: tuple[int, int], mods: list[str]) -> Finding:
    first, number = lines
    message = (
        f"Modifier {mods[0]} is on line {first} ({edit.column1}, column 1); a"
        " modifier on the column 1 code does not bypass a PTP edit."
    )
    fix = (
        f"Put the modifier on line {number} ({edit.column2}) if the services"
        " were distinct."
    )
    return _pair_finding(edit, "review", message, lines, fix, rule="modifier")


def check_addons(data: EditData, claim: Claim) -> list[Finding]:
    """Add-on codes billed without an acceptable primary code."""
    if not data.loaded("addon"):
        return [
            Finding(
                "addon", "info", "Add-on code edits were not checked: none are loaded."
            )
        ]
    findings: list[Finding] = []
    for day, lines in by_date(claim).items():
        codes = {line.code for _, line in lines}
        addons = data.addons_among(sorted(codes), day)
        for number, line in lines:
            findings += _addon_finding(line.code, number, codes, addons)
    return findings


def _addon_finding(
    code: str, number: int, codes: set[str], addons: dict[str, list[AddonEdit]]
) -> list[Finding]:
    edits = addons.get(code, [])
    if not edits:
        return []
    primaries = {e.primary_code for e in edits if e.primary_code}
    if primaries & codes:
        return []
    aoc_type = edits[0].aoc_type
    others = {c for c in codes if c != code and c not in addons}
    if aoc_type != 1 and others:
        if aoc_type == 2:
            return []
        message = (
            f"{code} (line {number}) is a type 3 add-on code and none of its listed"
            " primary codes is on the claim; the contractor may accept another primary."
        )
        return [
            Finding(
                "addon", "review", message, (code,), (number,), source=edits[0].source
            )
        ]
    listed = ", ".join(sorted(primaries)[:8]) + (" …" if len(primaries) > 8 else "")
    message = f"{code} (line {number}) is a type {aoc_type} add-on code billed without"
    message += (
        " an acceptable primary code." if primaries else " any primary procedure."
    )
    fix = f"Bill it with its primary procedure ({listed})." if primaries else None
    return [
        Finding(
            "addon",
            "deny",
            message,
            (code,),
            (number,),
            source=edits[0].source,
            fix=fix or "Bill it with the primary procedure it adds to, or remove it.",
        )
    ]


def check_mue(data: EditData, claim: Claim) -> list[Finding]:
    """Units over the MUE value: per line (MAI 1) or per date of service (MAI 2, 3)."""
    setting = MUE_SETTING[claim.setting]
    if not data.loaded("mue", setting):
        return [
            Finding(
                "mue",
                "info",
                f"MUE was not checked: no {setting} MUE table is loaded.",
                fix="Import the CMS table with:"
                f" codedesk data import-edits mue-{setting} FILE",
            )
        ]
    findings: list[Finding] = []
    for day, lines in by_date(claim).items():
        for code in sorted({line.code for _, line in lines}):
            edit = data.mue(code, setting, day)
            if edit is not None:
                findings += _mue_findings(
                    edit, [(n, x) for n, x in lines if x.code == code]
                )
    return findings


def _mue_findings(edit: MueEdit, lines: Numbered) -> list[Finding]:
    if edit.mai == 1:
        return [
            _mue_finding(edit, [number], line.units)
            for number, line in lines
            if line.units > edit.mue_value
        ]
    total = sum(line.units for _, line in lines)
    if total <= edit.mue_value:
        return []
    return [_mue_finding(edit, [n for n, _ in lines], total)]


def _mue_finding(edit: MueEdit, numbers: list[int], units: int) -> Finding:
    where = "on the line" if edit.mai == 1 else "on the date of service"
    message = (
        f"{edit.code}: {units} units {where} exceed the MUE of {edit.mue_value}"
        f" (MAI {edit.mai_text})."
    )
    fixes = {
        1: f"Report at most {edit.mue_value} units per line; more units on"
        " separate lines need a modifier the MUE policy accepts (such as 59,"
        " 76, 91 or an anatomic modifier).",
        2: f"Reduce to {edit.mue_value} units: MAI 2 is an absolute policy limit"
        " and units above it are not payable.",
        3: f"Reduce to {edit.mue_value} units, or appeal with records showing"
        " the extra units were medically necessary.",
    }
    return Finding(
        "mue",
        "deny",
        message,
        (edit.code,),
        tuple(numbers),
        source=edit.source,
        fix=fixes[edit.mai],
    )


def check_line_codes(data: EditData, claim: Claim) -> list[Finding]:
    """Service-line codes not valid on their date of service."""
    findings: list[Finding] = []
    for system in ("cpt", "hcpcs"):
        codes = sorted(
            {x.code for x in claim.lines if procedure_system(x.code) == system}
        )
        for day in {claim.line_date(x) for x in claim.lines} if codes else ():
            data.prefetch_status(system, codes, day)
    for number, line in enumerate(claim.lines, 1):
        system = procedure_system(line.code)
        day = claim.line_date(line)
        status = data.status(system, line.code, day)
        found = validity_finding(data, system, line.code, status, day, lines=(number,))
        findings += [found] if found else []
    return findings


def procedure_system(code: str) -> str:
    """hcpcs for a letter followed by digits, else cpt."""
    return "hcpcs" if code[0].isalpha() else "cpt"
