"""The OpenAPI docs page, in a real Chromium under the site's CSP."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_lists_the_endpoints(page: Any) -> None:
    page.goto("/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path")

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/codes/{system}/{code}" in [p.strip() for p in paths]
