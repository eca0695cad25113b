"""The shared ``Desk`` of this process, opened on first use."""

from __future__ import annotations

import functools
from pathlib import Path

from django.conf import settings

from codedesk import Desk


def get_desk() -> Desk:
    """The desk on the configured code database (``settings.CODEDESK_DB``).

    Raises:
        DatabaseMissingError: no code database has been built there yet.
    """
    return open_desk(str(settings.CODEDESK_DB))


@functools.lru_cache(maxsize=4)
def open_desk(path: str) -> Desk:
    """One desk per database file, kept for the life of the process."""
    return Desk(Path(path))
