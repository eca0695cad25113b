"""Every API error is JSON: ``{"error": ..., "hint": ..., "suggestions": [...]}``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
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


def error_body(error: object, query: QueryDict) -> tuple[dict[str, Any], int]:
    """The JSON body and status for an error raised while answering."""
    if isinstance(error, CodeDeskError):
        suggestions = list(getattr(error, "suggestions", ()))
        body = {"error": error.message, "hint": error.hint, "suggestions": suggestions}
        return body, status_of(error)
    if isinstance(error, ValidationError):
        return {
            "error": describe_validation(error, query),
            "hint": None,
            "suggestions": [],
        }, 400
    if isinstance(error, HttpError):
        return _http_error_body(error), error.status_code
    return {
        "error": "The server failed to answer.",
        "hint": None,
        "suggestions": [],
    }, 500


#: django-ninja's message for a body it cannot decode; with DEBUG on it adds
#: the Python exception text, which a client should never see.
_UNPARSED_BODY = "Cannot parse request body"


def _http_error_body(error: HttpError) -> dict[str, Any]:
    if str(error).startswith(_UNPARSED_BODY):
        return {
            "error": "The request body is not JSON that can be read.",
            "hint": "Send one JSON object in UTF-8, nested no more than a few"
            " levels deep (see docs/claims.md).",
            "suggestions": [],
        }
    return {"error": str(error), "hint": None, "suggestions": []}


def describe_validation(error: ValidationError, query: QueryDict) -> str:
    """One sentence naming each parameter that was not usable, and its value."""
    problems = []
    for item in error.errors:
        loc = [str(part) for part in item.get("loc", ())]
        where = ".".join(loc[1:]) or "request"
        if len(loc) == 2 and loc[0] == "query" and loc[1] in query:
            where += f" '{query[loc[1]]}'"
        problems.append(f"{where}: {item.get('msg', 'not valid')}")
    return "Bad request: " + "; ".join(problems) + "."


def install_error_handlers(api: NinjaAPI) -> None:
    """Make the API answer each kind of error with a JSON body."""

    def respond(
        request: HttpRequest, error: Exception | type[Exception]
    ) -> HttpResponse:
        body, status = error_body(error, request.GET)
        return api.create_response(request, body, status=status)

    for kind in (CodeDeskError, ValidationError, HttpError):
        api.add_exception_handler(kind, respond)
