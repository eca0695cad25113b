"""The project's list of lay words and abbreviations (``synonyms.tsv``).

Each line of the file is ``phrase<TAB>clinical words``; ``#`` starts a
comment. A phrase may have several lines when it has several meanings. The
list is ours, kept conservative: it only says what words mean, never which
code to use, so every code still comes from the code sets' own text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from .._errors import DataError
from ._text import words

#: The longest phrase, in words, the list may hold.
MAX_PHRASE_WORDS = 6


@dataclass(frozen=True)
class Synonym:
    """A phrase people type and the clinical words it stands for."""

    phrase: tuple[str, ...]
    meaning: tuple[str, ...]
    text: str


@functools.cache
def synonym_table() -> dict[tuple[str, ...], tuple[Synonym, ...]]:
    """The list, keyed by the phrase's words (read once per process)."""
    text = resources.files(__package__).joinpath("synonyms.tsv").read_text("utf-8")
    return parse_synonyms(text)


def parse_synonyms(text: str) -> dict[tuple[str, ...], tuple[Synonym, ...]]:
    """Read ``synonyms.tsv`` text.

    Raises:
        DataError: a line lacks its tab or a side is empty.
    """
    table: dict[tuple[str, ...], list[Synonym]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if content:
            synonym = _parse_line(number, content)
            table.setdefault(synonym.phrase, []).append(synonym)
    return {phrase: tuple(entries) for phrase, entries in table.items()}


def _parse_line(number: int, content: str) -> Synonym:
    phrase, _, meaning = content.partition("\t")
    phrase_words, meaning_words = tuple(words(phrase)), tuple(words(meaning))
    if not phrase_words or not meaning_words or len(phrase_words) > MAX_PHRASE_WORDS:
        raise DataError(
            f"synonyms.tsv line {number} is not 'phrase<TAB>meaning': {content!r}"
        )
    return Synonym(phrase_words, meaning_words, meaning.strip())
