"""``POST /api/v1/ask`` on the tiny database of the assistant's tests.

E78.0 is a header in the CDC April 2026 Tabular List extract.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.assistant.tests.scripted_llm import ScriptedServer, Turn
from codedesk_web.assistant.tests.tiny import build_tiny_db


@pytest.fixture(scope="module")
def tiny_api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_db(tmp_path_factory.mktemp("ask-api-data"))


@pytest.fixture
def api(db: None, settings: Settings, tiny_api_db: Path) -> Client:
    settings.CODEDESK_DB = str(tiny_api_db)
    settings.CODEDESK_LLM_URL = ""
    return Client()


def post(client: Client, body: dict[str, str]) -> tuple[int, dict[str, object]]:
    response = client.post("/api/v1/ask", body, content_type="application/json")
    return response.status_code, response.json()


def test_it_answers_like_the_cli(api: Client) -> None:
    status, data = post(api, {"question": "Is E78.0 billable?", "date": "2026-05-01"})

    assert status == 200
    assert data["kind"] == "billable" and data["known"] is True
    assert str(data["text"]).startswith("- E78.0 (ICD-10-CM) is a header")
    assert data["date"] == "2026-05-01"


def test_an_empty_question_is_a_400_with_a_message(api: Client) -> None:
    status, data = post(api, {"question": ""})

    assert status == 400
    assert data["error"] == "The question is empty."


def test_past_the_limit_it_is_a_429_with_a_message(
    api: Client, settings: Settings
) -> None:
    settings.ASSISTANT_GUEST_PER_HOUR = 1
    post(api, {"question": "Is E78.0 billable?"})

    status, data = post(api, {"question": "Is E78.0 billable?"})

    assert status == 429
    assert "the limit is 1" in str(data["error"])


def test_with_a_model_configured_the_api_uses_it_and_guards_it(
    api: Client, settings: Settings
) -> None:
    # E78.00 is billable in the CDC April 2026 tabular; E78.02 does not exist.
    script = [
        Turn(tool_calls=(("lookup_code", {"code": "E78.0"}),)),
        Turn(content="Use E78.00, not E78.02."),
    ]
    with ScriptedServer(script) as server:
        settings.CODEDESK_LLM_URL = server.url
        status, data = post(api, {"question": "Is E78.0 billable?"})

    assert status == 200
    assert data["engine"] == "model"
    assert "E78.02" not in str(data["text"])
    assert data["flags"] == ["Removed E78.02: it is not a code in the code database."]
