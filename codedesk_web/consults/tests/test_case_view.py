from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.consults.inbound import receive_message
from codedesk_web.consults.models import CaseStatus, ConsultCase

from .conftest import CODER_ADDRESS, free_port, question


@pytest.fixture
def case(coder: User) -> ConsultCase:
    receive_message(bytes(question()), CODER_ADDRESS)
    return ConsultCase.objects.get()


def test_a_consultant_sees_the_queue(
    consultant_client: Client, case: ConsultCase
) -> None:
    response = consultant_client.get("/consults/")

    assert list(response.context["cases"]) == [case]
    assert 'id="nav-consults"' in response.text


def test_a_coder_cannot_see_the_queue_or_a_case(coder: User, case: ConsultCase) -> None:
    client = Client()
    client.force_login(coder)

    assert client.get("/consults/").status_code == 403
    assert 'id="nav-consults"' not in client.get("/jobs/").text
    assert client.post(f"/consults/{case.pk}/", {"text": "x"}).status_code == 403


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in(client: Client) -> None:
    assert client.get("/consults/").status_code == 302


def test_saving_a_draft_records_the_edit(
    consultant_client: Client, consultant: User, case: ConsultCase
) -> None:
    consultant_client.post(
        f"/consults/{case.pk}/", {"text": "Draft two", "action": "save"}
    )

    case.refresh_from_db()
    edit = case.events.get(kind="edit")
    assert case.draft == "Draft two"
    assert (edit.actor, edit.body) == (consultant, "Draft two")
    assert case.status == CaseStatus.OPEN
    assert mail.outbox == []


def test_approving_sends_a_threaded_reply(
    consultant_client: Client, case: ConsultCase
) -> None:
    consultant_client.post(
        f"/consults/{case.pk}/", {"text": "Yes.", "action": "approve"}
    )

    sent = mail.outbox[0].message()
    assert sent["In-Reply-To"] == "<q1@example.org>"
    assert sent["References"] == "<q1@example.org>"
    assert mail.outbox[0].to == [CODER_ADDRESS]


def test_an_answered_case_cannot_be_sent_again(
    consultant_client: Client, case: ConsultCase
) -> None:
    url = f"/consults/{case.pk}/"
    consultant_client.post(url, {"text": "Yes.", "action": "approve"}, follow=True)

    response = consultant_client.post(url, {"text": "Again", "action": "approve"})

    assert len(mail.outbox) == 1
    assert [str(m) for m in response.context["messages"]] == [
        f"Consult {case.pk} is already answered."
    ]


def test_a_failed_send_keeps_the_text_and_reopens_the_case(
    consultant_client: Client, case: ConsultCase, settings: Settings
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()

    response = consultant_client.post(
        f"/consults/{case.pk}/", {"text": "Keep me.", "action": "approve"}
    )

    case.refresh_from_db()
    assert case.draft == "Keep me."
    assert case.status == CaseStatus.OPEN
    assert [e.kind for e in case.events.all()][-3:] == [
        "edit",
        "approval",
        "send_failed",
    ]
    message = str(list(response.context["messages"])[0])
    assert message.startswith(
        f"The mail server at 127.0.0.1:{settings.EMAIL_PORT} did not take the reply"
    )


def test_an_empty_answer_is_refused(
    consultant_client: Client, case: ConsultCase
) -> None:
    response = consultant_client.post(
        f"/consults/{case.pk}/", {"text": "   ", "action": "approve"}
    )

    assert [str(m) for m in response.context["messages"]] == [
        f"The answer to consult {case.pk} is empty; write one."
    ]
    assert mail.outbox == []


def test_only_consultants_download_attachments(
    consultant_client: Client, coder: User
) -> None:
    message = question(message_id="<q2@example.org>")
    message.add_attachment("page 1", filename="note.txt")
    receive_message(bytes(message), CODER_ADDRESS)
    attachment = ConsultCase.objects.get().attachments.get()
    url = f"/consults/attachments/{attachment.pk}/"
    other = Client()
    other.force_login(coder)

    response = consultant_client.get(url)

    assert response.content == b"page 1\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="note.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert other.get(url).status_code == 404


def test_a_hostile_question_is_shown_as_text(
    consultant_client: Client, coder: User
) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    message = question(subject=hostile, body=hostile, message_id="<h1@example.org>")
    receive_message(bytes(message), CODER_ADDRESS)
    case = ConsultCase.objects.get()

    pages = [
        consultant_client.get("/consults/").text,
        consultant_client.get(f"/consults/{case.pk}/").text,
    ]

    assert all("<script" not in page and "<img" not in page for page in pages)
    assert all("&lt;script&gt;alert(1)&lt;/script&gt;" in page for page in pages)
