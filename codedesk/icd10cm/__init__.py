"""ICD-10-CM: parser, normaliser and validity rules."""

from __future__ import annotations

from .._systems import CodeSystem
from ..releases import Loader
from ._history import load_history
from ._load import load_tabular
from ._normalize import dotted, looks_like, normalize, undotted
from ._tabular import seventh_applies, with_seventh

LOADERS = (
    Loader(name="icd10cm.tabular", load=load_tabular, required=True),
    Loader(name="icd10cm.history", load=load_history),
)

SYSTEM = CodeSystem(
    name="icd10cm",
    label="ICD-10-CM",
    normalize=normalize,
    looks_like=looks_like,
    loaders=LOADERS,
)

__all__ = [
    "LOADERS",
    "SYSTEM",
    "dotted",
    "looks_like",
    "normalize",
    "seventh_applies",
    "undotted",
    "with_seventh",
]
