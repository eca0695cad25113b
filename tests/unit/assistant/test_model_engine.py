"""The model path end to end: scripted model, real tools, the guard.

Values from the tiny database: E78.0 is a header and E78.00 billable in the
CDC April 2026 Tabular List; the April 2026 code list has no E7802.
"""

from __future__ import annotations

import datetime as dt
import json
import socket

from codedesk import Desk
from codedesk.assistant import (
    DoneEvent,
    ModelClient,
    ModelConfig,
    StepEvent,
    TextEvent,
    answer,
    stream_answer,
)
from codedesk.assistant._guard import REMOVED
from codedesk_web.assistant.tests.scripted_llm import ScriptedServer, Turn

DAY = dt.date(2026, 5, 1)
QUESTION = "Is E78.0 billable?"


def model(url: str) -> ModelClient:
    return ModelClient(ModelConfig(url=url, model="scripted", timeout=5))


def test_the_guard_removes_a_code_the_model_invents(tiny_desk: Desk) -> None:
    script = [
        Turn(tool_calls=(("lookup_code", {"code": "E78.0"}),)),
        Turn(content="No: E78.0 is a header. Bill E78.00, or E78.02 when familial."),
    ]
    with ScriptedServer(script) as server:
        result = answer(tiny_desk, QUESTION, date=DAY, model=model(server.url))

    assert result.engine == "model"
    assert "E78.02" not in result.text
    assert (
        result.text
        == f"No: E78.0 is a header. Bill E78.00, or {REMOVED} when familial."
    )
    assert result.flags == ["Removed E78.02: it is not a code in the code database."]
    assert [s.tool for s in result.steps] == ["lookup_code"]


def test_tool_results_go_back_to_the_model_with_their_call_id(tiny_desk: Desk) -> None:
    script = [
        Turn(tool_calls=(("lookup_code", {"code": "E78.0"}),)),
        Turn(content="E78.0 is a header."),
    ]
    with ScriptedServer(script) as server:
        events = list(
            stream_answer(tiny_desk, QUESTION, date=DAY, model=model(server.url))
        )
        second = server.script.requests[1]

    tool_message = second["messages"][-1]
    assert second["messages"][-2]["tool_calls"][0]["id"] == "call_0"
    assert tool_message["role"] == "tool" and tool_message["tool_call_id"] == "call_0"
    facts = json.loads(tool_message["content"])["findings"]
    assert facts[0]["fact"].startswith("E78.0 (ICD-10-CM) is a header, not billable")
    assert [type(e) for e in events[:2]] == [StepEvent, StepEvent]
    assert (
        "".join(e.text for e in events if isinstance(e, TextEvent))
        == "E78.0 is a header."
    )
    assert isinstance(events[-1], DoneEvent)
    assert second["tools"][0]["function"]["name"] == "lookup_code"


def test_an_unreachable_model_falls_back_to_the_offline_engine(tiny_desk: Desk) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    result = answer(
        tiny_desk, QUESTION, date=DAY, model=model(f"http://127.0.0.1:{port}/v1")
    )

    assert result.engine == "offline"
    assert result.flags[-1].startswith("The language model was not used")
    assert "E78.0 (ICD-10-CM) is a header" in result.text
