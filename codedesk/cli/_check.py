"""``codedesk check``, ``codedesk edits`` and ``codedesk data import-edits``."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import click

from .._db import default_path
from .._errors import ClaimError, InputError
from ..edits import (
    IMPORT_KINDS,
    Checker,
    CheckReport,
    Finding,
    PairAnswer,
    PtpEdit,
    SourceRef,
    claim_from_json,
    import_edits,
    pair_edits,
    parse_setting,
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
@click.argument("claim_file", metavar="CLAIM.json", required=False)
@click.option(
    "--batch",
    "batch_file",
    metavar="FILE.jsonl",
    help="Check one claim per line; print one JSON report per line.",
)
@json_option
@db_option
def check(
    claim_file: str | None, batch_file: str | None, as_json: bool, db: str | None
) -> None:
    """Check a claim against NCCI, add-on, MUE and ICD-10-CM edits.

    CLAIM.json holds one claim (see docs/claims.md); give - to read stdin.
    Each finding names its rule, severity, lines, source row and fix.
    """
    if (claim_file is None) == (batch_file is None):
        raise InputError(
            "Give either CLAIM.json or --batch FILE.jsonl.",
            hint="Example: codedesk check claim.json",
        )
    checker = Checker(open_desk(db).conn)
    if batch_file is not None:
        with _open(batch_file) as handle:
            check_batch(checker, handle)
        return
    name = claim_file or "-"
    with _open(name) as handle:
        text = decode_text(handle.read(), name)
    report = checker.check(claim_from_json(text))
    if as_json:
        echo_json(report.to_dict())
    else:
        click.echo(format_report(report))


def _open(name: str) -> IO[bytes]:
    """Open a claim file (or stdin for ``-``) as bytes, naming what is wrong."""
    if name == "-":
        return sys.stdin.buffer
    path = Path(name)
    if path.is_dir():
        raise InputError(
            f"{name} is a folder, not a claim file.",
            hint="Give the path of a JSON file inside it.",
        )
    if not path.is_file():
        raise InputError(
            f"No claim file at {name}.", hint="Give the path of a JSON file."
        )
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(
            f"Cannot read {name}: {error.strerror}.",
            hint="Check the file's permissions.",
        ) from None


def decode_text(data: bytes, name: str) -> str:
    """Claim text from bytes; a non-UTF-8 or empty file is an ``InputError``."""
    shown = "standard input" if name == "-" else name
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{shown} is not UTF-8 text (byte {error.start + 1} is"
            f" 0x{data[error.start]:02x}).",
            hint="Save it as UTF-8 and try again.",
        ) from None
    if not text.strip():
        raise InputError(
            f"{shown} is empty.", hint="See docs/claims.md for the claim layout."
        )
    return text


#: Allocations between collections of the youngest generation during a batch.
_GC_THRESHOLD = 20_000


def check_batch(checker: Checker, handle: IO[bytes]) -> None:
    """One JSON report per input line; a bad line gets an error object."""
    # One encoder for the batch; reports hold no cycles, so skip that check.
    encode = json.JSONEncoder(
        ensure_ascii=False, default=str, check_circular=False
    ).encode
    out = sys.stdout
    with _few_collections():
        for number, data in enumerate(handle, 1):
            if not data.strip():
                continue
            out.write(encode(_check_line(checker, data, number)) + "\n")
            out.flush()


@contextmanager
def _few_collections() -> Iterator[None]:
    # Reports hold no reference cycles, so reference counting frees them;
    # the cycle collector would only rescan the checker's caches each time
    # a claim's objects pass the default threshold of 700.
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _check_line(checker: Checker, data: bytes, number: int) -> dict[str, object]:
    try:
        text = data.decode("utf-8-sig" if number == 1 else "utf-8")
        return checker.check(claim_from_json(text)).to_dict()
    except UnicodeDecodeError as error:
        message = (
            f"The line is not UTF-8 text (byte {error.start + 1} is"
            f" 0x{data[error.start]:02x}); save the file as UTF-8."
        )
    except ClaimError as error:
        message = error.message
    return {"line": number, "error": message}


def format_report(report: CheckReport) -> str:
    """A claim report as text: a header, each finding, a tally."""
    claim = report.claim
    lines = [
        f"Claim for {claim.date.isoformat()} ({claim.setting}):"
        f" {_count(len(claim.lines), 'line', 'lines')},"
        f" {_count(len(claim.diagnoses), 'diagnosis', 'diagnoses')}"
    ]
    for finding in report.findings:
        lines += _finding_text(finding)
    tally = {s: 0 for s in ("deny", "review", "info")}
    for finding in report.findings:
        tally[finding.severity] += 1
    lines.append(", ".join(f"{n} {s}" for s, n in tally.items()))
    return "\n".join(lines)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _finding_text(finding: Finding) -> list[str]:
    where = ""
    if finding.lines:
        where = "lines " + ",".join(map(str, finding.lines))
    elif finding.diagnoses:
        where = "dx " + ",".join(map(str, finding.diagnoses))
    text = [f"{finding.severity.upper():6} {finding.rule:19} {where}".rstrip()]
    text.append(f"       {finding.message}")
    if finding.fix:
        text.append(f"       fix: {finding.fix}")
    if finding.source:
        text.append(f"       source: {cite(finding.source)}")
    return text


def cite(source: SourceRef) -> str:
    """A source row as one line of text."""
    parts = [f"{source.release} [{source.file}]"]
    if source.row:
        parts.append(", ".join(f"{k}={v}" for k, v in source.row.items()))
    if source.effective_from or source.effective_to:
        parts.append(
            f"in effect {source.effective_from or '…'}"
            f" to {source.effective_to or 'now'}"
        )
    if source.modifier_indicator is not None:
        parts.append(f"modifier indicator {source.modifier_indicator}")
    return "; ".join(parts)


@click.command()
@click.argument("code1")
@click.argument("code2")
@date_option
@click.option(
    "--setting",
    "setting_text",
    default="practitioner",
    show_default=True,
    metavar="S",
    help="practitioner, facility or dme.",
)
@json_option
@db_option
def edits(
    code1: str,
    code2: str,
    date_text: str | None,
    setting_text: str,
    as_json: bool,
    db: str | None,
) -> None:
    """Show the NCCI edits between two codes, both ways round."""
    day = parse_date(date_text)
    setting = parse_setting(setting_text)

    answer = pair_edits(open_desk(db).conn, code1, code2, day, setting)

    if as_json:
        echo_json(answer.to_dict())
    else:
        click.echo(format_pair(answer))


def format_pair(answer: PairAnswer) -> str:
    """A pair answer as text."""
    head = (
        f"{answer.code1} and {answer.code2} on {answer.date.isoformat()}"
        f" ({answer.setting})"
    )
    lines = [head, *answer.notes]
    if not answer.ptp:
        lines.append("No PTP edit between them is in effect on this date.")
    lines += [_ptp_text(edit) for edit in answer.ptp]
    if answer.other_dates:
        lines.append("In effect on other dates:")
        lines += ["  " + _ptp_text(edit) for edit in answer.other_dates]
    for addon in answer.addon:
        lines.append(
            f"Add-on: {addon.addon_code} (type {addon.aoc_type}) lists"
            f" {addon.primary_code} as a primary code."
        )
    return "\n".join(lines)


def _ptp_text(edit: PtpEdit) -> str:
    meaning = {
        0: "no modifier allowed",
        1: "an NCCI-associated modifier on the column 2 line bypasses it",
        9: "not an edit",
    }[edit.modifier_indicator]
    return (
        f"column 1 {edit.column1}, column 2 {edit.column2}: modifier indicator"
        f" {edit.modifier_indicator} ({meaning}); in effect {edit.effective_from}"
        f" to {edit.effective_to or 'now'}; {edit.source.release} [{edit.source.file}]"
    )


@click.command("import-edits")
@click.argument("kind", type=click.Choice(sorted(IMPORT_KINDS)), metavar="KIND")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def import_edits_command(kind: str, file: Path, db: str | None) -> None:
    """Import a CMS edit release (PTP, MUE or add-on) into the code database.

    KIND is one of: aoc, mue-dme, mue-hospital, mue-practitioner,
    ptp-hospital, ptp-practitioner. FILE is the CMS file as published (zip,
    text or CSV). The database is replaced only when the import succeeds.
    """
    path = Path(db) if db else default_path()

    release = import_edits(path, kind, file)

    click.echo(f"Imported {release.rows:,} rows of {release.name} from {file.name}.")
