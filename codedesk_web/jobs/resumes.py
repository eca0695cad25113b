"""Résumé files: checked by their bytes, stored outside the web root.

Files live in ``settings.JOBS_RESUME_DIR`` (under the var folder by default)
under random names; only the download view in ``views`` reads them back.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import IO

from django.conf import settings

from codedesk_web.lib.filetypes import (
    DOCX,
    PDF,
    FileKind,
    check_upload,
    too_large_error,
)

logger = logging.getLogger(__name__)

RESUME_KINDS = (PDF, DOCX)
_STORED_NAME = re.compile(r"^[0-9a-f]{32}\.(pdf|docx)$")


def read_resume(name: str, upload: IO[bytes], size: int) -> tuple[bytes, FileKind]:
    """The bytes and kind of a résumé upload of ``size`` bytes.

    Raises:
        InputError: the upload is over the size limit or not a PDF or DOCX.
    """
    limit = settings.JOBS_RESUME_MAX_BYTES
    if size > limit:
        raise too_large_error(name, size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    return data, check_upload(name, data, RESUME_KINDS, limit)


def store_resume(data: bytes, kind: FileKind) -> str:
    """Write a checked résumé under a fresh random name and return that name."""
    folder = resume_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stored = secrets.token_hex(16) + kind.extensions[0]
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, folder / stored)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    logger.info("stored resume %s (%d bytes)", stored, len(data))
    return stored


def resume_path(stored: str) -> Path:
    """The path of a stored résumé; refuses any name ``store_resume`` never makes."""
    if not _STORED_NAME.match(stored):
        raise ValueError(f"'{stored}' is not the name of a stored résumé.")
    return resume_dir() / stored


def delete_resume(stored: str) -> None:
    """Remove a stored résumé, if it is there."""
    resume_path(stored).unlink(missing_ok=True)


def resume_dir() -> Path:
    """The folder résumés are kept in."""
    return Path(settings.JOBS_RESUME_DIR)
