"""Read access to the edit tables, with the caches a batch of claims reuses."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._cache import LruCache
from ._records import AddonEdit, MueEdit, PtpEdit, SourceRef
from ._refs import CodeRange, parse_refs

#: MUE and PTP tables by claim setting.
PTP_SETTING = {"practitioner": "practitioner", "facility": "hospital", "dme": "dme"}
MUE_SETTING = {"practitioner": "practitioner", "facility": "hospital", "dme": "dme"}


_DX_COLUMNS = (
    "source, lo_age, hi_age, sex, manifestation, code_first, unacceptable_pdx,"
    " effective_from, effective_to"
)

#: Entries each cache holds before it drops the least recently used.
CACHE_LIMIT = 50_000

_PTP_COLUMNS = (
    "source, setting, column1, column2, modifier_indicator, effective_from,"
    " effective_to, prior_1996, rationale"
)
_ADDON_COLUMNS = (
    "source, addon_code, aoc_type, primary_code, effective_from, effective_to"
)


@dataclass(frozen=True)
class SourceRow:
    """One ``edit_source`` row."""

    id: int
    kind: str
    setting: str | None
    name: str
    vintage: str
    file: str
    effective_from: str | None
    effective_to: str | None


@dataclass(frozen=True)
class Status:
    """A code's standing on a date, from the shared ``span`` table.

    ``state`` is valid, header, ended, not_yet, unknown or unchecked (the
    database holds no spans for the system).
    """

    state: str
    valid_from: str | None = None
    valid_to: str | None = None
    title: str = ""
    source: str = ""


@dataclass(frozen=True)
class TabularNote:
    """A tabular note that applies to a code, with the ranges it names."""

    type: str
    text: str
    level: str
    refs: tuple[CodeRange, ...]


class EditData:
    """Queries the checker makes, on one read-only connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.sources = self._read_sources()
        self._sex_edits: bool | None = None
        self._modifiers: frozenset[str] | None = None
        self._modifiers_read = False
        self._spans_loaded: dict[str, bool] = {}
        self._releases: dict[str, tuple[str, str, str]] = {}
        # A batch re-reads the same codes: keep their facts, bounded.
        self._notes: LruCache[str, tuple[TabularNote, ...]] = LruCache(CACHE_LIMIT)
        self._parsed: LruCache[tuple[str, str, str], TabularNote] = LruCache(
            CACHE_LIMIT
        )
        self._status: LruCache[tuple[str, str, dt.date], Status] = LruCache(CACHE_LIMIT)
        self._dx_edits: LruCache[tuple[str, dt.date], DxEditRow | None] = LruCache(
            CACHE_LIMIT
        )
        self._addons: LruCache[tuple[str, dt.date], list[AddonEdit]] = LruCache(
            CACHE_LIMIT
        )
        self._ptp_rows: LruCache[tuple[object, ...], PtpEdit] = LruCache(CACHE_LIMIT)

    @property
    def has_sex_edits(self) -> bool:
        """Whether the diagnosis edit table limits any code to one sex."""
        if self._sex_edits is None:
            row = self.conn.execute(
                "SELECT value FROM meta WHERE key = 'dx_edit_sex_rows'"
            ).fetchone()
            self._sex_edits = row is not None and int(row[0]) > 0
        return self._sex_edits

    def _read_sources(self) -> dict[int, SourceRow]:
        if not self._table_exists("edit_source"):
            return {}
        rows = self.conn.execute(
            "SELECT id, kind, setting, name, vintage, file, effective_from,"
            " effective_to FROM edit_source ORDER BY id"
        ).fetchall()
        return {row[0]: SourceRow(*row) for row in rows}

    def _table_exists(self, name: str) -> bool:
        return self._exists(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )

    def _exists(self, sql: str, args: tuple[object, ...] = ()) -> bool:
        try:
            return self.conn.execute(sql + " LIMIT 1", args).fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def loaded(self, kind: str, setting: str | None = None) -> list[SourceRow]:
        """The loaded releases of a kind (and setting, when given)."""
        return [
            s
            for s in self.sources.values()
            if s.kind == kind and (setting is None or s.setting == setting)
        ]

    def ref(self, source_id: int, table: str, **extra: object) -> SourceRef:
        """A citation of an edit release row."""
        source = self.sources[source_id]
        skip = ("mi", "effective_from", "effective_to")
        row = {k: str(v) for k, v in extra.items() if v is not None and k not in skip}
        mi = extra.get("mi")
        return SourceRef(
            table=table,
            release=source.name,
            vintage=source.vintage,
            file=source.file,
            effective_from=str(
                extra.get("effective_from") or source.effective_from or ""
            )
            or None,
            effective_to=_text(extra.get("effective_to")),
            modifier_indicator=int(mi) if isinstance(mi, int) else None,
            row=row,
        )

    # -- procedure edits ---------------------------------------------------

    def ptp_between(
        self, codes: list[str], setting: str, day: dt.date | None
    ) -> list[PtpEdit]:
        """PTP rows whose two codes are both in ``codes`` (on a date, if given)."""
        marks = ", ".join("?" * len(codes))
        sql = (
            f"SELECT {_PTP_COLUMNS} FROM ptp"
            f" WHERE column1 IN ({marks}) AND column2 IN ({marks}) AND setting = ?"
        )
        args: list[object] = [*codes, *codes, setting]
        if day is not None:
            sql += " AND effective_from <= ?"
            sql += " AND (effective_to IS NULL OR effective_to >= ?)"
            args += [day.isoformat(), day.isoformat()]
        rows = self.conn.execute(sql + " ORDER BY effective_from", args).fetchall()
        return [self._cached_ptp(tuple(row)) for row in rows]

    def _cached_ptp(self, row: tuple[object, ...]) -> PtpEdit:
        try:
            return self._ptp_rows[row]
        except KeyError:
            edit = self._ptp_rows[row] = self._ptp(row)
            return edit

    def ptp_partners(
        self, code: str, column: str, setting: str, day: dt.date, limit: int
    ) -> tuple[list[PtpEdit], int]:
        """PTP rows in effect where ``code`` is in ``column``, and their count."""
        where = (
            f"WHERE {column} = ? AND setting = ? AND effective_from <= ?"
            " AND (effective_to IS NULL OR effective_to >= ?)"
        )
        args = (code, setting, day.isoformat(), day.isoformat())
        (count,) = self.conn.execute(
            f"SELECT count(*) FROM ptp {where}", args
        ).fetchone()
        rows = self.conn.execute(
            "SELECT source, setting, column1, column2, modifier_indicator,"
            " effective_from, effective_to, prior_1996, rationale FROM ptp"
            f" {where} ORDER BY column1, column2 LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [self._ptp(row) for row in rows], int(count)

    def _ptp(self, row: sqlite3.Row | tuple[object, ...]) -> PtpEdit:
        source, setting, c1, c2, mi, start, end, prior, rationale = tuple(row)
        ref = self.ref(
            int(str(source)),
            "ptp",
            column1=c1,
            column2=c2,
            mi=mi,
            effective_from=start,
            effective_to=end,
        )
        return PtpEdit(
            column1=str(c1),
            column2=str(c2),
            modifier_indicator=int(str(mi)),
            setting=str(setting),
            effective_from=str(start),
            effective_to=_text(end),
            source=ref,
            prior_1996=None if prior is None else bool(prior),
            rationale=_text(rationale),
        )

    def addons(self, code: str, column: str, day: dt.date) -> list[AddonEdit]:
        """Add-on rows in effect where ``code`` is the add-on or the primary."""
        rows = self.conn.execute(
            "SELECT source, addon_code, aoc_type, primary_code, effective_from,"
            f" effective_to FROM addon WHERE {column} = ? AND effective_from <= ?"
            " AND (effective_to IS NULL OR effective_to >= ?)"
            " ORDER BY addon_code, primary_code",
            (code, day.isoformat(), day.isoformat()),
        ).fetchall()
        return [self._addon(tuple(row)) for row in rows]

    def addons_among(
        self, codes: list[str], day: dt.date
    ) -> dict[str, list[AddonEdit]]:
        """The add-on rows in effect of every add-on code among ``codes``."""
        found = {c: self._addons[(c, day)] for c in codes if (c, day) in self._addons}
        missing = [c for c in codes if c not in found]
        if missing:
            found.update(self._read_addons(missing, day))
        return {code: edits for code, edits in found.items() if edits}

    def _read_addons(
        self, codes: list[str], day: dt.date
    ) -> dict[str, list[AddonEdit]]:
        marks = ", ".join("?" * len(codes))
        rows = self.conn.execute(
            f"SELECT {_ADDON_COLUMNS} FROM addon WHERE addon_code IN ({marks})"
            " AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)"
            " ORDER BY addon_code, primary_code",
            (*codes, day.isoformat(), day.isoformat()),
        ).fetchall()
        found: dict[str, list[AddonEdit]] = {code: [] for code in codes}
        for row in rows:
            found[str(row[1])].append(self._addon(tuple(row)))
        self._addons.update_from({(code, day): edits for code, edits in found.items()})
        return found

    def _addon(self, row: tuple[object, ...]) -> AddonEdit:
        source, addon, aoc_type, primary, start, end = row
        ref = self.ref(
            int(str(source)),
            "addon",
            addon_code=addon,
            aoc_type=aoc_type,
            primary_code=primary,
            effective_from=start,
            effective_to=end,
        )
        return AddonEdit(
            addon_code=str(addon),
            aoc_type=int(str(aoc_type)),
            primary_code=_text(primary),
            effective_from=str(start),
            effective_to=_text(end),
            source=ref,
        )

    def mue(self, code: str, setting: str, day: dt.date) -> MueEdit | None:
        """The MUE in effect for a code, from the newest release not after the date."""
        row = self.conn.execute(
            "SELECT source, code, setting, mue_value, mai, mai_text, rationale,"
            " effective_from FROM mue WHERE code = ? AND setting = ?"
            " AND (effective_from IS NULL OR effective_from <= ?)"
            " ORDER BY effective_from DESC, source DESC",
            (code, setting, day.isoformat()),
        ).fetchone()
        if row is None:
            return None
        source, code, setting, value, mai, mai_text, rationale, start = tuple(row)
        ref = self.ref(
            int(source),
            "mue",
            code=code,
            mue_value=value,
            mai=mai,
            effective_from=start,
        )
        return MueEdit(code, setting, int(value), int(mai), mai_text, rationale, ref)

    def known_modifiers(self) -> frozenset[str] | None:
        """The I/OCE list's modifiers and the HCPCS Level II ones.

        None when the I/OCE list is not loaded: the HCPCS code set alone
        lacks the numeric CPT modifiers (25, 59, 76 …).
        """
        if not self._modifiers_read:
            self._modifiers_read = True
            if self.loaded("modifier"):
                self._modifiers = frozenset(self._read_modifiers())
        return self._modifiers

    def _read_modifiers(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT modifier FROM ioce_modifier UNION SELECT code FROM code"
            " WHERE system = 'hcpcs' AND kind = 'modifier'"
        ).fetchall()
        return [str(row[0]) for row in rows]

    def modifier_source(self) -> SourceRef | None:
        """A citation of the loaded I/OCE modifier list."""
        sources = self.loaded("modifier")
        return self.ref(sources[-1].id, "ioce_modifier") if sources else None

    # -- code sets -----------------------------------------------------------

    def status(self, system: str, code: str, day: dt.date) -> Status:
        """Whether a code is valid (or a header) on a date, per the ``span`` table."""
        key = (system, code, day)
        if key not in self._status:
            self.prefetch_status(system, [code], day)
        return self._status[key]

    def prefetch_status(self, system: str, codes: list[str], day: dt.date) -> None:
        """Read the spans of several codes in one query (those not cached)."""
        codes = [c for c in codes if (system, c, day) not in self._status]
        if not codes:
            return
        if not self._system_has_spans(system):
            self._status.update_from(
                {(system, c, day): Status("unchecked") for c in codes}
            )
            return
        marks = ", ".join("?" * len(codes))
        rows = self.conn.execute(
            "SELECT code, valid_from, valid_to, from_floor, billable, title, source"
            f" FROM span WHERE system = ? AND code IN ({marks}) ORDER BY valid_from",
            (system, *codes),
        ).fetchall()
        for code in codes:
            spans = [tuple(r)[1:] for r in rows if r[0] == code]
            self._status[(system, code, day)] = _status_on(spans, day.isoformat())

    def _system_has_spans(self, system: str) -> bool:
        if system not in self._spans_loaded:
            self._spans_loaded[system] = self._exists(
                "SELECT 1 FROM span WHERE system = ?", (system,)
            )
        return self._spans_loaded[system]

    def replacements(self, system: str, code: str) -> list[str]:
        """Codes the ``replacement`` table names for a code."""
        rows = self.conn.execute(
            "SELECT replaced_by FROM replacement WHERE system = ? AND code = ?"
            " ORDER BY replaced_by",
            (system, code),
        ).fetchall()
        return [str(row[0]) for row in rows]

    def children(self, system: str, code: str, limit: int = 6) -> list[str]:
        """Codes one level below ``code`` in the hierarchy."""
        rows = self.conn.execute(
            "SELECT code FROM code WHERE system = ? AND parent = ? AND kind != 'block'"
            " ORDER BY seq, code LIMIT ?",
            (system, code, limit),
        ).fetchall()
        return [str(row[0]) for row in rows]

    def release_of(self, system: str, like: str = "%") -> tuple[str, str, str]:
        """(name, vintage, source file) of a system's release named ``like``.

        Without ``like``, the system's first release: the build loads each
        system's code set before its extras.
        """
        key = f"{system}:{like}"
        if key not in self._releases:
            row = self.conn.execute(
                "SELECT name, vintage, source FROM release WHERE system = ?"
                " ORDER BY name NOT LIKE ?, id",
                (system, like),
            ).fetchone()
            name, vintage, source = tuple(row) if row else (system, "", "")
            # Cite the file by name: a release's source may be a full path.
            self._releases[key] = (str(name), str(vintage), Path(str(source)).name)
        return self._releases[key]

    def prefetch_diagnoses(self, codes: list[str], day: dt.date) -> None:
        """Read the notes and I/OCE rows of several diagnoses in two queries."""
        self.prefetch_notes([c for c in codes if c not in self._notes])
        codes = [c for c in codes if (c, day) not in self._dx_edits]
        if not codes:
            return
        marks = ", ".join("?" * len(codes))
        rows = self.conn.execute(
            f"SELECT {_DX_COLUMNS}, code FROM dx_edit WHERE code IN ({marks})"
            " AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?)",
            (*codes, day.isoformat(), day.isoformat()),
        ).fetchall()
        self._dx_edits.update_from({(c, day): None for c in codes})
        self._dx_edits.update_from(
            {(str(r[-1]), day): DxEditRow(*tuple(r)[:-1]) for r in rows}
        )

    def notes(self, code: str) -> tuple[TabularNote, ...]:
        """ICD-10-CM excludes1 and code-first notes at the code and above it."""
        if code not in self._notes:
            self.prefetch_notes([code])
        return self._notes[code]

    def prefetch_notes(self, codes: list[str]) -> None:
        """Read the notes of several codes (from ``dx_note``) in one query."""
        if not codes:
            return
        marks = ", ".join("?" * len(codes))
        rows = self.conn.execute(
            "SELECT code, level, type, text FROM dx_note"
            f" WHERE code IN ({marks}) ORDER BY code, depth, seq",
            codes,
        ).fetchall()
        found: dict[str, list[TabularNote]] = {code: [] for code in codes}
        for code, level, kind, text in rows:
            found[str(code)].append(self._note(str(kind), str(text), str(level)))
        self._notes.update_from({code: tuple(notes) for code, notes in found.items()})

    def _note(self, kind: str, text: str, level: str) -> TabularNote:
        key = (kind, text, level)
        if key not in self._parsed:
            self._parsed[key] = TabularNote(kind, text, level, parse_refs(text))
        return self._parsed[key]

    def dx_edit(self, code: str, day: dt.date) -> DxEditRow | None:
        """The I/OCE diagnosis attributes of a code on a date."""
        key = (code, day)
        if key not in self._dx_edits:
            self.prefetch_diagnoses([code], day)
        return self._dx_edits[key]


@dataclass(frozen=True)
class DxEditRow:
    """One period of a diagnosis's I/OCE attributes."""

    source: int
    lo_age: int
    hi_age: int
    sex: int
    manifestation: int
    code_first: int
    unacceptable_pdx: int
    effective_from: str
    effective_to: str | None


def _status_on(rows: list[tuple[Any, ...]], day: str) -> Status:
    if not rows:
        return Status("unknown")
    for valid_from, valid_to, floor, billable, title, source in rows:
        started = valid_from is None or floor or valid_from <= day
        if started and (valid_to is None or day <= valid_to):
            state = "valid" if billable else "header"
            return Status(state, valid_from, valid_to, title, source)
    first, last = rows[0], rows[-1]
    if first[0] is not None and day < first[0]:
        return Status("not_yet", first[0], first[1], first[4], first[5])
    return Status("ended", last[0], last[1], last[4], last[5])


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
