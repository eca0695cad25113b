"""Parse, check and load official release files into the code database."""

from __future__ import annotations

from ._build import BuildReport, Loader, build_database, read_releases
from ._sources import Sources, embedded_tabular, sha256_of

__all__ = [
    "BuildReport",
    "Loader",
    "Sources",
    "build_database",
    "embedded_tabular",
    "read_releases",
    "sha256_of",
]
