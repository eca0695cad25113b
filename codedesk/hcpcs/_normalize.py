"""Turn what people type into the canonical HCPCS Level II code.

A Level II code is a letter and four digits (``J3301``); a Level II modifier
is two letters or digits (``LT``, ``Q5``). Case and surrounding spaces do
not matter.
"""

from __future__ import annotations

import re

from .._errors import MalformedCodeError
from .._typed import clean_typed, odd_characters, shown

CODE_SHAPE = re.compile(r"^[A-Z][0-9]{4}$")
MODIFIER_SHAPE = re.compile(r"^[A-Z0-9]{2}$")


def normalize(text: str) -> str:
    """The canonical form of a HCPCS Level II code or modifier.

    Raises:
        MalformedCodeError: the text is neither a code nor a modifier.
    """
    cleaned = clean_typed(text).strip().upper().replace(" ", "")
    if not cleaned:
        raise MalformedCodeError("An empty code was given.", code=text, system="hcpcs")
    if CODE_SHAPE.match(cleaned) or MODIFIER_SHAPE.match(cleaned):
        return cleaned
    raise MalformedCodeError(
        _malformed_message(text, cleaned),
        code=text,
        system="hcpcs",
        hint="A HCPCS Level II code is a letter and four digits, e.g. J3301.",
    )


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a Level II code or modifier.

    A modifier needs a letter: two digits are a CPT modifier.
    """
    cleaned = clean_typed(text).strip().upper()
    if MODIFIER_SHAPE.match(cleaned):
        return not cleaned.isdigit()
    return bool(CODE_SHAPE.match(cleaned))


def is_modifier(code: str) -> bool:
    """Whether a canonical HCPCS code is a two-character modifier."""
    return bool(MODIFIER_SHAPE.match(code))


def _malformed_message(text: str, cleaned: str) -> str:
    """What is wrong with the text: characters, length, then shape."""
    odd = odd_characters(cleaned)
    if odd:
        return (
            f"'{shown(text)}' is not a HCPCS Level II code: it contains {odd},"
            " and HCPCS Level II codes have only letters and digits."
        )
    if len(cleaned) < 5:
        return (
            f"'{shown(text)}' is too short: a HCPCS Level II code has 5"
            " characters (e.g. J3301) and a modifier 2 (e.g. LT)."
        )
    if len(cleaned) > 5:
        return (
            f"'{shown(text)}' is too long: it has {len(cleaned):,} characters,"
            " and a HCPCS Level II code has 5 (e.g. J3301)."
        )
    return (
        f"'{shown(text)}' is not a HCPCS Level II code: it is a letter and four"
        " digits (e.g. J3301)."
    )
