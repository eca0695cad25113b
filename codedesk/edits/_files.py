"""Shared helpers for reading edit release files and recording their source."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .._errors import ReleaseFileError
from .._records import Release
from ..releases import sha256_of


@dataclass(frozen=True)
class EditSource:
    """One edit release being loaded: what it is and where it came from."""

    kind: str
    setting: str | None
    name: str
    vintage: str
    path: Path
    system: str = "ncci"
    effective_from: str | None = None
    effective_to: str | None = None


def register_source(conn: sqlite3.Connection, source: EditSource) -> int:
    """Insert the ``edit_source`` row for a release and return its id."""
    cursor = conn.execute(
        "INSERT INTO edit_source (kind, setting, name, vintage, file, sha256,"
        " effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source.kind,
            source.setting,
            source.name,
            source.vintage,
            source.path.name,
            sha256_of(source.path),
            source.effective_from,
            source.effective_to,
        ),
    )
    return int(cursor.lastrowid or 0)


def finish_source(
    conn: sqlite3.Connection, source_id: int, source: EditSource, rows: int
) -> Release:
    """Record the row count of a loaded release and describe it for the build."""
    conn.execute("UPDATE edit_source SET rows = ? WHERE id = ?", (rows, source_id))
    if rows == 0:
        raise ReleaseFileError(
            f"{source.path.name} holds no {source.kind} rows.",
            hint="Check that the file is the CMS release in its published layout.",
        )
    return Release(
        system=source.system,
        name=source.name,
        vintage=source.vintage,
        source=source.path.name,
        sha256=sha256_of(source.path),
        rows=rows,
        effective_from=_date(source.effective_from),
        effective_to=_date(source.effective_to),
    )


def open_text(path: Path) -> io.TextIOBase:
    """A text handle on a plain or gzip-compressed file."""
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8-sig", errors="replace", newline="")


Row = TypeVar("Row")


def read_layout_rows(
    path: Path, layout: str, convert: Callable[[dict[str, str]], Row]
) -> Iterator[Row]:
    """Each CSV row of ``path`` passed through ``convert``.

    A missing column or a value ``convert`` cannot read means the file is not
    the ``layout`` it should be: that is a ``ReleaseFileError`` naming both.
    """
    with open_text(path) as handle:
        for row in csv.DictReader(handle):
            try:
                yield convert(row)
            except (KeyError, ValueError) as error:
                raise ReleaseFileError(
                    f"{path.name} is not the {layout} layout ({error})."
                ) from None


def text_members(path: Path, suffixes: tuple[str, ...]) -> Iterator[io.TextIOBase]:
    """Each text member of a zip (by suffix), or the file itself when not a zip."""
    if path.suffix.lower() != ".zip":
        with open_text(path) as handle:
            yield handle
        return
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name.lower().endswith(suffixes):
                raw = archive.open(name)
                yield io.TextIOWrapper(raw, encoding="latin-1", newline="")


def sniff_rows(handle: io.TextIOBase) -> Iterator[list[str]]:
    """Rows of a tab- or comma-delimited file, the delimiter guessed per file.

    A tab in any of the first 20 lines (title lines come first) means tabs.
    """
    head = [line for _, line in zip(range(20), handle, strict=False)]
    delimiter = "\t" if any("\t" in line for line in head) else ","
    yield from csv.reader(head, delimiter=delimiter)
    yield from csv.reader(handle, delimiter=delimiter)


def cms_date(text: str) -> str | None:
    """A CMS date (YYYYMMDD, MM/DD/YYYY or ISO) as ISO text; ``*`` or blank: None."""
    value = text.strip()
    if value in ("", "*"):
        return None
    try:
        if len(value) == 8 and value.isdigit():
            return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])).isoformat()
        if "/" in value:
            month, day, year = (int(part) for part in value.split("/"))
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ReleaseFileError(
            f"'{text}' is not a date in the CMS layout (YYYYMMDD)."
        ) from None


def is_procedure_code(text: str) -> bool:
    """Whether text has the shape of a CPT or HCPCS code (five characters)."""
    return len(text) == 5 and text.isalnum()


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
