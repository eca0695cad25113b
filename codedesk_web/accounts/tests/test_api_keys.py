"""API keys on the profile, and the API's own allowance (issue #5, part 2)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import ApiKey
from codedesk_web.conftest import FakeDesk

from .conftest import MakeUser

pytestmark = pytest.mark.django_db


def make_key(client: Client, user: User, label: str = "laptop") -> str:
    client.force_login(user)
    body = client.post("/accounts/profile/keys/", {"label": label}).content.decode()
    start = body.index('id="new-key">') + len('id="new-key">')
    return body[start : body.index("<", start)]


def bearer(key: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_a_key_is_shown_once_and_stored_as_a_digest(
    client: Client, make_user: MakeUser
) -> None:
    key = make_key(client, make_user())

    stored = ApiKey.objects.get()
    profile = client.get("/accounts/profile/").content.decode()
    assert key.startswith("cdk_") and len(key) > 40
    assert stored.prefix == key[:12]
    assert key not in stored.digest
    assert key not in profile
    assert f"{stored.prefix}…" in profile


def test_a_key_opens_the_api(
    client: Client, make_user: MakeUser, fake_desk: FakeDesk
) -> None:
    key = make_key(client, make_user())

    response = bearer(key).get("/api/v1/codes/icd10cm/I21.9")

    assert response.status_code == 200
    assert response.json()["code"] == "I21.9"
    assert ApiKey.objects.get().last_used_at is not None


def test_an_unknown_key_is_a_401_naming_it(fake_desk: FakeDesk) -> None:
    response = bearer("cdk_not-a-key-we-made").get("/api/v1/codes/icd10cm/I21.9")

    assert response.status_code == 401
    assert response.json()["error"] == (
        "The API key 'cdk_not-a-ke…' is not valid; make a new one on your profile."
    )


def test_without_a_key_only_search_answers(client: Client, fake_desk: FakeDesk) -> None:
    code = client.get("/api/v1/codes/icd10cm/I21.9")
    search = client.get("/api/v1/search?q=heart+attack")

    assert code.status_code == 401
    assert code.json()["error"].startswith("This endpoint needs an API key")
    assert search.status_code == 200


def test_a_revoked_key_stops_working(
    client: Client, make_user: MakeUser, fake_desk: FakeDesk
) -> None:
    key = make_key(client, make_user())

    client.post(f"/accounts/profile/keys/{ApiKey.objects.get().pk}/revoke/")

    assert bearer(key).get("/api/v1/codes/icd10cm/I21.9").status_code == 401


def test_nobody_revokes_another_persons_key(
    client: Client, make_user: MakeUser
) -> None:
    make_key(client, make_user("owner@example.org"))
    client.force_login(make_user("outsider@example.org"))

    response = client.post(f"/accounts/profile/keys/{ApiKey.objects.get().pk}/revoke/")

    assert response.status_code == 404
    assert ApiKey.objects.count() == 1


def test_the_api_allowance_ends_in_a_429(
    client: Client, make_user: MakeUser, fake_desk: FakeDesk, settings: Settings
) -> None:
    settings.METER_LIMITS = {
        **settings.METER_LIMITS,
        "api": {**settings.METER_LIMITS["api"], "free": 2},
    }
    api = bearer(make_key(client, make_user()))
    for _ in range(2):
        assert api.get("/api/v1/codes/icd10cm/I21.9").status_code == 200

    response = api.get("/api/v1/codes/icd10cm/I21.9")

    assert response.status_code == 429
    assert response.json()["error"] == (
        "You have used your 2 API calls for today. Ask us for the paid plan for more."
    )


def test_usage_answers_for_the_key_owner(client: Client, make_user: MakeUser) -> None:
    api = bearer(make_key(client, make_user()))

    usage = {row["meter"]: row for row in api.get("/api/v1/account/usage").json()}

    assert usage["code_page"]["limit"] == 6
    assert usage["api"]["used"] == 1
