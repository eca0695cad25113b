"""The client's address, as seen through the trusted proxies in front."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address.

    Behind ``TRUSTED_PROXY_COUNT`` proxies (a load balancer, say) it is the
    address the outermost trusted proxy appended to ``X-Forwarded-For``;
    entries further left are set by the client and cannot be trusted.
    """
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return str(hops[-proxies])
    return str(request.META.get("REMOTE_ADDR", ""))


def address_digest(address: str) -> str:
    """A keyed digest of an address, so counters never store the address."""
    key = (settings.SECRET_KEY + ":client-address").encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]
