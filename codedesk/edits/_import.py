"""Import an edit release the data folder lacks into a built code database.

The database is never edited in place: the import works on a copy and
renames it over the original only when the load and its check succeed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .._db import connect_for_build
from .._errors import DatabaseMissingError, DataError, InputError
from .._records import Release
from ..releases._build import record_releases
from ._addon import import_cms_addons
from ._mue import import_cms_mue
from ._ptp import import_cms_ptp

logger = logging.getLogger(__name__)

Importer = Callable[[sqlite3.Connection, Path], Release]

#: What ``codedesk data import-edits KIND FILE`` accepts.
IMPORT_KINDS: dict[str, Importer] = {
    "ptp-practitioner": lambda conn, path: import_cms_ptp(conn, path, "practitioner"),
    "ptp-hospital": lambda conn, path: import_cms_ptp(conn, path, "hospital"),
    "mue-practitioner": lambda conn, path: import_cms_mue(conn, path, "practitioner"),
    "mue-hospital": lambda conn, path: import_cms_mue(conn, path, "hospital"),
    "mue-dme": lambda conn, path: import_cms_mue(conn, path, "dme"),
    "aoc": import_cms_addons,
}


def import_edits(db: Path, kind: str, file: Path) -> Release:
    """Load one CMS edit release into the code database at ``db``.

    Raises:
        InputError: the kind is unknown or the file is missing.
        DatabaseMissingError: no code database at ``db``.
        ReleaseFileError: the file is not in the CMS layout.
    """
    importer = _importer(kind)
    if not file.is_file():
        raise InputError(f"No file at {file}.", hint="Give the path of the CMS file.")
    if not db.exists():
        raise DatabaseMissingError(
            f"No code database at {db}.", hint="Build one with: codedesk data build"
        )
    temp = db.with_name(db.name + ".importing")
    shutil.copyfile(db, temp)
    try:
        release = _load_into(temp, importer, file)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    os.replace(temp, db)
    logger.info("imported %s (%d rows) into %s", file.name, release.rows, db)
    return release


def _importer(kind: str) -> Importer:
    try:
        return IMPORT_KINDS[kind]
    except KeyError:
        raise InputError(
            f"'{kind}' is not a kind of edit release.",
            hint="Use one of: " + ", ".join(IMPORT_KINDS) + ".",
        ) from None


def _load_into(path: Path, importer: Importer, file: Path) -> Release:
    conn = connect_for_build(path)
    try:
        conn.execute("BEGIN")
        release = importer(conn, file)
        record_releases(conn, [release])
        conn.execute("COMMIT")
        (verdict,) = conn.execute("PRAGMA quick_check").fetchone()
        if verdict != "ok":
            raise DataError(
                f"The database failed its check after the import: {verdict}"
            )
    finally:
        conn.close()
    return release
