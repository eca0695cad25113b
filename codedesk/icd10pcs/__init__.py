"""ICD-10-PCS: parser, normaliser and validity rules."""

from __future__ import annotations

from .._systems import CodeSystem
from ..releases import Loader
from ._definitions import GUIDELINE_SCHEMA, PcsGuideline, pcs_guidelines
from ._files import PcsCode, read_code_file, read_medsurg_csv
from ._load import load_pcs_codes, load_pcs_definitions
from ._normalize import looks_like, normalize

SYSTEM = CodeSystem(
    name="icd10pcs",
    label="ICD-10-PCS",
    normalize=normalize,
    looks_like=looks_like,
    loaders=(
        Loader("icd10pcs codes", load_pcs_codes),
        Loader("icd10pcs definitions", load_pcs_definitions, schema=GUIDELINE_SCHEMA),
    ),
)

__all__ = [
    "SYSTEM",
    "PcsCode",
    "PcsGuideline",
    "looks_like",
    "normalize",
    "pcs_guidelines",
    "read_code_file",
    "read_medsurg_csv",
]
