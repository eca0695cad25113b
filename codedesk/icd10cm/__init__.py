"""ICD-10-CM: parser, normaliser and validity rules."""

from __future__ import annotations

from .._systems import CodeSystem
from ._normalize import looks_like, normalize

SYSTEM = CodeSystem(
    name="icd10cm",
    label="ICD-10-CM",
    normalize=normalize,
    looks_like=looks_like,
    loaders=(),
)

__all__ = ["SYSTEM", "looks_like", "normalize"]
