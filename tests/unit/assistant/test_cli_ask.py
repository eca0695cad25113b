"""``codedesk ask`` on the tiny database (values as in test_engine)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from codedesk.assistant._guard import REMOVED
from codedesk.cli import main
from codedesk_web.assistant.tests.scripted_llm import ScriptedServer, Turn


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


def test_with_a_model_configured_the_cli_uses_it_and_guards_it(tiny_db: Path) -> None:
    # E78.00 is billable in the CDC April 2026 tabular; E78.02 does not exist.
    script = [
        Turn(tool_calls=(("lookup_code", {"code": "E78.0"}),)),
        Turn(content="Use E78.00, not E78.02."),
    ]
    with ScriptedServer(script) as server:
        result = CliRunner().invoke(
            main,
            ["ask", "Is E78.0 billable?", "--json", "--db", str(tiny_db)],
            env={"CODEDESK_LLM_URL": server.url, "CODEDESK_LLM_MODEL": "scripted"},
        )

    data = json.loads(result.output)
    assert data["engine"] == "model"
    assert data["text"] == f"Use E78.00, not {REMOVED}."
    assert data["flags"] == ["Removed E78.02: it is not a code in the code database."]
