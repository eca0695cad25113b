"""The ``codedesk`` command: a thin shell over the library.

Results go to stdout, progress to stderr. A ``CodeDeskError`` becomes
``Error: …`` (and a hint after a blank line) with exit status 1.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from .._errors import CodeDeskError
from ._ask import ask
from ._check import check, edits, import_edits_command
from ._data import data
from ._lookup import lookup
from ._search import search


class DeskGroup(click.Group):
    """A group that turns library errors into one clean message."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CodeDeskError as error:
            click.echo(f"Error: {error.message}", err=True)
            if error.hint:
                click.echo("", err=True)
                click.echo(error.hint, err=True)
            sys.exit(1)


@click.group(cls=DeskGroup)
@click.version_option(package_name="codedesk")
def main() -> None:
    """CodeDesk: look up, search and check medical codes."""


main.add_command(ask)
main.add_command(check)
main.add_command(data)
main.add_command(edits)
main.add_command(lookup)
main.add_command(search)
data.add_command(import_edits_command)
