"""Code references in ICD-10-CM tabular notes, and whether a code falls in one.

Notes name codes in several forms; each is read as a range of code
prefixes: ``(E11.4-)``, ``(P70.2)``, ``(G60-G64)``, ``(E00-E03.-)``,
``S06.1- to S06.6-``, ``(E08-E13 with .42)``, ``(F10-F19, with .17, .27)``
and ``(B27.0-B27.9 with fifth character 1)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODE = r"[A-Z](?:\d[0-9A-Z]|[A-Z]\d)(?:\.[0-9A-Z]{1,4})?"
_RANGE = re.compile(
    rf"\b(?P<low>{_CODE})(?:\.?-(?!\s*[A-Z]\d))?"
    rf"(?:\s*(?:-|to)\s*(?P<high>{_CODE})(?:\.?-)?)?"
)
_GROUP = re.compile(r"\(([^()]*)\)")
_SUFFIXES = re.compile(r"with\s+((?:\.[0-9A-Z]+[,\s]*)+)")
_FIFTH = re.compile(r"with fifth character (\w)")


@dataclass(frozen=True)
class CodeRange:
    """Codes from ``low`` to ``high`` (undotted prefixes), optionally narrowed.

    ``suffixes`` are characters that must follow the category (``42`` for
    "with .42"); ``fifth`` is a required fifth character.
    """

    low: str
    high: str
    suffixes: tuple[str, ...] = ()
    fifth: str | None = None

    def matches(self, code: str) -> bool:
        """Whether a code (dotted or not) falls in the range."""
        plain = code.replace(".", "")
        if (
            not self.low <= plain[: len(self.low)]
            or plain[: len(self.high)] > self.high
        ):
            return False
        if self.suffixes and not any(plain[3:].startswith(s) for s in self.suffixes):
            return False
        return self.fifth is None or plain[4:5] == self.fifth

    def label(self) -> str:
        """The range as a coder would write it."""
        low, high = _dot(self.low), _dot(self.high)
        text = low if low == high else f"{low}-{high}"
        if self.suffixes:
            text += " with " + ", ".join("." + s for s in self.suffixes)
        return text


def parse_refs(text: str) -> tuple[CodeRange, ...]:
    """Every code range a note names (in parentheses, or bare)."""
    groups = _GROUP.findall(text) or [text]
    ranges: list[CodeRange] = []
    for group in groups:
        suffixes = _group_suffixes(group)
        fifth_match = _FIFTH.search(group)
        fifth = fifth_match.group(1) if fifth_match else None
        head = _SUFFIXES.split(group, maxsplit=1)[0]
        for match in _RANGE.finditer(head):
            low = match.group("low").replace(".", "")
            high = (match.group("high") or match.group("low")).replace(".", "")
            ranges.append(CodeRange(low, high, suffixes, fifth))
    return tuple(ranges)


def _group_suffixes(group: str) -> tuple[str, ...]:
    match = _SUFFIXES.search(group)
    if match is None:
        return ()
    return tuple(s.strip(". ") for s in re.findall(r"\.[0-9A-Z]+", match.group(1)))


def _dot(plain: str) -> str:
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"
