"""The intent recogniser on the questions issue #4 lists, and a few more."""

from __future__ import annotations

import datetime as dt

import pytest

from codedesk.assistant import recognise


@pytest.mark.parametrize(
    ("question", "kind", "codes"),
    [
        ("What is CPT code 99213?", "define", ("99213",)),
        ("Can 97530 and 97140 be billed together?", "pair", ("97530", "97140")),
        ("What does modifier 25 mean?", "modifier", ()),
        ("What is the MUE for J3301?", "mue", ("J3301",)),
        ("Is E78.0 billable?", "billable", ("E78.0",)),
        ("Which code for type 2 diabetes with CKD stage 3a?", "which_code", ()),
        ("Guidelines for hypertension with CKD", "guideline", ()),
        ("What replaced 97004?", "replacement", ("97004",)),
        ("What does Medicare pay for 20610 in Maryland?", "fee", ("20610",)),
        ("Seventh characters for S72.001", "children", ("S72.001",)),
        ("Is 20610 an add-on code?", "addon", ("20610",)),
    ],
)
def test_it_recognises_the_kind_and_codes(
    question: str, kind: str, codes: tuple[str, ...]
) -> None:
    intent = recognise(question)

    assert intent.kind == kind
    assert intent.codes == codes


def test_it_reads_modifiers_in_every_way_coders_write_them() -> None:
    assert recognise("What does modifier 25 mean?").modifiers == ("25",)
    assert recognise("Is 99214-25 with 20610 ok?").modifiers == ("25",)
    assert recognise("XS or 59 on 97140?").modifiers == ("XS", "59")


def test_it_reads_dates_settings_and_states() -> None:
    intent = recognise(
        "Hospital outpatient: can 97530 and 97140 go together on 03/15/2024?"
    )
    fee = recognise("What does Medicare pay for 20610 in Maryland for a physician?")

    assert intent.date == dt.date(2024, 3, 15)
    assert intent.setting == "facility"
    assert fee.state == "MD"
    assert fee.setting == "practitioner"
    assert recognise("Was I48.20 valid in 2022?").date == dt.date(2022, 7, 1)


def test_it_does_not_take_years_words_or_ambiguous_states_for_codes() -> None:
    intent = recognise("In 2025, is OR or IN a state for 99213?")

    assert intent.codes == ("99213",)
    assert intent.state is None
    assert recognise("What about West Virginia?").state == "WV"
