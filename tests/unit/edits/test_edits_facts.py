"""``code_edit_facts``: what a code page shows, from the fixture extracts.

I/OCE hospital PTP extract: 29881 is column 1 of 11042, 11045, 20610 (1)
and 29877 (0), and column 2 of 27447 (1). Add-on extract: 11045 is a type 1
add-on of 11042. MS-DRG v43.1 and I/OCE rows of G63 are in the diagnosis
extracts.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from codedesk.edits import code_edit_facts

DAY = dt.date(2026, 1, 15)


def test_it_lists_partners_both_ways_with_counts(
    edits_conn: sqlite3.Connection,
) -> None:
    facts = code_edit_facts(edits_conn, "cpt", "29881", DAY, "facility", limit=2)

    assert facts.as_column1_count == 4
    assert [(e.column2, e.modifier_indicator) for e in facts.as_column1] == [
        ("11042", 1),
        ("11045", 1),
    ]
    assert [e.column1 for e in facts.as_column2] == ["27447"]
    assert facts.notes[0] == "No hospital MUE table is loaded."


def test_it_lists_add_on_relations(edits_conn: sqlite3.Connection) -> None:
    primary = code_edit_facts(edits_conn, "cpt", "11042", DAY, "practitioner")
    addon = code_edit_facts(edits_conn, "cpt", "11045", DAY, "practitioner")

    assert [e.addon_code for e in primary.addons_of] == ["11045"]
    assert [(e.aoc_type, e.primary_code) for e in addon.addon_primaries] == [
        (1, "11042")
    ]
    assert primary.notes[0].startswith("No practitioner PTP table is loaded")


def test_a_diagnosis_has_its_age_range_and_manifestation_flag(
    edits_conn: sqlite3.Connection,
) -> None:
    # I/OCE row: G63, ages 0-124, manifestation 1, from 2019-07-01.
    facts = code_edit_facts(edits_conn, "icd10cm", "G63", DAY, "practitioner")

    assert facts.diagnosis["I/OCE age range"] == "0-124"
    assert facts.diagnosis["I/OCE manifestation code"] == "yes"


def test_it_says_a_non_facility_amount_marked_na_does_not_apply(
    edits_conn: sqlite3.Connection,
) -> None:
    # pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv, row 29881: non-facility
    # NA indicator set, non-facility total 16.64.
    facts = code_edit_facts(edits_conn, "cpt", "29881", DAY, "facility")

    assert facts.notes[-1] == (
        "The non-facility amount does not apply to 29881: the fee schedule marks"
        " its non-facility practice expense NA, so its non-facility total of 16.64"
        " RVUs is not a payable figure."
    )
    assert [fee.setting for fee in facts.fees] == ["facility"]
