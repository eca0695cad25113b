"""The answer stream: server-sent events for each step, the text, the end.

Values from the tiny database: 99213 has work RVU 1.30 in the CMS RVU25D
relative value file.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import StreamingHttpResponse
from django.test import Client

from codedesk_web.assistant.models import Message


def events(response: StreamingHttpResponse) -> list[tuple[str, dict[str, Any]]]:
    body = b"".join(response.streaming_content).decode()  # type: ignore[arg-type]
    parsed = []
    for block in body.strip().split("\n\n"):
        name, data = block.split("\n")
        parsed.append(
            (name.removeprefix("event: "), json.loads(data.removeprefix("data: ")))
        )
    return parsed


def test_it_streams_steps_text_and_the_kept_answer(site: Client) -> None:
    response = site.post(
        "/assistant/stream",
        {"question": "What is CPT code 99213?", "date": "2026-05-01"},
    )

    assert response["Content-Type"] == "text/event-stream"
    assert isinstance(response, StreamingHttpResponse)
    stream = events(response)
    names = [name for name, _ in stream]
    assert names[:2] == ["step", "step"]
    assert names[-1] == "done" and "text" in names
    text = "".join(data["text"] for name, data in stream if name == "text")
    done = stream[-1][1]
    assert "work RVU 1.30" in text and text == done["text"]
    assert Message.objects.get().conversation.pk == done["conversation"]


def test_a_bad_date_is_a_json_error(site: Client) -> None:
    response = site.post(
        "/assistant/stream", {"question": "Is E78.0 billable?", "date": "May 1"}
    )

    assert response.status_code == 400
    assert response.json()["error"] == "'May 1' is not a date."
