"""Where release files come from: a data folder, or the embedded default."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .._errors import ReleaseFileError


@dataclass(frozen=True)
class Sources:
    """The folder of release files (``CODEDESK_DATA_DIR``), if any.

    Paths are relative to the folder, laid out as CMS and CDC files are
    staged: ``icd10cm/…``, ``icd10pcs/…``, ``hcpcs/…`` and so on.
    """

    data_dir: Path | None = None

    def find(self, relative: str) -> Path | None:
        """The file at ``relative`` under the data folder, if it is there."""
        if self.data_dir is None:
            return None
        path = self.data_dir / relative
        return path if path.is_file() else None

    def glob(self, pattern: str) -> list[Path]:
        """Files matching ``pattern`` under the data folder, sorted by name."""
        if self.data_dir is None:
            return []
        return sorted(p for p in self.data_dir.glob(pattern) if p.is_file())


def embedded_tabular() -> Path:
    """The April 2026 ICD-10-CM tabular XML shipped by ``simple-icd-10-cm``."""
    files = resources.files("simple_icd_10_cm") / "data"
    path = Path(str(files / "icd10c-tabular-April-1-2026.xml"))
    if not path.is_file():
        raise ReleaseFileError(
            f"The embedded ICD-10-CM tabular is missing at {path}.",
            hint="Reinstall with: pip install simple-icd-10-cm==1.5.0",
        )
    return path


def sha256_of(path: Path) -> str:
    """The file's SHA-256, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
