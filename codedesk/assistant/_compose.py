"""Compose an answer's text from tool results, each fact with its source."""

from __future__ import annotations

from collections.abc import Iterable

from ._records import Finding, Intent, Source, ToolResult

#: Kinds whose answer is only as good as their first tool: when it lacks the
#: data, the answer is an honest "I don't know".
STRICT_KINDS = frozenset({"pair", "claim", "mue", "addon", "replacement", "fee"})

_INTROS = {
    "pair": "Here is what the NCCI edits loaded say about this pair.",
    "claim": "Here is what the claim checker found.",
    "fee": "Here are the physician fee schedule facts.",
    "which_code": "These codes match; check the notes before you choose.",
    "guideline": "Here is what the guidelines say, in CodeDesk's words.",
    "modifier": "Here is what the modifier means.",
}


def number_sources(findings: list[Finding]) -> tuple[list[Source], dict[Source, int]]:
    """The distinct sources, in first-use order, and each one's number."""
    numbers: dict[Source, int] = {}
    for finding in findings:
        numbers.setdefault(finding.source, len(numbers) + 1)
    return list(numbers), numbers


def is_known(intent: Intent, results: list[ToolResult]) -> bool:
    """Whether the data answers the question (else we say we don't know)."""
    if not any(r.findings for r in results):
        return False
    if intent.kind in STRICT_KINDS and results and results[0].missing:
        return False
    return not (intent.kind == "replacement" and any(r.missing for r in results))


def compose_text(
    intent: Intent,
    results: list[ToolResult],
    numbers: dict[Source, int],
    known: bool,
    day: str,
) -> str:
    """The answer: an opening line, the facts with [n], then what is missing."""
    lines: list[str] = []
    if not known:
        lines.append("I don't know from the data CodeDesk holds.")
    elif intent.kind in _INTROS:
        lines.append(_INTROS[intent.kind])
    seen: set[str] = set()
    for finding in (f for r in results for f in r.findings):
        if finding.text not in seen:
            seen.add(finding.text)
            lines.append(f"- {finding.text} [{numbers[finding.source]}]")
    missing = _distinct(m for r in results for m in r.missing)
    if missing:
        lines.append("")
        lines.append("Not in the data:" if known else "What it would need:")
        lines.extend(f"- {m}" for m in missing)
    lines.append("")
    lines.append(f"Answered for date of service {day}.")
    return "\n".join(lines)


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
