"""The edit and fee tools on the claim checker's extracts.

Rows quoted from ``ncci/ncci_ptp_hospital_outpatient_from_ioce_2019q3_2026q2``
and ``ncci/ncci_addon_code_edits_from_ioce.csv``; RVUs from RVU25D
``PPRRVU2025_Oct.csv`` row 20610 (work 0.79, PE 1.04 non-facility and 0.44
facility, MP 0.13, CF 32.3465) and GPCIs from ``GPCI2025.csv`` rows 12302-01
(1.02, 1.078, 1.309), 12302-99 (1.012, 1.016, 0.973) and 12202-01 (DC + MD/VA
suburbs, whose 25LOCCO row lists Montgomery and Prince George's in Maryland).
"""

from __future__ import annotations

import datetime as dt

from codedesk import Desk
from codedesk.assistant import answer

DAY = dt.date(2026, 5, 1)


def test_a_pair_with_indicator_0_cannot_be_bypassed(edits_desk: Desk) -> None:
    # Row: 29881,29877,0,2019-07-01,
    result = answer(edits_desk, "Can 29881 and 29877 be billed together?", date=DAY)

    assert result.known
    assert "column 1 29881, column 2 29877" in result.text
    assert "modifier indicator 0: no modifier bypasses it" in result.text
    assert "hospital" in result.text


def test_a_pair_with_indicator_1_names_the_bypass_modifiers(edits_desk: Desk) -> None:
    # Row: 27447,20610,1,2019-07-01,
    result = answer(edits_desk, "Can 20610 be billed with 27447?", date=DAY)

    assert "column 1 27447, column 2 20610" in result.text
    assert "modifier indicator 1" in result.text and "XS" in result.text


def test_an_ended_edit_is_reported_with_its_dates(edits_desk: Desk) -> None:
    # Rows: 99213,G0444,1,2019-07-01,2019-12-31 and 99213,G0444,1,2020-10-01,
    result = answer(edits_desk, "Can 99213 and G0444 be billed together?", date=DAY)

    assert "from 2019-07-01 to 2019-12-31, not on 2026-05-01" in result.text
    assert "column 1 99213, column 2 G0444 is in effect" in result.text


def test_an_add_on_code_names_its_primary(edits_desk: Desk) -> None:
    # Row: 11045,1,11042,2019-07-01,
    result = answer(edits_desk, "Is 11045 an add-on code?", date=DAY)

    assert result.known
    assert (
        "11045 is a type 1 add-on code; acceptable primary codes include 11042"
        in result.text
    )


def test_the_mue_is_unknown_without_an_mue_table(edits_desk: Desk) -> None:
    result = answer(edits_desk, "What is the MUE for 20610?", date=DAY)

    assert not result.known
    assert "No practitioner MUE table is loaded" in result.text


def test_maryland_fees_cover_every_locality_that_prices_maryland(
    edits_desk: Desk,
) -> None:
    result = answer(
        edits_desk, "What does Medicare pay for 20610 in Maryland?", date=DAY
    )

    assert result.known
    assert "(locality 12302-01): non-facility $67.83" in result.text
    assert "(locality 12302-99): non-facility $64.13" in result.text
    assert "DC + MD/VA SUBURBS (locality 12202-01)" in result.text
    assert "National (all GPCIs 1.0): non-facility $63.40" in result.text
    assert result.flags == []


def test_a_claim_question_runs_the_checker_on_its_lines(edits_desk: Desk) -> None:
    # Row 27447,20610,1: 20610 is denied with 27447 unless it carries a
    # bypass modifier on its own line.
    plain = answer(edits_desk, "Check this claim: 27447, 20610", date=DAY)
    bypassed = answer(edits_desk, "Check this claim: 27447, 20610-XS", date=DAY)

    assert plain.kind == "claim"
    assert "DENY (ncci_ptp)" in plain.text
    assert "DENY (ncci_ptp)" not in bypassed.text
