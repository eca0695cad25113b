"""``GET /api/v1/codes/{system}/{code}``: one code on a date of service."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from codedesk import CodeRecord
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.params import parse_system

from .dates import date_or_today
from .schemas import CodeOut, ErrorOut

router = Router(tags=["codes"])


@router.get(
    "/codes/{system}/{code}",
    response={200: CodeOut, 400: ErrorOut, 404: ErrorOut, 503: ErrorOut},
    url_name="code",
)
def get_code(
    request: HttpRequest, system: str, code: str, date: str | None = None
) -> CodeRecord:
    """Look up a code as typed (``i219``, ``S72.001A``, ``j3301``).

    The answer is for the date of service (``YYYY-MM-DD``, default today).
    A malformed code is a 400, an unknown one a 404 with suggestions.
    """
    name = parse_system(system)
    return get_desk().lookup(code, system=name, date=date_or_today(date))
