"""Rate limits on signing in (per account and per client address) and on
registering (per client address, since each registration sends a mail)."""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings

from codedesk_web.lib.clientaddr import address_digest
from codedesk_web.lib.ratelimit import get_counter

logger = logging.getLogger(__name__)


def _account_key(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    return f"signin:account:{digest}"


def _address_key(address: str) -> str:
    return f"signin:address:{address_digest(address)}"


def _limits(email: str, address: str) -> list[tuple[str, int]]:
    return [
        (_account_key(email), settings.SIGNIN_FAILURES_PER_ACCOUNT),
        (_address_key(address), settings.SIGNIN_FAILURES_PER_ADDRESS),
    ]


def seconds_until_sign_in(email: str, address: str) -> int:
    """0 when a sign-in may be tried now, else the seconds to wait."""
    counter = get_counter()
    window: int = settings.SIGNIN_FAILURE_WINDOW
    waits = [0]
    for key, limit in _limits(email, address):
        failures, wait = counter.count(key, window)
        if failures >= limit:
            waits.append(wait)
    return max(waits)


def record_sign_in_failure(email: str, address: str) -> None:
    """Count one failed sign-in against the account and the address."""
    counter = get_counter()
    for key, _limit in _limits(email, address):
        counter.add(key, settings.SIGNIN_FAILURE_WINDOW)
    logger.info("sign-in failed for account key %s", _account_key(email))


def clear_sign_in_failures(email: str) -> None:
    """Forget the account's failures after it signs in."""
    get_counter().reset(_account_key(email))


def _registration_key(address: str) -> str:
    return f"register:address:{address_digest(address)}"


def seconds_until_registration(address: str) -> int:
    """0 when this address may register now, else the seconds to wait."""
    key = _registration_key(address)
    window: int = settings.REGISTRATION_WINDOW
    count, wait = get_counter().count(key, window)
    return wait if count >= settings.REGISTRATIONS_PER_ADDRESS else 0


def record_registration(address: str) -> None:
    """Count one registration (and the mail it sent) against the address."""
    get_counter().add(_registration_key(address), settings.REGISTRATION_WINDOW)
