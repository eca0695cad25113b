"""The index parsers on extracts of the FY2025 CDC index files.

The fixtures in tests/fixtures/icd10cm/index_fy2025 are unmodified
runs of lines of the files of the same name (closing tags added where the
extract ends); every expected value below is read from those lines.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from codedesk import ReleaseFileError
from codedesk.icd10cm._index import (
    column_meaning,
    is_index_code,
    read_index_csv,
    read_index_xml,
    walk_see_terms,
    walk_terms,
)
from codedesk.search._index_loader import map_index_code

INDEX = Path(__file__).resolve().parents[2] / "fixtures/icd10cm/index_fy2025"


def test_it_reads_the_external_cause_index_with_nested_terms() -> None:
    index = read_index_xml(INDEX / "icd-10-cm-eindex-2025.xml", "external_cause")

    terms = {term.text: term.code for term in walk_terms(index)}

    # <mainTerm><title>Accident<nemod>(to)</nemod></title><code>X58</code>
    assert terms["Accident (to)"] == "X58"
    # ... <term level="1"><title>bare foot water skiier</title><code>V94.4</code>
    assert terms["Accident (to), bare foot water skiier"] == "V94.4"
    # ... boat, boating > striking swimmer > powered: <code>V94.11</code>
    assert terms["Accident (to), boat, boating, striking swimmer, powered"] == "V94.11"


def test_it_keeps_nonessential_modifiers_apart_from_the_title() -> None:
    index = read_index_xml(INDEX / "icd-10-cm-eindex-2025.xml", "external_cause")

    # <title>Abandonment<nemod>(causing exposure to weather conditions) (with
    # intent to injure or kill)</nemod> NEC</title>
    first = index.entries[0]

    assert first.title == "Abandonment NEC"
    assert first.nemod == (
        "(causing exposure to weather conditions) (with intent to injure or kill)"
    )


def test_it_names_each_drug_column_in_the_term() -> None:
    index = read_index_xml(INDEX / "icd-10-cm-drug-2025.xml", "drug")

    terms = {term.text: term.code for term in walk_terms(index)}

    # Acetaminophen: <cell col="2">T39.1X1</cell> under <head col="2">Poisoning
    # Accidental (unintentional)</head>; col 6 (Adverse effect) T39.1X5.
    assert terms["Acetaminophen, poisoning, accidental (unintentional)"] == "T39.1X1"
    assert terms["Acetaminophen, adverse effect"] == "T39.1X5"
    assert terms["Acetaminophen, underdosing"] == "T39.1X6"


def test_it_skips_drug_cells_that_hold_no_code() -> None:
    index = read_index_xml(INDEX / "icd-10-cm-drug-2025.xml", "drug")

    # 1-propanol: <cell col="6">--</cell> and <cell col="7">--</cell>
    texts = [t.text for t in walk_terms(index) if t.path[0] == "1-propanol"]

    assert "1-propanol, adverse effect" not in texts
    assert "1-propanol, poisoning, assault" in texts


def test_it_walks_the_neoplasm_table_to_every_level() -> None:
    index = read_index_xml(INDEX / "icd-10-cm-neoplasm-2025.xml", "neoplasm")

    terms = {term.text: term.code for term in walk_terms(index)}

    # Neoplasm, neoplastic: <cell col="2">C80.1</cell> (Malignant Primary)
    assert terms["Neoplasm, neoplastic, malignant, primary"] == "C80.1"
    # ... abdomen > wall > skin > basal cell carcinoma: col 2 C44.519
    key = (
        "Neoplasm, neoplastic, abdomen, abdominal, wall, skin,"
        " basal cell carcinoma, malignant, primary"
    )
    assert terms[key] == "C44.519"
    # ... abdomen, abdominal: <cell col="4">D09.8</cell> (Ca in situ)
    assert terms["Neoplasm, neoplastic, abdomen, abdominal, carcinoma in situ"] == (
        "D09.8"
    )


def test_it_rebuilds_the_hierarchy_of_the_flattened_csv() -> None:
    index = read_index_csv(INDEX / "icd10cm_index_fy2025_flattened_thirdparty.csv")

    terms = {term.text: term.code for term in walk_terms(index)}

    # RowID 45026: Level 1 "myocardium, myocardial" (acute) (with stated
    # duration of 4 weeks or less), I21.9, under RowID 44952 "Infarct,
    # infarction" (Level 0).
    key = (
        "Infarct, infarction, myocardium, myocardial (acute)"
        " (with stated duration of 4 weeks or less)"
    )
    assert terms[key] == "I21.9"
    # RowID 45028: Level 3 "coronary microvascular disease", I21.B, under
    # 45027 Level 2 "with".
    assert terms[key + ", with, coronary microvascular disease"] == "I21.B"
    # RowID 34642: Level 2 "congestive", I50.9, under 34612 "heart" (acute)
    # (senile) (sudden), under 34558 "Failure, failed".
    heart = "Failure, failed, heart (acute) (senile) (sudden)"
    assert terms[heart + ", congestive"] == "I50.9"


def test_it_follows_see_references_to_their_code() -> None:
    index = read_index_csv(INDEX / "icd10cm_index_fy2025_flattened_thirdparty.csv")

    followed = {term.text: (term.code, term.see) for term in walk_see_terms(index)}

    # RowID 8558: "Attack, attacks" > heart, See "infarct, myocardium"; the
    # target is RowID 45026 "Infarct, infarction" > "myocardium, myocardial",
    # I21.9.
    assert followed["Attack, attacks, heart"] == ("I21.9", "infarct, myocardium")


def test_it_drops_see_references_that_lead_nowhere_in_the_file() -> None:
    index = read_index_csv(INDEX / "icd10cm_index_fy2025_flattened_thirdparty.csv")

    followed = {term.text for term in walk_see_terms(index)}

    # RowID 8550: angina, See "Angina": no such main term in the extract.
    assert "Attack, attacks, angina" not in followed


def test_it_maps_partial_and_undotted_index_codes_to_the_code_set() -> None:
    canonical = {"S7200": "S72.00", "I10": "I10", "T391X1": "T39.1X1"}

    assert map_index_code("S72.00-", canonical) == "S72.00"
    assert map_index_code("I10", canonical) == "I10"
    assert map_index_code("t391x1", canonical) == "T39.1X1"
    assert map_index_code("Q87.19", canonical) == "Q87.19"


def test_table_headings_read_as_words_of_a_term() -> None:
    assert column_meaning("Poisoning Intentional self-harm") == (
        "poisoning, intentional self-harm"
    )
    assert column_meaning("Ca in situ") == "carcinoma in situ"
    assert column_meaning("Adverse effect") == "adverse effect"


def test_cells_without_a_code_are_not_codes() -> None:
    assert not is_index_code("--")
    assert not is_index_code("-")
    assert is_index_code("C79.8-")
    assert is_index_code("X58")


def test_it_rejects_a_file_that_is_not_an_index(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<ICD10CM.tabular/>", encoding="utf-8")

    with pytest.raises(ReleaseFileError) as caught:
        read_index_xml(path, "index")

    assert str(caught.value) == (
        "other.xml is not an ICD-10-CM index file (root <ICD10CM.tabular>)."
    )


def test_it_rejects_a_csv_without_the_flattened_columns(tmp_path: Path) -> None:
    path = tmp_path / "flat.csv"
    path.write_text("RowID,Term\n1,Abasia\n", encoding="utf-8")

    with pytest.raises(ReleaseFileError) as caught:
        read_index_csv(path)

    assert str(caught.value) == (
        "flat.csv lacks the column(s) Level, See, SeeAlso, NonEssModif, Code."
    )


def test_the_loader_writes_index_rows_with_their_path(
    search_conn: sqlite3.Connection,
) -> None:
    row = search_conn.execute(
        "SELECT code, path FROM term WHERE source = 'index'"
        " AND text = 'Attack, attacks, heart'"
    ).fetchone()

    assert row == ("I21.9", "Attack, attacks > heart (see infarct, myocardium)")


def test_the_loader_records_each_index_release(
    search_conn: sqlite3.Connection,
) -> None:
    rows = search_conn.execute(
        "SELECT name, vintage, effective_from FROM release ORDER BY name"
    ).fetchall()

    assert [r[0] for r in rows] == [
        "ICD-10-CM Alphabetic Index (flattened)",
        "ICD-10-CM External Cause Index",
        "ICD-10-CM Table of Drugs and Chemicals",
        "ICD-10-CM Table of Neoplasms",
    ]
    assert {(r[1], r[2]) for r in rows} == {("FY2025", "2024-10-01")}
