"""The README's steps for accounts work as written (#5)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from .conftest import PASSWORD

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_commands(name: str) -> list[list[str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    return [
        shlex.split(line, comments=True)
        for line in lines
        if line.startswith(".venv/bin/python manage.py " + name)
    ]


@pytest.mark.django_db
def test_a_staff_account_made_as_the_readme_shows_signs_in(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands = readme_commands("createsuperuser")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)

    call_command(*commands[0][2:], "--noinput")
    response = client.post(
        "/accounts/signin/", {"email": "you@example.org", "password": PASSWORD}
    )

    assert len(commands) == 2
    assert commands[0] == commands[1]
    assert response.status_code == 302


def test_the_readme_says_where_development_mail_goes_and_how_to_send_it() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())

    assert "printed on the console of the server process" in text
    assert "To send real mail, set `EMAIL_HOST`" in text
