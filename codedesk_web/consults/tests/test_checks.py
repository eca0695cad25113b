from __future__ import annotations

from pathlib import Path

from pytest_django.fixtures import Settings

from codedesk_web import settings as defaults
from codedesk_web.consults import checks


def test_the_default_settings_pass(settings: Settings) -> None:
    settings.CONSULT_DESK_ADDRESS = defaults.CONSULT_DESK_ADDRESS

    found = checks.check_desk_address() + checks.check_limits()

    assert found + checks.check_resume_dir() == []


def test_a_desk_address_with_a_line_break_is_an_error(settings: Settings) -> None:
    settings.CONSULT_DESK_ADDRESS = "desk@example.org\r\nBcc: x@example.org"

    (error,) = checks.check_desk_address()

    assert error.id == "consults.E001"
    assert "is not a mail address" in error.msg


def test_a_limit_of_zero_is_named(settings: Settings) -> None:
    settings.CONSULT_ATTACHMENT_MAX_COUNT = 0

    (error,) = checks.check_limits()

    assert error.msg == "CONSULT_ATTACHMENT_MAX_COUNT is 0; it must be above 0."


def test_resumes_under_the_static_root_are_an_error(
    settings: Settings, tmp_path: Path
) -> None:
    settings.STATIC_ROOT = tmp_path / "static"
    settings.JOBS_RESUME_DIR = tmp_path / "static" / "resumes"

    (error,) = checks.check_resume_dir()

    assert error.id == "jobs.E001"
