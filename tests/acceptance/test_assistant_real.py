"""The assistant on the real releases: the questions issue #4 names.

Each expected value names the release file and row it comes from.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from codedesk import Desk
from codedesk.assistant import Guard, ToolContext, answer, load_notes

pytestmark = pytest.mark.acceptance

DAY = dt.date(2026, 5, 1)


def test_what_is_99213_gives_public_facts_and_asks_for_the_licensed_file(
    real_desk: Desk,
) -> None:
    result = answer(real_desk, "What is CPT code 99213?", date=DAY)

    # pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv row 99213:
    # status A, work RVU 1.30, total 2.75 non-facility, global XXX, CF 32.3465.
    assert "fee schedule status A" in result.text
    assert "work RVU 1.30" in result.text
    assert "global period XXX" in result.text
    assert "non-facility $88.95" in result.text
    assert any("AMA content" in m for m in result.missing)


def test_e78_0_is_a_header_with_its_billable_codes(real_desk: Desk) -> None:
    result = answer(real_desk, "Is E78.0 billable?", date=DAY)

    # icd10cm/icd10cm_billable_codes_2026-04-01.csv has E7800 and no E780.
    assert "E78.0 (ICD-10-CM) is a header, not billable" in result.text
    assert "E78.00 Pure hypercholesterolemia, unspecified" in result.text
    assert result.flags == []


def test_diabetes_with_ckd_3a_finds_the_combination_and_the_stage(
    real_desk: Desk,
) -> None:
    result = answer(
        real_desk, "Which code for type 2 diabetes with CKD stage 3a?", date=DAY
    )

    # icd10cm_billable_codes_2026-04-01.csv rows E1122 ("Type 2 diabetes
    # mellitus with diabetic chronic kidney disease") and N1831 ("Chronic
    # kidney disease, stage 3a").
    e11_22 = "Type 2 diabetes mellitus with diabetic chronic kidney disease"
    assert f"E11.22 (ICD-10-CM): {e11_22}" in result.text
    assert "N18.31 (ICD-10-CM): Chronic kidney disease, stage 3a" in result.text


def test_hypertension_with_ckd_cites_the_guideline(real_desk: Desk) -> None:
    result = answer(real_desk, "Guidelines for hypertension with CKD", date=DAY)

    # ICD-10-CM Official Guidelines I.C.9.a.2; I12.9 in the billable list.
    assert "I12.9" in result.text
    assert "Section I.C.9.a" in result.sources[0].detail


def test_the_mue_of_j3301_is_an_honest_i_dont_know(real_desk: Desk) -> None:
    result = answer(real_desk, "What is the MUE for J3301?", date=DAY)

    # No MUE table is staged (MANIFEST, Gaps); J3301 is in the HCPCS file:
    # "Injection, triamcinolone acetonide, not otherwise specified, 10 mg".
    assert not result.known
    assert result.text.startswith("I don't know from the data CodeDesk holds.")
    assert "triamcinolone acetonide" in result.text


def test_what_replaced_97004_is_not_guessed(real_desk: Desk) -> None:
    result = answer(real_desk, "What replaced 97004?", date=DAY)

    # 97004 is in neither cpt/ file; the MANIFEST says no public file maps
    # deleted CPT codes to their replacements (97161-97168).
    assert not result.known
    assert not re.search(r"\b9716[1-8]\b", result.text)


def test_modifier_25_is_explained_and_cited(real_desk: Desk) -> None:
    result = answer(real_desk, "What does modifier 25 mean?", date=DAY)

    assert "separately identifiable" in result.text
    assert "NCCI Policy Manual" in result.sources[0].detail


def test_every_code_a_note_names_is_valid_in_april_2026(real_desk: Desk) -> None:
    guard = Guard(ToolContext(real_desk, DAY))

    for note in load_notes():
        guard.check(note.text)

    # Every code the notes name is in icd10cm_billable_codes_2026-04-01.csv
    # or code-list-April-2026.txt (headers), or the HCPCS 2026 Q1 file.
    assert guard.flags == []


def test_e78_0_suggests_only_billable_codes_not_the_e78_01_header(
    real_desk: Desk,
) -> None:
    # April 2026 tabular: E78.01 is a header over E78.010, E78.011, E78.019.
    result = answer(real_desk, "Is E78.0 billable?", date=DAY)

    assert "use a code under it (E78.00, E78.010, E78.011, E78.019)" in result.text
    assert "(E78.00, E78.01)" not in result.text


def test_notes_quoted_for_an_earlier_date_name_their_release_and_mark_codes(
    real_desk: Desk,
) -> None:
    # April 2026 tabular, M54.5 Excludes1 "(M51.360)": M51.360 was added in
    # FY2025 (I/OCE dx table), so it is not valid on 2021-01-01.
    result = answer(real_desk, "Is M54.5 billable on 2021-01-01?")

    assert "[code removed: not valid]" not in result.text
    assert "M51.360 (not valid on 2021-01-01)" in result.text
    assert (
        "These notes are quoted from ICD-10-CM Tabular List (FY2026 Apr), in"
        " effect from 2026-04-01; the notes in effect on 2021-01-01 may differ."
    ) in result.text


def test_the_guard_still_removes_an_invented_code_inside_quotes(
    real_desk: Desk,
) -> None:
    guard = Guard(ToolContext(real_desk, dt.date(2021, 1, 1)))

    text = guard.check("Excludes1: “low back strain (S39.012), made up (E78.09)”")

    assert (
        text
        == "Excludes1: “low back strain (S39.012), made up ([code removed: not valid])”"
    )


def test_a_modifier_is_described_as_a_modifier_not_billable_code(
    real_desk: Desk,
) -> None:
    # HCPC2026_JAN_ANWEB_01122026.txt: modifier LT, Left side.
    result = answer(real_desk, "What is LT?", date=DAY)

    assert "is a valid, billable code" not in result.text
