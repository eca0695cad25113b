"""Rank codes for a query and say why each matched.

Steps:

1. Read the query (:mod:`._query`): code forms, concepts, corrections.
2. Code hits: the exact code first, then codes that start with the prefix.
3. Word hits: FTS5 finds documents that have every concept (and, when
   that finds too few, most of them: see ``relaxed_expressions``); each
   is scored by how many concepts it covers, how much of the document the
   query accounts for, and which field it is (title > inclusion term >
   index > synonym).
4. Per code, the best document counts, plus a little for each other field
   that agrees. Each seventh-character family is shown once, and without
   an encounter named its A code leads (:mod:`._families`).
5. The best codes are checked against the date of service: billable codes
   rise, headers stay, codes not valid on the date sink (and with
   ``billable_only`` anything not billable on the date is dropped).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field, replace

from .._errors import InputError
from .._records import SYSTEMS, SearchResult
from ._build import GROUPING_KINDS
from ._dating import CodeState, code_states
from ._families import names_encounter, rank_families
from ._query import (
    Concept,
    QueryPlan,
    match_expression,
    plan_query,
    relaxed_expressions,
)
from ._text import fold, normalize_query, word_key, words

#: Most results one search returns.
MAX_LIMIT = 500
#: Longest query, in characters (a paragraph of a note).
MAX_QUERY = 1000
#: Documents read from the full-text index per query.
_CANDIDATES = 120
#: Documents read per relaxed expression when too few match every concept.
_RELAXED_CANDIDATES = 80

#: What a prefix (autocomplete) match is worth against 1.0 for the word.
_PREFIX_WORTH = 0.4

#: Points for the field a document comes from (title > inclusion > index).
FIELD_POINTS: dict[str, float] = {
    "title": 10.0,
    "licensed": 10.0,
    "short_title": 9.0,
    "inclusion_term": 8.0,
    "index": 7.0,
    "external_cause": 5.0,
    "drug": 5.0,
    "neoplasm": 5.0,
    "synonym": 4.0,
}
_FIELD_LABELS: dict[str, str] = {
    "index": "Index",
    "external_cause": "External Cause Index",
    "drug": "Table of Drugs",
    "neoplasm": "Table of Neoplasms",
}
_WORD_FIELD_NAMES: dict[str, str] = {"licensed": "CPT descriptor"}
_ACCIDENTAL = "poisoning, accidental (unintentional)"
_ORIGINAL_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass
class _Hit:
    system: str
    code: str
    score: float
    why: list[str]
    fields: set[str] = field(default_factory=set)
    doc: _Doc | None = None
    matched: frozenset[str] = frozenset()

    def reasons(self) -> list[str]:
        """Why the code matched, best document first, each reason once."""
        first = [_why(self.doc, self.matched)] if self.doc is not None else []
        return list(dict.fromkeys([*first, *self.why]))


@dataclass(frozen=True)
class _Doc:
    id: int
    system: str
    code: str
    field: str
    text: str
    path: str | None
    keys: frozenset[str]
    words: frozenset[str]


def search_codes(
    conn: sqlite3.Connection,
    query: str,
    *,
    system: str | None,
    date: dt.date,
    limit: int,
    billable_only: bool,
) -> list[SearchResult]:
    """Rank codes for a query: a code, a prefix, words or a sentence.

    Raises:
        InputError: the query is empty, the limit is not 1 to 500, or the
            system is not one CodeDesk knows.
    """
    query = normalize_query(query)
    check_search_input(query, system, limit)
    plan = plan_query(conn, query)
    hits: dict[tuple[str, str], _Hit] = {}
    size = limit * 3 + 60 if billable_only else limit + 15
    for hit in _listed_code_hits(conn, plan, system):
        hits.setdefault((hit.system, hit.code), hit)
    for hit in _code_hits(conn, plan, system, max(size, 120), billable_only):
        hits.setdefault((hit.system, hit.code), hit)
    candidates = list(hits.values())
    if not hits:
        for hit in _word_hits(conn, plan, system, limit):
            _merge(hits, hit)
        named = names_encounter(words(query))
        candidates = rank_families(list(hits.values()), named)
    shortlist = sorted(candidates, key=lambda h: -h.score)[:size]
    states = code_states(conn, [(h.system, h.code) for h in shortlist], date)
    ranked = [
        (_dated_score(hit, state), hit, state)
        for hit in shortlist
        if (state := states.get((hit.system, hit.code))) is not None
        and (state.valid and state.billable or not billable_only)
    ]
    ranked.sort(key=lambda r: (-r[0], len(r[2].title), r[1].code))
    return [_result(hit, state, score, date) for score, hit, state in ranked[:limit]]


def check_search_input(query: str | None, system: str | None, limit: int) -> None:
    """Refuse an empty query, a limit outside 1..500, an unknown system.

    ``query`` None checks only the options (a batch checks them up front).
    """
    if query is not None and not query.strip():
        raise InputError(
            "The search query is empty.",
            hint="Type a code, a code prefix or words, e.g. 'K92.2' or 'heart attack'.",
        )
    if query is not None and len(query) > MAX_QUERY:
        raise InputError(
            f"The search query is {len(query):,} characters long;"
            f" search reads at most {MAX_QUERY:,}.",
            hint="Search for the sentence that names the condition or procedure.",
        )
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(
            f"The limit {limit} is not between 1 and {MAX_LIMIT}.",
            hint="Ask for 1 to 500 results, e.g. --limit 20.",
        )
    if system is not None and system not in SYSTEMS:
        raise InputError(
            f"'{system}' is not a code system.",
            hint="Use one of: " + ", ".join(SYSTEMS) + ".",
        )


def _code_hits(
    conn: sqlite3.Connection,
    plan: QueryPlan,
    system: str | None,
    size: int,
    billable_only: bool,
) -> list[_Hit]:
    """The typed code and the codes under it; failing that, the codes under
    the longest part of it that is a code prefix (a mistyped last character).
    """
    for cut in range(0, 4):
        hits = []
        for form in plan.code_forms:
            stem = form[: len(form) - cut].rstrip(".")
            if len(stem) < 3:
                continue
            for order, row in enumerate(_codes_from(conn, stem, size, billable_only)):
                if row[2] not in GROUPING_KINDS and system in (None, row[0]):
                    hits.append(_code_hit(row[0], row[1], stem, order, form))
        if hits or not plan.code_forms:
            return hits
    return []


def _listed_code_hits(
    conn: sqlite3.Connection, plan: QueryPlan, system: str | None
) -> list[_Hit]:
    """The codes of a list of codes (``I21.9 I10``, ``99213, 97140``), in the
    order typed, above anything else the search finds."""
    hits = []
    for order, forms in enumerate(plan.listed_codes):
        marks = ",".join("?" * len(forms))
        rows = conn.execute(
            f"SELECT system, code, kind FROM code WHERE code IN ({marks})", forms
        )
        for found_system, code, kind in rows:
            if kind not in GROUPING_KINDS and system in (None, found_system):
                score = 3000.0 - 100 * order
                hits.append(_Hit(found_system, code, score, [f"code is {code}"]))
    return hits


def _codes_from(
    conn: sqlite3.Connection, stem: str, size: int, billable_only: bool
) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT system, code, kind FROM code WHERE code >= ? AND code < ?"
        + (" AND billable = 1" if billable_only else "")
        + " ORDER BY length(code), code LIMIT ?",
        (stem, stem + "\uffff", size),
    )
    return [(system, code, kind) for system, code, kind in rows]


def _code_hit(system: str, code: str, stem: str, order: int, typed: str) -> _Hit:
    if code == stem == typed:
        return _Hit(system, code, 1000.0, [f"code is {code}"], {"code"})
    why = f"code starts with {stem}"
    if stem != typed:
        why += f" (there is no code {typed})"
    extra = len(code.replace(".", "")) - len(stem.replace(".", ""))
    score = (500.0 if stem == typed else 400.0) - 5 * extra - order / 100
    return _Hit(system, code, score, [why], {"code"})


def _word_hits(
    conn: sqlite3.Connection, plan: QueryPlan, system: str | None, limit: int
) -> list[_Hit]:
    if not plan.concepts:
        return []
    docs = _find_docs(conn, match_expression(plan.concepts), system, _CANDIDATES)
    if any(c.prefix for c in plan.concepts):
        # The prefix expression reads the shortest documents first, which
        # may all be longer words (``heart`` → Heartburn): read the
        # documents with the completed word too, so they can outrank them.
        exact = tuple(replace(c, prefix=False) for c in plan.concepts)
        docs = _find_docs(conn, match_expression(exact), system, _CANDIDATES) + docs
    if len(plan.concepts) > 1 and len({(d.system, d.code) for d in docs}) < limit:
        for expression in relaxed_expressions(conn, plan.concepts):
            docs += _find_docs(conn, expression, system, _RELAXED_CANDIDATES)
    unique = {doc.id: doc for doc in docs}
    return [_score(doc, plan.concepts) for doc in unique.values()]


def _find_docs(
    conn: sqlite3.Connection, expression: str, system: str | None, most: int
) -> list[_Doc]:
    """Documents matching an FTS5 expression, most concise first.

    Documents are stored most concise first, so reading the first matches in
    row order reads the most precise ones without ranking every match.
    """
    sql = (
        "SELECT d.id, d.system, d.code, d.field, d.text, d.path, d.keys, d.words"
        " FROM search_fts"
        " JOIN search_doc d ON d.id = search_fts.rowid WHERE search_fts MATCH ?"
    )
    params: list[object] = [expression]
    if system is not None:
        sql += " AND d.system = ?"
        params.append(system)
    sql += " LIMIT ?"
    params.append(most)
    rows = conn.execute(sql, params).fetchall()
    return [_doc_of(row) for row in rows]


def _doc_of(row: sqlite3.Row | tuple[str, ...]) -> _Doc:
    doc_id, system, code, field_name, text, path, keys, doc_words = row
    return _Doc(
        int(doc_id),
        system,
        code,
        field_name,
        text,
        path,
        frozenset(keys.split()),
        frozenset(doc_words.split()),
    )


def _score(doc: _Doc, concepts: tuple[Concept, ...]) -> _Hit:
    doc_words = doc.words
    doc_keys = doc.keys
    matched: set[str] = set()
    points = 0.0
    notes = []
    for concept in concepts:
        worth, keys, used_meaning = _match(concept, doc_keys, doc_words)
        points += worth
        matched |= keys
        if used_meaning and concept.note or worth and concept.note:
            notes.append(concept.note)
    coverage = points / len(concepts)
    precision = len(matched & doc.keys) / max(1, len(doc.keys))
    score = 60 * coverage + 25 * precision + FIELD_POINTS.get(doc.field, 4.0)
    score -= min(len(doc.text), 200) / 1000
    if doc.field == "drug" and _ACCIDENTAL in doc.text:
        # Guidelines I.C.19.e.5(b): a poisoning of unknown intent is coded
        # as accidental, so that column is the default reading.
        score += 1.0
    return _Hit(
        doc.system, doc.code, score, notes, {doc.field}, doc, frozenset(matched)
    )


def _match(
    concept: Concept, doc_keys: frozenset[str], doc_words: frozenset[str]
) -> tuple[float, set[str], bool]:
    """How well a document expresses a concept, the keys it used, and whether
    it did so through the concept's meaning rather than the words typed."""
    for number, alternative in enumerate(concept.alternatives):
        keys = {word_key(w) for w in alternative}
        if keys <= doc_keys or set(alternative) <= doc_words:
            return (1.0 if number == 0 else 0.9), keys, number > 0
    if concept.prefix:
        stem = concept.alternatives[0][0]
        found = {w for w in doc_words if w.startswith(stem)}
        if found:
            # Below any document with the word itself, whatever its field
            # or length: autocomplete only helps when the word is not there.
            return _PREFIX_WORTH, {word_key(w) for w in found}, False
    return 0.0, set(), False


def _why(doc: _Doc, matched: frozenset[str]) -> str:
    if doc.field in _FIELD_LABELS:
        return f"{_FIELD_LABELS[doc.field]}: {doc.path or doc.text} → {doc.code}"
    if doc.field == "inclusion_term":
        return f"inclusion term '{doc.text}'"
    found = _ORIGINAL_WORD.findall(doc.text)
    shown = list(dict.fromkeys(w for w in found if word_key(fold(w)) in matched))
    name = _WORD_FIELD_NAMES.get(doc.field, doc.field.replace("_", " "))
    return f"{name} has '{' '.join(shown)}'" if shown else f"{name} '{doc.text}'"


def _merge(hits: dict[tuple[str, str], _Hit], hit: _Hit) -> None:
    key = (hit.system, hit.code)
    held = hits.get(key)
    if held is None:
        hits[key] = hit
        return
    agreeing = len(hit.fields - held.fields)
    if hit.score > held.score:
        hit.fields |= held.fields
        hit.score += 2.0 * min(agreeing, 2)
        hits[key] = hit
    else:
        held.fields |= hit.fields
        held.score += 2.0 * min(agreeing, 2)


def _dated_score(hit: _Hit, state: CodeState) -> float:
    """The hit's score once the date of service is known."""
    if not state.valid:
        return hit.score - 40.0
    return hit.score + (8.0 if state.billable else 0.0)


def _result(hit: _Hit, state: CodeState, score: float, date: dt.date) -> SearchResult:
    why = hit.reasons()
    if not state.valid:
        why.append(f"not valid on {date.isoformat()}")
    return SearchResult(
        system=hit.system,
        code=hit.code,
        title=state.title,
        billable=state.valid and state.billable,
        score=round(score, 2),
        why="; ".join(why),
        kind=state.kind,
    )
