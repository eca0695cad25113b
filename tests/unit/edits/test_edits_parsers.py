"""The release parsers, on fixtures in each official layout."""

from __future__ import annotations

import pytest

from codedesk import ReleaseFileError
from codedesk.edits import read_cms_addons, read_cms_mue, read_cms_ptp
from codedesk.edits._refs import parse_refs

from .conftest import CMS


def test_it_reads_the_cms_ptp_layout() -> None:
    rows = list(read_cms_ptp(CMS / "ptp_practitioner_sample.txt", "practitioner"))

    # Header and blank lines skipped; five pairs in the fixture.
    assert len(rows) == 5
    # Row 1: 29881/29877, effective 20190701, no deletion, indicator 0.
    assert rows[0] == (
        "practitioner",
        "29881",
        "29877",
        0,
        "2019-07-01",
        None,
        0,
        "Misuse of column two code with column one code",
    )
    # Row 3 carries a deletion date 20191231.
    assert rows[2][4:6] == ("2019-07-01", "2019-12-31")
    # The last row has the prior-to-1996 star and indicator 9.
    assert rows[4][3] == 9 and rows[4][6] == 1


def test_it_rejects_a_modifier_indicator_outside_0_1_9(
    tmp_path: pytest.TempPathFactory,
) -> None:
    bad = tmp_path / "bad.txt"  # type: ignore[operator]
    bad.write_text("29881\t29877\t\t20190701\t*\t5\tx\n")

    with pytest.raises(ReleaseFileError) as caught:
        list(read_cms_ptp(bad, "practitioner"))

    assert str(caught.value) == (
        "Modifier indicator '5' for pair 29881/29877 is not 0, 1 or 9."
    )


def test_it_reads_the_cms_add_on_layout() -> None:
    rows = list(read_cms_addons(CMS / "aoc_sample.txt"))

    # CCCCC (type 2: contractor-defined primaries) becomes no primary code.
    assert rows == [
        ("11045", 1, "11042", "2019-07-01", None),
        ("0054T", 2, None, "2019-07-01", None),
        ("0984T", 3, "36221", "2025-10-01", None),
    ]


def test_it_reads_the_cms_mue_layout() -> None:
    path = CMS / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"

    rows = list(read_cms_mue(path, "practitioner"))

    # The MAI is the first digit of the adjudication indicator text.
    assert rows[0] == (
        "practitioner",
        "11042",
        1,
        2,
        "2 Date of Service Edit: Policy",
        "Anatomic Consideration",
    )
    assert [r[3] for r in rows] == [2, 3, 1, 2]


@pytest.mark.parametrize(
    ("note", "inside", "outside"),
    [
        # G63 Excludes1, April 2026 tabular.
        ("diabetes mellitus (E08-E13 with .42)", "E11.42", "E11.40"),
        (
            "infectious mononucleosis complicated by polyneuropathy"
            " (B27.0-B27.9 with fifth character 1)",
            "B27.01",
            "B27.09",
        ),
        # I69 Excludes1.
        ("sequelae of traumatic intracranial injury (S06.-)", "S06.0X0A", "S07.0XXA"),
        # F02 code first.
        ("hypothyroidism, acquired (E00-E03.-)", "E03.9", "E04.0"),
        # S06.0 Excludes1, a range written with "to".
        (
            "classified in subcategories S06.1- to S06.6-, and S06.81- to S06.89-",
            "S06.5X0A",
            "S06.0X0A",
        ),
    ],
)
def test_note_ranges_cover_the_codes_they_name(
    note: str, inside: str, outside: str
) -> None:
    refs = parse_refs(note)

    assert any(r.matches(inside) for r in refs)
    assert not any(r.matches(outside) for r in refs)
