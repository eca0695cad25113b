"""``{% code_edit_facts record as facts %}`` for the code page's edits section."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from django import template

from codedesk import CodeDeskError, CodeRecord
from codedesk.edits import EditFacts, code_edit_facts, parse_setting
from codedesk_web.lib.desk import get_desk

logger = logging.getLogger(__name__)

register = template.Library()

#: Systems whose codes have edit or fee facts.
SYSTEMS_WITH_EDITS = ("cpt", "hcpcs", "icd10cm")


@register.simple_tag(name="code_edit_facts", takes_context=True)
def code_edit_facts_tag(
    context: dict[str, Any], record: CodeRecord
) -> EditFacts | None:
    """The record's edit facts for the page's date and ``?setting=``."""
    if record.system not in SYSTEMS_WITH_EDITS:
        return None
    request = context.get("request")
    query = request.GET if request is not None else {}
    conn = getattr(get_desk(), "conn", None)
    if not isinstance(conn, sqlite3.Connection):
        return None
    try:
        setting = parse_setting(query.get("setting", "practitioner"))
        locality = query.get("locality", "").strip() or None
        return code_edit_facts(
            conn,
            record.system,
            record.code,
            record.date,
            setting,
            locality=locality,
        )
    except CodeDeskError as error:
        logger.info("no edit facts for %s: %s", record.code, error.message)
        return None
    except sqlite3.Error as error:
        logger.warning("edit facts for %s failed: %s", record.code, error)
        return None


@register.filter
def system_of(code: str) -> str:
    """cpt or hcpcs, by the shape of a five-character code."""
    return "hcpcs" if code[:1].isalpha() else "cpt"
