"""The NinjaAPI object at /api/v1/, with OpenAPI docs at /api/v1/docs.

Each area keeps its endpoints on its own ``Router`` in its own module and adds
one line to ``ROUTERS`` below. Errors raised as ``CodeDeskError`` become JSON
bodies with the right status in ``errors.py``.
"""

from __future__ import annotations

from ninja import NinjaAPI, Router

from codedesk_web.accounts import api as accounts_api

from . import ask, check, codes, search
from .errors import install_error_handlers

api = NinjaAPI(
    title="CodeDesk API",
    version="1",
    description="Look up, search and check medical codes.",
    docs_url="/docs",
    urls_namespace="api-1",
    auth=accounts_api.API_AUTH,
)
install_error_handlers(api)

#: (prefix, router) of every area of the API.
ROUTERS: list[tuple[str, Router]] = [
    ("", codes.router),
    ("", search.router),
    ("", ask.router),
    ("", check.router),
    ("", accounts_api.router),
]
for prefix, router in ROUTERS:
    api.add_router(prefix, router)
