from __future__ import annotations

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "codedesk_web.jobs"
    label = "jobs"

    def ready(self) -> None:
        from . import signals

        signals.connect()
