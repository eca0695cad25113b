"""Tools over the Medicare edits and fees: pairs, claims, MUE, add-ons, fees.

They read the claim checker's tables (#3) through ``codedesk.edits``: the
NCCI PTP and add-on edits, MUE tables when imported, the MPFS RVU, GPCI and
locality files.
"""

from __future__ import annotations

import logging
from typing import Any

from ..cpt import MpfsRvu, rvu_for
from ..cpt._rvu import RVU_FILE, RVU_SOURCE
from ..edits import (
    AddonEdit,
    Claim,
    ClaimLine,
    Fee,
    PtpEdit,
    code_edit_facts,
    compute_fee,
    pair_edits,
)
from ..edits import check_claim as run_checker
from ._context import ToolContext
from ._places import STATES
from ._records import Source, ToolResult
from ._tools_codes import find_record

logger = logging.getLogger(__name__)

_INDICATOR = {
    0: "no modifier bypasses it",
    1: "an NCCI-associated modifier on the column 2 code may bypass it",
    9: "not an edit: it was deleted back to its effective date",
}
_STATE_NAMES = {abbr: name for name, abbr in reversed(list(STATES.items()))}


def _setting(ctx: ToolContext) -> str:
    return ctx.setting or "practitioner"


def ptp_source(edit: PtpEdit) -> Source:
    """The PTP row an answer rests on."""
    end = edit.effective_to or "no deletion date"
    return Source(
        f"NCCI PTP edits, {edit.setting} table ({edit.source.release})",
        f"row column 1 {edit.column1}, column 2 {edit.column2}, modifier"
        f" indicator {edit.modifier_indicator}, {edit.effective_from} to {end}",
    )


def describe_ptp(edit: PtpEdit, day: str) -> str:
    """One PTP edit in words, with what it does to the column 2 code."""
    meaning = _INDICATOR.get(edit.modifier_indicator, "see the NCCI manual")
    return (
        f"On {day} the NCCI PTP edit column 1 {edit.column1}, column 2"
        f" {edit.column2} is in effect with modifier indicator"
        f" {edit.modifier_indicator}: {meaning}. {edit.column2} is not paid"
        f" with {edit.column1}"
        + (
            " unless the column 2 line carries a modifier such as 59, XE, XS,"
            " XP, XU or an anatomic modifier that the record supports."
            if edit.modifier_indicator == 1
            else "."
        )
    )


def check_pair(ctx: ToolContext, code1: str, code2: str) -> ToolResult:
    """Whether an NCCI PTP edit pairs two codes on the date, either way round."""
    result = ToolResult("check_pair")
    answer = pair_edits(ctx.desk.conn, code1, code2, ctx.date, _setting(ctx))
    day = ctx.date.isoformat()
    for edit in answer.ptp:
        result.add(describe_ptp(edit, day), ptp_source(edit))
    if not answer.ptp:
        result.add(
            f"No NCCI PTP edit in the table loaded pairs {answer.code1} and"
            f" {answer.code2} on {day}.",
            Source("NCCI PTP edits", f"no row for {answer.code1} and {answer.code2}"),
        )
    for edit in answer.other_dates:
        end = edit.effective_to or "no deletion date"
        result.add(
            f"An edit column 1 {edit.column1}, column 2 {edit.column2} (modifier"
            f" indicator {edit.modifier_indicator}) was in effect from"
            f" {edit.effective_from} to {end}, not on {day}.",
            ptp_source(edit),
        )
    for addon in answer.addon:
        result.add(describe_addon_primary(addon), addon_source(addon))
    for note in answer.notes:
        result.add(note, Source("CodeDesk claim checker", "tables loaded"))
    result.data["pair"] = answer.to_dict()
    return result


def check_claim(
    ctx: ToolContext, lines: list[dict[str, Any]], diagnoses: list[str]
) -> ToolResult:
    """Every finding the claim checker reports for a claim."""
    result = ToolResult("check_claim")
    claim = Claim(
        date=ctx.date,
        setting=_setting(ctx),
        lines=tuple(_line(line) for line in lines),
        diagnoses=tuple(str(d) for d in diagnoses),
    )
    report = run_checker(ctx.desk.conn, claim)
    for finding in report.findings:
        text = f"{finding.severity.upper()} ({finding.rule}): {finding.message}"
        if finding.fix:
            text += f" Fix: {finding.fix}"
        release = finding.source.release if finding.source else "CodeDesk checks"
        result.add(text, Source(f"Claim checker: {release}", finding.rule))
    if not report.findings:
        result.add(
            f"The claim checker found nothing to deny or review on {ctx.date}.",
            Source("CodeDesk claim checker", "all rules"),
        )
    result.data["report"] = report.to_dict()
    return result


def _line(line: dict[str, Any]) -> ClaimLine:
    modifiers = tuple(str(m).upper() for m in line.get("modifiers") or ())
    return ClaimLine(str(line["code"]), modifiers, int(line.get("units") or 1))


def addon_source(addon: AddonEdit) -> Source:
    """The add-on row an answer rests on."""
    primary = addon.primary_code or "(contractor defined)"
    return Source(
        f"NCCI add-on code edits ({addon.source.release})",
        f"row {addon.addon_code}, type {addon.aoc_type}, primary {primary},"
        f" from {addon.effective_from}",
    )


def describe_addon_primary(addon: AddonEdit) -> str:
    """An add-on code and one of its acceptable primary codes."""
    return (
        f"{addon.addon_code} is a type {addon.aoc_type} add-on code; an"
        f" acceptable primary code is {addon.primary_code}."
    )


def mue_addon_facts(ctx: ToolContext, code: str, want: str = "both") -> ToolResult:
    """The MUE value and adjudication indicator, and add-on relations, of a code.

    ``want`` is ``mue``, ``addon`` or ``both``: what the question is about, so
    a missing MUE table does not spoil an add-on answer.
    """
    result = ToolResult("mue_addon_facts")
    record = find_record(ctx, code)
    facts = code_edit_facts(
        ctx.desk.conn, record.system, record.code, ctx.date, _setting(ctx)
    )
    for mue in facts.mue:
        result.add(
            f"MUE for {mue.code} ({mue.setting}): {mue.mue_value} units, MAI"
            f" {mue.mai} ({mue.mai_text}).",
            Source(f"CMS MUE table ({mue.source.release})", f"row {mue.code}"),
        )
    if not facts.mue and want != "addon":
        result.missing.append(
            f"No {_setting(ctx)} MUE table is loaded, so the MUE for {record.code}"
            " is not known here: import the CMS MUE file with"
            " codedesk data import-edits."
        )
    if want != "mue":
        describe_addons(result, record.code, facts.addon_primaries, facts.addons_of)
    result.data["facts"] = facts.to_dict()
    return result


def describe_addons(
    result: ToolResult,
    code: str,
    primaries: tuple[AddonEdit, ...],
    addons_of: tuple[AddonEdit, ...],
) -> None:
    """Whether the code is an add-on (and its primaries) or a primary of some."""
    if primaries:
        first = primaries[0]
        listed = ", ".join(a.primary_code for a in primaries[:15] if a.primary_code)
        text = f"{code} is a type {first.aoc_type} add-on code"
        text += (
            f"; acceptable primary codes include {listed}."
            if listed
            else "; the contractor defines its primary codes."
        )
        result.add(text, addon_source(first))
    else:
        result.add(
            f"{code} is not an add-on code in the add-on edits on this date.",
            Source("NCCI add-on code edits", f"no row for {code} as add-on"),
        )
    if addons_of:
        listed = ", ".join(sorted({a.addon_code for a in addons_of})[:15])
        result.add(
            f"Add-on codes that list {code} as a primary: {listed}.",
            addon_source(addons_of[0]),
        )


def fee_facts(
    ctx: ToolContext, code: str, state: str | None = None, locality: str | None = None
) -> ToolResult:
    """RVU-based fee schedule amounts, national and for a state's localities."""
    result = ToolResult("fee_facts")
    conn = ctx.desk.conn
    code = code.strip().upper()
    row = rvu_for(conn, code)
    if row is not None:
        result.add(describe_rvus(row), _fee_source(row))
        caveat = fee_year_caveat(ctx)
        if caveat:
            result.add(caveat, _fee_source(row))
    national = [compute_fee(conn, code, facility=f) for f in (False, True)]
    if not any(national):
        result.missing.append(
            f"{code} has no payable row (status A, R or T) in the physician fee"
            " schedule relative value file loaded, so no amount can be worked out."
        )
        return result
    result.add(_amounts(code, "National (all GPCIs 1.0)", national), _fee_source(row))
    for mac, number, name in localities(ctx, state, locality):
        place = f"{mac}-{number}"
        fees = [
            compute_fee(conn, code, facility=f, locality=place) for f in (False, True)
        ]
        result.add(
            _amounts(code, f"{name.strip()} (locality {place})", fees),
            _gpci_source(place, fees),
        )
    if state and not localities(ctx, state, locality):
        result.missing.append(
            f"No fee schedule locality for {state} is in the GPCI table loaded."
        )
    result.data["fees"] = [f.__dict__ for f in national if f]
    return result


def _amounts(code: str, where: str, fees: list[Fee | None]) -> str:
    parts = []
    for label, fee in zip(("non-facility", "facility"), fees, strict=True):
        if fee is None:
            parts.append(f"{label}: not priced (NA)")
        else:
            parts.append(f"{label} ${fee.amount:,.2f} = {fee.arithmetic}")
    return f"{code}, {where}: " + "; ".join(parts) + "."


def fee_year_caveat(ctx: ToolContext) -> str | None:
    """A warning when the date of service is past the fee schedule loaded."""
    row = ctx.desk.conn.execute(
        "SELECT vintage, effective_to FROM release WHERE source = ?", (RVU_FILE,)
    ).fetchone()
    if row is None or row[1] is None or ctx.date.isoformat() <= str(row[1]):
        return None
    return (
        f"The newest fee schedule loaded ({row[0]}) was in effect to {row[1]};"
        f" amounts for {ctx.date} may differ once that year's files are loaded."
    )


def describe_rvus(row: MpfsRvu) -> str:
    """Status, the three RVUs and the global period of a fee schedule row."""
    return (
        f"{row.hcpcs}: fee schedule status {row.status_code}; work RVU"
        f" {row.work_rvu:.2f}, practice expense RVU {row.non_fac_pe_rvu:.2f}"
        f" non-facility and {row.facility_pe_rvu:.2f} facility, malpractice RVU"
        f" {row.mp_rvu:.2f}; global period {row.glob_days}."
    )


def _fee_source(row: MpfsRvu | None) -> Source:
    code = row.hcpcs if row else ""
    return Source(
        f"CMS Physician Fee Schedule relative value file, {RVU_SOURCE}", f"row {code}"
    )


def _gpci_source(place: str, fees: list[Fee | None]) -> Source:
    return Source("CMS PFS Addendum E GPCIs (GPCI2025) and RVU25D", f"locality {place}")


def localities(
    ctx: ToolContext, state: str | None, locality: str | None
) -> list[tuple[str, str, str]]:
    """(MAC, locality, name) of the localities for a state or a named place."""
    conn = ctx.desk.conn
    if locality:
        rows = conn.execute(
            "SELECT DISTINCT mac, locality, locality_name FROM gpci"
            " WHERE locality_name LIKE ? ORDER BY mac, locality",
            (f"%{locality}%",),
        ).fetchall()
        return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]
    if not state:
        return []
    own = conn.execute(
        "SELECT DISTINCT mac, locality, locality_name FROM gpci WHERE state = ?"
        " ORDER BY mac, locality",
        (state,),
    ).fetchall()
    name = _STATE_NAMES.get(state, "").upper()
    shared = (
        conn.execute(
            "SELECT DISTINCT g.mac, g.locality, g.locality_name FROM locality_county c"
            " JOIN gpci g ON g.mac = c.mac AND g.locality = c.locality"
            " WHERE c.counties LIKE ? AND g.state <> ? ORDER BY g.mac, g.locality",
            (f"% IN {name}%", state),
        ).fetchall()
        if name
        else []
    )
    return [(str(r[0]), str(r[1]), str(r[2])) for r in [*own, *shared]]
