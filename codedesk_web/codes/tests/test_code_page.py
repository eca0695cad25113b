"""The code page, on the fake desk (what the page does with a record).

The records and their values come from the official files named in
``codedesk_web/conftest.py``.
"""

from __future__ import annotations

import datetime as dt

from django.test import Client

from codedesk_web.conftest import FakeDesk


def test_it_shows_title_badge_summary_and_notes_with_their_source(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/codes/icd10cm/I21.9")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Acute myocardial infarction, unspecified" in page
    assert '<span class="badge billable">Billable</span>' in page
    assert "I21.9 is a billable ICD-10-CM code" in page
    assert "<h3>Inclusion terms</h3>" in page
    assert "Myocardial infarction (acute) NOS" in page
    assert "<h3>Excludes2</h3>" in page
    assert 'from category <a href="/codes/icd10cm/I21">I21</a>' in page


def test_it_shows_the_breadcrumb_and_the_siblings(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/icd10cm/I21.9").content.decode()

    assert '<a href="/codes/icd10cm/I21" title="Acute myocardial infarction">' in page
    assert "<h2>Codes beside it</h2>" in page
    assert "Other type of myocardial infarction" in page


def test_it_redirects_what_people_type_to_the_canonical_url(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/codes/icd10cm/i219")

    assert response.status_code == 301
    assert response["Location"] == "/codes/icd10cm/I21.9"


def test_the_redirect_keeps_the_date_of_service(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/codes/ICD10CM/i219?date=2022-06-01")

    assert response["Location"] == "/codes/icd10cm/I21.9?date=2022-06-01"


def test_it_shows_the_seventh_character_table_and_marks_the_one_used(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/icd10cm/S72.001A").content.decode()

    assert "<h2>Seventh characters</h2>" in page
    assert (
        '<tr class="current"><td class="code">A</td>'
        "<td>initial encounter for closed fracture</td><td>S72</td></tr>"
    ) in page
    assert "Its seventh character, A, means" in page


def test_a_header_lists_its_children_and_says_it_is_not_billable(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/icd10cm/E78.0").content.decode()

    assert "Header, not billable" in page
    assert '<a class="code" href="/codes/icd10cm/E78.00">E78.00</a>' in page
    assert '<a class="code" href="/codes/icd10cm/E78.01">E78.01</a>' in page


def test_an_ended_code_says_when_it_was_valid_and_what_replaced_it(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/icd10cm/G35").content.decode()

    assert "Not valid on" in page
    assert "to 2025-09-30" in page
    assert '<a class="code" href="/codes/icd10cm/G35.A">G35.A</a>' in page


def test_an_unknown_code_gets_a_404_with_the_suggestion(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/codes/icd10cm/W21.89A")

    page = response.content.decode()
    assert response.status_code == 404
    assert "W21.89A is not an ICD-10-CM code." in page
    assert '<a href="/codes/icd10cm/W21.89XA">W21.89XA</a>' in page


def test_an_unknown_system_gets_a_404_naming_it(
    web: Client, fake_desk: FakeDesk
) -> None:
    response = web.get("/codes/icd9/250.00")

    assert response.status_code == 404
    assert "&#x27;icd9&#x27; is not a code system." in response.content.decode()


def test_hcpcs_shows_the_cms_facts(web: Client, fake_desk: FakeDesk) -> None:
    page = web.get("/codes/hcpcs/J3301").content.decode()

    assert "<h2>CMS facts</h2>" in page
    assert '<th scope="row">OPPS status indicator</th><td>N</td>' in page
    assert "<h2>CPT descriptor</h2>" not in page


def test_cpt_says_the_descriptor_comes_from_a_licensed_file(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/cpt/99213").content.decode()

    assert "<h2>CPT descriptor</h2>" in page
    assert "comes from a licensed AMA file that you import" in page
    assert '<th scope="row">Work RVU</th><td>1.30</td>' in page


def test_the_date_of_service_reaches_the_lookup_and_the_links(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/icd10cm/I21.9?date=2022-06-01").content.decode()

    assert fake_desk.calls[0] == ("I21.9", "icd10cm", dt.date(2022, 6, 1))
    assert 'href="/codes/icd10cm/I21?date=2022-06-01"' in page
    assert 'value="2022-06-01"' in page


def test_the_session_remembers_the_date_of_service(
    web: Client, fake_desk: FakeDesk
) -> None:
    web.get("/codes/icd10cm/I21.9?date=2022-06-01")

    web.get("/codes/icd10cm/E78.0")

    assert fake_desk.calls[-1] == ("E78.0", "icd10cm", dt.date(2022, 6, 1))


def test_an_empty_date_goes_back_to_today(web: Client, fake_desk: FakeDesk) -> None:
    web.get("/codes/icd10cm/I21.9?date=2022-06-01")

    web.get("/codes/icd10cm/I21.9?date=")

    assert fake_desk.calls[-1][2] == dt.date.today()


def test_a_bad_date_is_a_400_naming_it(web: Client, fake_desk: FakeDesk) -> None:
    response = web.get("/codes/icd10cm/I21.9?date=2022-13-01")

    assert response.status_code == 400
    assert "&#x27;2022-13-01&#x27; is not a date." in response.content.decode()


def test_no_code_database_is_a_503_saying_how_to_build_one(
    web: Client, settings: object, tmp_path: object
) -> None:
    from pytest_django.fixtures import Settings as SettingsWrapper

    assert isinstance(settings, SettingsWrapper)
    settings.CODEDESK_DB = f"{tmp_path}/none.sqlite3"

    response = web.get("/codes/icd10cm/I21.9")

    assert response.status_code == 503
    assert "codedesk data build" in response.content.decode()


def test_cpt_shows_an_imported_descriptor_as_licensed(
    web: Client, fake_desk: FakeDesk
) -> None:
    page = web.get("/codes/cpt/0001U").content.decode()

    assert "<dd>Invented test descriptor, not AMA text</dd>" in page
    assert "From the licensed file imported into this desk." in page
    assert "none is imported here" not in page


def test_an_unknown_page_is_a_plain_404(web: Client) -> None:
    response = web.get("/no/such/page")

    assert response.status_code == 404
    assert "There is no page at /no/such/page." in response.content.decode()
