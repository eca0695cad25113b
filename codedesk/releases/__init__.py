"""Parse, check and load official release files into the code database."""

from __future__ import annotations

from ._build import BuildReport, Loader, build_database, read_releases
from ._download import Downloaded, download_files
from ._manifest import OFFICIAL_FILES, OfficialFile
from ._sources import Sources, embedded_tabular, sha256_of

__all__ = [
    "BuildReport",
    "Downloaded",
    "Loader",
    "OFFICIAL_FILES",
    "OfficialFile",
    "Sources",
    "build_database",
    "download_files",
    "embedded_tabular",
    "read_releases",
    "sha256_of",
]
