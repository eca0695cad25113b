"""Turn a CodeDesk error into a page that says what went wrong and the fix."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from codedesk import (
    ClaimError,
    CodeDeskError,
    CodeError,
    DatabaseMissingError,
    InputError,
)


def error_status(error: CodeDeskError) -> int:
    """The HTTP status that fits the error on a web page."""
    if isinstance(error, DatabaseMissingError):
        return 503
    if isinstance(error, CodeError):
        return 404
    if isinstance(error, InputError | ClaimError):
        return 400
    return 500


def error_page(
    request: HttpRequest, error: CodeDeskError, status: int | None = None
) -> HttpResponse:
    """The error page: the message, the hint and any suggested codes."""
    context = {
        "error": error,
        "suggestions": getattr(error, "suggestions", ()),
        "system": getattr(error, "system", None),
        "query": getattr(error, "code", ""),
    }
    return render(request, "error.html", context, status=status or error_status(error))
