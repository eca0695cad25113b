"""``code_url``: the address of a code page, without a URL reverse per link.

A code page can hold a hundred links; resolving each with ``{% url %}`` was
the largest cost of rendering one, so the prefix is resolved once.
"""

from __future__ import annotations

import functools
from urllib.parse import quote

from django import template
from django.urls import reverse

from codedesk import CodeRef, SearchResult

register = template.Library()


@functools.cache
def code_page_prefix() -> str:
    """``/codes/`` as the URL configuration places it."""
    return reverse("codes:code", args=["system", "code"]).removesuffix("system/code")


@register.filter
def code_url(ref: CodeRef | SearchResult) -> str:
    """The code page of a code reference or a search hit."""
    return f"{code_page_prefix()}{quote(ref.system)}/{quote(ref.code)}"


@register.simple_tag
def code_page(system: str, code: str) -> str:
    """The code page of a system and code given apart."""
    return f"{code_page_prefix()}{quote(system)}/{quote(code)}"
