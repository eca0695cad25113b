"""Personas and files for the job board tests.

The personas are fixed: ``poster`` (an employer), ``applicant`` (a coder) and
the anonymous visitor (the plain ``client``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from codedesk_web.accounts.models import Profile, Role
from codedesk_web.jobs.models import JobPost
from codedesk_web.lib.roles import CODER, EMPLOYER

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def make_docx(*, macros: bool = False) -> bytes:
    """A tiny WordprocessingML package (a DOCM when ``macros``)."""
    main = "document.macroEnabled.main" if macros else "document.main"
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.'
        f'wordprocessingml.{main}+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("word/document.xml", "<w:document/>")
        if macros:
            package.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def user_with_role(username: str, role: str | None) -> User:
    user = User.objects.create_user(
        username, email=f"{username}@example.org", password=None
    )
    Profile.objects.create(user=user, role=role or Role.CODER)
    return user


def make_job(poster: User, **fields: Any) -> JobPost:
    values: dict[str, Any] = {
        "title": "Outpatient coder",
        "employer": "Lakeside Clinic",
        "location": "Denver, CO",
        "employment_type": "full_time",
        "credentials": "CPC",
        "specialty": "outpatient",
        "description": "Code office visits.",
        "closing_date": timezone.localdate() + dt.timedelta(days=30),
    }
    values.update(fields)
    return JobPost.objects.create(poster=poster, **values)


@pytest.fixture(autouse=True)
def resume_dir(settings: SettingsWrapper, tmp_path: Path) -> Path:
    folder = tmp_path / "resumes"
    settings.JOBS_RESUME_DIR = folder
    settings.JOBS_RESUME_MAX_BYTES = 4096
    return folder


@pytest.fixture
def poster(db: None) -> User:
    return user_with_role("poster", EMPLOYER)


@pytest.fixture
def applicant(db: None) -> User:
    return user_with_role("applicant", CODER)


@pytest.fixture
def poster_client(poster: User) -> Client:
    client = Client()
    client.force_login(poster)
    return client


@pytest.fixture
def applicant_client(applicant: User) -> Client:
    client = Client()
    client.force_login(applicant)
    return client


@pytest.fixture
def job(poster: User) -> JobPost:
    return make_job(poster)
