"""Security headers, CSRF on every form, and no inline scripts (issue #5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

SITE = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(SITE.rglob("templates/**/*.html"))


@pytest.mark.django_db
def test_every_page_carries_the_content_security_policy(client: Client) -> None:
    response = client.get("/accounts/signin/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_no_template_has_an_inline_script(template: Path) -> None:
    text = template.read_text()

    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)
    handlers = re.findall(r"<[^>]+\son[a-z]+\s*=", text)
    assert not inline, f"{template}: inline <script>"
    assert not handlers, f"{template}: inline event handler"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.name)
def test_every_post_form_has_a_csrf_token(template: Path) -> None:
    text = template.read_text()

    forms = re.findall(
        r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", text, re.S | re.I
    )
    for body in forms:
        assert "{% csrf_token %}" in body, f"{template}: POST form without CSRF"


@pytest.mark.django_db
def test_a_post_without_the_csrf_token_is_refused() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/accounts/signin/", {"email": "coder@example.org", "password": "x"}
    )

    assert response.status_code == 403
