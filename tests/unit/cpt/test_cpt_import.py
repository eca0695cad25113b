"""``data import-cpt``: licensed descriptors, checked first, written atomically.

The descriptor file is invented text (tests/fixtures/cpt_licensed_invented.tsv,
"TEST DESCRIPTOR ALPHA"...), clearly not the AMA's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from codedesk import InputError, cpt
from codedesk.cli import main
from codedesk.cpt import import_cpt_file, read_licensed_file
from codedesk.releases import Sources, build_database

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
INVENTED = FIXTURES / "cpt_licensed_invented.tsv"
HEADER = "code\tshort\tmedium\tlong\tvalid_from\tvalid_to\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "var" / "codes.sqlite3"
    build_database(path, Sources(data_dir=FIXTURES / "systems"), cpt.SYSTEM.loaders)
    return path


def write(tmp_path: Path, body: str, name: str = "cpt.tsv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body)
    return path


def query(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_an_import_fills_titles_text_and_terms(db: Path) -> None:
    report = import_cpt_file(db, INVENTED)

    assert report.rows == 3
    assert query(db, "SELECT title, short_title FROM code WHERE code = '99213'") == [
        ("TEST DESCRIPTOR ALPHA", "TEST SHORT ALPHA")
    ]
    assert query(
        db, "SELECT medium, valid_from FROM licensed_text WHERE code = '99213'"
    ) == [("TEST MEDIUM ALPHA", "2025-01-01")]
    assert query(db, "SELECT text FROM term WHERE code = '01967' ORDER BY text") == [
        ("TEST DESCRIPTOR BRAVO",),
        ("TEST SHORT BRAVO",),
    ]


def test_a_code_the_build_lacked_is_added(db: Path) -> None:
    import_cpt_file(db, INVENTED)

    assert query(db, "SELECT title FROM code WHERE code = '0999T'") == [
        ("TEST SHORT CHARLIE",)
    ]


def test_the_next_build_imports_the_kept_copy_again(db: Path) -> None:
    report = import_cpt_file(db, INVENTED)

    build_database(db, Sources(data_dir=FIXTURES / "systems"), cpt.SYSTEM.loaders)

    assert report.kept_copy == db.parent / "licensed" / "cpt-descriptors.txt"
    assert query(db, "SELECT title FROM code WHERE code = '99213'") == [
        ("TEST DESCRIPTOR ALPHA",)
    ]


def test_a_bad_file_changes_nothing(db: Path, tmp_path: Path) -> None:
    before = db.read_bytes()
    bad = write(tmp_path, "99213\tTEST A\t\t\t\t\n9921\tTEST B\t\t\t\t\n")

    with pytest.raises(InputError):
        import_cpt_file(db, bad)

    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["codes.sqlite3"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("9921\tTEST\t\t\t\t\n", "cpt.tsv line 2: '9921' is not a CPT code."),
        (
            "99213\tTEST\t\t\t2025-13-01\t\n",
            "cpt.tsv line 2: valid_from '2025-13-01' is not a YYYY-MM-DD date.",
        ),
        (
            "99213\tTEST\t\t\t\t\n99213\tTEST\t\t\t\t\n",
            "cpt.tsv line 3: 99213 repeats line 2.",
        ),
        ("99213\t\t\t\t\t\n", "cpt.tsv line 2: 99213 has no descriptor."),
        (
            "99213\tTEST\t\t\t2025-02-01\t2025-01-01\n",
            "cpt.tsv line 2: 99213 ends (2025-01-01) before it starts (2025-02-01).",
        ),
        (
            "9921\tTEST\t\t\t\t\n99213\tTEST\t\t\t\t\n992\tTEST\t\t\t\t\n",
            "cpt.tsv has 2 bad rows:\n"
            "line 2: '9921' is not a CPT code.\n"
            "line 4: '992' is not a CPT code.",
        ),
    ],
)
def test_a_bad_row_is_named(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_licensed_file(write(tmp_path, body))

    assert caught.value.message == message
    assert (
        caught.value.hint == "Nothing was imported. Fix the file and import it again."
    )


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cpt.csv"
    path.write_text("code,short,long\n99213,TEST,TEST\n")

    with pytest.raises(InputError) as caught:
        read_licensed_file(path)

    assert caught.value.message == (
        "cpt.csv lacks the columns medium, valid_from, valid_to; its first row"
        " names 'code', 'short', 'long'."
    )
    assert caught.value.hint == (
        "Make the first row this header (tab- or comma-separated):\n"
        "code,short,medium,long,valid_from,valid_to"
    )


def test_every_bad_row_is_listed_up_to_fifty_with_a_count_of_the_rest(
    tmp_path: Path,
) -> None:
    body = "".join(f"{n:04d}\tTEST\t\t\t\t\n" for n in range(53))

    with pytest.raises(InputError) as caught:
        read_licensed_file(write(tmp_path, body))

    lines = caught.value.message.split("\n")
    assert lines[0] == "cpt.tsv has 53 bad rows:"
    assert lines[1] == "line 2: '0000' is not a CPT code."
    assert lines[50] == "line 51: '0049' is not a CPT code."
    assert lines[51:] == ["… and 3 more bad rows."]


def test_the_cli_names_missing_columns_and_the_header_ending_with_a_newline(
    db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "cpt.csv"
    path.write_text("code,short,long\n99213,TEST,TEST\n")

    result = CliRunner().invoke(
        main, ["data", "import-cpt", str(path), "--db", str(db)]
    )

    assert result.exit_code == 1
    assert result.output == (
        "Error: cpt.csv lacks the columns medium, valid_from, valid_to; its first"
        " row names 'code', 'short', 'long'.\n\n"
        "Make the first row this header (tab- or comma-separated):\n"
        "code,short,medium,long,valid_from,valid_to\n"
    )


def test_the_cli_lists_every_bad_line(db: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "99213\tTEST\t\t\t\t\n2988\tTEST\t\t\t\t\n\tTEST\t\t\t\t\n")

    result = CliRunner().invoke(main, ["data", "import-cpt", str(bad), "--db", str(db)])

    assert result.exit_code == 1
    assert result.output == (
        "Error: cpt.tsv has 2 bad rows:\n"
        "line 3: '2988' is not a CPT code.\n"
        "line 4: '' is not a CPT code.\n\n"
        "Nothing was imported. Fix the file and import it again.\n"
    )


def test_a_comma_separated_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cpt.csv"
    path.write_text(
        'CODE,Short,Medium,Long,Valid_From,Valid_To\n01967,"TEST, SHORT",,TEST LONG,,\n'
    )

    rows = read_licensed_file(path)

    assert [(r.code, r.short, r.title) for r in rows] == [
        ("01967", "TEST, SHORT", "TEST LONG")
    ]


def test_the_cli_reports_the_import(db: Path) -> None:
    result = CliRunner().invoke(
        main, ["data", "import-cpt", str(INVENTED), "--db", str(db)]
    )

    kept = db.parent / "licensed" / "cpt-descriptors.txt"
    assert result.exit_code == 0
    assert result.output == (
        f"Imported 3 CPT descriptors into {db}.\n"
        f"Kept a copy at {kept} for the next build.\n"
    )


def test_the_cli_names_a_bad_line_without_a_traceback(db: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "9921\tTEST\t\t\t\t\n")

    result = CliRunner().invoke(main, ["data", "import-cpt", str(bad), "--db", str(db)])

    assert result.exit_code == 1
    assert result.output == (
        "Error: cpt.tsv line 2: '9921' is not a CPT code.\n\n"
        "Nothing was imported. Fix the file and import it again.\n"
    )


def test_a_copy_of_the_database_is_untouched_by_a_failed_write(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db.read_bytes()

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("codedesk.cpt._licensed.write_licensed", fail)
    with pytest.raises(RuntimeError):
        import_cpt_file(db, INVENTED)

    assert db.read_bytes() == before
    assert not (db.parent / "licensed" / "cpt-descriptors.txt").exists()


def test_the_search_index_finds_the_imported_words(tmp_path: Path) -> None:
    from codedesk import Desk
    from codedesk.search import LOADERS as SEARCH_LOADERS

    db = tmp_path / "codes.sqlite3"
    loaders = [*cpt.SYSTEM.loaders, *SEARCH_LOADERS]
    build_database(db, Sources(data_dir=FIXTURES / "systems"), loaders)

    import_cpt_file(db, INVENTED)

    found = Desk(db).search("descriptor alpha", system="cpt")
    assert [r.code for r in found][:1] == ["99213"]
