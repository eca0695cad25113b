from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "codedesk_web.accounts"
    label = "accounts"

    def ready(self) -> None:
        # The site-wide configuration checks live with accounts, which owns
        # the production settings they check.
        from codedesk_web.lib import checks  # noqa: F401
