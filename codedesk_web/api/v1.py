"""The NinjaAPI object; each area adds its router in its own module."""

from __future__ import annotations

from ninja import NinjaAPI

api = NinjaAPI(
    title="CodeDesk API",
    version="1",
    description="Look up, search and check medical codes.",
    docs_url="/docs",
)
