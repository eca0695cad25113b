"""Tools over words: modifier meaning, guideline notes, glossary."""

from __future__ import annotations

import sqlite3

from ._context import ToolContext
from ._notes import KnowledgeNote, notes_for_code, search_notes
from ._records import Source, ToolResult

#: Modifiers the NCCI Policy Manual (Chapter I) lists as able to bypass a
#: PTP edit whose modifier indicator is 1.
NCCI_ASSOCIATED_MODIFIERS = frozenset(
    [
        "E1",
        "E2",
        "E3",
        "E4",
        "FA",
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
        "F6",
        "F7",
        "F8",
        "F9",
        "LC",
        "LD",
        "LM",
        "LT",
        "RC",
        "RI",
        "RT",
        "TA",
        "T1",
        "T2",
        "T3",
        "T4",
        "T5",
        "T6",
        "T7",
        "T8",
        "T9",
        "24",
        "25",
        "27",
        "57",
        "58",
        "59",
        "78",
        "79",
        "91",
        "XE",
        "XP",
        "XS",
        "XU",
    ]
)
_NCCI_SOURCE = Source(
    "NCCI Policy Manual for Medicare Services",
    "Chapter I (General Correct Coding Policies): NCCI-associated modifiers",
)


def modifier_meaning(ctx: ToolContext, modifier: str) -> ToolResult:
    """What a modifier means: the CMS HCPCS row, our note, its NCCI role."""
    result = ToolResult("modifier_meaning")
    code = modifier.strip().upper().lstrip("-")
    row = read_hcpcs_modifier(ctx.desk.conn, code)
    if row is not None:
        source = Source(ctx.release_label("hcpcs"), f"modifier row {code}")
        result.add(f"Modifier {code} (HCPCS Level II): {row}", source)
    notes = notes_for_code(code)
    for note in notes:
        add_note(result, note)
    if code in NCCI_ASSOCIATED_MODIFIERS:
        result.add(
            f"{code} is an NCCI-associated modifier: on the column 2 code of a PTP"
            " pair with modifier indicator 1 it may bypass the edit when the"
            " record supports it.",
            _NCCI_SOURCE,
        )
    if row is None and not notes:
        result.missing.append(_unknown_modifier(code))
    result.data["modifier"] = {
        "code": code,
        "hcpcs_title": row,
        "notes": [n.id for n in notes],
    }
    return result


def guideline_notes(
    ctx: ToolContext, query: str, limit: int = 2, strict: bool = False
) -> ToolResult:
    """The project's notes on a coding rule, each citing its public source.

    ``strict`` keeps only notes whose key terms appear in the query.
    """
    result = ToolResult("guideline_notes")
    notes = search_notes(query, limit=limit, min_score=4.0 if strict else 1.0)
    for note in notes:
        add_note(result, note)
    if not notes and not strict:
        result.missing.append(f"No CodeDesk note covers '{query}'.")
    result.data["notes"] = [
        {"id": n.id, "title": n.title, "text": n.text, "sources": list(n.sources)}
        for n in notes
    ]
    return result


def glossary(ctx: ToolContext, term: str) -> ToolResult:
    """The glossary entry for a term (the same notes, best match only)."""
    result = guideline_notes(ctx, term, limit=1)
    result.tool = "glossary"
    return result


def add_note(result: ToolResult, note: KnowledgeNote) -> None:
    """Quote a note's text as one finding."""
    result.add(f"{note.title}. {note.text}", note.source())


def read_hcpcs_modifier(conn: sqlite3.Connection, code: str) -> str | None:
    """The CMS long description of a HCPCS Level II modifier, if loaded."""
    try:
        row = conn.execute(
            "SELECT title FROM code WHERE system = 'hcpcs' AND kind = 'modifier'"
            " AND code = ?",
            (code,),
        ).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def _unknown_modifier(code: str) -> str:
    if code.isdigit():
        return (
            f"CodeDesk has no note on CPT modifier {code}; its official descriptor"
            " is AMA content, in the CPT book's Appendix A."
        )
    return f"Modifier {code} is not in the HCPCS Level II modifier file loaded."
