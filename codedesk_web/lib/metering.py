"""Metered access: how much of each meter a visitor may use, and counting it.

Meters (limits per plan are settings; ``None`` is no limit):

- ``code_page``: distinct code pages per calendar month; re-opening a page
  already counted that day does not count again.
- ``search``, ``api``: calls per day. (The assistant keeps its own hourly
  limit in codedesk_web/assistant/limits.py.)

A signed-in user is counted as ``user:<id>``. A guest is counted twice, by a
random token in a signed cookie and by a keyed digest of the client address,
and has used the larger of the two counts: clearing cookies alone does not
reset the allowance. Other apps call ``use`` (or decorate a view with
``metered``) and show ``remaining``.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from codedesk_web.accounts.models import Usage
from codedesk_web.accounts.roles import has_paid_plan

from .clientaddr import address_digest, client_address

GUEST_COOKIE = "codedesk_guest"
_COOKIE_SALT = "codedesk.metering.guest"
_REQUEST_ATTR = "_codedesk_allowances"
_NEW_TOKEN_ATTR = "_codedesk_new_guest_token"

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


@dataclass(frozen=True)
class Meter:
    """One metered thing and its limits for guests, free and paid accounts."""

    name: str
    noun: str
    guest: int | None
    free: int | None
    paid: int | None
    per_item: bool
    monthly: bool


@dataclass(frozen=True)
class Allowance:
    """What one request may use of a meter, after counting it."""

    meter: Meter
    limit: int | None
    used: int
    allowed: bool
    signed_in: bool

    @property
    def remaining(self) -> int | None:
        """Units left, or None when there is no limit."""
        return None if self.limit is None else max(0, self.limit - self.used)

    @property
    def message(self) -> str:
        """'3 code page views remaining', or that there is no limit."""
        if self.remaining is None:
            return f"Unlimited {self.meter.noun}s on your plan"
        plural = "" if self.remaining == 1 else "s"
        return f"{self.remaining} {self.meter.noun}{plural} remaining"


def get_meter(name: str) -> Meter:
    """The meter of that name, with its limits from the settings.

    Raises:
        KeyError: no meter has that name.
    """
    limits: dict[str, dict[str, int | None]] = settings.METER_LIMITS
    plan = limits[name]
    return Meter(
        name=name,
        noun=_NOUNS[name],
        guest=plan["guest"],
        free=plan["free"],
        paid=plan["paid"],
        per_item=name == "code_page",
        monthly=name == "code_page",
    )


_NOUNS = {
    "code_page": "code page view",
    "search": "search",
    "api": "API call",
}


def use(request: HttpRequest, meter_name: str, item: str = "") -> Allowance:
    """Count one use of a meter by this visitor, if the allowance has room.

    ``allowed`` is False when the visitor is past the allowance; nothing is
    counted then. For per-item meters, ``item`` (a code) that this visitor
    already used today is allowed again without counting.
    """
    meter = get_meter(meter_name)
    subjects = _subjects(request)
    limit = _limit_for(request, meter)
    today = timezone.now().date()
    item = item[:64] if meter.per_item else ""

    if meter.per_item and _seen_today(subjects, meter, item, today):
        allowance = _allowance(request, meter, limit, _used(subjects, meter), True)
    else:
        used = _used(subjects, meter)
        room = limit is None or used < limit
        if room:
            _record(request, subjects, meter, item, today)
        allowance = _allowance(request, meter, limit, used + room, room)
    _remember(request, allowance)
    return allowance


def peek(request: HttpRequest, meter_name: str) -> Allowance:
    """The visitor's allowance on a meter without counting anything."""
    meter = get_meter(meter_name)
    limit = _limit_for(request, meter)
    used = _used(_subjects(request), meter)
    allowed = limit is None or used < limit
    return _allowance(request, meter, limit, used, allowed)


def usage_summary(request: HttpRequest) -> list[Allowance]:
    """Every meter's allowance for this visitor, for the profile page."""
    limits: dict[str, Any] = settings.METER_LIMITS
    return [peek(request, name) for name in limits]


def allowance_of(request: HttpRequest, meter_name: str) -> Allowance | None:
    """The allowance ``use`` counted for this request, if any."""
    found: dict[str, Allowance] = getattr(request, _REQUEST_ATTR, {})
    return found.get(meter_name)


def metered(meter_name: str) -> Callable[[ViewFunc], ViewFunc]:
    """Count a view's page against a meter; the item is the URL's arguments.

    The view still runs past the allowance: it reads ``allowance_of`` (or
    the template reads ``meter``) and shows only what a visitor past the
    allowance may see.
    """

    def decorate(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            parts = [str(value) for value in (*args, *kwargs.values())]
            item = ":".join(parts).upper().replace(".", "")
            use(request, meter_name, item)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def meter_context(request: HttpRequest) -> dict[str, Any]:
    """Template context: ``meter``, the allowance counted for a code page."""
    return {"meter": allowance_of(request, "code_page")}


class GuestCookieMiddleware:
    """Set the guest's signed cookie when metering gave them a new token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        token = getattr(request, _NEW_TOKEN_ATTR, None)
        if token:
            response.set_signed_cookie(
                GUEST_COOKIE,
                token,
                salt=_COOKIE_SALT,
                max_age=400 * 24 * 3600,
                secure=not settings.DEBUG,
                httponly=True,
                samesite="Lax",
            )
        return response


def _subjects(request: HttpRequest) -> list[str]:
    if request.user.is_authenticated:
        return [f"user:{request.user.pk}"]
    return [f"guest:{_guest_token(request)}", f"addr:{_address(request)}"]


def _address(request: HttpRequest) -> str:
    return address_digest(client_address(request))


def _guest_token(request: HttpRequest) -> str:
    token = getattr(request, _NEW_TOKEN_ATTR, None) or request.get_signed_cookie(
        GUEST_COOKIE, default=None, salt=_COOKIE_SALT
    )
    if not token:
        token = secrets.token_urlsafe(18)
        setattr(request, _NEW_TOKEN_ATTR, token)
    return str(token)


def _limit_for(request: HttpRequest, meter: Meter) -> int | None:
    user = request.user
    if not user.is_authenticated:
        return meter.guest
    if has_paid_plan(user):
        return meter.paid
    return meter.free


def _period_start(meter: Meter) -> dt.date:
    today = timezone.now().date()
    return today.replace(day=1) if meter.monthly else today


def _used(subjects: list[str], meter: Meter) -> int:
    rows = Usage.objects.filter(meter=meter.name, day__gte=_period_start(meter))
    if meter.per_item:
        return max(rows.filter(subject=subject).count() for subject in subjects)
    totals = [
        rows.filter(subject=subject).aggregate(total=Sum("hits"))["total"] or 0
        for subject in subjects
    ]
    return max(totals)


def _seen_today(subjects: list[str], meter: Meter, item: str, day: dt.date) -> bool:
    rows = Usage.objects.filter(subject__in=subjects, meter=meter.name, day=day)
    return rows.filter(item=item).exists()


def _record(
    request: HttpRequest, subjects: list[str], meter: Meter, item: str, day: dt.date
) -> None:
    user = request.user if request.user.is_authenticated else None
    for subject in subjects:
        key = {"subject": subject, "meter": meter.name, "day": day, "item": item}
        with transaction.atomic():
            updated = Usage.objects.filter(**key).update(hits=F("hits") + 1)
            if not updated:
                _create_usage(key, user)


def _create_usage(key: dict[str, Any], user: Any) -> None:
    try:
        with transaction.atomic():
            Usage.objects.create(user=user, **key)
    except IntegrityError:
        # Another request made the row first; count this one on it.
        Usage.objects.filter(**key).update(hits=F("hits") + 1)


def _allowance(
    request: HttpRequest, meter: Meter, limit: int | None, used: int, allowed: bool
) -> Allowance:
    signed_in = bool(request.user.is_authenticated)
    return Allowance(meter, limit, used, allowed, signed_in)


def _remember(request: HttpRequest, allowance: Allowance) -> None:
    found: dict[str, Allowance] = getattr(request, _REQUEST_ATTR, {})
    found[allowance.meter.name] = allowance
    setattr(request, _REQUEST_ATTR, found)
