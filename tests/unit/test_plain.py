"""The plain-language summary, on real titles.

Long titles are from the ICD-10-CM tabular (icd10cm/icd10c-tabular-April-1-2026.xml,
or its flattened list icd10cm_billable_codes_2026-04-01.csv); short titles from
the I/OCE diagnosis table (mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv); HCPCS
titles from the HCPCS 2026 Q1 file (hcpcs/hcpcs_level2_codes_2026q1.csv).
"""

from __future__ import annotations

import datetime as dt

import pytest

from codedesk import CodeRecord, CodeRef, Note, SeventhCharacter, plain_summary
from codedesk._plain import abbreviations_in, expand_abbreviations

DAY = dt.date(2026, 4, 1)
S72_A = SeventhCharacter("A", "initial encounter for closed fracture", "S72")
S72_D = SeventhCharacter(
    "D", "subsequent encounter for closed fracture with routine healing", "S72"
)


def code(code: str, title: str, **fields: object) -> CodeRecord:
    values: dict[str, object] = {
        "system": "icd10cm",
        "kind": "code",
        "date": DAY,
        "status": "valid",
        "billable": True,
        "valid_from": None,
        "valid_to": None,
    }
    values.update(fields)
    return CodeRecord(code=code, title=title, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        # S72001A
        (
            "Fracture of unsp part of neck of right femur, init",
            "Fracture of unspecified part of neck of right femur, initial encounter",
        ),
        # A3710 and A3711
        (
            "Whooping cough due to Bordetella parapertussis w/o pneumonia",
            "Whooping cough due to Bordetella parapertussis without pneumonia",
        ),
        (
            "Whooping cough due to Bordetella parapertussis w pneumonia",
            "Whooping cough due to Bordetella parapertussis with pneumonia",
        ),
        # M8430XA
        (
            "Stress fracture, unspecified site, init encntr for fracture",
            "Stress fracture, unspecified site, initial encounter for fracture",
        ),
        # M4841XS
        (
            "Fatigue fracture of vertebra, occipt-atlan-ax region, sqla",
            "Fatigue fracture of vertebra, occipt-atlan-ax region, sequela",
        ),
        # A0472
        (
            "Enterocolitis d/t Clostridium difficile, not spcf as recur",
            "Enterocolitis due to Clostridium difficile, not spcf as recur",
        ),
    ],
)
def test_it_spells_out_short_title_abbreviations(short: str, full: str) -> None:
    assert expand_abbreviations(short) == full


def test_it_spells_out_subsequent_encounter() -> None:
    # S72001D short title; its tabular title ends "subsequent encounter for
    # closed fracture with routine healing".
    short = "Fx unsp part of nk of r femr, subs for clos fx w routn heal"

    expanded = expand_abbreviations(short)

    assert "subsequent encounter for clos fracture with routn heal" in expanded
    assert expanded.startswith("Fracture unspecified part")


def test_it_leaves_words_that_contain_an_abbreviation_alone() -> None:
    # E11.65: "with" and "hyperglycemia" contain no abbreviation to expand.
    title = "Type 2 diabetes mellitus with hyperglycemia"

    assert expand_abbreviations(title) == title
    assert abbreviations_in(title) == []


def test_it_explains_a_billable_code_with_unspecified() -> None:
    # I21.9 Acute myocardial infarction, unspecified.
    record = code("I21.9", "Acute myocardial infarction, unspecified")

    summary = plain_summary(record)

    assert summary.startswith("I21.9 is a billable ICD-10-CM code on 2026-04-01.")
    assert "“Acute myocardial infarction, unspecified”" in summary
    assert '"Unspecified" codes are for when the medical record' in summary


def test_it_explains_the_seventh_character_and_initial_encounter() -> None:
    record = code(
        "S72.001A",
        "Fracture of unspecified part of neck of right femur,"
        " initial encounter for closed fracture",
        short_title="Fracture of unsp part of neck of right femur, init",
        seventh_characters=[S72_A, S72_D],
    )

    summary = plain_summary(record)

    assert (
        "Its seventh character, A, means “initial encounter for closed fracture”"
        " (defined at S72)." in summary
    )
    assert "receiving active treatment for the condition" in summary
    assert "(unsp = unspecified, init = initial encounter)" in summary
    assert "placeholder" not in summary


def test_it_explains_the_placeholder_x() -> None:
    # W21.89XA: seventh character A defined at W21 (tabular).
    record = code(
        "W21.89XA",
        "Striking against or struck by other sports equipment, initial encounter",
        seventh_characters=[SeventhCharacter("A", "initial encounter", "W21")],
    )

    summary = plain_summary(record)

    assert "The X is a placeholder" in summary


def test_it_explains_nos_nec_and_manifestation_codes() -> None:
    # O44.00, Z13.83 and G63 titles from the tabular.
    nos = code(
        "O44.00",
        "Complete placenta previa NOS or without hemorrhage, unspecified trimester",
    )
    nec = code("Z13.83", "Encounter for screening for respiratory disorder NEC")
    manifestation = code("G63", "Polyneuropathy in diseases classified elsewhere")

    assert '"Not otherwise specified" (NOS)' in plain_summary(nos)
    assert '"Not elsewhere classified" (NEC)' in plain_summary(nec)
    assert "never listed first" in plain_summary(manifestation)


def test_it_says_a_header_is_not_billable_and_counts_codes_under_it() -> None:
    # E78.0 Pure hypercholesterolemia has two codes: E78.00 and E78.01.
    record = code(
        "E78.0",
        "Pure hypercholesterolemia",
        kind="subcategory",
        status="header",
        billable=False,
        billable_descendant_count=2,
    )

    summary = plain_summary(record)

    assert summary.startswith("E78.0 is a header in ICD-10-CM on 2026-04-01,")
    assert "(2 billable codes)" in summary


def test_it_says_when_an_ended_code_ended_and_what_replaced_it() -> None:
    # G35 was deleted in FY2026 (icd10cm_changes_fy2025_to_2026-04-01_derived.csv;
    # the I/OCE dx table ends it on 2025-09-30); G35.A and G35.D were added.
    record = code(
        "G35",
        "Multiple sclerosis",
        status="ended",
        billable=False,
        valid_to=dt.date(2025, 9, 30),
        replaced_by=[
            CodeRef("icd10cm", "G35.A", "code", "", True),
            CodeRef("icd10cm", "G35.D", "code", "", True),
        ],
    )

    summary = plain_summary(record)

    assert "G35 is not valid on 2026-04-01: it ended on 2025-09-30." in summary
    assert "It was replaced by G35.A, G35.D." in summary


def test_it_does_not_apply_icd10cm_conventions_to_hcpcs() -> None:
    # J3301 in the HCPCS 2026 Q1 file.
    record = code(
        "J3301",
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
        system="hcpcs",
        short_title="Triamcinolone acet inj nos",
    )

    summary = plain_summary(record)

    assert summary.startswith("J3301 is a billable HCPCS Level II code")
    assert "Official Guidelines" not in summary


def test_it_names_what_the_characters_of_a_pcs_code_stand_for() -> None:
    # icd10pcs_codes_fy2024.txt: 0LB50ZZ; the definitions files (FY2025):
    # body system 0,L Tendons; root operation 0,B Excision and its
    # definition; body part 0,L,5; approach 0,0 Open.
    record = code(
        "0LB50ZZ",
        "Excision of Right Lower Arm and Wrist Tendon, Open Approach",
        system="icd10pcs",
        parents=[
            CodeRef(
                "icd10pcs",
                "0LB",
                "table",
                "Medical and Surgical, Tendons, Excision",
                False,
            )
        ],
        notes={
            "definition": [
                Note(
                    "definition",
                    "Cutting out or off, without replacement, a portion of a body part",
                    "0LB",
                    "table",
                    True,
                )
            ],
            "body_part": [
                Note(
                    "body_part",
                    "5: Lower Arm and Wrist Tendon, Right",
                    "0L",
                    "body_system",
                    True,
                )
            ],
            "approach": [
                Note(
                    "approach",
                    "0 Open: Cutting through the skin or mucous membrane and any"
                    " other body layers necessary to expose the site of the procedure",
                    "0",
                    "section",
                    True,
                )
            ],
        },
    )

    summary = plain_summary(record)

    assert (
        "Its characters stand for: section 0 (Medical and Surgical), body system L"
        " (Tendons), root operation B (Excision), body part 5 (Lower Arm and Wrist"
        " Tendon, Right), approach 0 (Open)." in summary
    )
    assert (
        "Excision means “Cutting out or off, without replacement, a portion of a"
        " body part”." in summary
    )


def test_hcpcs_short_titles_read_inj_as_injection() -> None:
    # HCPCS 2026 Q1 file, J3301: short description "Triamcinolone acet inj nos".
    record = code(
        "J3301",
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
        system="hcpcs",
        short_title="Triamcinolone acet inj nos",
    )

    summary = plain_summary(record)

    assert (
        "Its short title is “Triamcinolone acet inj nos”"
        " (inj = injection, nos = not otherwise specified)." in summary
    )


def test_icd10cm_short_titles_read_inj_as_injury() -> None:
    # I/OCE dx table, S00201A: "Unsp superfic inj right eyelid and perioculr
    # area, init"; its tabular title is "Unspecified superficial injury of
    # right eyelid and periocular area, initial encounter".
    short = "Unsp superfic inj right eyelid and perioculr area, init"

    expanded = expand_abbreviations(short, "icd10cm")

    assert expanded == (
        "Unspecified superfic injury right eyelid and perioculr area, initial encounter"
    )
