"""Parse the ICD-10-CM Alphabetic Index family into index entries.

Four CDC files share one XML layout (``ICD10CM.index`` > ``letter`` >
``mainTerm`` > ``term level=…``), described by ``icd10cm-index-<year>.xsd``
and ``icd-10-cm-drug-neoplasm-<year>.xsd``: the main index, the External
Cause of Injuries Index, the Table of Drugs and Chemicals and the Table of
Neoplasms. The two tables put their codes in ``cell col=…`` elements whose
meaning is the matching ``indexHeading/head``. A third-party CSV flattening
of the main index (``RowID, Letter, Level, Term, See, SeeAlso, NonEssModif,
Code``) stands in when the main index XML is absent; its hierarchy is only
implied by ``Level`` and row order, which :func:`read_index_csv` rebuilds.

:func:`walk_terms` turns any of them into :class:`IndexTerm` rows: the full
path of titles, the code printed at that entry, and for the two tables one
row per filled column with the column's meaning as the last part of the path.
"""

from __future__ import annotations

import csv
import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .._errors import ReleaseFileError

#: How the table headings read inside a term (``Poisoning Accidental
#: (unintentional)`` becomes ``poisoning, accidental (unintentional)``). The
#: headings are those of the FY2025 drug and neoplasm XML ``indexHeading``.
_HEADING_WORDS: dict[str, str] = {
    "ca in situ": "carcinoma in situ",
    "malignant primary": "malignant, primary",
    "malignant secondary": "malignant, secondary",
}

#: Elements that carry a code in the main and External Cause index XML:
#: ``code``, and ``seecat``/``subcat`` (a category or subcategory to see).
_CODE_TAGS = ("code", "seecat", "subcat")

_CODE_SHAPE = re.compile(r"^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{0,4})?-?$")


@dataclass
class IndexEntry:
    """One main term or subterm of an index, with its subterms."""

    title: str
    nemod: str = ""
    code: str | None = None
    see: str | None = None
    see_also: str | None = None
    cells: dict[int, str] = field(default_factory=dict)
    children: list[IndexEntry] = field(default_factory=list)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """The ways a see reference may name the entry: whole, or a comma part."""
        title = self.title.lower()
        return frozenset({title} | {part.strip() for part in title.split(",")})

    @property
    def label(self) -> str:
        """The title with its nonessential modifiers, as printed."""
        return f"{self.title} {self.nemod}".strip() if self.nemod else self.title


@dataclass(frozen=True)
class IndexFile:
    """A parsed index file: its main terms and, for tables, its columns."""

    source: str
    entries: list[IndexEntry]
    columns: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IndexTerm:
    """One path through an index that ends at a code."""

    source: str
    path: tuple[str, ...]
    text: str
    code: str
    see: str = ""


def read_index_xml(path: Path, source: str) -> IndexFile:
    """Parse a CDC index XML file (main, External Cause, Drugs, Neoplasms).

    Reads ``ICD10CM.index/indexHeading/head[@col]`` for table columns, and
    for every ``letter/mainTerm`` and nested ``term``: ``title`` (with its
    ``nemod``), ``code``/``seecat``/``subcat``, ``see``, ``seeAlso`` and
    ``cell[@col]``.

    Raises:
        ReleaseFileError: the file is not XML or not the index layout.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise ReleaseFileError(f"{path.name} is not readable XML: {error}") from None
    if root.tag != "ICD10CM.index":
        raise ReleaseFileError(
            f"{path.name} is not an ICD-10-CM index file (root <{root.tag}>)."
        )
    columns = {
        int(head.get("col", "0")): _text_of(head)
        for head in root.iterfind("indexHeading/head")
    }
    entries = [_read_entry(main) for main in root.iterfind("letter/mainTerm")]
    return IndexFile(source=source, entries=entries, columns=columns)


def _read_entry(element: ET.Element) -> IndexEntry:
    title_element = element.find("title")
    entry = IndexEntry(title="")
    if title_element is not None:
        entry.title, entry.nemod = _split_title(title_element)
    for tag in _CODE_TAGS:
        found = element.findtext(tag)
        if found and entry.code is None:
            entry.code = found.strip()
    entry.see = _optional_text(element.find("see"))
    entry.see_also = _optional_text(element.find("seeAlso"))
    for cell in element.iterfind("cell"):
        entry.cells[int(cell.get("col", "0"))] = _text_of(cell)
    entry.children = [_read_entry(child) for child in element.iterfind("term")]
    return entry


def _split_title(element: ET.Element) -> tuple[str, str]:
    """The title's own words and its nonessential modifiers, apart."""
    words = [element.text or ""]
    modifiers = []
    for child in element:
        if child.tag == "nemod":
            modifiers.append(_text_of(child))
        else:
            words.append(_text_of(child))
        words.append(child.tail or "")
    return _squash(" ".join(words)), _squash(" ".join(modifiers))


def _text_of(element: ET.Element) -> str:
    return _squash("".join(element.itertext()))


def _optional_text(element: ET.Element | None) -> str | None:
    return _text_of(element) or None if element is not None else None


def _squash(text: str) -> str:
    return " ".join(text.split()).replace(" ,", ",")


def read_index_csv(path: Path) -> IndexFile:
    """Parse the flattened FY2025 main index CSV (a third-party flattening).

    Reads ``Level`` (0 for a main term, n for a level-n subterm), ``Term``,
    ``NonEssModif``, ``See``, ``SeeAlso`` and ``Code``. A row belongs under
    the nearest earlier row whose level is one less; a row that skips levels
    is attached to the deepest open entry above it.

    Raises:
        ReleaseFileError: a column is missing or a level is not a number.
    """
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        _require_columns(path, reader.fieldnames)
        entries = _nest_rows(path, reader)
    return IndexFile(source="index", entries=entries)


_CSV_COLUMNS = ("Level", "Term", "See", "SeeAlso", "NonEssModif", "Code")


def _require_columns(path: Path, names: Sequence[str] | None) -> None:
    missing = [name for name in _CSV_COLUMNS if name not in (names or [])]
    if missing:
        raise ReleaseFileError(
            f"{path.name} lacks the column(s) {', '.join(missing)}.",
            hint="Expected the flattened index layout: " + ", ".join(_CSV_COLUMNS),
        )


def _nest_rows(path: Path, rows: csv.DictReader[str]) -> list[IndexEntry]:
    entries: list[IndexEntry] = []
    open_entries: list[IndexEntry] = []
    for number, row in enumerate(rows, start=2):
        level = _level_of(path, number, row["Level"])
        entry = IndexEntry(
            title=_squash(row["Term"]),
            nemod=_squash(row["NonEssModif"] or ""),
            code=(row["Code"] or "").strip() or None,
            see=_squash(row["See"] or "") or None,
            see_also=_squash(row["SeeAlso"] or "") or None,
        )
        del open_entries[level:]
        if open_entries:
            open_entries[-1].children.append(entry)
        else:
            entries.append(entry)
        open_entries.append(entry)
    return entries


def _level_of(path: Path, number: int, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ReleaseFileError(
            f"{path.name} line {number}: the level '{text}' is not a number."
        ) from None


def walk_terms(index: IndexFile) -> Iterator[IndexTerm]:
    """Every path of the index that ends at a code, main terms first."""
    for entry in index.entries:
        yield from _walk(index, entry, ())


def _walk(
    index: IndexFile, entry: IndexEntry, above: tuple[str, ...]
) -> Iterator[IndexTerm]:
    path = (*above, entry.label)
    if entry.code and is_index_code(entry.code):
        yield IndexTerm(index.source, path, ", ".join(path), entry.code)
    for column, code in sorted(entry.cells.items()):
        heading = column_meaning(index.columns.get(column, ""))
        if heading and is_index_code(code):
            cell_path = (*path, heading)
            yield IndexTerm(index.source, cell_path, ", ".join(cell_path), code)
    for child in entry.children:
        yield from _walk(index, child, path)


def column_meaning(heading: str) -> str:
    """A table column heading as words that read inside a term."""
    words = heading.strip().lower()
    if words.startswith("poisoning "):
        return "poisoning, " + words.removeprefix("poisoning ")
    return _HEADING_WORDS.get(words, words)


def is_index_code(text: str) -> bool:
    """Whether a cell or code element holds a code (not ``-`` or ``--``)."""
    return bool(_CODE_SHAPE.match(text.strip().upper()))


def walk_see_terms(index: IndexFile) -> Iterator[IndexTerm]:
    """Paths that end at a ``see`` reference, each followed to its code.

    ``Attack, heart`` says *see Infarct, myocardium*; the reference is read
    as the main term ``Infarct, infarction`` (one of whose names is
    ``Infarct``) and its subterm ``myocardium, myocardial``, whose code is
    the answer. A reference that does not lead to one coded entry (``see
    Table of Drugs and Chemicals``, ``see condition``) yields nothing.
    """
    names = _names_of_main_terms(index.entries)
    for entry in index.entries:
        yield from _walk_see(index.source, names, entry, ())


def _walk_see(
    source: str,
    names: dict[str, list[IndexEntry]],
    entry: IndexEntry,
    above: tuple[str, ...],
) -> Iterator[IndexTerm]:
    path = (*above, entry.label)
    if entry.see and not entry.code:
        target = _follow(names, entry.see, hops=3)
        if target is not None and target.code and is_index_code(target.code):
            yield IndexTerm(source, path, ", ".join(path), target.code, entry.see)
    for child in entry.children:
        yield from _walk_see(source, names, child, path)


def _names_of_main_terms(entries: list[IndexEntry]) -> dict[str, list[IndexEntry]]:
    names: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        for name in entry.names:
            names.setdefault(name, []).append(entry)
    return names


def _follow(
    names: dict[str, list[IndexEntry]], reference: str, hops: int
) -> IndexEntry | None:
    parts = [part.strip().lower() for part in reference.split(",") if part.strip()]
    for cut in range(len(parts), 0, -1):
        for main in names.get(", ".join(parts[:cut]), []):
            found = _descend(main, parts[cut:])
            if found is not None and found.code:
                return found
            if found is not None and found.see and hops > 1:
                return _follow(names, found.see, hops - 1)
    return None


def _descend(entry: IndexEntry, rest: list[str]) -> IndexEntry | None:
    if not rest:
        return entry
    for cut in range(len(rest), 0, -1):
        wanted = ", ".join(rest[:cut])
        for child in entry.children:
            if wanted in child.names:
                found = _descend(child, rest[cut:])
                if found is not None:
                    return found
    return None
