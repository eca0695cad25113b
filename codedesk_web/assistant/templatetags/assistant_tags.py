"""Template filters for the assistant's answers."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def link_codes(text: str, codes: list[dict[str, Any]]) -> SafeString:
    """The answer text, escaped, with each code the guard kept linked to its page.

    Only codes the guard found in the code set on the date (``valid`` or
    ``header``) are linked; the text is escaped before any link is added.
    """
    targets = {
        str(c["code"]): reverse("codes:code", args=[c["system"], c["code"]])
        for c in codes
        if c.get("system") and c.get("status") in ("valid", "header")
    }
    safe = str(escape(text))
    if not targets:
        return mark_safe(safe)
    names = sorted(targets, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(" + "|".join(map(re.escape, names)) + r")(?![\w])"
    )
    linked = pattern.sub(
        lambda m: f'<a href="{targets[m.group(1)]}">{m.group(1)}</a>', safe
    )
    # Safe: the text was escaped above and the links are built from our URLs.
    return mark_safe(linked)
