"""Lookup on the fixture database (extracts of the April 2026 tabular and
the I/OCE diagnosis table; see conftest)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from codedesk import Desk, MalformedCodeError, UnknownCodeError
from codedesk._lookup import record_as_dict

APRIL = dt.date(2026, 4, 15)
IN_2022 = dt.date(2022, 6, 15)


def test_it_finds_a_code_as_typed(icd_desk: Desk) -> None:
    record = icd_desk.lookup("i219", date=APRIL)

    assert (record.system, record.code, record.status) == ("icd10cm", "I21.9", "valid")
    assert record.title == "Acute myocardial infarction, unspecified"
    assert record.billable is True
    assert record.valid_from == dt.date(2019, 7, 1)
    assert record.from_floor is True
    assert record.valid_to is None


def test_notes_say_where_they_come_from(icd_desk: Desk) -> None:
    record = icd_desk.lookup("I21.9", date=APRIL)

    includes = record.notes["includes"]
    own_terms = record.notes["inclusion_term"]
    assert (includes[0].text, includes[0].source_code) == ("cardiac infarction", "I21")
    assert includes[0].inherited is True
    assert [n.source_code for n in own_terms] == ["I21.9"]
    assert own_terms[0].inherited is False
    assert record.notes["code_also"][0].source_kind == "block"


def test_inclusion_terms_are_not_inherited(icd_desk: Desk) -> None:
    # Tabular: "Fracture of hip NOS" is an inclusion term of S72.00 only.
    record = icd_desk.lookup("S72.001A", date=APRIL)

    assert "inclusion_term" not in record.notes


def test_seventh_characters_come_from_the_defining_level(icd_desk: Desk) -> None:
    record = icd_desk.lookup("S72.001A", date=APRIL)

    assert [p.code for p in record.parents] == [
        "19",
        "S70-S79",
        "S72",
        "S72.0",
        "S72.00",
        "S72.001",
    ]
    assert {s.source_code for s in record.seventh_characters} == {"S72"}
    assert record.seventh_characters[0].character == "A"


def test_a_header_lists_its_billable_codes(icd_desk: Desk) -> None:
    record = icd_desk.lookup("E78.0", date=APRIL)

    assert record.status == "header"
    assert record.billable is False
    assert [c.code for c in record.children] == ["E78.00", "E78.01"]
    assert [c.code for c in record.billable_descendants] == [
        "E78.00",
        "E78.010",
        "E78.011",
        "E78.019",
    ]
    assert record.billable_descendant_count == 4
    assert record.warnings == [
        "E78.0 is a header, not billable: use a code under it"
        " (E78.00, E78.010, E78.011, E78.019)."
    ]


def test_a_header_that_needs_a_seventh_character_says_so(icd_desk: Desk) -> None:
    record = icd_desk.lookup("T07", date=APRIL)

    assert record.warnings == [
        "T07 is not billable: it needs a seventh character"
        " (T07.XXXA, T07.XXXD, T07.XXXS)."
    ]


def test_it_answers_for_the_date_of_service(icd_desk: Desk) -> None:
    # I/OCE: E7801 billable to 2025-09-30, E78010 from 2025-10-01.
    then = icd_desk.lookup("E78.01", date=IN_2022)
    now = icd_desk.lookup("E78.01", date=APRIL)
    not_yet = icd_desk.lookup("E78.010", date=IN_2022)

    assert then.status == "valid"
    assert then.children == []
    assert now.status == "header"
    assert [r.code for r in now.replaced_by] == ["E78.010", "E78.011", "E78.019"]
    assert now.warnings == [
        "E78.01 is a header, not billable: use a code under it"
        " (E78.010, E78.011, E78.019).",
        "E78.01 was billable until 2025-09-30; it is replaced by"
        " E78.010, E78.011, E78.019.",
    ]
    assert not_yet.status == "not_yet"
    assert not_yet.warnings == [
        "E78.010 is not valid on 2022-06-15: it takes effect on 2025-10-01."
    ]


def test_a_deleted_code_says_when_it_ended(icd_desk: Desk) -> None:
    record = icd_desk.lookup("S30.1XXA", date=APRIL)

    assert record.status == "ended"
    assert record.valid_to == dt.date(2025, 9, 30)
    assert record.warnings == [
        "S30.1XXA is not valid on 2026-04-15: it ended on 2025-09-30."
    ]


def test_it_warns_after_the_newest_release(icd_desk: Desk) -> None:
    record = icd_desk.lookup("I21.9", date=dt.date(2026, 12, 4))

    assert record.warnings == [
        "The date of service 2026-12-04 is after the newest ICD-10-CM release"
        " loaded (FY2026 Apr, in effect to 2026-09-30); this answer comes from"
        " that release."
    ]


def test_a_missing_placeholder_x_gets_the_fix(icd_desk: Desk) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        icd_desk.lookup("T07A", date=APRIL)

    assert caught.value.message == "'T07A' is not an ICD-10-CM code."
    assert caught.value.suggestions == ("T07.XXXA",)
    assert caught.value.hint == (
        "Did you mean T07.XXXA? Placeholder X fills every place before a"
        " seventh character."
    )


def test_too_many_placeholders_get_the_fix(icd_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        icd_desk.lookup("T07XXXXD", date=APRIL)

    assert caught.value.suggestions == ("T07.XXXD",)


def test_an_unknown_code_suggests_the_nearest(icd_desk: Desk) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        icd_desk.lookup("A00.5", system="icd10cm", date=APRIL)

    assert caught.value.message == "'A00.5' is not an ICD-10-CM code."
    assert caught.value.hint == "Codes under A00 (Cholera): A00.0, A00.1, A00.9."
    assert caught.value.suggestions == ("A00.0", "A00.1", "A00.9")


def test_cpt_shaped_input_to_icd10cm_says_so(icd_desk: Desk) -> None:
    with pytest.raises(MalformedCodeError) as caught:
        icd_desk.lookup("11646", system="icd10cm", date=APRIL)

    assert caught.value.message == (
        "'11646' is not an ICD-10-CM code: it looks like a CPT code."
    )


def test_siblings_share_the_parent(icd_desk: Desk) -> None:
    siblings = icd_desk.siblings("A00.1", date=APRIL)

    assert [s.code for s in siblings] == ["A00.0", "A00.9"]


def test_the_record_serialises_to_json(icd_desk: Desk) -> None:
    record = icd_desk.lookup("S72.001A", date=APRIL)

    data = json.loads(json.dumps(record_as_dict(record)))

    assert data["code"] == "S72.001A"
    assert data["valid_from"] == "2019-07-01"
    assert data["notes"]["excludes1"][0]["source_code"] == "S72"
    assert data["seventh_characters"][0]["character"] == "A"
    assert data["parents"][0]["code"] == "19"


def test_text_shaped_for_two_systems_names_both(icd_desk: Desk) -> None:
    # E8015 has the shape of ICD-10-CM (E80.15) and of HCPCS; neither has it
    # in the fixture database.
    with pytest.raises(UnknownCodeError) as caught:
        icd_desk.lookup("E8015", date=APRIL)

    assert caught.value.message == (
        "'E8015' is not an ICD-10-CM or HCPCS Level II code."
    )


def test_a_chapter_is_found_by_its_number(icd_desk: Desk) -> None:
    record = icd_desk.lookup("19", system="icd10cm", date=APRIL)

    assert (record.kind, record.status) == ("chapter", "header")
    assert [c.code for c in record.children] == [
        "S00-S09",
        "S30-S39",
        "S70-S79",
        "T07-T07",
    ]
    # S06.1X7A, S06.1XA(A, D, S); S30.11X-S30.13X (A, D, S); S72.001-S72.009
    # (16 characters each); T07.XXX(A, D, S).
    assert record.billable_descendant_count == 1 + 3 + 9 + 48 + 3
    assert record.warnings == [
        "19 is a header, not billable: use a code under it (S06.1X7A, S06.1XAA,"
        " S06.1XAD, S06.1XAS, S30.11XA, S30.11XD, S30.11XS, S30.12XA, …)."
    ]


def test_a_date_before_our_records_warns(icd_desk: Desk) -> None:
    # I/OCE dx table: A000 from 2019-07-01, the first quarter it covers.
    record = icd_desk.lookup("A00.0", date=dt.date(2018, 3, 1))

    assert record.status == "valid"
    assert record.warnings == [
        "Our records of A00.0 start on 2019-07-01; whether it was valid on"
        " 2018-03-01 is not known from the data."
    ]
