"""Which tools answer a question of each kind, and with what arguments."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._records import Intent, ToolResult

Call = tuple[str, dict[str, Any]]

_PROCEDURE = re.compile(r"[0-9]{4}[0-9FTU]|[A-V][0-9]{4}")
_ASKING = re.compile(
    r"^(please\s+)?(what|which|how|is|are|tell me|give me|find|i need)\b.*?"
    r"\b(code|codes|icd-?10(-cm)?|diagnosis|for|to code)\b\s*(for|to use for|is)?\s*",
    re.I,
)
_CODE_FOR = re.compile(
    r"^(the\s+)?(icd-?10(-cm)?|cpt|hcpcs|diagnosis|procedure)?\s*(diagnosis\s+)?"
    r"codes?\s+(for|to use for|of)\s+",
    re.I,
)
_LINE = re.compile(
    r"(?<![\w.])(\d{4}[0-9FTU]|[A-V]\d{4})((?:-[0-9A-Z]{2})*)"
    r"(?:\s*[x×]\s*(\d{1,3})|\s+(\d{1,3})\s+units?)?(?![\w.])",
    re.I,
)
_PARTS = re.compile(r"\s+(?:with|and|due to|plus)\s+", re.I)


def plan_calls(intent: Intent) -> list[Call]:
    """The tool calls for a question, in the order they run."""
    planner = _PLANNERS.get(intent.kind, _plan_topic)
    return planner(intent)


def follow_up_calls(intent: Intent, result: ToolResult, first: bool) -> list[Call]:
    """Calls a result suggests: the notes of the best matches of a search."""
    if result.tool != "search_codes" or intent.kind != "which_code" or not first:
        return []
    return [
        ("lookup_code", {"code": c.code, "detail": "notes"}) for c in result.codes[:2]
    ]


def claim_lines(text: str) -> list[tuple[str, tuple[str, ...], int]]:
    """Procedure lines as coders type them: ``99213-25``, ``97110 x3``."""
    lines = []
    for match in _LINE.finditer(text):
        modifiers = tuple(
            m.upper() for m in re.findall(r"-([0-9A-Z]{2})", match.group(2) or "", re.I)
        )
        units = int(match.group(3) or match.group(4) or 1)
        lines.append((match.group(1).upper(), modifiers, units))
    return lines


def search_phrase(topic: str) -> str:
    """The clinical words of a 'which code for ...' question."""
    phrase = _ASKING.sub("", topic.strip().rstrip("?").strip())
    phrase = _CODE_FOR.sub("", phrase)
    return phrase.strip(" ?.") or topic


def procedures(intent: Intent) -> list[str]:
    """The procedure-shaped codes (CPT, HCPCS) of a question."""
    return [c for c in intent.codes if _PROCEDURE.fullmatch(c)]


def _each(tool: str, codes: tuple[str, ...] | list[str], limit: int = 3) -> list[Call]:
    return [(tool, {"code": code}) for code in list(codes)[:limit]]


def _plan_define(intent: Intent) -> list[Call]:
    calls = _each("lookup_code", intent.codes)
    calls += _each("fee_facts", procedures(intent), 2)
    return calls + [("modifier_meaning", {"modifier": m}) for m in intent.modifiers[:2]]


def _plan_pair(intent: Intent) -> list[Call]:
    first, second = procedures(intent)[:2]
    calls: list[Call] = [("check_pair", {"code1": first, "code2": second})]
    return calls + [("modifier_meaning", {"modifier": m}) for m in intent.modifiers[:2]]


def _plan_claim(intent: Intent) -> list[Call]:
    lines = [
        {"code": code, "modifiers": list(modifiers), "units": units}
        for code, modifiers, units in claim_lines(intent.topic_raw)
    ]
    diagnoses = [c for c in intent.codes if c not in procedures(intent)]
    return [("check_claim", {"lines": lines, "diagnoses": diagnoses})]


def _plan_mue(intent: Intent) -> list[Call]:
    want = "mue" if intent.kind == "mue" else "addon"
    calls: list[Call] = [
        ("mue_addon_facts", {"code": code, "want": want}) for code in intent.codes[:2]
    ]
    calls += _each("lookup_code", intent.codes, 2)
    term = "medically unlikely edit" if intent.kind == "mue" else "add-on code"
    return calls + [("glossary", {"term": term})]


def _plan_fee(intent: Intent) -> list[Call]:
    codes = procedures(intent) or list(intent.codes)
    args: dict[str, Any] = {"state": intent.state} if intent.state else {}
    return [("fee_facts", {"code": code, **args}) for code in codes[:2]]


def _plan_modifier(intent: Intent) -> list[Call]:
    return [("modifier_meaning", {"modifier": m}) for m in intent.modifiers[:3]]


def _plan_which(intent: Intent) -> list[Call]:
    phrase = search_phrase(intent.topic)
    calls: list[Call] = [("search_codes", {"query": phrase, "limit": 5})]
    parts = [p for p in _PARTS.split(phrase) if p.strip()]
    if len(parts) > 1:
        calls += [("search_codes", {"query": p, "limit": 2}) for p in parts[:3]]
    return calls + [("guideline_notes", {"query": phrase, "strict": True})]


def _plan_guideline(intent: Intent) -> list[Call]:
    return [("guideline_notes", {"query": intent.topic})] + _each(
        "lookup_code", intent.codes, 2
    )


def _plan_topic(intent: Intent) -> list[Call]:
    if intent.codes:
        return _each("lookup_code", intent.codes)
    return [("guideline_notes", {"query": intent.topic})]


def _plan_modifier_or_codes(intent: Intent) -> list[Call]:
    return _plan_modifier(intent) if intent.modifiers else _plan_topic(intent)


_PLANNERS: dict[str, Callable[[Intent], list[Call]]] = {
    "define": _plan_define,
    "billable": lambda i: _each("lookup_code", i.codes) or _plan_topic(i),
    "children": lambda i: _each("list_children", i.codes) or _plan_topic(i),
    "replacement": lambda i: _each("code_history", i.codes) or _plan_topic(i),
    "pair": _plan_pair,
    "claim": _plan_claim,
    "mue": lambda i: _plan_mue(i) if i.codes else _plan_topic(i),
    "addon": lambda i: _plan_mue(i) if i.codes else _plan_topic(i),
    "fee": lambda i: _plan_fee(i) if i.codes else _plan_topic(i),
    "modifier": _plan_modifier_or_codes,
    "which_code": _plan_which,
    "guideline": _plan_guideline,
    "glossary": lambda i: [("glossary", {"term": i.topic})],
}
