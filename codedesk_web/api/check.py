"""``/api/v1/check``: check a claim; the edits between two codes; a code's edits."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router

from codedesk.edits import (
    check_claim,
    claim_from_dict,
    code_edit_facts,
    pair_edits,
    parse_setting,
)
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.params import parse_system

from .dates import date_or_today
from .schemas import ErrorOut

router = Router(tags=["check"])

_ERRORS = {400: ErrorOut, 503: ErrorOut}


@router.post("/check", response={200: dict[str, Any], **_ERRORS}, url_name="check")
def check(request: HttpRequest, claim: Body[dict[str, Any]]) -> dict[str, Any]:
    """Check a claim (layout in docs/claims.md); every finding cites its source row."""
    parsed = claim_from_dict(claim)
    return check_claim(get_desk().conn, parsed).to_dict()


@router.get(
    "/check/pair", response={200: dict[str, Any], **_ERRORS}, url_name="check-pair"
)
def pair(
    request: HttpRequest,
    code1: str,
    code2: str,
    date: str | None = None,
    setting: str = "practitioner",
) -> dict[str, Any]:
    """The PTP and add-on edits between two codes, both ways round."""
    day = date_or_today(date)
    answer = pair_edits(get_desk().conn, code1, code2, day, parse_setting(setting))
    return answer.to_dict()


@router.get(
    "/check/facts", response={200: dict[str, Any], **_ERRORS}, url_name="check-facts"
)
def facts(
    request: HttpRequest,
    code: str,
    system: str = "cpt",
    date: str | None = None,
    setting: str = "practitioner",
    locality: str | None = None,
) -> dict[str, Any]:
    """A code's PTP partners, add-on relations, MUE and fees on a date."""
    name = parse_system(system) or "cpt"
    day = date_or_today(date)
    found = code_edit_facts(
        get_desk().conn,
        name,
        code.strip().upper(),
        day,
        parse_setting(setting),
        locality=locality or None,
    )
    return found.to_dict()
