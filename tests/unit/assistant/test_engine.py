"""The offline engine on the tiny database.

Values: E78.0 header with E78.00 billable (CDC April 2026 Tabular List);
99213 status A, work RVU 1.30, total RVUs 2.75 non-facility and 1.97
facility, global XXX, conversion factor 32.3465 (CMS RVU25D
``PPRRVU2025_Oct.csv``, row 99213); 97004 is in neither the I/OCE code
table nor the PFS 2022-2025 files.
"""

from __future__ import annotations

import datetime as dt

import pytest

from codedesk import Desk, InputError
from codedesk.assistant import DoneEvent, StepEvent, TextEvent, answer, stream_answer

DAY = dt.date(2026, 5, 1)


def test_a_header_is_not_billable_and_its_codes_are_listed(tiny_desk: Desk) -> None:
    result = answer(tiny_desk, "Is E78.0 billable?", date=DAY)

    assert result.known
    assert "E78.0 (ICD-10-CM) is a header, not billable" in result.text
    assert "E78.00 Pure hypercholesterolemia, unspecified" in result.text
    assert result.sources[0].code == "E78.0"
    assert ("E78.00", "valid") in [(c.code, c.status) for c in result.codes]


def test_a_cpt_code_gets_its_public_facts_and_no_descriptor(tiny_desk: Desk) -> None:
    result = answer(tiny_desk, "What is CPT code 99213?", date=DAY)

    assert "work RVU 1.30" in result.text
    assert "global period XXX" in result.text
    assert "non-facility $88.95" in result.text  # 2.75 RVUs x 32.3465
    assert any("AMA content" in m for m in result.missing)


def test_a_cpt_replacement_is_not_guessed(tiny_desk: Desk) -> None:
    result = answer(tiny_desk, "What replaced 97004?", date=DAY)

    assert not result.known
    assert result.text.startswith("I don't know from the data CodeDesk holds.")
    assert "no public file maps them" in result.text
    assert [c.code for c in result.codes] == ["97004"]


def test_modifier_25_is_explained_with_its_sources(tiny_desk: Desk) -> None:
    result = answer(tiny_desk, "What does modifier 25 mean?", date=DAY)

    assert "separately identifiable" in result.text
    assert "NCCI Policy Manual" in result.sources[0].detail


def test_it_streams_steps_then_text_then_the_answer(tiny_desk: Desk) -> None:
    events = list(stream_answer(tiny_desk, "Is E78.0 billable?", date=DAY))

    assert isinstance(events[0], StepEvent) and not events[0].done
    assert isinstance(events[1], StepEvent) and events[1].done
    done = events[-1]
    assert isinstance(done, DoneEvent)
    text = "".join(e.text for e in events if isinstance(e, TextEvent))
    assert text == done.answer.text


def test_the_question_date_is_the_date_of_service(tiny_desk: Desk) -> None:
    result = answer(tiny_desk, "Is E78.00 billable on 2026-05-01?")

    assert result.date == DAY


def test_an_empty_question_is_refused_by_name(tiny_desk: Desk) -> None:
    with pytest.raises(InputError) as raised:
        answer(tiny_desk, "   ")

    assert raised.value.message == "The question is empty."
