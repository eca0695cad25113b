"""Template context shared by every page."""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .roles import CONSULTANT, has_role
from .service_date import picker_context


def site(request: HttpRequest) -> dict[str, Any]:
    """The site name and feature flags, for the layout."""
    return {
        "site_name": settings.SITE_NAME,
        "assistant_enabled": settings.ASSISTANT_ENABLED,
        "jobs_enabled": settings.JOBS_ENABLED,
        # Called by the template only when it asks, so most pages skip the query.
        "is_consultant": functools.partial(has_role, request.user, CONSULTANT),
    }


def service_date(request: HttpRequest) -> dict[str, Any]:
    """The date of service and its picker, for the layout and links."""
    return picker_context(request)
