"""Every CLI command has help, and docs/cli.md embeds the current help text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner
from cogapp import Cog

from codedesk.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def walk(group: click.Group, prefix: list[str]) -> Iterator[list[str]]:
    for name, command in sorted(group.commands.items()):
        yield [*prefix, name]
        if isinstance(command, click.Group):
            yield from walk(command, [*prefix, name])


def test_every_command_has_help_text() -> None:
    runner = CliRunner()

    for words in walk(main, []):
        result = runner.invoke(main, [*words, "--help"])

        assert result.exit_code == 0, words
        assert "Usage:" in result.output
        command: click.Command = main
        for word in words:
            assert isinstance(command, click.Group)
            command = command.commands[word]
        assert command.help, f"codedesk {' '.join(words)} has no help text"


def test_the_cli_page_embeds_the_current_help() -> None:
    cog = Cog()
    cog.options.check = True

    status = cog.main(["cog", "--check", str(DOCS)])

    assert status == 0, "docs/cli.md is stale: run make cog"
