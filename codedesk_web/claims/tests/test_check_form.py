"""The claim form at /check/, on the tiny edits database.

The pair 29881/29877 (indicator 0, since 2019-07-01) is from the I/OCE
hospital PTP extract; F02 "code first ... Alzheimer's (G30.-)" from the
April 2026 Tabular List extract.
"""

from __future__ import annotations

from pathlib import Path

from django.test import Client


def test_the_empty_form_has_no_results(client: Client, edits_site: Path) -> None:
    response = client.get("/check/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<form method="get"' in html
    assert "finding" not in html


def test_pasted_codes_show_findings_with_their_source_rows(
    client: Client, edits_site: Path
) -> None:
    response = client.get(
        "/check/",
        {
            "date": "2026-01-15",
            "setting": "facility",
            "lines": "29881 RT\n29877-59 x1",
            "diagnoses": "F02.80, G30.9",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Lines denied: 2" in html
    assert "29877 (line 2) is bundled into 29881 (line 1)" in html
    assert "column1: 29881<br>column2: 29877" in html
    assert "modifier indicator 0" in html
    assert "F02.80 is listed before G30.9" in html


def test_a_mistyped_line_code_is_a_finding_with_the_rest_checked(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/check/", {"date": "2026-01-15", "lines": "2988"})

    assert response.status_code == 200
    assert "&#x27;2988&#x27; is too short" in response.content.decode()


def test_a_bad_date_is_named_with_a_400(client: Client, edits_site: Path) -> None:
    response = client.get("/check/", {"date": "2026-13-01", "lines": "29881"})

    assert response.status_code == 400


def test_the_code_page_lists_ptp_partners_and_fees(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/codes/cpt/93990?date=2025-11-01")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Edits and fees" in html
    # 93990 national non-facility: (0.50 + 3.74 + 0.10) x 32.3465 = 140.38.
    assert "$140.38" in html


def test_the_code_page_lists_the_pairs_of_a_code(
    client: Client, edits_site: Path
) -> None:
    response = client.get("/codes/cpt/29881?date=2026-01-15&setting=facility")

    html = response.content.decode()
    # Extract: 29881 is column 1 of 29877 (0), 11042, 11045, 20610 (1).
    assert "29881 as column 1 (4 pairs)" in html
    assert ">29877</a>&nbsp;(0)" in html
