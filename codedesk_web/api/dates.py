"""The date-of-service query parameter of the API."""

from __future__ import annotations

import datetime as dt

from codedesk_web.lib.service_date import parse_service_date


def date_or_today(text: str | None) -> dt.date:
    """The date given as YYYY-MM-DD, or today when none is given."""
    if text is None or not text.strip():
        return dt.date.today()
    return parse_service_date(text)
