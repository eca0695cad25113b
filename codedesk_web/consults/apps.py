from __future__ import annotations

from django.apps import AppConfig


class ConsultsConfig(AppConfig):
    name = "codedesk_web.consults"
    label = "consults"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
