"""The home page: a search box that works without JavaScript."""

from __future__ import annotations

from django.test import Client

from codedesk_web.conftest import FakeDesk


def test_it_shows_a_search_form_that_submits_to_the_results_page(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<form class="search" method="get" action="/search"' in page
    assert 'name="q"' in page


def test_autocomplete_is_our_own_static_script_and_no_inline_script(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/").content.decode()

    assert '<script src="/static/codedesk/autocomplete.js" defer></script>' in page
    assert "<script>" not in page
    assert 'data-suggest="/api/v1/search"' in page


def test_the_script_is_served(web: Client) -> None:
    response = web.get("/static/codedesk/autocomplete.js")
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    response.close()

    assert response.status_code == 200
    assert b"aria-activedescendant" in body


def test_the_home_page_carries_the_date_into_the_search_form(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/?date=2022-06-01").content.decode()

    assert '<input type="hidden" name="date" value="2022-06-01">' in page
