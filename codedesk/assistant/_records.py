"""Typed records the assistant returns: answers, sources, tool steps, events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: Question kinds the intent recogniser knows, most specific first.
KINDS: tuple[str, ...] = (
    "pair",
    "claim",
    "mue",
    "addon",
    "fee",
    "replacement",
    "modifier",
    "children",
    "billable",
    "guideline",
    "which_code",
    "define",
    "glossary",
    "unknown",
)


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a release row, a guideline, a note.

    ``system`` and ``code`` are set when the source is a code's own row, so
    a page can link to it.
    """

    title: str
    detail: str = ""
    system: str | None = None
    code: str | None = None

    def label(self) -> str:
        """One line naming the source."""
        return f"{self.title}: {self.detail}" if self.detail else self.title


@dataclass(frozen=True)
class Finding:
    """One fact a tool found, with its source."""

    text: str
    source: Source


@dataclass(frozen=True)
class CodeMention:
    """A code an answer names, as the guard saw it."""

    system: str
    code: str
    title: str
    status: str


@dataclass
class ToolResult:
    """What one tool call returned.

    ``missing`` says what data the tool would need but the build lacks;
    ``data`` is the JSON the model sees.
    """

    tool: str
    findings: list[Finding] = field(default_factory=list)
    codes: list[CodeMention] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def add(self, text: str, source: Source) -> None:
        """Record one finding."""
        self.findings.append(Finding(text, source))


@dataclass(frozen=True)
class ToolStep:
    """A tool the assistant ran, its arguments and a one-line outcome."""

    tool: str
    arguments: dict[str, Any]
    summary: str
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class Intent:
    """What the question asks, and the codes, dates, places it names."""

    kind: str
    system: str | None = None
    codes: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    date: dt.date | None = None
    setting: str | None = None
    state: str | None = None
    topic: str = ""
    topic_raw: str = ""


@dataclass
class Answer:
    """The assistant's answer: text, its sources and how it was reached.

    ``known`` is False when the answer is an honest "I don't know";
    ``flags`` lists what the guard removed or doubted.
    """

    question: str
    text: str
    date: dt.date
    kind: str
    engine: str
    known: bool = True
    sources: list[Source] = field(default_factory=list)
    codes: list[CodeMention] = field(default_factory=list)
    steps: list[ToolStep] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict, the same for the CLI and the API."""
        return {
            "question": self.question,
            "text": self.text,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "engine": self.engine,
            "known": self.known,
            "sources": [source_json(s) for s in self.sources],
            "codes": [c.__dict__ for c in self.codes],
            "steps": [step_json(s) for s in self.steps],
            "flags": self.flags,
            "missing": self.missing,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }


def source_json(source: Source) -> dict[str, Any]:
    """A source as JSON."""
    return {
        "title": source.title,
        "detail": source.detail,
        "system": source.system,
        "code": source.code,
    }


def step_json(step: ToolStep) -> dict[str, Any]:
    """A tool step as JSON."""
    return {
        "tool": step.tool,
        "arguments": step.arguments,
        "summary": step.summary,
        "elapsed_ms": round(step.elapsed_ms, 1),
    }


@dataclass(frozen=True)
class StepEvent:
    """Streamed when a tool starts (``done`` False) or finishes."""

    step: ToolStep
    done: bool


@dataclass(frozen=True)
class TextEvent:
    """Streamed as the answer's text forms."""

    text: str


@dataclass(frozen=True)
class DoneEvent:
    """The last event: the whole checked answer."""

    answer: Answer


Event = StepEvent | TextEvent | DoneEvent
