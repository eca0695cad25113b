"""The date of service every page answers for.

A ``?date=YYYY-MM-DD`` on any page picks it and the session remembers it; an
empty ``?date=`` goes back to today. Links carry the chosen date on, so a
copied link shows the same thing to someone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest

from codedesk import InputError

SESSION_KEY = "service_date"


@dataclass(frozen=True)
class ServiceDate:
    """The date of service of one request, and whether the user chose it."""

    day: dt.date
    chosen: bool
    error: InputError | None = None

    @property
    def query(self) -> str:
        """``?date=...`` to append to a link, or nothing for today."""
        return "?" + urlencode({"date": self.day.isoformat()}) if self.chosen else ""


def parse_service_date(text: str) -> dt.date:
    """A YYYY-MM-DD date, or InputError naming the text."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"'{text}' is not a date.",
            hint="Give the date of service as YYYY-MM-DD, e.g. 2026-01-15.",
        ) from None


def service_date(request: HttpRequest) -> ServiceDate:
    """The date of service for this request, remembering a new choice."""
    given = request.GET.get("date")
    if given is None:
        return remembered_date(request)
    if not given.strip():
        request.session.pop(SESSION_KEY, None)
        return ServiceDate(day=dt.date.today(), chosen=False)
    try:
        day = parse_service_date(given)
    except InputError as error:
        return ServiceDate(day=dt.date.today(), chosen=False, error=error)
    if request.session.get(SESSION_KEY) != day.isoformat():
        request.session[SESSION_KEY] = day.isoformat()
    return ServiceDate(day=day, chosen=True)


def remembered_date(request: HttpRequest) -> ServiceDate:
    """The date kept in the session, or today."""
    kept = request.session.get(SESSION_KEY)
    if isinstance(kept, str):
        try:
            return ServiceDate(day=dt.date.fromisoformat(kept), chosen=True)
        except ValueError:
            request.session.pop(SESSION_KEY, None)
    return ServiceDate(day=dt.date.today(), chosen=False)


def picker_context(request: HttpRequest) -> dict[str, Any]:
    """Template values for the date-of-service picker in the layout."""
    chosen = service_date(request)
    kept = [
        (name, value)
        for name, value in request.GET.items()
        if name != "date" and name in ("q", "system", "billable_only", "limit")
    ]
    return {
        "service_date": chosen.day,
        "service_date_chosen": chosen.chosen,
        "date_query": chosen.query,
        "date_param": "date=" + chosen.day.isoformat() if chosen.chosen else "",
        "picker_keep": kept,
    }
