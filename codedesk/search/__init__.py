"""Search: turn a code, a prefix or words into ranked codes.

Two build steps run after every code system has loaded: the ICD-10-CM
Alphabetic Index family becomes ``term`` rows, then the search tables are
built over every system's ``term`` rows and titles.
"""

from __future__ import annotations

from ..releases import Loader
from ._build import SEARCH_SCHEMA, build_search
from ._engine import check_search_input, search_codes
from ._index_loader import load_index

LOADERS: tuple[Loader, ...] = (
    Loader(name="icd10cm-index", load=load_index),
    Loader(
        name="search",
        load=lambda conn, sources: [],
        schema=SEARCH_SCHEMA,
        finish=build_search,
    ),
)

__all__ = ["LOADERS", "check_search_input", "search_codes"]
