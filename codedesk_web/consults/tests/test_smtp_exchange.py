"""A real SMTP exchange on loopback, both ways."""

from __future__ import annotations

import smtplib
import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client

from codedesk_web.consults import drafts
from codedesk_web.consults.models import CaseStatus, ConsultCase, UnmatchedMessage

from .conftest import CODER_ADDRESS, DESK, Inbox, question

pytestmark = pytest.mark.django_db(transaction=True)


def send_to_desk(port: int, message: object, sender: str = CODER_ADDRESS) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.send_message(message, from_addr=sender, to_addrs=[DESK])  # type: ignore[arg-type]


def test_a_question_is_filed_drafted_approved_and_answered_in_thread(
    desk_server: int,
    mail_host: Inbox,
    coder: User,
    consultant_client: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(drafts, "draft_answer", lambda question: "Draft one.")
    send_to_desk(desk_server, question(References="<earlier@example.org>"))
    case = ConsultCase.objects.get()

    response = consultant_client.post(
        f"/consults/{case.pk}/",
        {"text": "Yes, when the E/M is significant and separate.", "action": "approve"},
    )

    reply = mail_host.messages[-1]
    case.refresh_from_db()
    assert response.status_code == 302
    assert case.sender == coder
    assert case.status == CaseStatus.ANSWERED
    assert mail_host.recipients[-1] == [CODER_ADDRESS]
    assert reply["In-Reply-To"] == "<q1@example.org>"
    assert reply["References"] == "<earlier@example.org> <q1@example.org>"
    assert reply["Message-ID"] not in ("<q1@example.org>", None)
    assert reply["Message-ID"].endswith("@codedesk.test>")
    assert reply["Subject"] == "Re: Modifier 25 with 99213?"
    assert reply["From"] == DESK
    assert reply.get_content().strip() == (
        "Yes, when the E/M is significant and separate."
    )
    assert [event.kind for event in case.events.all()] == [
        "received",
        "draft",
        "edit",
        "approval",
        "sent",
    ]
    assert case.events.get(kind="draft").body == "Draft one."
    assert case.events.get(kind="sent").message_id == reply["Message-ID"]


def test_an_unknown_sender_is_asked_to_register_in_thread(
    desk_server: int, mail_host: Inbox
) -> None:
    stranger = f"stranger-{uuid.uuid4().hex[:8]}@example.net"

    send_to_desk(desk_server, question(sender=stranger), sender=stranger)

    reply = mail_host.messages[-1]
    assert not ConsultCase.objects.exists()
    assert mail_host.recipients[-1] == [stranger]
    assert reply["In-Reply-To"] == "<q1@example.org>"
    assert reply["Auto-Submitted"] == "auto-replied"
    assert "https://desk.example/accounts/register/" in reply.get_content()


def test_automatic_mail_gets_no_reply(desk_server: int, mail_host: Inbox) -> None:
    send_to_desk(
        desk_server,
        question(sender="robot@example.net", Auto_Submitted="auto-replied"),
        sender="robot@example.net",
    )

    assert mail_host.messages == []
    assert not ConsultCase.objects.exists()


def test_mail_for_any_other_address_is_refused(desk_server: int, coder: User) -> None:
    with (
        smtplib.SMTP("127.0.0.1", desk_server, timeout=10) as client,
        pytest.raises(smtplib.SMTPRecipientsRefused) as refused,
    ):
        client.sendmail(CODER_ADDRESS, ["someone@elsewhere.test"], b"Hi")

    code, _ = refused.value.recipients["someone@elsewhere.test"]
    assert code == 550


def test_an_oversize_message_is_refused_at_the_smtp_layer(
    desk_server: int, coder: User
) -> None:
    big = question(body="x" * (70 * 1024))

    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        send_to_desk(desk_server, big)

    assert refused.value.smtp_code == 552
    assert not ConsultCase.objects.exists()


def test_an_executable_attachment_is_refused_with_its_name(
    desk_server: int, coder: User
) -> None:
    message = question()
    message.add_attachment(
        b"MZ\x90\x00" + b"\x00" * 64,
        maintype="application",
        subtype="pdf",
        filename="claim.pdf",
    )

    with pytest.raises(smtplib.SMTPDataError) as refused:
        send_to_desk(desk_server, message)

    assert refused.value.smtp_code == 554
    assert refused.value.smtp_error == (
        b"5.6.0 Program files such as 'claim.pdf' are not accepted; "
        b"attach PDF, DOCX, PNG, JPEG or plain text."
    )
    assert not ConsultCase.objects.exists()


def test_an_encoded_line_break_in_the_subject_adds_no_header_to_the_reply(
    desk_server: int, mail_host: Inbox, coder: User, consultant_client: Client
) -> None:
    raw = (
        f"From: {CODER_ADDRESS}\r\nTo: {DESK}\r\n"
        "Subject: =?utf-8?q?Help=0D=0ABcc:_victim@evil.test?=\r\n"
        "Message-ID: <q9@example.org>\r\n\r\nWhich code?\r\n"
    ).encode()
    with smtplib.SMTP("127.0.0.1", desk_server, timeout=10) as client:
        client.sendmail(CODER_ADDRESS, [DESK], raw)
    case = ConsultCase.objects.get()

    consultant_client.post(
        f"/consults/{case.pk}/", {"text": "R10.9", "action": "approve"}
    )

    reply = mail_host.messages[-1]
    assert mail_host.recipients[-1] == [CODER_ADDRESS]
    assert reply["Bcc"] is None
    assert reply["Subject"] == "Re: Help Bcc: victim@evil.test"


def test_a_forged_from_of_a_coder_is_not_filed_on_their_account(
    desk_server: int, mail_host: Inbox, coder: User
) -> None:
    stranger = f"stranger-{uuid.uuid4().hex[:8]}@example.org"
    forged = question(sender=CODER_ADDRESS)

    send_to_desk(desk_server, forged, sender=stranger)

    kept = UnmatchedMessage.objects.get()
    assert not ConsultCase.objects.exists()
    assert mail_host.recipients == [[stranger]]
    assert kept.envelope_sender == stranger
    assert kept.from_address == CODER_ADDRESS
    assert b"Can I bill 99213-25" in bytes(kept.raw_message)


def test_a_forged_from_gets_one_register_reply_a_day_at_the_envelope_sender(
    desk_server: int, mail_host: Inbox, coder: User
) -> None:
    stranger = f"stranger-{uuid.uuid4().hex[:8]}@example.org"

    send_to_desk(desk_server, question(), sender=stranger)
    send_to_desk(desk_server, question(message_id="<q2@example.org>"), sender=stranger)

    assert mail_host.recipients == [[stranger]]
    assert UnmatchedMessage.objects.count() == 2


def test_envelope_and_from_that_differ_only_in_case_file_a_case(
    desk_server: int, mail_host: Inbox, coder: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(drafts, "draft_answer", lambda question: "Draft one.")

    send_to_desk(desk_server, question(), sender=CODER_ADDRESS.upper())

    assert ConsultCase.objects.get().sender == coder
    assert not UnmatchedMessage.objects.exists()


def test_a_matching_sender_of_an_unconfirmed_account_is_not_filed(
    desk_server: int, mail_host: Inbox
) -> None:
    pending = f"pending-{uuid.uuid4().hex[:8]}@example.org"
    User.objects.create_user(pending, email=pending, is_active=False)

    send_to_desk(desk_server, question(sender=pending), sender=pending)

    assert not ConsultCase.objects.exists()
    assert UnmatchedMessage.objects.get().envelope_sender == pending
    assert mail_host.recipients == [[pending]]
