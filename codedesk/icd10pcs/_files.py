"""Parsers of the ICD-10-PCS code lists.

- The CMS code file, ``icd10pcs_codes_<year>.txt`` (e.g. FY2024): one code
  per line, the seven-character code, a space, the long title.
- The CMS order file, ``icd10pcs_order_<year>.txt``, fixed width: order
  number (columns 1-5), code or header (7-13), header flag (15: 0 header,
  1 valid code), short title (17-76), long title (78 on). Only valid codes
  are read; headers are rebuilt from the codes.
- The FY2025 Medical and Surgical list,
  ``icd10pcs_medsurg_section0_codes_fy2025.csv``: columns code,
  short_description, long_description (section 0 only).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .._errors import ReleaseFileError
from ..releases._rows import read_csv
from ._normalize import FULL_CODE


@dataclass(frozen=True)
class PcsCode:
    """A valid ICD-10-PCS code and its titles in one release."""

    code: str
    title: str
    short_title: str | None = None


def read_code_file(path: Path) -> list[PcsCode]:
    """Codes of a CMS code file or order file (the layout is detected)."""
    codes: list[PcsCode] = []
    with path.open(encoding="latin-1") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            try:
                parsed = _order_line(line) if _is_order_line(line) else _code_line(line)
            except ValueError:
                raise ReleaseFileError(
                    f"{path.name} line {number} does not start with a PCS code:"
                    f" '{line[:20]}'.",
                    hint="Use the CMS code file or order file as published.",
                ) from None
            if parsed is not None:
                codes.append(parsed)
    return codes


def read_medsurg_csv(path: Path) -> list[PcsCode]:
    """Codes of the FY2025 Medical and Surgical CSV."""
    columns = ("code", "short_description", "long_description")
    codes = []
    for number, row in enumerate(read_csv(path, columns), 2):
        code = row["code"].strip()
        if not FULL_CODE.match(code):
            raise ReleaseFileError(
                f"{path.name} line {number}: '{code}' is not a PCS code."
            )
        codes.append(
            PcsCode(
                code, row["long_description"].strip(), row["short_description"].strip()
            )
        )
    return codes


def _is_order_line(line: str) -> bool:
    return line[:5].isdigit() and line[5:6] == " " and line[14:15] in ("0", "1")


def _order_line(line: str) -> PcsCode | None:
    if line[14] == "0":
        return None
    code = line[6:13].strip()
    if not FULL_CODE.match(code):
        raise ValueError(code)
    return PcsCode(code, line[77:].strip(), line[16:76].strip())


def _code_line(line: str) -> PcsCode:
    code, _, title = line.partition(" ")
    if not FULL_CODE.match(code):
        raise ValueError(code)
    return PcsCode(code, title.strip())
