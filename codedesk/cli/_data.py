"""``codedesk data``: build the code database and say what is in it."""

from __future__ import annotations

from pathlib import Path

import click

from .._db import default_path
from .._systems import all_loaders
from ..cpt import import_cpt_file
from ..releases import build_database, download_files, read_releases
from ._common import (
    data_dir_from_env,
    db_option,
    echo_json,
    json_option,
    sources_from_env,
)


@click.group()
def data() -> None:
    """Build, inspect and refresh the code database."""


@data.command()
@db_option
def build(db: str | None) -> None:
    """Build the code database from release files.

    Reads CODEDESK_DATA_DIR when it is set, else the embedded ICD-10-CM
    tabular. The new database replaces the old one only when it is complete
    and checked.
    """
    path = Path(db) if db else default_path()
    sources = sources_from_env()

    report = build_database(
        path, sources, all_loaders(), progress=lambda m: click.echo(m, err=True)
    )

    total = sum(report.timings.values())
    click.echo(
        f"Built {path} from {len(report.releases)} release files in {total:.1f} s."
    )


@data.command()
@db_option
@json_option
def status(db: str | None, as_json: bool) -> None:
    """Show each code system, its release, vintage, rows and source."""
    path = Path(db) if db else default_path()

    releases = read_releases(path)

    if as_json:
        echo_json([release.__dict__ for release in releases])
        return
    click.echo(f"Code database: {path}")
    for r in releases:
        click.echo(f"{r.system:9} {r.vintage:12} {r.rows:>9,} rows  {r.name}")
        if r.effective_from or r.effective_to:
            start, end = r.effective_from or "…", r.effective_to or "…"
            click.echo(f"{'':9} in effect {start} to {end}")
        click.echo(f"{'':9} source {r.source}  sha256 {r.sha256[:12]}")


@data.command("import-cpt")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def import_cpt(file: Path, db: str | None) -> None:
    """Import CPT descriptors from a licensed FILE you own.

    FILE is tab- or comma-separated with a header row naming the columns
    code, short, medium, long, valid_from, valid_to (docs/cpt-import.md).
    Every row is checked first; nothing is written unless all are good.
    A copy is kept beside the database so the next build imports it again.
    """
    path = Path(db) if db else default_path()

    report = import_cpt_file(path, file)

    click.echo(f"Imported {report.rows:,} CPT descriptors into {report.database}.")
    click.echo(f"Kept a copy at {report.kept_copy} for the next build.")


@data.command()
@click.option(
    "--dest",
    type=click.Path(file_okay=False, path_type=Path),
    help="Data folder to fill (default CODEDESK_DATA_DIR, else var/data).",
)
@click.option(
    "--base-url",
    envvar="CODEDESK_DOWNLOAD_BASE_URL",
    metavar="URL",
    help="Fetch from this mirror instead of CMS and CDC"
    " (or CODEDESK_DOWNLOAD_BASE_URL).",
)
def download(dest: Path | None, base_url: str | None) -> None:
    """Fetch the official release files from CMS and CDC.

    Each file is written to a temporary file and moved into place only when
    it is complete and checked, so a failed download keeps the old file.
    """
    folder = dest or data_dir_from_env() or Path("var") / "data"

    done = download_files(
        folder, base_url=base_url, progress=lambda m: click.echo(m, err=True)
    )

    for item in done:
        click.echo(f"{item.target}  {item.bytes:,} bytes")
    click.echo(f"Downloaded {len(done)} files into {folder}.")
