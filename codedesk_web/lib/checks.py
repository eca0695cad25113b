"""Django system checks for the site's configuration.

Each problem has an ID (``codedesk.E…`` stops the site, ``codedesk.W…``
warns), a hint with the fix, and a link to its variable in
docs/environment.md. ``manage.py check --deploy`` runs them with Django's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

DOCS = "docs/environment.md"
DEV_KEY = "dev-only-insecure-key-change-me"


def _docs(variable: str) -> str:
    return f"See {DOCS}#{variable.lower()}."


@register()
def check_secret_key(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG:
        return []
    if settings.SECRET_KEY == DEV_KEY or len(settings.SECRET_KEY) < 40:
        hint = "Set SECRET_KEY (or SECRET_KEY_FILE) to 50 random characters."
        message = "SECRET_KEY is the development key or shorter than 40 characters."
        return [
            Error(message, hint=f"{hint} {_docs('SECRET_KEY')}", id="codedesk.E001")
        ]
    return []


@register()
def check_allowed_hosts(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.DEBUG or "*" not in settings.ALLOWED_HOSTS:
        return []
    hint = f"List the site's host names in ALLOWED_HOSTS. {_docs('ALLOWED_HOSTS')}"
    return [Error("ALLOWED_HOSTS allows any host.", hint=hint, id="codedesk.E002")]


@register()
def check_redis_url(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    url: str = settings.REDIS_URL
    scheme = urlparse(url).scheme
    if not url or scheme in ("redis", "rediss", "unix"):
        return []
    message = f"REDIS_URL has scheme '{scheme}'."
    hint = f"Use redis://host:6379/0, rediss:// or unix://. {_docs('REDIS_URL')}"
    return [Error(message, hint=hint, id="codedesk.E003")]


@register()
def check_proxy_count(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    count: int = settings.TRUSTED_PROXY_COUNT
    if count >= 0:
        return []
    message = f"TRUSTED_PROXY_COUNT is {count}."
    hint = "Use 0 with no proxy, else the number of proxies in front. "
    hint += _docs("TRUSTED_PROXY_COUNT")
    return [Error(message, hint=hint, id="codedesk.E004")]


@register()
def check_code_database(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    path = Path(settings.CODEDESK_DB)
    if path.is_file():
        return []
    message = f"No code database at {path}; code pages will fail."
    hint = f"Build one with `codedesk data build`. {_docs('CODEDESK_DB')}"
    return [Warning(message, hint=hint, id="codedesk.W001")]


@register(deploy=True)
def check_email(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if settings.EMAIL_HOST:
        return []
    message = "EMAIL_HOST is not set: confirmation and reset mail is only printed."
    hint = f"Set EMAIL_HOST to your SMTP server. {_docs('EMAIL_HOST')}"
    return [Warning(message, hint=hint, id="codedesk.W002")]


@register(deploy=True)
def check_database(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    engine = settings.DATABASES["default"]["ENGINE"]
    if "sqlite" not in engine:
        return []
    message = "The site database is SQLite: fine for one server, not for several."
    hint = f"Set DATABASE_URL to a PostgreSQL database. {_docs('DATABASE_URL')}"
    return [Warning(message, hint=hint, id="codedesk.W003")]
