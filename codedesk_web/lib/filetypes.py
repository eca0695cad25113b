"""Tell an uploaded file's type from its bytes, never from its name alone.

Used for résumés on the job board and attachments on the consult desk.
Signatures: PDF 1.7 (ISO 32000-1) section 7.5 (``%PDF-`` header, ``%%EOF``
trailer); PNG (RFC 2083) section 3.1; JPEG (ITU T.81) SOI marker; DOCX
(ECMA-376 part 2) is a ZIP package with ``[Content_Types].xml`` naming the
WordprocessingML main part.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from codedesk import InputError

PDF = "pdf"
DOCX = "docx"
PNG = "png"
JPEG = "jpeg"
TEXT = "text"

_DOCX_MAIN = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_CONTENT_TYPES_MAX = 256 * 1024
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


@dataclass(frozen=True)
class FileKind:
    """A file type we accept: its name, MIME type and file name endings."""

    name: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


KINDS = {
    PDF: FileKind(PDF, "PDF", "application/pdf", (".pdf",)),
    DOCX: FileKind(
        DOCX,
        "DOCX",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
    PNG: FileKind(PNG, "PNG", "image/png", (".png",)),
    JPEG: FileKind(JPEG, "JPEG", "image/jpeg", (".jpg", ".jpeg")),
    TEXT: FileKind(TEXT, "plain text", "text/plain", (".txt", "")),
}


def sniff_kind(data: bytes) -> str | None:
    """The kind of file ``data`` holds (a key of ``KINDS``), or None."""
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        return DOCX
    if _is_plain_text(data):
        return TEXT
    return None


def check_upload(
    name: str, data: bytes, allowed: tuple[str, ...], max_bytes: int
) -> FileKind:
    """The kind of an uploaded file, checked against ``allowed`` and a size limit.

    Raises:
        InputError: the file is too large, not an allowed kind, or its name
            ends in an extension that does not match its contents.
    """
    labels = join_or([KINDS[kind].label for kind in allowed])
    if len(data) > max_bytes:
        raise too_large_error(name, len(data), max_bytes)
    kind = sniff_kind(data)
    if kind not in allowed or kind is None:
        raise InputError(
            f"The file '{name}' is not a {labels} document; send a {labels} file."
        )
    found = KINDS[kind]
    if extension_of(name) not in found.extensions:
        raise InputError(
            f"The file '{name}' holds a {found.label} document; "
            f"name it with {found.extensions[0]} at the end."
        )
    return found


def join_or(words: list[str]) -> str:
    """'A', 'A or B', 'A, B or C'."""
    if len(words) < 3:
        return " or ".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def too_large_error(name: str, size: int, max_bytes: int) -> InputError:
    """The error for a file of ``size`` bytes over the ``max_bytes`` limit."""
    return InputError(
        f"The file '{name}' is {format_size(size)}; "
        f"the limit is {format_size(max_bytes)}."
    )


def extension_of(name: str) -> str:
    """The lower-cased extension of a file name, with its dot ('' if none)."""
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base else ""


def safe_filename(name: str, fallback: str = "file") -> str:
    """A file name with no path, quotes or control characters, at most 100 long."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" ._")
    return cleaned[-100:] or fallback


def format_size(size: int) -> str:
    """A byte count for people: '812 bytes', '1.5 MB'."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _is_docx(data: bytes) -> bool:
    # A DOCM (macro-enabled) package carries word/vbaProject.bin and a
    # different main content type; both are refused.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                return False
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return False
            info = package.getinfo("[Content_Types].xml")
            if info.file_size > _CONTENT_TYPES_MAX:
                return False
            content_types = package.read(info)
    except (KeyError, *_ZIP_ERRORS):
        return False
    return _DOCX_MAIN in content_types


def _is_plain_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)
