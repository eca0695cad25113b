"""Settings read from the environment, strict once DEBUG is off (issue #5)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from typing import Any

import pytest
from django.core.checks import Error
from pytest_django.fixtures import Settings

from codedesk_web.lib import checks
from codedesk_web.lib.jsonlog import JsonFormatter

READ = (
    "import json; from codedesk_web import settings as s; print(json.dumps({"
    "'session': s.SESSION_COOKIE_SECURE, 'csrf': s.CSRF_COOKIE_SECURE, "
    "'hsts': s.SECURE_HSTS_SECONDS, 'redirect': s.SECURE_SSL_REDIRECT, "
    "'log': s.LOG_FORMAT, 'email': s.EMAIL_BACKEND, "
    "'db': s.DATABASES['default']['ENGINE']}))"
)


def read_settings(**environ: str) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "EMAIL_HOST")
    }
    return subprocess.run(
        [sys.executable, "-c", READ],
        env={**clean, **environ},
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_debug_a_secret_key_is_required() -> None:
    result = read_settings(DEBUG="0")

    assert result.returncode == 1
    assert "SECRET_KEY is not set and DEBUG is off" in result.stderr


def test_without_debug_cookies_are_https_only_and_hsts_is_on() -> None:
    result = read_settings(DEBUG="0", SECRET_KEY="k" * 50)

    values: dict[str, Any] = json.loads(result.stdout)
    assert values["session"] is True
    assert values["csrf"] is True
    assert values["hsts"] == 31536000
    assert values["redirect"] is True
    assert values["log"] == "json"


def test_a_laptop_runs_on_sqlite_with_mail_on_the_console() -> None:
    values = json.loads(read_settings().stdout)

    assert values["db"] == "django.db.backends.sqlite3"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    assert values["session"] is False


def test_database_url_and_email_host_switch_to_postgres_and_smtp() -> None:
    result = read_settings(
        DATABASE_URL="postgres://app@db.internal:5432/codedesk",
        EMAIL_HOST="smtp.internal",
    )

    values = json.loads(result.stdout)
    assert values["db"] == "django.db.backends.postgresql"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_a_bad_flag_names_the_variable() -> None:
    result = read_settings(DEBUG="maybe")

    assert "DEBUG is 'maybe'; use one of 1, true, yes, on, 0, false, no, off." in (
        result.stderr
    )


def test_the_development_key_fails_the_check_without_debug(
    settings: Settings,
) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = checks.DEV_KEY

    found = checks.check_secret_key()

    assert [message.id for message in found] == ["codedesk.E001"]
    assert isinstance(found[0], Error)
    assert "docs/environment.md#secret_key" in str(found[0].hint)


def test_a_bad_redis_url_fails_the_check(settings: Settings) -> None:
    settings.REDIS_URL = "http://127.0.0.1:6379"

    found = checks.check_redis_url()

    assert found[0].id == "codedesk.E003"
    assert found[0].msg == "REDIS_URL has scheme 'http'."


def test_a_missing_code_database_warns(settings: Settings, tmp_path: Any) -> None:
    settings.CODEDESK_DB = str(tmp_path / "none.sqlite3")

    found = checks.check_code_database()

    assert found[0].id == "codedesk.W001"
    assert "codedesk data build" in str(found[0].hint)


def test_a_wildcard_host_fails_without_debug(settings: Settings) -> None:
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]

    assert [message.id for message in checks.check_allowed_hosts()] == ["codedesk.E002"]


@pytest.mark.parametrize("level", [logging.INFO, logging.ERROR])
def test_logs_are_one_json_object_a_line(level: int) -> None:
    record = logging.LogRecord(
        "codedesk_web.accounts", level, __file__, 1, "sent %s mail", ("confirm",), None
    )
    record.user_id = 7

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "sent confirm mail"
    assert entry["logger"] == "codedesk_web.accounts"
    assert entry["level"] == logging.getLevelName(level)
    assert entry["user_id"] == 7
    assert "\n" not in JsonFormatter().format(record)
