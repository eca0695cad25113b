"""Metered code pages (issue #5, part 2).

The allowances checked here are the ones issue #5 sets: a guest may open 1
code page, a free account 5 more (6), a paid plan has no limit; re-opening a
page counted that day does not count again; clearing cookies alone does not
reset a guest. Code pages come from the fake desk, whose records are copied
from the April 2026 ICD-10-CM tabular (see codedesk_web/conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from codedesk_web.accounts.models import Plan, Usage
from codedesk_web.conftest import FakeDesk

from .conftest import MakeUser

pytestmark = pytest.mark.django_db

CODES = ["I21.9", "I21", "E78.0", "S72.001A", "G35"]
HCPCS = "/codes/hcpcs/J3301"


def page(client: Client, code: str) -> str:
    response = client.get(f"/codes/icd10cm/{code}")
    assert response.status_code == 200
    return response.content.decode()


def is_full(body: str) -> bool:
    return 'class="badges"' in body and 'id="meter-limit"' not in body


def test_a_guest_reads_one_code_page_and_sees_none_left(
    client: Client, fake_desk: FakeDesk
) -> None:
    body = page(client, "I21.9")

    assert is_full(body)
    assert "0 code page views remaining" in body


def test_past_the_allowance_a_guest_sees_only_code_and_title(
    client: Client, fake_desk: FakeDesk
) -> None:
    page(client, "I21.9")

    body = page(client, "E78.0")

    assert not is_full(body)
    assert "E78.0" in body
    assert "Pure hypercholesterolemia" in body
    assert "Excludes" not in body
    assert 'href="/accounts/register/"' in body


def test_reopening_a_page_the_same_day_does_not_count(
    client: Client, fake_desk: FakeDesk
) -> None:
    page(client, "I21.9")

    again = page(client, "I21.9")

    assert is_full(again)
    assert Usage.objects.filter(meter="code_page", item="icd10cm:I21.9").count() == 2


def test_clearing_cookies_does_not_reset_a_guest(
    client: Client, fake_desk: FakeDesk
) -> None:
    page(client, "I21.9")

    client.cookies.clear()
    body = page(client, "E78.0")

    assert not is_full(body)


def test_a_guest_elsewhere_has_their_own_allowance(
    client: Client, fake_desk: FakeDesk
) -> None:
    page(client, "I21.9")

    other = Client(REMOTE_ADDR="192.0.2.44")
    body = page(other, "E78.0")

    assert is_full(body)


def test_a_guest_cookie_keeps_counting_from_a_new_address(
    client: Client, fake_desk: FakeDesk
) -> None:
    page(client, "I21.9")

    client.defaults["REMOTE_ADDR"] = "192.0.2.45"
    body = page(client, "E78.0")

    assert not is_full(body)


def test_a_free_account_reads_six_code_pages(
    client: Client, fake_desk: FakeDesk, make_user: MakeUser
) -> None:
    client.force_login(make_user())
    bodies = [page(client, code) for code in CODES]
    sixth = client.get(HCPCS).content.decode()

    seventh = client.get("/codes/cpt/99213").content.decode()

    assert all(is_full(body) for body in bodies)
    assert "1 code page view remaining" in bodies[-1]
    assert is_full(sixth)
    assert "0 code page views remaining" in sixth
    assert not is_full(seventh)
    assert "Ask us to move your account to the paid plan" in seventh


def test_a_paid_account_has_no_limit(
    client: Client, fake_desk: FakeDesk, make_user: MakeUser
) -> None:
    client.force_login(make_user(plan=Plan.PAID))

    bodies = [page(client, code) for code in CODES]

    assert all(is_full(body) for body in bodies)
    assert "Unlimited code page views on your plan" in bodies[-1]


def test_a_page_counted_yesterday_counts_again_today(
    client: Client, fake_desk: FakeDesk, make_user: MakeUser
) -> None:
    user = make_user()
    client.force_login(user)
    yesterday = timezone.now().date() - dt.timedelta(days=1)
    if yesterday.month != timezone.now().date().month:
        pytest.skip("yesterday was last month, whose views no longer count")
    Usage.objects.create(
        subject=f"user:{user.pk}",
        user=user,
        meter="code_page",
        item="icd10cm:I21.9",
        day=yesterday,
    )

    body = page(client, "I21.9")

    assert "4 code page views remaining" in body


def test_views_from_last_month_do_not_count(
    client: Client, fake_desk: FakeDesk, make_user: MakeUser
) -> None:
    user = make_user()
    client.force_login(user)
    last_month = timezone.now().date().replace(day=1) - dt.timedelta(days=1)
    for number in range(6):
        Usage.objects.create(
            subject=f"user:{user.pk}",
            user=user,
            meter="code_page",
            item=f"icd10cm:X{number}",
            day=last_month,
        )

    body = page(client, "I21.9")

    assert "5 code page views remaining" in body


def test_an_unknown_code_is_not_counted(client: Client, fake_desk: FakeDesk) -> None:
    client.get("/codes/icd10cm/W21.89A")

    body = page(client, "I21.9")

    assert is_full(body)
