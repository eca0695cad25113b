"""The checker's bounded caches: a reused checker answers as a fresh one."""

from __future__ import annotations

import gc
import io
import json
import sqlite3

import pytest

from codedesk.cli._check import check_batch
from codedesk.edits import Checker, claim_from_dict
from codedesk.edits import _data as data_module
from codedesk.edits._cache import LruCache

from .test_edits_cli import CLAIM


def test_the_cache_drops_the_least_recently_used_entry() -> None:
    cache: LruCache[str, int] = LruCache(2)
    cache["a"] = 1
    cache["b"] = 2

    assert cache["a"] == 1
    cache["c"] = 3

    assert list(cache) == ["a", "c"]


def test_a_reused_checker_reports_what_a_fresh_one_does(
    edits_conn: sqlite3.Connection,
) -> None:
    claim = claim_from_dict(CLAIM)
    checker = Checker(edits_conn)

    first = checker.check(claim)
    again = checker.check(claim)

    assert first.findings
    assert again == first == Checker(edits_conn).check(claim)


def test_a_checker_whose_caches_hold_one_entry_reports_the_same(
    edits_conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = claim_from_dict(CLAIM)
    expected = Checker(edits_conn).check(claim)
    monkeypatch.setattr(data_module, "CACHE_LIMIT", 1)

    tiny = Checker(edits_conn)

    assert tiny.check(claim) == tiny.check(claim) == expected


def test_a_batch_restores_the_collector_settings(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    before = gc.get_threshold()

    line = json.dumps(CLAIM).encode()
    check_batch(checker, io.BytesIO(line + b"\n" + line))

    first, second = out.getvalue().splitlines()
    assert first == second
    assert json.loads(first)["denied_lines"] == [2]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
