"""``GET /api/v1/search``: ranked codes for a code, a prefix or words."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from codedesk import InputError
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.params import check_limit, check_query, parse_system

from .dates import date_or_today
from .schemas import ErrorOut, SearchOut

router = Router(tags=["search"])


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut, 503: ErrorOut},
    url_name="search",
)
def search(
    request: HttpRequest,
    q: str = "",
    system: str | None = None,
    date: str | None = None,
    limit: int = 20,
    billable_only: bool = False,
) -> dict[str, Any]:
    """Search every system (or one) for a query, with why each code matched."""
    query = check_query(q)
    if not query:
        raise InputError("The query is empty.", hint="Give words or a code as q=.")
    name = parse_system(system)
    day = date_or_today(date)
    found = get_desk().search(
        query,
        system=name,
        date=day,
        limit=check_limit(limit),
        billable_only=billable_only,
    )
    return {"query": query, "system": name, "date": day, "results": found}
