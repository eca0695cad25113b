"""Read ``DATABASE_URL`` (postgres:// or sqlite:///) into Django's form."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

# Several threads write to a laptop's SQLite file at once (the site and the
# consult desk's SMTP server). A deferred transaction that later writes fails
# at once with "database is locked"; IMMEDIATE takes the write lock at BEGIN
# and waits up to ``timeout`` seconds for it, and WAL lets reads go on
# meanwhile (Django docs, "SQLite notes", transactions behavior).
SQLITE_OPTIONS: dict[str, Any] = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}


def sqlite_database(path: str) -> dict[str, Any]:
    """Django's DATABASES entry for an SQLite file, set up for several writers."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


def parse_database_url(url: str) -> dict[str, Any]:
    """Django's DATABASES entry for a URL such as postgres://u:p@host:5432/db."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return sqlite_database(unquote(parsed.path))
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
