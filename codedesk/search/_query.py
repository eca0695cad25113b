"""Read a query: a code or code prefix, words, abbreviations, misspellings.

Steps:

1. A query of one code-shaped token (letters and digits with at least one
   digit, an optional dot) is also tried as a code and as a code prefix.
2. Words the documents never use are corrected to the closest word they do
   use (``diabetis`` reads as ``diabetes``), unless the synonym list knows
   them (``htn``).
3. Phrases in the synonym list (``heart attack``, ``chf``) become concepts
   that match either the words typed or the clinical words they stand for.
4. Stop words are dropped; each remaining word is a concept of its own. The
   last word, when the query does not end in a space, may be incomplete and
   is matched as a prefix (autocomplete).
"""

from __future__ import annotations

import functools
import itertools
import re
import sqlite3
from dataclasses import dataclass

from ._spelling import correct_word, is_known
from ._synonyms import MAX_PHRASE_WORDS, Synonym, synonym_table
from ._text import STOP_WORDS, words, words_as_typed

#: Words of a query that are read; a longer sentence is cut there.
MAX_WORDS = 40

_LIST_SEPARATOR = re.compile(r"[\s,;]+")
_CODE_SHAPE = re.compile(r"^(?=[A-Z0-9.]*[0-9])[A-Z0-9]{1,4}\.?[A-Z0-9]{0,4}$")


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for, and the word groups that express it.

    A document expresses the concept when it has every word of one of the
    ``alternatives``; the first alternative is what was typed.
    """

    typed: str
    alternatives: tuple[tuple[str, ...], ...]
    prefix: bool = False
    note: str = ""


@dataclass(frozen=True)
class QueryPlan:
    """What a query asks for: code forms to try and word concepts."""

    text: str
    code_forms: tuple[str, ...]
    concepts: tuple[Concept, ...]
    listed_codes: tuple[tuple[str, ...], ...] = ()


def plan_query(conn: sqlite3.Connection, query: str) -> QueryPlan:
    """Read a query (see the module steps)."""
    typed = words(query)[:MAX_WORDS]
    open_end = bool(query) and not query[-1].isspace()
    last = len(typed) - 1
    corrected = [
        _corrected(conn, word, i == last and open_end) for i, word in enumerate(typed)
    ]
    shown = words_as_typed(query)[:MAX_WORDS]
    if len(shown) != len(typed):
        shown = typed
    concepts = _concepts(shown, corrected, open_end)
    unique = {c.alternatives: c for c in reversed(concepts)}
    kept = tuple(c for c in concepts if unique[c.alternatives] is c)
    return QueryPlan(query.strip(), code_forms(query), kept, listed_codes(query))


def listed_codes(query: str) -> tuple[tuple[str, ...], ...]:
    """For a query of two or more code-shaped tokens (``i219 i10``,
    ``99213, 97140``), each token's code forms in the order typed."""
    tokens = [t for t in _LIST_SEPARATOR.split(query) if t]
    forms = [code_forms(token) for token in tokens]
    if len(tokens) < 2 or not all(forms):
        return ()
    return tuple(forms)


def code_forms(query: str) -> tuple[str, ...]:
    """The ways a code-shaped query may be written in the code sets."""
    text = query.strip().upper()
    if not _CODE_SHAPE.match(text):
        return ()
    bare = text.replace(".", "")
    forms = [bare]
    if len(bare) > 3 and bare[0].isalpha():
        forms.append(f"{bare[:3]}.{bare[3:]}")
    return tuple(forms)


@functools.cache
def _synonym_words() -> frozenset[str]:
    return frozenset(w for phrase in synonym_table() for w in phrase)


def _corrected(conn: sqlite3.Connection, word: str, last: bool) -> str:
    if not word.isalpha() or word in STOP_WORDS or word in _synonym_words():
        return word
    if is_known(conn, word, as_prefix=last):
        return word
    return correct_word(conn, word) or word


def _concepts(shown: list[str], corrected: list[str], open_end: bool) -> list[Concept]:
    concepts: list[Concept] = []
    table = synonym_table()
    i = 0
    while i < len(corrected):
        size = _phrase_at(corrected, i)
        if size:
            phrase = tuple(corrected[i : i + size])
            typed = " ".join(shown[i : i + size])
            concepts.append(_synonym_concept(phrase, typed, table[phrase]))
            i += size
            continue
        word, original = corrected[i], shown[i]
        last = i == len(corrected) - 1
        if word not in STOP_WORDS:
            concepts.append(_word_concept(original, word, last and open_end))
        i += 1
    return concepts


def _phrase_at(tokens: list[str], start: int) -> int:
    table = synonym_table()
    for size in range(min(MAX_PHRASE_WORDS, len(tokens) - start), 0, -1):
        if tuple(tokens[start : start + size]) in table:
            return size
    return 0


def _synonym_concept(
    phrase: tuple[str, ...], typed: str, synonyms: tuple[Synonym, ...]
) -> Concept:
    meanings = [s.meaning for s in synonyms]
    texts = " or ".join(s.text for s in synonyms)
    return Concept(
        typed=typed,
        alternatives=(phrase, *meanings),
        note=f"'{typed}' means {texts}",
    )


def _word_concept(original: str, word: str, open_end: bool) -> Concept:
    if word != original.lower():
        return Concept(original, ((word,),), note=f"read '{original}' as '{word}'")
    prefix = open_end and word.isalpha() and len(word) >= 3
    return Concept(word, ((word,),), prefix=prefix)


def match_expression(concepts: tuple[Concept, ...]) -> str:
    """An FTS5 query: every concept, each by any of its alternatives."""
    return " AND ".join(_concept_expression(c) for c in concepts)


def relaxed_expressions(
    conn: sqlite3.Connection, concepts: tuple[Concept, ...]
) -> list[str]:
    """FTS5 queries that each ask for most of the concepts, at most ten.

    For a short query, every way of leaving one concept out; then each pair
    of the four rarest concepts, then the three rarest alone. Rarity is the
    count of documents using the concept's rarest word, so a sentence from
    a note is searched by its telling words rather than its common ones.
    """
    rarest = sorted(concepts, key=lambda c: _frequency(conn, c))
    subsets: list[tuple[Concept, ...]] = []
    if len(concepts) <= 4:
        subsets += itertools.combinations(concepts, len(concepts) - 1)
    subsets += itertools.combinations(rarest[:4], 2)
    subsets += [(concept,) for concept in rarest[:3]]
    unique = dict.fromkeys(frozenset(s) for s in subsets if s)
    return [match_expression(tuple(s)) for s in list(unique)[:10]]


def _frequency(conn: sqlite3.Connection, concept: Concept) -> int:
    """How many documents use the concept's rarest word (unknown: last)."""
    counts = []
    for alternative in concept.alternatives:
        found = [
            conn.execute("SELECT freq FROM search_word WHERE word = ?", (w,)).fetchone()
            for w in alternative
        ]
        counts.append(min((row[0] for row in found if row), default=1 << 30))
    return min(counts)


def _concept_expression(concept: Concept) -> str:
    groups = []
    for alternative in concept.alternatives:
        terms = [f'"{w}"' for w in alternative]
        if concept.prefix and len(alternative) == 1:
            terms = [f'"{alternative[0]}"*']
        groups.append("(" + " ".join(terms) + ")")
    return "(" + " OR ".join(groups) + ")"
