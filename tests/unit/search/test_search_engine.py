"""Search on the tiny database of conftest.py.

Expected codes come from the fixture rows: tabular titles and inclusion
terms (April 2026 tabular) and index paths (FY2025 index extracts), each
named where it is used.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from codedesk import Desk, InputError
from codedesk._db import CORE_SCHEMA
from codedesk.search import search_codes
from codedesk.search._build import build_search
from codedesk.search._spelling import correct_word, edit_distance


def codes(desk: Desk, query: str, **options: object) -> list[str]:
    return [r.code for r in desk.search(query, **options)]  # type: ignore[arg-type]


def test_a_code_typed_without_its_dot_comes_first(search_desk: Desk) -> None:
    results = search_desk.search("k922")

    assert results[0].code == "K92.2"
    assert results[0].why == "code is K92.2"
    assert results[0].title == "Gastrointestinal hemorrhage, unspecified"


def test_a_code_prefix_lists_the_codes_under_it(search_desk: Desk) -> None:
    results = search_desk.search("I21")

    assert results[0].code == "I21"
    assert {r.code for r in results[1:]} == {"I21.9", "I21.A", "I21.A9", "I21.B"}
    assert results[1].why == "code starts with I21"


def test_a_mistyped_code_offers_the_codes_under_its_longest_known_part(
    search_desk: Desk,
) -> None:
    results = search_desk.search("I21.A7")

    assert sorted(r.code for r in results) == ["I21.A", "I21.A9"]
    assert {r.why for r in results} == {
        "code starts with I21.A (there is no code I21.A7)"
    }


def test_billable_only_keeps_billable_codes_under_a_prefix(search_desk: Desk) -> None:
    assert codes(search_desk, "I21", billable_only=True) == ["I21.9", "I21.B", "I21.A9"]


def test_lay_words_reach_the_code_through_a_see_reference(search_desk: Desk) -> None:
    # Index: Attack, attacks > heart, see infarct, myocardium → I21.9
    results = search_desk.search("heart attack", limit=5)

    assert results[0].code == "I21.9"
    assert "Index: Attack, attacks > heart (see infarct, myocardium) → I21.9" in (
        results[0].why
    )


def test_an_abbreviation_reaches_the_inclusion_term(search_desk: Desk) -> None:
    # I50.9 has the inclusion term "Congestive heart failure NOS".
    results = search_desk.search("CHF", limit=5)

    assert results[0].code == "I50.9"
    assert results[0].why == (
        "inclusion term 'Congestive heart failure NOS';"
        " 'CHF' means congestive heart failure"
    )


def test_a_misspelled_word_is_read_as_the_nearest_known_word(
    search_desk: Desk,
) -> None:
    # Index: Diabetes, diabetic (mellitus) (sugar) → E11.9
    results = search_desk.search("diabetis", limit=3)

    assert results[0].code == "E11.9"
    assert "read 'diabetis' as 'diabetes'" in results[0].why


def test_the_last_word_may_be_unfinished(search_desk: Desk) -> None:
    # Title of E11.9: Type 2 diabetes mellitus without complications
    assert "E11.9" in codes(search_desk, "diabetes mell")


def test_a_title_match_says_which_words_matched(search_desk: Desk) -> None:
    results = search_desk.search("syncope", limit=1)

    assert results[0].code == "R55"
    assert results[0].why.startswith("title has 'Syncope'")


def test_billable_only_drops_headers(search_desk: Desk) -> None:
    # T39.1X1 is a header: the drug table cell needs a seventh character.
    assert "T39.1X1" in codes(search_desk, "acetaminophen")
    assert "T39.1X1" not in codes(search_desk, "acetaminophen", billable_only=True)


def test_results_stay_in_the_system_asked_for(search_desk: Desk) -> None:
    assert codes(search_desk, "heart attack", system="hcpcs") == []


def test_a_code_not_valid_on_the_date_sinks(search_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "codes.sqlite3"
    shutil.copy(search_db, path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO span VALUES ('icd10cm', 'I21.A9', '2017-10-01', '2017-12-31',"
        " 0, 1, 'Other myocardial infarction type', 'test')"
    )

    found = {
        day: search_codes(
            conn,
            "myocardial infarction",
            system=None,
            date=day,
            limit=10,
            billable_only=False,
        )
        for day in (dt.date(2017, 11, 1), dt.date(2024, 1, 1))
    }

    before = [r.code for r in found[dt.date(2017, 11, 1)]]
    after = [r.code for r in found[dt.date(2024, 1, 1)]]
    ended = next(r for r in found[dt.date(2024, 1, 1)] if r.code == "I21.A9")
    assert before.index("I21.A9") < before.index("I21.B")
    assert after.index("I21.A9") > after.index("I21.B")
    assert ended.why.endswith("not valid on 2024-01-01")
    assert not ended.billable


@pytest.mark.parametrize(
    ("query", "limit", "message"),
    [
        ("  ", 20, "The search query is empty."),
        ("chf", 0, "The limit 0 is not between 1 and 500."),
        ("chf", 501, "The limit 501 is not between 1 and 500."),
    ],
)
def test_it_rejects_bad_input(
    search_desk: Desk, query: str, limit: int, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        search_desk.search(query, limit=limit)

    assert caught.value.message == message


def test_it_rejects_a_query_longer_than_a_paragraph(search_desk: Desk) -> None:
    with pytest.raises(InputError) as caught:
        search_desk.search("syncope " * 200)

    assert caught.value.message == (
        "The search query is 1,600 characters long; search reads at most 1,000."
    )


def test_a_long_sentence_is_read_up_to_its_fortieth_word(search_desk: Desk) -> None:
    assert "R55" not in codes(search_desk, "heart " * 45 + "syncope")
    assert "R55" in codes(search_desk, "syncope " + "heart " * 45)


def test_it_rejects_an_unknown_system(search_desk: Desk) -> None:
    with pytest.raises(InputError) as caught:
        search_desk.search("chf", system="icd9")

    assert caught.value.message == "'icd9' is not a code system."


def test_spelling_correction_needs_a_close_known_word(
    search_conn: sqlite3.Connection,
) -> None:
    assert correct_word(search_conn, "syncopy") == "syncope"
    assert correct_word(search_conn, "xyzzyq") is None
    assert correct_word(search_conn, "hrt") is None


def test_edit_distance_counts_a_swap_as_one_edit() -> None:
    assert edit_distance("hemorrhage", "hemorrahge", 2) == 1
    assert edit_distance("pnemonia", "pneumonia", 2) == 1
    assert edit_distance("abc", "xyz", 1) == 2


def test_rebuilding_the_search_tables_replaces_their_rows(
    search_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "codes.sqlite3"
    shutil.copy(search_db, path)
    conn = sqlite3.connect(path, isolation_level=None)
    (before,) = conn.execute("SELECT count(*) FROM search_doc").fetchone()

    conn.execute("BEGIN")
    build_search(conn)
    conn.execute("COMMIT")

    (after,) = conn.execute("SELECT count(*) FROM search_doc").fetchone()
    assert after == before
    assert Desk(path).search("k922")[0].code == "K92.2"


def test_the_search_tables_can_be_built_in_a_database_without_them(
    tmp_path: Path,
) -> None:
    conn = sqlite3.connect(tmp_path / "codes.sqlite3", isolation_level=None)
    conn.executescript(CORE_SCHEMA)
    conn.execute(
        "INSERT INTO code (system, code, kind, title, billable)"
        " VALUES ('icd10cm', 'R55', 'code', 'Syncope and collapse', 1)"
    )

    conn.execute("BEGIN")
    build_search(conn)
    conn.execute("COMMIT")

    assert conn.execute("SELECT code FROM search_doc").fetchall() == [("R55",)]


@pytest.mark.parametrize("query", ["K92.2 E11.9", "k922, e119", "K92.2;E11.9"])
def test_a_list_of_codes_returns_those_codes_first_in_the_order_typed(
    search_desk: Desk, query: str
) -> None:
    # Issue #2: "I21.9 I10" returned word matches for "i21", "9" and "i10".
    results = search_desk.search(query)

    assert [r.code for r in results[:2]] == ["K92.2", "E11.9"]
    assert [r.why for r in results[:2]] == ["code is K92.2", "code is E11.9"]


def test_a_list_of_codes_follows_the_order_typed_not_the_code_order(
    search_desk: Desk,
) -> None:
    assert codes(search_desk, "r55 i219 k922")[:3] == ["R55", "I21.9", "K92.2"]


def test_full_width_and_zero_width_characters_read_as_plain_text(
    search_desk: Desk,
) -> None:
    # Issue #2: NFKC turns full-width letters into plain ones; a zero-width
    # space pasted inside a word or code does not split it.
    assert codes(search_desk, "ｋ９２．２")[0] == "K92.2"
    assert codes(search_desk, "K92\u200b.2")[0] == "K92.2"
    assert codes(search_desk, "sync\u200bope")[0] == "R55"


def test_zero_width_characters_do_not_count_toward_the_query_limit(
    search_desk: Desk,
) -> None:
    assert codes(search_desk, "syncope" + "\u200b" * 1000)[0] == "R55"
