"""Findings about the claim as a whole: repeated entries and too many diagnoses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from ._records import Claim, Finding

#: Diagnosis codes one claim carries: the CMS-1500 form has 12 (items 21A-L),
#: and the 837P carries 12 as well.
MAX_DIAGNOSES = 12


def check_claim_entries(claim: Claim) -> list[Finding]:
    """Repeated diagnoses, repeated identical lines and too many diagnoses."""
    findings = [_repeated_diagnosis(claim, p) for p in _repeats(claim.diagnoses)]
    findings += [_repeated_line(claim, p) for p in _repeats(claim.lines)]
    if len(claim.diagnoses) > MAX_DIAGNOSES:
        findings.append(_too_many_diagnoses(claim))
    return findings


def _repeats(items: Iterable[Hashable]) -> list[tuple[int, ...]]:
    """1-based positions of each item that occurs more than once."""
    where: dict[Hashable, list[int]] = defaultdict(list)
    for position, item in enumerate(items, 1):
        where[item].append(position)
    return [tuple(p) for p in where.values() if len(p) > 1]


def _repeated_diagnosis(claim: Claim, positions: tuple[int, ...]) -> Finding:
    code = claim.diagnoses[positions[0] - 1]
    at = ", ".join(map(str, positions))
    return Finding(
        "duplicate",
        "review",
        f"{code} is listed {len(positions)} times (diagnoses {at}).",
        codes=(code,),
        diagnoses=positions,
        fix=f"List {code} once and remove the repeats.",
    )


def _repeated_line(claim: Claim, positions: tuple[int, ...]) -> Finding:
    code = claim.lines[positions[0] - 1].code
    at = ", ".join(map(str, positions))
    return Finding(
        "duplicate",
        "review",
        f"Lines {at} are identical ({code}, same modifiers, units and date).",
        codes=(code,),
        lines=positions,
        fix="Bill the service once with the total units, or add the modifier"
        " that tells the repeats apart (such as 76 or 91).",
    )


def _too_many_diagnoses(claim: Claim) -> Finding:
    count = len(claim.diagnoses)
    extra = tuple(range(MAX_DIAGNOSES + 1, count + 1))
    dropped = f"diagnosis {extra[0]}"
    if len(extra) > 1:
        dropped = f"diagnoses {extra[0]}-{extra[-1]}"
    return Finding(
        "diagnosis_count",
        "review",
        f"The claim lists {count} diagnoses; the CMS-1500 form (and the 837P)"
        f" carries at most {MAX_DIAGNOSES}, so {dropped} would be dropped.",
        codes=tuple(claim.diagnoses[MAX_DIAGNOSES:]),
        diagnoses=extra,
        fix=f"Keep the {MAX_DIAGNOSES} diagnoses that support the services billed,"
        " or split the services across claims.",
    )
