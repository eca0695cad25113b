"""``GET /api/v1/codes/{system}/{code}``, on the fake desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.conftest import FakeDesk


def test_it_answers_the_lookup_as_json(client: Client, fake_desk: FakeDesk) -> None:
    response = client.get("/api/v1/codes/icd10cm/i219")

    body = response.json()
    assert response.status_code == 200
    assert body["system"] == "icd10cm"
    assert body["code"] == "I21.9"
    assert body["title"] == "Acute myocardial infarction, unspecified"
    assert body["billable"] is True
    assert body["status"] == "valid"
    assert body["notes"]["excludes2"][0]["source_code"] == "I21"
    assert body["parents"][0]["code"] == "I21"
    assert body["summary"].startswith("I21.9 is a billable ICD-10-CM code")


def test_it_answers_for_the_date_given(client: Client, fake_desk: FakeDesk) -> None:
    body = client.get("/api/v1/codes/icd10cm/G35?date=2022-06-01").json()

    assert fake_desk.calls[-1] == ("G35", "icd10cm", dt.date(2022, 6, 1))
    assert body["valid_to"] == "2025-09-30"
    assert [ref["code"] for ref in body["replaced_by"]] == ["G35.A", "G35.D"]


def test_it_carries_seventh_characters_and_facts(
    client: Client, fake_desk: FakeDesk
) -> None:
    seventh = client.get("/api/v1/codes/icd10cm/S72.001A").json()
    hcpcs = client.get("/api/v1/codes/hcpcs/J3301").json()

    assert seventh["seventh_characters"][0] == {
        "character": "A",
        "meaning": "initial encounter for closed fracture",
        "source_code": "S72",
    }
    assert {"group": "OPPS", "value": "N"}.items() <= hcpcs["facts"][3].items()


def test_an_unknown_code_is_a_404_with_suggestions(
    client: Client, fake_desk: FakeDesk
) -> None:
    response = client.get("/api/v1/codes/icd10cm/W21.89A")

    assert response.status_code == 404
    assert response.json() == {
        "error": "W21.89A is not an ICD-10-CM code.",
        "hint": "Check the characters after the dot.",
        "suggestions": ["W21.89XA"],
    }


def test_a_bad_date_is_a_400_with_a_body(client: Client, fake_desk: FakeDesk) -> None:
    response = client.get("/api/v1/codes/icd10cm/I21.9?date=yesterday")

    assert response.status_code == 400
    assert response.json()["error"] == "'yesterday' is not a date."


def test_a_bad_system_is_a_400_with_a_body(client: Client, fake_desk: FakeDesk) -> None:
    response = client.get("/api/v1/codes/icd9/250.00")

    assert response.status_code == 400
    assert response.json()["error"] == "'icd9' is not a code system."


def test_no_code_database_is_a_503(
    client: Client, settings: Settings, tmp_path: Path, db: None
) -> None:
    settings.CODEDESK_DB = str(tmp_path / "none.sqlite3")

    response = client.get("/api/v1/codes/icd10cm/I21.9")

    assert response.status_code == 503
    assert response.json()["hint"] == (
        "Build one with: codedesk data build (or set CODEDESK_DB to the file of an "
        "existing build)"
    )


def test_the_openapi_docs_are_served(client: Client) -> None:
    docs = client.get("/api/v1/docs")
    schema = client.get("/api/v1/openapi.json").json()

    assert docs.status_code == 200
    assert "/api/v1/codes/{system}/{code}" in schema["paths"]
    assert "/api/v1/search" in schema["paths"]
