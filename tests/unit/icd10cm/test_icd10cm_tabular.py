from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from codedesk import ReleaseFileError
from codedesk.icd10cm._tabular import Tabular, parse_tabular, release_dates


@pytest.fixture(scope="module")
def tabular(tabular_path: Path) -> Tabular:
    return parse_tabular(tabular_path)


def _row(tabular: Tabular, code: str) -> tuple[str, str | None, int]:
    (row,) = [r for r in tabular.codes if r.code == code]
    return row.kind, row.parent, row.billable


def test_it_reads_each_level_with_its_kind(tabular: Tabular) -> None:
    # Tabular: chapter 1 > section A00-A09 > A00 Cholera > A00.0.
    assert _row(tabular, "1") == ("chapter", None, 0)
    assert _row(tabular, "A00-A09") == ("block", "1", 0)
    assert _row(tabular, "A00") == ("category", "A00-A09", 0)
    assert _row(tabular, "A00.0") == ("code", "A00", 1)
    assert _row(tabular, "N10") == ("category", "N10-N16", 1)


def test_a_one_category_block_keys_as_a_range(tabular: Tabular) -> None:
    # Tabular: <section id="T07"> holds only category T07.
    assert _row(tabular, "T07-T07") == ("block", "19", 0)
    assert _row(tabular, "T07") == ("category", "T07-T07", 0)


def test_it_materialises_seventh_characters_with_placeholder_x(
    tabular: Tabular,
) -> None:
    # Tabular: T07 defines A, D, S; S72 defines 16 characters three levels up.
    codes = {r.code: r for r in tabular.codes}

    assert [c for c in codes if c.startswith("T07.")] == [
        "T07.XXXA",
        "T07.XXXD",
        "T07.XXXS",
    ]
    assert codes["S72.001A"].title == (
        "Fracture of unspecified part of neck of right femur,"
        " initial encounter for closed fracture"
    )
    assert codes["S72.001A"].parent == "S72.001"
    assert codes["S72.001"].billable == 0
    assert sum(c.startswith("S72.001") and len(c) == 8 for c in codes) == 16


def test_it_applies_the_s06_exception_to_d_and_s(tabular: Tabular) -> None:
    # Tabular, S06 note: "7th characters D and S do not apply to codes in
    # category S06 with 6th character 7 ... or 8".
    codes = {r.code for r in tabular.codes}

    assert "S06.1X7A" in codes
    assert "S06.1X7D" not in codes
    assert {"S06.1XAA", "S06.1XAD", "S06.1XAS"} <= codes


def test_it_keeps_notes_at_their_own_level(tabular: Tabular) -> None:
    notes = {(n.code, n.kind, n.type, n.text) for n in tabular.notes}

    assert (
        "S72",
        "category",
        "excludes1",
        "traumatic amputation of hip and thigh (S78.-)",
    ) in notes
    assert (
        "S72",
        "category",
        "note",
        "The appropriate 7th character is to be added to all codes from category S72",
    ) in notes
    assert ("A00.0", "code", "inclusion_term", "Classical cholera") in notes


def test_it_keeps_seventh_characters_where_defined(tabular: Tabular) -> None:
    t07 = [(s.character, s.meaning) for s in tabular.sevenths if s.code == "T07"]

    assert t07 == [
        ("A", "initial encounter"),
        ("D", "subsequent encounter"),
        ("S", "sequela"),
    ]


def test_titles_and_inclusion_terms_become_terms(tabular: Tabular) -> None:
    terms = {(t.code, t.source, t.text) for t in tabular.terms}

    assert ("A00.0", "inclusion_term", "Classical cholera") in terms
    assert ("A00", "title", "Cholera") in terms


def test_release_dates_follow_the_file_name() -> None:
    april = release_dates(Path("icd10c-tabular-April-1-2026.xml"), "2026")
    october = release_dates(Path("icd10cm_tabular_2026.xml"), "2026")
    no_day = release_dates(Path("icd10cm-tabular-April-2025.xml"), "2025")

    assert april == (dt.date(2026, 4, 1), dt.date(2026, 9, 30))
    assert no_day == (dt.date(2025, 4, 1), dt.date(2025, 9, 30))
    assert october == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


def test_it_rejects_a_file_that_is_not_a_tabular(tmp_path: Path) -> None:
    path = tmp_path / "icd10c-tabular-April-1-2026.xml"
    path.write_text("<ICD10CM.index></ICD10CM.index>")

    with pytest.raises(ReleaseFileError) as caught:
        parse_tabular(path)

    assert caught.value.message == (
        "icd10c-tabular-April-1-2026.xml is not an ICD-10-CM Tabular List:"
        " its root is <ICD10CM.index>, not <ICD10CM.tabular>."
    )


def test_a_note_in_a_seventh_character_table_follows_its_character(
    tabular: Tabular,
) -> None:
    # Tabular, S72 sevenChrDef: extension B, then the note "initial encounter
    # for open fracture NOS"; the code title keeps the extension text alone.
    s72 = {s.character: s.meaning for s in tabular.sevenths if s.code == "S72"}
    codes = {r.code: r.title for r in tabular.codes}

    assert s72["B"] == (
        "initial encounter for open fracture type I or II"
        " (initial encounter for open fracture NOS)"
    )
    assert codes["S72.001B"] == (
        "Fracture of unspecified part of neck of right femur,"
        " initial encounter for open fracture type I or II"
    )
