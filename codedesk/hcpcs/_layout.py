"""Read the record layout CMS ships inside the HCPCS quarterly zip.

Reads ``HCPC<year>_recordlayout.txt`` (the "CMS RIF REPORT" of the
320-column contractor record; e.g. ``HCPC2026_recordlayout.txt`` in the
January 2026 zip): each numbered field's name, length, begin and end
columns, type, ``OCCURS MAX`` repeat count, its ``CODES`` (value = meaning)
and the ``CODE TABLE`` it refers to, and the code tables of the appendix
(``BETOS_TB``, ``CMS_TYPE_SRVC_TB``). Also reads the processing notes file
(``proc_notes_<MON><year>.txt``): ``0001--TEXT`` entries, continued on the
following lines.

The layout is read rather than hard-coded so that a new year's zip that
moves a field is parsed by its own description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._errors import ReleaseFileError

_FIELD = re.compile(r"^ {2}(\d+)\.\s+(.+?)\s*$")
_POSITION = re.compile(r"^\s+(\d+)\s+(\d+)\s+(\d+)(?:\s+(CHAR|NUM|GRP))?\s*$")
_OCCURS = re.compile(r"OCCURS MAX:\s*(\d+)")
_TABLE_REF = re.compile(r"CODE TABLE\s*:\s*(\w+)")
_VALUE = re.compile(r"^(\s+)([0-9A-Z]{1,3})\s+=\s+(.+?)\s*$")
_TABLE = re.compile(r"^ (\w+_TB)\s")
_NOTE = re.compile(r"^\s+(\d{4})--(.*?)\s*\*?\s*$")
_TYPE_WORD = re.compile(r"\s+(CHAR|NUM|GRP)$")


@dataclass
class LayoutField:
    """One field of the record: where it sits and what its codes mean."""

    number: int
    name: str
    length: int = 0
    begin: int = 0
    end: int = 0
    type: str = ""
    occurs: int = 1
    code_table: str | None = None
    codes: dict[str, str] = field(default_factory=dict)

    def values(self, line: str) -> tuple[str, ...]:
        """The field's value(s) in a record line, stripped."""
        start = self.begin - 1
        return tuple(
            line[start + i * self.length : start + (i + 1) * self.length].strip()
            for i in range(self.occurs)
        )


@dataclass(frozen=True)
class RecordLayout:
    """The fields of the HCPCS record and the appendix code tables."""

    fields: tuple[LayoutField, ...]
    code_tables: dict[str, dict[str, str]]
    record_length: int

    def field_named(self, name: str) -> LayoutField:
        """The field with this exact layout name."""
        for f in self.fields:
            if f.name == name:
                return f
        raise ReleaseFileError(
            f"The HCPCS record layout has no field named '{name}'.",
            hint="The zip may be a layout this version does not know.",
        )

    def meaning(self, f: LayoutField, value: str) -> str:
        """What a coded value means, from the field's codes or code table."""
        if value in f.codes:
            return f.codes[value]
        table = self.code_tables.get(f.code_table or "", {})
        return table.get(value, "")


def parse_layout(text: str) -> RecordLayout:
    """Parse the record layout text (see the module docstring)."""
    lines = text.expandtabs(8).splitlines()
    appendix = _index_of(lines, "TABLE OF CODES APPENDIX")
    every = _parse_fields(lines[:appendix])
    fields = [f for f in every if f.type != "GRP" and f.name != "FILLER"]
    if not fields:
        raise ReleaseFileError("The HCPCS record layout lists no fields.")
    return RecordLayout(
        fields=tuple(fields),
        code_tables=_parse_code_tables(lines[appendix:]),
        record_length=max(f.begin + f.length * f.occurs - 1 for f in every),
    )


def parse_processing_notes(text: str) -> dict[str, str]:
    """Processing note number to its text, lines joined."""
    notes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        body = line.rstrip().rstrip("*").strip()
        match = _NOTE.match(line)
        if match:
            current = notes.setdefault(match.group(1), [match.group(2).strip()])
        elif not body:
            current = None
        elif current is not None:
            current.append(body)
    return {number: " ".join(parts) for number, parts in notes.items()}


def _index_of(lines: list[str], marker: str) -> int:
    for index, line in enumerate(lines):
        if marker in line:
            return index
    return len(lines)


def _parse_fields(lines: list[str]) -> list[LayoutField]:
    fields: list[LayoutField] = []
    reader = _CodesReader()
    for line in lines:
        header = _FIELD.match(line)
        if header:
            name = _TYPE_WORD.sub("", header.group(2)).strip()
            fields.append(LayoutField(int(header.group(1)), name))
            reader = _CodesReader()
        elif fields:
            _read_field_line(fields[-1], line, reader)
    return [f for f in fields if f.length]


def _read_field_line(f: LayoutField, line: str, reader: _CodesReader) -> None:
    position = _POSITION.match(line)
    if position and not f.length:
        f.length, f.begin, f.end = (int(position.group(i)) for i in (1, 2, 3))
        f.type = position.group(4) or ""
    elif (occurs := _OCCURS.search(line)) is not None:
        f.occurs = int(occurs.group(1))
        reader.active = False
    elif (table := _TABLE_REF.search(line)) is not None:
        f.code_table = table.group(1)
    elif line.strip().startswith("CODES") and line.strip().endswith(":"):
        reader.active = True
    elif reader.active:
        reader.read(line, f.codes)


class _CodesReader:
    """Collects ``value = meaning`` lines and their indented continuations."""

    def __init__(self) -> None:
        self.active = False
        self.value: str | None = None
        self.indent = 0

    def read(self, line: str, codes: dict[str, str]) -> None:
        match = _VALUE.match(line)
        if match:
            self.indent = len(match.group(1))
            self.value = match.group(2)
            codes[self.value] = match.group(3)
            return
        text = line.strip()
        indent = len(line) - len(line.lstrip())
        if self.value is not None and text and indent > self.indent:
            if not set(text) <= {"-"}:
                codes[self.value] += " " + text
        elif text:
            self.value = None


def _parse_code_tables(lines: list[str]) -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {}
    reader = _CodesReader()
    for line in lines:
        if "PROCESSING NOTES" in line:
            break
        table = _TABLE.match(line)
        if table:
            reader = _CodesReader()
            reader.active = True
            tables[table.group(1)] = {}
        elif tables:
            reader.read(line, tables[list(tables)[-1]])
    return tables
