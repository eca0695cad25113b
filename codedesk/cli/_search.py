"""``codedesk search``."""

from __future__ import annotations

import click


@click.command()
@click.argument("query")
def search(query: str) -> None:
    """Search codes (built in issue #2)."""
    raise click.ClickException("search is being built in issue #2")
