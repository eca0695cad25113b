"""Options and helpers shared by the CLI commands."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import click

from .._desk import Desk
from .._errors import InputError
from .._records import SYSTEMS
from ..releases import Sources


def parse_date(text: str | None) -> dt.date:
    """A YYYY-MM-DD date of service; today when none is given."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"'{text}' is not a date.", hint="Give the date of service as YYYY-MM-DD."
        ) from None


def parse_system(text: str | None) -> str | None:
    """A code system name, or None for 'any system'."""
    if text is None:
        return None
    name = text.strip().lower().replace("-", "").replace(" ", "")
    aliases = {"icd10": "icd10cm", "cm": "icd10cm", "pcs": "icd10pcs"}
    name = aliases.get(name, name)
    if name not in SYSTEMS:
        raise InputError(
            f"'{text}' is not a code system.",
            hint="Use one of: " + ", ".join(SYSTEMS) + ".",
        )
    return name


def data_dir_from_env() -> Path | None:
    """The folder named by ``CODEDESK_DATA_DIR``, checked."""
    configured = os.environ.get("CODEDESK_DATA_DIR")
    if not configured:
        return None
    path = Path(configured)
    if not path.is_dir():
        raise InputError(
            f"CODEDESK_DATA_DIR names '{configured}', which is not a folder.",
            hint="Point it at the folder of CMS and CDC release files, or unset it.",
        )
    return path


def sources_from_env() -> Sources:
    """The release sources the environment names."""
    return Sources(data_dir=data_dir_from_env())


def open_desk(db: str | None) -> Desk:
    """The desk on the database given, or the default one."""
    return Desk(Path(db) if db else None)


def echo_json(value: Any) -> None:
    """Print a JSON document to stdout."""
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


date_option = click.option(
    "--date", "date_text", metavar="YYYY-MM-DD", help="Date of service (default today)."
)
system_option = click.option(
    "--system", "system_text", metavar="S", help="icd10cm, icd10pcs, hcpcs or cpt."
)
db_option = click.option(
    "--db",
    "db",
    metavar="PATH",
    envvar="CODEDESK_DB",
    help="Code database file (default var/codes.sqlite3, or CODEDESK_DB).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
