from __future__ import annotations

from django.apps import AppConfig


class CodesConfig(AppConfig):
    name = "codedesk_web.codes"
    label = "codes"
