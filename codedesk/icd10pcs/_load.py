"""Load ICD-10-PCS into the code database.

Steps:

1. Read the newest full code list (code file or order file, all sections)
   and, when newer, the Medical and Surgical list (section 0 only).
2. Work out validity: codes of the full list are valid from the start of
   its fiscal year (the floor of our records); a section-0 code the newer
   list lacks ended the day before the newer year began; a code only in the
   newer list starts with it. Codes of other sections cannot be checked
   against the newer list, so they stay open (the release record says so).
3. Insert the codes, the headers above them and their spans.
4. A second step loads the definitions (notes on headers), the Official
   Guidelines (table ``pcs_guideline``) and the index (``term`` rows).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path

from .._records import Release
from ..releases import Sources, sha256_of
from ..releases._rows import CodeRow, SpanRow, insert_codes, insert_spans, insert_terms
from . import _definitions as defs
from ._files import PcsCode, read_code_file, read_medsurg_csv
from ._hierarchy import Validity, header_rows, header_spans

logger = logging.getLogger(__name__)

FULL_LIST_PATTERNS = ("icd10pcs/icd10pcs_codes_*.txt", "icd10pcs/icd10pcs_order_*.txt")
MEDSURG_FILE = "icd10pcs/icd10pcs_medsurg_section0_codes_fy2025.csv"
MEDSURG_YEAR = 2025


def load_pcs_codes(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Steps 1 to 3 of the module docstring."""
    full_path = newest_full_list(sources)
    if full_path is None:
        return []
    full_year = fiscal_year(full_path)
    full = read_code_file(full_path)
    medsurg_path = sources.find(MEDSURG_FILE) if full_year < MEDSURG_YEAR else None
    newer = read_medsurg_csv(medsurg_path) if medsurg_path else []

    validity = work_out_validity(full, full_year, newer, MEDSURG_YEAR)
    titles = {c.code: c.title for c in full} | {c.code: c.title for c in newer}
    shorts = {c.code: c.short_title for c in [*full, *newer] if c.short_title}
    names = defs.read_names(
        sources.find(defs.BODY_SYSTEM_FILE), sources.find(defs.ROOT_OPERATION_FILE)
    )
    headers = header_rows(titles, names)

    insert_codes(conn, headers)
    insert_codes(
        conn,
        (_code_row(code, title, shorts.get(code)) for code, title in titles.items()),
    )
    source = _source(full_year, bool(newer))
    insert_spans(
        conn, (_span(code, titles[code], v, source) for code, v in validity.items())
    )
    insert_spans(conn, header_spans(validity, {h.code: h.title for h in headers}))
    logger.info("loaded %d PCS codes and %d headers", len(titles), len(headers))

    releases = [_full_release(full_path, full_year, len(full))]
    if medsurg_path:
        releases.append(_medsurg_release(medsurg_path, len(newer)))
    return releases


def load_pcs_definitions(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Step 4: definitions, guidelines and index."""
    tables = {
        c
        for (c,) in conn.execute(
            "SELECT code FROM code WHERE system = 'icd10pcs' AND kind = 'table'"
        )
    }
    releases: list[Release] = []
    notes: list[defs.NoteRow] = []
    for relative, read in (
        (defs.ROOT_OPERATION_FILE, lambda p: defs.operation_notes(p, tables)),
        (defs.BODY_PART_FILE, defs.body_part_notes),
        (defs.APPROACH_FILE, defs.approach_notes),
    ):
        path = sources.find(relative)
        if path:
            found = read(path)
            notes.extend(found)
            releases.append(_fy2025_release(path, relative, "definitions", len(found)))
    _insert_notes(conn, notes)
    releases.extend(_load_guidelines(conn, sources))
    releases.extend(_load_index(conn, sources))
    return releases


def work_out_validity(
    full: list[PcsCode], full_year: int, newer: list[PcsCode], newer_year: int
) -> dict[str, Validity]:
    """Step 2 of the module docstring."""
    start = f"{full_year - 1}-10-01"
    validity = {c.code: Validity(start, None, True) for c in full}
    if not newer:
        return validity
    newer_codes = {c.code for c in newer}
    ended = f"{newer_year - 1}-09-30"
    for code in validity:
        if code.startswith("0") and code not in newer_codes:
            validity[code] = Validity(start, ended, True)
    for code in newer_codes - validity.keys():
        validity[code] = Validity(f"{newer_year - 1}-10-01", None, False)
    return validity


def newest_full_list(sources: Sources) -> Path | None:
    """The full code list of the latest fiscal year in the data folder."""
    found = [p for pattern in FULL_LIST_PATTERNS for p in sources.glob(pattern)]
    return max(found, key=fiscal_year) if found else None


def fiscal_year(path: Path) -> int:
    """The fiscal year a file name carries (``fy2024`` or ``2024``)."""
    match = re.search(r"(20\d\d)", path.name)
    return int(match.group(1)) if match else 0


def _code_row(code: str, title: str, short: str | None) -> CodeRow:
    return CodeRow(
        "icd10pcs",
        code,
        "code",
        title,
        True,
        short_title=short,
        parent=code[:3],
        parent_kind="table",
        depth=3,
    )


def _span(code: str, title: str, v: Validity, source: str) -> SpanRow:
    return SpanRow(
        "icd10pcs", code, v.valid_from, v.valid_to, True, title, source, v.from_floor
    )


def _source(full_year: int, has_newer: bool) -> str:
    if has_newer:
        return f"ICD-10-PCS FY{full_year} code file; FY{MEDSURG_YEAR} section 0 list"
    return f"ICD-10-PCS FY{full_year} code file"


def _insert_notes(conn: sqlite3.Connection, notes: list[defs.NoteRow]) -> None:
    conn.executemany(
        "INSERT INTO note (system, code, kind, type, seq, text)"
        " VALUES ('icd10pcs', ?, ?, ?, ?, ?)",
        [(n.code, n.kind, n.type, seq, n.text) for seq, n in enumerate(notes)],
    )


def _load_guidelines(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    path = sources.find(defs.GUIDELINES_FILE)
    if path is None:
        return []
    guidelines = defs.read_guidelines(path)
    conn.executemany(
        "INSERT INTO pcs_guideline (guideline_id, section, topic, text, seq)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (g.guideline_id, g.section, g.topic, g.text, seq)
            for seq, g in enumerate(guidelines)
        ],
    )
    return [
        _fy2025_release(
            path, defs.GUIDELINES_FILE, "Official Guidelines", len(guidelines)
        )
    ]


def _load_index(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    path = sources.find(defs.INDEX_FILE)
    if path is None:
        return []
    terms = defs.read_index(path)
    insert_terms(conn, (("icd10pcs", t.code, t.text, "index", t.path) for t in terms))
    return [_fy2025_release(path, defs.INDEX_FILE, "Index", len(terms))]


def _full_release(path: Path, year: int, rows: int) -> Release:
    return Release(
        system="icd10pcs",
        name=f"ICD-10-PCS FY{year} code file, all sections ({path.name})",
        vintage=f"FY{year}",
        source=f"icd10pcs/{path.name}",
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(year - 1, 10, 1),
        effective_to=dt.date(year, 9, 30),
    )


def _medsurg_release(path: Path, rows: int) -> Release:
    return Release(
        system="icd10pcs",
        name=(
            f"ICD-10-PCS FY{MEDSURG_YEAR} Medical and Surgical codes (section 0 only;"
            " other sections as of the full list)"
        ),
        vintage=f"FY{MEDSURG_YEAR}",
        source=MEDSURG_FILE,
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(MEDSURG_YEAR - 1, 10, 1),
        effective_to=dt.date(MEDSURG_YEAR, 9, 30),
    )


def _fy2025_release(path: Path, relative: str, what: str, rows: int) -> Release:
    return Release(
        system="icd10pcs",
        name=f"ICD-10-PCS FY2025 {what} ({path.name})",
        vintage="FY2025",
        source=relative,
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(2024, 10, 1),
        effective_to=dt.date(2025, 9, 30),
    )
