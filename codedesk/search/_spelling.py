"""Spelling correction against the words of the code sets.

A word the documents never use is compared with the words that share enough
of its trigrams; the closest by edit distance (adjacent swaps count as one
edit) wins, and among equals the most frequent.
"""

from __future__ import annotations

import sqlite3

from ._build import trigrams


def is_known(conn: sqlite3.Connection, word: str, *, as_prefix: bool) -> bool:
    """Whether the documents use the word (or, for a prefix, a word it starts)."""
    if as_prefix:
        row = conn.execute(
            "SELECT 1 FROM search_word WHERE word >= ? AND word < ? LIMIT 1",
            (word, word + "\uffff"),
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT 1 FROM search_word WHERE word = ?", (word,)
        ).fetchone()
    return row is not None


def allowed_edits(word: str) -> int:
    """Edits allowed for a word: none under 4 letters, two from 8."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def correct_word(conn: sqlite3.Connection, word: str) -> str | None:
    """The closest known word within the allowed edits, or None."""
    most = allowed_edits(word)
    if most == 0:
        return None
    grams = sorted(set(trigrams(word)))
    marks = ", ".join("?" for _ in grams)
    rows = conn.execute(
        f"SELECT g.word, w.freq FROM search_gram g JOIN search_word w"
        f" ON w.word = g.word WHERE g.gram IN ({marks})"
        f" GROUP BY g.word HAVING count(*) >= ?"
        f" ORDER BY count(*) DESC, w.freq DESC LIMIT 40",
        (*grams, max(1, len(grams) - 3 * most)),
    ).fetchall()
    best: tuple[int, int, str] | None = None
    for candidate, freq in rows:
        if abs(len(candidate) - len(word)) > most:
            continue
        distance = edit_distance(word, candidate, most)
        if distance <= most and (best is None or (distance, -freq) < best[:2]):
            best = (distance, -freq, candidate)
    return best[2] if best else None


def edit_distance(a: str, b: str, most: int) -> int:
    """Optimal string alignment distance, or ``most + 1`` once it exceeds most."""
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            swapped = i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]
            if swapped and before is not None:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, previous = previous, current
    return previous[-1]
