"""``GET /api/v1/search``, on the fake desk."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from codedesk_web.conftest import FakeDesk


def test_it_returns_ranked_results_with_why(
    client: Client, fake_desk: FakeDesk
) -> None:
    response = client.get("/api/v1/search", {"q": "heart attack", "limit": "5"})

    body = response.json()
    assert response.status_code == 200
    assert body["query"] == "heart attack"
    assert body["results"][0]["code"] == "I21.9"
    assert body["results"][0]["why"] == "synonym: heart attack"


def test_it_passes_the_filters_on(client: Client, fake_desk: FakeDesk) -> None:
    body = client.get(
        "/api/v1/search",
        {
            "q": "heart attack",
            "system": "cm",
            "date": "2022-06-01",
            "billable_only": "true",
        },
    ).json()

    assert fake_desk.calls[-1] == ("heart attack", "icd10cm", dt.date(2022, 6, 1))
    assert body["system"] == "icd10cm"
    assert [hit["code"] for hit in body["results"]] == ["I21.9"]


def test_an_empty_query_is_a_400(client: Client, fake_desk: FakeDesk) -> None:
    response = client.get("/api/v1/search")

    assert response.status_code == 400
    assert response.json()["error"] == "The query is empty."


def test_a_bad_limit_is_a_400_naming_it(client: Client, fake_desk: FakeDesk) -> None:
    response = client.get("/api/v1/search", {"q": "heart attack", "limit": "5000"})

    assert response.status_code == 400
    assert response.json() == {
        "error": "'5000' is not a usable limit.",
        "hint": "Give a whole number from 1 to 100.",
        "suggestions": [],
    }


def test_a_limit_that_is_not_a_number_is_a_400_naming_it(
    client: Client, fake_desk: FakeDesk
) -> None:
    response = client.get("/api/v1/search", {"q": "heart attack", "limit": "ten"})

    assert response.status_code == 400
    assert response.json()["error"].startswith("Bad request: limit 'ten': ")


def test_a_query_longer_than_500_characters_is_a_400(
    client: Client, fake_desk: FakeDesk
) -> None:
    response = client.get("/api/v1/search", {"q": "heart " * 100})

    assert response.status_code == 400
    assert response.json()["error"] == (
        "The query is 599 characters long; the most is 500."
    )
    assert fake_desk.calls == []
