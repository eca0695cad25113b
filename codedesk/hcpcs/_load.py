"""Load HCPCS Level II codes and modifiers into the code database.

Two steps:

1. The newest quarterly zip in ``hcpcs/`` (see ``_anweb``): one ``code``
   row per code or modifier, a span from the added date to the termination
   date, ``replacement`` rows from the cross references of terminated
   codes, and a ``HCPCS`` fact for every other field, with the meaning of
   each coded value as the record layout in the zip gives it.
2. The outpatient code editor's table (``ioce/ioce_hcpcs_opps_*.csv``):
   ``OPPS`` facts, and the codes the zip lacks (ended before it, or added
   after it) with their spans from 2019-07 on.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from .._records import Release
from ..releases import Sources, sha256_of
from ..releases._ioce import load_opps_facts, merged_spans
from ..releases._rows import (
    CodeRow,
    FactRow,
    SpanRow,
    insert_codes,
    insert_facts,
    insert_spans,
    insert_terms,
    iso_from_yyyymmdd,
)
from ._anweb import (
    ADDED,
    CROSS_REFERENCE,
    TERMINATED,
    HcpcsFile,
    HcpcsItem,
    read_hcpcs_zip,
)
from ._normalize import CODE_SHAPE

logger = logging.getLogger(__name__)

ZIP_PATTERN = "hcpcs/*-alpha-numeric-hcpcs-file.zip"
PROCESSING_NOTE = "HCPCS Processing Note Number"

#: Plain labels for the layout's field names (others are derived).
LABELS: dict[str, tuple[str, str]] = {
    "HCPCS Pricing Indicator Code": ("pricing_indicator", "Pricing indicator"),
    "HCPCS Multiple Pricing Indicator Code": (
        "multiple_pricing_indicator",
        "Multiple pricing indicator",
    ),
    "HCPCS Coverage Issues Manual Reference Section Number": (
        "cim_reference",
        "Coverage Issues Manual section",
    ),
    "HCPCS Medicare Carriers Manual Reference Section Number": (
        "mcm_reference",
        "Medicare Carriers Manual section",
    ),
    "HCPCS Statute Number": ("statute", "Statute"),
    "HCPCS Lab Certification Code": ("lab_certification", "Lab certification"),
    "HCPCS Cross Reference Code": ("cross_reference", "Cross reference"),
    "HCPCS Coverage Code": ("coverage", "Medicare coverage"),
    "HCPCS ASC Payment Group Code": ("asc_group", "ASC payment group"),
    "HCPCS ASC Payment Group Effective Date": ("asc_date", "ASC group since"),
    "HCPCS MOG Payment Group Code": ("mog_group", "Outpatient (MOG) group"),
    "HCPCS MOG Payment Policy Indicator": ("mog_policy", "Outpatient (MOG) policy"),
    "HCPCS MOG Effective Date": ("mog_date", "Outpatient (MOG) group since"),
    PROCESSING_NOTE: ("processing_note", "Processing note"),
    "HCPCS Berenson-Eggers Type Of Service Code": ("betos", "BETOS category"),
    "HCPCS Type Of Service Code": ("type_of_service", "Type of service"),
    "HCPCS Anesthesia Base Unit Quantity": (
        "anesthesia_units",
        "Anesthesia base units",
    ),
    ADDED: ("added", "Added"),
    "HCPCS Action Effective Date": ("action_effective", "Action effective"),
    TERMINATED: ("terminated", "Terminated"),
    "HCPCS Action Code": ("action", "Last action"),
}


def load_hcpcs(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Load the newest quarterly zip (step 1 of the module docstring)."""
    path = newest_zip(sources)
    if path is None:
        return []
    parsed = read_hcpcs_zip(path)
    source = f"HCPCS {parsed.vintage} ({parsed.member})"

    insert_codes(conn, (code_row(item) for item in parsed.items))
    insert_spans(conn, (span_row(item, source) for item in parsed.items))
    conn.executemany(
        "INSERT INTO replacement (system, code, replaced_by, source)"
        " VALUES (?, ?, ?, ?)",
        [
            ("hcpcs", item.code, xref, source)
            for item in parsed.items
            for xref in replacements(item)
        ],
    )
    insert_terms(conn, (t for item in parsed.items for t in short_terms(item)))
    facts = insert_facts(
        conn, (f for item in parsed.items for f in facts_of(parsed, item, source))
    )
    logger.info(
        "loaded %d HCPCS items and %d facts from %s", len(parsed.items), facts, path
    )

    return [_release(path, parsed)]


def load_hcpcs_opps(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """OPPS facts, and the codes the zip lacks (step 2)."""
    by_code, release = load_opps_facts(
        partial(insert_facts, conn), sources, "hcpcs", is_level2
    )
    if release is None:
        return []
    known = {
        code for (code,) in conn.execute("SELECT code FROM code WHERE system = 'hcpcs'")
    }
    ended = {code: rows for code, rows in by_code.items() if code not in known}
    insert_codes(
        conn,
        (
            CodeRow("hcpcs", code, "code", rows[-1].description, True)
            for code, rows in ended.items()
        ),
    )
    insert_spans(
        conn,
        (
            s
            for code, rows in ended.items()
            for s in merged_spans("hcpcs", code, rows, rows[-1].description)
        ),
    )
    return [release]


def is_level2(code: str) -> bool:
    """A Level II code: a letter and four digits, not the ADA's D codes."""
    return bool(CODE_SHAPE.match(code)) and not code.startswith("D")


def newest_zip(sources: Sources) -> Path | None:
    """The newest quarterly zip in the data folder, by the month in its name."""
    found = sources.glob(ZIP_PATTERN)
    return max(found, key=_zip_month) if found else None


def code_row(item: HcpcsItem) -> CodeRow:
    """The ``code`` row: modifiers are not billable on their own."""
    return CodeRow(
        "hcpcs",
        item.code,
        item.kind,
        item.long_description,
        item.kind == "code",
        short_title=item.short_description or None,
        seq=item.line,
    )


def span_row(item: HcpcsItem, source: str) -> SpanRow:
    """Valid from the added date to the termination date."""
    return SpanRow(
        "hcpcs",
        item.code,
        iso_from_yyyymmdd(item.first(ADDED)),
        iso_from_yyyymmdd(item.first(TERMINATED)),
        item.kind == "code",
        item.long_description,
        source,
    )


def short_terms(item: HcpcsItem) -> list[tuple[str, str, str, str, None]]:
    """The short description as a search term, when it differs from the title."""
    short = item.short_description
    if not short or short.lower() == item.long_description.lower():
        return []
    return [("hcpcs", item.code, short, "short_title", None)]


def replacements(item: HcpcsItem) -> tuple[str, ...]:
    """Cross references of a terminated code: the codes to use instead."""
    if not item.first(TERMINATED):
        return ()
    return item.values.get(CROSS_REFERENCE, ())


def facts_of(parsed: HcpcsFile, item: HcpcsItem, source: str) -> Iterator[FactRow]:
    """A fact for every field with a value, each value with its meaning."""
    for seq, f in enumerate(parsed.layout.fields):
        values = _meaningful(f.type, f.name, item.values.get(f.name, ()))
        if not values:
            continue
        name, label = LABELS.get(f.name, (_snake(f.name), _plain(f.name)))
        shown = [_shown(parsed, f.name, f.type, value) for value in values]
        yield FactRow(
            "hcpcs", item.code, "HCPCS", name, label, "; ".join(shown), source, seq
        )


def _meaningful(kind: str, name: str, values: tuple[str, ...]) -> tuple[str, ...]:
    """Drop zero counts (anesthesia base units of a supply, say)."""
    if kind == "NUM" and "Date" not in name:
        return tuple(v for v in values if v.strip("0"))
    return values


def _shown(parsed: HcpcsFile, name: str, kind: str, value: str) -> str:
    if name == PROCESSING_NOTE:
        note = parsed.notes.get(value, "")
        return f"{value}: {note}" if note else value
    if kind == "NUM" and "Date" in name:
        return iso_from_yyyymmdd(value) or value
    meaning = parsed.layout.meaning(parsed.layout.field_named(name), value)
    return f"{value}: {meaning}" if meaning else value


def _plain(name: str) -> str:
    text = re.sub(r"^HCPCS |\s+Code$", "", name)
    return text[:1].upper() + text[1:].lower()


def _snake(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _plain(name).lower()).strip("_")


def _zip_month(path: Path) -> tuple[int, int]:
    months = [dt.date(2000, m, 1).strftime("%B").lower() for m in range(1, 13)]
    match = re.match(r"([a-z]+)-(\d{4})", path.name.lower())
    if not match or match.group(1) not in months:
        return (0, 0)
    return (int(match.group(2)), months.index(match.group(1)) + 1)


def _release(path: Path, parsed: HcpcsFile) -> Release:
    year, month = (int(part) for part in parsed.vintage.split("-"))
    start = dt.date(year, month, 1)
    quarter_end = _month_end(dt.date(year, min(month + 2, 12), 1))
    return Release(
        system="hcpcs",
        name=f"HCPCS Level II alphanumeric file {parsed.vintage} ({parsed.member})",
        vintage=parsed.vintage,
        source=f"hcpcs/{path.name}",
        sha256=sha256_of(path),
        rows=len(parsed.items),
        effective_from=start,
        effective_to=quarter_end,
    )


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
