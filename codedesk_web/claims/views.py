"""The claim form at /check/: paste codes, see every edit with its source row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from codedesk import CodeDeskError
from codedesk.edits import SETTINGS, check_claim, claim_from_dict
from codedesk_web.lib.desk import get_desk

from .form import claim_fields


def check_form(request: HttpRequest) -> HttpResponse:
    fields = {
        "date": request.GET.get("date", dt.date.today().isoformat()),
        "setting": request.GET.get("setting", "practitioner"),
        "lines": request.GET.get("lines", ""),
        "diagnoses": request.GET.get("diagnoses", ""),
        "age": request.GET.get("age", ""),
        "sex": request.GET.get("sex", ""),
    }
    context: dict[str, Any] = {"fields": fields, "settings": SETTINGS}
    if not (fields["lines"].strip() or fields["diagnoses"].strip()):
        return render(request, "claims/check.html", context)
    try:
        claim = claim_from_dict(claim_fields(request.GET))
        context["report"] = check_claim(get_desk().conn, claim)
    except CodeDeskError as error:
        context["error"] = error
        return render(request, "claims/check.html", context, status=400)
    return render(request, "claims/check.html", context)
