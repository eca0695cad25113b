"""Likely fixes for ICD-10-CM codes typed wrong.

The commonest slip is the placeholder X: a code shorter than six
characters that takes a seventh character needs X in the empty places
(official guidelines, section I.A.5), so ``W21.89A`` is ``W21.89XA`` and
``T07XXXXD`` is ``T07.XXXD``.
"""

from __future__ import annotations

import re

from ._normalize import dotted

_NOISE = re.compile(r"[\s.]+")


def placeholder_fix(text: str) -> str | None:
    """The code with its placeholder X count corrected, if that changes it.

    Works on the raw text, since a code with too many X's is not a valid
    shape at all: ``placeholder_fix("T07XXXXD")`` is ``T07.XXXD``.
    """
    bare = _NOISE.sub("", text).upper()
    if not 4 <= len(bare) <= 9 or not bare[-1].isalnum():
        return None
    body = bare[:-1].rstrip("X")
    if not 3 <= len(body) <= 6:
        return None
    fixed = body.ljust(6, "X") + bare[-1]
    return dotted(fixed) if fixed != bare else None


def shorter_prefixes(code: str) -> list[str]:
    """The code's possible ancestors, longest first: ``N47.9`` gives ``N47``."""
    bare = code.replace(".", "")
    return [dotted(bare[:size]) for size in range(len(bare) - 1, 2, -1)]
