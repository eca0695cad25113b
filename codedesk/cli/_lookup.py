"""``codedesk lookup``: one code, as a coder reads it."""

from __future__ import annotations

import datetime as dt

import click

from .._lookup import record_as_dict
from .._records import SYSTEM_LABELS, CodeRecord, CodeRef, Note
from ._common import (
    date_option,
    db_option,
    echo_json,
    json_option,
    open_desk,
    parse_date,
    parse_system,
    system_option,
)

STATUS_LABELS = {
    "valid": "BILLABLE",
    "header": "HEADER, not billable",
    "ended": "NOT VALID (ended)",
    "not_yet": "NOT YET VALID",
}

NOTE_LABELS = {
    "note": "Notes",
    "includes": "Includes",
    "inclusion_term": "Inclusion terms",
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
}

#: How many children and billable codes the text output lists.
LIST_LIMIT = 25


@click.command()
@click.argument("code")
@system_option
@date_option
@json_option
@db_option
def lookup(
    code: str,
    system_text: str | None,
    date_text: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Look up CODE as typed (I219, k922, S72.001A, 0LB50ZZ, J3301).

    Shows the official title, billable or header, validity on the date of
    service, the notes that apply (own and inherited), seventh characters,
    parents and children. Exits with status 1 when the code is malformed or
    unknown, and suggests the likely fix.
    """
    system = parse_system(system_text)
    date = parse_date(date_text)
    desk = open_desk(db)

    record = desk.lookup(code, system=system, date=date)

    if as_json:
        echo_json(record_as_dict(record))
        return
    for line in render_record(record):
        click.echo(line)


def render_record(record: CodeRecord) -> list[str]:
    """The record as lines of text for a terminal."""
    lines = [f"{record.code}  {record.title}", _status_line(record)]
    lines.append(f"Valid: {_validity(record)}")
    if record.parents:
        lines.append("In: " + " > ".join(_ref(p) for p in record.parents))
    lines += _notes(record.notes)
    lines += _sevenths(record)
    lines += _refs("Children", record.children)
    if record.status == "header":
        title = f"Billable codes under it ({record.billable_descendant_count})"
        lines += _refs(title, record.billable_descendants)
    lines += _refs("Replaced by", record.replaced_by)
    lines += _facts(record)
    lines += [f"! {warning}" for warning in record.warnings]
    return lines


def _status_line(record: CodeRecord) -> str:
    label = SYSTEM_LABELS.get(record.system, record.system)
    status = STATUS_LABELS.get(record.status, record.status)
    if record.kind == "modifier" and record.status == "valid":
        status = "VALID modifier (added to a code, not billed alone)"
    return f"{label} {record.kind} · {status} on {record.date.isoformat()}"


def _validity(record: CodeRecord) -> str:
    start = _day(record.valid_from)
    if record.from_floor:
        start += " (our records start then; it may be older)"
    end = _day(record.valid_to) if record.valid_to else "present"
    return f"{start} to {end}"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else "unknown"


def _ref(ref: CodeRef) -> str:
    name = f"Chapter {ref.code}" if ref.kind == "chapter" else ref.code
    return f"{name} {ref.title}"


def _notes(notes: dict[str, list[Note]]) -> list[str]:
    lines: list[str] = []
    for note_type, items in notes.items():
        lines += ["", NOTE_LABELS.get(note_type, note_type) + ":"]
        for note in items:
            source = f"  [from {note.source_code}]" if note.inherited else ""
            lines.append(f"  - {note.text}{source}")
    return lines


def _sevenths(record: CodeRecord) -> list[str]:
    if not record.seventh_characters:
        return []
    source = record.seventh_characters[0].source_code
    lines = ["", f"Seventh characters (defined at {source}):"]
    lines += [f"  {s.character}  {s.meaning}" for s in record.seventh_characters]
    return lines


def _refs(title: str, refs: list[CodeRef]) -> list[str]:
    if not refs:
        return []
    lines = ["", f"{title}:"]
    for ref in refs[:LIST_LIMIT]:
        badge = "" if ref.billable else "  (header)"
        lines.append(f"  {ref.code}  {ref.title}{badge}")
    if len(refs) > LIST_LIMIT:
        lines.append(f"  … and {len(refs) - LIST_LIMIT} more")
    return lines


def _facts(record: CodeRecord) -> list[str]:
    if not record.facts:
        return []
    lines = ["", "Facts:"]
    lines += [f"  {f.group} {f.label}: {f.value}" for f in record.facts]
    return lines
