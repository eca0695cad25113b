"""Seventh-character families in word searches (ICD-10-CM).

An ICD-10-CM code of seven characters (``S42.309A``) is its six-character
header plus a seventh character; for injuries (chapter 19) and external
causes that character names the encounter: A initial, D subsequent,
S sequela (Guidelines I.C.19.a). A query that names no encounter asks for
the condition, so:

1. Variants other than A sink below the header and the A code.
2. Each family is shown once, by its best variant, so one family's
   seventh characters do not fill the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

#: Words that name an encounter or a stage of healing, which a seventh
#: character other than A may express.
ENCOUNTER_WORDS = frozenset(
    [
        "initial",
        "subsequent",
        "sequela",
        "sequelae",
        "late",
        "followup",
        "follow",
        "healing",
        "nonunion",
        "malunion",
        "aftercare",
        "encounter",
    ]
)
#: Points taken from a variant other than A when no encounter is named.
_LATER_ENCOUNTER_PENALTY = 15.0


class _Ranked(Protocol):
    system: str
    code: str
    score: float


_H = TypeVar("_H", bound=_Ranked)


def names_encounter(query_words: Iterable[str]) -> bool:
    """Whether the query names an encounter (``initial``, ``sequela`` …)."""
    return not ENCOUNTER_WORDS.isdisjoint(query_words)


def family_of(system: str, code: str) -> str | None:
    """The header of a code with a seventh character, else None."""
    if system == "icd10cm" and len(code) == 8 and code[3] == ".":
        return code[:7]
    return None


def rank_families(hits: list[_H], encounter_named: bool) -> list[_H]:
    """The hits, best first, each seventh-character family once."""
    if not encounter_named:
        for hit in hits:
            if family_of(hit.system, hit.code) and hit.code[-1] != "A":
                hit.score -= _LATER_ENCOUNTER_PENALTY
    seen: set[str] = set()
    kept = []
    for hit in sorted(hits, key=lambda h: -h.score):
        family = family_of(hit.system, hit.code) or _header_family(hit)
        if family is None or family not in seen:
            kept.append(hit)
        if family is not None:
            seen.add(family)
    return kept


def _header_family(hit: _Ranked) -> str | None:
    return hit.code if hit.system == "icd10cm" and len(hit.code) == 7 else None
