"""A hostile post cannot run script on any job board page."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from codedesk_web.jobs.models import JobPost

from .conftest import MINIMAL_PDF, make_job, user_with_role

PAYLOADS = [
    "<script>alert(1)</script>",
    '<a href="javascript:alert(2)">x</a>',
    "javascript:alert(3)",
    '" onmouseover="alert(4)" x="',
    "' onfocus='alert(5)' autofocus x='",
    "<img src=x onerror=alert(6)>",
    "</textarea><svg onload=alert(7)>",
]
TEXT_FIELDS = ["title", "employer", "location", "description", "how_to_apply"]
CHOICE_FIELDS = ["employment_type", "specialty", "credentials", "pay_period"]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}


class ScriptFinder(HTMLParser):
    """Collects every way a page could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "svg", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "autofocus"):
                self.found.append(f"{tag}[{name}]")
            lowered = (value or "").strip().lower()
            if name in URL_ATTRIBUTES and lowered.startswith("javascript:"):
                self.found.append(f"{tag}[{name}={value}]")


def scripts_in(html: str) -> list[str]:
    finder = ScriptFinder()
    finder.feed(html)
    return finder.found


def hostile_job(poster: User, payload: str) -> JobPost:
    # Choice columns are short; PostgreSQL refuses longer values, so each
    # gets as much of the payload as its column holds.
    fields = {
        name: payload[: getattr(JobPost._meta.get_field(name), "max_length", None)]
        for name in TEXT_FIELDS + CHOICE_FIELDS
    }
    return make_job(poster, **fields)


@pytest.fixture
def hostile_pages(
    poster_client: Client, applicant_client: Client, poster: User
) -> list[tuple[str, str]]:
    pages = []
    for payload in PAYLOADS:
        job = hostile_job(poster, payload)
        applicant_client.post(
            f"/jobs/{job.pk}/apply/",
            {"message": payload, "resume": SimpleUploadedFile("cv.pdf", MINIMAL_PDF)},
        )
        for url in (f"/jobs/{job.pk}/", f"/jobs/{job.pk}/applicants/"):
            pages.append((url, poster_client.get(url).text))
        pages.append(("apply", applicant_client.get(f"/jobs/{job.pk}/apply/").text))
        search = f"/jobs/?q={quote(payload)}&location={quote(payload)}"
        pages.append((search, poster_client.get(search).text))
    for url in ("/jobs/", "/jobs/mine/"):
        pages.append((url, poster_client.get(url).text))
    return pages


def test_no_page_shows_a_hostile_post_as_markup(
    hostile_pages: list[tuple[str, str]],
) -> None:
    found = {url: scripts_in(html) for url, html in hostile_pages}

    assert {url: tags for url, tags in found.items() if tags} == {}
    assert all("&lt;script&gt;" in html for _, html in hostile_pages[:2])


def test_the_edit_form_keeps_hostile_values_inside_their_attributes(
    poster_client: Client, poster: User
) -> None:
    for payload in PAYLOADS:
        job = hostile_job(poster, payload)

        html = poster_client.get(f"/jobs/{job.pk}/edit/").text

        assert scripts_in(html) == []


def test_the_finder_sees_the_markup_it_must_refuse() -> None:
    raw = "".join(PAYLOADS)

    assert len(scripts_in(f'<p>{raw}</p><input value="{PAYLOADS[3]}">')) >= 5


@pytest.mark.django_db
def test_pages_carry_no_inline_script(client: Client) -> None:
    poster = user_with_role("p", "employer")
    job = make_job(poster)

    html = client.get("/jobs/").text + client.get(f"/jobs/{job.pk}/").text

    assert "<script" not in html
