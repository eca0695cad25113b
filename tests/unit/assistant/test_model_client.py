"""The model client against a scripted OpenAI-compatible server on loopback."""

from __future__ import annotations

import socket

import pytest

from codedesk import InputError, TransportError
from codedesk.assistant import ModelClient, ModelConfig, config_from_env
from codedesk.assistant._model import ModelReply
from codedesk_web.assistant.tests.scripted_llm import ScriptedServer, Turn


def client_for(url: str) -> ModelClient:
    return ModelClient(ModelConfig(url=url, model="scripted", api_key="k", timeout=5))


def test_streamed_tool_calls_come_back_whole() -> None:
    turn = Turn(
        tool_calls=(
            ("lookup_code", {"code": "E78.0"}),
            ("glossary", {"term": "header"}),
        )
    )
    with ScriptedServer([turn]) as server:
        items = list(client_for(server.url).stream([{"role": "user", "content": "q"}]))

    reply = items[-1]
    assert isinstance(reply, ModelReply)
    assert [(c.id, c.name, c.parsed_arguments()) for c in reply.tool_calls] == [
        ("call_0", "lookup_code", {"code": "E78.0"}),
        ("call_1", "glossary", {"term": "header"}),
    ]
    assert reply.finish_reason == "tool_calls"
    assert reply.usage["total_tokens"] == 15


def test_streamed_text_arrives_in_pieces_and_whole() -> None:
    with ScriptedServer([Turn(content="E78.0 is a header.")]) as server:
        items = list(client_for(server.url).stream([{"role": "user", "content": "q"}]))
        sent = server.script.requests[0]

    assert "".join(i for i in items if isinstance(i, str)) == "E78.0 is a header."
    assert len(items) > 2
    assert sent["stream"] is True and sent["model"] == "scripted"


def test_a_plain_completion_carries_tool_calls() -> None:
    turn = Turn(tool_calls=(("lookup_code", {"code": "99213"}),))
    with ScriptedServer([turn]) as server:
        reply = client_for(server.url).chat([{"role": "user", "content": "q"}])

    assert reply.tool_calls[0].parsed_arguments() == {"code": "99213"}


def test_server_errors_say_whether_a_retry_can_help() -> None:
    with ScriptedServer([Turn(status=503), Turn(status=401)]) as server:
        client = client_for(server.url)
        with pytest.raises(TransportError) as busy:
            client.chat([])
        with pytest.raises(TransportError) as refused:
            list(client.stream([]))

    assert busy.value.permanent is False
    assert refused.value.permanent is True
    assert (
        refused.value.message == f"The model endpoint {server.url} answered HTTP 401."
    )


def test_an_unreachable_server_is_a_temporary_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with pytest.raises(TransportError) as raised:
        client_for(f"http://127.0.0.1:{port}/v1").chat([])

    assert raised.value.permanent is False


def test_the_environment_names_the_model_and_bad_values_are_named() -> None:
    config = config_from_env(
        {"CODEDESK_LLM_URL": "http://127.0.0.1:8080/v1/", "CODEDESK_LLM_MODEL": "m"}
    )

    assert config is not None and config.url == "http://127.0.0.1:8080/v1"
    assert config_from_env({}) is None
    with pytest.raises(InputError) as raised:
        config_from_env({"CODEDESK_LLM_URL": "127.0.0.1:8080"})
    assert "CODEDESK_LLM_URL is '127.0.0.1:8080'" in raised.value.message
