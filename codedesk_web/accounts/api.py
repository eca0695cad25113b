"""Who calls the JSON API, and the API's own allowance.

A call with ``Authorization: Bearer <key>`` (a key made on the profile page)
is counted against its owner's ``api`` allowance. Without a key only two
endpoints answer: search (the site's search box suggests codes through it),
counted against the caller's ``search`` allowance like the search page, and
ask, which keeps the assistant's own hourly limit. A
missing or unknown key is a 401, a call past the allowance a 429, both with
a JSON ``{"error": ...}`` body.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from codedesk_web.lib.metering import Allowance, usage_summary, use

from .apikeys import user_for_api_key

#: Endpoints that answer without a key, and the meter they count on (None:
#: the endpoint applies its own limit).
KEYLESS_ENDPOINTS: dict[str, str | None] = {"search": "search", "ask": None}


def _count_call(request: HttpRequest, meter: str) -> Allowance:
    allowance = use(request, meter)
    if not allowance.allowed:
        fix = "Ask us for the paid plan" if allowance.signed_in else "Register"
        noun = allowance.meter.noun + ("" if allowance.limit == 1 else "s")
        raise HttpError(
            429,
            f"You have used your {allowance.limit} {noun} for today. {fix} for more.",
        )
    return allowance


class ApiKeyBearer(HttpBearer):
    """A key from the profile page, sent as a Bearer token."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = user_for_api_key(token.strip())
        if user is None:
            shown = token.strip()[:12]
            raise HttpError(
                401,
                f"The API key '{shown}…' is not valid; make a new one on your profile.",
            )
        request.user = user
        _count_call(request, "api")
        return user


def keyless_caller(request: HttpRequest) -> str:
    """A caller without a key: allowed on the search endpoint only."""
    match = request.resolver_match
    if match is None or match.url_name not in KEYLESS_ENDPOINTS:
        raise HttpError(
            401,
            "This endpoint needs an API key: make one on your profile page and"
            " send it as Authorization: Bearer <key>.",
        )
    meter = KEYLESS_ENDPOINTS[match.url_name]
    if meter is not None:
        _count_call(request, meter)
    return "keyless"


#: The API's authentication: a key when one is sent, else keyless endpoints.
API_AUTH: list[Any] = [ApiKeyBearer(), keyless_caller]

router = Router(tags=["account"])


class AllowanceOut(Schema):
    meter: str
    limit: int | None
    used: int
    remaining: int | None


@router.get("/account/usage", response=list[AllowanceOut], url_name="usage")
def get_usage(request: HttpRequest) -> list[dict[str, Any]]:
    """How much of each meter the caller has used in its period."""
    return [
        {
            "meter": allowance.meter.name,
            "limit": allowance.limit,
            "used": allowance.used,
            "remaining": allowance.remaining,
        }
        for allowance in usage_summary(request)
    ]
