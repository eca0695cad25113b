"""Turn what people type into the canonical ICD-10-PCS code.

A PCS code has seven characters, each a digit or a letter; the letters I and
O are never used, so they cannot be mistaken for 1 and 0. The first three
characters name a table (``02N``), the first two a body system and the first
a section: those are headers, not codes.
"""

from __future__ import annotations

import re

from .._errors import MalformedCodeError
from .._typed import clean_typed, odd_characters, shown

PCS_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PCS_SHAPE = re.compile(r"^[0-9A-HJ-NP-Z]{1,7}$")
FULL_CODE = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
#: What people type for a PCS code or table: seven characters from a section
#: character on (a mistyped O or I included, so the normaliser can explain),
#: or a table of three starting with a digit (no other system has that).
TYPED_SHAPE = re.compile(r"^(?:[0-9BCDFGHX][0-9A-Z]{6}|[0-9][0-9A-HJ-NP-Z]{2})$")


def normalize(text: str) -> str:
    """The canonical form of an ICD-10-PCS code or header.

    Accepts one to seven characters (section, body system, table or code).

    Raises:
        MalformedCodeError: too long, a letter I or O, or a character PCS
            does not use; the hint names the fix when there is one.
    """
    cleaned = clean_typed(text).strip().upper().replace(" ", "").replace("-", "")
    if not cleaned:
        raise MalformedCodeError(
            "An empty code was given.", code=text, system="icd10pcs"
        )
    if ("O" in cleaned or "I" in cleaned) and not odd_characters(cleaned):
        raise _letter_o_or_i(text, cleaned)
    if not PCS_SHAPE.match(cleaned):
        raise MalformedCodeError(
            _malformed_message(text, cleaned),
            code=text,
            system="icd10pcs",
            hint="An ICD-10-PCS code has seven letters or digits, e.g. 0LB50ZZ.",
        )
    return cleaned


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a PCS code or table, as typed."""
    return bool(TYPED_SHAPE.match(clean_typed(text).strip().upper()))


def _letter_o_or_i(text: str, cleaned: str) -> MalformedCodeError:
    fixed = cleaned.replace("O", "0").replace("I", "1")
    suggestions = (fixed,) if PCS_SHAPE.match(fixed) else ()
    hint = "ICD-10-PCS never uses the letters O and I, only the digits 0 and 1."
    if suggestions:
        hint += f" Did you mean {fixed}?"
    return MalformedCodeError(
        f"'{shown(text)}' is not an ICD-10-PCS code: it contains the letter O or I.",
        code=text,
        system="icd10pcs",
        hint=hint,
        suggestions=suggestions,
    )


def _malformed_message(text: str, cleaned: str) -> str:
    """What is wrong with the text: characters, then length."""
    odd = odd_characters(cleaned)
    if odd:
        return (
            f"'{shown(text)}' is not an ICD-10-PCS code: it contains {odd}, and"
            " ICD-10-PCS codes have only letters and digits."
        )
    return (
        f"'{shown(text)}' is too long: it has {len(cleaned):,} characters, and"
        " ICD-10-PCS codes have 7 (e.g. 0LB50ZZ)."
    )
