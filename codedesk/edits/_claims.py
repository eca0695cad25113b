"""Read a claim from its JSON form (see docs/claims.md) into a ``Claim``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from .._errors import ClaimError
from ._records import SETTINGS, Claim, ClaimLine

_SETTING_ALIASES = {
    "professional": "practitioner",
    "physician": "practitioner",
    "hospital": "facility",
    "outpatient": "facility",
    "institutional": "facility",
}
T = TypeVar("T")
_MODIFIER = re.compile(r"^[A-Z0-9]{2}$")
#: Text the checker can look up; longer or odder text is not a code at all.
_CODE_TEXT = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,11}$")
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
    """Build a ``Claim`` from decoded JSON, naming every bad field at once.

    A code that is text but not a valid code is kept: the checker reports it
    as a ``code_validity`` finding.

    Raises:
        ClaimError: fields are missing, of the wrong type or out of range, or
            the claim has more service lines than its setting's form allows.
    """
    if not isinstance(data, dict):
        raise ClaimError("A claim must be a JSON object.", hint=_HINT)
    lines = data.get("lines", [])
    diagnoses = data.get("diagnoses", [])
    if not isinstance(lines, list) or not isinstance(diagnoses, list):
        raise ClaimError("'lines' and 'diagnoses' must be lists.", hint=_HINT)
    if not lines and not diagnoses:
        raise ClaimError("The claim has no lines and no diagnoses.", hint=_HINT)
    problems: list[ClaimError] = []
    day = _collect(problems, _date, data.get("date_of_service"), "date_of_service")
    setting = _collect(problems, _setting, data.get("setting", "practitioner"))
    _require_line_cap(len(lines), setting)
    claim = Claim(
        date=day,
        setting=setting,
        lines=tuple(_collect(problems, _line, x, n) for n, x in enumerate(lines, 1)),
        diagnoses=tuple(
            _collect(problems, _diagnosis, x, n) for n, x in enumerate(diagnoses, 1)
        ),
        age=_collect(problems, _age, data.get("age")),
        sex=_collect(problems, _sex, data.get("sex")),
        id=str(data["id"]) if data.get("id") is not None else None,
    )
    if problems:
        raise _all_of(problems)
    return claim


def _collect(problems: list[ClaimError], parse: Callable[..., T], *args: Any) -> T:
    """Parse one field; on a ClaimError note it and go on to the next field."""
    try:
        return parse(*args)
    except ClaimError as error:
        problems.append(error)
        return cast(T, None)


def _all_of(problems: list[ClaimError]) -> ClaimError:
    if len(problems) == 1:
        return problems[0]
    hints = dict.fromkeys(p.hint for p in problems if p.hint)
    return ClaimError(
        f"The claim has {len(problems)} problems: "
        + " ".join(p.message for p in problems),
        hint=" ".join(hints) or _HINT,
    )


#: Service lines one claim may carry, by setting, and the form that sets the
#: limit: the 837P (professional and DME supplier claims) allows 50 service
#: lines, the 837I (institutional) 999.
MAX_LINES: dict[str, tuple[int, str]] = {
    "practitioner": (50, "837P"),
    "dme": (50, "837P"),
    "facility": (999, "837I"),
}


def _require_line_cap(count: int, setting: str | None) -> None:
    limit, form = MAX_LINES.get(setting or "facility", MAX_LINES["facility"])
    if count > limit:
        raise ClaimError(
            f"The claim has {count:,} service lines; a {setting or 'facility'}"
            f" claim takes at most {limit} (the {form} limit).",
            hint="Split the services into several claims.",
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
    code = _code_text(item.get("code"), f"Line {number}")
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
    text = _code_text(value, f"Diagnosis {number}")
    if not _DIAGNOSIS.match(text):
        return text
    plain = text.replace(".", "")
    return plain if len(plain) <= 3 else f"{plain[:3]}.{plain[3:]}"


def _code_text(value: Any, where: str) -> str:
    """A code as upper-case text; its validity is the checker's to judge."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ClaimError(
            f"{where}: {json.dumps(value)} is not a code.",
            hint='Give each code as text, such as "E11.42" or "99213".',
        )
    text = str(value).strip().upper()
    if not _CODE_TEXT.match(text):
        raise ClaimError(
            f"{where}: '{value}' is not a code.",
            hint="Codes are letters and digits, such as E11.42 or 99213.",
        )
    return text


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
