"""Every refused file type is named, with the types that are accepted."""

from __future__ import annotations

import io
import zipfile

import pytest

from codedesk import InputError
from codedesk_web.lib.filetypes import DOCX, JPEG, PDF, PNG, TEXT, check_upload

ALL = (PDF, DOCX, PNG, JPEG, TEXT)


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name in names:
            package.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "label"),
    [
        ("a.html", b"<!DOCTYPE html>\n<html><body>x</body></html>", "HTML"),
        ("a.htm", b"\n<html lang='en'><p>x</p></html>", "HTML"),
        ("a.xml", b"<?xml version='1.0'?><claim/>", "XML"),
        ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG"),
        ("a.rtf", b"{\\rtf1\\ansi x}", "RTF"),
        ("a.gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
        (
            "a.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
            "Office 97-2003 (DOC, XLS, PPT)",
        ),
        ("a.zip", zipped("claims.csv"), "ZIP"),
        (
            "a.docm",
            zipped("word/document.xml", "word/vbaProject.bin"),
            "Word with macros (DOCM)",
        ),
        ("a.exe", b"MZ\x90\x00\x03\x00", "Program"),
        ("a.bin", b"\x7fELF\x02\x01\x01\x00", "Program"),
    ],
)
def test_a_refused_type_is_named_with_the_accepted_types(
    name: str, data: bytes, label: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_upload(name, data, ALL, 10_000)

    assert caught.value.message == (
        f"{label} files such as '{name}' are not accepted; "
        "attach PDF, DOCX, PNG, JPEG or plain text."
    )


def test_an_accepted_type_not_allowed_here_is_named() -> None:
    with pytest.raises(InputError) as caught:
        check_upload("scan.png", b"\x89PNG\r\n\x1a\n", (PDF, DOCX), 10_000)

    assert caught.value.message == (
        "PNG files such as 'scan.png' are not accepted; attach PDF or DOCX."
    )


def test_an_unknown_binary_file_says_its_type_is_not_recognised() -> None:
    with pytest.raises(InputError) as caught:
        check_upload("a.dat", b"\x00\x01\xfe\xff", ALL, 10_000)

    assert caught.value.message == (
        "The file 'a.dat' is of no type we recognise; "
        "attach PDF, DOCX, PNG, JPEG or plain text."
    )


def test_plain_text_that_starts_with_a_bracket_is_still_text() -> None:
    kind = check_upload("note.txt", b"<99213> and 20610 same day?", ALL, 10_000)

    assert kind.name == TEXT
