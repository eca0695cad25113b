from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from .conftest import make_job


def titles(client: Client, query: str = "") -> list[str]:
    response = client.get("/jobs/" + query)
    assert response.status_code == 200
    return [job.title for job in response.context["page"].object_list]


@pytest.mark.django_db
def test_it_lists_open_posts_newest_first(client: Client, poster: User) -> None:
    make_job(poster, title="First")
    make_job(poster, title="Second")

    assert titles(client) == ["Second", "First"]


@pytest.mark.django_db
def test_a_post_expires_after_its_closing_date(client: Client, poster: User) -> None:
    today = timezone.localdate()
    make_job(poster, title="Closes today", closing_date=today)
    make_job(poster, title="Closed", closing_date=today - dt.timedelta(days=1))

    assert titles(client) == ["Closes today"]


@pytest.mark.django_db
def test_hidden_posts_are_not_listed(client: Client, poster: User) -> None:
    make_job(poster, title="Hidden", hidden=True)

    assert titles(client) == []


@pytest.mark.django_db
def test_it_filters_by_words_in_title_employer_or_description(
    client: Client, poster: User
) -> None:
    make_job(poster, title="Inpatient DRG coder", employer="Mercy")
    make_job(poster, title="Coder", description="Risk adjustment HCC work")
    make_job(poster, title="Biller")

    assert titles(client, "?q=drg+mercy") == ["Inpatient DRG coder"]
    assert titles(client, "?q=hcc") == ["Coder"]


@pytest.mark.django_db
def test_it_filters_by_location_and_remote(client: Client, poster: User) -> None:
    make_job(poster, title="Denver", location="Denver, CO")
    make_job(poster, title="Anywhere", location="", remote=True)

    assert titles(client, "?location=denver") == ["Denver"]
    assert titles(client, "?remote=on") == ["Anywhere"]


@pytest.mark.django_db
def test_it_filters_by_credential_and_specialty(client: Client, poster: User) -> None:
    make_job(poster, title="RHIA lead", credentials="RHIT,RHIA", specialty="audit")
    make_job(poster, title="RHIT coder", credentials="RHIT", specialty="inpatient")

    assert titles(client, "?credential=RHIA") == ["RHIA lead"]
    assert titles(client, "?credential=RHIT") == ["RHIT coder", "RHIA lead"]
    assert titles(client, "?specialty=inpatient") == ["RHIT coder"]


@pytest.mark.django_db
def test_it_filters_by_days_since_posting(client: Client, poster: User) -> None:
    make_job(poster, title="Old", created_at=timezone.now() - dt.timedelta(days=10))
    make_job(poster, title="New")

    assert titles(client, "?within=7") == ["New"]
    assert titles(client, "?within=30") == ["New", "Old"]


@pytest.mark.django_db
def test_a_bad_filter_value_is_named_in_a_message(client: Client, poster: User) -> None:
    make_job(poster)

    response = client.get("/jobs/?credential=XYZ")

    assert [str(m) for m in response.context["messages"]] == [
        "The filter 'Credential' cannot be 'XYZ'; use one of CPC, CCS, COC, CRC, "
        "RHIT, RHIA, or leave it empty."
    ]
    assert len(response.context["page"].object_list) == 1


@pytest.mark.django_db
def test_the_board_answers_404_when_jobs_are_off(
    client: Client, settings: SettingsWrapper
) -> None:
    settings.JOBS_ENABLED = False

    assert client.get("/jobs/").status_code == 404


@pytest.mark.django_db
def test_bad_and_unknown_filters_are_each_named_with_the_allowed_values(
    client: Client, poster: User
) -> None:
    make_job(poster)

    response = client.get("/jobs/?posted=99999&credential=x&within=99999")

    assert [str(m) for m in response.context["messages"]] == [
        "The filter 'Credential' cannot be 'x'; use one of CPC, CCS, COC, CRC, "
        "RHIT, RHIA, or leave it empty.",
        "The filter 'Posted within' cannot be '99999'; use one of 1, 7, 30, 90, "
        "or leave it empty.",
        "The job list has no filter 'posted'; its filters are q, location, remote, "
        "credential, specialty, within.",
    ]
    assert len(response.context["page"].object_list) == 1


@pytest.mark.django_db
def test_a_bad_filter_leaves_the_good_filters_applied(
    client: Client, poster: User
) -> None:
    make_job(poster, title="Remote job", remote=True)
    make_job(poster, title="Office job", remote=False)

    assert titles(client, "?remote=on&within=5") == ["Remote job"]


@pytest.mark.django_db
def test_the_page_number_is_not_an_unknown_filter(client: Client, poster: User) -> None:
    make_job(poster)

    response = client.get("/jobs/?page=1")

    assert list(response.context["messages"]) == []
