"""API keys: made once, shown once, stored as a digest, sent as a Bearer token."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.contrib.auth.models import User
from django.utils import timezone

from .models import ApiKey

KEY_PREFIX = "cdk_"
PREFIX_LENGTH = 12


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_key(user: User, label: str) -> tuple[ApiKey, str]:
    """A new key for the user, and its full text (never stored)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    record = ApiKey.objects.create(
        user=user, label=label, prefix=key[:PREFIX_LENGTH], digest=_digest(key)
    )
    return record, key


def user_for_api_key(key: str) -> User | None:
    """The active user who owns a key, or None for any key we did not make."""
    if not key.startswith(KEY_PREFIX) or len(key) <= PREFIX_LENGTH:
        return None
    record = ApiKey.objects.select_related("user").filter(prefix=key[:PREFIX_LENGTH])
    found = record.first()
    if found is None or not hmac.compare_digest(found.digest, _digest(key)):
        return None
    if not found.user.is_active:
        return None
    ApiKey.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user
