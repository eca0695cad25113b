"""Search: turn a code, a prefix or words into ranked codes."""

from __future__ import annotations

import datetime as dt
import sqlite3

from .._records import SearchResult
from ..releases import Loader

LOADERS: tuple[Loader, ...] = ()


def search_codes(
    conn: sqlite3.Connection,
    query: str,
    *,
    system: str | None,
    date: dt.date,
    limit: int,
    billable_only: bool,
) -> list[SearchResult]:
    """Rank codes for a query (built in issue #2)."""
    raise NotImplementedError("search is being built in issue #2")


__all__ = ["LOADERS", "search_codes"]
