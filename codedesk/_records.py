"""Typed records the library returns.

Dates are ``datetime.date``; ``None`` for ``valid_to`` means the code is still
valid in the newest release loaded, and ``from_floor`` says that ``valid_from``
is the start of the records we hold, so the code may be older.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Systems CodeDesk knows, in the order search and lookup try them.
SYSTEMS: tuple[str, ...] = ("icd10cm", "icd10pcs", "hcpcs", "cpt")

SYSTEM_LABELS: dict[str, str] = {
    "icd10cm": "ICD-10-CM",
    "icd10pcs": "ICD-10-PCS",
    "hcpcs": "HCPCS Level II",
    "cpt": "CPT",
}

#: ICD-10-CM note types, in the order the tabular list prints them.
NOTE_TYPES: tuple[str, ...] = (
    "note",
    "includes",
    "inclusion_term",
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional_code",
    "code_also",
)


@dataclass(frozen=True)
class CodeRef:
    """A pointer to another code, with enough to show it in a list."""

    system: str
    code: str
    kind: str
    title: str
    billable: bool


@dataclass(frozen=True)
class Note:
    """An instructional note, and the level of the hierarchy it comes from."""

    type: str
    text: str
    source_code: str
    source_kind: str
    inherited: bool


@dataclass(frozen=True)
class SeventhCharacter:
    """One seventh-character value and the level that defines it."""

    character: str
    meaning: str
    source_code: str


@dataclass(frozen=True)
class Span:
    """A period in which a code was valid, from one release source."""

    valid_from: dt.date | None
    valid_to: dt.date | None
    billable: bool
    title: str
    source: str
    from_floor: bool = False

    def covers(self, day: dt.date) -> bool:
        """Whether the span includes the date of service."""
        after_start = (
            self.valid_from is None or self.from_floor or day >= self.valid_from
        )
        before_end = self.valid_to is None or day <= self.valid_to
        return after_start and before_end


@dataclass(frozen=True)
class Fact:
    """A public CMS fact about a code (status, RVU, indicator...)."""

    group: str
    name: str
    label: str
    value: str
    source: str


@dataclass(frozen=True)
class Release:
    """One release file loaded into the code database."""

    system: str
    name: str
    vintage: str
    source: str
    sha256: str
    rows: int
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None


@dataclass(frozen=True)
class CodeRecord:
    """Everything lookup knows about one code on one date of service.

    ``status`` is one of ``valid`` (billable on the date; for a HCPCS
    modifier, ``kind`` ``modifier``, in the code set on the date and not
    billable alone), ``header`` (in the code set on the date but not
    billable), ``ended`` (valid once, not on the date), ``not_yet`` (valid
    only after the date, or before its system took effect).
    """

    system: str
    code: str
    kind: str
    title: str
    date: dt.date
    status: str
    billable: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    from_floor: bool = False
    short_title: str | None = None
    notes: dict[str, list[Note]] = field(default_factory=dict)
    seventh_characters: list[SeventhCharacter] = field(default_factory=list)
    parents: list[CodeRef] = field(default_factory=list)
    children: list[CodeRef] = field(default_factory=list)
    billable_descendants: list[CodeRef] = field(default_factory=list)
    billable_descendant_count: int = 0
    spans: list[Span] = field(default_factory=list)
    replaced_by: list[CodeRef] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    licensed_text: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        """Whether the code is in the code set on the date of service."""
        return self.status in ("valid", "header")


@dataclass(frozen=True)
class SearchResult:
    """One ranked search hit and why it matched."""

    system: str
    code: str
    title: str
    billable: bool
    score: float
    why: str
    kind: str = "code"
