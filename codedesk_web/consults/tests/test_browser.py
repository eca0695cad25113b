"""A consultant approves a consult in a real Chromium (issue #5, part 6)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from pytest_django.fixtures import Settings

from codedesk_web.accounts.models import Profile, Role
from codedesk_web.consults import drafts
from codedesk_web.consults.inbound import receive_message
from codedesk_web.consults.models import CaseStatus, ConsultCase

from .conftest import CODER_ADDRESS, question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "lantern-orchid-52-river"


def test_a_consultant_edits_and_approves_a_draft(
    page: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(drafts, "draft_answer", lambda text: "Use modifier 25.")
    coder = User.objects.create_user("pat", CODER_ADDRESS, None)
    Profile.objects.create(user=coder, role=Role.CODER)
    lee = User.objects.create_user("lee@codedesk.test", "lee@codedesk.test", PASSWORD)
    Profile.objects.create(user=lee, role=Role.CONSULTANT)
    receive_message(bytes(question()), CODER_ADDRESS)

    page.goto("/accounts/signin/?next=/consults/")
    page.fill("#id_email", "lee@codedesk.test")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.click(".case-link")
    assert page.input_value("#id_text") == "Use modifier 25."
    page.fill("#id_text", "Use modifier 25 on 99213; 20610 stands alone.")
    page.click("#approve-send")
    page.wait_for_selector(".messages .success")

    case = ConsultCase.objects.get()
    assert page.inner_text("#case-status") == "Answer sent"
    assert case.status == CaseStatus.ANSWERED
    assert mail.outbox[0].body == "Use modifier 25 on 99213; 20610 stands alone."
    assert mail.outbox[0].extra_headers["In-Reply-To"] == "<q1@example.org>"
