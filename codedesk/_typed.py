"""What a person typed: made plain to read, and short enough to echo."""

from __future__ import annotations

import unicodedata

#: Characters that print as nothing but break a match when pasted in: zero
#: width space, non-joiner and joiner, word joiner, byte order mark and soft
#: hyphen.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

#: How many characters of a typed value an error message repeats.
ECHO_LIMIT = 20


def clean_typed(text: str) -> str:
    """The text in Unicode NFKC, zero-width characters dropped.

    NFKC turns full-width letters and digits (``Ｉ21.9``) into plain ones.
    """
    return unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH)


def shown(text: str) -> str:
    """The typed value for an error message, capped at ``ECHO_LIMIT``.

    ``shown("A" * 100_000)`` is the first 20 characters, "…" and the length.
    """
    stripped = text.strip()
    if len(stripped) <= ECHO_LIMIT:
        return stripped
    return f"{stripped[:ECHO_LIMIT]}… ({len(stripped):,} characters)"


def odd_characters(text: str, allowed: str = "") -> str:
    """The characters that are neither ASCII letters nor digits, quoted.

    ``odd_characters("I21,9")`` is ``"','"``; empty when there are none.
    """
    odd = dict.fromkeys(
        ch for ch in text if not (ch.isascii() and ch.isalnum()) and ch not in allowed
    )
    return ", ".join(repr(ch) for ch in list(odd)[:5])
