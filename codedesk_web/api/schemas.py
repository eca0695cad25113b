"""The shapes of the API's answers, as OpenAPI documents them."""

from __future__ import annotations

import datetime as dt

from ninja import Schema

from codedesk import CodeRecord, plain_summary


class ErrorOut(Schema):
    """What went wrong, how to fix it, and any codes that were probably meant."""

    error: str
    hint: str | None = None
    suggestions: list[str] = []


class CodeRefOut(Schema):
    system: str
    code: str
    kind: str
    title: str
    billable: bool


class NoteOut(Schema):
    type: str
    text: str
    source_code: str
    source_kind: str
    inherited: bool


class SeventhCharacterOut(Schema):
    character: str
    meaning: str
    source_code: str


class SpanOut(Schema):
    valid_from: dt.date | None
    valid_to: dt.date | None
    from_floor: bool
    billable: bool
    title: str
    source: str


class FactOut(Schema):
    group: str
    name: str
    label: str
    value: str
    source: str


class CodeOut(Schema):
    """One code on one date of service; ``status`` is valid, header, ended
    or not_yet."""

    system: str
    code: str
    kind: str
    title: str
    short_title: str | None
    summary: str
    date: dt.date
    status: str
    billable: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    from_floor: bool
    notes: dict[str, list[NoteOut]]
    parents: list[CodeRefOut]
    children: list[CodeRefOut]
    billable_descendant_count: int
    seventh_characters: list[SeventhCharacterOut]
    spans: list[SpanOut]
    replaced_by: list[CodeRefOut]
    facts: list[FactOut]
    warnings: list[str]
    licensed_text: dict[str, str]

    @staticmethod
    def resolve_summary(record: CodeRecord) -> str:
        return plain_summary(record)


class SearchHitOut(Schema):
    system: str
    code: str
    title: str
    billable: bool
    score: float
    why: str
    kind: str


class SearchOut(Schema):
    query: str
    system: str | None
    date: dt.date
    results: list[SearchHitOut]
