"""``codedesk search`` on the tiny database of conftest.py."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from codedesk.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["search", *args])
    return result.exit_code, result.stdout, result.stderr


def test_it_prints_numbered_results_with_why(search_db: Path) -> None:
    status, out, _ = run("k922", "--db", str(search_db))

    assert status == 0
    assert out.splitlines()[:2] == [
        "  1. K92.2     ICD-10-CM  billable  Gastrointestinal hemorrhage, unspecified",
        "               code is K92.2",
    ]


def test_it_prints_json(search_db: Path) -> None:
    status, out, _ = run("CHF", "--json", "--limit", "1", "--db", str(search_db))

    document = json.loads(out)
    assert status == 0
    assert document["query"] == "CHF"
    assert document["results"][0]["code"] == "I50.9"
    assert set(document["results"][0]) == {
        "system",
        "code",
        "title",
        "billable",
        "score",
        "why",
    }


def test_a_batch_gives_one_json_line_per_query(search_db: Path, tmp_path: Path) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("k922\n\nheart attack\n", encoding="utf-8")

    status, out, _ = run("--batch", str(batch), "--limit", "2", "--db", str(search_db))

    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert [line["query"] for line in lines] == ["k922", "heart attack"]
    assert lines[0]["results"][0]["code"] == "K92.2"
    assert lines[1]["results"][0]["code"] == "I21.9"


def test_a_bad_batch_line_gets_an_error_and_the_batch_goes_on(
    search_db: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "queries.txt"
    batch.write_text("x" * 1001 + "\nk922\n", encoding="utf-8")

    status, out, _ = run("--batch", str(batch), "--limit", "1", "--db", str(search_db))

    first, second = (json.loads(line) for line in out.splitlines())
    assert status == 0
    assert first["error"] == (
        "The search query is 1,001 characters long; search reads at most 1,000."
    )
    assert second["results"][0]["code"] == "K92.2"


def test_it_says_when_nothing_matches(search_db: Path) -> None:
    status, out, _ = run("qqqqqq", "--db", str(search_db))

    assert status == 0
    assert out == "No codes match 'qqqqqq'.\n"


def test_an_empty_query_is_an_error(search_db: Path) -> None:
    status, _, err = run("", "--db", str(search_db))

    assert status == 1
    assert err == (
        "Error: The search query is empty.\n\n"
        "Type a code, a code prefix or words, e.g. 'K92.2' or 'heart attack'.\n"
    )


def test_a_limit_of_zero_is_an_error(search_db: Path) -> None:
    status, _, err = run("chf", "--limit", "0", "--db", str(search_db))

    assert status == 1
    assert err.startswith("Error: The limit 0 is not between 1 and 500.\n")


def test_a_missing_batch_file_is_an_error(search_db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "none.txt"

    status, _, err = run("--batch", str(missing), "--db", str(search_db))

    assert status == 1
    assert err == (
        f"Error: The batch file '{missing}' does not exist.\n\n"
        "Give a text file with one query per line.\n"
    )


def test_a_query_and_a_batch_together_are_an_error(search_db: Path) -> None:
    status, _, err = run("chf", "--batch", "-", "--db", str(search_db))

    assert status == 1
    assert err.startswith("Error: Give a query or --batch FILE, not both.\n")
