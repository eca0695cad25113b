"""Read a claim from its JSON form (see docs/claims.md) into a ``Claim``."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from .._errors import ClaimError
from ._records import SETTINGS, Claim, ClaimLine

_SETTING_ALIASES = {
    "professional": "practitioner",
    "physician": "practitioner",
    "hospital": "facility",
    "outpatient": "facility",
    "institutional": "facility",
}
_MODIFIER = re.compile(r"^[A-Z0-9]{2}$")
_PROCEDURE = re.compile(r"^[A-Z0-9]{5}$")
#: ICD-10-CM shape; the second character may be a letter (QA0, April 2026).
_DIAGNOSIS = re.compile(r"^[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\.?[0-9A-Z]{1,4})?$")


def claim_from_json(text: str) -> Claim:
    """Parse one claim from JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ClaimError(
            f"The claim is not valid JSON: {error.msg} at line {error.lineno},"
            f" column {error.colno}.",
            hint="See docs/claims.md for the claim layout.",
        ) from None
    return claim_from_dict(data)


def claim_from_dict(data: Any) -> Claim:
    """Build a ``Claim`` from decoded JSON, naming any bad field.

    Raises:
        ClaimError: a field is missing, of the wrong type or out of range.
    """
    if not isinstance(data, dict):
        raise ClaimError("A claim must be a JSON object.", hint=_HINT)
    lines = data.get("lines", [])
    diagnoses = data.get("diagnoses", [])
    if not isinstance(lines, list) or not isinstance(diagnoses, list):
        raise ClaimError("'lines' and 'diagnoses' must be lists.", hint=_HINT)
    if not lines and not diagnoses:
        raise ClaimError("The claim has no lines and no diagnoses.", hint=_HINT)
    return Claim(
        date=_date(data.get("date_of_service"), "date_of_service"),
        setting=_setting(data.get("setting", "practitioner")),
        lines=tuple(_line(item, n) for n, item in enumerate(lines, 1)),
        diagnoses=tuple(_diagnosis(item, n) for n, item in enumerate(diagnoses, 1)),
        age=_age(data.get("age")),
        sex=_sex(data.get("sex")),
        id=str(data["id"]) if data.get("id") is not None else None,
    )


_HINT = "See docs/claims.md for the claim layout."


def _date(value: Any, name: str) -> dt.date:
    if not isinstance(value, str):
        raise ClaimError(f"'{name}' is missing or not text.", hint="Use YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ClaimError(
            f"'{name}' is '{value}', not a date.", hint="Use YYYY-MM-DD."
        ) from None


def _setting(value: Any) -> str:
    text = str(value).strip().lower()
    text = _SETTING_ALIASES.get(text, text)
    if text not in SETTINGS:
        raise ClaimError(
            f"'setting' is '{value}', not a claim setting.",
            hint="Use one of: " + ", ".join(SETTINGS) + ".",
        )
    return text


def _line(item: Any, number: int) -> ClaimLine:
    if isinstance(item, str):
        item = {"code": item}
    if not isinstance(item, dict):
        raise ClaimError(f"Line {number} must be an object or a code.", hint=_HINT)
    code = str(item.get("code", "")).strip().upper()
    if not _PROCEDURE.match(code):
        raise ClaimError(
            f"Line {number}: '{item.get('code', '')}' is not a CPT or HCPCS code.",
            hint="Service lines take five-character CPT or HCPCS codes.",
        )
    return ClaimLine(
        code=code,
        modifiers=_modifiers(item.get("modifiers", []), number),
        units=_units(item.get("units", 1), number),
        date=_date(item["date"], f"lines[{number}].date") if item.get("date") else None,
    )


def _modifiers(value: Any, number: int) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ClaimError(f"Line {number}: 'modifiers' must be a list.", hint=_HINT)
    modifiers = tuple(str(m).strip().upper() for m in items if str(m).strip())
    for modifier in modifiers:
        if not _MODIFIER.match(modifier):
            raise ClaimError(
                f"Line {number}: '{modifier}' is not a modifier.",
                hint="Modifiers are two letters or digits, such as 59 or RT.",
            )
    return modifiers


def _units(value: Any, number: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ClaimError(f"Line {number}: units '{value}' is not a whole number.")
    try:
        units = int(value)
    except ValueError:
        raise ClaimError(
            f"Line {number}: units '{value}' is not a whole number."
        ) from None
    if not 1 <= units <= 9999:
        raise ClaimError(f"Line {number}: units {units} is not between 1 and 9999.")
    return units


def _diagnosis(value: Any, number: int) -> str:
    text = str(value).strip().upper()
    if not _DIAGNOSIS.match(text):
        raise ClaimError(
            f"Diagnosis {number}: '{value}' is not an ICD-10-CM code.",
            hint="Diagnoses are ICD-10-CM codes such as E11.42.",
        )
    plain = text.replace(".", "")
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"


def _age(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 124:
        raise ClaimError(f"'age' is '{value}'; give whole years from 0 to 124.")
    return value


def _sex(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip().upper()[:1]
    if text not in ("M", "F"):
        raise ClaimError(f"'sex' is '{value}'; use M or F (or leave it out).")
    return text
