from __future__ import annotations

from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "codedesk_web.assistant"
    label = "assistant"
