"""Turn what people type into the canonical HCPCS Level II code.

A Level II code is a letter and four digits (``J3301``); a Level II modifier
is two letters or digits (``LT``, ``Q5``). Case and surrounding spaces do
not matter.
"""

from __future__ import annotations

import re

from .._errors import MalformedCodeError

CODE_SHAPE = re.compile(r"^[A-Z][0-9]{4}$")
MODIFIER_SHAPE = re.compile(r"^[A-Z0-9]{2}$")


def normalize(text: str) -> str:
    """The canonical form of a HCPCS Level II code or modifier.

    Raises:
        MalformedCodeError: the text is neither a code nor a modifier.
    """
    cleaned = text.strip().upper().replace(" ", "")
    if not cleaned:
        raise MalformedCodeError("An empty code was given.", code=text, system="hcpcs")
    if CODE_SHAPE.match(cleaned) or MODIFIER_SHAPE.match(cleaned):
        return cleaned
    raise MalformedCodeError(
        f"'{text.strip()}' is not a HCPCS Level II code.",
        code=text,
        system="hcpcs",
        hint="A HCPCS Level II code is a letter and four digits, e.g. J3301.",
    )


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a Level II code or modifier.

    A modifier needs a letter: two digits are a CPT modifier.
    """
    cleaned = text.strip().upper()
    if MODIFIER_SHAPE.match(cleaned):
        return not cleaned.isdigit()
    return bool(CODE_SHAPE.match(cleaned))


def is_modifier(code: str) -> bool:
    """Whether a canonical HCPCS code is a two-character modifier."""
    return bool(MODIFIER_SHAPE.match(code))
