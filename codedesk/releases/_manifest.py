"""The official release files ``codedesk data download`` fetches.

Each entry names the publisher's URL path and where the file goes in the
data folder (the layout ``CODEDESK_DATA_DIR`` expects). A zip that the
loaders cannot read whole lists the members to take out of it. The paths
follow the CMS and CDC download pages for the releases this version
loads; RELEASE.md says how to update them for the yearly refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Where each publisher serves its files.
PUBLISHERS: dict[str, str] = {
    "cms": "https://www.cms.gov",
    "cdc": "https://ftp.cdc.gov",
}


@dataclass(frozen=True)
class OfficialFile:
    """One file to fetch.

    ``extract`` maps a member name inside a zip to its target path; when it
    is empty the file itself is stored at ``target``. ``sha256`` is checked
    when known.
    """

    publisher: str
    path: str
    target: str
    sha256: str | None = None
    extract: dict[str, str] = field(default_factory=dict)


OFFICIAL_FILES: tuple[OfficialFile, ...] = (
    OfficialFile(
        "cms",
        "/files/zip/january-2026-alpha-numeric-hcpcs-file.zip",
        "hcpcs/january-2026-alpha-numeric-hcpcs-file.zip",
        sha256="8f4a26de1eca89205be02fbe48cc899c6c5930cf5d4f6b8c5a227f64450157b0",
    ),
    OfficialFile(
        "cms",
        "/files/zip/2026-icd-10-pcs-codes-file.zip",
        "icd10pcs/2026-icd-10-pcs-codes-file.zip",
        extract={"icd10pcs_codes_2026.txt": "icd10pcs/icd10pcs_codes_fy2026.txt"},
    ),
    OfficialFile(
        "cdc",
        "/pub/Health_Statistics/NCHS/Publications/ICD10CM/2026-Update/"
        "icd10cm-table-index-April-1-2026.zip",
        "icd10cm/icd10cm-table-index-April-1-2026.zip",
        extract={
            "icd10cm-tabular-April-1-2026.xml": (
                "icd10cm/icd10c-tabular-April-1-2026.xml"
            )
        },
    ),
    OfficialFile(
        "cms",
        "/files/zip/rvu25d.zip",
        "pfs_rvu/rvu25d.zip",
    ),
)
