"""The Medicare Physician Fee Schedule relative value file (PPRRVU).

Reads ``pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv``: the
CMS RVU25D (October 2025) ``PPRRVU2025_Oct.csv`` with its descriptor column
removed and one snake_case header row. Every column lands in the typed table
``mpfs_rvu`` (one row per code and modifier: blank, ``26``, ``TC``, ``53``),
and the row without a modifier becomes ``MPFS`` facts on the code's page:
on the CPT code, or on the HCPCS Level II code when the code is Level II.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from .._records import Release
from ..releases import Sources, sha256_of
from ..releases._rows import FactRow, insert_facts, read_csv
from . import _meanings as meaning
from ._normalize import CPT_SHAPE

logger = logging.getLogger(__name__)

RVU_FILE = "pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv"
RVU_SOURCE = "MPFS RVU25D (October 2025)"


@dataclass(frozen=True)
class MpfsRvu:
    """One row of the MPFS relative value file, every column typed.

    RVUs and dollars are floats; coded indicators stay text, as CMS prints
    them (``glob_days`` is ``090``, not 90).
    """

    hcpcs: str
    mod: str
    status_code: str
    not_used_for_medicare_payment: str
    work_rvu: float
    non_fac_pe_rvu: float
    non_fac_na_indicator: str
    facility_pe_rvu: float
    facility_na_indicator: str
    mp_rvu: float
    non_facility_total: float
    facility_total: float
    pctc_ind: str
    glob_days: str
    pre_op: float
    intra_op: float
    post_op: float
    mult_proc: str
    bilat_surg: str
    asst_surg: str
    co_surg: str
    team_surg: str
    endo_base: str
    conv_factor: float
    physician_supervision_of_diagnostic_procedures: str
    calculation_flag: str
    diagnostic_imaging_family_indicator: str
    non_facility_pe_used_for_opps_payment_amount: float
    facility_pe_used_for_opps_payment_amount: float
    mp_used_for_opps_payment_amount: float


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(MpfsRvu))
NUMERIC: frozenset[str] = frozenset(
    f.name for f in fields(MpfsRvu) if f.type == "float"
)

SCHEMA = (
    "CREATE TABLE mpfs_rvu (\n"
    + ",\n".join(
        f"    {name} {'REAL' if name in NUMERIC else 'TEXT'} NOT NULL"
        for name in COLUMNS
    )
    + ",\n    PRIMARY KEY (hcpcs, mod)\n) WITHOUT ROWID;\n"
)


def parse_rvu_file(path: Path) -> Iterator[MpfsRvu]:
    """Every row of the RVU file, typed."""
    for row in read_csv(path, COLUMNS):
        yield MpfsRvu(**{name: _typed(name, row[name]) for name in COLUMNS})  # type: ignore[arg-type]


def load_mpfs(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Load the RVU file into ``mpfs_rvu`` and MPFS facts."""
    path = sources.find(RVU_FILE)
    if path is None:
        return []
    rows = list(parse_rvu_file(path))

    placeholders = ", ".join("?" for _ in COLUMNS)
    conn.executemany(
        f"INSERT INTO mpfs_rvu ({', '.join(COLUMNS)}) VALUES ({placeholders})",
        [astuple(row) for row in rows],
    )
    facts = insert_facts(
        conn, (f for row in rows if not row.mod for f in facts_of(row))
    )
    logger.info("loaded %d MPFS rows and %d facts from %s", len(rows), facts, path)

    return [
        Release(
            system="cpt",
            name="MPFS relative value file, RVU25D (PPRRVU2025_Oct)",
            vintage="2025-10",
            source=RVU_FILE,
            sha256=sha256_of(path),
            rows=len(rows),
            effective_from=dt.date(2025, 10, 1),
            effective_to=dt.date(2025, 12, 31),
        )
    ]


def rvu_for(conn: sqlite3.Connection, code: str, modifier: str = "") -> MpfsRvu | None:
    """The MPFS row for a code and modifier (``""``, ``26``, ``TC``, ``53``)."""
    row = conn.execute(
        f"SELECT {', '.join(COLUMNS)} FROM mpfs_rvu WHERE hcpcs = ? AND mod = ?",
        (code, modifier),
    ).fetchone()
    return MpfsRvu(*row) if row else None


def system_of(code: str) -> str | None:
    """Which code system a PFS code belongs to: cpt, hcpcs or None (CDT)."""
    if CPT_SHAPE.match(code):
        return "cpt"
    if code[:1].isalpha() and code[:1] != "D" and code[1:].isdigit():
        return "hcpcs"
    return None


def facts_of(row: MpfsRvu) -> list[FactRow]:
    """The code-page facts for the row without a modifier."""
    system = system_of(row.hcpcs)
    if system is None:
        return []
    values = [
        ("status_code", "Status", _coded(row.status_code, meaning.STATUS_CODE)),
        ("work_rvu", "Work RVU", _rvu(row.work_rvu)),
        ("non_fac_pe_rvu", "Practice expense RVU, non-facility", _pe(row, False)),
        ("facility_pe_rvu", "Practice expense RVU, facility", _pe(row, True)),
        ("mp_rvu", "Malpractice RVU", _rvu(row.mp_rvu)),
        (
            "non_facility_total",
            "Total RVUs, non-facility",
            _rvu(row.non_facility_total),
        ),
        ("facility_total", "Total RVUs, facility", _rvu(row.facility_total)),
        ("glob_days", "Global period", _coded(row.glob_days, meaning.GLOBAL_DAYS)),
        (
            "pctc_ind",
            "Professional/technical component",
            _coded(row.pctc_ind, meaning.PCTC_INDICATOR),
        ),
        (
            "mult_proc",
            "Multiple procedures",
            _coded(row.mult_proc, meaning.MULTIPLE_PROCEDURE),
        ),
        (
            "bilat_surg",
            "Bilateral surgery",
            _coded(row.bilat_surg, meaning.BILATERAL_SURGERY),
        ),
        (
            "asst_surg",
            "Assistant at surgery",
            _coded(row.asst_surg, meaning.ASSISTANT_AT_SURGERY),
        ),
        ("co_surg", "Co-surgeons", _coded(row.co_surg, meaning.CO_SURGEONS)),
        ("team_surg", "Team surgery", _coded(row.team_surg, meaning.TEAM_SURGERY)),
        ("endo_base", "Endoscopic base code", row.endo_base),
        (
            "physician_supervision",
            "Physician supervision of diagnostic tests",
            _coded(
                row.physician_supervision_of_diagnostic_procedures,
                meaning.PHYSICIAN_SUPERVISION,
            ),
        ),
        (
            "imaging_family",
            "Diagnostic imaging family",
            _coded(row.diagnostic_imaging_family_indicator, meaning.IMAGING_FAMILY),
        ),
        (
            "not_used_for_medicare_payment",
            "Not used for Medicare payment",
            _coded(row.not_used_for_medicare_payment, meaning.NOT_FOR_MEDICARE_PAYMENT),
        ),
        ("conv_factor", "Conversion factor (USD per RVU)", f"{row.conv_factor:.4f}"),
    ]
    return [
        FactRow(system, row.hcpcs, "MPFS", name, label, value, RVU_SOURCE, seq)
        for seq, (name, label, value) in enumerate(values)
        if value
    ]


def _typed(name: str, text: str) -> str | float:
    cleaned = text.strip()
    if name in NUMERIC:
        return float(cleaned or 0)
    return cleaned


def _rvu(value: float) -> str:
    return f"{value:.2f}"


def _pe(row: MpfsRvu, facility: bool) -> str:
    value = row.facility_pe_rvu if facility else row.non_fac_pe_rvu
    flag = row.facility_na_indicator if facility else row.non_fac_na_indicator
    if flag:
        return f"{value:.2f} ({flag}: {meaning.NA_INDICATOR.get(flag, flag)})"
    return _rvu(value)


def _coded(raw: str, meanings: dict[str, str]) -> str:
    if not raw:
        return ""
    known = meanings.get(raw)
    return f"{raw}: {known}" if known else raw
