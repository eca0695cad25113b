"""Check that a code given for a PTP look-up is a CPT or HCPCS procedure code."""

from __future__ import annotations

import datetime as dt
import re

from .._errors import InputError, MalformedCodeError
from .._records import SYSTEM_LABELS
from ._data import EditData

_PROCEDURE = re.compile(r"^[A-Z0-9]{5}$")
#: ICD-10-CM shape; the second character may be a letter (QA0, April 2026).
_DIAGNOSIS = re.compile(r"^[A-Z](?:[0-9][0-9A-Z]|[A-Z][0-9])(?:\.?[0-9A-Z]{1,4})?$")
#: ICD-10-PCS: seven characters, digits and letters other than I and O.
_PCS = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
_PAIRS_HINT = "PTP edits pair procedure codes (CPT/HCPCS)"


def require_procedure_code(data: EditData, text: str, day: dt.date) -> str:
    """The code, upper-cased, when it is a CPT or HCPCS code known on ``day``.

    Raises:
        MalformedCodeError: the text is a diagnosis code, an ICD-10-PCS code or
            not the shape of a procedure code.
        InputError: the code set holds no such CPT or HCPCS code.
    """
    code = text.strip().upper()
    if not _PROCEDURE.match(code):
        raise _wrong_shape(text, code)
    system = "hcpcs" if code[0].isalpha() else "cpt"
    if data.status(system, code, day).state == "unknown":
        label = SYSTEM_LABELS[system]
        raise InputError(
            f"{code} is not a {label} code on {day.isoformat()}.",
            hint=f"Check the code for a typing error; {_PAIRS_HINT}.",
        )
    return code


def _wrong_shape(text: str, code: str) -> MalformedCodeError:
    if _DIAGNOSIS.match(code):
        return MalformedCodeError(
            f"{code} is an ICD-10-CM diagnosis code; {_PAIRS_HINT}.",
            code=code,
            system="icd10cm",
            hint="Give two CPT or HCPCS codes, such as 29881 and 29877.",
        )
    if _PCS.match(code):
        return MalformedCodeError(
            f"{code} is an ICD-10-PCS procedure code; {_PAIRS_HINT}.",
            code=code,
            system="icd10pcs",
            hint="Give two CPT or HCPCS codes, such as 29881 and 29877.",
        )
    return MalformedCodeError(
        f"'{code}' is not a CPT or HCPCS code.",
        code=code,
        hint="CPT and HCPCS codes have five characters, such as 29881 or G0105.",
    )
