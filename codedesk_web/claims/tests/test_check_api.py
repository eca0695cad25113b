"""``/api/v1/check``, ``/api/v1/check/pair`` and ``/api/v1/check/facts``.

Values from the tiny edits database's extracts: 27447/20610 indicator 1 and
99213/G0444 (2019-07-01 to 2019-12-31, then from 2020-10-01) from the I/OCE
hospital PTP export; G63 Excludes1 "diabetes mellitus (E08-E13 with .42)"
from the April 2026 Tabular List; 11045 type 1 add-on of 11042.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.test import Client

CLAIM = {
    "date_of_service": "2026-01-15",
    "setting": "facility",
    "lines": ["27447", {"code": "20610", "modifiers": ["XS"]}, "11045"],
    "diagnoses": ["E11.42", "G63"],
}


def post(client: Client, body: object) -> tuple[int, dict[str, object]]:
    response = client.post(
        "/api/v1/check", json.dumps(body), content_type="application/json"
    )
    return response.status_code, response.json()


def test_it_checks_a_claim(client: Client, edits_site: Path) -> None:
    status, body = post(client, CLAIM)

    findings = body["findings"]
    assert status == 200
    assert isinstance(findings, list)
    rules = [(f["rule"], f["severity"]) for f in findings]
    assert ("addon", "deny") in rules
    assert ("ncci_ptp", "info") in rules
    assert ("excludes1", "review") in rules
    assert body["denied_lines"] == [3]


def test_a_bad_claim_is_a_400_that_names_the_field(
    client: Client, edits_site: Path
) -> None:
    status, body = post(client, {**CLAIM, "setting": "ward"})

    assert status == 400
    assert body["error"] == "'setting' is 'ward', not a claim setting."
    assert body["hint"] == "Use one of: practitioner, facility, dme."


def test_the_pair_endpoint_answers_both_ways_round(
    client: Client, edits_site: Path
) -> None:
    response = client.get(
        "/api/v1/check/pair",
        {
            "code1": "G0444",
            "code2": "99213",
            "date": "2019-12-31",
            "setting": "facility",
        },
    )

    body = response.json()
    assert response.status_code == 200
    assert [(e["column1"], e["column2"]) for e in body["ptp"]] == [("99213", "G0444")]
    assert body["ptp"][0]["effective_to"] == "2019-12-31"


def test_the_facts_endpoint_lists_add_on_relations(
    client: Client, edits_site: Path
) -> None:
    response = client.get(
        "/api/v1/check/facts", {"code": "11042", "date": "2026-01-15"}
    )

    body = response.json()
    assert response.status_code == 200
    assert [e["addon_code"] for e in body["addons_of"]] == ["11045"]


def test_the_pair_endpoint_rejects_a_diagnosis_code_with_a_400(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/api/v1/check/pair", {"code1": "E11.9", "code2": "I10"})

    assert response.status_code == 400
    assert response.json()["error"] == (
        "E11.9 is an ICD-10-CM diagnosis code;"
        " PTP edits pair procedure codes (CPT/HCPCS)."
    )


def test_the_pair_endpoint_rejects_text_that_is_not_a_code_with_a_400(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/api/v1/check/pair", {"code1": "abc", "code2": "27447"})

    assert response.status_code == 400
    assert response.json()["error"] == "'ABC' is not a CPT or HCPCS code."


def test_the_facts_endpoint_rejects_a_diagnosis_code_given_as_cpt_with_a_400(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/api/v1/check/facts", {"code": "E11.9", "system": "cpt"})

    assert response.status_code == 400
    assert response.json()["error"].startswith("E11.9 is an ICD-10-CM diagnosis code;")


def test_a_deeply_nested_body_is_a_400_without_python_internals(
    client: Client, edits_site: Path, settings: Any
) -> None:
    settings.DEBUG = True
    body = "[" * 100_000 + "]" * 100_000

    response = client.post("/api/v1/check", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"] == "The request body is not JSON that can be read."
    assert "recursion" not in response.content.decode()


def test_a_claim_with_100000_lines_is_a_400_naming_the_cap(
    client: Client, edits_site: Path
) -> None:
    status, body = post(client, {**CLAIM, "lines": ["27447"] * 100_000})

    assert status == 400
    assert body["error"] == (
        "The claim has 100,000 service lines; a facility claim takes at most 999"
        " (the 837I limit)."
    )
