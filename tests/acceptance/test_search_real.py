"""Search on the real code database (CODEDESK_DATA_DIR).

Expected codes come from the CDC files themselves: the issue's cases, and
paths of the FY2025 index files (``icd10cm/index_fy2025/…``) whose code is
read from the file at test time, so the test says what the index says.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from codedesk import Desk
from codedesk.search._query import Concept, match_expression
from codedesk.search._synonyms import synonym_table

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def desk(real_desk: Desk) -> Desk:
    """The real desk, once ICD-10-CM codes are in it."""
    (count,) = real_desk.conn.execute(
        "SELECT count(*) FROM code WHERE system = 'icd10cm'"
    ).fetchone()
    if count == 0:
        pytest.skip("the build has no ICD-10-CM codes yet (issue #2)")
    return real_desk


def index_dir() -> Path:
    return Path(os.environ["CODEDESK_DATA_DIR"]) / "icd10cm" / "index_fy2025"


def csv_code(row_id: str) -> str:
    """The Code column of a row of the flattened main index."""
    path = index_dir() / "icd10cm_index_fy2025_flattened_thirdparty.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["RowID"] == row_id:
                return row["Code"]
    raise AssertionError(f"no row {row_id}")


def top(desk: Desk, query: str, count: int = 5) -> list[str]:
    return [r.code for r in desk.search(query, limit=count)]


def test_heart_attack_puts_the_i21_family_in_the_top_five(desk: Desk) -> None:
    # Issue #2: "heart attack" puts I21.9 (or the I21 family) in the top 5.
    codes = top(desk, "heart attack")

    assert "I21.9" in codes or any(c.startswith("I21") for c in codes)


def test_chf_puts_i50_9_in_the_top_five(desk: Desk) -> None:
    assert "I50.9" in top(desk, "CHF")


@pytest.mark.parametrize("query", ["K92.2", "k922"])
def test_a_typed_code_comes_first(desk: Desk, query: str) -> None:
    assert top(desk, query, 1) == ["K92.2"]


def test_a_prefix_lists_only_codes_under_it(desk: Desk) -> None:
    results = desk.search("S72.0", limit=30)

    assert results[0].code == "S72.0"
    assert all(r.code.startswith("S72.0") for r in results)


@pytest.mark.parametrize(
    ("query", "row_id"),
    [
        # RowID 45026: Infarct, infarction > myocardium, myocardial (acute)
        ("acute myocardial infarction", "45026"),
        # RowID 34642: Failure, failed > heart > congestive
        ("congestive heart failure", "34642"),
        # RowID 23825: Diabetes, diabetic (mellitus) (sugar), misspelt
        ("diabetis", "23825"),
        # RowID 62789: Pneumonia (acute) (double) ..., misspelt
        ("pnemonia", "62789"),
    ],
)
def test_words_find_the_code_the_index_gives(
    desk: Desk, query: str, row_id: str
) -> None:
    assert csv_code(row_id) in top(desk, query)


def test_a_drug_table_column_finds_its_code(desk: Desk) -> None:
    # Table of Drugs: Acetaminophen, <cell col="6"> (Adverse effect).
    root = ET.parse(index_dir() / "icd-10-cm-drug-2025.xml").getroot()
    main = next(
        m
        for m in root.iterfind("letter/mainTerm")
        if m.findtext("title") == "Acetaminophen"
    )
    expected = main.findtext("cell[@col='6']")

    assert expected in top(desk, "acetaminophen adverse effect")


def test_an_external_cause_finds_its_code(desk: Desk) -> None:
    # External Cause Index: Accident > bare foot water skiier <code>.
    root = ET.parse(index_dir() / "icd-10-cm-eindex-2025.xml").getroot()
    accident = next(
        m
        for m in root.iterfind("letter/mainTerm")
        if (m.findtext("title") or "").startswith("Accident")
    )
    skier = next(
        t
        for t in accident.iterfind("term")
        if t.findtext("title") == "bare foot water skiier"
    )

    assert skier.findtext("code") in top(desk, "bare foot water skiier")


def test_billable_only_leaves_out_headers(desk: Desk) -> None:
    results = desk.search("fracture of femur", limit=20, billable_only=True)

    assert results
    assert all(r.billable for r in results)


def test_every_synonym_meaning_is_found_in_the_code_sets(desk: Desk) -> None:
    missing = []
    for phrase, synonyms in synonym_table().items():
        for synonym in synonyms:
            expression = match_expression((Concept("", (synonym.meaning,)),))
            row = desk.conn.execute(
                "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1",
                (expression,),
            ).fetchone()
            if row is None:
                missing.append(f"{' '.join(phrase)} -> {synonym.text}")

    assert missing == []


def dx_effective_from(code: str) -> dt.date:
    """When the outpatient code editor's diagnosis table starts a code."""
    path = (
        Path(os.environ["CODEDESK_DATA_DIR"])
        / "mce"
        / "ioce_icd10cm_dx_edits_2019q3_2026q2.csv"
    )
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["icd10cm_code"] == code:
                return dt.date.fromisoformat(row["effective_from"])
    raise AssertionError(f"no row for {code}")


def test_a_code_that_starts_later_is_not_valid_before_it_starts(desk: Desk) -> None:
    # mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv: E11A, "Type 2 diabetes
    # mellitus without complications in remission", effective_from 2025-10-01.
    start = dx_effective_from("E11A")
    query = "type 2 diabetes mellitus without complications in remission"

    after = desk.search(query, date=start, limit=5)
    before = desk.search(query, date=start - dt.timedelta(days=1), limit=200)

    assert after[0].code == "E11.A" and after[0].billable
    late = next(r for r in before if r.code == "E11.A")
    assert not late.billable
    assert late.why.endswith(f"not valid on {start - dt.timedelta(days=1)}")
    assert before[0].code != "E11.A"


def test_a_procedure_word_finds_the_table_the_pcs_index_names(desk: Desk) -> None:
    # icd10pcs/icd10pcs_index_fy2025.csv: Appendectomy, see Excision, Appendix
    # **0DBJ** (and Resection, Appendix 0DTJ).
    path = (
        Path(os.environ["CODEDESK_DATA_DIR"]) / "icd10pcs" / "icd10pcs_index_fy2025.csv"
    )
    with path.open(newline="", encoding="utf-8") as handle:
        content = next(
            r["content"] for r in csv.DictReader(handle) if r["term"] == "Appendectomy"
        )
    stems = re.findall(r"\*\*(\w+)\*\*", content)

    codes = top(desk, "appendectomy", 5)

    assert stems
    assert all(any(code.startswith(stem) for stem in stems) for code in codes), codes


def test_a_mistyped_code_offers_the_codes_under_its_known_part(desk: Desk) -> None:
    # code-list-April-2026.txt has K922 but no K922X.
    results = desk.search("K92.2X", limit=3)

    assert results[0].code == "K92.2"
    assert results[0].why == "code starts with K92.2 (there is no code K92.2X)"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # icd10cm/icd10cm_billable_codes_2026-04-01.csv rows 9060 (I21.9)
        # and 9027 (I10); row 3512 (E11.9).
        ("I21.9 I10", ["I21.9", "I10"]),
        ("i219 i10", ["I21.9", "I10"]),
        ("I10 I21.9", ["I10", "I21.9"]),
        # cpt/ioce_code_presence_2019q3_2026q2_no_descriptors.csv rows 11878
        # (99213) and 11728 (97140).
        ("99213, 97140", ["99213", "97140"]),
        # hcpcs/hcpcs_level2_codes_2026q1.csv row 4969 (J3301).
        ("J3301 E11.9", ["J3301", "E11.9"]),
    ],
)
def test_a_list_of_codes_returns_those_codes_first_in_the_order_typed(
    desk: Desk, query: str, expected: list[str]
) -> None:
    # Issue #2: "I21.9 I10" returned R29.709, Z3A.09 and J1095.
    results = desk.search(query, limit=5)

    assert [r.code for r in results[: len(expected)]] == expected
    assert [r.why for r in results[: len(expected)]] == [
        f"code is {code}" for code in expected
    ]


def test_a_completed_word_ranks_titles_with_that_word_above_longer_words(
    desk: Desk,
) -> None:
    # Issue #2: "heart" ranked R12 Heartburn (code-list-April-2026.txt) first;
    # autocomplete to "heartburn" now ranks below codes that say "heart".
    results = desk.search("heart", limit=10)

    assert results[0].code != "R12"
    assert re.search(r"\bheart\b", results[0].title + results[0].why, re.I)
    codes = [r.code for r in results]
    assert "R12" not in codes or codes.index("R12") > 3


def test_an_injury_with_no_encounter_named_puts_no_sequela_code_first(
    desk: Desk,
) -> None:
    # Issue #2: "broke my arm" put S42.309S (icd10cm_billable_codes
    # 2026-04-01.csv row 32979, "…, sequela") first; its family's header or
    # A code (row 32973) should lead instead.
    results = desk.search("broke my arm", limit=10)

    assert not results[0].code.endswith(("D", "S"))
    assert "S42.309S" not in [r.code for r in results]


def test_a_seventh_character_family_is_listed_once(desk: Desk) -> None:
    results = desk.search("broke my arm", limit=20)

    families = [r.code[:7] for r in results if r.system == "icd10cm"]
    assert len(families) == len(set(families))


def test_an_encounter_named_in_the_query_picks_that_variant(desk: Desk) -> None:
    # icd10cm_billable_codes_2026-04-01.csv row 32979: S42.309S, sequela.
    results = desk.search("broke my arm sequela", limit=5)

    assert results[0].code.endswith("S")


def test_knee_scope_reaches_the_procedure_code_sets(desk: Desk) -> None:
    # Issue #2: "knee scope" returned only diagnoses. hcpcs_level2_codes
    # 2026q1.csv row 7923 (S2112, knee arthroscopy) and the ICD-10-PCS
    # titles of icd10pcs_codes_fy2024.txt (0SQD4ZZ, row 56878) say
    # arthroscopy and percutaneous endoscopic approach.
    results = desk.search("knee scope", limit=10)

    assert {r.system for r in results[:5]} <= {"icd10pcs", "hcpcs", "cpt"}
    assert any(r.system == "icd10pcs" for r in results)
    assert "S2112" in [r.code for r in results]
