"""The search results page, on the fake desk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.conftest import FakeDesk


def test_it_lists_results_with_why_and_badges(web: Client, fake_desk: FakeDesk) -> None:
    response = web.get("/search", {"q": "heart attack"})

    page = response.content.decode()
    assert response.status_code == 200
    assert '<a class="code" href="/codes/icd10cm/I21.9">I21.9</a>' in page
    assert '<span class="badge system">ICD-10-CM</span>' in page
    assert '<span class="badge billable">Billable</span>' in page
    assert '<span class="badge header">Not billable</span>' in page
    assert '<span class="why">synonym: heart attack</span>' in page


def test_it_passes_system_date_and_billable_only_to_the_search(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get(
        "/search",
        {
            "q": "heart attack",
            "system": "ICD-10-CM",
            "date": "2022-06-01",
            "billable_only": "1",
        },
    ).content.decode()

    assert fake_desk.calls[-1] == ("heart attack", "icd10cm", dt.date(2022, 6, 1))
    assert "1 result for" in page
    assert 'href="/codes/icd10cm/I21.9?date=2022-06-01"' in page


def test_an_empty_query_shows_the_form_only(web: Client, fake_desk: FakeDesk) -> None:
    response = web.get("/search")

    assert response.status_code == 200
    assert fake_desk.calls == []


def test_a_bad_system_is_a_400_naming_it(web: Client, fake_desk: FakeDesk) -> None:
    response = web.get("/search", {"q": "heart attack", "system": "icd9"})

    assert response.status_code == 400
    assert "&#x27;icd9&#x27; is not a code system." in response.content.decode()


def test_nothing_found_says_so(web: Client, fake_desk: FakeDesk) -> None:
    page = web.get("/search", {"q": "zzzz"}).content.decode()

    assert "Nothing matched." in page


def test_a_query_longer_than_500_characters_is_a_400(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/search", {"q": "heart " * 100})

    assert response.status_code == 400
    assert "The query is 599 characters long" in response.content.decode()
    assert fake_desk.calls == []


def test_no_code_database_is_a_503_saying_how_to_build_one(
    web: Client, settings: Settings, tmp_path: Path
) -> None:
    settings.CODEDESK_DB = str(tmp_path / "none.sqlite3")

    response = web.get("/search", {"q": "heart attack"})

    assert response.status_code == 503
    assert "codedesk data build" in response.content.decode()
