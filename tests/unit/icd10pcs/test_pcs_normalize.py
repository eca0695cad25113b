from __future__ import annotations

import pytest

from codedesk import MalformedCodeError
from codedesk.icd10pcs import looks_like, normalize


def test_a_valid_code_is_kept() -> None:
    assert normalize(" 0lb50zz ") == "0LB50ZZ"


def test_a_table_header_is_accepted_as_a_header() -> None:
    assert normalize("02n") == "02N"
    assert looks_like("02N")


def test_the_letter_o_is_refused_with_the_digit_suggested() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("0LB5OZZ")

    error = caught.value
    assert error.message == (
        "'0LB5OZZ' is not an ICD-10-PCS code: it contains the letter O or I."
    )
    assert error.hint == (
        "ICD-10-PCS never uses the letters O and I, only the digits 0 and 1."
        " Did you mean 0LB50ZZ?"
    )
    assert error.suggestions == ("0LB50ZZ",)


def test_a_code_too_long_is_refused() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("0LB50ZZZ")

    assert caught.value.message == (
        "'0LB50ZZZ' is too long: it has 8 characters, and ICD-10-PCS codes have"
        " 7 (e.g. 0LB50ZZ)."
    )


def test_looks_like_takes_a_mistyped_o_to_explain_it() -> None:
    assert looks_like("0LB50ZZ")
    assert looks_like("0LB5OZZ")


@pytest.mark.parametrize("text", ["B20", "I219", "99213", "0LB50Z", "O365930"])
def test_looks_like_leaves_other_shapes_alone(text: str) -> None:
    # B20 and O36.5930 are ICD-10-CM; a PCS table starts with a digit.
    assert not looks_like(text)
