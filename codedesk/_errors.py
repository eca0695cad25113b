"""Exceptions raised by CodeDesk.

The hierarchy::

    CodeDeskError
    ├── CodeError                 a code is malformed, unknown or unusable
    │   ├── MalformedCodeError    not the shape of any code in the system
    │   ├── UnknownCodeError      well formed, but not in the code set
    │   └── NotValidOnDateError   in the code set, but not on the date of service
    ├── InputError                a value the user gave is not usable
    ├── DataError                 a release file or the code database is wrong
    │   ├── ReleaseFileError      a release file is missing or not the layout
    │   └── DatabaseMissingError  no code database has been built yet
    ├── ClaimError                a claim cannot be read
    └── TransportError            an outside service failed (permanent or not)

Every message names the bad value; ``hint`` carries the fix when one is known.
"""

from __future__ import annotations


class CodeDeskError(Exception):
    """Base of every error CodeDesk raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class CodeError(CodeDeskError):
    """A code is malformed, unknown or not usable as given."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        system: str | None = None,
        hint: str | None = None,
        suggestions: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.system = system
        self.suggestions = suggestions


class MalformedCodeError(CodeError):
    """The text is not the shape of a code in the system."""


class UnknownCodeError(CodeError):
    """The text is shaped like a code but the code set has no such code."""


class NotValidOnDateError(CodeError):
    """The code exists in some release but not on the date of service."""


class InputError(CodeDeskError):
    """A value given by the user (a date, a limit, a file) is not usable."""


class DataError(CodeDeskError):
    """A release file or the code database is not what it should be."""


class ReleaseFileError(DataError):
    """A release file is missing, unreadable or not in the official layout."""


class DatabaseMissingError(DataError):
    """No code database has been built at the configured path."""


class ClaimError(CodeDeskError):
    """A claim file or claim object cannot be read."""


class TransportError(CodeDeskError):
    """An outside service (a download, a model API) failed.

    ``permanent`` says whether trying again can help.
    """

    def __init__(
        self, message: str, *, permanent: bool, hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.permanent = permanent
