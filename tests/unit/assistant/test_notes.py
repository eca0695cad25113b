"""The knowledge notes: complete, cited, and found by what coders type."""

from __future__ import annotations

import pytest

from codedesk import DataError
from codedesk.assistant import find_note, load_notes, search_notes
from codedesk.assistant._notes import parse_notes

KINDS = {"guideline", "modifier", "edit", "payment", "glossary"}


def test_every_note_has_a_unique_id_a_kind_and_a_cited_source() -> None:
    notes = load_notes()

    assert len({n.id for n in notes}) == len(notes)
    assert all(n.kind in KINDS for n in notes)
    assert all(n.sources and n.text for n in notes)


def test_the_topics_issue_4_names_each_have_a_note() -> None:
    for note_id in (
        "modifier-25",
        "modifier-59",
        "x-modifiers",
        "global-periods",
        "ncci-ptp-indicators",
        "mue-mai",
        "excludes1-excludes2",
        "seventh-characters",
        "with-convention",
        "hypertension-heart-kidney",
        "diabetes-combination",
        "sepsis-sequencing",
        "etiology-manifestation",
    ):
        assert find_note(note_id) is not None, note_id


def test_guideline_notes_cite_guideline_sections() -> None:
    note = find_note("excludes1-excludes2")

    assert note is not None
    assert "Section I.A.12" in note.sources[0]


@pytest.mark.parametrize(
    ("query", "note_id"),
    [
        ("what does modifier 25 mean", "modifier-25"),
        ("difference between excludes1 and excludes2", "excludes1-excludes2"),
        ("guidelines for hypertension with CKD", "hypertension-heart-kidney"),
        ("how do I sequence sepsis and pneumonia", "sepsis-sequencing"),
        ("what is a global period", "global-periods"),
        ("mue adjudication indicator", "mue-mai"),
    ],
)
def test_search_finds_the_right_note_first(query: str, note_id: str) -> None:
    assert search_notes(query)[0].id == note_id


def test_a_note_without_a_source_line_is_rejected_by_name() -> None:
    with pytest.raises(DataError) as raised:
        parse_notes("id: x\ntitle: X\nkind: glossary\n\nText.", "bad.md")

    assert raised.value.message == "A note in bad.md has no 'source' line."
