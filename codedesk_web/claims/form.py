"""Read the claim form's fields into the claim layout of docs/claims.md."""

from __future__ import annotations

import re
from typing import Any

from django.http import QueryDict

_SPLIT = re.compile(r"[\s,;]+")
_UNITS = re.compile(r"^[x×*](\d+)$", re.IGNORECASE)


def claim_fields(query: QueryDict) -> dict[str, Any]:
    """The claim as a dict, from the pasted lines and diagnoses.

    Each service line is ``CODE [MODIFIER ...] [xUNITS]``, e.g. ``20610 XS x2``;
    ``20610-XS`` works too. Diagnoses are separated by spaces or commas.
    """
    data: dict[str, Any] = {
        "date_of_service": query.get("date", "").strip(),
        "setting": query.get("setting", "practitioner"),
        "lines": [
            _line(text) for text in query.get("lines", "").splitlines() if text.strip()
        ],
        "diagnoses": [c for c in _SPLIT.split(query.get("diagnoses", "")) if c],
    }
    age = query.get("age", "").strip()
    if age:
        data["age"] = int(age) if age.isdigit() else age
    sex = query.get("sex", "").strip()
    if sex:
        data["sex"] = sex
    return data


def _line(text: str) -> dict[str, Any]:
    tokens = [t for t in _SPLIT.split(text.replace("-", " ").strip()) if t]
    line: dict[str, Any] = {"code": tokens[0], "modifiers": []}
    for token in tokens[1:]:
        units = _UNITS.match(token)
        if units:
            line["units"] = int(units.group(1))
        else:
            line["modifiers"].append(token)
    return line
