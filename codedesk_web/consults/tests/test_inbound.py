from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User
from django.core import mail

from codedesk_web.accounts.models import Profile, Role
from codedesk_web.consults import drafts, workflow
from codedesk_web.consults.inbound import MessageRejectedError, receive_message
from codedesk_web.consults.models import (
    CaseStatus,
    ConsultAttachment,
    ConsultCase,
)

from .conftest import CODER_ADDRESS, question

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_it_files_a_case_with_its_raw_message_and_attachments(coder: User) -> None:
    message = question()
    message.add_attachment(PNG, maintype="image", subtype="png", filename="eob.png")
    raw = bytes(message)

    outcome = receive_message(raw, CODER_ADDRESS)

    case = ConsultCase.objects.get()
    assert outcome.action == "filed"
    assert case.question == "Can I bill 99213-25 with 20610 on the same day?"
    assert bytes(case.events.get(kind="received").raw_message) == raw
    attachment = ConsultAttachment.objects.get()
    assert (attachment.filename, attachment.content_type) == ("eob.png", "image/png")
    assert bytes(attachment.data) == PNG


def test_it_asks_the_assistant_for_a_draft(
    coder: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_answer(text: str) -> str:
        asked.append(text)
        return "Append modifier 25 to 99213."

    monkeypatch.setattr(drafts, "draft_answer", fake_answer)

    receive_message(bytes(question()), CODER_ADDRESS)

    assert asked == ["Can I bill 99213-25 with 20610 on the same day?"]
    assert ConsultCase.objects.get().draft == "Append modifier 25 to 99213."


def test_a_message_sent_twice_is_filed_once(coder: User) -> None:
    receive_message(bytes(question()), CODER_ADDRESS)
    receive_message(bytes(question()), CODER_ADDRESS)

    assert ConsultCase.objects.count() == 1


def test_an_html_only_message_is_read_as_text(coder: User) -> None:
    message = question()
    message.set_content(
        "<p>Is <b>K92.2</b> billable?</p><script>x()</script>", subtype="html"
    )

    receive_message(bytes(message), CODER_ADDRESS)

    assert ConsultCase.objects.get().question == "Is K92.2 billable?"


def test_too_many_attachments_are_refused(coder: User) -> None:
    message = question()
    for number in range(6):
        message.add_attachment(f"note {number}", filename=f"n{number}.txt")

    with pytest.raises(MessageRejectedError) as refused:
        receive_message(bytes(message), CODER_ADDRESS)

    assert refused.value.smtp_reply == (
        "552 5.3.4 The message has 6 attachments; send at most 5."
    )


def test_an_oversize_attachment_is_refused(coder: User) -> None:
    message = question()
    message.add_attachment(
        b"%PDF-1.4\n" + b" " * 9000 + b"%%EOF",
        maintype="application",
        subtype="pdf",
        filename="big.pdf",
    )

    with pytest.raises(MessageRejectedError) as refused:
        receive_message(bytes(message), CODER_ADDRESS)

    assert refused.value.message == "The file 'big.pdf' is 8.8 KB; the limit is 8.0 KB."


@pytest.mark.django_db
def test_a_message_without_a_from_address_is_refused() -> None:
    raw = b"Subject: hi\r\nMessage-ID: <x@y.z>\r\n\r\nBody\r\n"

    with pytest.raises(MessageRejectedError) as refused:
        receive_message(raw, "someone@example.org")

    assert refused.value.smtp_reply == (
        "550 5.1.7 The From header must hold exactly one plain email address."
    )


@pytest.mark.django_db
def test_a_bounce_is_not_answered() -> None:
    outcome = receive_message(bytes(question(sender="x@example.net")), "")

    assert outcome.action == "ignored"
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_unknown_sender_gets_one_reply_a_day_and_no_case() -> None:
    stranger = f"new-{uuid.uuid4().hex[:8]}@example.net"
    first = question(sender=stranger)
    second = question(sender=stranger, message_id="<q2@example.org>")

    outcomes = [receive_message(bytes(m), stranger) for m in (first, second)]

    assert [o.action for o in outcomes] == ["asked_to_register"] * 2
    assert [message.to for message in mail.outbox] == [[stranger]]
    assert not ConsultCase.objects.exists()


def answer_case(case: ConsultCase, consultant: User, text: str) -> str:
    workflow.approve_and_send(case.pk, text, consultant)
    return str(mail.outbox[-1].extra_headers["Message-ID"])


def test_a_reply_to_our_answer_reopens_the_case_and_threads_to_it(
    coder: User, consultant: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafts, "draft_answer", lambda text: f"Draft for: {text}")
    receive_message(bytes(question()), CODER_ADDRESS)
    case = ConsultCase.objects.get()
    our_reply = answer_case(case, consultant, "Yes, with modifier 25.")
    follow_up = question(
        subject="Re: Modifier 25 with 99213?",
        body="And if the visit was only for the injection?",
        message_id="<q2@example.org>",
        In_Reply_To=our_reply,
        References=f"<q1@example.org> {our_reply}",
    )

    receive_message(bytes(follow_up), CODER_ADDRESS)
    answer_case(case, consultant, "Then no E/M at all.")

    case.refresh_from_db()
    assert ConsultCase.objects.count() == 1
    assert [e.kind for e in case.events.all()] == [
        "received", "draft", "edit", "approval", "sent",
        "received", "draft", "edit", "approval", "sent",
    ]  # fmt: skip
    assert case.events.filter(kind="draft").last().body == (  # type: ignore[union-attr]
        "Draft for: And if the visit was only for the injection?"
    )
    second = mail.outbox[-1].message()
    assert second["In-Reply-To"] == "<q2@example.org>"
    assert second["References"] == f"<q1@example.org> {our_reply} <q2@example.org>"


def test_a_follow_up_to_an_open_case_keeps_the_consultants_draft(
    coder: User, consultant: User
) -> None:
    receive_message(bytes(question()), CODER_ADDRESS)
    case = ConsultCase.objects.get()
    workflow.save_draft(case.pk, "Half-written answer", consultant)
    more = question(
        body="Also, the patient is new.",
        message_id="<q2@example.org>",
        In_Reply_To="<q1@example.org>",
    )

    receive_message(bytes(more), CODER_ADDRESS)

    case.refresh_from_db()
    assert case.draft == "Half-written answer"
    assert case.status == CaseStatus.OPEN
    assert case.events.last().body == "Also, the patient is new."  # type: ignore[union-attr]
    assert (case.message_id, case.references) == (
        "<q2@example.org>",
        "<q1@example.org>",
    )


@pytest.mark.django_db
def test_nobody_joins_another_senders_thread(coder: User) -> None:
    receive_message(bytes(question()), CODER_ADDRESS)
    intruder = User.objects.create_user("sam", "sam@example.org", None)
    Profile.objects.create(user=intruder, role=Role.CODER)
    crafted = question(
        sender="sam@example.org",
        message_id="<s1@example.org>",
        In_Reply_To="<q1@example.org>",
    )

    receive_message(bytes(crafted), "sam@example.org")

    assert ConsultCase.objects.count() == 2
    assert ConsultCase.objects.get(sender=coder).events.count() == 2


def test_an_html_attachment_is_refused_naming_html_and_the_accepted_types(
    coder: User,
) -> None:
    message = question()
    message.add_attachment(
        "<!DOCTYPE html><html><body>EOB</body></html>",
        subtype="html",
        filename="eob.html",
    )

    with pytest.raises(MessageRejectedError) as refused:
        receive_message(bytes(message), CODER_ADDRESS)

    assert refused.value.message == (
        "HTML files such as 'eob.html' are not accepted; "
        "attach PDF, DOCX, PNG, JPEG or plain text."
    )
    assert not ConsultCase.objects.exists()
