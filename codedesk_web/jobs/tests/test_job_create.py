from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from codedesk_web.jobs.models import JobPost

from .conftest import make_job


def form_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Remote CPC coder",
        "employer": "Summit Health",
        "location": "",
        "remote": "on",
        "employment_type": "contract",
        "credential_choices": ["CPC", "CRC"],
        "specialty": "risk_adjustment",
        "pay_min": "25",
        "pay_max": "32",
        "pay_period": "hour",
        "description": "Review charts.",
        "how_to_apply": "Apply here.",
        "closing_date": (timezone.localdate() + dt.timedelta(days=14)).isoformat(),
    }
    data.update(changes)
    return data


def test_an_employer_posts_a_job(poster_client: Client, poster: User) -> None:
    response = poster_client.post("/jobs/new/", form_data())

    job = JobPost.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{job.pk}/"
    assert job.poster == poster
    assert job.credentials == "CPC,CRC"
    assert job.remote is True


def test_a_coder_cannot_post_a_job(applicant_client: Client) -> None:
    response = applicant_client.post("/jobs/new/", form_data())

    assert response.status_code == 403
    assert response.context["reason"] == (
        "Only employer accounts can post jobs; ask the site's staff to add the "
        "employer role to your account."
    )
    assert not JobPost.objects.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client) -> None:
    response = client.get("/jobs/new/")

    assert response.status_code == 302
    assert "next=/jobs/new/" in response["Location"]


def test_it_rejects_a_closing_date_in_the_past(poster_client: Client) -> None:
    response = poster_client.post("/jobs/new/", form_data(closing_date="2020-01-31"))

    assert response.context["form"].errors["closing_date"] == [
        "The closing date 2020-01-31 is in the past; pick today or a later day."
    ]


def test_it_rejects_a_pay_range_upside_down(poster_client: Client) -> None:
    response = poster_client.post("/jobs/new/", form_data(pay_min="40"))

    assert response.context["form"].errors["pay_max"] == [
        "The top of the pay range (32) is below its bottom (40)."
    ]


def test_it_wants_a_location_unless_remote(poster_client: Client) -> None:
    data = form_data()
    del data["remote"]

    response = poster_client.post("/jobs/new/", data)

    assert response.context["form"].errors["location"] == [
        "Give a location or tick remote."
    ]


def test_a_closed_post_can_be_edited_without_moving_its_date(
    poster_client: Client, poster: User
) -> None:
    closed = timezone.localdate() - dt.timedelta(days=3)
    job = make_job(poster, closing_date=closed)
    data = form_data(title="Renamed", closing_date=closed.isoformat())

    response = poster_client.post(f"/jobs/{job.pk}/edit/", data)

    job.refresh_from_db()
    assert response.status_code == 302
    assert job.title == "Renamed"


def test_only_the_poster_edits_a_post(
    poster_client: Client, applicant_client: Client, job: JobPost
) -> None:
    url = f"/jobs/{job.pk}/edit/"

    assert applicant_client.post(url, form_data(title="Taken")).status_code == 404
    assert poster_client.post(url, form_data(title="Renamed")).status_code == 302
    job.refresh_from_db()
    assert job.title == "Renamed"


def test_a_bad_closing_date_is_named_with_the_format_to_use(
    poster_client: Client,
) -> None:
    response = poster_client.post("/jobs/new/", form_data(closing_date="31/02/2026"))

    assert response.context["form"].errors["closing_date"] == [
        "'31/02/2026' is not a date; use YYYY-MM-DD."
    ]


def test_bad_pay_numbers_are_named_with_what_to_use(poster_client: Client) -> None:
    response = poster_client.post("/jobs/new/", form_data(pay_min="25k", pay_max="-5"))

    errors = response.context["form"].errors
    assert errors["pay_min"] == [
        "'25k' is not a whole number; use digits only, such as 45000."
    ]
    assert errors["pay_max"] == ["-5 is below 0; use 0 or more."]
