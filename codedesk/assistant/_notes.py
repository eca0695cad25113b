"""Knowledge notes: the project's own explanations, kept as data files.

Each file in ``notes/`` holds notes separated by a line ``---``; a note is
header lines (``key: value``), a blank line and the text. See
``notes/README.md``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from .._errors import DataError
from ._records import Source

_WORD = re.compile(r"[a-z0-9]+(?:\.[a-z0-9]+)?")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "can",
        "code",
        "codes",
        "do",
        "does",
        "for",
        "how",
        "i",
        "in",
        "is",
        "it",
        "me",
        "mean",
        "means",
        "of",
        "on",
        "or",
        "the",
        "to",
        "what",
        "when",
        "which",
        "with",
    ]
)


@dataclass(frozen=True)
class KnowledgeNote:
    """One explanation written by the project, with the sources it cites."""

    id: str
    title: str
    kind: str
    terms: tuple[str, ...]
    codes: tuple[str, ...]
    sources: tuple[str, ...]
    text: str

    def source(self) -> Source:
        """The note as a source for an answer."""
        return Source(
            title=f"CodeDesk note: {self.title}", detail="; ".join(self.sources)
        )


@functools.cache
def load_notes() -> tuple[KnowledgeNote, ...]:
    """Every knowledge note shipped with the package, in file order."""
    folder = resources.files(__package__) / "notes"
    notes: list[KnowledgeNote] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md") and entry.name != "README.md":
            notes.extend(parse_notes(entry.read_text(encoding="utf-8"), entry.name))
    return tuple(notes)


def parse_notes(text: str, name: str) -> list[KnowledgeNote]:
    """The notes in one file's text.

    Raises:
        DataError: a note lacks a required header.
    """
    chunks = re.split(r"^---\s*$", text, flags=re.MULTILINE)
    return [parse_note(chunk.strip(), name) for chunk in chunks if chunk.strip()]


def parse_note(chunk: str, name: str) -> KnowledgeNote:
    """One note from its header lines and text."""
    head, _, body = chunk.partition("\n\n")
    fields = dict(_header_line(line, name) for line in head.splitlines())
    for key in ("id", "title", "kind", "source"):
        if key not in fields:
            raise DataError(f"A note in {name} has no '{key}' line.")
    return KnowledgeNote(
        id=fields["id"],
        title=fields["title"],
        kind=fields["kind"],
        terms=_split(fields.get("terms", ""), ","),
        codes=_split(fields.get("codes", ""), ","),
        sources=_split(fields["source"], "|"),
        text=reflow(body),
    )


def reflow(body: str) -> str:
    """Join wrapped lines: one line per paragraph and per ``- `` bullet."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body.strip()):
        items: list[str] = []
        for line in paragraph.splitlines():
            stripped = line.strip()
            if stripped.startswith("- ") or not items:
                items.append(stripped)
            else:
                items[-1] += " " + stripped
        blocks.append("\n".join(items))
    return "\n\n".join(blocks)


def _header_line(line: str, name: str) -> tuple[str, str]:
    key, sep, value = line.partition(":")
    if not sep:
        raise DataError(f"The note header line '{line}' in {name} has no ':'.")
    return key.strip().lower(), value.strip()


def _split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip())


def find_note(note_id: str) -> KnowledgeNote | None:
    """The note with this id, if any."""
    return next((n for n in load_notes() if n.id == note_id), None)


def notes_for_code(code: str) -> list[KnowledgeNote]:
    """Notes that name this code or modifier in their ``codes`` line."""
    wanted = code.upper()
    return [n for n in load_notes() if wanted in (c.upper() for c in n.codes)]


def search_notes(
    query: str, *, limit: int = 3, min_score: float = 1.0
) -> list[KnowledgeNote]:
    """Notes ranked by how well their terms and title match the query.

    A note must match at least a title word or a term (``min_score``); words
    that only appear in a note's text are not enough.
    """
    lowered = " " + " ".join(_WORD.findall(query.lower())) + " "
    words = set(_WORD.findall(query.lower())) - _STOP
    scored = [(score_note(n, lowered, words), i, n) for i, n in enumerate(load_notes())]
    kept = (s for s in scored if s[0] >= min_score)
    ranked = sorted(kept, key=lambda s: (-s[0], s[1]))
    return [note for _, _, note in ranked[:limit]]


def score_note(note: KnowledgeNote, lowered: str, words: set[str]) -> float:
    """Phrase matches on terms weigh most, then title and text words."""
    score = 0.0
    for term in note.terms:
        phrase = " " + " ".join(_WORD.findall(term.lower())) + " "
        if phrase.strip() and phrase in lowered:
            score += 3.0 + phrase.count(" ")
    title_words = set(_WORD.findall(note.title.lower()))
    score += 1.0 * len(words & title_words)
    score += 0.2 * len(words & set(_WORD.findall(note.text.lower())))
    return score
