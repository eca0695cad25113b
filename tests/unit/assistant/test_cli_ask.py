"""``codedesk ask`` on the tiny database (values as in test_engine)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from codedesk.cli import main


def test_it_answers_with_json(tiny_db: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "ask",
            "Is E78.0 billable?",
            "--json",
            "--date",
            "2026-05-01",
            "--db",
            str(tiny_db),
        ],
    )

    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["kind"] == "billable"
    assert data["known"] is True
    assert data["codes"][0]["code"] == "E78.0"
    assert data["sources"][0]["code"] == "E78.0"


def test_it_prints_the_answer_and_numbered_sources(tiny_db: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "ask",
            "What is CPT code 99213?",
            "--date",
            "2026-05-01",
            "--db",
            str(tiny_db),
        ],
    )

    assert result.exit_code == 0
    assert "work RVU 1.30" in result.output
    assert "\nSources:\n[1] " in result.output


def test_an_empty_question_is_an_error_with_a_hint(tiny_db: Path) -> None:
    result = CliRunner().invoke(main, ["ask", " ", "--db", str(tiny_db)])

    assert result.exit_code == 1
    assert result.output == (
        "Error: The question is empty.\n\nAsk about a code, a modifier or a rule.\n"
    )
