"""Turn what people type into the canonical CPT code.

CPT codes are five characters: five digits (Category I, e.g. ``01967``), or
four digits and a letter: ``F`` (Category II), ``T`` (Category III), ``U``
(proprietary laboratory analyses), ``M`` (multianalyte assays) and ``A``
(vaccine administration, as the outpatient code editor types them). Leading
zeros are part of the code and are never dropped.
"""

from __future__ import annotations

import re

from .._errors import MalformedCodeError
from .._typed import clean_typed, odd_characters, shown

CPT_SHAPE = re.compile(r"^[0-9]{4}[0-9AFMTU]$")


def normalize(text: str) -> str:
    """The canonical form of a CPT code, or MalformedCodeError."""
    cleaned = clean_typed(text).strip().upper().replace(" ", "")
    if not cleaned:
        raise MalformedCodeError("An empty code was given.", code=text, system="cpt")
    if CPT_SHAPE.match(cleaned):
        return cleaned
    raise MalformedCodeError(
        _malformed_message(text, cleaned),
        code=text,
        system="cpt",
        hint=_hint_for(cleaned),
    )


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a CPT code."""
    return bool(CPT_SHAPE.match(clean_typed(text).strip().upper()))


def _malformed_message(text: str, cleaned: str) -> str:
    """What is wrong with the text: characters, length, then shape."""
    odd = odd_characters(cleaned)
    if odd:
        return (
            f"'{shown(text)}' is not a CPT code: it contains {odd}, and CPT"
            " codes have only letters and digits."
        )
    if len(cleaned) != 5:
        size = "short" if len(cleaned) < 5 else "long"
        return (
            f"'{shown(text)}' is too {size}: it has {len(cleaned):,} characters,"
            " and CPT codes have 5 (e.g. 99213)."
        )
    return f"'{shown(text)}' is not a CPT code."


def _hint_for(cleaned: str) -> str:
    if cleaned.isdigit() and len(cleaned) < 5:
        return (
            "CPT codes have five characters and keep their leading zeros:"
            f" did you mean {cleaned.zfill(5)}?"
        )
    return (
        "A CPT code is five digits, or four digits and F, T, U, M or A"
        " (for example 99213, 0001F, 0596T, 0001U)."
    )
