"""ICD-10-CM rules on a claim's diagnoses.

Conventions from the ICD-10-CM Official Guidelines, section I.A: an
Excludes1 pair is flagged for review, since two unrelated conditions may be
coded together (I.A.12.a); a manifestation code is never first-listed and
follows its etiology (I.A.13); a "code first" note asks for the underlying
condition before the code. Age and sex limits come from the I/OCE
diagnosis table.
"""

from __future__ import annotations

from ._data import DxEditRow, EditData, TabularNote
from ._records import Claim, Finding, SourceRef
from ._validity import validity_finding

#: I/OCE diagnosis sex codes.
_SEX_CODES = {1: "M", 2: "F"}


def check_diagnoses(data: EditData, claim: Claim) -> list[Finding]:
    """Every diagnosis rule, in the order a coder would fix them."""
    findings: list[Finding] = []
    if claim.diagnoses:
        codes = sorted(set(claim.diagnoses))
        data.prefetch_status("icd10cm", codes, claim.date)
        data.prefetch_diagnoses(codes, claim.date)
    for position, code in enumerate(claim.diagnoses, 1):
        status = data.status("icd10cm", code, claim.date)
        found = validity_finding(
            data, "icd10cm", code, status, claim.date, diagnoses=(position,)
        )
        findings += [found] if found else []
    findings += check_excludes1(data, claim)
    findings += check_sequence(data, claim)
    findings += check_age_and_sex(data, claim)
    return findings


def _note_source(data: EditData, note: TabularNote, kind: str) -> SourceRef:
    name, vintage, file = data.release_of("icd10cm", "%Tabular%")
    return SourceRef(
        table="note",
        release=name,
        vintage=vintage,
        file=file,
        row={"code": note.level, "type": kind, "text": note.text},
    )


def check_excludes1(data: EditData, claim: Claim) -> list[Finding]:
    """Pairs of diagnoses an Excludes1 note separates: flagged for review."""
    findings: list[Finding] = []
    seen: set[frozenset[str]] = set()
    for i, code in enumerate(claim.diagnoses, 1):
        for note in data.notes(code):
            if note.type != "excludes1":
                continue
            for j, other in enumerate(claim.diagnoses, 1):
                pair = frozenset((code, other))
                if other == code or pair in seen:
                    continue
                if any(r.matches(other) for r in note.refs):
                    seen.add(pair)
                    findings.append(_excludes1(data, note, code, other, (i, j)))
    return findings


def _excludes1(
    data: EditData, note: TabularNote, code: str, other: str, positions: tuple[int, int]
) -> Finding:
    message = (
        f"{other} is under an Excludes1 note at {note.level} ({note.text}), so it"
        f" is normally not coded with {code}."
    )
    fix = (
        "Keep both only if the conditions are unrelated (Guidelines I.A.12.a);"
        " otherwise keep the code that describes the condition."
    )
    return Finding(
        "excludes1",
        "review",
        message,
        (code, other),
        diagnoses=positions,
        source=_note_source(data, note, "excludes1"),
        fix=fix,
    )


def check_sequence(data: EditData, claim: Claim) -> list[Finding]:
    """Manifestations listed first or before their etiology; code-first gaps."""
    findings: list[Finding] = []
    for i, code in enumerate(claim.diagnoses, 1):
        edit = data.dx_edit(code, claim.date)
        notes = [n for n in data.notes(code) if n.type == "code_first" and n.refs]
        findings += _sequence_findings(data, claim, i, code, edit, notes)
    return findings


def _sequence_findings(
    data: EditData,
    claim: Claim,
    i: int,
    code: str,
    edit: DxEditRow | None,
    notes: list[TabularNote],
) -> list[Finding]:
    manifestation = edit is not None and edit.manifestation == 1
    partners = [
        (j, other, note)
        for note in notes
        for j, other in enumerate(claim.diagnoses, 1)
        if other != code and any(r.matches(other) for r in note.refs)
    ]
    later = [(j, other, note) for j, other, note in partners if j > i]
    if later:
        return [_listed_before(data, code, i, later[0], manifestation)]
    if edit is not None and manifestation and i == 1:
        return [_manifestation_first_listed(data, code, edit)]
    if notes and not partners:
        return [_code_first_missing(data, code, i, _merged(notes))]
    return []


def _listed_before(
    data: EditData,
    code: str,
    i: int,
    partner: tuple[int, str, TabularNote],
    manifestation: bool,
) -> Finding:
    j, other, note = partner
    rule = "manifestation_first" if manifestation else "code_first"
    message = (
        f"{code} is listed before {other}, but its 'code first' note at"
        f" {note.level} asks for the underlying condition first."
    )
    return Finding(
        rule,
        "deny" if manifestation and i == 1 else "review",
        message,
        (code, other),
        diagnoses=(i, j),
        source=_note_source(data, note, "code_first"),
        fix=f"List {other} before {code}.",
    )


def _manifestation_first_listed(data: EditData, code: str, edit: DxEditRow) -> Finding:
    return Finding(
        "manifestation_first",
        "deny",
        f"{code} is a manifestation code and cannot be the first-listed diagnosis.",
        (code,),
        diagnoses=(1,),
        source=_dx_source(data, edit, code, "manifestation"),
        fix="List the underlying condition first, then this code.",
    )


def _merged(notes: list[TabularNote]) -> TabularNote:
    """The code-first notes of the nearest level, read as one list."""
    level = notes[0].level
    same = [n for n in notes if n.level == level]
    text = "; ".join(n.text for n in same)
    return TabularNote(
        "code_first", text, level, tuple(r for n in same for r in n.refs)
    )


def _code_first_missing(
    data: EditData, code: str, i: int, note: TabularNote
) -> Finding:
    named = ", ".join(r.label() for r in note.refs[:6])
    named += ", …" if len(note.refs) > 6 else ""
    message = (
        f"{code} has a 'code first' note at {note.level}, and none of the"
        f" conditions it names ({named}) is on the claim."
    )
    return Finding(
        "code_first",
        "review",
        message,
        (code,),
        diagnoses=(i,),
        source=_note_source(data, note, "code_first"),
        fix="Add the underlying condition and list it before this code.",
    )


def _dx_source(data: EditData, edit: DxEditRow, code: str, column: str) -> SourceRef:
    return data.ref(
        edit.source,
        "dx_edit",
        code=code,
        column=column,
        effective_from=edit.effective_from,
        effective_to=edit.effective_to,
        lo_age=edit.lo_age,
        hi_age=edit.hi_age,
        sex=edit.sex,
    )


def check_age_and_sex(data: EditData, claim: Claim) -> list[Finding]:
    """Diagnoses outside their age range, or for the other sex."""
    findings: list[Finding] = []
    for i, code in enumerate(claim.diagnoses, 1):
        edit = data.dx_edit(code, claim.date)
        if edit is None:
            continue
        if claim.age is not None and not edit.lo_age <= claim.age <= edit.hi_age:
            findings.append(_age_finding(data, edit, code, i, claim.age))
        wanted = _SEX_CODES.get(edit.sex)
        if claim.sex is not None and wanted is not None and wanted != claim.sex:
            findings.append(
                Finding(
                    "sex",
                    "deny",
                    f"{code} is for patients of sex {wanted};"
                    f" the claim says {claim.sex}.",
                    (code,),
                    diagnoses=(i,),
                    source=_dx_source(data, edit, code, "sex"),
                    fix="Check the patient's sex and the code.",
                )
            )
    if claim.sex is not None and claim.diagnoses and not data.has_sex_edits:
        findings.append(
            Finding(
                "sex",
                "info",
                "Sex was not checked: the loaded diagnosis edit table carries"
                " no sex limits.",
            )
        )
    return findings


def _age_finding(
    data: EditData, edit: DxEditRow, code: str, i: int, age: int
) -> Finding:
    return Finding(
        "age",
        "deny",
        f"{code} is for ages {edit.lo_age} to {edit.hi_age}; the patient is {age}.",
        (code,),
        diagnoses=(i,),
        source=_dx_source(data, edit, code, "age"),
        fix="Check the patient's age, or choose the code for the patient's age group.",
    )
