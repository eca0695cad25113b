"""Tools over the Medicare edits and fees: pairs, claims, MUE, add-ons, RVUs."""

from __future__ import annotations

import logging
import sqlite3

from ..cpt import MpfsRvu, rvu_for
from ..cpt._rvu import RVU_SOURCE
from ._context import ToolContext
from ._records import Source, ToolResult

logger = logging.getLogger(__name__)

_RVU_SOURCE = "CMS Physician Fee Schedule relative value file"


def fee_facts(
    ctx: ToolContext, code: str, state: str | None = None, locality: str | None = None
) -> ToolResult:
    """RVUs, global days and fee schedule amounts, national and by locality."""
    result = ToolResult("fee_facts")
    code = code.strip().upper()
    row = _rvu(ctx.desk.conn, code)
    if row is None:
        result.missing.append(
            f"{code} has no row in the physician fee schedule"
            " relative value file loaded."
        )
        return result
    source = Source(f"{_RVU_SOURCE}, {RVU_SOURCE}", f"row {code}")
    describe_rvus(result, row, source)
    describe_national(result, row, source)
    result.data["rvu"] = row.__dict__
    if state or locality:
        describe_locality(ctx, result, row, state, locality)
    return result


def _rvu(conn: sqlite3.Connection, code: str) -> MpfsRvu | None:
    try:
        return rvu_for(conn, code)
    except sqlite3.Error:
        return None


def describe_rvus(result: ToolResult, row: MpfsRvu, source: Source) -> None:
    """Status, the three RVUs and the global period."""
    result.add(
        f"{row.hcpcs}: fee schedule status {row.status_code}; work RVU"
        f" {row.work_rvu:.2f}, practice expense RVU {row.non_fac_pe_rvu:.2f}"
        f" non-facility and {row.facility_pe_rvu:.2f} facility, malpractice RVU"
        f" {row.mp_rvu:.2f}; global period {row.glob_days}.",
        source,
    )


def describe_national(result: ToolResult, row: MpfsRvu, source: Source) -> None:
    """The national amounts: total RVUs times the conversion factor."""
    if row.status_code != "A":
        result.add(
            f"{row.hcpcs} has status {row.status_code}, so the fee schedule sets no"
            " national amount from its RVUs.",
            source,
        )
        return
    non_facility = row.non_facility_total * row.conv_factor
    facility = row.facility_total * row.conv_factor
    result.add(
        f"National amount (GPCI 1.0): non-facility ${non_facility:,.2f}"
        f" ({row.non_facility_total:.2f} RVUs), facility ${facility:,.2f}"
        f" ({row.facility_total:.2f} RVUs), at the conversion factor"
        f" ${row.conv_factor:.4f} per RVU.",
        source,
    )


def describe_locality(
    ctx: ToolContext,
    result: ToolResult,
    row: MpfsRvu,
    state: str | None,
    locality: str | None,
) -> None:
    """Amounts for the localities of a state, when the GPCI table is loaded."""
    result.missing.append(
        "The GPCI (locality) table is not in this build yet (#3), so only the"
        " national amount is given."
    )


def check_pair(ctx: ToolContext, code1: str, code2: str) -> ToolResult:
    """Whether an NCCI PTP edit pairs two codes on the date, either way round."""
    result = ToolResult("check_pair")
    result.missing.append(_NO_EDITS.format(what="NCCI PTP edits"))
    return result


def check_claim(
    ctx: ToolContext, lines: list[dict[str, object]], diagnoses: list[str]
) -> ToolResult:
    """Every finding the claim checker reports for a claim."""
    result = ToolResult("check_claim")
    result.missing.append(_NO_EDITS.format(what="the claim checker"))
    return result


def mue_addon_facts(ctx: ToolContext, code: str) -> ToolResult:
    """The MUE value and adjudication indicator, and add-on relations, of a code."""
    result = ToolResult("mue_addon_facts")
    result.missing.append(_NO_EDITS.format(what="MUE and add-on tables"))
    return result


_NO_EDITS = "This build does not have {what} yet (#3)."
