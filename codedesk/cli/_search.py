"""``codedesk search``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .._errors import InputError
from .._records import SYSTEM_LABELS, SearchResult
from ..search import check_search_input
from ._common import (
    date_option,
    db_option,
    echo_json,
    json_option,
    open_desk,
    parse_date,
    parse_system,
    system_option,
)


@click.command()
@click.argument("query", required=False)
@system_option
@date_option
@click.option(
    "--limit", type=int, default=20, show_default=True, help="Most results to show."
)
@click.option(
    "--billable-only", is_flag=True, help="Leave out headers and codes not billable."
)
@click.option(
    "--batch",
    "batch",
    metavar="FILE",
    help="Read one query per line from FILE ('-' for stdin); print JSON lines.",
)
@json_option
@db_option
def search(
    query: str | None,
    system_text: str | None,
    date_text: str | None,
    limit: int,
    billable_only: bool,
    batch: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """Find codes for a code, a code prefix, words, abbreviations or a sentence.

    Results from every code system are ranked together unless --system is
    given; each says why it matched. Examples: 'heart attack', 'CHF',
    'k922', 'S72.0'.
    """
    system = parse_system(system_text)
    day = parse_date(date_text)
    check_search_input(query, system, limit)
    desk = open_desk(db)

    def ask(text: str) -> list[SearchResult]:
        return desk.search(
            text, system=system, date=day, limit=limit, billable_only=billable_only
        )

    if batch is not None:
        if query is not None:
            raise InputError(
                "Give a query or --batch FILE, not both.",
                hint="Put the query in the batch file, one query per line.",
            )
        for line in read_batch(batch):
            echo_json_line(batch_answer(line, ask))
        return
    if query is None:
        raise InputError(
            "No query was given.", hint="Try: codedesk search 'heart attack'"
        )
    results = ask(query)
    if as_json:
        echo_json(result_document(query, results))
    else:
        echo_results(query, results)


def batch_answer(line: str, ask: Callable[[str], list[SearchResult]]) -> dict[str, Any]:
    """One batch line's answer; a bad line gets an error and the batch goes on."""
    try:
        return result_document(line, ask(line))
    except InputError as error:
        return {"query": line, "error": error.message}


def echo_json_line(value: dict[str, Any]) -> None:
    """Print one JSON document on one line (the batch output)."""
    click.echo(json.dumps(value, ensure_ascii=False))


def read_batch(batch: str) -> list[str]:
    """The non-blank lines of the batch file (or stdin for ``-``)."""
    if batch == "-":
        text = sys.stdin.read()
    else:
        path = Path(batch)
        if not path.is_file():
            raise InputError(
                f"The batch file '{batch}' does not exist.",
                hint="Give a text file with one query per line.",
            )
        text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def result_document(query: str, results: list[SearchResult]) -> dict[str, Any]:
    """The JSON shape of one query's answer."""
    return {
        "query": query,
        "results": [
            {
                "system": r.system,
                "code": r.code,
                "title": r.title,
                "billable": r.billable,
                "score": r.score,
                "why": r.why,
            }
            for r in results
        ],
    }


def echo_results(query: str, results: list[SearchResult]) -> None:
    """Print results as a numbered list, each with why it matched."""
    if not results:
        click.echo(f"No codes match '{query}'.")
        return
    for number, r in enumerate(results, start=1):
        label = SYSTEM_LABELS.get(r.system, r.system)
        billable = "billable" if r.billable else "header"
        click.echo(f"{number:>3}. {r.code:<9} {label:<10} {billable:<8}  {r.title}")
        click.echo(f"     {'':<9} {r.why}")
