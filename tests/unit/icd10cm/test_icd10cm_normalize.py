from __future__ import annotations

import pytest

from codedesk import MalformedCodeError
from codedesk.icd10cm import looks_like, normalize


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("I219", "I21.9"),
        ("i21.9", "I21.9"),
        ("H40.11x0", "H40.11X0"),
        (" k922 ", "K92.2"),
        ("I2.19", "I21.9"),
        ("s72 001 a", "S72.001A"),
        ("N10", "N10"),
        ("c4a70", "C4A.70"),
        ("a00-a09", "A00-A09"),
    ],
)
def test_it_accepts_what_people_type(typed: str, canonical: str) -> None:
    assert normalize(typed) == canonical


def test_it_never_adds_or_drops_a_trailing_zero() -> None:
    assert normalize("E78.0") == "E78.0"
    assert normalize("E7800") == "E78.00"


def test_it_rejects_cpt_shaped_input() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("11646")

    assert caught.value.message == (
        "'11646' is not an ICD-10-CM code: ICD-10-CM codes start with a letter"
        " (e.g. I21.9)."
    )
    assert caught.value.system == "icd10cm"


def test_it_says_a_code_is_too_long() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("T07XXXXD")

    assert caught.value.message == (
        "'T07XXXXD' is not an ICD-10-CM code: it has 8 characters,"
        " and ICD-10-CM codes have at most 7."
    )


def test_it_rejects_empty_input() -> None:
    with pytest.raises(MalformedCodeError, match="An empty code was given."):
        normalize("  ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I219", True), ("E8015", True), ("11646", False), ("0LB50ZZ", False)],
)
def test_it_knows_the_shape_of_a_code(text: str, expected: bool) -> None:
    assert looks_like(text) is expected
