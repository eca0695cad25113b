"""The search box's autocomplete and the date picker, in a real Chromium.

The page runs under the site's Content-Security-Policy: the harness fails
the test if the policy blocked anything, so this also checks that the
autocomplete needs no inline script.
"""

from __future__ import annotations

from typing import Any

import pytest

from codedesk_web.conftest import FakeDesk

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_lists_codes_and_enter_opens_the_chosen_one(
    page: Any, fake_desk: FakeDesk
) -> None:
    page.goto("/")
    page.fill("#q", "heart attack")
    page.wait_for_selector("#q-suggestions li")

    first = page.inner_text("#q-suggestions li")
    page.press("#q", "ArrowDown")
    page.press("#q", "Enter")
    page.wait_for_url("**/codes/icd10cm/I21.9")

    assert first.startswith("I21.9")
    assert "Acute myocardial infarction, unspecified" in page.inner_text("h1")


def test_the_search_form_works_on_its_own(page: Any, fake_desk: FakeDesk) -> None:
    page.goto("/")
    page.fill("#q", "heart attack")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.hits")

    assert "I21.9" in page.inner_text("ol.hits")


def test_the_date_picker_changes_the_date_of_service(
    page: Any, fake_desk: FakeDesk
) -> None:
    page.goto("/codes/icd10cm/I21.9")
    page.fill("#dos-date", "2022-06-01")
    page.click("form.dos button[type=submit]")
    page.wait_for_url("**/codes/icd10cm/I21.9?date=2022-06-01")

    assert "on 2022-06-01" in page.inner_text(".summary")
