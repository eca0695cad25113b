"""Every API error is JSON: ``{"error": ..., "hint": ..., "suggestions": [...]}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from codedesk import (
    ClaimError,
    CodeDeskError,
    CodeError,
    DatabaseMissingError,
    InputError,
    MalformedCodeError,
)


def status_of(error: CodeDeskError) -> int:
    """The HTTP status for an error the library raised."""
    if isinstance(error, MalformedCodeError | InputError | ClaimError):
        return 400
    if isinstance(error, CodeError):
        return 404
    if isinstance(error, DatabaseMissingError):
        return 503
    return 500


def error_body(error: object) -> tuple[dict[str, Any], int]:
    """The JSON body and status for an error raised while answering."""
    if isinstance(error, CodeDeskError):
        suggestions = list(getattr(error, "suggestions", ()))
        body = {"error": error.message, "hint": error.hint, "suggestions": suggestions}
        return body, status_of(error)
    if isinstance(error, ValidationError):
        return {
            "error": describe_validation(error),
            "hint": None,
            "suggestions": [],
        }, 400
    if isinstance(error, HttpError):
        return {"error": str(error), "hint": None, "suggestions": []}, error.status_code
    return {
        "error": "The server failed to answer.",
        "hint": None,
        "suggestions": [],
    }, 500


def describe_validation(error: ValidationError) -> str:
    """One sentence naming each parameter that was not usable."""
    problems = []
    for item in error.errors:
        where = ".".join(str(part) for part in item.get("loc", ())[1:])
        problems.append(f"{where or 'request'}: {item.get('msg', 'not valid')}")
    return "Bad request: " + "; ".join(problems) + "."


def install_error_handlers(api: NinjaAPI) -> None:
    """Make the API answer each kind of error with a JSON body."""

    def respond(
        request: HttpRequest, error: Exception | type[Exception]
    ) -> HttpResponse:
        body, status = error_body(error)
        return api.create_response(request, body, status=status)

    for kind in (CodeDeskError, ValidationError, HttpError):
        api.add_exception_handler(kind, respond)
