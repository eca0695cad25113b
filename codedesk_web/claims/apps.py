from __future__ import annotations

from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "codedesk_web.claims"
    label = "claims"
