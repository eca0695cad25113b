"""The modifier rule: a line modifier that is no known modifier.

Known modifiers are the I/OCE modifier list (numeric CPT modifiers such as
25, 59 and 76, and HCPCS Level II ones) and the HCPCS Level II modifiers of
the code set.
"""

from __future__ import annotations

from ._data import EditData
from ._records import Claim, Finding


def check_modifiers(data: EditData, claim: Claim) -> list[Finding]:
    """A review finding for each line modifier that no modifier list has."""
    if not any(line.modifiers for line in claim.lines):
        return []
    known = data.known_modifiers()
    if known is None:
        return [_not_checked()]
    findings: list[Finding] = []
    for number, line in enumerate(claim.lines, 1):
        for modifier in line.modifiers:
            if modifier not in known:
                findings.append(_unknown(data, modifier, number, line.code))
    return findings


def _unknown(data: EditData, modifier: str, number: int, code: str) -> Finding:
    message = (
        f"Modifier {modifier} on line {number} ({code}) is not a CPT or HCPCS"
        " Level II modifier."
    )
    return Finding(
        "modifier",
        "review",
        message,
        codes=(code,),
        lines=(number,),
        source=data.modifier_source(),
        fix=f"Check modifier {modifier} for a typing error, or remove it.",
    )


def _not_checked() -> Finding:
    return Finding(
        "modifier",
        "info",
        "Modifiers were not checked: no modifier list is loaded.",
        fix="Rebuild the code database with the I/OCE modifier list"
        " (ioce/ioce_modifiers.csv) in the data folder.",
    )
