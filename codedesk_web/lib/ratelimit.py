"""Count events in a time window, in Redis when configured, else the database.

Sign-in failures are counted per account and per client address. With
``REDIS_URL`` set, every app server shares the counters in Redis; without it,
they are rows of ``accounts.SignInFailure`` in the site database.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Protocol

import redis
from django.conf import settings
from django.utils import timezone

from codedesk_web.accounts.models import SignInFailure


class Counter(Protocol):
    """Counts events under a key within a window of seconds."""

    def add(self, key: str, window: int) -> None: ...

    def count(self, key: str, window: int) -> tuple[int, int]:
        """The events in the window, and the seconds until the oldest expires."""
        ...

    def reset(self, key: str) -> None: ...


class DatabaseCounter:
    """Events as rows of the site database."""

    def add(self, key: str, window: int) -> None:
        now = timezone.now()
        SignInFailure.objects.filter(
            key=key, at__lt=now - dt.timedelta(seconds=window)
        ).delete()
        SignInFailure.objects.create(key=key, at=now)

    def count(self, key: str, window: int) -> tuple[int, int]:
        since = timezone.now() - dt.timedelta(seconds=window)
        rows = SignInFailure.objects.filter(key=key, at__gte=since)
        oldest = rows.order_by("at").values_list("at", flat=True).first()
        if oldest is None:
            return 0, 0
        wait = (oldest - since).total_seconds()
        return rows.count(), max(1, math.ceil(wait))

    def reset(self, key: str) -> None:
        SignInFailure.objects.filter(key=key).delete()


class RedisCounter:
    """Events as a counter in Redis that expires a window after the first."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def add(self, key: str, window: int) -> None:
        name = self._name(key)
        pipe = self.client.pipeline()
        pipe.incr(name)
        pipe.expire(name, window, nx=True)
        pipe.execute()

    def count(self, key: str, window: int) -> tuple[int, int]:
        name = self._name(key)
        pipe = self.client.pipeline()
        pipe.get(name)
        pipe.ttl(name)
        value, ttl = pipe.execute()
        return int(value or 0), max(1, int(ttl)) if value else 0

    def reset(self, key: str) -> None:
        self.client.delete(self._name(key))

    def _name(self, key: str) -> str:
        prefix: str = settings.RATELIMIT_KEY_PREFIX
        return f"{prefix}ratelimit:{key}"


@functools.cache
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=2)


def get_counter() -> Counter:
    """The counter for this site: Redis when ``REDIS_URL`` is set."""
    url: str = settings.REDIS_URL
    if url:
        return RedisCounter(_redis_client(url))
    return DatabaseCounter()
