"""The one shared ``Desk`` of this process, opened on first use."""

from __future__ import annotations

import functools
from pathlib import Path

from django.conf import settings

from codedesk import Desk


@functools.cache
def get_desk() -> Desk:
    """The desk on the configured code database."""
    return Desk(Path(settings.CODEDESK_DB))
