"""``codedesk lookup``."""

from __future__ import annotations

import click


@click.command()
@click.argument("code")
def lookup(code: str) -> None:
    """Look up a code (built in issue #2)."""
    raise click.ClickException("lookup is being built in issue #2")
