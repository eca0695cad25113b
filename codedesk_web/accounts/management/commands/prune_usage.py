"""``manage.py prune_usage``: forget old page views and sign-in failures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from codedesk_web.accounts.models import SignInFailure, Usage


class Command(BaseCommand):
    help = (
        "Delete usage rows older than --days (default 400) and sign-in"
        " failures that no longer count. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=400)

    def handle(self, *args: Any, **options: Any) -> None:
        days: int = options["days"]
        if days < 31:
            raise CommandError(
                f"--days is {days}; keep at least 31 days, or this month's"
                " code page views would be forgotten."
            )
        today = timezone.now().date()
        usage, _ = Usage.objects.filter(
            day__lt=today - dt.timedelta(days=days)
        ).delete()
        window = dt.timedelta(seconds=settings.SIGNIN_FAILURE_WINDOW)
        stale = SignInFailure.objects.filter(at__lt=timezone.now() - window)
        failures, _ = stale.delete()
        self.stdout.write(
            f"Deleted {usage} usage rows and {failures} sign-in failures."
        )
