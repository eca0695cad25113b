from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from codedesk_web.jobs.models import Application, JobPost
from codedesk_web.lib.roles import EMPLOYER

from .conftest import MINIMAL_PDF, user_with_role


@pytest.fixture
def application(applicant_client: Client, job: JobPost) -> Application:
    applicant_client.post(
        f"/jobs/{job.pk}/apply/",
        {
            "message": "Hello",
            "resume": SimpleUploadedFile("../../my cv;.pdf", MINIMAL_PDF),
        },
    )
    return Application.objects.get()


def test_the_poster_downloads_the_resume_as_an_attachment(
    poster_client: Client, application: Application
) -> None:
    response = poster_client.get(f"/jobs/applications/{application.pk}/resume/")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="my cv_.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_poster_sees_the_applicants(
    poster_client: Client, application: Application
) -> None:
    response = poster_client.get(f"/jobs/{application.job_id}/applicants/")

    assert list(response.context["applications"]) == [application]
    assert f"/jobs/applications/{application.pk}/resume/" in response.text


def test_the_applicant_cannot_download_resumes(
    applicant_client: Client, application: Application
) -> None:
    response = applicant_client.get(f"/jobs/applications/{application.pk}/resume/")

    assert response.status_code == 404
    assert (
        applicant_client.get(f"/jobs/{application.job_id}/applicants/").status_code
        == 404
    )


def test_another_employer_cannot_download_resumes(
    application: Application,
) -> None:
    client = Client()
    client.force_login(user_with_role("rival", EMPLOYER))

    response = client.get(f"/jobs/applications/{application.pk}/resume/")

    assert response.status_code == 404


def test_an_anonymous_visitor_cannot_download_resumes(
    client: Client, application: Application
) -> None:
    response = client.get(f"/jobs/applications/{application.pk}/resume/")

    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_resumes_are_not_under_static_or_media(application: Application) -> None:
    folder = settings.JOBS_RESUME_DIR.resolve()

    assert not folder.is_relative_to(settings.STATIC_ROOT.resolve())
    assert not folder.is_relative_to(settings.MEDIA_ROOT.resolve())
    assert (folder / application.resume_file).is_file()


def test_the_poster_lists_posts_with_applicant_counts(
    poster_client: Client, application: Application, poster: User
) -> None:
    response = poster_client.get("/jobs/mine/")

    assert [post.applicant_count for post in response.context["posts"]] == [1]


@pytest.mark.django_db(transaction=True)
def test_deleting_the_applicant_removes_the_resume_file(
    application: Application,
) -> None:
    stored = settings.JOBS_RESUME_DIR / application.resume_file

    application.applicant.delete()

    assert not stored.exists()
    assert not Application.objects.exists()
