"""ICD-10-PCS: parser, normaliser and validity rules."""

from __future__ import annotations

from .._systems import CodeSystem
from ._normalize import looks_like, normalize

SYSTEM = CodeSystem(
    name="icd10pcs",
    label="ICD-10-PCS",
    normalize=normalize,
    looks_like=looks_like,
    loaders=(),
)

__all__ = ["SYSTEM", "looks_like", "normalize"]
