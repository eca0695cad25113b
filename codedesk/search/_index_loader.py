"""Load the ICD-10-CM Alphabetic Index family into the ``term`` table.

Runs after every code system has loaded, so index codes can be mapped onto
the canonical codes of the ICD-10-CM code set: the index prints partial codes
(``S72.00-``: see the tabular for the remaining characters), which point to
the header they name.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .._records import Release
from ..icd10cm._index import (
    IndexFile,
    IndexTerm,
    read_index_csv,
    read_index_xml,
    walk_see_terms,
    walk_terms,
)
from ..releases import Sources, sha256_of

logger = logging.getLogger(__name__)

#: Where each part of the index family is staged, newest file last, with
#: the ``term.source`` its rows get and the release name. The CDC names its
#: files ``icd-10-cm-<part>-<year>.xml``.
_XML_PARTS: tuple[tuple[str, str, str], ...] = (
    ("icd10cm/index*/icd-10-cm-index-*.xml", "index", "Alphabetic Index"),
    ("icd10cm/index*/icd-10-cm-eindex-*.xml", "external_cause", "External Cause Index"),
    ("icd10cm/index*/icd-10-cm-drug-2*.xml", "drug", "Table of Drugs and Chemicals"),
    ("icd10cm/index*/icd-10-cm-neoplasm-*.xml", "neoplasm", "Table of Neoplasms"),
)
_FLATTENED = "icd10cm/index*/icd10cm_index_*flattened*.csv"

_YEAR = re.compile(r"(?:fy)?(20\d\d)", re.IGNORECASE)


def load_index(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Insert index terms for every index file found; none is required."""
    canonical = _canonical_codes(conn)
    releases = []
    for path, index, name in _find_index_files(sources):
        rows = insert_index_terms(conn, index, canonical)
        releases.append(_release(sources, path, name, rows))
        logger.info("%s: %d index terms from %s", name, rows, path.name)
    return releases


def _find_index_files(sources: Sources) -> list[tuple[Path, IndexFile, str]]:
    found = []
    for pattern, source, name in _XML_PARTS:
        paths = sources.glob(pattern)
        if paths:
            found.append((paths[-1], read_index_xml(paths[-1], source), name))
    flattened = sources.glob(_FLATTENED)
    has_main = any(index.source == "index" for _, index, _ in found)
    if flattened and not has_main:
        name = "Alphabetic Index (flattened)"
        found.append((flattened[-1], read_index_csv(flattened[-1]), name))
    return found


def insert_index_terms(
    conn: sqlite3.Connection, index: IndexFile, canonical: dict[str, str]
) -> int:
    """Write one ``term`` row per coded path of the index; return the count."""
    terms = [*walk_terms(index), *walk_see_terms(index)]
    conn.executemany(
        "INSERT INTO term (system, code, text, source, path) VALUES (?, ?, ?, ?, ?)",
        _term_rows(terms, canonical),
    )
    return len(terms)


def _term_rows(
    terms: Iterable[IndexTerm], canonical: dict[str, str]
) -> Iterable[tuple[str, str, str, str, str]]:
    for term in terms:
        path = " > ".join(term.path)
        if term.see:
            path += f" (see {term.see})"
        yield (
            "icd10cm",
            map_index_code(term.code, canonical),
            term.text,
            term.source,
            path,
        )


def _canonical_codes(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT code FROM code WHERE system = 'icd10cm'")
    return {code.replace(".", ""): code for (code,) in rows}


def map_index_code(printed: str, canonical: dict[str, str]) -> str:
    """The code set's code for a code as the index prints it.

    ``S72.00-`` (a partial code) is the header ``S72.00``; ``T3611`` or
    ``T36.11`` match however the code set writes it. A code the code set
    lacks keeps its printed characters, dotted after the third.
    """
    bare = printed.strip().upper().rstrip("-").rstrip(".").replace(".", "")
    if bare in canonical:
        return canonical[bare]
    return bare if len(bare) <= 3 else f"{bare[:3]}.{bare[3:]}"


def _release(sources: Sources, path: Path, name: str, rows: int) -> Release:
    relative = path.relative_to(sources.data_dir) if sources.data_dir else path
    year = _fiscal_year(path)
    return Release(
        system="icd10cm",
        name=f"ICD-10-CM {name}",
        vintage=f"FY{year}" if year else "unknown",
        source=str(relative),
        sha256=sha256_of(path),
        rows=rows,
        effective_from=dt.date(year - 1, 10, 1) if year else None,
        effective_to=dt.date(year, 9, 30) if year else None,
    )


def _fiscal_year(path: Path) -> int | None:
    """The fiscal year in a file name (FY runs 1 October to 30 September)."""
    match = _YEAR.search(path.name)
    return int(match.group(1)) if match else None
