"""Fixtures for the site's tests: a small fake desk.

``fake_desk`` answers lookups and searches from a handful of records whose
titles, notes, seventh characters, dates and facts are copied from the
official files (each record names the file and row). View tests use it to
check what the pages do with a record; the acceptance tests in
tests/acceptance run the same pages on the real build.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from codedesk import (
    CodeRecord,
    CodeRef,
    Fact,
    Note,
    SearchResult,
    SeventhCharacter,
    UnknownCodeError,
)
from codedesk_web.lib import desk as desk_module

TABULAR = "icd10cm/icd10c-tabular-April-1-2026.xml"
TODAY = dt.date.today()


def ref(code: str, kind: str, title: str, billable: bool = False) -> CodeRef:
    return CodeRef("icd10cm", code, kind, title, billable)


# ICD-10-CM tabular, April 1 2026: category I21 and code I21.9.
I21 = ref("I21", "category", "Acute myocardial infarction")
I21_9 = ref("I21.9", "code", "Acute myocardial infarction, unspecified", True)
I21_A = ref("I21.A", "subcategory", "Other type of myocardial infarction")
# Tabular, category E78: subcategory E78.0 and its two codes.
E78_0 = ref("E78.0", "subcategory", "Pure hypercholesterolemia")
E78_00 = ref("E78.00", "code", "Pure hypercholesterolemia, unspecified", True)
E78_01 = ref("E78.01", "code", "Familial hypercholesterolemia", True)
# Tabular, category S72 and the levels down to S72.001.
S72 = ref("S72", "category", "Fracture of femur")
S72_0 = ref("S72.0", "subcategory", "Fracture of head and neck of femur")
S72_00 = ref("S72.00", "subcategory", "Fracture of unspecified part of neck of femur")
S72_001 = ref(
    "S72.001", "subcategory", "Fracture of unspecified part of neck of right femur"
)
# Seventh characters defined at S72 (tabular sevenChrDef), the first and last.
S72_SEVENTH = [
    SeventhCharacter("A", "initial encounter for closed fracture", "S72"),
    SeventhCharacter(
        "D", "subsequent encounter for closed fracture with routine healing", "S72"
    ),
    SeventhCharacter("S", "sequela", "S72"),
]


def record(system: str, code: str, title: str, **fields: object) -> CodeRecord:
    values: dict[str, object] = {
        "kind": "code",
        "date": TODAY,
        "status": "valid",
        "billable": True,
        "valid_from": None,
        "valid_to": None,
    }
    values.update(fields)
    return CodeRecord(system=system, code=code, title=title, **values)  # type: ignore[arg-type]


RECORDS: list[CodeRecord] = [
    record(
        "icd10cm",
        "I21.9",
        I21_9.title,
        parents=[I21],
        notes={
            # Tabular, I21.9 inclusionTerm.
            "inclusion_term": [
                Note(
                    "inclusion_term",
                    "Myocardial infarction (acute) NOS",
                    "I21.9",
                    "code",
                    False,
                )
            ],
            # Tabular, I21 excludes2 (first note).
            "excludes2": [
                Note(
                    "excludes2",
                    "old myocardial infarction (I25.2)",
                    "I21",
                    "category",
                    True,
                )
            ],
        },
    ),
    record(
        "icd10cm",
        "I21",
        I21.title,
        kind="category",
        status="header",
        billable=False,
        children=[I21_9, I21_A],
    ),
    record(
        "icd10cm",
        "E78.0",
        E78_0.title,
        kind="subcategory",
        status="header",
        billable=False,
        children=[E78_00, E78_01],
        billable_descendants=[E78_00, E78_01],
        billable_descendant_count=2,
    ),
    record(
        "icd10cm",
        "S72.001A",
        # Tabular title of S72.001 with the meaning of 7th character A (S72).
        "Fracture of unspecified part of neck of right femur,"
        " initial encounter for closed fracture",
        # I/OCE dx table (mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv), S72001A.
        short_title="Fracture of unsp part of neck of right femur, init",
        parents=[S72, S72_0, S72_00, S72_001],
        seventh_characters=S72_SEVENTH,
    ),
    record(
        "icd10cm",
        "G35",
        # Deleted in FY2026 (icd10cm_changes_fy2025_to_2026-04-01_derived.csv);
        # the I/OCE dx table ends it on 2025-09-30.
        "Multiple sclerosis",
        status="ended",
        billable=False,
        valid_from=dt.date(2019, 7, 1),
        valid_to=dt.date(2025, 9, 30),
        from_floor=True,
        replaced_by=[
            ref("G35.A", "code", "Relapsing-remitting multiple sclerosis", True),
            ref("G35.D", "code", "Multiple sclerosis, unspecified", True),
        ],
    ),
    record(
        "hcpcs",
        "J3301",
        # HCPCS 2026 Q1 ANWEB, J3301 long and short descriptions.
        "Injection, triamcinolone acetonide, not otherwise specified, 10 mg",
        short_title="Triamcinolone acet inj nos",
        valid_from=dt.date(1991, 1, 1),
        facts=[
            Fact("HCPCS", "price1", "Pricing indicator", "51", "HCPCS 2026 Q1"),
            Fact("HCPCS", "cov", "Coverage", "D", "HCPCS 2026 Q1"),
            Fact("HCPCS", "betos", "BETOS", "O1E", "HCPCS 2026 Q1"),
            # I/OCE HCPCS table, J3301 current row: status indicator N.
            Fact("OPPS", "status_indicator", "OPPS status indicator", "N", "I/OCE"),
        ],
    ),
    record(
        "cpt",
        "0001U",
        "",
        # A licensed descriptor as a user's import would give it; the text is
        # invented for the test and is not the AMA's.
        licensed_text={"long": "Invented test descriptor, not AMA text"},
    ),
    record(
        "cpt",
        "99213",
        "",
        # PFS RVU25D (pprrvu_2025_oct), 99213: status A, work RVU 1.30, XXX.
        facts=[
            Fact("MPFS", "status_code", "Status", "A", "PFS RVU25D"),
            Fact("MPFS", "work_rvu", "Work RVU", "1.30", "PFS RVU25D"),
            Fact("MPFS", "glob_days", "Global days", "XXX", "PFS RVU25D"),
        ],
    ),
]

#: Fixes the fake desk offers; W21.89A -> W21.89XA is the issue's own case,
#: checked against the code list (code-list-April-2026.txt has W2189XA).
SUGGESTIONS: dict[str, tuple[str, ...]] = {"W2189A": ("W21.89XA",)}


class FakeDesk:
    """Answers ``lookup`` and ``search`` from ``RECORDS``."""

    def __init__(self) -> None:
        self.by_code = {
            (item.system, item.code.replace(".", "")): item for item in RECORDS
        }
        self.calls: list[tuple[str, str | None, dt.date]] = []

    def lookup(
        self, text: str, *, system: str | None = None, date: dt.date | None = None
    ) -> CodeRecord:
        day = date or TODAY
        self.calls.append((text, system, day))
        bare = text.strip().upper().replace(".", "")
        for (name, code), item in self.by_code.items():
            if code == bare and system in (None, name):
                return CodeRecord(**{**item.__dict__, "date": day})
        raise UnknownCodeError(
            f"{text} is not an ICD-10-CM code.",
            code=text,
            system=system or "icd10cm",
            hint="Check the characters after the dot.",
            suggestions=SUGGESTIONS.get(bare, ()),
        )

    def siblings(
        self,
        text: str | CodeRecord,
        *,
        system: str | None = None,
        date: dt.date | None = None,
    ) -> list[CodeRef]:
        if isinstance(text, CodeRecord):
            item = text
        else:
            item = self.lookup(text, system=system, date=date)
        if not item.parents:
            return []
        parent = self.lookup(item.parents[-1].code, system=item.system, date=item.date)
        return [ref for ref in parent.children if ref.code != item.code]

    def search(
        self,
        query: str,
        *,
        system: str | None = None,
        date: dt.date | None = None,
        limit: int = 20,
        billable_only: bool = False,
    ) -> list[SearchResult]:
        self.calls.append((query, system, date or TODAY))
        if query.lower() != "heart attack":
            return []
        hits = [
            SearchResult(
                "icd10cm", "I21.9", I21_9.title, True, 9.5, "synonym: heart attack"
            ),
            SearchResult(
                "icd10cm", "I21", I21.title, False, 8.0, "synonym: heart attack"
            ),
        ]
        hits = [hit for hit in hits if hit.billable or not billable_only]
        return hits[:limit]


@pytest.fixture
def fake_desk(monkeypatch: pytest.MonkeyPatch, db: None) -> FakeDesk:
    """The site's desk replaced by ``FakeDesk`` (pages meter views in the db)."""
    desk = FakeDesk()
    monkeypatch.setattr(desk_module, "open_desk", lambda path: desk)
    return desk


@pytest.fixture
def web(db: None) -> Client:
    """A browser with a session (the site database is a test one)."""
    return Client()
