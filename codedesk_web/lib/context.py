"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    """The site name and feature flags, for the layout."""
    return {
        "site_name": settings.SITE_NAME,
        "assistant_enabled": settings.ASSISTANT_ENABLED,
        "jobs_enabled": settings.JOBS_ENABLED,
    }
