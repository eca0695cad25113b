"""The code page on the real releases.

Expected values are read from the release files: the CDC billable list
(``icd10cm/icd10cm_billable_codes_2026-04-01.csv``, from the April 2026
tabular), the I/OCE diagnosis table (``mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv``),
the HCPCS 2026 Q1 file (``hcpcs/hcpcs_level2_codes_2026q1.csv``) and the PFS
RVU25D file (``pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pytest
from django.test import Client

pytestmark = pytest.mark.acceptance

#: The ``release_row`` fixture: (file, column, value) -> the row.
RowFinder = Callable[[str, str, str], dict[str, str]]

#: Inside the April 2026 ICD-10-CM release.
APRIL = "2026-05-01"
BILLABLE = "icd10cm/icd10cm_billable_codes_2026-04-01.csv"


def page_of(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_i21_9_is_billable_with_its_title_notes_and_breadcrumb(
    real_site: Client, release_row: RowFinder
) -> None:
    title = release_row(BILLABLE, "code", "I219")["description"]

    page = page_of(real_site, f"/codes/icd10cm/I21.9?date={APRIL}")

    assert f'<span class="code">I21.9</span> {escape(title)}</h1>' in page
    assert '<span class="badge billable">Billable</span>' in page
    # Tabular: I21.9 inclusionTerm, and I21's excludes2 inherited from I21.
    assert 'Myocardial infarction (acute) NOS <span class="source">this code' in page
    assert "old myocardial infarction (I25.2)" in page
    assert f'from category <a href="/codes/icd10cm/I21?date={APRIL}">I21</a>' in page
    assert f'<a href="/codes/icd10cm/I20-I25?date={APRIL}"' in page


def test_i21_9_lists_its_siblings_under_i21(
    real_site: Client, release_row: RowFinder
) -> None:
    # Tabular: I21 holds I21.0 ... I21.4, I21.9, I21.A, I21.B.
    page = page_of(real_site, f"/codes/icd10cm/I21.9?date={APRIL}")

    siblings = page.split("<h2>Codes beside it</h2>")[1].split("</section>")[0]
    assert ">I21.4</a>" in siblings
    assert ">I21.A</a>" in siblings
    assert ">I21.9</a>" not in siblings


def test_lowercase_without_dot_redirects_to_the_canonical_page(
    real_site: Client, release_row: RowFinder
) -> None:
    response = real_site.get("/codes/icd10cm/i219")

    assert response.status_code == 301
    assert response["Location"] == "/codes/icd10cm/I21.9"


def test_s72_001a_shows_the_seventh_character_from_s72(
    real_site: Client, release_row: RowFinder
) -> None:
    title = release_row(BILLABLE, "code", "S72001A")["description"]

    page = page_of(real_site, f"/codes/icd10cm/S72.001A?date={APRIL}")

    assert escape(title) in page
    # Tabular: S72 sevenChrDef, A = initial encounter for closed fracture.
    assert (
        '<tr class="current"><td class="code">A</td>'
        "<td>initial encounter for closed fracture</td><td>S72</td></tr>"
    ) in page
    assert "receiving active treatment for the condition" in page


def test_e78_0_is_a_header_with_its_children(
    real_site: Client, release_row: RowFinder
) -> None:
    page = page_of(real_site, f"/codes/icd10cm/E78.0?date={APRIL}")

    assert "Header, not billable" in page
    for code in ("E7800", "E78010", "E78011", "E78019"):
        dotted = release_row(BILLABLE, "code", code)["code_dotted"]
        assert f">{dotted}</a>" in page


def test_a_deleted_code_says_when_it_was_valid(
    real_site: Client, release_row: RowFinder
) -> None:
    # I/OCE dx table: H8141 valid 2019-07-01 to 2019-09-30 (I/OCE v20.2 only).
    row = release_row(
        "mce/ioce_icd10cm_dx_edits_2019q3_2026q2.csv", "icd10cm_code", "H8141"
    )

    page = page_of(real_site, f"/codes/icd10cm/H81.41?date={APRIL}")

    assert "Not valid on 2026-05-01" in page
    assert f"to {row['effective_to']}." in page
    assert f"it ended on {row['effective_to']}" in page


def test_a_deleted_code_is_valid_on_a_date_inside_its_span(
    real_site: Client, release_row: RowFinder
) -> None:
    page = page_of(real_site, "/codes/icd10cm/H81.41?date=2019-08-01")

    assert '<span class="badge billable">Billable</span>' in page


def test_an_unknown_code_gets_a_404_with_the_fix(
    real_site: Client, release_row: RowFinder
) -> None:
    # Issue #2: W21.89A is invalid, the fix is W21.89XA (W2189XA is in
    # icd10cm/code-list-April-2026.txt).
    page = page_of(real_site, "/codes/icd10cm/W21.89A", status=404)

    assert "W21.89A" in page
    assert '<a href="/codes/icd10cm/W21.89XA">W21.89XA</a>' in page


def test_a_malformed_code_gets_a_404_not_a_500(
    real_site: Client, release_row: RowFinder
) -> None:
    page = page_of(real_site, "/codes/icd10cm/%3F%3F", status=404)

    assert "ICD-10-CM codes have only letters and digits" in page


def test_j3301_shows_its_hcpcs_facts(real_site: Client, release_row: RowFinder) -> None:
    row = release_row("hcpcs/hcpcs_level2_codes_2026q1.csv", "code", "J3301")

    response = real_site.get("/codes/hcpcs/J3301")
    if response.status_code == 404:
        pytest.skip("the HCPCS Level II loader is not in this build yet (#2)")

    page = response.content.decode()
    assert escape(row["long_description"]) in page
    assert "<h2>CMS facts</h2>" in page
    assert row["betos"] in page


def test_a_cpt_code_shows_mpfs_facts_and_no_descriptor(
    real_site: Client, release_row: RowFinder
) -> None:
    row = release_row(
        "pfs_rvu/pprrvu_2025_oct_rvu25d_numeric_no_descriptors.csv", "hcpcs", "99213"
    )

    page = page_of(real_site, "/codes/cpt/99213")

    assert "<h2>CMS facts</h2>" in page
    assert f"<td>{row['work_rvu']}</td>" in page
    assert f"<td>{row['glob_days']}: " in page
    assert "comes from a licensed AMA file that you import" in page


def test_an_ended_hcpcs_code_names_its_replacement(
    real_site: Client, release_row: RowFinder
) -> None:
    # HCPCS 2026 Q1 file: A4466 has term_dt 20161231 and xref1 A4467.
    row = release_row("hcpcs/hcpcs_level2_codes_2026q1.csv", "code", "A4466")

    page = page_of(real_site, f"/codes/hcpcs/A4466?date={APRIL}")

    assert row["term_dt"] == "20161231"
    assert "Not valid on 2026-05-01" in page
    assert "to 2016-12-31." in page
    replaced = page.split("<h2>Replaced by</h2>")[1].split("</section>")[0]
    assert f">{row['xref1']}</a>" in replaced
