from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User
from django.core import mail

from codedesk_web.consults import drafts
from codedesk_web.consults.inbound import MessageRejectedError, receive_message
from codedesk_web.consults.models import ConsultAttachment, ConsultCase

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
