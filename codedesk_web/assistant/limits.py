"""The assistant's rate limits: questions per hour, for guests and users.

Counted in Redis when ``REDIS_URL`` is set (shared by every app server),
else in the site database. A guest is counted by client address, so
clearing cookies does not reset the count.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from codedesk_web.lib.clientaddr import client_address

from .models import RateCounter

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateVerdict:
    """Whether a question may be asked now, and what to tell the asker."""

    allowed: bool
    limit: int
    used: int

    @property
    def message(self) -> str:
        """One sentence for a refusal."""
        return (
            f"You have asked {self.used} questions this hour; the limit is"
            f" {self.limit}. Try again after the hour turns"
            " (or sign in for a higher limit)."
        )


def rate_key(request: HttpRequest) -> tuple[str, int]:
    """Who is asking, and their hourly limit."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}", int(settings.ASSISTANT_USER_PER_HOUR)
    address = client_address(request) or "unknown"
    return f"guest:{address}", int(settings.ASSISTANT_GUEST_PER_HOUR)


def check_rate(request: HttpRequest) -> RateVerdict:
    """Count one question against the asker's limit, refusing past it."""
    key, limit = rate_key(request)
    window = timezone.now().replace(minute=0, second=0, microsecond=0)
    redis_url = str(getattr(settings, "REDIS_URL", "") or "")
    used = (
        _count_redis(redis_url, key, window)
        if redis_url
        else _count_db(key, window, limit)
    )
    return RateVerdict(allowed=used <= limit, limit=limit, used=min(used, limit))


def _count_db(key: str, window: dt.datetime, limit: int) -> int:
    # Two first questions at once may both try to create the row; the loser
    # of that race just counts on the winner's row.
    with contextlib.suppress(IntegrityError), transaction.atomic():
        RateCounter.objects.get_or_create(key=key, window=window)
    with transaction.atomic():
        counter = RateCounter.objects.select_for_update().get(key=key, window=window)
        if counter.count >= limit:
            return counter.count + 1
        RateCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        return counter.count + 1


def _count_redis(url: str, key: str, window: dt.datetime) -> int:
    import redis

    client = redis.Redis.from_url(url)
    prefix = str(settings.RATELIMIT_KEY_PREFIX)
    name = f"{prefix}assistant:{key}:{window:%Y%m%d%H}"
    pipe = client.pipeline()
    pipe.incr(name)
    pipe.expire(name, 3600)
    count, _ = pipe.execute()
    return int(count)
