"""``/healthz`` checks the code database and the site database (issue #5)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.fixtures import Settings


@pytest.fixture
def code_db(tmp_path: Path, settings: Settings) -> Path:
    path = tmp_path / "codes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE release (id INTEGER PRIMARY KEY)")
    conn.close()
    settings.CODEDESK_DB = str(path)
    settings.REDIS_URL = ""
    return path


@pytest.mark.django_db
def test_it_answers_ok_when_both_databases_answer(
    client: Client, code_db: Path
) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "code_database": "ok",
            "site_database": "ok",
            "redis": "not configured",
        },
    }
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_it_fails_without_a_code_database(
    client: Client, settings: Settings, tmp_path: Path
) -> None:
    settings.CODEDESK_DB = str(tmp_path / "missing.sqlite3")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["code_database"] == (
        f"No code database at {tmp_path / 'missing.sqlite3'}."
    )


@pytest.mark.django_db
def test_it_fails_when_redis_does_not_answer(
    client: Client, code_db: Path, settings: Settings
) -> None:
    # Port 9 on loopback (discard) has no Redis: the connection is refused.
    settings.REDIS_URL = "redis://127.0.0.1:9/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert (
        response.json()["checks"]["redis"] == "Redis does not answer: ConnectionError"
    )


def test_it_takes_only_get(client: Client) -> None:
    assert client.post("/healthz").status_code == 405
