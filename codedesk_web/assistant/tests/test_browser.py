"""The chat in a real Chromium: the answer streams in, steps and sources show.

The page runs under the site's Content-Security-Policy (the harness fails
the test if the policy blocked anything), so this also checks that the chat
needs no inline script. E78.0 is a header in the CDC April 2026 Tabular List
extract the tiny database holds.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_answer_streams_in_with_its_steps_and_linked_sources(
    page: Any, site: Client
) -> None:
    page.goto("/assistant/")
    page.fill("#question", "Is E78.0 billable?")
    page.fill("#ask-date", "2026-05-01")
    page.click("#ask-form button[type=submit]")
    page.wait_for_selector('#live-sources a[href="/codes/icd10cm/E78.0"]')

    assert "lookup_code" in page.inner_text("#live-steps")
    assert "E78.0 (ICD-10-CM) is a header" in page.inner_text("#live-text")
    assert page.locator('#live-text a[href="/codes/icd10cm/E78.00"]').count() >= 1
    page.goto("/assistant/")
    assert "Is E78.0 billable?" in page.inner_text("aside.conversations")
