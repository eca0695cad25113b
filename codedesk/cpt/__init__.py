"""CPT: code numbers and public CMS facts; descriptors only when licensed.

The default build carries CPT code numbers (never a descriptor), their
validity from the outpatient code editor and the PFS releases, the MPFS
relative value file (the ``mpfs_rvu`` table, read with :func:`rvu_for`) and
OPPS indicators. ``codedesk data import-cpt`` adds the text of a licensed
file the user owns.
"""

from __future__ import annotations

from .._systems import CodeSystem
from ..releases import Loader
from ._history import load_cpt_codes
from ._licensed import (
    ImportReport,
    LicensedRow,
    import_cpt_file,
    load_licensed,
    read_licensed_file,
)
from ._normalize import looks_like, normalize
from ._opps import load_cpt_opps
from ._rvu import SCHEMA as MPFS_SCHEMA
from ._rvu import MpfsRvu, load_mpfs, rvu_for

SYSTEM = CodeSystem(
    name="cpt",
    label="CPT",
    normalize=normalize,
    looks_like=looks_like,
    loaders=(
        Loader("cpt codes", load_cpt_codes),
        Loader("mpfs rvu", load_mpfs, schema=MPFS_SCHEMA),
        Loader("cpt opps", load_cpt_opps),
        Loader("cpt licensed", load_licensed),
    ),
)

__all__ = [
    "SYSTEM",
    "ImportReport",
    "LicensedRow",
    "MpfsRvu",
    "import_cpt_file",
    "looks_like",
    "normalize",
    "read_licensed_file",
    "rvu_for",
]
