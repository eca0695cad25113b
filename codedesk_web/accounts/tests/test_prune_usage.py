"""``manage.py prune_usage`` keeps this month's views (issue #5)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from codedesk_web.accounts.models import SignInFailure, Usage

pytestmark = pytest.mark.django_db


def usage_on(day: dt.date) -> Usage:
    return Usage.objects.create(subject="addr:x", meter="code_page", item="a", day=day)


def test_it_deletes_rows_older_than_the_days_given() -> None:
    today = timezone.now().date()
    old = usage_on(today - dt.timedelta(days=41))
    kept = usage_on(today - dt.timedelta(days=39))
    SignInFailure.objects.create(key="k", at=timezone.now() - dt.timedelta(days=1))
    out = io.StringIO()

    call_command("prune_usage", "--days", "40", stdout=out)

    assert list(Usage.objects.all()) == [kept]
    assert not Usage.objects.filter(pk=old.pk).exists()
    assert not SignInFailure.objects.exists()
    assert out.getvalue() == "Deleted 1 usage rows and 1 sign-in failures.\n"


def test_it_refuses_to_forget_this_months_views() -> None:
    with pytest.raises(CommandError) as caught:
        call_command("prune_usage", "--days", "7")

    assert str(caught.value) == (
        "--days is 7; keep at least 31 days, or this month's code page views"
        " would be forgotten."
    )
