"""Header injection: nothing a sender writes can add a header to a reply."""

from __future__ import annotations

import pytest
from django.core.mail import EmailMessage

from codedesk import TransportError
from codedesk_web.consults import outbound
from codedesk_web.consults.headers import (
    clean_address,
    clean_message_id,
    clean_references,
    reply_subject,
    single_line,
)
from codedesk_web.consults.inbound import parse_question

from .conftest import CODER_ADDRESS


def test_line_breaks_and_controls_become_spaces() -> None:
    assert single_line("Help\r\nBcc: victim@evil.test\x00!") == (
        "Help Bcc: victim@evil.test !"
    )
    assert single_line("a\u2028b\x85c") == "a b c"


@pytest.mark.parametrize(
    "value",
    [
        "<q1@example.org>\r\nBcc: victim@evil.test",
        "<q1@example.org> Bcc: victim@evil.test",
        "<q1@exa>mple.org>",
        "q1@example.org",
        "<>",
    ],
)
def test_a_malformed_message_id_is_dropped(value: str) -> None:
    assert clean_message_id(value) == ""


def test_a_well_formed_message_id_is_kept() -> None:
    assert clean_message_id(" <a.b+c@mail.example.org> ") == "<a.b+c@mail.example.org>"


def test_references_keep_only_message_ids() -> None:
    assert clean_references("<a@x> Bcc: <b@y>\r\n\t<c@z>") == [
        "<a@x>",
        "<b@y>",
        "<c@z>",
    ]


@pytest.mark.parametrize(
    "value",
    ["pat@example.org\r\nBcc: v@evil.test", "pat@example", "a b@example.org", ""],
)
def test_an_address_with_anything_extra_is_refused(value: str) -> None:
    assert clean_address(value) == ""


def test_reply_subject_adds_re_once() -> None:
    assert reply_subject("Re: modifier 59") == "Re: modifier 59"
    assert reply_subject("modifier\r\n59") == "Re: modifier 59"
    assert reply_subject("") == "Re: Your question"


def test_an_encoded_line_break_in_the_subject_stays_in_the_subject() -> None:
    raw = (
        f"From: {CODER_ADDRESS}\r\n"
        "Subject: =?utf-8?q?Help=0D=0ABcc:_victim@evil.test?=\r\n"
        "Message-ID: <q1@example.org>\r\n\r\nBody\r\n"
    ).encode()

    question = parse_question(raw)
    reply = outbound.build_reply(
        to=question.sender_address,
        subject=question.subject,
        body="Answer",
        in_reply_to=question.message_id,
        references=question.references,
    ).message()

    assert question.subject == "Help Bcc: victim@evil.test"
    assert reply["Subject"] == "Re: Help Bcc: victim@evil.test"
    assert reply["Bcc"] is None
    assert reply.get_all("To") == [CODER_ADDRESS]


def test_a_header_with_a_line_break_is_never_sent() -> None:
    message = EmailMessage(
        subject="Hi\r\nBcc: victim@evil.test",
        body="x",
        from_email="desk@codedesk.test",
        to=[CODER_ADDRESS],
        headers={"Message-ID": "<m@codedesk.test>"},
    )

    with pytest.raises(TransportError) as failure:
        outbound.send(message)

    assert failure.value.permanent is True
