"""HCPCS Level II: parser, normaliser and validity rules."""

from __future__ import annotations

from .._systems import CodeSystem
from ..releases import Loader
from ._anweb import HcpcsFile, HcpcsItem, read_hcpcs_zip
from ._layout import LayoutField, RecordLayout, parse_layout
from ._load import load_hcpcs, load_hcpcs_opps
from ._normalize import is_modifier, looks_like, normalize

SYSTEM = CodeSystem(
    name="hcpcs",
    label="HCPCS Level II",
    normalize=normalize,
    looks_like=looks_like,
    loaders=(
        Loader("hcpcs", load_hcpcs),
        Loader("hcpcs opps", load_hcpcs_opps),
    ),
)

__all__ = [
    "SYSTEM",
    "HcpcsFile",
    "HcpcsItem",
    "LayoutField",
    "RecordLayout",
    "is_modifier",
    "looks_like",
    "normalize",
    "parse_layout",
    "read_hcpcs_zip",
]
