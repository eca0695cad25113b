"""Reading a claim: the layout of docs/claims.md, and each bad field named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from codedesk import ClaimError
from codedesk.edits import Checker, ClaimLine, claim_from_dict, claim_from_json

BASE: dict[str, Any] = {"date_of_service": "2026-04-15", "lines": ["27447"]}


def test_it_reads_lines_as_codes_or_objects() -> None:
    claim = claim_from_dict(
        {
            **BASE,
            "setting": "hospital",
            "lines": ["27447", {"code": "20610", "modifiers": "xs, 59", "units": "2"}],
            "diagnoses": ["m1711", "E11.9"],
            "age": 67,
            "sex": "female",
        }
    )

    assert claim.date == dt.date(2026, 4, 15)
    assert claim.setting == "facility"
    assert claim.lines[1] == ClaimLine("20610", ("XS", "59"), 2)
    assert claim.diagnoses == ("M17.11", "E11.9")
    assert (claim.age, claim.sex) == (67, "F")


def test_it_takes_a_code_whose_second_character_is_a_letter() -> None:
    # code-list-April-2026.txt: "QA00101 SCN2A-related neurodevelopmental disorder".
    claim = claim_from_dict({**BASE, "diagnoses": ["QA00101"]})

    assert claim.diagnoses == ("QA0.0101",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"date_of_service": "15/04/2026"},
            "'date_of_service' is '15/04/2026', not a date.",
        ),
        ({"date_of_service": None}, "'date_of_service' is missing or not text."),
        ({"setting": "ward"}, "'setting' is 'ward', not a claim setting."),
        (
            {"lines": [{"code": "27447", "units": 0}]},
            "Line 1: units 0 is not between 1 and 9999.",
        ),
        (
            {"lines": [{"code": "27447", "modifiers": ["5"]}]},
            "Line 1: '5' is not a modifier.",
        ),
        ({"diagnoses": ["E11.9", 11.9]}, "Diagnosis 2: 11.9 is not a code."),
        ({"age": 130}, "'age' is '130'; give whole years from 0 to 124."),
        ({"sex": "X"}, "'sex' is 'X'; use M or F (or leave it out)."),
        ({"lines": [], "diagnoses": []}, "The claim has no lines and no diagnoses."),
    ],
)
def test_it_names_the_bad_field(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ClaimError) as caught:
        claim_from_dict({**BASE, **change})

    assert str(caught.value) == message


def test_it_names_where_the_json_breaks() -> None:
    with pytest.raises(ClaimError) as caught:
        claim_from_json('{"date_of_service": "2026-04-15",')

    assert str(caught.value).startswith("The claim is not valid JSON: ")
    assert caught.value.hint == "See docs/claims.md for the claim layout."


def test_it_keeps_a_code_that_is_text_for_the_checker_to_judge() -> None:
    claim = claim_from_dict({**BASE, "lines": ["2988"], "diagnoses": ["E11.99999"]})

    assert claim.lines[0].code == "2988"
    assert claim.diagnoses == ("E11.99999",)


def test_it_names_every_bad_field_at_once() -> None:
    bad = {
        "date_of_service": "2026-13-01",
        "lines": [{"code": "27447", "units": 0}],
        "diagnoses": [11.9],
    }

    with pytest.raises(ClaimError) as caught:
        claim_from_dict(bad)

    assert str(caught.value) == (
        "The claim has 3 problems: 'date_of_service' is '2026-13-01', not a date."
        " Line 1: units 0 is not between 1 and 9999."
        " Diagnosis 1: 11.9 is not a code."
    )


@pytest.mark.parametrize(
    ("setting", "limit", "form"),
    [("practitioner", 50, "837P"), ("dme", 50, "837P"), ("facility", 999, "837I")],
)
def test_it_refuses_more_lines_than_the_settings_form_allows(
    setting: str, limit: int, form: str
) -> None:
    claim = {**BASE, "setting": setting, "lines": ["99213"] * (limit + 1)}

    with pytest.raises(ClaimError) as caught:
        claim_from_dict(claim)

    assert str(caught.value) == (
        f"The claim has {limit + 1:,} service lines; a {setting} claim takes at"
        f" most {limit} (the {form} limit)."
    )
    assert caught.value.hint == "Split the services into several claims."


def test_identical_lines_are_a_duplicate_for_review(checker: Checker) -> None:
    claim = claim_from_dict({**BASE, "lines": ["99213", "99213", "99214"]})

    report = checker.check(claim)

    repeated = [f for f in report.findings if f.rule == "duplicate"]
    assert [(f.severity, f.lines) for f in repeated] == [("review", (1, 2))]
