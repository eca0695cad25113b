"""Explain a code lookup that failed, with the likely fix.

Each system's own fixes come first (ICD-10-CM: the placeholder X); then
whether another system has the code; then the nearest real codes.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TypeVar

from ._errors import CodeError, MalformedCodeError, UnknownCodeError
from ._systems import CodeSystem, code_systems
from ._typed import odd_characters, shown
from .icd10cm._suggest import placeholder_fix

E = TypeVar("E", bound=CodeError)

#: The registry never changes within a process.
known_systems = functools.cache(code_systems)

#: How many nearby codes an error offers.
SUGGESTION_LIMIT = 8

#: Fixes a system knows for what people mistype, tried before anything else.
FIXERS: dict[str, Callable[[str], str | None]] = {"icd10cm": placeholder_fix}


def explain_malformed(
    conn: sqlite3.Connection, system: CodeSystem, text: str, error: MalformedCodeError
) -> CodeError:
    """A better error for text that is not the shape of the system's codes."""
    fixed = _known_fix(conn, system, text)
    if fixed:
        return _did_you_mean(MalformedCodeError, system, text, fixed)
    other = _other_shape(conn, system, text)
    if other is None or (not other[2] and _is_short(text)):
        # One or two characters are the shape of a HCPCS modifier; unless
        # HCPCS has it, the real fault is the normaliser's: too short.
        return _with_starts(conn, system, text, error)
    other_system, other_code, has_it = other
    message = (
        f"'{shown(text)}' is not {a_code_of(system)}: it looks like"
        f" {a_code_of(other_system)}."
    )
    hint = (
        f"{other_system.label} has {other_code}: look it up as {other_system.label}."
        if has_it
        else f"Look it up as {other_system.label} instead."
    )
    return MalformedCodeError(message, code=text, system=system.name, hint=hint)


def explain_too_short(conn: sqlite3.Connection, text: str) -> CodeError | None:
    """For one or two characters starting with a letter, that no system has.

    ``I2`` has the shape of a HCPCS modifier, but a coder who types it has
    most likely started an ICD-10-CM code: say it is too short, and which
    categories and blocks start with it.
    """
    bare = _bare(text)
    if not _is_short(text) or not bare[0].isalpha():
        return None
    icd10cm = known_systems()["icd10cm"]
    if any(_has(conn, s.name, bare) for s in known_systems().values()):
        return None
    try:
        icd10cm.normalize(text)
    except MalformedCodeError as error:
        return _with_starts(conn, icd10cm, text, error)
    return None


def _with_starts(
    conn: sqlite3.Connection, system: CodeSystem, text: str, error: CodeError
) -> CodeError:
    """The error, with the categories and blocks that start with a short text."""
    bare = _bare(text)
    if not _is_short(text):
        return error
    rows = conn.execute(
        "SELECT code FROM code WHERE system = ? AND kind IN ('category', 'block')"
        " AND code LIKE ? ORDER BY seq LIMIT ?",
        (system.name, bare + "%", SUGGESTION_LIMIT),
    ).fetchall()
    starts = tuple(row[0] for row in rows)
    if not starts:
        return error
    hint = f"{system.label} codes starting with {bare}: {', '.join(starts)}."
    return type(error)(
        str(error), code=error.code, system=system.name, hint=hint, suggestions=starts
    )


def explain_shapeless(conn: sqlite3.Connection, text: str) -> CodeError:
    """An error for text no system claims; a known fix when one applies."""
    for system in known_systems().values():
        fixed = _known_fix(conn, system, text)
        if fixed:
            return _did_you_mean(MalformedCodeError, system, text, fixed)
    odd = odd_characters(text.strip(), allowed=".- ")
    reason = (
        f": it contains {odd}, and codes have only letters and digits" if odd else ""
    )
    return MalformedCodeError(
        f"'{shown(text)}' is not the shape of a code in any code system{reason}.",
        code=text,
        hint="Codes look like I21.9 (ICD-10-CM), 0LB50ZZ (ICD-10-PCS),"
        " J3301 (HCPCS) or 99213 (CPT).",
    )


def shaped_systems(text: str) -> list[CodeSystem]:
    """The systems whose code shape the text has, in lookup order."""
    return [s for s in known_systems().values() if s.looks_like(text)]


def explain_unknown(
    conn: sqlite3.Connection, system: CodeSystem, code: str, text: str
) -> UnknownCodeError:
    """An error for a well-formed code the system does not have."""
    fixed = _known_fix(conn, system, text)
    if fixed:
        return _did_you_mean(UnknownCodeError, system, text, fixed)
    message = f"'{code}' is not {a_code_of(system)}."
    other = _other_shape(conn, system, text)
    if other is not None and other[2]:
        label = other[0].label
        return UnknownCodeError(
            f"{message} {label} has {other[1]}.",
            code=text,
            system=system.name,
            hint=f"Look it up as {label}.",
            suggestions=(other[1],),
        )
    return _nearest(conn, system, code, text, message)


def explain_unknown_anywhere(
    conn: sqlite3.Connection, shaped: list[CodeSystem], text: str
) -> CodeError:
    """An error for text shaped like codes of several systems none of which
    has it: the first system's fix, under a message naming them all."""
    first = shaped[0]
    try:
        error: CodeError = explain_unknown(conn, first, first.normalize(text), text)
    except MalformedCodeError as malformed:
        error = malformed
    if error.suggestions and error.hint and error.hint.startswith("Did you mean"):
        return error
    labels = [s.label for s in shaped]
    names = ", ".join(labels[:-1]) + " or " + labels[-1]
    article = "an" if names.startswith("ICD") else "a"
    return UnknownCodeError(
        f"'{shown(text)}' is not {article} {names} code.",
        code=text,
        hint=error.hint,
        suggestions=error.suggestions,
    )


def _did_you_mean(error_type: type[E], system: CodeSystem, text: str, fixed: str) -> E:
    return error_type(
        f"'{shown(text)}' is not {a_code_of(system)}.",
        code=text,
        system=system.name,
        hint=f"Did you mean {fixed}? Placeholder X fills every place before a"
        " seventh character.",
        suggestions=(fixed,),
    )


def _known_fix(conn: sqlite3.Connection, system: CodeSystem, text: str) -> str | None:
    fixer = FIXERS.get(system.name)
    fixed = fixer(text) if fixer else None
    return fixed if fixed and _has(conn, system.name, fixed) else None


def _other_shape(
    conn: sqlite3.Connection, system: CodeSystem, text: str
) -> tuple[CodeSystem, str, bool] | None:
    """Another system whose shape the text has, its code, and whether it has it."""
    shaped = [
        other
        for other in known_systems().values()
        if other.name != system.name and other.looks_like(text)
    ]
    found = []
    for other in shaped:
        code = _normalize_quietly(other, text)
        found.append((other, code, bool(code) and _has(conn, other.name, code)))
    found.sort(key=lambda item: not item[2])
    return found[0] if found else None


def _normalize_quietly(system: CodeSystem, text: str) -> str:
    try:
        return system.normalize(text)
    except CodeError:
        return text.strip().upper()


def _nearest(
    conn: sqlite3.Connection, system: CodeSystem, code: str, text: str, message: str
) -> UnknownCodeError:
    """The codes under the longest prefix of ``code`` that is a real code."""
    bare = code.replace(".", "")
    for size in range(len(bare) - 1, 0, -1):
        prefix = _normalize_quietly(system, bare[:size])
        row = conn.execute(
            "SELECT kind, title FROM code WHERE system = ? AND code = ?"
            " ORDER BY depth DESC LIMIT 1",
            (system.name, prefix),
        ).fetchone()
        if row is not None:
            near = _children(conn, system.name, prefix, row[0])
            hint = f"Codes under {prefix} ({row[1]}): {', '.join(near)}."
            if not near:
                near, hint = [prefix], f"The nearest code is {prefix} ({row[1]})."
            return UnknownCodeError(
                message,
                code=text,
                system=system.name,
                hint=hint,
                suggestions=tuple(near),
            )
    return UnknownCodeError(message, code=text, system=system.name)


def _children(conn: sqlite3.Connection, system: str, code: str, kind: str) -> list[str]:
    rows = conn.execute(
        "SELECT c.code FROM code c WHERE c.system = ? AND c.parent_kind = ?"
        " AND c.parent = ? AND EXISTS (SELECT 1 FROM span s WHERE s.system ="
        " c.system AND s.code = c.code AND s.valid_to IS NULL) ORDER BY c.seq LIMIT ?",
        (system, kind, code, SUGGESTION_LIMIT),
    ).fetchall()
    return [row[0] for row in rows]


def _bare(text: str) -> str:
    return "".join(text.split()).upper().replace(".", "")


def _is_short(text: str) -> bool:
    """One or two letters or digits: shorter than any code but a modifier."""
    bare = _bare(text)
    return 0 < len(bare) < 3 and bare.isascii() and bare.isalnum()


def _has(conn: sqlite3.Connection, system: str, code: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM code WHERE code = ? AND system = ? LIMIT 1", (code, system)
    ).fetchone()
    return row is not None


def a_code_of(system: CodeSystem) -> str:
    """``an ICD-10-CM code``, ``a CPT code``: the label with its article."""
    article = "an" if system.label.startswith("ICD") else "a"
    return f"{article} {system.label} code"
