"""The language model the site's assistant uses, when one is configured."""

from __future__ import annotations

from django.conf import settings

from codedesk.assistant import ModelClient, ModelConfig


def model_client() -> ModelClient | None:
    """A client for ``CODEDESK_LLM_URL``, or None to answer offline."""
    url = str(settings.CODEDESK_LLM_URL)
    if not url:
        return None
    config = ModelConfig(
        url=url.rstrip("/"),
        model=str(settings.CODEDESK_LLM_MODEL) or "default",
        api_key=str(settings.CODEDESK_LLM_API_KEY),
    )
    return ModelClient(config)
