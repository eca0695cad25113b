from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from codedesk_web.jobs.models import Application, JobPost

from .conftest import MINIMAL_PDF, make_docx, make_job


def apply(client: Client, job: JobPost, name: str, data: bytes) -> list[str]:
    response = client.post(
        f"/jobs/{job.pk}/apply/",
        {"message": "I code E/M daily.", "resume": SimpleUploadedFile(name, data)},
    )
    if response.status_code == 302:
        return []
    return list(response.context["form"].errors.get("resume", []))


def test_a_coder_applies_with_a_pdf(
    applicant_client: Client, applicant: User, job: JobPost, resume_dir: Path
) -> None:
    errors = apply(applicant_client, job, "my cv.pdf", MINIMAL_PDF)

    application = Application.objects.get()
    assert errors == []
    assert application.applicant == applicant
    assert application.resume_name == "my cv.pdf"
    assert application.resume_type == "application/pdf"
    stored = resume_dir / application.resume_file
    assert stored.read_bytes() == MINIMAL_PDF
    assert stored.stat().st_mode & 0o077 == 0


def test_a_coder_applies_with_a_docx(applicant_client: Client, job: JobPost) -> None:
    errors = apply(applicant_client, job, "cv.docx", make_docx())

    assert errors == []
    assert Application.objects.get().resume_type.endswith("document")


def test_it_rejects_an_exe_renamed_pdf(
    applicant_client: Client, job: JobPost, resume_dir: Path
) -> None:
    exe = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200 + b"This program"

    errors = apply(applicant_client, job, "cv.pdf", exe)

    assert errors == [
        "Program files such as 'cv.pdf' are not accepted; attach PDF or DOCX."
    ]
    assert not Application.objects.exists()
    assert not resume_dir.exists() or not any(resume_dir.iterdir())


def test_it_rejects_a_macro_enabled_word_file(
    applicant_client: Client, job: JobPost
) -> None:
    errors = apply(applicant_client, job, "cv.docx", make_docx(macros=True))

    assert errors == [
        "Word with macros (DOCM) files such as 'cv.docx' are not accepted; "
        "attach PDF or DOCX."
    ]


def test_it_rejects_an_oversize_file(applicant_client: Client, job: JobPost) -> None:
    big = MINIMAL_PDF[:-6] + b" " * 5000 + b"%%EOF\n"

    errors = apply(applicant_client, job, "cv.pdf", big)

    assert errors == ["The file 'cv.pdf' is 5.0 KB; the limit is 4.0 KB."]
    assert not Application.objects.exists()


def test_it_rejects_a_pdf_named_docx(applicant_client: Client, job: JobPost) -> None:
    errors = apply(applicant_client, job, "cv.docx", MINIMAL_PDF)

    assert errors == [
        "The file 'cv.docx' holds a PDF document; name it with .pdf at the end."
    ]


def test_a_coder_applies_only_once(applicant_client: Client, job: JobPost) -> None:
    apply(applicant_client, job, "cv.pdf", MINIMAL_PDF)

    response = applicant_client.get(f"/jobs/{job.pk}/apply/")
    detail = applicant_client.get(f"/jobs/{job.pk}/")

    assert response.status_code == 403
    assert response.context["reason"] == "You have already applied to this job."
    assert 'id="apply-link"' not in detail.text
    assert "You applied on " in detail.text


def test_nobody_applies_to_a_closed_post(
    applicant_client: Client, poster: User
) -> None:
    job = make_job(poster, closing_date=timezone.localdate() - dt.timedelta(days=1))

    response = applicant_client.get(f"/jobs/{job.pk}/apply/")

    assert response.status_code == 403
    assert response.context["reason"] == (
        f"This job closed on {job.closing_date.isoformat()}."
    )


def test_an_employer_without_the_coder_role_cannot_apply(
    poster_client: Client, job: JobPost
) -> None:
    response = poster_client.get(f"/jobs/{job.pk}/apply/")

    assert response.status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client, job: JobPost) -> None:
    response = client.post(f"/jobs/{job.pk}/apply/", {"message": "hi"})

    assert response.status_code == 302
    assert not Application.objects.exists()
