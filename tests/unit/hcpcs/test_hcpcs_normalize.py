from __future__ import annotations

import pytest

from codedesk import MalformedCodeError
from codedesk.hcpcs import is_modifier, looks_like, normalize


def test_it_upper_cases_a_typed_code() -> None:
    assert normalize(" j3301 ") == "J3301"


def test_it_accepts_a_modifier() -> None:
    assert normalize("lt") == "LT"
    assert is_modifier("LT")


def test_it_rejects_a_short_code_with_the_shape_it_needs() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("J330")

    assert caught.value.message == (
        "'J330' is too short: a HCPCS Level II code has 5 characters (e.g. J3301)"
        " and a modifier 2 (e.g. LT)."
    )
    assert caught.value.hint == (
        "A HCPCS Level II code is a letter and four digits, e.g. J3301."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("J3301", True), ("99213", False), ("lt", True), ("25", False)],
)
def test_looks_like_tells_level_two_from_cpt(text: str, expected: bool) -> None:
    assert looks_like(text) is expected
