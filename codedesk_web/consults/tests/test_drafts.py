from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from codedesk import TransportError
from codedesk.assistant import MAX_QUESTION, Answer, Source
from codedesk_web.consults import drafts


def fake_answer(text: str, sources: list[Source]) -> Callable[..., Answer]:
    def answer(desk: object, question: str, **options: object) -> Answer:
        return Answer(
            question=question,
            text=text,
            date=dt.date(2026, 4, 1),
            kind="code",
            engine="offline",
            sources=sources,
        )

    return answer


@pytest.fixture
def any_desk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "get_desk", lambda: object())
    monkeypatch.setattr(drafts, "model_client", lambda: None)


@pytest.mark.usefixtures("any_desk")
def test_the_draft_is_the_answer_with_numbered_sources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = [Source("ICD-10-CM April 2026", "K92.2"), Source("NCCI PTP")]
    monkeypatch.setattr(drafts, "answer", fake_answer("K92.2 is billable.", sources))

    draft = drafts.draft_answer("Is K92.2 billable?")

    assert draft == (
        "K92.2 is billable.\n\nSources:\n1. ICD-10-CM April 2026: K92.2\n2. NCCI PTP"
    )


@pytest.mark.usefixtures("any_desk")
def test_a_long_email_is_cut_to_the_assistant_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def answer(desk: object, question: str, **options: object) -> Answer:
        asked.append(question)
        return fake_answer("ok", [])(desk, question)

    monkeypatch.setattr(drafts, "answer", answer)

    drafts.draft_answer("x" * 5000)

    assert [len(question) for question in asked] == [MAX_QUESTION]


@pytest.mark.usefixtures("any_desk")
def test_a_failing_model_gives_a_draft_that_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def answer(desk: object, question: str, **options: object) -> Answer:
        raise TransportError("The model server timed out", permanent=False)

    monkeypatch.setattr(drafts, "answer", answer)

    assert drafts.draft_answer("Is K92.2 billable?") == (
        "The assistant could not draft an answer (The model server timed out); "
        "write the answer by hand."
    )


def test_a_missing_code_database_gives_a_draft_that_says_why(
    settings: Settings, tmp_path: Path
) -> None:
    settings.CODEDESK_DB = str(tmp_path / "none.sqlite3")
    settings.CODEDESK_LLM_URL = ""

    draft = drafts.draft_answer("Is K92.2 billable?")

    assert draft.startswith("The assistant could not draft an answer (")
    assert draft.endswith("; write the answer by hand.")
