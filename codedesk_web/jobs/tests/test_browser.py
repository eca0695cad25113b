"""Post a job and apply with a résumé, in a real Chromium (issue #5, part 6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import Profile, Role
from codedesk_web.jobs.models import Application, JobPost

from .conftest import MINIMAL_PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "quill-harbor-38-maple"


def make_person(email: str, role: Role) -> User:
    user = User.objects.create_user(email, email, PASSWORD)
    Profile.objects.create(user=user, role=role)
    return user


def sign_in(page: Any, email: str) -> None:
    page.goto("/accounts/signin/")
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_selector("#nav-account")


def sign_out(page: Any) -> None:
    page.click("#nav-sign-out")
    page.wait_for_selector("#nav-sign-in")


def post_job(page: Any) -> None:
    closing = timezone.localdate() + dt.timedelta(days=20)
    page.goto("/jobs/new/")
    page.fill("#id_title", "Remote CPC coder")
    page.fill("#id_employer", "Summit Health")
    page.check("#id_remote")
    page.select_option("#id_employment_type", "contract")
    page.check("input[name=credential_choices][value=CPC]")
    page.select_option("#id_specialty", "professional")
    page.fill("#id_description", "Code office visits <b>daily</b>.")
    page.fill("#id_closing_date", closing.isoformat())
    page.click("#job-submit")
    page.wait_for_selector("#job-title")


def test_an_employer_posts_a_job_a_coder_applies_and_the_poster_downloads(
    page: Any, settings: Settings, tmp_path: Path
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_person("hr@summit.example", Role.EMPLOYER)
    coder = make_person("pat@example.org", Role.CODER)
    resume = tmp_path / "pat resume.pdf"
    resume.write_bytes(MINIMAL_PDF)

    sign_in(page, "hr@summit.example")
    post_job(page)
    job_url = page.url
    sign_out(page)
    sign_in(page, "pat@example.org")
    page.goto(job_url)
    page.click("#apply-link")
    page.fill("#id_message", "Five years of E/M coding.")
    page.set_input_files("#id_resume", str(resume))
    page.click("#apply-submit")
    page.wait_for_selector(".messages .success")
    shown = page.inner_text(".description")
    sign_out(page)
    sign_in(page, "hr@summit.example")
    page.goto(job_url + "applicants/")
    with page.expect_download() as pending:
        page.click(".resume-link")
    download = pending.value

    assert shown == "Code office visits <b>daily</b>."
    assert JobPost.objects.get().credentials == "CPC"
    assert Application.objects.get().applicant == coder
    assert download.suggested_filename == "pat resume.pdf"
    assert Path(download.path()).read_bytes() == MINIMAL_PDF
