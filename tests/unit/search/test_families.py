"""Seventh-character families (codes from icd10cm_billable_codes_2026-04-01.csv
rows 32973, 32975 and 32979: S42.309A, S42.309D, S42.309S)."""

from __future__ import annotations

from dataclasses import dataclass

from codedesk.search._families import family_of, names_encounter, rank_families


@dataclass
class Hit:
    system: str
    code: str
    score: float


def test_a_seven_character_code_belongs_to_its_header() -> None:
    assert family_of("icd10cm", "S42.309S") == "S42.309"
    assert family_of("icd10cm", "S42.309") is None
    assert family_of("icd10pcs", "0SQD4ZZ") is None


def test_without_an_encounter_the_initial_encounter_code_leads_its_family() -> None:
    hits = [
        Hit("icd10cm", "S42.309S", 90.0),
        Hit("icd10cm", "S42.309D", 85.0),
        Hit("icd10cm", "S42.309A", 80.0),
        Hit("icd10cm", "R55", 70.0),
    ]

    ranked = rank_families(hits, encounter_named=False)

    assert [h.code for h in ranked] == ["S42.309A", "R55"]


def test_a_named_encounter_keeps_the_best_variant_of_its_family() -> None:
    hits = [Hit("icd10cm", "S42.309S", 90.0), Hit("icd10cm", "S42.309A", 80.0)]

    ranked = rank_families(hits, encounter_named=True)

    assert [h.code for h in ranked] == ["S42.309S"]


def test_the_header_stands_for_its_family() -> None:
    hits = [Hit("icd10cm", "S42.309", 90.0), Hit("icd10cm", "S42.309A", 80.0)]

    assert [h.code for h in rank_families(hits, False)] == ["S42.309"]


def test_encounter_words_are_recognised() -> None:
    assert names_encounter(["arm", "sequela"])
    assert not names_encounter(["broke", "my", "arm"])
