"""Tables of the edit data: each row points at the release it came from.

Dates are ISO text. ``effective_to`` NULL means the row is still in effect
in the newest release loaded (the CMS files print ``*`` for "no deletion
date").
"""

from __future__ import annotations

EDIT_SCHEMA = """
-- One row per edit release file loaded (by the build or by import-edits).
CREATE TABLE edit_source (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    setting TEXT,
    name TEXT NOT NULL,
    vintage TEXT NOT NULL,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL DEFAULT 0,
    effective_from TEXT,
    effective_to TEXT
);

-- NCCI procedure-to-procedure pairs. ``setting`` is practitioner or
-- hospital; prior_1996 and rationale are NULL where the release lacks them.
CREATE TABLE ptp (
    source INTEGER NOT NULL,
    setting TEXT NOT NULL,
    column1 TEXT NOT NULL,
    column2 TEXT NOT NULL,
    modifier_indicator INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    prior_1996 INTEGER,
    rationale TEXT
);

-- Add-on codes and their acceptable primary codes (NULL for type 2).
CREATE TABLE addon (
    source INTEGER NOT NULL,
    addon_code TEXT NOT NULL,
    aoc_type INTEGER NOT NULL,
    primary_code TEXT,
    effective_from TEXT NOT NULL,
    effective_to TEXT
);
CREATE INDEX addon_by_code ON addon (addon_code);
CREATE INDEX addon_by_primary ON addon (primary_code);

-- Medically Unlikely Edits: mai is the adjudication indicator 1, 2 or 3.
CREATE TABLE mue (
    source INTEGER NOT NULL,
    setting TEXT NOT NULL,
    code TEXT NOT NULL,
    mue_value INTEGER NOT NULL,
    mai INTEGER NOT NULL,
    mai_text TEXT NOT NULL,
    rationale TEXT NOT NULL,
    effective_from TEXT,
    effective_to TEXT
);
CREATE INDEX mue_by_code ON mue (code, setting);

-- ICD-10-CM diagnosis attributes from the outpatient code editor. Codes
-- are stored dotted, as in the shared ``code`` table.
CREATE TABLE dx_edit (
    source INTEGER NOT NULL,
    code TEXT NOT NULL,
    lo_age INTEGER NOT NULL,
    hi_age INTEGER NOT NULL,
    sex INTEGER NOT NULL,
    manifestation INTEGER NOT NULL,
    code_first INTEGER NOT NULL,
    unacceptable_pdx INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT
);
CREATE INDEX dx_edit_by_code ON dx_edit (code);

-- MS-DRG secondary-diagnosis severity: level is CC or MCC.
CREATE TABLE cc_mcc (
    source INTEGER NOT NULL,
    code TEXT NOT NULL,
    level TEXT NOT NULL,
    pdx_exclusion_list TEXT
);
CREATE INDEX cc_mcc_by_code ON cc_mcc (code);

-- Physician fee schedule geography and amounts.
CREATE TABLE gpci (
    source INTEGER NOT NULL,
    mac TEXT NOT NULL,
    state TEXT NOT NULL,
    locality TEXT NOT NULL,
    locality_name TEXT NOT NULL,
    work REAL NOT NULL,
    pe REAL NOT NULL,
    mp REAL NOT NULL,
    PRIMARY KEY (mac, locality, source)
);
CREATE TABLE locality_county (
    source INTEGER NOT NULL,
    mac TEXT NOT NULL,
    locality TEXT NOT NULL,
    state TEXT NOT NULL,
    area TEXT NOT NULL,
    counties TEXT NOT NULL
);
CREATE TABLE anes_cf (
    source INTEGER NOT NULL,
    mac TEXT NOT NULL,
    locality TEXT NOT NULL,
    locality_name TEXT NOT NULL,
    cf REAL NOT NULL
);
CREATE TABLE opps_cap (
    source INTEGER NOT NULL,
    code TEXT NOT NULL,
    modifier TEXT NOT NULL,
    status TEXT NOT NULL,
    mac TEXT NOT NULL,
    locality TEXT NOT NULL,
    facility_price REAL NOT NULL,
    nonfacility_price REAL NOT NULL
);
CREATE INDEX opps_cap_by_code ON opps_cap (code, mac, locality);
"""

#: Created after the PTP rows are in: building them on a full table is
#: several times faster than keeping them up to date row by row.
PTP_INDEXES = """
CREATE INDEX IF NOT EXISTS ptp_by_column1 ON ptp (column1, column2);
CREATE INDEX IF NOT EXISTS ptp_by_column2 ON ptp (column2, column1);
"""
