"""The synonym and abbreviation list kept as data (synonyms.tsv)."""

from __future__ import annotations

from importlib import resources

import pytest

from codedesk import DataError
from codedesk.search._synonyms import parse_synonyms, synonym_table
from codedesk.search._text import STOP_WORDS


def raw_lines() -> list[str]:
    text = resources.files("codedesk.search").joinpath("synonyms.tsv").read_text()
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_the_list_holds_several_hundred_meanings() -> None:
    assert len(raw_lines()) >= 300


def test_no_line_is_repeated() -> None:
    lines = raw_lines()

    assert len(lines) == len(set(lines))


def test_no_phrase_is_a_lone_stop_word() -> None:
    lone = [p for p in synonym_table() if len(p) == 1 and p[0] in STOP_WORDS]

    assert lone == []


def test_no_phrase_only_repeats_its_meaning() -> None:
    same = [
        phrase
        for phrase, synonyms in synonym_table().items()
        if any(s.meaning == phrase for s in synonyms)
    ]

    assert same == []


def test_the_abbreviations_the_issue_names_are_there() -> None:
    table = synonym_table()

    assert table[("heart", "attack")][0].meaning == ("myocardial", "infarction")
    assert table[("chf",)][0].meaning == ("congestive", "heart", "failure")
    for phrase in ("htn", "t2dm", "copd", "uti", "ckd", "gerd", "afib", "cva"):
        assert (phrase,) in table, phrase


def test_a_phrase_may_have_two_meanings() -> None:
    parsed = parse_synonyms(
        "appendectomy\texcision of appendix\nappendectomy\tresection of appendix\n"
    )

    assert [s.text for s in parsed[("appendectomy",)]] == [
        "excision of appendix",
        "resection of appendix",
    ]


def test_a_line_without_a_tab_is_an_error() -> None:
    with pytest.raises(DataError) as caught:
        parse_synonyms("# comment\nheart attack myocardial infarction\n")

    assert caught.value.message == (
        "synonyms.tsv line 2 is not 'phrase<TAB>meaning':"
        " 'heart attack myocardial infarction'"
    )
