"""Fixtures for every test in the repository: the browser-test harness.

Every test also gets its own prefix for Redis keys (``RATELIMIT_KEY_PREFIX``),
so counters never leak from one test, or one run, into another.

Browser tests (marked ``browser``) drive the system Chromium through
Playwright against pytest-django's ``live_server``. Playwright never
downloads a browser: it launches ``CODEDESK_CHROMIUM`` (default
/usr/bin/chromium) with a new, empty profile for each test. Use ``page`` in a
test; relative URLs go to the live server, and a test fails if the
Content-Security-Policy blocked anything on its pages.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

CHROMIUM = Path(os.environ.get("CODEDESK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def separate_redis_keys(settings: Settings) -> None:
    """Give each test its own Redis key space: CI shares one Redis server."""
    settings.RATELIMIT_KEY_PREFIX = f"test:{uuid.uuid4().hex}:"


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    """A running Playwright driver, once per test run."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}; set CODEDESK_CHROMIUM")
    os.environ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1"
    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # tests make between page actions are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def page(playwright_driver: Any, live_server: Any) -> Iterator[Any]:
    """A Chromium page with a fresh profile, based at the live server's URL."""
    with tempfile.TemporaryDirectory(prefix="codedesk-chromium-") as profile:
        context = playwright_driver.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            base_url=live_server.url,
        )
        context.set_default_timeout(10_000)
        page = context.pages[0] if context.pages else context.new_page()
        blocked: list[str] = []
        page.on("console", lambda message: _note_csp(message, blocked))
        try:
            yield page
        finally:
            context.close()
        if blocked:
            pytest.fail("the Content-Security-Policy blocked: " + "; ".join(blocked))


def _note_csp(message: Any, blocked: list[str]) -> None:
    # Chromium reports what the policy refused as a console error.
    if message.type == "error" and "Content Security Policy" in message.text:
        blocked.append(message.text)
