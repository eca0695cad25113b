"""The guard: every code in an answer is checked against the code database.

A code-shaped token in the answer is kept when the code database says it is
in the code set on the date of service (billable or a header), or when the
user typed it in the question (the answer then explains its status). Any
other code is removed from the text and flagged, so an invented or retired
code is never shown as fact.

Text between typographic quotes (“…”) is a quotation of an official file,
not a claim: a code in it that the database has but that is not valid on the
date stays, marked "(not valid on DATE)". A code the database lacks is
removed there too.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass, field

from .._errors import CodeError, MalformedCodeError
from .._lookup import find_code_row
from .._suggest import shaped_systems
from .._validity import read_spans, status_on
from ._context import ToolContext
from ._intent import find_codes
from ._records import CodeMention

logger = logging.getLogger(__name__)

#: What replaces a removed code in the text.
REMOVED = "[code removed: not valid]"

#: A quotation of an official file, as the tools write it.
_QUOTED = re.compile(r"“[^“”]*”")

# Numbers after "locality" or "MAC" are fee schedule places, not codes.
_TOKEN = re.compile(
    r"(?<![\w.$/])(?<!locality )(?<!MAC )("
    r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?"
    r"|[0-9][0-9A-HJ-NP-Z]{6}"
    r"|[0-9]{4}[0-9FTU]"
    r")(?![\w/])",
)


@dataclass
class GuardReport:
    """The checked text, the codes it names and what was removed."""

    text: str
    codes: list[CodeMention] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


class Guard:
    """Checks code tokens against the code database, remembering verdicts."""

    def __init__(self, ctx: ToolContext) -> None:
        self.ctx = ctx
        self._typed = {_bare(code) for code in ctx.question_codes}
        self._verdicts: dict[str, CodeMention | None] = {}
        self.codes: dict[str, CodeMention] = {}
        self.flags: list[str] = []

    def check(self, text: str) -> str:
        """The text with every code that is not valid on the date removed.

        In a quotation, such a code is marked instead, unless it is no code.
        """
        parts: list[str] = []
        last = 0
        for quoted in _QUOTED.finditer(text):
            parts.append(_TOKEN.sub(self._replace, text[last : quoted.start()]))
            parts.append(_TOKEN.sub(self._mark, quoted.group()))
            last = quoted.end()
        parts.append(_TOKEN.sub(self._replace, text[last:]))
        return "".join(parts)

    def _mark(self, match: re.Match[str]) -> str:
        token = match.group(1)
        mention = self.verdict(token) if _has_digit(token) else None
        if mention is None or mention.status in ("valid", "header"):
            return self._replace(match)
        self.codes.setdefault(mention.code, mention)
        return f"{token} (not valid on {self.ctx.date})"

    def report(self, text: str) -> GuardReport:
        """Check a whole text and say what was kept and removed."""
        checked = self.check(text)
        return GuardReport(checked, list(self.codes.values()), list(self.flags))

    def _replace(self, match: re.Match[str]) -> str:
        token = match.group(1)
        if not _has_digit(token):
            return token
        mention = self.verdict(token)
        if mention is not None and (
            mention.status in ("valid", "header") or _bare(token) in self._typed
        ):
            self.codes.setdefault(mention.code, mention)
            return token
        if _bare(token) in self._typed:
            self.codes.setdefault(token, CodeMention("", token, "", "unknown"))
            return token
        self._flag(token, mention)
        return REMOVED

    def verdict(self, token: str) -> CodeMention | None:
        """The code database's record of a token on the date, or None."""
        if token not in self._verdicts:
            self._verdicts[token] = self._lookup(token)
        return self._verdicts[token]

    def _lookup(self, token: str) -> CodeMention | None:
        try:
            return quick_status(self.ctx.desk.conn, token, self.ctx.date)
        except CodeError:
            return None

    def _flag(self, token: str, mention: CodeMention | None) -> None:
        if mention is None:
            reason = "is not a code in the code database"
        else:
            reason = f"is not valid on {self.ctx.date} (status: {mention.status})"
        message = f"Removed {token}: it {reason}."
        if message not in self.flags:
            self.flags.append(message)
            logger.info("guard removed a code token (length %d)", len(token))


class GuardedStream:
    """Checks streamed text, holding back the last partial word.

    A code could be split across two chunks, so only text up to the last
    whitespace is checked and released; ``close`` releases the rest.
    """

    def __init__(self, guard: Guard) -> None:
        self.guard = guard
        self._pending = ""
        self.released: list[str] = []

    def feed(self, chunk: str) -> str:
        """The checked text that can be shown now."""
        self._pending += chunk
        cut = max(self._pending.rfind(" "), self._pending.rfind("\n"))
        # A quotation is checked whole: hold back from its opening quote.
        opening = self._pending.rfind("“", 0, cut + 1)
        if opening > self._pending.rfind("”", 0, cut + 1):
            cut = opening - 1
        if cut < 0:
            return ""
        ready, self._pending = self._pending[: cut + 1], self._pending[cut + 1 :]
        return self._release(ready)

    def close(self) -> str:
        """The checked rest of the text."""
        rest, self._pending = self._pending, ""
        return self._release(rest)

    def text(self) -> str:
        """Everything released so far."""
        return "".join(self.released)

    def _release(self, text: str) -> str:
        checked = self.guard.check(text)
        self.released.append(checked)
        return checked


def quick_status(
    conn: sqlite3.Connection, token: str, day: dt.date
) -> CodeMention | None:
    """A code's status on the date, by the same rules as lookup, but cheaper.

    Lookup also gathers a header's billable codes, notes and facts; the
    guard needs only whether the code is in the code set on the date.
    """
    for system in shaped_systems(token):
        try:
            code = system.normalize(token)
        except MalformedCodeError:
            continue
        row = find_code_row(conn, system.name, code)
        if row is not None:
            status = status_on(read_spans(conn, system.name, code), day, bool(row[6]))
            return CodeMention(system.name, code, str(row[2]), status)
    return None


def question_codes(question: str) -> tuple[str, ...]:
    """The code-shaped tokens of a question, as the guard compares them."""
    return find_codes(question)


def _has_digit(token: str) -> bool:
    """Words like ``ICD`` or ``MAC`` have the shape but no digit after the first."""
    return any(ch.isdigit() for ch in token[1:])


def _bare(code: str) -> str:
    return code.replace(".", "").upper()
