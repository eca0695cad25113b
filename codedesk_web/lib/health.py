"""``/healthz``: whether this app server can answer, for load balancers."""

from __future__ import annotations

import logging
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from codedesk import CodeDeskError

from .desk import get_desk

logger = logging.getLogger(__name__)


def check_code_database() -> str:
    """'ok', or why the read-only code database cannot be read."""
    try:
        get_desk().conn.execute("SELECT count(*) FROM release").fetchone()
    except CodeDeskError as error:
        return error.message
    except Exception as error:  # any sqlite3 failure means unhealthy
        return f"the code database cannot be read: {type(error).__name__}"
    return "ok"


def check_site_database() -> str:
    """'ok', or why the site database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"the site database does not answer: {type(error).__name__}"
    return "ok"


def check_redis() -> str:
    """'ok', 'not configured', or why Redis does not answer."""
    url: str = settings.REDIS_URL
    if not url:
        return "not configured"
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
    except redis.RedisError as error:
        return f"Redis does not answer: {type(error).__name__}"
    return "ok"


CHECKS: dict[str, Callable[[], str]] = {
    "code_database": check_code_database,
    "site_database": check_site_database,
    "redis": check_redis,
}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with each check's result when all pass, else 503."""
    results = {name: check() for name, check in CHECKS.items()}
    healthy = all(value in ("ok", "not configured") for value in results.values())
    if not healthy:
        logger.warning("health check failed: %s", results)
    status = "ok" if healthy else "failing"
    return JsonResponse(
        {"status": status, "checks": results}, status=200 if healthy else 503
    )
