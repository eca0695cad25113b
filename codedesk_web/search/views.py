"""The home page with its search box, and the search results page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from codedesk import SYSTEM_LABELS, SYSTEMS, CodeDeskError
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.errors import error_page
from codedesk_web.lib.metering import use
from codedesk_web.lib.params import (
    check_query,
    parse_flag,
    parse_limit,
    parse_system,
)
from codedesk_web.lib.service_date import service_date


def home(request: HttpRequest) -> HttpResponse:
    when = service_date(request)
    if when.error is not None:
        return error_page(request, when.error)
    return render(request, "search/home.html", form_context(request))


def results(request: HttpRequest) -> HttpResponse:
    when = service_date(request)
    if when.error is not None:
        return error_page(request, when.error)
    query = request.GET.get("q", "").strip()
    context = form_context(request)
    if not query:
        return render(request, "search/results.html", context)
    allowance = use(request, "search")
    if not allowance.allowed:
        context["meter"] = allowance
        return render(request, "accounts/search_limited.html", context, status=429)
    try:
        query = check_query(query)
        system = parse_system(request.GET.get("system"))
        billable_only = parse_flag(request.GET.get("billable_only"))
        limit = parse_limit(request.GET.get("limit"), default=25)
        found = get_desk().search(
            query,
            system=system,
            date=when.day,
            limit=limit,
            billable_only=billable_only,
        )
    except CodeDeskError as error:
        return error_page(request, error)

    context["results"] = [
        (hit, SYSTEM_LABELS.get(hit.system, hit.system)) for hit in found
    ]
    return render(request, "search/results.html", context)


def form_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "query": request.GET.get("q", "").strip(),
        "system": request.GET.get("system", ""),
        "billable_only": request.GET.get("billable_only", "") not in ("", "0"),
        "systems": [(name, SYSTEM_LABELS[name]) for name in SYSTEMS],
        "system_labels": SYSTEM_LABELS,
    }
