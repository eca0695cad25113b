"""Import CPT descriptors from a licensed file the user owns.

The layout is documented in ``docs/cpt-import.md``: a header row naming the
columns ``code, short, medium, long, valid_from, valid_to`` (any order,
tab- or comma-separated, UTF-8), then one row per code. Dates are
YYYY-MM-DD or empty.

An import:

1. reads and checks every row (a bad code, a bad date, a duplicate code or
   a row without any descriptor stops the import; the error lists every
   bad line and value, the first ``MAX_LISTED_PROBLEMS`` of them);
2. copies the code database to ``<db>.importing`` and writes the
   descriptors there (``licensed_text``, ``term`` rows of source
   ``licensed``, the CPT titles), re-running the search steps' ``finish``
   so any search index sees the new words;
3. keeps a copy of the file at ``<db folder>/licensed/cpt-descriptors.txt``
   so that the next ``data build`` imports it again;
4. renames the new database over the old one.

No descriptor text is ever shipped with CodeDesk.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._db import connect_read_only
from .._errors import InputError, MalformedCodeError
from .._records import Release
from ..releases import Sources, sha256_of
from ..releases._rows import CodeRow, insert_codes, insert_terms
from ._normalize import normalize

logger = logging.getLogger(__name__)

COLUMNS = ("code", "short", "medium", "long", "valid_from", "valid_to")
KEPT_NAME = "cpt-descriptors.txt"
MAX_LISTED_PROBLEMS = 50
_PLAIN_TABLE = re.compile(r"CREATE TABLE (\w+)")


@dataclass(frozen=True)
class LicensedRow:
    """One code's descriptors from a licensed file."""

    line: int
    code: str
    short: str
    medium: str
    long: str
    valid_from: dt.date | None
    valid_to: dt.date | None

    @property
    def title(self) -> str:
        """The fullest descriptor the row has."""
        return self.long or self.medium or self.short


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, and where it kept the file."""

    rows: int
    database: Path
    kept_copy: Path


def read_licensed_file(path: Path) -> list[LicensedRow]:
    """Read and check every row (step 1).

    Raises:
        InputError: the file cannot be read, lacks a column, or a row is
            wrong; the message names every bad line and value.
    """
    text = _read_text(path)
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    _check_header(path, reader.fieldnames)
    rows: list[LicensedRow] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, record in enumerate(reader, 2):
        try:
            row = _row(line, record)
        except InputError as error:
            problems.append(error.message)
            continue
        if row.code in seen:
            problems.append(f"line {line}: {row.code} repeats line {seen[row.code]}.")
            continue
        seen[row.code] = line
        rows.append(row)
    _raise_problems(path, problems)
    return rows


def import_cpt_file(db_path: Path, path: Path) -> ImportReport:
    """Import a licensed file into the code database (steps 1 to 4)."""
    rows = read_licensed_file(path)
    if not rows:
        raise InputError(f"{path.name} has a header but no rows.")
    temp = db_path.with_name(db_path.name + ".importing")
    kept = licensed_dir(db_path.parent) / KEPT_NAME
    kept_temp = kept.with_name(kept.name + ".importing")
    try:
        _copy_database(db_path, temp)
        _write_into(temp, rows, path.name)
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, kept_temp)
        os.replace(kept_temp, kept)
        os.replace(temp, db_path)
    finally:
        temp.unlink(missing_ok=True)
        kept_temp.unlink(missing_ok=True)
    logger.info("imported %d licensed CPT rows into %s", len(rows), db_path)
    return ImportReport(rows=len(rows), database=db_path, kept_copy=kept)


def write_licensed(
    conn: sqlite3.Connection, rows: list[LicensedRow], source: str
) -> None:
    """Replace the licensed CPT text with ``rows`` (inside a transaction)."""
    conn.execute("DELETE FROM licensed_text WHERE system = 'cpt'")
    conn.execute("DELETE FROM term WHERE system = 'cpt' AND source = 'licensed'")
    conn.execute("UPDATE code SET title = '', short_title = NULL WHERE system = 'cpt'")
    conn.executemany(
        "INSERT INTO licensed_text (system, code, short, medium, long, valid_from,"
        " valid_to, source) VALUES ('cpt', ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.code,
                r.short or None,
                r.medium or None,
                r.long or None,
                _iso(r.valid_from),
                _iso(r.valid_to),
                source,
            )
            for r in rows
        ],
    )
    known = {c for (c,) in conn.execute("SELECT code FROM code WHERE system = 'cpt'")}
    insert_codes(
        conn,
        (CodeRow("cpt", r.code, "code", "", True) for r in rows if r.code not in known),
    )
    conn.executemany(
        "UPDATE code SET title = ?, short_title = ? WHERE system = 'cpt' AND code = ?",
        [(r.title, r.short or None, r.code) for r in rows],
    )
    insert_terms(
        conn,
        (
            ("cpt", r.code, text, "licensed", None)
            for r in rows
            for text in dict.fromkeys((r.long, r.medium, r.short))
            if text
        ),
    )


def load_licensed(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Build step: import again the file kept by the last ``import-cpt``."""
    kept = licensed_dir(_database_folder(conn)) / KEPT_NAME
    if not kept.is_file():
        return []
    rows = read_licensed_file(kept)
    write_licensed(conn, rows, kept.name)
    return [
        Release(
            system="cpt",
            name="CPT descriptors from the licensed file the user imported",
            vintage="licensed",
            source=str(kept),
            sha256=sha256_of(kept),
            rows=len(rows),
        )
    ]


def licensed_dir(folder: Path) -> Path:
    """Where licensed files are kept, beside the code database."""
    return folder / "licensed"


def _database_folder(conn: sqlite3.Connection) -> Path:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).parent
    return Path("var")


def _copy_database(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    reader = connect_read_only(source)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        reader.close()
        writer.close()


def _write_into(path: Path, rows: list[LicensedRow], source: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        write_licensed(conn, rows, source)
        refresh_search(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


def refresh_search(conn: sqlite3.Connection) -> None:
    """Re-run the search steps' ``finish`` over emptied search tables.

    A step runs only when the database has the plain tables its schema
    creates; those are emptied first, and its ``finish`` fills them again
    from ``code`` and ``term`` (an FTS table over them is rebuilt by it).
    """
    from ..search import LOADERS as SEARCH_LOADERS

    existing = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    for loader in SEARCH_LOADERS:
        tables = _PLAIN_TABLE.findall(loader.schema)
        if loader.finish is None or not set(tables) <= existing:
            continue
        for table in tables:
            conn.execute(f"DELETE FROM {table}")
        loader.finish(conn)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"There is no file at {path}.") from None
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path.name} is not UTF-8 text (byte {error.start}).",
            hint="Save the file as UTF-8 and import it again.",
        ) from None


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return "\t" if "\t" in header else ","


def _check_header(path: Path, names: Sequence[str] | None) -> None:
    found = [n.strip().lower() for n in names or ()]
    missing = [c for c in COLUMNS if c not in found]
    if missing:
        raise InputError(
            f"{path.name} lacks the columns {', '.join(missing)}; its first row"
            f" names {', '.join(repr(n) for n in found) or 'nothing'}.",
            hint="Make the first row this header (tab- or comma-separated):\n"
            + ",".join(COLUMNS),
        )


def _row(line: int, record: dict[str, str | None]) -> LicensedRow:
    value = {k.strip().lower(): (v or "").strip() for k, v in record.items() if k}
    try:
        code = normalize(value["code"])
    except MalformedCodeError:
        raise InputError(f"line {line}: '{value['code']}' is not a CPT code.") from None
    row = LicensedRow(
        line,
        code,
        value["short"],
        value["medium"],
        value["long"],
        _date(line, "valid_from", value["valid_from"]),
        _date(line, "valid_to", value["valid_to"]),
    )
    if not row.title:
        raise InputError(f"line {line}: {code} has no descriptor.")
    if row.valid_from and row.valid_to and row.valid_to < row.valid_from:
        raise InputError(
            f"line {line}: {code} ends ({row.valid_to}) before it starts"
            f" ({row.valid_from})."
        )
    return row


def _date(line: int, column: str, text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"line {line}: {column} '{text}' is not a YYYY-MM-DD date."
        ) from None


def _raise_problems(path: Path, problems: list[str]) -> None:
    if not problems:
        return
    hint = "Nothing was imported. Fix the file and import it again."
    if len(problems) == 1:
        raise InputError(f"{path.name} {problems[0]}", hint=hint)
    listed = problems[:MAX_LISTED_PROBLEMS]
    lines = [f"{path.name} has {len(problems)} bad rows:", *listed]
    if len(problems) > len(listed):
        lines.append(f"… and {len(problems) - len(listed)} more bad rows.")
    raise InputError("\n".join(lines), hint=hint)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
