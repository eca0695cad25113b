"""A plain-language summary of a code, written from its official text.

Nothing here is invented about a code: the summary restates the record's own
status, title, short title and seventh character, spells out the
abbreviations CMS uses in short titles, and explains the conventions of the
title's words in the terms the ICD-10-CM Official Guidelines for Coding and
Reporting (FY2026, Section I.A, I.B.18 and I.C.19.a) define them.
"""

from __future__ import annotations

import re

from ._records import SYSTEM_LABELS, CodeRecord, SeventhCharacter

#: Abbreviations in the ICD-10-CM short titles CMS prints (the I/OCE
#: diagnosis table), with the words they stand for. Keys are matched as whole
#: words; longer keys first so that "init encntr" wins over "init".
ABBREVIATIONS: dict[str, str] = {
    "init encntr": "initial encounter",
    "subs encntr": "subsequent encounter",
    "NOS": "not otherwise specified",
    "NEC": "not elsewhere classified",
    "w/o": "without",
    "w/": "with",
    "w": "with",
    "d/t": "due to",
    "init": "initial encounter",
    "subs": "subsequent encounter",
    "sqla": "sequela",
    "unsp": "unspecified",
    "Unsp": "Unspecified",
    "encntr": "encounter",
    "oth": "other",
    "fx": "fracture",
    "Fx": "Fracture",
    "inj": "injury",
}

#: Abbreviations in HCPCS Level II short descriptions (the HCPCS file's
#: SHORT DESCRIPTION), where "inj" is an injection, not an injury.
HCPCS_ABBREVIATIONS: dict[str, str] = {
    "NOS": "not otherwise specified",
    "nos": "not otherwise specified",
    "w/o": "without",
    "w/": "with",
    "w": "with",
    "Inj": "Injection",
    "inj": "injection",
    "ea": "each",
}


#: What title words mean under the coding conventions, each restated from
#: the Official Guidelines section named at its end.
CONVENTIONS: tuple[tuple[str, str], ...] = (
    (
        "not otherwise specified",
        '"Not otherwise specified" (NOS) is the same as "unspecified"'
        " (Official Guidelines I.A.9.b).",
    ),
    (
        "not elsewhere classified",
        '"Not elsewhere classified" (NEC) marks the "other specified" code:'
        " the one the Alphabetic Index points to when a condition has no"
        " code of its own (Official Guidelines I.A.9.a).",
    ),
    (
        "unspecified",
        '"Unspecified" codes are for when the medical record does not hold'
        " enough detail for a more specific code (Official Guidelines I.B.18).",
    ),
    (
        "in diseases classified elsewhere",
        '"In diseases classified elsewhere" marks a manifestation code: it is'
        " never listed first, but after the code of the underlying condition"
        " (Official Guidelines I.A.13).",
    ),
    (
        "with",
        '"With" in a title means "associated with" or "due to": the'
        " classification presumes the two conditions are linked"
        " (Official Guidelines I.A.15).",
    ),
    (
        "and",
        '"And" in a title means "and/or" (Official Guidelines I.A.14).',
    ),
)

#: The seventh-character values of injury and external-cause codes, restated
#: from Official Guidelines I.C.19.a.
ENCOUNTERS: tuple[tuple[str, str], ...] = (
    (
        "initial encounter",
        '"Initial encounter" is used for each encounter where the patient is'
        " receiving active treatment for the condition"
        " (Official Guidelines I.C.19.a).",
    ),
    (
        "subsequent encounter",
        '"Subsequent encounter" is used after active treatment is complete,'
        " while the patient receives routine care during healing or recovery"
        " (Official Guidelines I.C.19.a).",
    ),
    (
        "sequela",
        '"Sequela" is used for a complication or condition that arises as a'
        " direct result of the injury, such as a scar after a burn"
        " (Official Guidelines I.C.19.a).",
    ),
)


def _pattern(table: dict[str, str]) -> re.Pattern[str]:
    keys = "|".join(re.escape(key) for key in table)
    return re.compile(r"(?<![\w/])(" + keys + r")(?![\w/])")


_TABLES: dict[str, tuple[dict[str, str], re.Pattern[str]]] = {
    "icd10cm": (ABBREVIATIONS, _pattern(ABBREVIATIONS)),
    "hcpcs": (HCPCS_ABBREVIATIONS, _pattern(HCPCS_ABBREVIATIONS)),
}


def expand_abbreviations(text: str, system: str = "icd10cm") -> str:
    """The text with the system's short-title abbreviations spelled out.

    >>> expand_abbreviations("Fracture of unsp part of neck of right femur, init")
    'Fracture of unspecified part of neck of right femur, initial encounter'
    """
    if system not in _TABLES:
        return text
    table, pattern = _TABLES[system]
    return pattern.sub(lambda found: table[found[1]], text)


def abbreviations_in(text: str, system: str = "icd10cm") -> list[tuple[str, str]]:
    """Each abbreviation in the text once, with what it stands for."""
    if system not in _TABLES:
        return []
    table, pattern = _TABLES[system]
    seen: dict[str, str] = {}
    for found in pattern.finditer(text):
        seen.setdefault(found[1], table[found[1]])
    return list(seen.items())


def plain_summary(record: CodeRecord) -> str:
    """A few plain sentences on what the code is and what its title means."""
    return " ".join(plain_sentences(record))


def plain_sentences(record: CodeRecord) -> list[str]:
    """The sentences of :func:`plain_summary`, in order."""
    sentences = [describe_status(record)]
    sentences.extend(describe_title(record))
    sentences.extend(describe_seventh_character(record))
    sentences.extend(describe_placeholder(record))
    if record.system == "icd10cm":
        sentences.extend(describe_conventions(_words_of(record)))
    if record.system == "icd10pcs":
        sentences.extend(describe_pcs_characters(record))
    sentences.extend(describe_short_title(record))
    return sentences


def describe_status(record: CodeRecord) -> str:
    """Whether the code is billable, a header, ended or not yet valid."""
    label = SYSTEM_LABELS.get(record.system, record.system)
    day = record.date.isoformat()
    if record.status == "valid" and record.billable:
        return f"{record.code} is a billable {label} code on {day}."
    if record.status in ("valid", "header"):
        return describe_header(record, label, day)
    if record.status == "not_yet" and record.valid_from is not None:
        start = record.valid_from.isoformat()
        return f"{record.code} is not yet valid on {day}: it starts on {start}."
    return describe_ended(record, day)


def describe_header(record: CodeRecord, label: str, day: str) -> str:
    """A header: not billable itself, with the count of billable codes below."""
    sentence = (
        f"{record.code} is a header in {label} on {day}, not billable itself:"
        " a claim needs one of the more specific codes under it"
    )
    count = record.billable_descendant_count or len(record.billable_descendants)
    if count:
        noun = "code" if count == 1 else "codes"
        sentence += f" ({count} billable {noun})"
    return sentence + "."


def describe_ended(record: CodeRecord, day: str) -> str:
    """An ended code: when it was valid and what replaced it."""
    sentence = f"{record.code} is not valid on {day}"
    if record.valid_to is not None:
        sentence += f": it ended on {record.valid_to.isoformat()}"
    sentence += "."
    if record.replaced_by:
        codes = ", ".join(ref.code for ref in record.replaced_by)
        sentence += f" It was replaced by {codes}."
    return sentence


def describe_title(record: CodeRecord) -> list[str]:
    """The official title, with any abbreviation in it spelled out."""
    if not record.title:
        return []
    expanded = expand_abbreviations(record.title, record.system)
    if expanded == record.title:
        return [f"Its official title is “{record.title}”."]
    return [f"Its official title, “{record.title}”, reads in full: “{expanded}”."]


def describe_seventh_character(record: CodeRecord) -> list[str]:
    """What the code's seventh character means, or that one is needed."""
    if not record.seventh_characters:
        return []
    own = seventh_character_of(record)
    if own is None:
        return [
            f"{record.code} needs a seventh character to be complete;"
            " the values are listed below."
        ]
    return [
        f"Its seventh character, {own.character}, means “{own.meaning}”"
        f" (defined at {own.source_code})."
    ]


def seventh_character_of(record: CodeRecord) -> SeventhCharacter | None:
    """The seventh-character definition that the code itself carries."""
    bare = record.code.replace(".", "")
    if record.system != "icd10cm" or len(bare) != 7:
        return None
    for value in record.seventh_characters:
        if value.character == bare[6]:
            return value
    return None


def describe_placeholder(record: CodeRecord) -> list[str]:
    """Explain placeholder X characters before a seventh character."""
    bare = record.code.replace(".", "")
    if record.system != "icd10cm" or len(bare) != 7 or "X" not in bare[3:6]:
        return []
    return [
        "The X is a placeholder: it fills an empty position so that the"
        " seventh character stays in the seventh place"
        " (Official Guidelines I.A.5)."
    ]


def describe_conventions(words: str) -> list[str]:
    """The conventions that apply to words in the title and seventh character."""
    sentences = []
    for phrase, meaning in ENCOUNTERS + CONVENTIONS:
        if re.search(rf"\b{re.escape(phrase)}\b", words):
            sentences.append(meaning)
            words = re.sub(rf"\b{re.escape(phrase)}\b", " ", words)
    return sentences


def describe_pcs_characters(record: CodeRecord) -> list[str]:
    """What the characters of an ICD-10-PCS code stand for, where known.

    The section, body system and root operation come from the title of the
    code's table; body part and approach values and the root operation's
    definition from the notes the PCS definitions file gives the table.
    """
    table = next((ref for ref in record.parents if ref.kind == "table"), None)
    if len(record.code) != 7 or table is None:
        return []
    names = table.title.split(", ")
    parts = [
        f"{axis} {record.code[place]} ({name})"
        for place, (axis, name) in enumerate(
            zip(("section", "body system", "root operation"), names, strict=False)
        )
    ]
    parts.extend(_pcs_value(record, "body_part", "body part", 3, ": "))
    parts.extend(_pcs_value(record, "approach", "approach", 4, " "))
    sentences = ["Its characters stand for: " + ", ".join(parts) + "."]
    definitions = record.notes.get("definition", [])
    if definitions and len(names) == 3:
        sentences.append(f"{names[2]} means “{definitions[0].text}”.")
    return sentences


def _pcs_value(
    record: CodeRecord, note_type: str, axis: str, place: int, separator: str
) -> list[str]:
    prefix = record.code[place] + separator
    for note in record.notes.get(note_type, []):
        if note.text.startswith(prefix):
            name = note.text[len(prefix) :].split(":")[0]
            return [f"{axis} {record.code[place]} ({name})"]
    return []


def describe_short_title(record: CodeRecord) -> list[str]:
    """The short title and the abbreviations in it."""
    short = record.short_title
    if not short or short == record.title:
        return []
    found = abbreviations_in(short, record.system)
    if not found:
        return [f"Its short title is “{short}”."]
    spelled = ", ".join(f"{key} = {value}" for key, value in found)
    return [f"Its short title is “{short}” ({spelled})."]


def _words_of(record: CodeRecord) -> str:
    parts = [record.title, record.short_title or ""]
    own = seventh_character_of(record)
    if own is not None:
        parts.append(own.meaning)
    return expand_abbreviations(" | ".join(parts)).lower()
