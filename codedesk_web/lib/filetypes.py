"""Tell an uploaded file's type from its bytes, never from its name alone.

Used for résumés on the job board and attachments on the consult desk.
Signatures: PDF 1.7 (ISO 32000-1) section 7.5 (``%PDF-`` header, ``%%EOF``
trailer); PNG (RFC 2083) section 3.1; JPEG (ITU T.81) SOI marker; DOCX
(ECMA-376 part 2) is a ZIP package with ``[Content_Types].xml`` naming the
WordprocessingML main part.

Refused files are named by what they hold, so the error can say "HTML files
are not accepted" rather than guess from the name: HTML and XML by their
opening tags, RTF (``{\\rtf``), GIF (``GIF8``), older Office files (the
OLE2 compound file signature ``D0 CF 11 E0``), ZIP packages (a Word file
with macros carries ``vbaProject.bin``), and programs (``MZ`` for Windows,
``\\x7fELF`` for Linux).
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

# Labels of kinds never accepted, for the error that refuses them.
REFUSED_LABELS = {
    "html": "HTML",
    "xml": "XML",
    "svg": "SVG",
    "rtf": "RTF",
    "gif": "GIF",
    "docm": "Word with macros (DOCM)",
    "office97": "Office 97-2003 (DOC, XLS, PPT)",
    "zip": "ZIP",
    "program": "Program",
}
_BINARY_SIGNATURES = (
    (b"GIF8", "gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office97"),
    (b"MZ", "program"),
    (b"\x7fELF", "program"),
)
_MARKUP_HEAD = 1024
_HTML_TAG = re.compile(r"<(!doctype html|html|head|body|meta|script|div|p|table)\b")

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
    """The kind of file ``data`` holds (a key of ``KINDS`` or
    ``REFUSED_LABELS``), or None when it is none of them."""
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx(data) else _zip_kind(data)
    if _is_plain_text(data):
        return _text_kind(data)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def label_of(kind: str | None) -> str:
    """The name an error gives a kind of file."""
    if kind in KINDS:
        return KINDS[kind].label
    return REFUSED_LABELS.get(kind or "", "")


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
    if kind is None:
        raise InputError(
            f"The file '{name}' is of no type we recognise; attach {labels}."
        )
    if kind not in allowed:
        raise InputError(
            f"{label_of(kind)} files such as '{name}' are not accepted; "
            f"attach {labels}."
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


def _text_kind(data: bytes) -> str:
    head = data[:_MARKUP_HEAD].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    lowered = head.lower()
    if lowered.startswith("{\\rtf"):
        return "rtf"
    if lowered.startswith(("<?xml", "<svg")):
        return "svg" if "<svg" in lowered else "xml"
    if lowered.startswith("<") and _HTML_TAG.search(lowered):
        return "html"
    return TEXT


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = [name.lower() for name in package.namelist()]
    except _ZIP_ERRORS:
        return "zip"
    macros = any(name.endswith("vbaproject.bin") for name in names)
    return "docm" if macros and "word/document.xml" in names else "zip"


def _is_plain_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not re.search(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", text)
