"""The code page: one code on the date of service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from codedesk import CodeDeskError, CodeError
from codedesk_web.lib.desk import get_desk
from codedesk_web.lib.errors import error_page
from codedesk_web.lib.metering import use
from codedesk_web.lib.params import parse_system
from codedesk_web.lib.service_date import service_date

from .page import code_page_context


def code_page(request: HttpRequest, system: str, code: str) -> HttpResponse:
    when = service_date(request)
    if when.error is not None:
        return error_page(request, when.error)
    try:
        name = parse_system(system)
    except CodeDeskError as error:
        return error_page(request, error, status=404)
    try:
        desk = get_desk()
        record = desk.lookup(code, system=name, date=when.day)
    except CodeError as error:
        return error_page(request, error, status=404)
    except CodeDeskError as error:
        return error_page(request, error)

    if (record.system, record.code) != (system, code):
        return redirect_to_canonical(request, record.system, record.code)
    if not use(request, "code_page", f"{record.system}:{record.code}").allowed:
        return render(request, "accounts/code_limited.html", {"record": record})
    context = code_page_context(desk, record)
    return render(request, "codes/code.html", context)


def redirect_to_canonical(request: HttpRequest, system: str, code: str) -> HttpResponse:
    url = reverse("codes:code", args=[system, code])
    if request.GET:
        url += "?" + request.GET.urlencode()
    return redirect(url, permanent=True)
