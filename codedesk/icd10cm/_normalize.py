"""Turn what people type into the canonical ICD-10-CM code.

Canonical codes are upper case with a dot after the third character
(``I21.9``, ``S72.001A``); a three-character code has no dot (``N10``).
Blocks keep their range form (``A00-A09``) and chapters their number
(``19``). Nothing is added or dropped: ``E78.0`` and ``E78.00`` stay two
different codes.
"""

from __future__ import annotations

import re

from .._errors import MalformedCodeError
from .._typed import clean_typed, odd_characters, shown

#: A letter, then a digit and a letter or digit (I21, C4A, Z3A) or, since
#: FY2026, a letter and a digit (QA0), then up to four letters or digits
#: (official guidelines, section I.A: "codes may be three to seven
#: characters").
_CODE = re.compile(r"[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])[0-9A-Z]{0,4}")
_BLOCK = re.compile(r"[A-Z][0-9A-Z][0-9A-Z]-[A-Z][0-9A-Z][0-9A-Z]")
_CHAPTER = re.compile(r"[1-9][0-9]?")
_NOISE = re.compile(r"[\s.]+")


def normalize(text: str) -> str:
    """The canonical form of an ICD-10-CM code as typed.

    ``normalize(" i219 ")`` is ``I21.9``; ``normalize("H40.11x0")`` is
    ``H40.11X0``.

    Raises:
        MalformedCodeError: the text is not the shape of an ICD-10-CM code.
    """
    bare = _NOISE.sub("", clean_typed(text)).upper()
    if _CODE.fullmatch(bare):
        return dotted(bare)
    if _BLOCK.fullmatch(bare) or _CHAPTER.fullmatch(bare):
        return bare
    raise MalformedCodeError(
        _malformed_message(text, bare),
        code=text,
        system="icd10cm",
        hint="An ICD-10-CM code is three to seven letters and digits starting"
        " with a letter, e.g. I21.9 or S72.001A.",
    )


def looks_like(text: str) -> bool:
    """Whether the text has the shape of an ICD-10-CM code or block."""
    # Chapter numbers are left out: "19" alone is more likely a typo.
    bare = _NOISE.sub("", clean_typed(text)).upper()
    return bool(_CODE.fullmatch(bare) or _BLOCK.fullmatch(bare))


def dotted(bare: str) -> str:
    """Put the dot after the third character of an undotted code."""
    bare = bare.replace(".", "")
    return bare if len(bare) <= 3 else f"{bare[:3]}.{bare[3:]}"


def undotted(code: str) -> str:
    """The code without its dot, as CMS files write it (``I219``)."""
    return code.replace(".", "")


def _malformed_message(text: str, bare: str) -> str:
    """What is wrong with the text, the most telling fault first."""
    if not bare:
        return "An empty code was given."
    odd = odd_characters(bare, allowed="-")
    if odd:
        return (
            f"'{shown(text)}' is not an ICD-10-CM code: it contains {odd}, and"
            " ICD-10-CM codes have only letters and digits (e.g. I21.9)."
        )
    if len(bare) < 3:
        return (
            f"'{shown(text)}' is too short: ICD-10-CM codes have 3 to 7"
            " characters (e.g. I21.9)."
        )
    if len(bare) > 7:
        return (
            f"'{shown(text)}' is not an ICD-10-CM code: it has {len(bare):,}"
            " characters, and ICD-10-CM codes have at most 7."
        )
    if not bare[0].isalpha():
        return (
            f"'{shown(text)}' is not an ICD-10-CM code: ICD-10-CM codes start"
            " with a letter (e.g. I21.9)."
        )
    return f"'{shown(text)}' is not the shape of an ICD-10-CM code."
