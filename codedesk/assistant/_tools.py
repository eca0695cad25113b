"""The assistant's tools: typed functions, each with a JSON schema.

The offline engine calls the functions directly; the model path offers the
schemas to the model and runs what it asks for through :func:`run_tool`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._errors import CodeDeskError
from ._context import ToolContext
from ._records import ToolResult, ToolStep
from ._tools_codes import code_history, list_children, lookup_code, search_codes
from ._tools_edits import check_claim, check_pair, fee_facts, mue_addon_facts
from ._tools_text import glossary, guideline_notes, modifier_meaning

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tool:
    """One tool: its name, what it does, its parameters and the function."""

    name: str
    description: str
    parameters: dict[str, Any]
    run: Callable[[ToolContext, dict[str, Any]], ToolResult]

    def schema(self) -> dict[str, Any]:
        """The OpenAI-compatible tool description."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.parameters,
            },
        }


def _object(required: list[str], **properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


_STR = {"type": "string"}
_CODE = {"type": "string", "description": "A code as typed, e.g. E11.22, 99213, J3301"}

TOOLS: tuple[Tool, ...] = (
    Tool(
        "lookup_code",
        (
            "Status on the date of service (billable, header, ended), title, notes"
            " and public CMS facts of one code."
        ),
        _object(
            ["code"],
            code=_CODE,
            detail={
                "type": "string",
                "enum": ["full", "notes"],
                "description": "notes: only the instructional notes",
            },
        ),
        lambda ctx, a: lookup_code(ctx, a["code"], a.get("detail", "full")),
    ),
    Tool(
        "search_codes",
        (
            "Billable codes whose titles, index entries or synonyms match clinical"
            " or lay words."
        ),
        _object(
            ["query"],
            query=_STR,
            system={"type": "string", "enum": ["icd10cm", "icd10pcs", "hcpcs", "cpt"]},
            limit={"type": "integer", "minimum": 1, "maximum": 10},
        ),
        lambda ctx, a: search_codes(
            ctx, a["query"], a.get("system"), int(a.get("limit", 5))
        ),
    ),
    Tool(
        "list_children",
        "The codes under a code and its seventh-character values.",
        _object(["code"], code=_CODE),
        lambda ctx, a: list_children(ctx, a["code"]),
    ),
    Tool(
        "check_pair",
        (
            "Whether an NCCI procedure-to-procedure edit pairs two procedure codes"
            " on the date, with its modifier indicator."
        ),
        _object(["code1", "code2"], code1=_CODE, code2=_CODE),
        lambda ctx, a: check_pair(ctx, a["code1"], a["code2"]),
    ),
    Tool(
        "check_claim",
        "Run the claim checker on procedure lines and diagnoses.",
        _object(
            ["lines", "diagnoses"],
            lines={
                "type": "array",
                "items": _object(
                    ["code"],
                    code=_STR,
                    modifiers={"type": "array", "items": _STR},
                    units={"type": "integer", "minimum": 1},
                ),
            },
            diagnoses={"type": "array", "items": _STR},
        ),
        lambda ctx, a: check_claim(ctx, list(a["lines"]), list(a["diagnoses"])),
    ),
    Tool(
        "mue_addon_facts",
        (
            "The Medically Unlikely Edit value and adjudication indicator, and"
            " add-on code relations, of a code."
        ),
        _object(
            ["code"],
            code=_CODE,
            want={"type": "string", "enum": ["mue", "addon", "both"]},
        ),
        lambda ctx, a: mue_addon_facts(ctx, a["code"], str(a.get("want", "both"))),
    ),
    Tool(
        "fee_facts",
        (
            "Physician fee schedule status, RVUs, global days and payment amounts,"
            " national or for a state's localities."
        ),
        _object(
            ["code"],
            code=_CODE,
            state={"type": "string", "description": "Two-letter state, e.g. MD"},
            locality=_STR,
        ),
        lambda ctx, a: fee_facts(ctx, a["code"], a.get("state"), a.get("locality")),
    ),
    Tool(
        "modifier_meaning",
        ("What a modifier means: the CMS HCPCS modifier row and CodeDesk's note."),
        _object(["modifier"], modifier=_STR),
        lambda ctx, a: modifier_meaning(ctx, a["modifier"]),
    ),
    Tool(
        "code_history",
        ("When a code was valid and what replaced it, where a release file says so."),
        _object(["code"], code=_CODE),
        lambda ctx, a: code_history(ctx, a["code"]),
    ),
    Tool(
        "guideline_notes",
        (
            "CodeDesk's notes on coding rules (ICD-10-CM guidelines, NCCI, global"
            " surgery), each citing its source."
        ),
        _object(
            ["query"],
            query=_STR,
            strict={
                "type": "boolean",
                "description": "only notes whose key terms are in the query",
            },
        ),
        lambda ctx, a: guideline_notes(
            ctx, a["query"], strict=bool(a.get("strict", False))
        ),
    ),
    Tool(
        "glossary",
        "The glossary entry for a coding term.",
        _object(["term"], term=_STR),
        lambda ctx, a: glossary(ctx, a["term"]),
    ),
)

TOOLS_BY_NAME: dict[str, Tool] = {tool.name: tool for tool in TOOLS}


def tool_schemas() -> list[dict[str, Any]]:
    """Every tool's schema, for the model."""
    return [tool.schema() for tool in TOOLS]


def run_tool(
    ctx: ToolContext, name: str, arguments: dict[str, Any]
) -> tuple[ToolResult, ToolStep]:
    """Run a tool by name; bad names and arguments become a result, not a crash."""
    started = time.perf_counter()
    result = _call(ctx, name, arguments)
    elapsed = (time.perf_counter() - started) * 1000
    logger.debug("tool %s took %.1f ms", name, elapsed)
    step = ToolStep(name, arguments, summarise(result), elapsed)
    return result, step


def _call(ctx: ToolContext, name: str, arguments: dict[str, Any]) -> ToolResult:
    tool = TOOLS_BY_NAME.get(name)
    if tool is None:
        result = ToolResult(name)
        result.missing.append(f"There is no tool named '{name}'.")
        return result
    missing = [key for key in tool.parameters["required"] if key not in arguments]
    if missing:
        result = ToolResult(name)
        result.missing.append(f"The tool {name} needs: {', '.join(missing)}.")
        return result
    try:
        return tool.run(ctx, arguments)
    except CodeDeskError as error:
        result = ToolResult(name)
        result.missing.append(error.message)
        return result
    except NotImplementedError:
        # A library part still being built (search, #2) answers nothing yet.
        result = ToolResult(name)
        result.missing.append(f"The {name} tool is not available in this build.")
        return result


def summarise(result: ToolResult) -> str:
    """One line saying what a tool found."""
    if result.findings:
        first = result.findings[0].text
        more = len(result.findings) - 1
        head = first if len(first) <= 120 else first[:117] + "..."
        return head + (f" (+{more} more)" if more else "")
    if result.missing:
        return result.missing[0]
    return "nothing found"


def result_json(result: ToolResult) -> dict[str, Any]:
    """What the model sees of a tool result: findings with sources, and gaps."""
    return {
        "findings": [
            {"fact": f.text, "source": f.source.label()} for f in result.findings
        ],
        "not_in_data": result.missing,
        "data": result.data,
    }
