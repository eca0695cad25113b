"""The glossary page shows every knowledge note with the sources it cites."""

from __future__ import annotations

from django.test import Client

from codedesk.assistant import load_notes


def test_it_lists_every_note_with_its_sources(site: Client) -> None:
    page = site.get("/assistant/glossary/").content.decode()

    for note in load_notes():
        assert f'id="{note.id}"' in page
    assert "Section I.A.12 (Excludes Notes)" in page
