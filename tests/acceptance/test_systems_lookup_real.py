"""PCS, HCPCS and CPT through ``Desk.lookup`` on the real releases.

Values come from the CMS files: the FY2024 PCS code file and FY2025 lists,
the January 2026 HCPCS zip (ANWEB records J3301 and A4466), and the
RVU25D relative value file (row 27447).
"""

from __future__ import annotations

import datetime as dt

import pytest

from codedesk import Desk, MalformedCodeError

pytestmark = pytest.mark.acceptance

DAY = dt.date(2026, 1, 15)


def test_0lb50zz_is_valid(real_desk: Desk) -> None:
    record = real_desk.lookup("0LB50ZZ", date=DAY)

    assert (record.system, record.kind, record.status) == ("icd10pcs", "code", "valid")
    assert record.title == "Excision of Right Lower Arm and Wrist Tendon, Open Approach"


def test_02n_is_a_table_header(real_desk: Desk) -> None:
    record = real_desk.lookup("02N", date=DAY)

    assert (record.system, record.kind, record.billable) == ("icd10pcs", "table", False)


def test_0lb5ozz_is_refused_with_the_fix(real_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        real_desk.lookup("0LB5OZZ", date=DAY)

    assert caught.value.hint is not None
    assert "never uses the letters O and I" in caught.value.hint
    assert "0LB50ZZ" in caught.value.hint


def test_j3301_typed_lower_case(real_desk: Desk) -> None:
    record = real_desk.lookup("j3301", date=DAY)

    assert (record.system, record.code) == ("hcpcs", "J3301")
    assert record.title == (
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg"
    )


def test_a_terminated_hcpcs_code_says_when_and_what_replaced_it(
    real_desk: Desk,
) -> None:
    record = real_desk.lookup("A4466", date=DAY)

    assert record.status == "ended"
    assert record.valid_to == dt.date(2016, 12, 31)
    assert [r.code for r in record.replaced_by] == ["A4467"]


@pytest.mark.parametrize("code", ["01967", "0001U"])
def test_cpt_keeps_leading_zeros(real_desk: Desk, code: str) -> None:
    record = real_desk.lookup(code, date=DAY)

    assert (record.system, record.code, record.title) == ("cpt", code, "")


def test_a_cpt_code_page_has_its_mpfs_facts(real_desk: Desk) -> None:
    record = real_desk.lookup("27447", date=DAY)

    facts = {f.name: f.value for f in record.facts if f.group == "MPFS"}
    assert facts["status_code"].startswith("A: ")
    assert facts["work_rvu"] == "19.60"
    assert facts["glob_days"].startswith("090: ")


def test_j1100_typed_without_a_dot_is_hcpcs_and_warns_of_icd10cm(
    real_desk: Desk,
) -> None:
    # HCPCS: january-2026-alpha-numeric-hcpcs-file.zip, ANWEB record J1100.
    # ICD-10-CM: the April 2026 tabular has J11.00.
    record = real_desk.lookup("J1100", date=dt.date(2026, 5, 1))

    assert (record.system, record.code) == ("hcpcs", "J1100")
    assert record.title == "Injection, dexamethasone sodium phosphate, 1 mg"
    assert any(
        w.startswith("J1100 is also ICD-10-CM J11.00 — ")
        and w.endswith("; use --system icd10cm.")
        for w in record.warnings
    )


def test_j11_00_typed_with_its_dot_is_icd10cm_alone(real_desk: Desk) -> None:
    record = real_desk.lookup("J11.00", date=dt.date(2026, 5, 1))

    assert (record.system, record.code) == ("icd10cm", "J11.00")
    assert not [w for w in record.warnings if " is also " in w]
