"""Parse the CMS HCPCS Level II quarterly zip as CMS publishes it.

Reads ``hcpcs/<month>-<year>-alpha-numeric-hcpcs-file.zip`` (e.g. the
January 2026 release): the fixed-width ``HCPC<year>_<MON>_ANWEB_<date>.txt``
by the record layout in ``HCPC<year>_recordlayout.txt`` from the same zip,
and the processing notes in ``proc_notes_<MON><year>.txt``. Record
identification 3 starts a procedure code and 4 continues its long
description; 7 and 8 do the same for a modifier. Every field of the layout
is kept.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .._errors import ReleaseFileError
from ._layout import (
    LayoutField,
    RecordLayout,
    parse_layout,
    parse_processing_notes,
)
from ._normalize import CODE_SHAPE, MODIFIER_SHAPE

CODE = "Healthcare Common Procedure Coding System Code"
MODIFIER = "HCPCS Modifier Code"
SEQUENCE = "HCPCS Sequence Number"
RECORD_ID = "HCPCS Record Identification Code"
LONG = "HCPCS Long Description"
SHORT = "HCPCS Short Description"
CROSS_REFERENCE = "HCPCS Cross Reference Code"
ADDED = "HCPCS Code Added Date"
EFFECTIVE = "HCPCS Action Effective Date"
TERMINATED = "HCPCS Termination Date"
ACTION = "HCPCS Action Code"

#: Fields that become columns of the record rather than facts.
RECORD_FIELDS = frozenset((CODE, MODIFIER, SEQUENCE, RECORD_ID, LONG, SHORT))

_LAYOUT_MEMBER = re.compile(r"HCPC\d{4}_recordlayout\.txt$", re.IGNORECASE)
_DATA_MEMBER = re.compile(r"HCPC(\d{4})_([A-Z]{3})_ANWEB_\d{8}\.txt$", re.IGNORECASE)
_NOTES_MEMBER = re.compile(r"proc_notes_\w*\.txt$", re.IGNORECASE)
_MONTHS: tuple[str, ...] = (
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "OCT",
    "NOV",
    "DEC",
)


@dataclass
class HcpcsItem:
    """One procedure code or modifier with every field of its record.

    ``values`` maps each other layout field's name to its raw values (one
    per occurrence, blanks dropped).
    """

    code: str
    kind: str
    long_description: str
    short_description: str
    values: dict[str, tuple[str, ...]]
    line: int

    def first(self, name: str) -> str:
        """The first value of a field, or ''."""
        found = self.values.get(name, ())
        return found[0] if found else ""


@dataclass(frozen=True)
class HcpcsFile:
    """A parsed quarterly zip."""

    member: str
    vintage: str
    layout: RecordLayout
    items: list[HcpcsItem]
    notes: dict[str, str]


def read_hcpcs_zip(path: Path) -> HcpcsFile:
    """Parse a quarterly zip (see the module docstring)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            layout_name = _member(names, _LAYOUT_MEMBER, path)
            data_name = _member(names, _DATA_MEMBER, path)
            notes_name = next((n for n in names if _NOTES_MEMBER.search(n)), None)
            layout = parse_layout(_text(archive, layout_name))
            data = _text(archive, data_name)
            notes = (
                parse_processing_notes(_text(archive, notes_name)) if notes_name else {}
            )
    except zipfile.BadZipFile:
        raise ReleaseFileError(f"{path.name} is not a readable zip file.") from None
    return HcpcsFile(
        member=data_name,
        vintage=_vintage(data_name),
        layout=layout,
        items=parse_records(layout, data, data_name),
        notes=notes,
    )


def parse_records(layout: RecordLayout, text: str, name: str) -> list[HcpcsItem]:
    """Group the fixed-width lines into one item per code or modifier."""
    record_id = layout.field_named(RECORD_ID)
    items: list[HcpcsItem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        line = _checked_line(layout, raw, name, number)
        kind = record_id.values(line)[0]
        if kind in ("3", "7"):
            items.append(_start_item(layout, line, kind, name, number))
        elif kind in ("4", "8") and items:
            _continue_item(layout, items[-1], line, name, number)
        else:
            raise ReleaseFileError(
                f"{name} line {number} has record identification '{kind}'"
                " where 3, 4, 7 or 8 was expected."
            )
    return items


def _start_item(
    layout: RecordLayout, line: str, kind: str, name: str, number: int
) -> HcpcsItem:
    is_code = kind == "3"
    code = layout.field_named(CODE if is_code else MODIFIER).values(line)[0]
    shape = CODE_SHAPE if is_code else MODIFIER_SHAPE
    if not shape.match(code):
        raise ReleaseFileError(
            f"{name} line {number} has '{code}', which is not a HCPCS"
            f" {'code' if is_code else 'modifier'}."
        )
    return HcpcsItem(
        code=code,
        kind="code" if is_code else "modifier",
        long_description=layout.field_named(LONG).values(line)[0],
        short_description=layout.field_named(SHORT).values(line)[0],
        values={
            f.name: _kept(f, line) for f in layout.fields if f.name not in RECORD_FIELDS
        },
        line=number,
    )


def _continue_item(
    layout: RecordLayout, item: HcpcsItem, line: str, name: str, number: int
) -> None:
    is_code = item.kind == "code"
    code = layout.field_named(CODE if is_code else MODIFIER).values(line)[0]
    if code != item.code:
        raise ReleaseFileError(
            f"{name} line {number} continues '{code}' but follows '{item.code}'."
        )
    more = layout.field_named(LONG).values(line)[0]
    item.long_description = f"{item.long_description} {more}".strip()


def _kept(f: LayoutField, line: str) -> tuple[str, ...]:
    return tuple(value for value in f.values(line) if value)


def _checked_line(layout: RecordLayout, raw: str, name: str, number: int) -> str:
    line = raw.rstrip("\r\n")
    if line[layout.record_length :].strip():
        raise ReleaseFileError(
            f"{name} line {number} is {len(line)} characters long; the record"
            f" layout has {layout.record_length}."
        )
    return line.ljust(layout.record_length)


def _member(names: list[str], pattern: re.Pattern[str], path: Path) -> str:
    for name in names:
        if pattern.search(name):
            return name
    raise ReleaseFileError(
        f"{path.name} has no member like {pattern.pattern}.",
        hint="Use the alphanumeric HCPCS zip exactly as CMS publishes it.",
    )


def _text(archive: zipfile.ZipFile, name: str) -> str:
    return archive.read(name).decode("latin-1")


def _vintage(member: str) -> str:
    match = _DATA_MEMBER.search(member)
    if match is None:
        raise ReleaseFileError(f"'{member}' does not name its year and month.")
    month = _MONTHS.index(match.group(2).upper()) + 1
    return f"{match.group(1)}-{month:02d}"
