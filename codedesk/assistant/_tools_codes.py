"""Tools over the code reference: lookup, search, children, history."""

from __future__ import annotations

import contextlib
import logging
import re

from .._errors import CodeError
from .._records import CodeRecord, CodeRef, Note
from ._context import ToolContext, system_label
from ._records import CodeMention, Source, ToolResult

logger = logging.getLogger(__name__)

#: Note types worth quoting in an answer, in the order the tabular prints.
ANSWER_NOTE_TYPES = (
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional_code",
    "code_also",
)
#: Notes that say which other codes to add and in what order.
SEQUENCING_NOTES = ("code_first", "use_additional_code", "code_also")
NOTE_LABELS = {
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
}
#: Facts worth quoting in an answer (the code page shows them all; RVUs and
#: amounts come from the fee tool).
KEY_FACTS = frozenset(
    {
        "status_code",
        "glob_days",
        "pctc_ind",
        "status_indicator",
        "apc",
    }
)
CPT_SHAPE = re.compile(r"[0-9]{4}[0-9FTU]")
HCPCS_SHAPE = re.compile(r"[A-V][0-9]{4}")
_NO_CPT_MAP = (
    "The public CMS files record when a CPT code was in use but not what"
    " replaced it: CPT replacement instructions are AMA content, and no public"
    " file maps them, so CodeDesk will not guess."
)
_LICENSED_HINT = (
    "The CPT descriptor is AMA content: import a CPT file you are licensed to"
    " use (codedesk data import-cpt FILE) to see it."
)


def lookup_code(ctx: ToolContext, code: str, detail: str = "full") -> ToolResult:
    """Status, title, notes and public facts of one code on the date.

    With ``detail="notes"`` only the instructional notes that change how
    the code is reported (code first, use additional code...) are given.
    """
    result = ToolResult("lookup_code")
    record = _lookup(ctx, result, code)
    if record is None:
        return result
    if detail == "notes":
        describe_notes(ctx, result, record, SEQUENCING_NOTES)
        return result
    describe_status(ctx, result, record)
    describe_descriptor(ctx, result, record)
    describe_notes(ctx, result, record)
    describe_facts(result, record)
    return result


def list_children(ctx: ToolContext, code: str) -> ToolResult:
    """The codes under a code, its billable descendants and seventh characters."""
    result = ToolResult("list_children")
    record = _lookup(ctx, result, code)
    if record is None:
        return result
    describe_status(ctx, result, record)
    source = ctx.code_source(record)
    if record.children:
        under = "; ".join(_marked(ref) for ref in record.children[:12])
        result.add(f"Codes directly under it: {under}", source)
    if record.seventh_characters:
        values = "; ".join(
            f"{s.character} = {s.meaning} (defined at {s.source_code})"
            for s in record.seventh_characters
        )
        result.add(f"Seventh characters: {values}.", source)
        result.data["seventh_characters"] = [
            s.__dict__ for s in record.seventh_characters
        ]
    result.data["children"] = [c.__dict__ for c in record.children]
    return result


def code_history(ctx: ToolContext, code: str) -> ToolResult:
    """When a code was valid, and what replaced it where the data says."""
    result = ToolResult("code_history")
    record = _lookup(ctx, result, code)
    if record is None:
        if CPT_SHAPE.fullmatch(code.strip().upper()):
            result.missing.append(_NO_CPT_MAP)
        return result
    describe_status(ctx, result, record)
    for span in record.spans:
        start = (
            "before our records" if span.valid_from is None else str(span.valid_from)
        )
        if span.from_floor:
            start = f"{span.valid_from} or earlier (our records start then)"
        end = (
            "still valid in the newest release"
            if span.valid_to is None
            else str(span.valid_to)
        )
        result.add(
            f"Valid from {start} to {end}.",
            Source(span.source, f"row {record.code}", record.system, record.code),
        )
    describe_replacements(ctx, result, record)
    return result


def search_codes(
    ctx: ToolContext, query: str, system: str | None = None, limit: int = 5
) -> ToolResult:
    """Codes whose titles, index entries or synonyms match the words."""
    result = ToolResult("search_codes")
    hits = ctx.desk.search(
        query, system=system, date=ctx.date, limit=limit, billable_only=True
    )
    for hit in hits:
        mention = CodeMention(hit.system, hit.code, hit.title, "valid")
        result.codes.append(mention)
        result.add(
            f"{hit.code} ({system_label(hit.system)}): {hit.title} [matched {hit.why}]",
            Source(
                ctx.release_label(hit.system), f"row {hit.code}", hit.system, hit.code
            ),
        )
    result.data["results"] = [hit.__dict__ for hit in hits]
    if not hits:
        result.missing.append(f"No billable code matched '{query}' on {ctx.date}.")
    return result


def _lookup(ctx: ToolContext, result: ToolResult, code: str) -> CodeRecord | None:
    try:
        record = find_record(ctx, code)
    except CodeError as error:
        describe_code_error(result, code, error)
        return None
    other = other_reading(ctx, code, record)
    if other is not None:
        result.add(
            f"Read as {system_label(other.system)}, {code.upper()} is"
            f" {other.code}: {other.title}.",
            ctx.code_source(other),
        )
    result.codes.append(
        CodeMention(record.system, record.code, record.title, record.status)
    )
    result.data["code"] = _record_json(record)
    return record


def find_record(ctx: ToolContext, code: str) -> CodeRecord:
    """The code's record: in the system the question names, else HCPCS for
    an undotted letter-and-four-digits code (G0439), else any system."""
    preferred = ctx.system_hint
    if preferred is None and HCPCS_SHAPE.fullmatch(code.strip().upper()):
        preferred = "hcpcs"
    if preferred is not None:
        with contextlib.suppress(CodeError):
            return ctx.desk.lookup(code, system=preferred, date=ctx.date)
    return ctx.desk.lookup(code, date=ctx.date)


def other_reading(ctx: ToolContext, code: str, record: CodeRecord) -> CodeRecord | None:
    """The ICD-10-CM code an undotted HCPCS-shaped code may also be (G04.39)."""
    if record.system != "hcpcs" or not HCPCS_SHAPE.fullmatch(code.strip().upper()):
        return None
    try:
        return ctx.desk.lookup(code, system="icd10cm", date=ctx.date)
    except CodeError:
        return None


def describe_code_error(result: ToolResult, code: str, error: CodeError) -> None:
    """An unknown or malformed code, said plainly, with the fixes offered."""
    text = error.message
    if error.suggestions:
        text += " Did you mean: " + ", ".join(error.suggestions[:5]) + "?"
    elif error.hint:
        text += " " + error.hint
    result.add(text, Source("CodeDesk lookup", f"'{code}' not found"))
    result.codes.append(CodeMention(error.system or "", code.upper(), "", "unknown"))
    result.data["error"] = {"code": code, "message": text}


def describe_status(ctx: ToolContext, result: ToolResult, record: CodeRecord) -> None:
    """Whether the code is billable, a header, ended or not yet valid."""
    label = system_label(record.system)
    name = f"{record.code} ({label})"
    title = "" if record.system == "cpt" else f": {record.title}"
    if record.status == "valid" and record.kind == "modifier":
        text = (
            f"{name} is a modifier, valid on {ctx.date}{title}; it is added to a"
            " code, not billed alone."
        )
    elif record.status == "valid":
        text = f"{name} is a valid, billable code on {ctx.date}{title}."
    elif record.status == "header":
        text = f"{name} is a header, not billable on its own{title}."
    elif record.status == "ended":
        text = (
            f"{name} is not valid on {ctx.date}: it ended on {record.valid_to}{title}."
        )
    elif record.valid_from and record.valid_from > ctx.date:
        text = (
            f"{name} is not valid yet on {ctx.date}:"
            f" it starts on {record.valid_from}{title}."
        )
    else:
        text = f"{name} is not valid on {ctx.date}{title}."
    result.add(text, ctx.code_source(record))
    if record.status == "header" and record.billable_descendants:
        shown = _refs(record.billable_descendants, 8)
        more = record.billable_descendant_count - min(
            8, len(record.billable_descendants)
        )
        tail = f" and {more} more" if more > 0 else ""
        result.add(f"Billable codes under it: {shown}{tail}.", ctx.code_source(record))
    for warning in record.warnings:
        result.add(warning, ctx.code_source(record))


def describe_descriptor(
    ctx: ToolContext, result: ToolResult, record: CodeRecord
) -> None:
    """For CPT, the licensed descriptor if imported, else say what is needed."""
    if record.system != "cpt":
        return
    text = record.licensed_text.get("long") or record.licensed_text.get("medium")
    if text:
        result.add(
            f"Descriptor (from your licensed file): {text}",
            Source("Licensed CPT file", f"row {record.code}", "cpt", record.code),
        )
        return
    result.missing.append(_LICENSED_HINT)


def describe_notes(
    ctx: ToolContext,
    result: ToolResult,
    record: CodeRecord,
    types: tuple[str, ...] = ANSWER_NOTE_TYPES,
) -> None:
    """The instructional notes that govern the code, and where they come from.

    A note that ends in ':' heads a list: the items that follow it at the
    same level are joined to it, as the tabular prints them.
    """
    quoted = False
    for note_type in types:
        for source_code, inherited, text in joined_notes(
            record.notes.get(note_type, [])
        )[:4]:
            where = f" (at {source_code})" if inherited else ""
            source = Source(
                ctx.release_label(record.system),
                f"{NOTE_LABELS[note_type]} note at {source_code}",
                record.system,
                source_code,
            )
            # Typographic quotes tell the guard this is a quotation.
            result.add(f"{NOTE_LABELS[note_type]}{where}: “{text}”", source)
            quoted = True
    if quoted:
        describe_notes_release(ctx, result, record)


def describe_notes_release(
    ctx: ToolContext, result: ToolResult, record: CodeRecord
) -> None:
    """Say the notes are from a later release than the date of service."""
    start = ctx.release_start(record.system)
    if start is None or ctx.date >= start:
        return
    release = ctx.release_label(record.system)
    result.add(
        f"These notes are quoted from {release}, in effect from {start}; the"
        f" notes in effect on {ctx.date} may differ.",
        Source(release, "release dates", record.system, record.code),
    )


def joined_notes(notes: list[Note]) -> list[tuple[str, bool, str]]:
    """(level, inherited, text) of each note, list items joined to their head."""
    joined: list[tuple[str, bool, str]] = []
    open_list = False
    for note in notes:
        if open_list and joined and joined[-1][0] == note.source_code:
            level, inherited, text = joined[-1]
            glue = " " if text.endswith(":") else "; "
            joined[-1] = (level, inherited, text + glue + note.text)
            continue
        joined.append((note.source_code, note.inherited, note.text))
        open_list = note.text.rstrip().endswith(":")
    return joined


def describe_facts(result: ToolResult, record: CodeRecord) -> None:
    """The key public CMS facts (status, RVUs, global days...) on the code's row."""
    for fact in record.facts:
        if fact.name not in KEY_FACTS:
            continue
        result.add(
            f"{_fact_label(fact.group, fact.label)}: {fact.value}",
            Source(
                fact.source,
                f"{fact.group} row {record.code}",
                record.system,
                record.code,
            ),
        )


def _fact_label(group: str, label: str) -> str:
    return label if label.startswith(group) else f"{group} {label}"


def describe_replacements(
    ctx: ToolContext, result: ToolResult, record: CodeRecord
) -> None:
    """What replaced an ended code, only where a release file says so."""
    if record.replaced_by:
        result.add(
            "Replaced by: " + _refs(record.replaced_by, 10) + ".",
            ctx.code_source(record),
        )
        for ref in record.replaced_by:
            result.codes.append(CodeMention(ref.system, ref.code, ref.title, "valid"))
    elif record.status == "ended" and record.system == "cpt":
        result.missing.append(_NO_CPT_MAP)


def _marked(ref: CodeRef) -> str:
    """The code and title, marked when it is a header and not to be used."""
    badge = "" if ref.billable else " (header)"
    return f"{ref.code} {ref.title}".strip() + badge


def _refs(refs: list[CodeRef], limit: int) -> str:
    return "; ".join(f"{r.code} {r.title}".strip() for r in refs[:limit])


def _record_json(record: CodeRecord) -> dict[str, object]:
    return {
        "system": record.system,
        "code": record.code,
        "title": "" if record.system == "cpt" else record.title,
        "status": record.status,
        "billable": record.billable,
        "valid_from": str(record.valid_from) if record.valid_from else None,
        "valid_to": str(record.valid_to) if record.valid_to else None,
        "facts": [f.__dict__ for f in record.facts],
        "replaced_by": [r.code for r in record.replaced_by],
    }
