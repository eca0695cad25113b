"""The claim checker: NCCI, add-on codes, MUE, code-set conventions, fees.

Build steps load the edit releases into the code database (see
docs/claims.md for the files and the data-folder layout); ``check_claim``
checks a claim against them for its date of service and setting.
"""

from __future__ import annotations

from ..releases import Loader
from ._addon import load_addons, read_cms_addons, read_ioce_addons
from ._check import Checker, check_claim, pair_edits, parse_setting
from ._claims import claim_from_dict, claim_from_json
from ._dx import load_cc_mcc, load_dx_edits
from ._dx_notes import DX_NOTE_SCHEMA, build_dx_notes
from ._facts import code_edit_facts, compute_fee
from ._fee_files import load_fee_files
from ._import import IMPORT_KINDS, import_edits
from ._modifiers import MODIFIER_SCHEMA, load_ioce_modifiers
from ._mue import load_mues, read_cms_mue
from ._ptp import load_hospital_ptp, read_cms_ptp, read_ioce_ptp
from ._records import (
    RULES,
    SETTINGS,
    SEVERITIES,
    AddonEdit,
    CheckReport,
    Claim,
    ClaimLine,
    EditFacts,
    Fee,
    Finding,
    MueEdit,
    PairAnswer,
    PtpEdit,
    SourceRef,
)
from ._schema import EDIT_SCHEMA

LOADERS: tuple[Loader, ...] = (
    Loader("ncci_ptp", load_hospital_ptp, schema=EDIT_SCHEMA),
    Loader("ncci_addon", load_addons),
    Loader("ncci_mue", load_mues),
    Loader(
        "ioce_dx_edits", load_dx_edits, schema=DX_NOTE_SCHEMA, finish=build_dx_notes
    ),
    Loader("msdrg_cc_mcc", load_cc_mcc),
    Loader("ioce_modifiers", load_ioce_modifiers, schema=MODIFIER_SCHEMA),
    Loader("mpfs_geography", load_fee_files),
)

__all__ = [
    "IMPORT_KINDS",
    "LOADERS",
    "RULES",
    "SETTINGS",
    "SEVERITIES",
    "AddonEdit",
    "CheckReport",
    "Checker",
    "Claim",
    "ClaimLine",
    "EditFacts",
    "Fee",
    "Finding",
    "MueEdit",
    "PairAnswer",
    "PtpEdit",
    "SourceRef",
    "check_claim",
    "claim_from_dict",
    "claim_from_json",
    "code_edit_facts",
    "compute_fee",
    "import_edits",
    "pair_edits",
    "parse_setting",
    "read_cms_addons",
    "read_cms_mue",
    "read_cms_ptp",
    "read_ioce_addons",
    "read_ioce_ptp",
]
