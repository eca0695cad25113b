"""Feature flags: views behind a setting answer 404 while it is off."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

from django.conf import settings
from django.http import Http404, HttpResponseBase

P = ParamSpec("P")


def require_setting(
    name: str,
) -> Callable[[Callable[P, HttpResponseBase]], Callable[P, HttpResponseBase]]:
    """Make a view answer 404 unless the boolean setting ``name`` is on."""

    def decorate(
        view: Callable[P, HttpResponseBase],
    ) -> Callable[P, HttpResponseBase]:
        @functools.wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
            if not getattr(settings, name, False):
                raise Http404(f"{name} is off.")
            return view(*args, **kwargs)

        return wrapped

    return decorate
