from __future__ import annotations

import pytest

from codedesk import MalformedCodeError
from codedesk.cpt import looks_like, normalize


@pytest.mark.parametrize("text", ["01967", "0001U", "0001F", "0596T", "99213"])
def test_it_keeps_leading_zeros_and_letters(text: str) -> None:
    assert normalize(f" {text.lower()} ") == text


def test_it_suggests_the_leading_zero_a_short_code_lost() -> None:
    with pytest.raises(MalformedCodeError) as caught:
        normalize("1967")

    assert caught.value.message == (
        "'1967' is too short: it has 4 characters, and CPT codes have 5 (e.g. 99213)."
    )
    assert caught.value.hint is not None
    assert "did you mean 01967?" in caught.value.hint


@pytest.mark.parametrize("text", ["J3301", "0001X", "9921", "I21.9", "992134"])
def test_it_does_not_take_other_shapes_for_cpt(text: str) -> None:
    assert not looks_like(text)


@pytest.mark.parametrize("text", ["99213", "0001f", "0596T", "0001M"])
def test_it_recognises_cpt_shapes(text: str) -> None:
    assert looks_like(text)
