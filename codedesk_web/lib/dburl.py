"""Read ``DATABASE_URL`` (postgres:// or sqlite:///) into Django's form."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def parse_database_url(url: str) -> dict[str, Any]:
    """Django's DATABASES entry for a URL such as postgres://u:p@host:5432/db."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path)}
    if parsed.scheme in ("postgres", "postgresql"):
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL has scheme '{parsed.scheme}'; use postgres:// or sqlite:///."
    )
