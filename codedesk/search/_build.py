"""Build the search tables once every code system has loaded.

Steps:

1. Gather documents: every code's title (from ``code``) and every ``term``
   row (titles, inclusion terms, index entries...) whose code exists, into
   ``search_doc``, each with its words and the word keys used for ranking.
   Documents are stored most concise first (fewest essential words, then
   by field), so a query that stops after the first few hundred matches in
   row order has read the most precise ones.
2. Index them in the FTS5 table ``search_fts`` (Porter stemmer, accents
   folded, prefix indexes for autocomplete).
3. Count each word of the documents into ``search_word``, and split each
   word into trigrams in ``search_gram``, for spelling correction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator

from ._text import keys_of, words

logger = logging.getLogger(__name__)

SEARCH_SCHEMA = """
CREATE TABLE search_doc (
    id INTEGER PRIMARY KEY,
    system TEXT NOT NULL,
    code TEXT NOT NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    path TEXT,
    keys TEXT NOT NULL,
    words TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    text,
    content = 'search_doc',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);
CREATE TABLE search_word (
    word TEXT PRIMARY KEY,
    freq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE search_gram (
    gram TEXT NOT NULL,
    word TEXT NOT NULL,
    PRIMARY KEY (gram, word)
) WITHOUT ROWID;
"""

#: Fields from most to least telling: a title says what the code is.
FIELD_ORDER = (
    "title",
    "licensed",
    "short_title",
    "inclusion_term",
    "index",
    "external_cause",
    "drug",
    "neoplasm",
    "synonym",
)

#: Levels of a hierarchy that group codes but are not codes themselves.
GROUPING_KINDS = ("chapter", "block", "section", "body_system")

_TITLES = """
SELECT system, code, 'title', title, NULL FROM code
WHERE kind NOT IN ({kinds}) AND title != ''
"""

# Term rows that repeat a code's title are left out: the title is already in.
_TERMS = """
SELECT t.system, t.code, t.source, t.text, t.path FROM term t
WHERE EXISTS (
    SELECT 1 FROM code c
    WHERE c.code = t.code AND c.system = t.system AND c.kind NOT IN ({kinds})
)
AND NOT (t.source = 'title' AND EXISTS (
    SELECT 1 FROM code c
    WHERE c.code = t.code AND c.system = t.system AND c.title = t.text
))
"""


def build_search(conn: sqlite3.Connection) -> None:
    """Fill the search tables from ``code`` and ``term`` (see module steps).

    Safe to run again on a built database (a CPT import does, inside its
    own transaction): missing tables are created and old rows replaced.
    """
    _reset_tables(conn)
    kinds = ", ".join(f"'{kind}'" for kind in GROUPING_KINDS)
    rows = [
        *conn.execute(_TITLES.format(kinds=kinds)),
        *conn.execute(_TERMS.format(kinds=kinds)),
    ]
    docs: list[_Row] = sorted(_with_keys(rows), key=_conciseness)
    conn.executemany(
        "INSERT INTO search_doc (system, code, field, text, path, keys, words)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        docs,
    )
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    _fill_words(conn, (row[3] for row in rows))
    logger.info("search index built over %d documents", len(rows))


_Row = tuple[str, str, str, str, str | None, str, str]


def _reset_tables(conn: sqlite3.Connection) -> None:
    # One statement at a time: executescript would commit the caller's
    # transaction.
    existing = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    for statement in SEARCH_SCHEMA.split(";"):
        words = statement.split()
        if words and words[words.index("TABLE") + 1] not in existing:
            conn.execute(statement)
    for table in ("search_doc", "search_word", "search_gram"):
        conn.execute(f"DELETE FROM {table}")


def _with_keys(
    rows: Iterable[tuple[str, str, str, str, str | None]],
) -> Iterator[_Row]:
    for system, code, field, text, path in rows:
        keys = " ".join(sorted(keys_of(text)))
        yield system, code, field, text, path, keys, " ".join(sorted(set(words(text))))


def _conciseness(row: _Row) -> tuple[int, int, int]:
    field_rank = (
        FIELD_ORDER.index(row[2]) if row[2] in FIELD_ORDER else len(FIELD_ORDER)
    )
    return len(row[5].split()), field_rank, len(row[3])


def _fill_words(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in words(text) if w.isalpha() and len(w) >= 3)
    conn.executemany(
        "INSERT INTO search_word (word, freq) VALUES (?, ?)", counts.items()
    )
    conn.executemany(
        "INSERT INTO search_gram (gram, word) VALUES (?, ?)",
        ((gram, word) for word in counts for gram in set(trigrams(word))),
    )


def trigrams(word: str) -> list[str]:
    """The word's three-letter pieces, with its start and end marked by ``$``."""
    padded = f"${word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]
