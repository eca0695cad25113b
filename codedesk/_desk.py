"""The desk: one object that answers lookups and searches on a code database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from ._db import ConnectionPool, default_path
from ._records import CodeRecord, CodeRef, SearchResult


class Desk:
    """Read-only access to a built code database.

    Safe to share between threads: each thread gets its own connection.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._pool = ConnectionPool(self.path)

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        return self._pool.get()

    def lookup(
        self, text: str, *, system: str | None = None, date: dt.date | None = None
    ) -> CodeRecord:
        """Look up a code as typed, for a date of service (default today).

        Raises:
            MalformedCodeError: the text is not the shape of a code.
            UnknownCodeError: no such code; ``suggestions`` holds likely fixes.
        """
        from ._lookup import lookup_code

        return lookup_code(self.conn, text, system=system, date=date or dt.date.today())

    def siblings(
        self,
        text: str | CodeRecord,
        *,
        system: str | None = None,
        date: dt.date | None = None,
    ) -> list[CodeRef]:
        """The other codes under the same parent as this one, on the date.

        Given a record from ``lookup``, it answers for that record's date
        without looking the code up again. Raises the same errors as ``lookup``.
        """
        from ._lookup import sibling_codes

        if isinstance(text, CodeRecord):
            return sibling_codes(self.conn, text)
        return sibling_codes(self.conn, self.lookup(text, system=system, date=date))

    def search(
        self,
        query: str,
        *,
        system: str | None = None,
        date: dt.date | None = None,
        limit: int = 20,
        billable_only: bool = False,
    ) -> list[SearchResult]:
        """Rank codes for a query: a code, a prefix, words or a sentence."""
        from .search import search_codes

        return search_codes(
            self.conn,
            query,
            system=system,
            date=date or dt.date.today(),
            limit=limit,
            billable_only=billable_only,
        )
