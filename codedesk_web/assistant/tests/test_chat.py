"""The chat page, asking without JavaScript, and who sees which conversation.

Answers come from the tiny database: E78.0 is a header in the CDC April
2026 Tabular List.
"""

from __future__ import annotations

import os
import re

import pytest
import redis
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.fixtures import Settings

from codedesk_web.assistant.models import Conversation, RateCounter


def ask(client: Client, question: str, **extra: str) -> str:
    response = client.post(
        "/assistant/ask", {"question": question, "date": "2026-05-01", **extra}
    )
    assert response.status_code == 302, response.content
    return str(response["Location"])


def test_the_page_has_the_form_and_no_inline_script(site: Client) -> None:
    page = site.get("/assistant/").content.decode()

    assert 'id="ask-form"' in page
    assert 'src="/static/assistant/chat.js"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)


def test_an_answer_is_kept_shown_with_linked_sources_and_listed(site: Client) -> None:
    location = ask(site, "Is E78.0 billable?")

    page = site.get(location).content.decode()
    header = "(ICD-10-CM) is a header, not billable"
    assert f'<a href="/codes/icd10cm/E78.0">E78.0</a> {header}' in page
    assert '<a href="/codes/icd10cm/E78.0">' in page
    assert '<a href="/codes/icd10cm/E78.00">E78.00</a>' in page
    assert "Is E78.0 billable?</a>" in page


def test_a_follow_up_question_joins_the_same_conversation(site: Client) -> None:
    location = ask(site, "Is E78.0 billable?")
    pk = location.split("c=")[1]

    ask(site, "What does modifier 25 mean?", conversation=pk)

    assert Conversation.objects.get(pk=pk).messages.count() == 2


def test_a_guest_cannot_open_another_guests_conversation(site: Client) -> None:
    location = ask(site, "Is E78.0 billable?")

    assert Client().get(location).status_code == 404


def test_a_signed_in_user_sees_only_their_conversations(site: Client) -> None:
    owner = User.objects.create_user("owner", password="pw-owner-1")
    outsider = User.objects.create_user("outsider", password="pw-outsider-1")
    site.force_login(owner)
    location = ask(site, "Is E78.0 billable?")
    other = Client()
    other.force_login(outsider)

    assert Conversation.objects.get().user == owner
    assert other.get(location).status_code == 404
    assert location not in other.get("/assistant/").content.decode()


def test_guests_are_limited_per_hour(site: Client, settings: Settings) -> None:
    settings.ASSISTANT_GUEST_PER_HOUR = 1
    ask(site, "Is E78.0 billable?")

    refused = site.post("/assistant/ask", {"question": "Is E78.00 billable?"})
    fresh_cookies = Client().post("/assistant/ask", {"question": "Is E78.00 billable?"})

    assert refused.status_code == 429
    assert "the limit is 1" in refused.content.decode()
    assert fresh_cookies.status_code == 429


def test_signed_in_users_have_their_own_higher_limit(
    site: Client, settings: Settings
) -> None:
    settings.ASSISTANT_GUEST_PER_HOUR = 1
    settings.ASSISTANT_USER_PER_HOUR = 2
    site.force_login(User.objects.create_user("coder", password="pw-coder-1"))

    ask(site, "Is E78.0 billable?")
    ask(site, "Is E78.00 billable?")
    third = site.post("/assistant/ask", {"question": "Is N10 billable?"})

    assert third.status_code == 429
    assert "the limit is 2" in third.content.decode()


def test_the_date_of_service_chosen_on_the_site_fills_the_form(site: Client) -> None:
    page = site.get("/assistant/?date=2022-06-01").content.decode()

    assert 'name="date" value="2022-06-01"' in page


def test_an_empty_question_gets_a_message(site: Client) -> None:
    response = site.post("/assistant/ask", {"question": "  "})

    assert response.status_code == 400
    assert "The question is empty." in response.content.decode()


def test_the_pages_are_gone_when_the_assistant_is_off(
    site: Client, settings: Settings
) -> None:
    settings.ASSISTANT_ENABLED = False

    assert site.get("/assistant/").status_code == 404
    assert site.post("/assistant/stream", {"question": "x"}).status_code == 404


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL names no Redis server"
)
def test_with_redis_the_questions_are_counted_in_redis(
    site: Client, settings: Settings
) -> None:
    settings.REDIS_URL = os.environ["REDIS_URL"]
    settings.ASSISTANT_GUEST_PER_HOUR = 1
    ask(site, "Is E78.0 billable?")

    refused = site.post("/assistant/ask", {"question": "Is E78.00 billable?"})

    assert refused.status_code == 429
    assert not RateCounter.objects.exists()
    pattern = str(settings.RATELIMIT_KEY_PREFIX) + "assistant:guest:*"
    assert len(redis.Redis.from_url(settings.REDIS_URL).keys(pattern)) == 1
