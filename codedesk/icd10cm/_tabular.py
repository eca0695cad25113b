"""Read the CDC ICD-10-CM Tabular List XML into code database rows.

The file is ``ICD10CM.tabular`` as NCHS publishes it each fiscal year
(``icd10cm_tabular_2026.xml``, or ``icd10c-tabular-April-1-2026.xml`` for
the April update): ``chapter`` > ``section`` > ``diag`` > ``diag``…, each
level with its instructional notes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .._errors import ReleaseFileError
from ._normalize import dotted

logger = logging.getLogger(__name__)

SYSTEM = "icd10cm"

#: Tabular XML elements that hold instructional notes, and our note types.
NOTE_ELEMENTS: dict[str, str] = {
    "notes": "note",
    "includes": "includes",
    "inclusionTerm": "inclusion_term",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    # "The appropriate 7th character is to be added to…": printed as a note.
    "sevenChrNote": "note",
}

_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}


class CodeRow(NamedTuple):
    """One row of the ``code`` table."""

    system: str
    code: str
    kind: str
    title: str
    short_title: str | None
    parent: str | None
    parent_kind: str | None
    billable: int
    depth: int
    seq: int


class NoteRow(NamedTuple):
    """One row of the ``note`` table."""

    system: str
    code: str
    kind: str
    type: str
    seq: int
    text: str


class SeventhRow(NamedTuple):
    """One row of the ``seventh_char`` table."""

    system: str
    code: str
    kind: str
    character: str
    meaning: str
    seq: int


class TermRow(NamedTuple):
    """One row of the ``term`` table."""

    system: str
    code: str
    text: str
    source: str
    path: str | None


@dataclass
class Tabular:
    """Every row one tabular file yields."""

    version: str
    codes: list[CodeRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    sevenths: list[SeventhRow] = field(default_factory=list)
    terms: list[TermRow] = field(default_factory=list)


@dataclass(frozen=True)
class _Level:
    """Where the walk is: the enclosing entry and its seventh characters."""

    code: str
    kind: str
    depth: int
    sevenths: tuple[tuple[str, str], ...] = ()


def parse_tabular(path: Path) -> Tabular:
    """Parse a Tabular List XML file into code, note, seventh-character rows.

    Reads ``chapter/name``, ``chapter/desc``, ``section/@id``,
    ``section/desc``, ``diag/name``, ``diag/desc``, the note elements of
    ``NOTE_ELEMENTS`` and ``sevenChrDef/extension/@char``.

    Steps:

    1. Chapters become kind ``chapter`` keyed by their number, sections kind
       ``block`` keyed by their range (``A00-A09``).
    2. A ``diag`` of three characters is a ``category``; a longer one with
       children (or needing a seventh character) a ``subcategory``; a leaf
       that needs no seventh character a billable ``code``.
    3. A leaf governed by a ``sevenChrDef`` one to three levels up gets one
       billable code per character, padded with placeholder X to six
       characters (``T07`` + ``D`` = ``T07.XXXD``).

    Raises:
        ReleaseFileError: the file is not a Tabular List XML.
    """
    root = _read_root(path)
    tabular = Tabular(version=(root.findtext("version") or "").strip())
    for chapter in root.iter("chapter"):
        _walk_chapter(chapter, tabular)
    logger.debug("parsed %s: %d codes", path.name, len(tabular.codes))
    return tabular


def release_dates(path: Path, version: str) -> tuple[dt.date, dt.date]:
    """The dates a tabular file is effective, from its name and version.

    An April update (``…-April-1-2026.xml``) runs to 30 September of the
    same year; a fiscal-year file runs 1 October to 30 September (CDC
    publishes each fiscal year's files to take effect on 1 October).
    """
    match = re.search(r"([A-Za-z]+)-(?:(\d{1,2})-)?(\d{4})", path.name)
    if match and match.group(1).lower() in _MONTHS:
        month = _MONTHS[match.group(1).lower()]
        start = dt.date(int(match.group(3)), month, int(match.group(2) or 1))
        end_year = start.year + 1 if month >= 10 else start.year
        return start, dt.date(end_year, 9, 30)
    year = int(version) if version.isdigit() else _year_in_name(path)
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def _year_in_name(path: Path) -> int:
    match = re.search(r"(20\d\d)", path.name)
    if not match:
        raise ReleaseFileError(
            f"Cannot tell the fiscal year of the tabular file {path.name}.",
            hint="Keep the CDC file name, which carries the year.",
        )
    return int(match.group(1))


def _read_root(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        raise ReleaseFileError(
            f"{path.name} is not a readable ICD-10-CM Tabular List XML: {error}"
        ) from None
    if root.tag != "ICD10CM.tabular":
        raise ReleaseFileError(
            f"{path.name} is not an ICD-10-CM Tabular List: its root is"
            f" <{root.tag}>, not <ICD10CM.tabular>."
        )
    return root


def _walk_chapter(chapter: ET.Element, tabular: Tabular) -> None:
    number = _text(chapter, "name")
    _add_entry(tabular, number, "chapter", _text(chapter, "desc"), None, 0)
    _add_notes(tabular, chapter, number, "chapter")
    here = _Level(number, "chapter", 0)
    for section in chapter.iterfind("section"):
        block = _block_key(section)
        _add_entry(tabular, block, "block", _text(section, "desc"), here, 0)
        _add_notes(tabular, section, block, "block")
        for diag in section.iterfind("diag"):
            _walk_diag(diag, tabular, _Level(block, "block", 1))


def _block_key(section: ET.Element) -> str:
    """The block's range; a one-category block (``B10``) keys as ``B10-B10``
    so it never shares a key with its category."""
    key = (section.get("id") or "").strip()
    if not key:
        raise ReleaseFileError("A <section> of the tabular has no id attribute.")
    return key if "-" in key else f"{key}-{key}"


def _walk_diag(diag: ET.Element, tabular: Tabular, parent: _Level) -> None:
    code = dotted(_text(diag, "name"))
    title = _text(diag, "desc")
    children = diag.findall("diag")
    sevenths = _read_sevenths(diag) or parent.sevenths
    kind = _kind_of(code, bool(children) or bool(sevenths))
    billable = not children and not sevenths
    _add_entry(tabular, code, kind, title, parent, int(billable))
    _add_notes(tabular, diag, code, kind)
    for seq, (character, meaning) in enumerate(_read_seventh_table(diag)):
        tabular.sevenths.append(SeventhRow(SYSTEM, code, kind, character, meaning, seq))
    here = _Level(code, kind, parent.depth + 1, sevenths)
    for child in children:
        _walk_diag(child, tabular, here)
    if not children and sevenths:
        _add_seventh_codes(tabular, here, title)


def _add_seventh_codes(tabular: Tabular, leaf: _Level, title: str) -> None:
    """One billable code per seventh character under a leaf that needs one."""
    for character, meaning in leaf.sevenths:
        if not seventh_applies(leaf.code, character):
            continue
        code = with_seventh(leaf.code, character)
        _add_entry(tabular, code, "code", f"{title}, {meaning}", leaf, 1)


def seventh_applies(code: str, character: str) -> bool:
    """Whether a seventh character may be added to a code.

    The tabular states one exception in prose, under category S06: "7th
    characters D and S do not apply to codes in category S06 with 6th
    character 7 … or 8".
    """
    bare = code.replace(".", "")
    if bare.startswith("S06") and len(bare) == 6 and bare[5] in "78":
        return character not in "DS"
    return True


def with_seventh(code: str, character: str) -> str:
    """The code with a seventh character, placeholder X filling the gap.

    ``with_seventh("T07", "D")`` is ``T07.XXXD``; ``with_seventh("S72.001",
    "A")`` is ``S72.001A``.
    """
    bare = code.replace(".", "")
    return dotted(bare.ljust(6, "X") + character)


def _kind_of(code: str, has_children: bool) -> str:
    if len(code) == 3:
        return "category"
    return "subcategory" if has_children else "code"


def _read_sevenths(diag: ET.Element) -> tuple[tuple[str, str], ...]:
    """(character, meaning) as code titles use them: the extension text."""
    definition = diag.find("sevenChrDef")
    if definition is None:
        return ()
    return tuple(
        (ext.get("char", "").strip(), _clean(ext.text))
        for ext in definition.iterfind("extension")
    )


def _read_seventh_table(diag: ET.Element) -> list[tuple[str, str]]:
    """(character, meaning) as the table prints them, notes included.

    A <note> inside sevenChrDef qualifies the extension before it: under
    S72, "initial encounter for open fracture NOS" follows B, and is shown
    in parentheses after B's meaning.
    """
    definition = diag.find("sevenChrDef")
    table: list[tuple[str, str]] = []
    for child in definition if definition is not None else ():
        if child.tag == "extension":
            table.append((child.get("char", "").strip(), _clean(child.text)))
        elif child.tag == "note" and table and _clean(child.text):
            character, meaning = table[-1]
            table[-1] = (character, f"{meaning} ({_clean(child.text)})")
    return table


def _add_entry(
    tabular: Tabular,
    code: str,
    kind: str,
    title: str,
    parent: _Level | None,
    billable: int,
) -> None:
    depth = parent.depth + 1 if parent else 0
    tabular.codes.append(
        CodeRow(
            SYSTEM,
            code,
            kind,
            title,
            None,
            parent.code if parent else None,
            parent.kind if parent else None,
            billable,
            depth,
            len(tabular.codes),
        )
    )
    tabular.terms.append(TermRow(SYSTEM, code, title, "title", None))


def _add_notes(tabular: Tabular, element: ET.Element, code: str, kind: str) -> None:
    for seq, (note_type, text) in enumerate(_iter_notes(element)):
        tabular.notes.append(NoteRow(SYSTEM, code, kind, note_type, seq, text))
        if note_type == "inclusion_term":
            tabular.terms.append(TermRow(SYSTEM, code, text, "inclusion_term", None))


def _iter_notes(element: ET.Element) -> Iterator[tuple[str, str]]:
    for child in element:
        note_type = NOTE_ELEMENTS.get(child.tag)
        if note_type is None:
            continue
        for note in child.iterfind("note"):
            text = _clean(note.text)
            if text:
                yield note_type, text


def _text(element: ET.Element, tag: str) -> str:
    return _clean(element.findtext(tag))


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())
