"""``codedesk ask``: a coding question, answered from the desk's own data."""

from __future__ import annotations

import datetime as dt
import sys

import click

from .._desk import Desk
from ..assistant import (
    Answer,
    DoneEvent,
    ModelClient,
    StepEvent,
    TextEvent,
    config_from_env,
    stream_answer,
)
from ._common import (
    date_option,
    db_option,
    echo_json,
    json_option,
    open_desk,
    parse_date,
)


@click.command()
@click.argument("question")
@date_option
@json_option
@db_option
@click.option("--steps", is_flag=True, help="Show each tool step on stderr.")
def ask(
    question: str, date_text: str | None, as_json: bool, db: str | None, steps: bool
) -> None:
    """Answer a coding QUESTION with sources, from the code database.

    Examples: "Is E78.0 billable?", "What does modifier 25 mean?",
    "Can 97530 and 97140 be billed together?". Without --date the question's
    own date, else today, is the date of service. With CODEDESK_LLM_URL set,
    a model writes the prose around the same tool results; every code in the
    answer is checked against the code database either way.
    """
    desk = open_desk(db)
    day = parse_date(date_text) if date_text else None
    config = config_from_env()
    model = ModelClient(config) if config else None

    try:
        answer = _run(desk, question, day, model, stream=not as_json, steps=steps)
    finally:
        if model is not None:
            model.close()

    if as_json:
        echo_json(answer.to_json())
    else:
        _echo_tail(answer)


def _run(
    desk: Desk,
    question: str,
    day: dt.date | None,
    model: ModelClient | None,
    *,
    stream: bool,
    steps: bool,
) -> Answer:
    final: Answer | None = None
    for event in stream_answer(desk, question, date=day, model=model):
        if isinstance(event, StepEvent) and steps and event.done:
            click.echo(f"[{event.step.tool}] {event.step.summary}", err=True)
        elif isinstance(event, TextEvent) and stream:
            sys.stdout.write(event.text)
            sys.stdout.flush()
        elif isinstance(event, DoneEvent):
            final = event.answer
    if final is None:
        raise click.ClickException("The assistant produced no answer.")
    return final


def _echo_tail(answer: Answer) -> None:
    click.echo("")
    if answer.sources:
        click.echo("")
        click.echo("Sources:")
        for number, source in enumerate(answer.sources, start=1):
            click.echo(f"[{number}] {source.label()}")
    for flag in answer.flags:
        click.echo(f"Note: {flag}")
