"""CodeDesk: an open desk for medical coders.

The library never imports Django; the CLI and the site are thin shells over
it.
"""

from __future__ import annotations

from ._desk import Desk
from ._errors import (
    ClaimError,
    CodeDeskError,
    CodeError,
    DatabaseMissingError,
    DataError,
    InputError,
    MalformedCodeError,
    NotValidOnDateError,
    ReleaseFileError,
    TransportError,
    UnknownCodeError,
)
from ._plain import plain_summary
from ._records import (
    SYSTEM_LABELS,
    SYSTEMS,
    CodeRecord,
    CodeRef,
    Fact,
    Note,
    Release,
    SearchResult,
    SeventhCharacter,
    Span,
)

__all__ = [
    "ClaimError",
    "CodeDeskError",
    "CodeError",
    "CodeRecord",
    "CodeRef",
    "DataError",
    "DatabaseMissingError",
    "Desk",
    "Fact",
    "InputError",
    "MalformedCodeError",
    "NotValidOnDateError",
    "Note",
    "Release",
    "ReleaseFileError",
    "SYSTEMS",
    "SYSTEM_LABELS",
    "SearchResult",
    "SeventhCharacter",
    "Span",
    "TransportError",
    "UnknownCodeError",
    "plain_summary",
]
