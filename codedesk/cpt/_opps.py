"""OPPS facts for CPT codes from the outpatient code editor's table."""

from __future__ import annotations

import sqlite3
from functools import partial

from .._records import Release
from ..releases import Sources
from ..releases._ioce import load_opps_facts
from ..releases._rows import insert_facts
from ._normalize import CPT_SHAPE


def load_cpt_opps(conn: sqlite3.Connection, sources: Sources) -> list[Release]:
    """Status indicator, APC and payment indicator facts on CPT codes."""
    _, release = load_opps_facts(
        partial(insert_facts, conn), sources, "cpt", lambda c: bool(CPT_SHAPE.match(c))
    )
    return [release] if release else []
