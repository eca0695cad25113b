"""Edit and fee facts of one code, for its code page and the assistant.

Fees follow the CMS physician fee schedule formula:

    payment = (work RVU × work GPCI + PE RVU × PE GPCI + MP RVU × MP GPCI) × CF

with the facility or non-facility PE RVU for the setting, and every GPCI
1.0 for the national amount. Where an OPPS cap applies to the locality, the
lower of the two amounts is paid.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from .._errors import InputError
from ..cpt import MpfsRvu, rvu_for
from ._data import MUE_SETTING, PTP_SETTING, EditData
from ._pair_codes import require_procedure_code
from ._records import EditFacts, Fee, SourceRef

#: PFS status codes whose amounts Medicare pays from the RVUs.
PAYABLE_STATUS = frozenset("ART")


def compute_fee(
    conn: sqlite3.Connection,
    code: str,
    *,
    facility: bool,
    modifier: str = "",
    locality: str | None = None,
) -> Fee | None:
    """The fee schedule amount of a code, national or for ``MAC-LOCALITY``.

    Returns None when the RVU file has no payable row for the code, or marks
    the setting NA (not priced there).

    Raises:
        InputError: the locality is not in the GPCI table.
    """
    rvu = rvu_for(conn, code, modifier)
    if rvu is None or rvu.status_code not in PAYABLE_STATUS:
        return None
    na = rvu.facility_na_indicator if facility else rvu.non_fac_na_indicator
    if na.strip() == "NA":
        return None
    work, pe, mp, cap = 1.0, 1.0, 1.0, None
    if locality is not None:
        work, pe, mp = _gpci(conn, locality)
        cap = _opps_cap(conn, code, modifier, locality, facility)
    return _fee(rvu, facility, locality, (work, pe, mp), cap)


def _fee(
    rvu: MpfsRvu,
    facility: bool,
    locality: str | None,
    gpcis: tuple[float, float, float],
    cap: float | None,
) -> Fee:
    pe_rvu = rvu.facility_pe_rvu if facility else rvu.non_fac_pe_rvu
    work, pe, mp = gpcis
    total = rvu.work_rvu * work + pe_rvu * pe + rvu.mp_rvu * mp
    amount = round(total * rvu.conv_factor + 1e-9, 2)
    arithmetic = (
        f"({rvu.work_rvu:.2f} × {work:.3f} + {pe_rvu:.2f} × {pe:.3f}"
        f" + {rvu.mp_rvu:.2f} × {mp:.3f}) × {rvu.conv_factor:.4f} = {amount:.2f}"
    )
    if cap is not None and cap < amount:
        arithmetic += f"; OPPS cap {cap:.2f} applies"
        amount = cap
    return Fee(
        code=rvu.hcpcs,
        modifier=rvu.mod,
        setting="facility" if facility else "non-facility",
        locality=locality,
        amount=amount,
        conversion_factor=rvu.conv_factor,
        arithmetic=arithmetic,
        opps_cap=cap,
        source=SourceRef(
            table="mpfs_rvu",
            release="MPFS RVU25D (October 2025)",
            vintage="RVU25D",
            file="PPRRVU2025_Oct.csv",
        ),
    )


def split_locality(text: str) -> tuple[str, str]:
    """``01112-54`` (contractor, locality) into its parts."""
    mac, _, locality = text.strip().partition("-")
    if not (mac.isdigit() and locality.isdigit()):
        raise InputError(
            f"'{text}' is not a fee schedule locality.",
            hint="Give the contractor and locality numbers, e.g. 01112-54.",
        )
    return mac.zfill(5), locality.zfill(2)


def _gpci(conn: sqlite3.Connection, locality: str) -> tuple[float, float, float]:
    mac, number = split_locality(locality)
    row = conn.execute(
        "SELECT work, pe, mp FROM gpci WHERE mac = ? AND locality = ?", (mac, number)
    ).fetchone()
    if row is None:
        raise InputError(
            f"Locality {mac}-{number} is not in the GPCI table.",
            hint="Use a contractor-locality pair from Addendum E, e.g. 01112-54.",
        )
    return float(row[0]), float(row[1]), float(row[2])


def _opps_cap(
    conn: sqlite3.Connection, code: str, modifier: str, locality: str, facility: bool
) -> float | None:
    mac, number = split_locality(locality)
    column = "facility_price" if facility else "nonfacility_price"
    row = conn.execute(
        f"SELECT {column} FROM opps_cap WHERE code = ? AND modifier = ?"
        " AND mac = ? AND locality = ?",
        (code, modifier, mac, number),
    ).fetchone()
    return None if row is None else float(row[0])


def code_edit_facts(
    conn: sqlite3.Connection,
    system: str,
    code: str,
    date: dt.date,
    setting: str,
    *,
    limit: int = 25,
    locality: str | None = None,
) -> EditFacts:
    """PTP partners, add-on relations, MUE and fees of a code on a date.

    Partner lists are capped at ``limit``; the counts say how many there are.
    For an ICD-10-CM code the facts are its MS-DRG severity and I/OCE edits.
    """
    data = EditData(conn)
    if system == "icd10cm":
        return EditFacts(
            system, code, date, setting, diagnosis=_dx_facts(data, code, date)
        )
    if system in ("cpt", "hcpcs"):
        code = require_procedure_code(data, code, date)
    table = PTP_SETTING[setting]
    notes: list[str] = []
    if not data.loaded("ptp", table) and setting == "practitioner":
        table = "hospital"
        notes.append(
            "No practitioner PTP table is loaded; partners are from the hospital table."
        )
    as1, count1 = data.ptp_partners(code, "column1", table, date, limit)
    as2, count2 = data.ptp_partners(code, "column2", table, date, limit)
    addons_of = data.addons(code, "primary_code", date)
    mue = data.mue(code, MUE_SETTING[setting], date)
    if mue is None and not data.loaded("mue", MUE_SETTING[setting]):
        notes.append(f"No {MUE_SETTING[setting]} MUE table is loaded.")
    return EditFacts(
        system,
        code,
        date,
        setting,
        as_column1=tuple(as1),
        as_column1_count=count1,
        as_column2=tuple(as2),
        as_column2_count=count2,
        addon_primaries=tuple(data.addons(code, "addon_code", date)[:limit]),
        addons_of=tuple(addons_of[:limit]),
        addons_of_count=len(addons_of),
        mue=(mue,) if mue else (),
        fees=tuple(_fees(conn, code, locality)),
        notes=(*notes, *_not_priced_notes(conn, code)),
    )


def _fees(conn: sqlite3.Connection, code: str, locality: str | None) -> list[Fee]:
    if not _has_table(conn, "mpfs_rvu"):
        return []
    places = [None] if locality is None else [None, locality]
    fees = [
        compute_fee(conn, code, facility=facility, locality=place)
        for place in places
        for facility in (False, True)
    ]
    return [fee for fee in fees if fee is not None]


def _not_priced_notes(conn: sqlite3.Connection, code: str) -> list[str]:
    """Say so where the RVU file marks a setting NA: its total is not payable."""
    if not _has_table(conn, "mpfs_rvu"):
        return []
    rvu = rvu_for(conn, code, "")
    if rvu is None or rvu.status_code not in PAYABLE_STATUS:
        return []
    settings = (
        ("non-facility", rvu.non_fac_na_indicator, rvu.non_facility_total),
        ("facility", rvu.facility_na_indicator, rvu.facility_total),
    )
    return [
        f"The {name} amount does not apply to {code}: the fee schedule marks"
        f" its {name} practice expense NA, so its {name} total of {total:.2f}"
        f" RVUs is not a payable figure."
        for name, flag, total in settings
        if flag.strip() == "NA"
    ]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _dx_facts(data: EditData, code: str, date: dt.date) -> dict[str, str]:
    facts: dict[str, str] = {}
    rows = data.conn.execute(
        "SELECT s.name, c.level, c.pdx_exclusion_list FROM cc_mcc c"
        " JOIN edit_source s ON s.id = c.source WHERE c.code = ? ORDER BY s.id",
        (code,),
    ).fetchall()
    for name, level, exclusions in rows:
        facts[name] = level + (
            f" (PDX exclusion list {exclusions})" if exclusions else ""
        )
    edit = data.dx_edit(code, date)
    if edit is not None:
        facts["I/OCE age range"] = f"{edit.lo_age}-{edit.hi_age}"
        facts["I/OCE manifestation code"] = "yes" if edit.manifestation else "no"
        facts["I/OCE unacceptable principal diagnosis"] = (
            "yes" if edit.unacceptable_pdx else "no"
        )
    return facts
